"""Which learner records a program manager reaches: the one definition, used by
the reports (pages, exports, API), the certificate register and its ZIPs.

A program manager reaches an enrolment only when it belongs to one of the
cohorts they manage (`Enrollment.cohort`); being a member of their cohort
gives no reach by itself. A learner is theirs to see while at least one such
enrolment exists, and then only through those enrolments (and the attempts
and certificates of their courses). Admins (superusers) reach everything.
Callers check the role first; these functions read only the cohort facts.

Who may be put in a cohort at all is decided here too: learners, never
staff, superusers or anyone holding another role.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr

from accounts.models import Role, User

from .models import Cohort, Enrollment

# Wagtail's materialised path: a quiz's course is its path less one step.
_STEPLEN = 4


def managed_cohorts(user) -> QuerySet[Cohort]:
    """The cohorts the user manages: all for an admin."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(program_managers=user)


def enrollment_q(user, prefix: str = "") -> Q | None:
    """Q over Enrollment (reached through `prefix`) for the enrolments the
    user manages; None means every enrolment (admins)."""
    if user.is_authenticated and user.is_superuser:
        return None
    return Q(
        **{f"{prefix}cohort_id__in": managed_cohorts(user).values("pk")},
    )


def managed_enrollments(user) -> QuerySet[Enrollment]:
    q = enrollment_q(user)
    return Enrollment.objects.all() if q is None else Enrollment.objects.filter(q)


def cohort_enrollments(user, cohort_id: int) -> QuerySet[Enrollment]:
    """The enrolments of one cohort, if the user manages it (else none)."""
    return Enrollment.objects.filter(
        cohort_id__in=managed_cohorts(user).filter(pk=cohort_id).values("pk")
    )


def learner_q(user, prefix: str = "") -> Q | Exists | None:
    """Over User (reached through `prefix`): learners with an enrolment the
    user manages; None means everyone (admins)."""
    enrollments = managed_enrollments(user)
    if enrollment_q(user) is None:
        return None
    return Exists(enrollments.filter(learner_id=OuterRef(f"{prefix}pk")))


def manages_learner(user, learner_id: int) -> bool:
    return managed_enrollments(user).filter(learner_id=learner_id).exists()


def attempts_through(enrollments: QuerySet[Enrollment], prefix: str = "") -> Exists:
    """Over Attempt (reached through `prefix`): attempts at a quiz of a course
    the attempt's learner follows through one of `enrollments`."""
    path = OuterRef(f"{prefix}assessment__path")
    return Exists(
        enrollments.filter(
            learner_id=OuterRef(f"{prefix}learner_id"),
            course__path=Substr(path, 1, Length(path) - _STEPLEN),
        )
    )


def attempt_q(user, prefix: str = "") -> Exists | None:
    """Over Attempt: the attempts of the enrolments the user manages; None
    means all (admins)."""
    if enrollment_q(user) is None:
        return None
    return attempts_through(managed_enrollments(user), prefix)


def may_join_cohort(user: User) -> bool:
    """Only learners are put in cohorts: not staff, superusers, instructors or
    program managers (a manager must not gain reach over them)."""
    if not user.is_active or user.is_staff or user.is_superuser:
        return False
    return not user.groups.exclude(name=Role.STUDENT.value).exists()
