from django import template

from reports.registry import REPORTS

register = template.Library()


@register.inclusion_tag("reports/includes/export.html")
def export_buttons(report: str, **filters):
    """CSV and XLSX buttons for `report` with the filters the page shows."""
    return {
        "report": report,
        # Two export forms on one page need different names (axe landmark-unique).
        "title": REPORTS[report].title,
        "filters": [
            (key, value) for key, value in filters.items() if value not in (None, "")
        ],
    }
