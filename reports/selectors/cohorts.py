"""Per-cohort reports: the summary of the cohorts a user manages and one
cohort's learners x courses progress."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enrollments.models import Cohort, Enrollment
from lessons.models import LessonPage

from .scope import visible_cohorts
from .streaming import Report
from .tree import (
    LEARNER_COURSE_COLUMNS,
    _lessons_done,
    _percent,
    _quizzes_passed,
    _standing,
    steps_of_course,
)


def cohort_summary(user, *, now: datetime | None = None) -> Report:
    """Per cohort the user manages: members, enrolments it assigned, completed,
    overdue, completion rate."""
    now = now or timezone.now()
    members = (
        Cohort.members.through.objects.filter(cohort_id=OuterRef("pk"))
        .order_by()
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values("n")  # type: ignore[misc]
    )

    def enrolments(**conditions) -> Coalesce:
        # Each count a subquery on the enrollment_cohort_status index, rather
        # than a join of every cohort enrolment grouped afterwards.
        counted = (
            Enrollment.objects.filter(cohort_id=OuterRef("pk"), **conditions)
            .order_by()
            .values("cohort_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(counted), 0)

    cohorts = (
        visible_cohorts(user)
        .annotate(
            member_count=Coalesce(Subquery(members), 0),
            enrolled=enrolments(),
            completed=enrolments(status=Enrollment.Status.COMPLETED),
            overdue=enrolments(status=Enrollment.Status.ACTIVE, due_at__lt=now),
        )
        .order_by("name", "pk")
        .values_list("pk", "name", "member_count", "enrolled", "completed", "overdue")
    )

    def rows() -> Iterator[tuple]:
        for pk, name, member_count, enrolled, completed, overdue in cohorts:
            yield (
                pk,
                name,
                member_count,
                enrolled,
                completed,
                overdue,
                _percent(completed, enrolled),
            )

    return Report(
        columns=(
            _("Cohort id"),
            _("Cohort"),
            _("Members"),
            _("Enrolments"),
            _("Completed"),
            _("Overdue"),
            _("Completion rate (%)"),
        ),
        rows=rows(),
    )


def cohort_progress(
    user,
    *,
    cohort_id: int,
    learner_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> Report:
    """The cohort's learners x courses, one row a (learner, assigned course):
    lessons done, progress, status, due date, overdue. No rows for a cohort
    the user does not manage."""
    now = now or timezone.now()
    cohorts = visible_cohorts(user).filter(pk=cohort_id)
    lessons = (
        LessonPage.objects.live()
        .filter(
            path__startswith=OuterRef("course__path"),
            depth=OuterRef("course__depth") + 1,
        )
        .order_by()
        .values("depth")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # The cohort's own enrolments: a member's enrolment that belongs to
    # another cohort (or to none) is not this cohort's to show.
    enrollments = Enrollment.objects.filter(cohort__in=cohorts)
    if learner_ids is not None:
        enrollments = enrollments.filter(learner_id__in=list(learner_ids))
    data = (
        enrollments.annotate(
            done=_lessons_done(),
            lessons=Coalesce(Subquery(lessons), 0),
            passed=_quizzes_passed(),
            steps=steps_of_course(),
        )
        .order_by("learner__display_name", "learner_id", "course__title")
        .values_list(
            "learner_id",
            "learner__display_name",
            "learner__email",
            "course_id",
            "course__title",
            "done",
            "lessons",
            "status",
            "due_at",
            "passed",
            "steps",
        )
    )

    def rows() -> Iterator[tuple]:
        for row in data:
            learner_id, name, email, course_id, title, done, total, status, due = row[
                :9
            ]
            # Progress counts what completion counts: lessons and quizzes.
            progress, overdue = _standing(
                min(done, total) + row[9], row[10], status, due, now
            )
            yield (
                learner_id,
                name,
                email,
                course_id,
                title,
                done,
                total,
                progress,
                status,
                due,
                overdue,
            )

    return Report(
        columns=(
            *LEARNER_COURSE_COLUMNS,
            _("Lessons done"),
            _("Lessons"),
            _("Progress (%)"),
            _("Status"),
            _("Due"),
            _("Overdue"),
        ),
        rows=rows(),
    )
