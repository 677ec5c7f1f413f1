"""Packaged activities (SCORM and cmi5) of a course: per activity, the
learners who launched it, their attempts (cmi5: sessions), how many completed
(cmi5: satisfied) and passed it, and the average score (cmi5: of its units'
passed and failed scores; "passed" counts learners who passed every unit
whose moveOn asks for a pass). Learners are those whose enrolment in the
course the user may see (`scope`): a manager sees their cohorts' learners, an
instructor the learners of the courses they teach."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.models import CoursePage
from packages.models import (
    Cmi5ActivityPage,
    Cmi5Registration,
    ScormActivityPage,
    ScormAttempt,
)

from .scope import visible_enrollments
from .streaming import Report
from .tree import _percent


def scorm_summary(user, *, course_id: int) -> Report:
    course = CoursePage.objects.get(pk=course_id)
    # Both kinds in one query, in outline order.
    kinds = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (ScormActivityPage, Cmi5ActivityPage)
    }
    activities = list(
        Page.objects.child_of(course)
        .filter(content_type_id__in=list(kinds))
        .order_by("path")
        .values("pk", "title", "content_type_id")
    )
    cmi5_ids = [
        activity["pk"]
        for activity in activities
        if kinds[activity["content_type_id"]] is Cmi5ActivityPage
    ]
    attempts = ScormAttempt.objects.filter(
        activity_id__in=[
            activity["pk"] for activity in activities if activity["pk"] not in cmi5_ids
        ]
    ).filter(
        Exists(
            visible_enrollments(user).filter(
                course_id=course_id, learner_id=OuterRef("learner_id")
            )
        )
    )
    stats: dict[int, dict[str, Any]] = {
        row["activity_id"]: dict(row)
        for row in attempts.values("activity_id").annotate(
            learners=Count("learner_id", distinct=True),
            attempts=Count("pk"),
            completed=Count(
                "learner_id", distinct=True, filter=Q(completed_at__isnull=False)
            ),
            passed=Count(
                "learner_id", distinct=True, filter=Q(success_status="passed")
            ),
            average=Avg("score_scaled"),
        )
    }

    if cmi5_ids:
        stats.update(_cmi5_stats(user, cmi5_ids, course_id))

    def rows() -> Iterator[tuple]:
        for activity in activities:
            row = stats.get(activity["pk"], {})
            learners = row.get("learners", 0)
            average = row.get("average")
            yield (
                activity["pk"],
                activity["title"],
                learners,
                row.get("attempts", 0),
                row.get("completed", 0),
                _percent(row.get("completed", 0), learners),
                row.get("passed", 0),
                None if average is None else round(float(average) * 100, 1),
            )

    return Report(
        columns=(
            _("Activity id"),
            _("Activity"),
            _("Learners"),
            _("Attempts"),
            _("Completed"),
            _("Completion rate (%)"),
            _("Passed"),
            _("Average score (%)"),
        ),
        rows=rows(),
    )


def _cmi5_stats(user, page_ids: list[int], course_id: int) -> dict[int, dict]:
    pages = {
        page.pk: page
        for page in Cmi5ActivityPage.objects.filter(pk__in=page_ids).select_related(
            "cmi5_course"
        )
    }
    registrations = (
        Cmi5Registration.objects.filter(activity_id__in=list(pages))
        .filter(
            Exists(
                visible_enrollments(user).filter(
                    course_id=course_id, learner_id=OuterRef("learner_id")
                )
            )
        )
        .annotate(launches=Count("sessions"))
        .values_list("activity_id", "au_states", "satisfied_at", "launches")
    )
    stats: dict[int, dict[str, Any]] = {}
    scores: dict[int, list[float]] = {}
    for activity_id, states, satisfied_at, launches in registrations.iterator():
        aus = pages[activity_id].cmi5_course.aus
        judged = [
            str(i)
            for i, au in enumerate(aus)
            if au["move_on"] in ("Passed", "CompletedAndPassed")
        ]
        row = stats.setdefault(
            activity_id,
            {"learners": 0, "attempts": 0, "completed": 0, "passed": 0},
        )
        row["learners"] += 1
        row["attempts"] += launches
        row["completed"] += satisfied_at is not None
        row["passed"] += bool(judged) and all(
            states.get(key, {}).get("passed") for key in judged
        )
        scores.setdefault(activity_id, []).extend(
            float(state["score"])
            for state in states.values()
            if isinstance(state.get("score"), int | float)
        )
    for activity_id, values in scores.items():
        stats[activity_id]["average"] = sum(values) / len(values) if values else None
    return stats
