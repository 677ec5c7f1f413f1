"""The reports that can be exported and read through the API, by name.

Each entry turns a requesting user and the report's filters (a plain mapping,
the query string of the page it mirrors) into a `selectors.Report`, scoped
exactly as the page is: an object outside the user's scope raises `NotFound`,
a malformed filter `BadFilter`. The page, the CSV/XLSX export and the API all
go through the same selector, so they cannot disagree on who sees what.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from accounts.models import User
from core.converters import MAX_ID
from core.query import bounded_int
from enrollments.models import Enrollment

from . import selectors
from .selectors import AtRiskFilters, Reason, Report

# The at-risk page's form allows a year; the API and the exports the same.
MAX_INACTIVE_DAYS = 365


class NotFound(Exception):
    """The object named by a filter is not the user's to see (a 404)."""


class BadFilter(ValueError):
    """A filter is malformed; the message says which and why."""


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: object  # a lazy translation
    build: Callable[[User, Mapping[str, str]], Report]
    # The filters it reads, with a description for the API schema.
    filters: tuple[tuple[str, str], ...] = ()
    required: tuple[str, ...] = ()


def _int(
    params: Mapping[str, str], key: str, *, required: bool, high: int = MAX_ID
) -> int | None:
    raw = (params.get(key) or "").strip()
    if not raw:
        if required:
            raise BadFilter(_("%(key)s is required") % {"key": key})
        return None
    value = bounded_int(raw, high=high)
    if value is None:
        raise BadFilter(
            _("%(key)s must be a whole number from 0 to %(high)s, not %(value)s")
            % {"key": key, "high": high, "value": repr(raw[:30])}
        )
    return value


def _courses(user, params):
    return selectors.course_summary(user)


def _course_assessments(user, params):
    course_id = _int(params, "course", required=True)
    if not selectors.visible_courses(user).filter(pk=course_id).exists():
        raise NotFound
    return selectors.assessment_summary(user, course_id=course_id)


def _course_scorm(user, params):
    course_id = _int(params, "course", required=True)
    if not selectors.visible_courses(user).filter(pk=course_id).exists():
        raise NotFound
    return selectors.scorm_summary(user, course_id=course_id)


def _completions(user, params):
    course_id = _int(params, "course", required=False)
    if (
        course_id is not None
        and not selectors.visible_courses(user).filter(pk=course_id).exists()
    ):
        raise NotFound
    return selectors.completions_over_time(user, course_id=course_id)


def _cohorts(user, params):
    if not selectors.can_manage_cohorts(user):
        raise NotFound
    return selectors.cohort_summary(user)


def _cohort(user, params):
    cohort_id = _int(params, "cohort", required=True)
    if not selectors.visible_cohorts(user).filter(pk=cohort_id).exists():
        raise NotFound
    return selectors.cohort_progress(user, cohort_id=cohort_id)  # type: ignore[arg-type]


def _learner(user, params):
    learner_id = _int(params, "learner", required=True)
    try:
        return selectors.learner_timeline(user, learner_id=learner_id)  # type: ignore[arg-type]
    except User.DoesNotExist:
        raise NotFound from None


def _at_risk(user, params):
    reason = (params.get("reason") or "").strip()
    if reason and reason not in Reason.LABELS:
        raise BadFilter(
            _("reason must be one of %(values)s") % {"values": ", ".join(Reason.LABELS)}
        )
    days = _int(params, "inactive_days", required=False, high=MAX_INACTIVE_DAYS)
    cohort_id = _int(params, "cohort", required=False)
    if (
        cohort_id is not None
        and not selectors.visible_cohorts(user).filter(pk=cohort_id).exists()
    ):
        raise NotFound
    return selectors.at_risk(
        user,
        filters=AtRiskFilters(
            reason=reason,
            inactive_days=days or selectors.DEFAULT_INACTIVE_DAYS,
            cohort_id=cohort_id,
        ),
    )


def _item_analysis(user, params):
    assessment_id = _int(params, "assessment", required=True)
    if selectors.visible_assessment(user, assessment_id) is None:  # type: ignore[arg-type]
        raise NotFound
    return selectors.item_analysis(user, assessment_id=assessment_id)  # type: ignore[arg-type]


def _enrollments(user, params):
    course_id = _int(params, "course", required=False)
    cohort_id = _int(params, "cohort", required=False)
    status = (params.get("status") or "").strip()
    if status and status not in Enrollment.Status.values:
        raise BadFilter(
            _("status must be one of %(values)s")
            % {"values": ", ".join(Enrollment.Status.values)}
        )
    if (
        course_id is not None
        and not selectors.visible_courses(user).filter(pk=course_id).exists()
    ):
        raise NotFound
    if (
        cohort_id is not None
        and not selectors.visible_cohorts(user).filter(pk=cohort_id).exists()
    ):
        raise NotFound
    return selectors.enrollment_list(
        user, course_id=course_id, cohort_id=cohort_id, status=status or None
    )


REPORTS: dict[str, ReportSpec] = {
    spec.name: spec
    for spec in (
        ReportSpec("courses", _("Courses"), _courses),
        ReportSpec(
            "enrollments",
            _("Enrolments"),
            _enrollments,
            filters=(
                ("course", "a course id"),
                ("cohort", "a cohort id"),
                ("status", "active, completed or withdrawn"),
            ),
        ),
        ReportSpec(
            "course-assessments",
            _("Assessments of a course"),
            _course_assessments,
            filters=(("course", "a course id"),),
            required=("course",),
        ),
        ReportSpec(
            "course-scorm",
            _("SCORM and cmi5 activities of a course"),
            _course_scorm,
            filters=(("course", "a course id"),),
            required=("course",),
        ),
        ReportSpec(
            "completions",
            _("Completions a month"),
            _completions,
            filters=(("course", "a course id"),),
        ),
        ReportSpec("cohorts", _("Cohorts"), _cohorts),
        ReportSpec(
            "cohort",
            _("Cohort progress"),
            _cohort,
            filters=(("cohort", "a cohort id"),),
            required=("cohort",),
        ),
        ReportSpec(
            "learner",
            _("Learner timeline"),
            _learner,
            filters=(("learner", "a learner id"),),
            required=("learner",),
        ),
        ReportSpec(
            "at-risk",
            _("Learners at risk"),
            _at_risk,
            filters=(
                ("reason", ", ".join(Reason.LABELS)),
                ("inactive_days", "days without activity"),
                ("cohort", "a cohort id"),
            ),
        ),
        ReportSpec(
            "item-analysis",
            _("Item analysis"),
            _item_analysis,
            filters=(("assessment", "an assessment id"),),
            required=("assessment",),
        ),
    )
}


def build(name: str, user, params: Mapping[str, str]) -> Report:
    spec = REPORTS.get(name)
    if spec is None or not selectors.can_view_reports(user):
        raise NotFound
    return spec.build(user, params)


def clean_filters(name: str, params: Mapping[str, str]) -> dict[str, str]:
    """Only the filters the report reads, as strings (stored with an export)."""
    spec = REPORTS[name]
    return {key: str(params[key]) for key, _help in spec.filters if params.get(key)}


def column_keys(report: Report) -> list[str]:
    """Stable machine names for the columns (the English labels, slugified),
    whatever the reader's language."""
    with override("en"):
        return [slugify(str(label)).replace("-", "_") for label in report.columns]
