"""Per-course reports: summary (enrolled, active, completed, median days)
and completions over time."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta
from operator import itemgetter

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from enrollments.models import DaysBetween, Enrollment

from .scope import _filtered, enrollment_filter, visible_enrollments
from .streaming import Report
from .tree import _percent


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
    window: SQLite's was the slow part; bench/reports.py, figure "report
    admin: courses (...)"), the middle one or two of each course kept."""
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
