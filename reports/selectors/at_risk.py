"""Learners at risk: inactive, overdue, failed a quiz twice, behind the
cohort's pace; one row a (learner, course, reason)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from assessments.models import Attempt
from enrollments import scope as cohort_scope
from enrollments.models import Enrollment

from .scope import _filtered, attempt_filter, visible_enrollments
from .streaming import Report, Rows
from .tree import LEARNER_COURSE_COLUMNS, _lessons_done, lesson_counts, quiz_directory

DEFAULT_INACTIVE_DAYS = 14
# Behind the pace: this far (fraction of the course) below where an even pace
# from enrolment to the due date would be.
PACE_MARGIN = 0.25


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
            *LEARNER_COURSE_COLUMNS,
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
    # hundred, hashed all the attempts and sorted (bench/reports.py on
    # PostgreSQL, figure "report admin: at risk (failed twice) (...)").
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


@dataclass(frozen=True)
class Standing:
    """One at-risk (learner, course) with every reason that applies, each in
    readable words, and the cohort it is followed in (if any)."""

    learner_id: int
    course_id: int
    cohort_id: int | None
    cohort_name: str
    reasons: tuple[str, ...]


def _median(values: list[int]) -> float:
    values = sorted(values)
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def reasons_for(
    user,
    pairs: list[tuple[int, int]],
    *,
    inactive_days: int = DEFAULT_INACTIVE_DAYS,
    now: datetime | None = None,
) -> dict[tuple[int, int], Standing]:
    """Every reason each (learner, course) of a page is at risk, in words
    ("no activity for 23 days", "2 of 6 lessons, cohort median 5"). A fixed
    number of queries whatever the page holds: the page's enrolments, the
    courses' lessons, the quizzes, the failed attempts, the cohorts' pace."""
    now = now or timezone.now()
    if not pairs:
        return {}
    learner_ids = sorted({learner for learner, _course in pairs})
    course_ids = sorted({course for _learner, course in pairs})
    wanted = set(pairs)
    rows = [
        row
        for row in visible_enrollments(user)
        .filter(
            status=Enrollment.Status.ACTIVE,
            learner_id__in=learner_ids,
            course_id__in=course_ids,
        )
        .annotate(done=_lessons_done())
        .values_list(
            "learner_id",
            "course_id",
            "cohort_id",
            "cohort__name",
            "enrolled_at",
            "last_seen_at",
            "due_at",
            "done",
        )
        if (row[0], row[1]) in wanted
    ]
    lessons = lesson_counts(course_ids)
    # The cohort's median of lessons done, for the courses of the page.
    cohort_pairs = {(row[2], row[1]) for row in rows if row[2] is not None}
    medians: dict[tuple[int, int], float] = {}
    if cohort_pairs:
        done_by: dict[tuple[int, int], list[int]] = {}
        for cohort_id, course_id, done in (
            visible_enrollments(user)
            .filter(
                cohort_id__in={cohort for cohort, _course in cohort_pairs},
                course_id__in={course for _cohort, course in cohort_pairs},
            )
            .exclude(status=Enrollment.Status.WITHDRAWN)
            .annotate(done=_lessons_done())
            .values_list("cohort_id", "course_id", "done")
        ):
            total = lessons.get(course_id, 0)
            done_by.setdefault((cohort_id, course_id), []).append(min(done, total))
        medians = {key: _median(values) for key, values in done_by.items()}
    # Quizzes failed twice (and never passed) by these learners.
    failed: dict[tuple[int, int], list[tuple[str, int]]] = {}
    directory = quiz_directory()
    course_quizzes = [
        pk for pk, info in directory.items() if info.course_id in set(course_ids)
    ]
    if course_quizzes:
        for learner_id, assessment_id, count in (
            _filtered(
                Attempt.objects.filter(
                    status=Attempt.Status.GRADED,
                    learner_id__in=learner_ids,
                    assessment_id__in=course_quizzes,
                ),
                attempt_filter(user),
            )
            .values("learner_id", "assessment_id")
            .annotate(
                failed=Count("pk", filter=Q(passed=False)),
                passed=Count("pk", filter=Q(passed=True)),
            )
            .filter(failed__gte=2, passed=0)
            .order_by("learner_id", "assessment_id")
            .values_list("learner_id", "assessment_id", "failed")
        ):
            info = directory[assessment_id]
            failed.setdefault((learner_id, info.course_id), []).append(
                (info.title, count)
            )
    result = {}
    for learner_id, course_id, cohort_id, cohort_name, start, seen, due, done in rows:
        reasons = []
        idle_since = seen or start
        idle = (now - idle_since).days
        if idle_since < now - timedelta(days=inactive_days):
            if seen is None:
                reasons.append(
                    ngettext(
                        "never opened the course, enrolled %(days)d day ago",
                        "never opened the course, enrolled %(days)d days ago",
                        idle,
                    )
                    % {"days": idle}
                )
            else:
                reasons.append(
                    ngettext(
                        "no activity for %(days)d day",
                        "no activity for %(days)d days",
                        idle,
                    )
                    % {"days": idle}
                )
        if due is not None and due < now:
            late = (now - due).days
            reasons.append(
                ngettext(
                    "overdue by %(days)d day (due %(date)s)",
                    "overdue by %(days)d days (due %(date)s)",
                    late,
                )
                % {"days": late, "date": formats.date_format(due.date())}
            )
        for title, count in failed.get((learner_id, course_id), []):
            reasons.append(
                ngettext(
                    "failed %(quiz)s %(count)d time",
                    "failed %(quiz)s %(count)d times",
                    count,
                )
                % {"quiz": title, "count": count}
            )
        total = lessons.get(course_id, 0)
        if (
            cohort_id is not None
            and total
            and due is not None
            and start < now < due
            and min(done, total) / total < (now - start) / (due - start) - PACE_MARGIN
        ):
            median = medians.get((cohort_id, course_id))
            reasons.append(
                ngettext(
                    "behind the pace: %(done)d of %(total)d lesson done, "
                    "cohort median %(median)s",
                    "behind the pace: %(done)d of %(total)d lessons done, "
                    "cohort median %(median)s",
                    total,
                )
                % {
                    "done": min(done, total),
                    "total": total,
                    # 1.5 in English, 1,5 in French.
                    "median": (
                        f"{median:g}".replace(
                            ".", str(formats.get_format("DECIMAL_SEPARATOR"))
                        )
                        if median is not None
                        else "—"
                    ),
                }
            )
        if not reasons:
            reasons.append(gettext("no longer at risk"))
        result[(learner_id, course_id)] = Standing(
            learner_id=learner_id,
            course_id=course_id,
            cohort_id=cohort_id,
            cohort_name=cohort_name or "",
            reasons=tuple(reasons),
        )
    return result
