"""Packaged activities (SCORM) of a course: per activity, the learners who
launched it, their attempts, how many completed and passed it, and the
average score. Learners are those whose enrolment in the course the user may
see (`scope`): a manager sees their cohorts' learners, an instructor the
learners of the courses they teach."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from packages.models import ScormActivityPage, ScormAttempt

from .scope import visible_enrollments
from .streaming import Report
from .tree import _percent


def scorm_summary(user, *, course_id: int) -> Report:
    course = CoursePage.objects.get(pk=course_id)
    activities = list(
        ScormActivityPage.objects.child_of(course)
        .order_by("path")
        .values("pk", "title")
    )
    attempts = ScormAttempt.objects.filter(
        activity_id__in=[activity["pk"] for activity in activities]
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
