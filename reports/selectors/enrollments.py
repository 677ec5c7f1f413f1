"""The enrolment list (the grade-report export): one row an enrolment,
streamed for exports of 100,000 rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import AssessmentPage
from courses.models import CourseOptionalItem, CoursePage

from .scope import visible_enrollments
from .streaming import Report
from .tree import (
    _STEPLEN,
    LEARNER_COURSE_COLUMNS,
    _children_of,
    _lessons_done,
    _quizzes_passed,
    _standing,
    lesson_counts,
    step_counts,
)


def enrollment_list(
    user,
    *,
    course_id: int | None = None,
    cohort_id: int | None = None,
    status: str | None = None,
    now: datetime | None = None,
) -> Report:
    """One row an enrolment the user may see: learner, course, cohort, status,
    lessons done of the course's lessons, progress, dates, overdue. Rows come
    from one aggregate query, streamed (the big export: 100,000 rows)."""
    now = now or timezone.now()
    enrollments = visible_enrollments(user)
    if course_id is not None:
        enrollments = enrollments.filter(course_id=course_id)
    if cohort_id is not None:
        enrollments = enrollments.filter(cohort_id=cohort_id)
    if status:
        enrollments = enrollments.filter(status=status)
    data = (
        enrollments.annotate(done=_lessons_done(), passed=_quizzes_passed())
        .order_by("pk")
        .values_list(*EnrollmentRows.FIELDS)
    )
    plain = enrollments.order_by("pk").values_list(*EnrollmentRows.PLAIN_FIELDS)
    return Report(
        columns=(
            _("Enrolment id"),
            *LEARNER_COURSE_COLUMNS,
            _("Cohort"),
            _("Status"),
            _("Lessons done"),
            _("Lessons"),
            _("Progress (%)"),
            _("Enrolled"),
            _("Due"),
            _("Completed"),
            _("Overdue"),
        ),
        rows=EnrollmentRows(data, plain, course_id=course_id, now=now),
    )


@dataclass(frozen=True)
class EnrollmentRows:
    """The enrolment list's rows: iterated, the query read in chunks and each
    row completed in Python (every database). On PostgreSQL the exports read
    the same rows by a set-based plan (`reports.pg_export`): `plain`, the
    same scoped enrolments without the per-row subqueries, joined to the
    lessons done and quizzes passed aggregated once (`required_quizzes`)."""

    # The columns of `queryset`, in order.
    FIELDS = (
        "pk",
        "learner_id",
        "learner__display_name",
        "learner__email",
        "course_id",
        "course__title",
        "cohort__name",
        "status",
        "done",
        "enrolled_at",
        "due_at",
        "completed_at",
        "passed",
    )

    # `queryset` without its two subqueries (lessons done, quizzes passed),
    # with the restart date they read.
    PLAIN_FIELDS = (*FIELDS[:8], *FIELDS[9:12], "restarted_at")

    queryset: QuerySet
    plain: QuerySet
    course_id: int | None
    now: datetime

    def lessons(self) -> dict[int, int]:
        return lesson_counts([self.course_id] if self.course_id is not None else None)

    def steps(self) -> dict[int, int]:
        return step_counts([self.course_id] if self.course_id is not None else None)

    def required_quizzes(self) -> list[tuple[int, int]]:
        """(course id, quiz id) for each quiz `_quizzes_passed` counts: the
        live quizzes that are children of a course, less its optional items."""
        courses = CoursePage.objects.all()
        if self.course_id is not None:
            courses = courses.filter(pk=self.course_id)
        by_path = dict(courses.values_list("path", "pk"))
        if not by_path:
            return []
        optional = set(
            CourseOptionalItem.objects.filter(
                course_id__in=list(by_path.values())
            ).values_list("course_id", "page_id")
        )
        pairs = []
        for quiz, path in (
            AssessmentPage.objects.live()
            .filter(_children_of(by_path))
            .values_list("pk", "path")
        ):
            course = by_path.get(path[:-_STEPLEN])
            if course is not None and (course, quiz) not in optional:
                pairs.append((course, quiz))
        return pairs

    def __iter__(self) -> Iterator[tuple]:
        return self.complete(self.queryset.iterator(chunk_size=2000))

    def complete(self, data: Iterable[tuple]) -> Iterator[tuple]:
        """The report's rows from rows of `FIELDS`."""
        lessons, steps, now = self.lessons(), self.steps(), self.now
        for row in data:
            # pk, learner id, name, e-mail, course id, title, then:
            course, cohort, state, done = row[4], row[6], row[7], row[8]
            enrolled, due, completed = row[9], row[10], row[11]
            total = lessons.get(course, 0)
            # Progress counts what completion counts: lessons and quizzes.
            progress, overdue = _standing(
                min(done, total) + row[12], steps.get(course, 0), state, due, now
            )
            yield (
                *row[:6],
                cohort or "",
                state,
                done,
                total,
                progress,
                enrolled,
                due,
                completed,
                overdue,
            )
