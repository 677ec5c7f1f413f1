"""The enrolment list (the grade-report export): one row an enrolment,
streamed for exports of 100,000 rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .scope import visible_enrollments
from .streaming import Report
from .tree import (
    LEARNER_COURSE_COLUMNS,
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
        .values_list(
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
    )

    def rows() -> Iterator[tuple]:
        lessons = lesson_counts([course_id] if course_id is not None else None)
        steps = step_counts([course_id] if course_id is not None else None)
        for row in data.iterator(chunk_size=2000):
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
        rows=rows(),
    )
