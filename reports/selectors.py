"""Report reads. One function a report: it takes the requesting user and the
report's filters, sees only what that user may see, and returns a `Report`.

Scope: an admin (superuser) sees everything; a program manager the enrolments
that belong to the cohorts they manage (`enrollments.scope`: membership alone
gives no reach), the attempts and certificates of those enrolments' courses;
an instructor the enrolments and attempts in the
courses they teach; anyone else nothing (the views answer 404).

The same `Report` feeds the HTML page, the CSV/XLSX exports and the JSON API:
`columns` are the header labels, `rows` an iterable of plain tuples (ids,
strings, numbers, aware datetimes), first column an id where there is one.
`Report.stream()` iterates without caching, for exports of 100,000 rows.
Aggregates run in the database; no query runs once per row.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    Avg,
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    Concat,
    Length,
    Substr,
    TruncMonth,
)
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from assessments.models import AssessmentPage, Attempt, Response
from certificates.models import Certificate
from courses.models import CoursePage
from enrollments import scope as cohort_scope
from enrollments.models import (
    Cohort,
    DaysBetween,
    Enrollment,
    LessonProgress,
)
from lessons.models import LessonPage

# Wagtail's materialised path: a page's parent is its path less one step.
_STEPLEN = 4
DEFAULT_INACTIVE_DAYS = 14
# Behind the pace: this far (fraction of the course) below where an even pace
# from enrolment to the due date would be.
PACE_MARGIN = 0.25


@dataclass(frozen=True)
class Report:
    columns: tuple[str | Promise, ...]
    rows: Iterable[tuple]
    # Facts about the whole report (totals, the filters applied) for headers.
    meta: dict[str, Any] = field(default_factory=dict)

    def stream(self) -> Iterator[tuple]:
        """The rows without the queryset's result cache (exports)."""
        rows = self.rows
        if isinstance(rows, QuerySet):
            return rows.iterator(chunk_size=2000)
        return iter(rows)


class Rows:
    """A queryset's rows passed through `convert`: sliced in the database for
    a page (`rows[50:101]`), iterated in chunks without a cache (exports)."""

    def __init__(self, queryset: QuerySet, convert) -> None:
        self.queryset = queryset
        self.convert = convert

    def __getitem__(self, key: slice) -> list[tuple]:
        return [self.convert(row) for row in self.queryset[key]]

    def __iter__(self) -> Iterator[tuple]:
        return map(self.convert, self.queryset.iterator(chunk_size=2000))


class Reason:
    INACTIVE = "inactive"
    OVERDUE = "overdue"
    FAILED_TWICE = "failed_twice"
    BEHIND = "behind"
    LABELS = {
        INACTIVE: _("No activity"),
        OVERDUE: _("Overdue"),
        FAILED_TWICE: _("Failed an assessment twice"),
        BEHIND: _("Behind the cohort's pace"),
    }


# --- Who sees what -------------------------------------------------------------


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
    return CoursePage.objects.filter(instructors=user).values("pk")


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
    enrolments of the cohorts they manage."""
    scope = scope_of(user)
    if scope.admin:
        return CoursePage.objects.all()
    q = Q(pk__in=[])
    if scope.instructor:
        q |= Q(pk__in=_taught_courses(user))
    if scope.manager:
        q |= Q(pk__in=cohort_scope.managed_enrollments(user).values("course_id"))
    return CoursePage.objects.filter(q)


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
        paths = list(
            CoursePage.objects.filter(instructors=user).values_list("path", flat=True)
        )
        if paths:
            q |= Q(
                assessment_id__in=AssessmentPage.objects.filter(
                    _children_of(paths)
                ).values("pk")
            )
    return q


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


# --- Per course ------------------------------------------------------------------


class Median(Aggregate):
    """PostgreSQL's median; SQLite falls back to Python (see _medians)."""

    function = "PERCENTILE_CONT"
    name = "median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _medians(enrollments: QuerySet[Enrollment]) -> dict[int, float]:
    """Median days from enrolment to completion, per course: PERCENTILE_CONT
    on PostgreSQL; elsewhere the days of each completion in course order,
    read from the enrollment_course_days index in that order (no sort, no
    window: SQLite's took 300 ms over 35,000 completions), the middle one or
    two of each course kept."""
    completed = enrollments.filter(completed_at__isnull=False).order_by()
    if connection.vendor == "postgresql":
        return {
            course_id: median.total_seconds() / 86400
            for course_id, median in completed.values("course_id")
            .annotate(median=Median(F("completed_at") - F("enrolled_at")))
            .values_list("course_id", "median")
        }
    days = (
        completed.annotate(days=DaysBetween("completed_at", "enrolled_at"))
        .order_by("course_id", "days")
        .values_list("course_id", "days")
    )
    medians = {}
    for course_id, group in itertools.groupby(days, key=itemgetter(0)):
        values = [value for _course, value in group]
        middle = len(values) // 2
        medians[course_id] = (values[middle] + values[~middle]) / 2
    return medians


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


