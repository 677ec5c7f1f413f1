"""Item analysis (Moodle's quiz statistics) per question of one quiz."""

from __future__ import annotations

import math
from collections.abc import Iterator

from django.db.models import Count, Exists, FloatField, Max, OuterRef, Sum, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _

from assessments.models import Attempt, Response

from .scope import attempt_filter
from .streaming import Report


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
