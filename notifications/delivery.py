"""E-mail delivery from the rows: the worker sends what is due, retrying with
exponential backoff, and a mail server that is down only delays mail.

Each row (or a recipient's digest rows) is claimed with a lease, a
conditional UPDATE: two workers that pick the same row cannot both claim it,
and a worker that dies mid-send leaves a lease that expires, after which the
row is tried again. Every e-mail has a plain-text and an HTML part, in the
recipient's language, and (optional kinds) RFC 8058 one-click unsubscribe
headers.
"""

from __future__ import annotations

import contextlib
import logging
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from accounts.models import User

from .kinds import absolute
from .models import Delivery, Notification
from .services import DIGEST, unsubscribe_token

logger = logging.getLogger(__name__)

BATCH = 200


def _lease() -> timedelta:
    return timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failure: base * 2**(attempts - 1), capped."""
    seconds = settings.NOTIFICATION_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.NOTIFICATION_RETRY_MAX_SECONDS))


def _unsubscribe_url(user_id: int, kind: str, language: str) -> str:
    with translation.override(language):
        path = reverse(
            "notifications:unsubscribe", args=[unsubscribe_token(user_id, kind)]
        )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _language(user: User) -> str:
    codes = dict(settings.LANGUAGES)
    return user.language if user.language in codes else settings.LANGUAGE_CODE


def _headers(unsubscribe: str) -> dict[str, str]:
    if not unsubscribe:
        return {}
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def message_for(notification: Notification) -> EmailMultiAlternatives:
    """The e-mail of one notification, in its recipient's language."""
    user = notification.recipient
    language = _language(user)
    kind = notification.kind_object
    subject, body = notification.render(language)
    unsubscribe = ""
    if kind is not None and kind.optional:
        unsubscribe = _unsubscribe_url(user.pk, notification.kind, language)
    with translation.override(language):
        context = {
            "recipient": user,
            "subject": subject,
            "items": [
                {
                    "title": subject,
                    "body": body,
                    "url": absolute(notification.url, language),
                }
            ],
            "single": True,
            "unsubscribe_url": unsubscribe,
            "kind_label": kind.label if kind else "",
            "settings_url": absolute(reverse("notifications:preferences"), language),
            "language": language,
        }
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    message = EmailMultiAlternatives(
        subject, text, None, [user.email], headers=_headers(unsubscribe)
    )
    message.attach_alternative(html, "text/html")
    return message


def digest_for(user: User, notifications: list[Notification]) -> EmailMultiAlternatives:
    language = _language(user)
    with translation.override(language):
        subject = ngettext(
            "Your IGN Academy digest: %(count)s new notification",
            "Your IGN Academy digest: %(count)s new notifications",
            len(notifications),
        ) % {"count": len(notifications)}
        items = []
        for notification in notifications:
            title, body = notification.render(language)
            items.append(
                {
                    "title": title,
                    "body": body,
                    "url": absolute(notification.url, language),
                }
            )
        unsubscribe = _unsubscribe_url(user.pk, DIGEST, language)
        context = {
            "recipient": user,
            "subject": subject,
            "intro": gettext("Here is what happened since your last digest."),
            "items": items,
            "single": False,
            "unsubscribe_url": unsubscribe,
            "settings_url": absolute(reverse("notifications:preferences"), language),
            "language": language,
        }
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    message = EmailMultiAlternatives(
        subject, text, None, [user.email], headers=_headers(unsubscribe)
    )
    message.attach_alternative(html, "text/html")
    return message


def _claim(ids: list[int], state: str, now: datetime) -> int:
    """Lease these rows if still `state`, due and unleased; how many."""
    return (
        Notification.objects.filter(
            pk__in=ids, delivery=state, next_attempt_at__lte=now
        )
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .update(leased_until=now + _lease())
    )


def _failed(ids: list[int], error: Exception, now: datetime) -> None:
    """One more failed attempt for these rows: retried after the backoff, or
    given up (FAILED) after NOTIFICATION_MAX_ATTEMPTS."""
    text = f"{type(error).__name__}: {error}"[:300]
    for row in Notification.objects.filter(pk__in=ids).only(
        "pk", "attempts", "delivery"
    ):
        attempts = row.attempts + 1
        update: dict[str, object] = {
            "attempts": attempts,
            "leased_until": None,
            "last_error": text,
        }
        if attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            update["delivery"] = Delivery.FAILED
            logger.error(
                "notification %s: e-mail given up after %s attempts", row.pk, attempts
            )
        else:
            update["next_attempt_at"] = now + backoff(attempts)
        Notification.objects.filter(pk=row.pk).update(**update)


def _sent(ids: list[int], now: datetime) -> None:
    Notification.objects.filter(pk__in=ids).update(
        delivery=Delivery.SENT,
        sent_at=now,
        leased_until=None,
        attempts=F("attempts") + 1,
    )


def deliver_due(*, now: datetime | None = None, limit: int = BATCH) -> int:
    """Send the e-mails due now (pending, next attempt passed, not leased);
    how many were sent. A failure schedules the row's next attempt."""
    now = now or timezone.now()
    due = list(
        Notification.objects.filter(delivery=Delivery.PENDING, next_attempt_at__lte=now)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    claimed = [pk for pk in due if _claim([pk], Delivery.PENDING, now)]
    if not claimed:
        return 0
    rows = list(Notification.objects.select_related("recipient").filter(pk__in=claimed))
    return _send([([row.pk], message_for(row)) for row in rows], now)


def send_digests(*, now: datetime | None = None) -> int:
    """Each recipient's digest of the rows waiting for it, one e-mail each;
    how many digests were sent."""
    now = now or timezone.now()
    waiting = (
        Notification.objects.filter(delivery=Delivery.DIGEST, next_attempt_at__lte=now)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .values_list("recipient_id", "pk")
    )
    by_user: dict[int, list[int]] = defaultdict(list)
    for user_id, pk in waiting:
        by_user[user_id].append(pk)
    batches = []
    for ids in by_user.values():
        if _claim(ids, Delivery.DIGEST, now) != len(ids):
            # Another worker took some of them: release ours, it sends the lot.
            Notification.objects.filter(pk__in=ids, leased_until=now + _lease()).update(
                leased_until=None
            )
            continue
        rows = list(
            Notification.objects.select_related("recipient")
            .filter(pk__in=ids)
            .order_by("created", "pk")
        )
        batches.append((ids, digest_for(rows[0].recipient, rows)))
    return _send(batches, now)


def _send(
    batches: list[tuple[list[int], EmailMultiAlternatives]], now: datetime
) -> int:
    if not batches:
        return 0
    connection = mailers["default"]  # a new connection, opened once for the lot
    try:
        connection.open()
    except Exception as error:  # the server is down: retry later
        logger.warning("mail server unreachable: %s", error)
        for ids, _message in batches:
            _failed(ids, error, now)
        return 0
    sent = 0
    try:
        for ids, message in batches:
            try:
                connection.send_messages([message])
            except Exception as error:
                _failed(ids, error, now)
            else:
                _sent(ids, now)
                sent += 1
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    return sent