def course_summary(
    user, *, course_id: int | None = None, now: datetime | None = None
) -> Report:
    """Per course: enrolled, active in the last 7 and 30 days, completed,
    completion rate, median days to complete."""
    now = now or timezone.now()
    scope_q = enrollment_filter(user)
    enrollments = _filtered(Enrollment.objects.current(), scope_q)
    if course_id is not None:
        enrollments = enrollments.filter(course_id=course_id)
    # Grouped by course alone, in the order of the enrollment_course_seen
    # index (no join, no sort); the titles are read afterwards.
    counts = (
        enrollments.values("course_id")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(status=Enrollment.Status.COMPLETED)),
            week=Count("pk", filter=Q(last_seen_at__gte=now - timedelta(days=7))),
            month=Count("pk", filter=Q(last_seen_at__gte=now - timedelta(days=30))),
        )
        .order_by("course_id")
    )

    def rows() -> Iterator[tuple]:
        by_course = {row["course_id"]: row for row in counts}
        titles = dict(
            CoursePage.objects.filter(pk__in=list(by_course)).values_list("pk", "title")
        )
        course_rows = sorted(
            ({**row, "course__title": titles[pk]} for pk, row in by_course.items()),
            key=lambda row: (row["course__title"], row["course_id"]),
        )
        medians = _medians(enrollments)
        for row in course_rows:
            pk = row["course_id"]
            median = medians.get(pk)
            yield (
                pk,
                row["course__title"],
                row["enrolled"],
                row["week"],
                row["month"],
                row["completed"],
                _percent(row["completed"], row["enrolled"]),
                None if median is None else round(median, 1),
            )

    return Report(
        columns=(
            _("Course id"),
            _("Course"),
            _("Enrolled"),
            _("Active, last 7 days"),
            _("Active, last 30 days"),
            _("Completed"),
            _("Completion rate (%)"),
            _("Median days to complete"),
        ),
        rows=rows(),
    )


def assessment_summary(user, *, course_id: int | None = None) -> Report:
    """Per assessment: learners, graded attempts, average score, pass rate
    (learners with a passing attempt)."""
    attempts = _filtered(
        Attempt.objects.filter(status=Attempt.Status.GRADED), attempt_filter(user)
    )
    course = _course_of("assessment__path")
    if course_id is not None:
        # The course's quizzes (a subquery over quizzes), so the attempts are
        # read by quiz from an index, not matched to their course one by one.
        attempts = attempts.filter(
            assessment_id__in=AssessmentPage.objects.filter(
                Exists(_course_of("path").filter(pk=course_id))
            ).values("pk")
        )
    stats = (
        attempts.values("assessment_id", "assessment__title")
        .annotate(
            learners=Count("learner_id", distinct=True),
            attempts=Count("pk"),
            average=Avg("percent"),
            passed=Count("learner_id", distinct=True, filter=Q(passed=True)),
            course_title=Subquery(course.values("title")[:1]),
        )
        .order_by("course_title", "assessment__title")
    )

    def rows() -> Iterator[tuple]:
        for row in stats:
            average = row["average"]
            yield (
                row["assessment_id"],
                row["course_title"],
                row["assessment__title"],
                row["learners"],
                row["attempts"],
                None if average is None else round(float(average), 1),
                _percent(row["passed"], row["learners"]),
            )

    return Report(
        columns=(
            _("Assessment id"),
            _("Course"),
            _("Assessment"),
            _("Learners"),
            _("Graded attempts"),
            _("Average score (%)"),
            _("Pass rate (%)"),
        ),
        rows=rows(),
    )


