"""Revoking a certificate and issuing it again. Revocation replaces the PDF
with one stamped REVOKED (date and reason), so the file a learner or an export
gets can no longer pass for valid; a reissue renders a new one, since the
learner's name and the course's settings may have changed."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from enrollments.models import Enrollment, PathCompletion

from ..models import Certificate
from .issuing import add_months, path_hours
from .mail import tell_learner
from .storage import course_of, store_pdf


class AlreadyRevoked(Exception):
    """The certificate was revoked before."""


@transaction.atomic
def revoke_certificate(
    *,
    certificate: Certificate,
    revoked_by: User,
    reason: str,
    now: datetime | None = None,
) -> Certificate:
    """Revoke with a reason the learner and the verification page are told."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A reason is required to revoke a certificate.")
    now = now or timezone.now()
    changed = Certificate.objects.filter(
        pk=certificate.pk, revoked_at__isnull=True
    ).update(revoked_at=now, revoke_reason=reason, revoked_by=revoked_by)
    if not changed:
        raise AlreadyRevoked
    tell_learner([certificate.pk], "revoked")
    certificate.refresh_from_db()
    store_pdf(certificate, course_of(certificate))
    return certificate


@transaction.atomic
def reissue_certificate(
    *, certificate: Certificate, now: datetime | None = None
) -> Certificate:
    """Issue the certificate again under the same serial and code: it is valid
    again from now, with the learner's current name and the course's current
    settings, and a new PDF."""
    now = now or timezone.now()
    if certificate.path_completion_id is not None:
        return _reissue_path_certificate(certificate, now)
    enrollment = Enrollment.objects.select_related(
        "learner", "course__certificate_logo"
    ).get(certificate=certificate)
    course = enrollment.course
    months = course.certificate_validity_months
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=now,
        expires_at=add_months(now, months) if months else None,
        revoked_at=None,
        revoke_reason="",
        revoked_by=None,
        reminded_at=None,
        learner_name=str(enrollment.learner),
        course_title=course.title,
        hours=course.estimated_hours,
    )
    certificate.refresh_from_db()
    store_pdf(certificate, course)
    tell_learner([certificate.pk], "issued")
    return certificate


def _reissue_path_certificate(certificate: Certificate, now: datetime) -> Certificate:
    completion = PathCompletion.objects.select_related("learner", "path").get(
        certificate=certificate
    )
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=now,
        revoked_at=None,
        revoke_reason="",
        revoked_by=None,
        learner_name=str(completion.learner),
        course_title=completion.path.title,
        hours=path_hours(completion.path_id),
    )
    certificate.refresh_from_db()
    store_pdf(certificate, None)
    tell_learner([certificate.pk], "issued")
    return certificate
