"""Certificate reads: the learner's own, the public verification, the register.
Each function is a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from accounts.models import Role, User
from core.converters import MAX_ID
from core.query import bounded_int
from courses.models import LearningPathCourse
from enrollments import scope as cohort_scope
from enrollments.models import Cohort, Enrollment

from .models import Certificate, Status

# A century: any validity a course can set, and `now + timedelta` stays a date.
MAX_EXPIRING_DAYS = 36500


def certificates_of(learner: User) -> QuerySet[Certificate]:
    return Certificate.objects.for_learner(learner).order_by("-issued_at")


def valid_certificate_of(enrollment) -> bool:
    """Whether the enrolment has a valid certificate (neither revoked nor
    expired)."""
    return (
        Certificate.objects.valid(timezone.now()).filter(enrollment=enrollment).exists()
    )


def expiring_certificates_of(
    learner: User, now: datetime, *, days: int
) -> QuerySet[Certificate]:
    """The learner's valid certificates expiring within `days`, soonest first."""
    return (
        Certificate.objects.for_learner(learner)
        .expiring_within(now, days)
        .only("pk", "course_title", "expires_at")
        .order_by("expires_at")
    )


def certificate_of(learner: User, certificate_id: int) -> Certificate | None:
    """The learner's own certificate, or None (a stranger's is a miss too)."""
    return certificates_of(learner).filter(pk=certificate_id).first()


# The length of a base32 verification code (see services.CODE_LENGTH; the
# older mixed-case codes are 32 characters long).
_BASE32_CODE_LENGTH = 26


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with this verification code. A base32 code is found
    whatever its case (the QR code holds it in upper case, a person may type
    it in lower case); an older mixed-case code only as it was issued."""
    if len(code) == _BASE32_CODE_LENGTH:
        code = code.upper()
    return Certificate.objects.filter(verification_code=code).first()


def can_manage(user: User) -> bool:
    """Program managers and admins keep the register."""
    return user.is_authenticated and (
        user.is_superuser or user.has_role(Role.PROGRAM_MANAGER)
    )


def register_cohorts(user: User) -> QuerySet[Cohort]:
    """The cohorts whose certificates the user keeps: all for an admin, the
    cohorts they manage for a program manager."""
    return cohort_scope.managed_cohorts(user)


def _scope(user: User, rows: QuerySet[Certificate], cohort_id: int | None = None):
    """Certificates the user keeps (`enrollments.scope`): everyone's for an
    admin; for a program manager, a course certificate whose enrolment belongs
    to one of their cohorts (or to the one cohort asked for), and a path
    certificate whose learner follows one of the path's courses through such
    an enrolment. Membership of a cohort alone reaches nothing."""
    if user.is_superuser and cohort_id is None:
        return rows
    enrollments: QuerySet[Enrollment] = (
        cohort_scope.managed_enrollments(user)
        if cohort_id is None
        else cohort_scope.cohort_enrollments(user, cohort_id)
    )
    path_courses = LearningPathCourse.objects.filter(
        path_id=OuterRef(OuterRef("path_completion__path_id"))
    ).values("course_id")
    return rows.filter(
        Exists(enrollments.filter(pk=OuterRef("enrollment_id")))
        | Exists(
            enrollments.filter(
                learner_id=OuterRef("path_completion__learner_id"),
                course_id__in=path_courses,
            )
        )
    )


@dataclass(frozen=True)
class RegisterFilters:
    course_id: int | None = None
    cohort_id: int | None = None
    status: str = ""
    expiring_days: int | None = None
    q: str = ""

    @classmethod
    def from_query(cls, query) -> RegisterFilters:
        def number(name: str, high: int = MAX_ID) -> int | None:
            return bounded_int(query.get(name), high=high)

        status = query.get("status", "")
        return cls(
            course_id=number("course"),
            cohort_id=number("cohort"),
            status=status if status in Status.values else "",
            expiring_days=number("expiring", high=MAX_EXPIRING_DAYS),
            q=query.get("q", "").strip()[:100],
        )


def register(
    user: User, filters: RegisterFilters, now: datetime
) -> QuerySet[Certificate]:
    """The certificate register the user keeps, newest first, narrowed by the
    filters."""
    rows = _scope(
        user,
        Certificate.objects.select_related(
            "enrollment__learner", "path_completion__learner"
        ),
        filters.cohort_id,
    )
    if filters.course_id is not None:
        rows = rows.filter(enrollment__course_id=filters.course_id)
    if filters.status:
        rows = rows.with_status(filters.status, now)
    if filters.expiring_days is not None:
        rows = rows.expiring_within(now, filters.expiring_days)
    if filters.q:
        rows = rows.filter(learner_name__icontains=filters.q) | rows.filter(
            serial__iexact=filters.q
        )
    return rows.order_by("-issued_at", "-pk")


def managed_certificate(user: User, certificate_id: int) -> Certificate | None:
    if not can_manage(user):
        return None
    return _scope(user, Certificate.objects.filter(pk=certificate_id)).first()


def exportable(user: User, *, course_id: int | None, cohort_id: int | None):
    """The certificates whose PDFs a ZIP export holds: the user's register,
    narrowed to a course and/or one of their cohorts (a PDF not rendered yet
    is rendered as the ZIP is written)."""
    rows = _scope(user, Certificate.objects.all(), cohort_id)
    if course_id is not None:
        rows = rows.filter(enrollment__course_id=course_id)
    return rows