def completions_over_time(user, *, course_id: int | None = None) -> Report:
    """Completions a month and their running total."""
    enrollments = visible_enrollments(user).filter(completed_at__isnull=False)
    if course_id is not None:
        enrollments = enrollments.filter(course_id=course_id)
    months = (
        enrollments.annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
        .values_list("month", "count")
    )

    def rows() -> Iterator[tuple]:
        total = 0
        for month, count in months:
            total += count
            yield (month.strftime("%Y-%m"), count, total)

    return Report(
        columns=(_("Month"), _("Completions"), _("Total completed")), rows=rows()
    )


def score_distribution(user, *, assessment_id: int) -> Report:
    """Graded attempts by score band (0-9 %, 10-19 %, …, 90-100 %)."""
    attempts = _filtered(
        Attempt.objects.filter(
            status=Attempt.Status.GRADED,
            assessment_id=assessment_id,
            percent__isnull=False,
        ),
        attempt_filter(user),
    )
    bands = attempts.aggregate(
        **{
            f"b{low}": Count(
                "pk",
                filter=Q(percent__gte=low)
                & (Q(percent__lt=low + 10) if low < 90 else Q()),
            )
            for low in range(0, 100, 10)
        }
    )
    return Report(
        columns=(_("Score band (%)"), _("Attempts")),
        rows=[
            (f"{low}-{low + 9 if low < 90 else 100}", bands[f"b{low}"])
            for low in range(0, 100, 10)
        ],
    )


# --- Per cohort ------------------------------------------------------------------


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
            done=_lessons_done(), lessons=Coalesce(Subquery(lessons), 0)
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
        )
    )

    def rows() -> Iterator[tuple]:
        for learner_id, name, email, course_id, title, done, total, status, due in data:
            progress, overdue = _standing(done, total, status, due, now)
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
            _("Learner id"),
            _("Learner"),
            _("E-mail"),
            _("Course id"),
            _("Course"),
            _("Lessons done"),
            _("Lessons"),
            _("Progress (%)"),
            _("Status"),
            _("Due"),
            _("Overdue"),
        ),
        rows=rows(),
    )


# --- Per learner -----------------------------------------------------------------


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


EVENT_LABELS = {
    "enrolled": _("Enrolled"),
    "completed": _("Completed the course"),
    "lesson_opened": _("Opened a lesson"),
    "lesson_completed": _("Completed a lesson"),
    "attempt_started": _("Started an attempt"),
    "attempt_graded": _("Attempt graded"),
    "certificate": _("Certificate issued"),
}


def _text(value: str) -> Value:
    return Value(value, output_field=CharField())


def _events(queryset: QuerySet, event: str, **columns) -> QuerySet:
    return (
        queryset.order_by()
        .annotate(ev_event=_text(event), **{f"ev_{k}": v for k, v in columns.items()})
        .values_list("ev_when", "ev_event", "ev_course", "ev_item", "ev_detail")
    )


