"""The instructor's course home: the Wagtail admin dashboard's panels.

What a teacher opens the admin for, on its first screen: their courses (draft
or live, learners enrolled, completions, average quiz score), the essays
waiting for them per course with a link straight to the oldest, the latest
submissions and the quizzes closing soon. Only the courses the user teaches
(`courses.scope`; admins teach all). Here, in enrollments, because the counts
read enrolments and the quiz records below them.

Each panel is one query whatever the number of courses, learners or attempts
(the counts are subqueries of the course list).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import (
    Avg,
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Length, Substr
from django.utils import timezone
from wagtail.admin.ui.components import Component

from assessments.models import AssessmentPage, Attempt, Response
from assessments.selectors import assessments_taught_by, scoped
from courses import scope, translations
from courses.models import CoursePage

from .models import Enrollment

# A dashboard is a glance, not a report: the longest lists it shows.
COURSES_SHOWN = 30
SUBMISSIONS_SHOWN = 8
CLOSING_SHOWN = 8
# Wagtail's materialised path: a page's parent is its path less one step.
_STEPLEN = 4


def _one(queryset: QuerySet, aggregate, name: str = "value") -> Subquery:
    """An aggregate of `queryset` as a subquery of one value."""
    return Subquery(
        queryset.order_by()
        .annotate(_group=Value(1))
        .values("_group")
        .annotate(**{name: aggregate})
        .values(name)[:1]
    )


def course_rows(user) -> list[CoursePage]:
    """The user's courses (originals), each annotated with `enrolled`,
    `completed`, `average` (percent of graded attempts, None without any),
    `waiting` (essays to mark) and `first_waiting` (the oldest one's
    response id). One query."""
    under = {"assessment__path__startswith": OuterRef("path")}
    enrolments = Enrollment.objects.filter(course=OuterRef("pk")).exclude(
        status=Enrollment.Status.WITHDRAWN
    )
    waiting = Response.objects.filter(
        needs_review=True,
        attempt__status=Attempt.Status.NEEDS_REVIEW,
        attempt__assessment__path__startswith=OuterRef("path"),
    )
    zero = Value(0)
    courses = translations.only_originals(scope.taught_courses(user))
    return list(
        courses.annotate(
            enrolled=Coalesce(_one(enrolments, Count("pk")), zero),
            completed=Coalesce(
                _one(
                    enrolments.filter(status=Enrollment.Status.COMPLETED),
                    Count("pk"),
                ),
                zero,
            ),
            average=_one(
                Attempt.objects.filter(status=Attempt.Status.GRADED, **under),
                Avg("percent"),
            ),
            waiting=Coalesce(
                _one(waiting, Count("pk")), zero, output_field=IntegerField()
            ),
            first_waiting=Subquery(
                waiting.order_by("attempt__submitted_at", "attempt_id", "slot").values(
                    "pk"
                )[:1]
            ),
        )
        .only("pk", "title", "live", "has_unpublished_changes", "path", "depth")
        .order_by("-live", "title", "pk")[:COURSES_SHOWN]
    )


def recent_submissions(user) -> list[Attempt]:
    """The latest submitted attempts in the user's courses. One query."""
    return list(
        scoped(Attempt, user, Attempt.objects.all())
        .filter(submitted_at__isnull=False)
        .select_related("learner", "assessment")
        .only(
            "pk",
            "number",
            "status",
            "percent",
            "submitted_at",
            "learner__email",
            "learner__display_name",
            "assessment__title",
        )
        .order_by("-submitted_at", "-pk")[:SUBMISSIONS_SHOWN]
    )


def closing_soon(user, now: datetime | None = None) -> list[AssessmentPage]:
    """The user's quizzes that close from now on, soonest first, each with
    its `course_title`. One query."""
    now = now or timezone.now()
    course = CoursePage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - _STEPLEN)
    )
    return list(
        assessments_taught_by(user)
        .filter(closes_at__gt=now)
        .annotate(course_title=Subquery(course.values("title")[:1]))
        .only("pk", "title", "closes_at", "live")
        .order_by("closes_at", "pk")[:CLOSING_SHOWN]
    )


def teaches_anything(user) -> bool:
    return bool(
        user.is_superuser
        or (user.is_authenticated and scope.taught_courses(user).exists())
    )


class CourseHomePanel(Component):
    """The course home: first on the dashboard (Wagtail's own panels come
    from order 100)."""

    name = "course_home"
    template_name = "enrollments/admin/course_home_panel.html"
    order = 10

    class Media:
        css = {"all": ["css/admin-course-home.css"]}

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        courses = course_rows(self.user)
        context.update(
            courses=courses,
            waiting_total=sum(c.waiting for c in courses),
            more_courses=len(courses) == COURSES_SHOWN,
            submissions=recent_submissions(self.user),
            closing=closing_soon(self.user),
        )
        return context


__all__ = [
    "CourseHomePanel",
    "closing_soon",
    "course_rows",
    "recent_submissions",
    "teaches_anything",
]
