"""Report reads. One function a report: it takes the requesting user and the
report's filters, sees only what that user may see (`scope`), and returns a
`Report` (`streaming`).

The same `Report` feeds the HTML page, the CSV/XLSX exports and the JSON API:
`columns` are the header labels, `rows` an iterable of plain tuples (ids,
strings, numbers, aware datetimes), first column an id where there is one.
`Report.stream()` iterates without caching, for exports of 100,000 rows.
Aggregates run in the database; no query runs once per row.

One module a report family; this package's names are the public surface.
"""

from .assessments import assessment_summary, score_distribution
from .at_risk import (
    DEFAULT_INACTIVE_DAYS,
    PACE_MARGIN,
    AtRiskFilters,
    Reason,
    Standing,
    at_risk,
    reasons_for,
)
from .cohorts import cohort_progress, cohort_summary
from .courses import completions_over_time, course_summary
from .enrollments import enrollment_list
from .item_analysis import item_analysis, item_statistics
from .learners import EVENT_LABELS, learner_timeline
from .packages import scorm_summary
from .scope import (
    Scope,
    attempt_filter,
    can_manage_cohorts,
    can_view_reports,
    enrollment_filter,
    scope_of,
    visible_assessment,
    visible_cohorts,
    visible_courses,
    visible_enrollments,
    visible_learner,
)
from .streaming import Report, Rows
from .tree import QuizInfo, lesson_counts, quiz_directory

__all__ = [
    "DEFAULT_INACTIVE_DAYS",
    "EVENT_LABELS",
    "PACE_MARGIN",
    "AtRiskFilters",
    "QuizInfo",
    "Reason",
    "Report",
    "Rows",
    "Scope",
    "Standing",
    "assessment_summary",
    "at_risk",
    "attempt_filter",
    "can_manage_cohorts",
    "can_view_reports",
    "cohort_progress",
    "cohort_summary",
    "completions_over_time",
    "course_summary",
    "enrollment_filter",
    "enrollment_list",
    "item_analysis",
    "item_statistics",
    "learner_timeline",
    "lesson_counts",
    "quiz_directory",
    "reasons_for",
    "scope_of",
    "score_distribution",
    "scorm_summary",
    "visible_assessment",
    "visible_cohorts",
    "visible_courses",
    "visible_enrollments",
    "visible_learner",
]