def learner_timeline(user, *, learner_id: int) -> Report:
    """Everything the learner did that the user may see, newest first:
    enrolments, lessons, attempts and scores, certificates; one UNION query,
    so a page is sliced in the database. Rows: (when, event code, course,
    item, detail); EVENT_LABELS names the codes. Raises User.DoesNotExist when
    the learner is not the user's to see."""
    learner = visible_learner(user, learner_id)
    if learner is None:
        raise User.DoesNotExist
    enrollments = visible_enrollments(user).filter(learner_id=learner_id)
    # Joined to the enrolment, not `enrollment__in` a subquery: PostgreSQL
    # planned that (for a program manager's scope) as a hash join of all
    # 1,000,000 progress rows, 2.4 s at 100k enrolments.
    progress = _filtered(
        LessonProgress.objects.filter(enrollment__learner_id=learner_id),
        enrollment_filter(user, prefix="enrollment__"),
    )
    attempts = _filtered(
        Attempt.objects.filter(learner_id=learner_id), attempt_filter(user)
    )
    attempt_course = Subquery(_course_of("assessment__path").values("title")[:1])
    attempt_item = Concat("assessment__title", _text(" #"), Cast("number", CharField()))
    none = _text("")
    parts = [
        _events(
            enrollments,
            "enrolled",
            when=F("enrolled_at"),
            course=F("course__title"),
            item=none,
            detail=none,
        ),
        _events(
            enrollments.filter(completed_at__isnull=False),
            "completed",
            when=F("completed_at"),
            course=F("course__title"),
            item=none,
            detail=none,
        ),
        _events(
            progress,
            "lesson_opened",
            when=F("first_seen_at"),
            course=F("enrollment__course__title"),
            item=F("lesson__title"),
            detail=none,
        ),
        _events(
            progress.filter(completed_at__isnull=False),
            "lesson_completed",
            when=F("completed_at"),
            course=F("enrollment__course__title"),
            item=F("lesson__title"),
            detail=none,
        ),
        _events(
            attempts,
            "attempt_started",
            when=F("started_at"),
            course=attempt_course,
            item=attempt_item,
            detail=none,
        ),
        _events(
            attempts.filter(status=Attempt.Status.GRADED, graded_at__isnull=False),
            "attempt_graded",
            when=F("graded_at"),
            course=attempt_course,
            item=attempt_item,
            detail=Concat(
                Cast("percent", CharField()),
                _text(" % "),
                Case(
                    When(passed=True, then=_text(str(_("passed")))),
                    default=_text(str(_("failed"))),
                ),
            ),
        ),
        _events(
            Certificate.objects.filter(enrollment__in=enrollments.values("pk")),
            "certificate",
            when=F("issued_at"),
            course=F("course_title"),
            item=F("serial"),
            detail=Case(
                When(revoked_at__isnull=False, then=_text(str(_("Revoked")))),
                default=none,
            ),
        ),
    ]
    timeline = parts[0].union(*parts[1:], all=True).order_by("-ev_when")
    return Report(
        columns=(_("When"), _("Event"), _("Course"), _("Item"), _("Detail")),
        rows=timeline,
        meta={"learner": learner},
    )


# --- At risk ---------------------------------------------------------------------


@dataclass(frozen=True)
class AtRiskFilters:
    reason: str = ""
    inactive_days: int = DEFAULT_INACTIVE_DAYS
    cohort_id: int | None = None


def at_risk(
    user, *, filters: AtRiskFilters | None = None, now: datetime | None = None
) -> Report:
    """Learners at risk, one row a (learner, course, reason) with its detail.
    `filters.reason` keeps one reason; each reason's rows are a queryset (or a
    list for the pace), so a page slices them in the database."""
    filters = filters or AtRiskFilters()
    now = now or timezone.now()
    reasons = [filters.reason] if filters.reason else list(Reason.LABELS)
    parts = [_at_risk_rows(user, reason, filters, now) for reason in reasons]
    return Report(
        columns=(
            _("Learner id"),
            _("Learner"),
            _("E-mail"),
            _("Course id"),
            _("Course"),
            _("Reason"),
            _("Detail"),
        ),
        rows=parts[0] if len(parts) == 1 else itertools.chain(*parts),
    )


_LEARNER_COLUMNS = ("learner_id", "learner__display_name", "learner__email")


