"""Tasks of the reports: reminders to learners at risk, and the reports that
managers subscribed to, e-mailed with the file attached.

A subscription is the manager's notification kind "scheduled_report": their
preference for it decides, and the one unsubscribe mechanism (the
notifications app's signed link: a page to confirm, or RFC 8058's one-click
POST) turns its e-mails off. E-mailed (the kind's channel "e-mail"), the
report comes attached, in the recipient's language; on the site only or in
the digest, a notification says it is ready; off, nothing is sent."""

from __future__ import annotations

import io
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from notifications import kinds as notification_kinds
from notifications import services as notifications
from notifications.kinds import Channel

from . import exports, registry
from .models import Reminder, Subscription

logger = logging.getLogger(__name__)

# Links in e-mails sent before subscriptions became a notification kind.
UNSUBSCRIBE_SALT = "reports.unsubscribe"
REPORT_KIND = "scheduled_report"
# Subscriptions sent a run (the schedule runs every hour).
BATCH = 200


def _base() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def send_reminders(reminder_ids: list[int]) -> int:
    """E-mail each reminder not sent yet, in its learner's language; returns
    how many were sent. A retry sends only those still unsent."""
    sent = 0
    reminders = Reminder.objects.filter(
        pk__in=reminder_ids, sent_at__isnull=True
    ).select_related("learner", "course")
    for reminder in reminders:
        learner = reminder.learner
        with translation.override(learner.language or settings.LANGUAGE_CODE):
            body = render_to_string(
                "reports/email/reminder.txt",
                {
                    "reminder": reminder,
                    "learner": learner,
                    "course_url": reminder.course.get_full_url() or _base(),
                },
            )
        EmailMessage(reminder.subject, body, None, [learner.email]).send()
        Reminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())
        sent += 1
    return sent


def subscription_of(token: str) -> int | None:
    """The subscription id an old e-mail's link names; None when it was not
    ours."""
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def is_due(subscription: Subscription, now: datetime) -> bool:
    last = subscription.last_sent_at
    if last is None:
        return True
    if subscription.frequency == Subscription.Frequency.WEEKLY:
        return last <= now - timedelta(days=7)
    # Monthly: once a calendar month.
    return (last.year, last.month) < (now.year, now.month)


def send_subscriptions(*, now: datetime | None = None) -> int:
    """E-mail every subscription that is due, with the report attached as
    its subscriber sees it now; returns how many were sent. A subscriber who
    lost access to the report loses the subscription (logged)."""
    now = now or timezone.now()
    sent = 0
    candidates = Subscription.objects.filter(
        last_sent_at__isnull=True
    ) | Subscription.objects.filter(last_sent_at__lte=now - timedelta(days=7))
    for subscription in candidates.select_related("user").order_by("pk")[:BATCH]:
        if not is_due(subscription, now):
            continue
        try:
            send_subscription(subscription, now=now)
        except (registry.NotFound, registry.BadFilter):
            logger.warning(
                "Report subscription %s: the report is no longer %s's to see; deleted.",
                subscription.pk,
                subscription.user_id,
            )
            subscription.delete()
            continue
        sent += 1
    return sent


def send_subscription(subscription: Subscription, *, now: datetime) -> None:
    user = subscription.user
    spec = registry.REPORTS.get(subscription.report)
    if spec is None:
        raise registry.NotFound
    kind = notification_kinds.get(REPORT_KIND)
    channel = notifications.channels_for([user.pk], kind)[user.pk]
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        # Built whatever the channel: a subscriber who lost access loses it.
        report = registry.build(subscription.report, user, subscription.params)
        if channel != Channel.EMAIL:
            with translation.override(settings.LANGUAGE_CODE):
                url = reverse("reports:subscriptions")
            with transaction.atomic():
                notifications.notify(
                    user,
                    REPORT_KIND,
                    dedupe_key=f"report:{subscription.pk}:{now:%Y-%m-%d}",
                    url=url,
                    title=str(spec.title),
                )
                Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
            return
        out = io.BytesIO()
        rows = exports.write(report.columns, report.stream(), out, subscription.format)
        unsubscribe_url = _base() + reverse(
            "notifications:unsubscribe",
            args=[notifications.unsubscribe_token(user.pk, REPORT_KIND)],
        )
        context = {
            "subscription": subscription,
            "title": spec.title,
            "rows": rows,
            "frequency": subscription.get_frequency_display(),
            "unsubscribe_url": unsubscribe_url,
            "subscriptions_url": _base() + reverse("reports:subscriptions"),
        }
        body = render_to_string("reports/email/subscription.txt", context)
        subject = render_to_string(
            "reports/email/subscription_subject.txt", context
        ).strip()
    message = EmailMessage(
        subject,
        body,
        None,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach(
        exports.filename(
            subscription.report, subscription.params, subscription.format, now
        ),
        out.getvalue(),
        exports.FORMAT_TYPES[subscription.format],
    )
    message.send()
    Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
