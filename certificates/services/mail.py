"""The learner's e-mails about a certificate: issued (or reissued, renewed),
revoked, expiring soon. Always sent by a task (enqueued on commit by
`tell_learner`), so neither issuing nor a page waits for the mail server; in
the recipient's saved language (`User.language`), links included (`/fr/…`).
No PDF is attached: the mail links to the learner's certificates and the
verification page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.tasks import Call, enqueue_on_commit

from .. import tasks
from ..models import Certificate
from .codes import verification_url

EMAILS = {
    "issued": (
        "certificates/email/issued.txt",
        gettext_lazy("Your certificate for %(course)s"),
    ),
    "revoked": (
        "certificates/email/revoked.txt",
        gettext_lazy("Your certificate for %(course)s was revoked"),
    ),
    "expiring": (
        "certificates/email/expiring.txt",
        gettext_lazy("Your certificate for %(course)s expires soon"),
    ),
}


def mail_task(certificate_ids: Sequence[int], kind: str) -> Call:
    """The task that sends the `kind` e-mail of these certificates: one task
    (and one mail connection) for the lot."""
    ids = list(certificate_ids)
    if len(ids) == 1:
        return tasks.send_certificate_email, (ids[0], kind)
    return tasks.send_certificate_emails, (ids, kind)


def tell_learner(certificate_ids: Sequence[int], kind: str) -> None:
    """Enqueue the `kind` e-mail of these certificates once committed."""
    if certificate_ids:
        enqueue_on_commit(mail_task(certificate_ids, kind))


def send_certificate_email(*, certificate_id: int, kind: str) -> None:
    """Tell the learner their certificate was issued, revoked, reissued or
    expires soon."""
    send_certificate_emails(certificate_ids=[certificate_id], kind=kind)


def send_certificate_emails(*, certificate_ids: Sequence[int], kind: str) -> int:
    """The `kind` e-mail for each certificate, over one mail connection; how
    many were sent."""
    certificates = (
        Certificate.objects.select_related(
            "enrollment__learner", "path_completion__learner"
        )
        .filter(pk__in=certificate_ids)
        .order_by("pk")
    )
    messages = [
        _message(certificate, certificate.learner, kind, certificate.learner.language)
        for certificate in certificates
    ]
    if messages:
        get_connection().send_messages(messages)
    return len(messages)


def certificate_language(certificate: Certificate) -> str:
    """The language the certificate's PDF speaks: the learner's at issue."""
    return certificate.language


def _message(
    certificate: Certificate, learner: User, kind: str, language: str
) -> EmailMessage:
    template, subject = EMAILS[kind]
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    # In the recipient's language: words, dates, and the links' prefix.
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(
            template,
            {
                "certificate": certificate,
                "learner": learner,
                "verification_url": verification_url(certificate.verification_code),
                "certificates_url": base + reverse("certificates:mine"),
            },
        )
        subject_line = str(subject) % {"course": certificate.course_title}
    return EmailMessage(subject_line, body, None, [learner.email])


def remind_expiring(*, days: int | None = None, now: datetime | None = None) -> int:
    """E-mail learners whose valid certificate expires within `days`
    (CERTIFICATE_REMINDER_DAYS), once per certificate and validity period;
    returns how many were reminded."""
    now = now or timezone.now()
    days = settings.CERTIFICATE_REMINDER_DAYS if days is None else days
    due = list(
        Certificate.objects.expiring_within(now, days)
        .filter(reminded_at__isnull=True)
        .values_list("pk", flat=True)
    )
    reminded = 0
    for certificate_id in due:
        # Conditional: two overlapping runs remind once.
        if Certificate.objects.filter(
            pk=certificate_id, reminded_at__isnull=True
        ).update(reminded_at=now):
            reminded += 1
            send_certificate_email(certificate_id=certificate_id, kind="expiring")
    return reminded