def _at_risk_enrollments(user, filters: AtRiskFilters) -> QuerySet[Enrollment]:
    enrollments = visible_enrollments(user).filter(status=Enrollment.Status.ACTIVE)
    if filters.cohort_id is not None:
        enrollments = enrollments.filter(cohort_id=filters.cohort_id)
    return enrollments


def _at_risk_rows(user, reason: str, filters: AtRiskFilters, now: datetime):
    enrollments = _at_risk_enrollments(user, filters)
    label = Value(str(Reason.LABELS.get(reason, "")))
    if reason == Reason.INACTIVE:
        cutoff = now - timedelta(days=filters.inactive_days)
        # Longest inactive first: never seen, then seen longest ago, in the
        # order of the enrollment_status_seen index (a page reads 50 rows of
        # it, not a sort of every idle enrolment by name).
        return (
            enrollments.filter(enrolled_at__lt=cutoff)
            .filter(Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=cutoff))
            .annotate(reason=label, detail=Coalesce("last_seen_at", "enrolled_at"))
            .order_by(F("last_seen_at").asc(nulls_first=True), "enrolled_at", "pk")
            .values_list(
                *_LEARNER_COLUMNS, "course_id", "course__title", "reason", "detail"
            )
        )
    if reason == Reason.OVERDUE:
        return (
            enrollments.filter(due_at__lt=now)
            .annotate(reason=label, detail=F("due_at"))
            .order_by("due_at", "learner_id", "course_id")
            .values_list(
                *_LEARNER_COLUMNS, "course_id", "course__title", "reason", "detail"
            )
        )
    if reason == Reason.FAILED_TWICE:
        return _failed_twice(user, filters, label)
    if reason == Reason.BEHIND:
        return _behind_pace(enrollments, now)
    return []


def _failed_twice(user, filters: AtRiskFilters, label: Value) -> Rows:
    """Learners with two failed graded attempts at a quiz and no pass there,
    by learner and quiz: the groups come in the order of the
    attempt_status_learner index, so a page stops reading after its rows
    (no count, no sort of every group)."""
    attempts = _filtered(
        Attempt.objects.filter(status=Attempt.Status.GRADED), attempt_filter(user)
    )
    if filters.cohort_id is not None:
        attempts = attempts.filter(
            cohort_scope.attempts_through(
                cohort_scope.cohort_enrollments(user, filters.cohort_id)
            )
        )
    directory = quiz_directory()
    # The learner's name and e-mail are read for the groups kept only.
    learner = User.objects.filter(pk=OuterRef("learner_id")).order_by()
    failing = (
        attempts.filter(assessment_id__in=list(directory))
        .values("learner_id", "assessment_id")
        .annotate(
            failed=Count("pk", filter=Q(passed=False)),
            passed=Count("pk", filter=Q(passed=True)),
        )
        .filter(failed__gte=2, passed=0)
        .annotate(
            name=Subquery(learner.values("display_name")),
            email=Subquery(learner.values("email")),
        )
        .order_by("learner_id", "assessment_id")
        .values_list("learner_id", "name", "email", "assessment_id", "failed")
    )
    failed_attempts = str(_("failed attempts"))

    def convert(row: tuple) -> tuple:
        learner_id, name, email, assessment_id, failed = row
        info = directory[assessment_id]
        return (
            learner_id,
            name,
            email,
            info.course_id,
            info.course_title,
            label.value,
            f"{info.title}: {failed} {failed_attempts}",
        )

    # PostgreSQL reads the index in order and stops after a page only when it
    # knows how many (learner, quiz) pairs there are: the attempt_pairs
    # statistics (assessments migration 0005); without them it guessed a few
    # hundred, hashed all 200,000 attempts and sorted (~300 ms at 100k).
    return Rows(failing, convert)


