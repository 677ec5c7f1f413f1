"""Account writes: creating people and giving them roles."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from . import signals
from .models import Role, User


@transaction.atomic
def register_learner(
    *, email: str, display_name: str, password: str, language: str = ""
) -> User:
    """A new sign-up: an active account in the Students group; `language`
    (default the site's) for its e-mails and certificates. Its address is
    not verified yet: `user_signed_up` is sent in this transaction (the
    notifications app welcomes the person and sends the verification link)."""
    user = User.objects.create_user(
        email=email,
        password=password,
        display_name=display_name,
        language=_language(language),
        email_verified_at=None,
    )
    assign_role(user=user, role=Role.STUDENT)
    signals.user_signed_up.send(sender=User, user=user)
    return user


def assign_role(*, user: User, role: Role) -> None:
    user.groups.add(Group.objects.get(name=role.value))


def _language(code: str | None) -> str:
    """`code` when it is one of the site's languages, else the default."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def remember_language(*, user: User, language: str | None) -> None:
    """Keep `language` (one of settings.LANGUAGES; anything else is ignored)
    as the user's language for e-mails and certificates; one conditional
    update, none when it is already theirs."""
    if language not in dict(settings.LANGUAGES):
        return
    assert language is not None
    User.objects.filter(pk=user.pk).exclude(language=language).update(language=language)
    user.language = language
