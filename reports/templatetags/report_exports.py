from django import template

register = template.Library()


@register.inclusion_tag("reports/includes/export.html")
def export_buttons(report: str, **filters):
    """CSV and XLSX buttons for `report` with the filters the page shows."""
    return {
        "report": report,
        "filters": [
            (key, value) for key, value in filters.items() if value not in (None, "")
        ],
    }
