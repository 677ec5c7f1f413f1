"""Learners at risk: inactive, overdue, failed a quiz twice, behind the
cohort's pace; one row a (learner, course, reason)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
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
