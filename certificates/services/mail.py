"""Telling the learner about a certificate: issued (or reissued, renewed),
revoked, expiring soon. One path, the notifications app's: `notify` writes
the learner's notification (the centre, and e-mail or digest as the learner
chose, in the learner's language, links included), once per certificate and
event whatever the retries (the dedupe key names the certificate and the
moment of the event: a reissue or a renewal is a new event).

A revocation and a reissue notify in their own transaction; issuing, lean on
purpose (one query, two writes), enqueues `notify_task` on commit, and the
task writes the rows. No PDF is attached: the notification links to the
learner's certificates and names the verification page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from core.tasks import Call, enqueue_on_commit
from notifications.services import notify

from .. import tasks
from ..models import Certificate

KINDS = {
    "issued": "certificate_issued",
    "revoked": "certificate_revoked",
    "expiring": "certificate_expiring",
}


def notify_task(certificate_ids: Sequence[int], kind: str) -> Call:
    """The task that notifies the learners of these certificates."""
    return tasks.notify_certificates, (list(certificate_ids), kind)


def tell_learner(certificate_ids: Sequence[int], kind: str) -> None:
    """Notify the learners of these certificates now, in the caller's
    transaction (the e-mail leaves from the worker once committed)."""
    notify_certificates(certificate_ids=certificate_ids, kind=kind)


def notify_certificates(*, certificate_ids: Sequence[int], kind: str) -> int:
    """Notify each certificate's learner of `kind` ("issued", "revoked",
    "expiring"); how many were notified (a repeat notifies nobody twice)."""
    if kind not in KINDS:
        raise ValueError(kind)
    certificates = (
        Certificate.objects.select_related(
            "enrollment__learner", "path_completion__learner"
        )
        .filter(pk__in=list(certificate_ids))
        .order_by("pk")
    )
    # Paths with the default language's prefix: the e-mail and the centre
    # write them in the reader's language.
    with translation.override(settings.LANGUAGE_CODE):
        mine = reverse("certificates:mine")
    done = 0
    for certificate in certificates:
        done += notify(
            certificate.learner,
            KINDS[kind],
            dedupe_key=dedupe_key(certificate, kind),
            url=mine,
            **params(certificate),
        )
    return done


def dedupe_key(certificate: Certificate, kind: str) -> str:
    """The event: this certificate, this kind, this moment (issue, revocation,
    or the expiry date reminded of)."""
    moment = {
        "issued": certificate.issued_at,
        "revoked": certificate.revoked_at,
        "expiring": certificate.expires_at,
    }[kind]
    stamp = moment.isoformat() if moment else ""
    return f"certificate-{kind}:{certificate.pk}:{stamp}"


def params(certificate: Certificate) -> dict[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        verify = reverse(
            "certificates:verify", kwargs={"code": certificate.verification_code}
        )
    return {
        "course": certificate.course_title,
        "serial": certificate.serial,
        "verify": verify,
        "reason": certificate.revoke_reason,
        "date": certificate.expires_at.date().isoformat()
        if certificate.expires_at
        else "",
    }


def notify_on_commit(certificate_ids: Sequence[int], kind: str) -> None:
    """Enqueue the notification of these certificates once committed."""
    if certificate_ids:
        enqueue_on_commit(notify_task(certificate_ids, kind))


def certificate_language(certificate: Certificate) -> str:
    """The language the certificate's PDF speaks: the learner's at issue."""
    return certificate.language


def remind_expiring(*, days: int | None = None, now: datetime | None = None) -> int:
    """Notify learners whose valid certificate expires within `days`
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
            notify_certificates(certificate_ids=[certificate_id], kind="expiring")
    return reminded
