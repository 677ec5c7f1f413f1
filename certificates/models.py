"""Certificates: one per enrolment or per learning path completion (exactly
one of the two), publicly verifiable by an unguessable code.

A certificate keeps what was printed on it (name, course, hours) so the
verification page and the register say what the PDF says, whatever is renamed
later. Its status (valid, expired, revoked) is derived from its times, never
stored. Invariants live in constraints.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enrollments.models import Enrollment, PathCompletion


class Status(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def revoked(self):
        return self.filter(revoked_at__isnull=False)

    def expired(self, now: datetime):
        return self.filter(revoked_at__isnull=True, expires_at__lte=now)

    def valid(self, now: datetime):
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )

    def with_status(self, status: str, now: datetime):
        if status == Status.REVOKED:
            return self.revoked()
        if status == Status.EXPIRED:
            return self.expired(now)
        return self.valid(now)

    def expiring_within(self, now: datetime, days: int):
        return self.valid(now).filter(expires_at__lte=now + timedelta(days=days))

    def for_learner(self, learner):
        return self.filter(
            Q(enrollment__learner=learner) | Q(path_completion__learner=learner)
        )


class Certificate(models.Model):
    enrollment = models.OneToOneField(
        Enrollment,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    # Set instead of `enrollment` for a learning path's certificate.
    path_completion = models.OneToOneField(
        PathCompletion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    # Human-readable and sequential per year: IGN-2026-000123.
    serial = models.CharField(max_length=32, unique=True)
    # The only key of the public verification page: 128 random bits in
    # upper-case base32 (services.new_verification_code), so pages cannot be
    # found by guessing. Codes issued before are secrets.token_urlsafe(24).
    verification_code = models.CharField(max_length=64, unique=True)
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the PDF says, frozen at issue (and at reissue); a path's title and
    # the sum of its courses' hours for a path certificate.
    learner_name = models.CharField(max_length=150)
    course_title = models.CharField(max_length=255)
    hours = models.PositiveSmallIntegerField()
    completed_at = models.DateTimeField()
    # The language of its PDF: the learner's saved language at issue (kept by
    # reissue and renewal). The PDF is also offered in the other language,
    # rendered on request, same serial, code and validity.
    language = models.CharField(
        max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Empty until the PDF is rendered: by its task, enqueued when the
    # certificate is issued, or by the first download or export.
    pdf = models.FileField(upload_to="certificates/", blank=True)
    # When the expiry reminder went out, so it goes out once.
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(enrollment__isnull=False, path_completion__isnull=True)
                | Q(enrollment__isnull=True, path_completion__isnull=False),
                name="certificate_for_enrollment_or_path",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""),
                name="certificate_revocation_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True)
                | Q(expires_at__gt=models.F("issued_at")),
                name="certificate_expires_after_issue",
            ),
        ]
        indexes = [models.Index(fields=["expires_at"], name="certificate_expiry")]

    def __str__(self) -> str:
        return f"{self.serial} · {self.learner_name} · {self.course_title}"

    @property
    def is_for_path(self) -> bool:
        return self.path_completion_id is not None

    @property
    def learner(self):
        """The owner (select_related both `enrollment__learner` and
        `path_completion__learner` when reading many)."""
        if self.path_completion is not None:
            return self.path_completion.learner
        assert self.enrollment is not None
        return self.enrollment.learner

    def status(self, now: datetime) -> Status:
        if self.revoked_at is not None:
            return Status.REVOKED
        if self.expires_at is not None and self.expires_at <= now:
            return Status.EXPIRED
        return Status.VALID


class SerialCounter(models.Model):
    """The last serial number handed out in a year; bumped by a conditional
    update so concurrent issues never share a number."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"
