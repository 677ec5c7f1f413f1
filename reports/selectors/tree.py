"""Facts about the course tree the report families share: which course a
quiz belongs to (quizzes and lessons are course children in Wagtail's
materialised path), live lessons per course, lessons done per enrolment, and
an enrolment's progress."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from assessments.models import AssessmentPage, Attempt
from courses.models import CourseOptionalItem, CoursePage
from enrollments.models import Enrollment, LessonProgress
from lessons.models import LessonPage

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

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


def _is_step() -> Q:
    """A live lesson or quiz of a course, not optional: what the progress rule
    counts (`enrollments.completion`)."""
    return Q(
        content_type__in=ContentType.objects.get_for_models(
            LessonPage, AssessmentPage
        ).values(),
        live=True,
    )


def step_counts(course_ids: Iterable[int] | None = None) -> dict[int, int]:
    """What the progress rule counts per course: its live lessons and quizzes
    less its optional items, in two queries."""
    courses = CoursePage.objects.all()
    if course_ids is not None:
        courses = courses.filter(pk__in=list(course_ids))
    by_path = dict(courses.values_list("path", "pk"))
    counts: dict[int, int] = defaultdict(int)
    if not by_path:
        return counts
    optional = CourseOptionalItem.objects.filter(
        course_id__in=list(by_path.values())
    ).values("page_id")
    for path in (
        Page.objects.filter(_children_of(by_path), _is_step())
        .exclude(pk__in=optional)
        .values_list("path", flat=True)
    ):
        course_id = by_path.get(path[:-_STEPLEN])
        if course_id is not None:
            counts[course_id] += 1
    return counts


def steps_of_course() -> Coalesce:
    """`step_counts` of the row's course, as a subquery (no extra query)."""
    steps = (
        Page.objects.filter(
            _is_step(),
            path__startswith=OuterRef("course__path"),
            depth=OuterRef("course__depth") + 1,
        )
        .exclude(
            pk__in=CourseOptionalItem.objects.filter(
                course_id=OuterRef(OuterRef("course_id"))
            ).values("page_id")
        )
        .order_by()
        .values("depth")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(steps), 0)


def _quizzes_passed() -> Coalesce:
    """The enrolment's required quizzes passed: those of its course (a child
    of the course page) not optional, with a graded attempt that passed since
    the enrolment (re)started. Counts one a quiz."""
    passed = (
        Attempt.objects.filter(
            learner_id=OuterRef("learner_id"),
            status=Attempt.Status.GRADED,
            passed=True,
            started_at__gte=Coalesce(OuterRef("restarted_at"), Value(_EPOCH)),
            assessment__path__startswith=OuterRef("course__path"),
            assessment__depth=OuterRef("course__depth") + 1,
            assessment__live=True,
        )
        .exclude(
            assessment_id__in=CourseOptionalItem.objects.filter(
                course_id=OuterRef(OuterRef("course_id"))
            ).values("page_id")
        )
        .order_by()
        .values("learner_id")
        .annotate(n=Count("assessment_id", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(passed), 0)


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
    course is 100 %; otherwise the steps done (lessons done and quizzes
    passed) of the steps the progress rule counts (`step_counts`), short of
    100 until the course is complete, as on the learner's pages."""
    if status == Enrollment.Status.COMPLETED:
        return 100.0, False
    overdue = status == Enrollment.Status.ACTIVE and due is not None and due < now
    percent = _percent(min(done, total), total) or 0.0
    return min(percent, 99.0), overdue
