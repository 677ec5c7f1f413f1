from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.registry import REPORTS

register = template.Library()

# What each export holds, as the words of its button ("Export enrolments
# (CSV)"); the page's own table says "this table".
WHAT = {
    "courses": gettext_lazy("courses"),
    "enrollments": gettext_lazy("enrolments"),
    "course-assessments": gettext_lazy("assessments"),
    "course-scorm": gettext_lazy("SCORM and cmi5 activities"),
    "completions": gettext_lazy("completions"),
    "cohorts": gettext_lazy("cohorts"),
    "cohort": gettext_lazy("cohort progress"),
    "learner": gettext_lazy("timeline"),
    "at-risk": gettext_lazy("learners at risk"),
    "item-analysis": gettext_lazy("item analysis"),
}


@register.inclusion_tag("reports/includes/export.html")
def export_buttons(report: str, this_table: bool = False, **filters):
    """CSV and XLSX buttons for `report` with the filters the page shows;
    each button says what it exports."""
    if this_table:
        csv = _("Export this table (CSV)")
        xlsx = _("Export this table (XLSX)")
    else:
        what = WHAT.get(report, REPORTS[report].title)
        csv = _("Export %(what)s (CSV)") % {"what": what}
        xlsx = _("Export %(what)s (XLSX)") % {"what": what}
    return {
        "report": report,
        # Two export forms on one page need different names (axe landmark-unique).
        "title": REPORTS[report].title,
        "csv_label": csv,
        "xlsx_label": xlsx,
        "filters": [
            (key, value) for key, value in filters.items() if value not in (None, "")
        ],
    }