def _behind_pace(enrollments: QuerySet[Enrollment], now: datetime) -> list[tuple]:
    """Cohort enrolments whose share of lessons done is PACE_MARGIN below an
    even pace from enrolment to the due date."""
    candidates = (
        enrollments.filter(cohort__isnull=False, due_at__gt=now, enrolled_at__lt=now)
        .annotate(done=_lessons_done())
        .order_by("learner__display_name", "learner_id", "course_id")
        .values_list(
            *_LEARNER_COLUMNS,
            "course_id",
            "course__title",
            "enrolled_at",
            "due_at",
            "done",
        )
    )
    rows = list(candidates)
    lessons = lesson_counts({row[3] for row in rows})
    label = str(Reason.LABELS[Reason.BEHIND])
    behind = []
    for learner_id, name, email, course_id, title, start, due, done in rows:
        total = lessons.get(course_id, 0)
        if not total:
            continue
        expected = (now - start) / (due - start)
        actual = min(done, total) / total
        if actual < expected - PACE_MARGIN:
            behind.append(
                (
                    learner_id,
                    name,
                    email,
                    course_id,
                    title,
                    label,
                    f"{round(actual * 100)} % / {round(expected * 100)} %",
                )
            )
    return behind


# --- Item analysis ---------------------------------------------------------------


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


def item_analysis(user, *, assessment_id: int) -> Report:
    """Moodle's quiz statistics per question over first graded attempts:
    facility index (mean score / max, %), standard deviation (% of max) and
    discrimination index (Pearson correlation, x100, of the question's score
    with the rest of the test: the attempt's total less that question)."""
    earlier_graded = Attempt.objects.filter(
        learner_id=OuterRef("attempt__learner_id"),
        assessment_id=OuterRef("attempt__assessment_id"),
        status=Attempt.Status.GRADED,
        number__lt=OuterRef("attempt__number"),
    )
    responses = Response.objects.filter(
        attempt__assessment_id=assessment_id, attempt__status=Attempt.Status.GRADED
    ).filter(~Exists(earlier_graded))
    q = attempt_filter(user)
    if q is not None:
        responses = responses.filter(
            attempt_id__in=Attempt.objects.filter(q).values("pk")
        )
    x = Cast(Coalesce("score", Value(0)), FloatField())
    y = Cast(Coalesce("attempt__score", Value(0)), FloatField()) - x
    sums = (
        responses.values("question_id", "question__title")
        .annotate(
            n=Count("pk"),
            sx=Sum(x),
            sxx=Sum(x * x),
            sy=Sum(y),
            syy=Sum(y * y),
            sxy=Sum(x * y),
            smax=Sum(Cast("max_score", FloatField())),
            slot=Max("slot"),
        )
        .order_by("slot", "question_id")
    )

    def rows() -> Iterator[tuple]:
        for row in sums:
            stats = item_statistics(
                n=row["n"],
                sx=row["sx"],
                sxx=row["sxx"],
                sy=row["sy"],
                syy=row["syy"],
                sxy=row["sxy"],
                smax=row["smax"],
            )
            yield (row["question_id"], row["question__title"], row["n"], *stats)

    return Report(
        columns=(
            _("Question id"),
            _("Question"),
            _("Attempts"),
            _("Facility index (%)"),
            _("Standard deviation (%)"),
            _("Discrimination index (%)"),
        ),
        rows=rows(),
    )


def item_statistics(
    *, n: int, sx: float, sxx: float, sy: float, syy: float, sxy: float, smax: float
) -> tuple[float | None, float | None, float | None]:
    """Facility %, standard deviation % and discrimination % from the sums of
    x (question score), y (rest of the test) and the question's max."""
    if not n or not smax:
        return (None, None, None)
    mean_max = smax / n
    facility = round(100 * sx / smax, 2)
    sd = None
    if n > 1:
        variance = max(0.0, (sxx - sx * sx / n) / (n - 1))
        sd = round(100 * math.sqrt(variance) / mean_max, 2)
    spread = (n * sxx - sx * sx) * (n * syy - sy * sy)
    discrimination = (
        round(100 * (n * sxy - sx * sy) / math.sqrt(spread), 2) if spread > 0 else None
    )
    return (facility, sd, discrimination)


