"""Per-assessment reports: summary (learners, attempts, average, pass rate)
and score distribution."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Avg, Count, Exists, Q, Subquery
from django.utils.translation import gettext_lazy as _

from assessments.models import AssessmentPage, Attempt

from .scope import _filtered, attempt_filter
from .streaming import Report
from .tree import _course_of, _percent


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
