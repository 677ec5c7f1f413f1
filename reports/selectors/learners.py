"""One learner's timeline: every event the user may see, one UNION query."""

from __future__ import annotations

from django.db.models import Case, CharField, F, QuerySet, Subquery, Value, When
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from assessments.models import Attempt
from certificates.models import Certificate
from enrollments.models import LessonProgress

from ..models import Reminder
from .scope import (
    _filtered,
    attempt_filter,
    enrollment_filter,
    visible_enrollments,
    visible_learner,
)
from .streaming import Report
from .tree import _course_of

EVENT_LABELS = {
    "enrolled": _("Enrolled"),
    "completed": _("Completed the course"),
    "lesson_opened": _("Opened a lesson"),
    "lesson_completed": _("Completed a lesson"),
    "attempt_started": _("Started an attempt"),
    "attempt_graded": _("Attempt graded"),
    "certificate": _("Certificate issued"),
    "reminder": _("Reminder sent"),
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
    # planned that (for a program manager's scope) as a hash join of every
    # progress row (bench/reports.py on PostgreSQL, figure "report manager:
    # learner (...)").
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
        # Reminders about the courses the user sees the learner in.
        _events(
            Reminder.objects.filter(
                learner_id=learner_id,
                course_id__in=enrollments.values("course_id"),
            ),
            "reminder",
            when=F("created_at"),
            course=F("course__title"),
            item=F("subject"),
            detail=Case(
                When(sent_at__isnull=True, then=_text(str(_("being sent")))),
                default=_text(str(_("e-mailed"))),
            ),
        ),
    ]
    timeline = parts[0].union(*parts[1:], all=True).order_by("-ev_when")
    return Report(
        columns=(_("When"), _("Event"), _("Course"), _("Item"), _("Detail")),
        rows=timeline,
        meta={"learner": learner},
    )
