"""Who sees which report rows: an admin (superuser) everything; a program
manager the enrolments of the cohorts they manage (`enrollments.scope`), the
attempts and certificates of those enrolments' courses; an instructor the
enrolments and attempts of the courses they teach (`courses.scope`); anyone
else nothing (the views answer 404). Every report family filters through
these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import Role, User
from assessments.models import AssessmentPage
from courses import scope as course_scope
from courses import translations
from courses.models import CoursePage
from enrollments import scope as cohort_scope
from enrollments.models import Cohort, Enrollment

from .tree import _children_of, _course_of


@dataclass(frozen=True)
class Scope:
    user: User
    admin: bool
    manager: bool
    instructor: bool

    @property
    def any(self) -> bool:
        return self.admin or self.manager or self.instructor


def scope_of(user) -> Scope:
    """The user's reporting rights, read once a request (cached on the user)."""
    cached = getattr(user, "_report_scope", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        return Scope(user, admin=False, manager=False, instructor=False)
    roles = (
        set() if user.is_superuser else set(user.groups.values_list("name", flat=True))
    )
    scope = Scope(
        user,
        admin=user.is_superuser,
        manager=Role.PROGRAM_MANAGER.value in roles,
        instructor=Role.INSTRUCTOR.value in roles,
    )
    user._report_scope = scope
    return scope


def can_view_reports(user) -> bool:
    return scope_of(user).any


def can_manage_cohorts(user) -> bool:
    scope = scope_of(user)
    return scope.admin or scope.manager


def _taught_courses(user: User):
    return course_scope.taught_courses(user).values("pk")


def enrollment_filter(user, prefix: str = "") -> Q | None:
    """Q over Enrollment (reached through `prefix`) for what `user` may see;
    None means everything (admins)."""
    scope = scope_of(user)
    if scope.admin:
        return None
    q = Q(pk__in=[])
    if scope.manager:
        q |= cohort_scope.enrollment_q(user, prefix) or Q()
    if scope.instructor:
        q |= Q(**{f"{prefix}course_id__in": _taught_courses(user)})
    return q


def _filtered(queryset: QuerySet, q: Q | None) -> QuerySet:
    return queryset if q is None else queryset.filter(q)


def visible_enrollments(user) -> QuerySet[Enrollment]:
    return _filtered(Enrollment.objects.all(), enrollment_filter(user))


def visible_cohorts(user) -> QuerySet[Cohort]:
    scope = scope_of(user)
    if scope.admin or scope.manager:
        return cohort_scope.managed_cohorts(user)
    return Cohort.objects.none()


def visible_courses(user) -> QuerySet[CoursePage]:
    """Courses the user reports on: all, those taught, or those of the
    enrolments of the cohorts they manage. Originals only: a translation holds
    no records of its own (`courses.translations`)."""
    scope = scope_of(user)
    if scope.admin:
        return translations.only_originals(CoursePage.objects.all())
    q = Q(pk__in=[])
    if scope.instructor:
        q |= Q(pk__in=_taught_courses(user))
    if scope.manager:
        q |= Q(pk__in=cohort_scope.managed_enrollments(user).values("course_id"))
    return translations.only_originals(CoursePage.objects.filter(q))


def attempt_filter(user) -> Q | None:
    """Q over Attempt: the attempts of managed enrolments' courses (managers),
    attempts at quizzes of taught courses (instructors), all (admins)."""
    scope = scope_of(user)
    if scope.admin:
        return None
    q: Any = Q(pk__in=[])
    if scope.manager:
        q |= cohort_scope.attempt_q(user) or Q()
    if scope.instructor:
        paths = list(course_scope.taught_courses(user).values_list("path", flat=True))
        if paths:
            q |= Q(
                assessment_id__in=AssessmentPage.objects.filter(
                    _children_of(paths)
                ).values("pk")
            )
    return q


def visible_learner(user, learner_id: int) -> User | None:
    """The learner, if the user may see any of their records."""
    scope = scope_of(user)
    learners = User.objects.filter(pk=learner_id)
    if scope.admin:
        return learners.first()
    if not scope.any:
        return None
    q: Any = Q(pk__in=[])
    if scope.manager:
        q |= cohort_scope.learner_q(user) or Q()
    if scope.instructor:
        q |= Exists(
            Enrollment.objects.filter(
                learner_id=OuterRef("pk"), course_id__in=_taught_courses(user)
            )
        )
    return learners.filter(q).first()


def visible_assessment(user, assessment_id: int) -> AssessmentPage | None:
    """The quiz, if it belongs to a course the user reports on (see
    `visible_courses`): a program manager's, one of their cohorts'
    enrolments."""
    scope = scope_of(user)
    if not scope.any:
        return None
    quizzes = AssessmentPage.objects.filter(pk=assessment_id)
    if scope.admin:
        return quizzes.first()
    # One query: the quiz, if its course is among the visible ones.
    course = _course_of("path").filter(pk__in=visible_courses(user).values("pk"))
    return quizzes.filter(Exists(course)).first()
