"""Certificate writes: issue, revoke, reissue. Every change goes through here.

`issue_certificate` is idempotent: one certificate per enrolment whatever the
retries or duplicate tasks (the one-to-one constraint decides a race; the
loser returns the winner's certificate). Each state change is a conditional
update, and the learner is told by e-mail on commit.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from enrollments.models import Enrollment

from . import pdf
from .models import Certificate, SerialCounter


def verification_url(code: str) -> str:
    path = reverse("certificates:verify", kwargs={"code": code})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    # The last day of a shorter month stands in for a day it lacks (31 → 30).
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _next_serial(year: int) -> str:
    SerialCounter.objects.get_or_create(year=year)
    SerialCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = SerialCounter.objects.values_list("last_number", flat=True).get(year=year)
    return f"IGN-{year}-{number:06d}"


def _render_pdf(certificate: Certificate) -> None:
    course = certificate.enrollment.course
    logo = course.certificate_logo
    content = pdf.CertificateContent(
        learner_name=certificate.learner_name,
        course_title=certificate.course_title,
        completed_on=certificate.completed_at.date(),
        hours=certificate.hours,
        serial=certificate.serial,
        verification_url=verification_url(certificate.verification_code),
        signatory_name=course.certificate_signatory_name,
        signatory_title=course.certificate_signatory_title,
        expires_on=certificate.expires_at.date() if certificate.expires_at else None,
        logo_path=logo.file.path if logo is not None else None,
    )
    name = f"{certificate.serial}-{secrets.token_hex(8)}.pdf"
    old = certificate.pdf.name
    certificate.pdf.save(name, ContentFile(pdf.render(content)), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old:
        certificate.pdf.storage.delete(old)


def _tell_learner(certificate_id: int, template: str, subject: str) -> None:
    def send() -> None:
        certificate = Certificate.objects.select_related("enrollment__learner").get(
            pk=certificate_id
        )
        learner = certificate.enrollment.learner
        body = render_to_string(
            template,
            {
                "certificate": certificate,
                "learner": learner,
                "verification_url": verification_url(certificate.verification_code),
                "certificates_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("certificates:mine"),
            },
        )
        send_mail(subject, body, None, [learner.email])

    transaction.on_commit(send)


def issue_certificate(
    *, enrollment_id: int, now: datetime | None = None
) -> Certificate | None:
    """The enrolment's certificate, issued now if it has none; None when the
    enrolment is not completed or its course issues no certificates."""
    now = now or timezone.now()
    certificate = (
        Certificate.objects.select_related("enrollment__course__certificate_logo")
        .filter(enrollment_id=enrollment_id)
        .first()
    )
    created = False
    if certificate is None:
        enrollment = Enrollment.objects.select_related(
            "learner", "course__certificate_logo"
        ).get(pk=enrollment_id)
        course = enrollment.course
        if (
            enrollment.status != Enrollment.Status.COMPLETED
            or not course.certificate_enabled
        ):
            return None
        months = course.certificate_validity_months
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    enrollment=enrollment,
                    serial=_next_serial(now.year),
                    verification_code=secrets.token_urlsafe(24),
                    issued_at=now,
                    expires_at=_add_months(now, months) if months else None,
                    learner_name=str(enrollment.learner),
                    course_title=course.title,
                    hours=course.estimated_hours,
                    completed_at=enrollment.completed_at or now,
                )
        except IntegrityError:
            # A concurrent task issued it first (its serial number is skipped).
            return Certificate.objects.get(enrollment_id=enrollment_id)
        created = True
    if not certificate.pdf:
        _render_pdf(certificate)
    if created:
        _tell_learner(
            certificate.pk,
            "certificates/email/issued.txt",
            f"Your certificate for {certificate.course_title}",
        )
    return certificate


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
    _tell_learner(
        certificate.pk,
        "certificates/email/revoked.txt",
        f"Your certificate for {certificate.course_title} was revoked",
    )
    certificate.refresh_from_db()
    return certificate


@transaction.atomic
def reissue_certificate(
    *, certificate: Certificate, now: datetime | None = None
) -> Certificate:
    """Issue the certificate again under the same serial and code: it is valid
    again from now, with the learner's current name and the course's current
    settings, and a new PDF."""
    now = now or timezone.now()
    enrollment = Enrollment.objects.select_related(
        "learner", "course__certificate_logo"
    ).get(pk=certificate.enrollment_id)
    course = enrollment.course
    months = course.certificate_validity_months
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=now,
        expires_at=_add_months(now, months) if months else None,
        revoked_at=None,
        revoke_reason="",
        revoked_by=None,
        reminded_at=None,
        learner_name=str(enrollment.learner),
        course_title=course.title,
        hours=course.estimated_hours,
    )
    certificate.refresh_from_db()
    _render_pdf(certificate)
    _tell_learner(
        certificate.pk,
        "certificates/email/issued.txt",
        f"Your certificate for {certificate.course_title}",
    )
    return certificate