# --- Enrolments (the grade-report export) -------------------------------------------


def _moment(name: str) -> Cast | F:
    """A datetime column for `_streamed` to read: on SQLite its stored text,
    which `_streamed` parses (Django's converter, then making the value
    aware, cost 0.7 s of a 100,000-row export); elsewhere the column."""
    if connection.vendor == "sqlite":
        return Cast(name, TextField())
    return F(name)


def _streamed(values: QuerySet, *, datetimes: tuple[int, ...]) -> Iterator[tuple]:
    """A values_list queryset's rows in chunks (a server-side cursor where the
    database has one, as QuerySet.iterator), without the ORM's per-row
    converters: on SQLite they were ~1.2 s of a 100,000-row export. Only for
    plain columns (ints, text) and, at `datetimes`, columns selected with
    `_moment`, given here as aware datetimes (on SQLite from the text Django
    stores, in the connection's zone)."""
    sql, params = values.query.sql_with_params()
    sqlite = connection.vendor == "sqlite"
    utc = connection.timezone_name == "UTC"
    zone = connection.timezone
    parse = datetime.fromisoformat
    with connection.chunked_cursor() as cursor:
        if connection.vendor == "postgresql":
            _psycopg_datetimes(cursor.cursor)
        cursor.execute(sql, params)
        for chunk in _prefetched(cursor, 5000):
            if not sqlite or not chunk:
                yield from chunk
                continue
            # Column by column, one C call a value where the zone is UTC.
            columns = list(zip(*chunk, strict=True))
            for i in datetimes:
                texts = columns[i]
                columns[i] = (
                    tuple(None if t is None else parse(t + "+00:00") for t in texts)
                    if utc
                    else tuple(
                        None if t is None else parse(t).replace(tzinfo=zone)
                        for t in texts
                    )
                )
            yield from zip(*columns, strict=True)


def _prefetched(cursor, size: int) -> Iterator[list]:
    """The cursor's rows, `size` at a time, each chunk fetched in a thread
    while the caller works on the one before: the database computes (and the
    driver waits, without the GIL) beside the export's Python. That wait was
    ~0.9 s of a 100,000-row export on PostgreSQL. Closing the generator
    early waits for the fetch under way, so the cursor is free to close."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fetch") as pool:
        ahead = pool.submit(cursor.fetchmany, size)
        while chunk := ahead.result():
            ahead = pool.submit(cursor.fetchmany, size)
            yield chunk


def _psycopg_datetimes(cursor) -> None:
    """Load this cursor's timestamptz values with psycopg's own (C) loader.
    Django's wraps it in a Python one that swaps each value's tzinfo for the
    connection's zone: ~2 µs a value, 0.7 s of a 100,000-row export. Both
    give aware datetimes of the same instant."""
    import psycopg
    from psycopg.postgres import types

    oid = types["timestamptz"].oid
    cursor.adapters.register_loader(
        oid, psycopg.adapters.get_loader(oid, psycopg.pq.Format.TEXT)
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
        enrollments.annotate(
            done=_lessons_done(),
            enrolled_moment=_moment("enrolled_at"),
            due_moment=_moment("due_at"),
            completed_moment=_moment("completed_at"),
        )
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
            "enrolled_moment",
            "due_moment",
            "completed_moment",
        )
    )

    def rows() -> Iterator[tuple]:
        lessons = lesson_counts([course_id] if course_id is not None else None)
        for (
            pk,
            learner_id,
            name,
            email,
            course,
            title,
            cohort,
            state,
            done,
            enrolled,
            due,
            completed,
        ) in _streamed(data, datetimes=(9, 10, 11)):
            total = lessons.get(course, 0)
            progress, overdue = _standing(done, total, state, due, now)
            yield (
                pk,
                learner_id,
                name,
                email,
                course,
                title,
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
            _("Learner id"),
            _("Learner"),
            _("E-mail"),
            _("Course id"),
            _("Course"),
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
