"""Facts about the course tree the report families share: which course a
quiz belongs to (quizzes and lessons are course children in Wagtail's
materialised path), live lessons per course, lessons done per enrolment, and
an enrolment's progress."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext_lazy as _

from assessments.models import AssessmentPage
from courses.models import CoursePage
from enrollments.models import Enrollment, LessonProgress
from lessons.models import LessonPage

# Wagtail's materialised path: a page's parent is its path less one step.
_STEPLEN = 4


# The first columns of the reports with one row a (learner, course, …).
LEARNER_COURSE_COLUMNS = (
    _("Learner id"),
    _("Learner"),
    _("E-mail"),
    _("Course id"),
    _("Course"),
)


def _children_of(paths: Iterable[str]) -> Q:
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(path__startswith=path, depth=len(path) // _STEPLEN + 1)
    return q


@dataclass(frozen=True)
class QuizInfo:
    course_id: int
    course_title: str
    title: str


def _course_of(path_ref: str) -> QuerySet[CoursePage]:
    """The CoursePage whose path is `path_ref`'s parent (a course child)."""
    parent = Substr(OuterRef(path_ref), 1, Length(OuterRef(path_ref)) - _STEPLEN)
    return CoursePage.objects.filter(path=parent)


def quiz_directory() -> dict[int, QuizInfo]:
    """Every quiz with its course, in one query (quizzes are course children)."""
    course = _course_of("path")
    rows = AssessmentPage.objects.annotate(
        course_pk=Subquery(course.values("pk")[:1]),
        course_title=Subquery(course.values("title")[:1]),
    ).values_list("pk", "title", "course_pk", "course_title")
    return {
        pk: QuizInfo(course_pk, course_title, title)
        for pk, title, course_pk, course_title in rows
        if course_pk is not None
    }


def lesson_counts(course_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Live lessons per course, in two queries."""
    courses = CoursePage.objects.all()
    if course_ids is not None:
        courses = courses.filter(pk__in=list(course_ids))
    by_path = dict(courses.values_list("path", "pk"))
    counts: dict[int, int] = defaultdict(int)
    if not by_path:
        return counts
    for path in (
        LessonPage.objects.live()
        .filter(_children_of(by_path))
        .values_list("path", flat=True)
    ):
        course_id = by_path.get(path[:-_STEPLEN])
        if course_id is not None:
            counts[course_id] += 1
    return counts


def _lessons_done() -> Coalesce:
    """Lessons the enrolment completed: a count on the progress_enrollment_done
    index for each enrolment, so a long list streams in order without a join
    of every progress row grouped in a temporary table."""
    done = (
        LessonProgress.objects.filter(
            enrollment_id=OuterRef("pk"), completed_at__isnull=False
        )
        .order_by()
        .values("enrollment_id")
        .annotate(n=Count("*"))  # not Count("pk"): the index alone answers
        .values("n")
    )
    return Coalesce(Subquery(done), 0)


def _percent(part: float | None, whole: float | None) -> float | None:
    if not whole:
        return None
    return round(100 * (part or 0) / whole, 1)


def _standing(
    done: int, total: int, status: str, due: datetime | None, now: datetime
) -> tuple[float, bool]:
    """An enrolment's progress (%) and whether it is overdue: a completed
    course is 100 %, lessons done count up to the course's live lessons."""
    if status == Enrollment.Status.COMPLETED:
        return 100.0, False
    overdue = status == Enrollment.Status.ACTIVE and due is not None and due < now
    return _percent(min(done, total), total) or 0.0, overdue
