"""E-mail address verification: a signed link naming the account and the
address, so a link stops working when the address changes; valid for
VERIFICATION_MAX_AGE. Sending the link is the notifications app's job
(kind "email_verification"); this module makes and checks it."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import User

SALT = "accounts.email-verification"
MAX_AGE = 7 * 24 * 3600


def token_for(user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=SALT, compress=True)


def path_for(user: User) -> str:
    """The link's path, in the active language."""
    return reverse("accounts:verify_email", args=[token_for(user)])


def verify(token: str) -> User | None:
    """Mark the token's account verified; the account, or None when the
    token is forged, expired, or names an address the account no longer has."""
    try:
        data = signing.loads(token[:500], salt=SALT, max_age=MAX_AGE)
        user_id, email = int(data["u"]), str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    user = User.objects.filter(pk=user_id, email=email, is_active=True).first()
    if user is None:
        return None
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        User.objects.filter(pk=user.pk, email_verified_at__isnull=True).update(
            email_verified_at=user.email_verified_at
        )
    return user
