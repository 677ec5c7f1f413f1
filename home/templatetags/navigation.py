from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    items: list[Page] = []
    if site is not None:
        items = list(site.root_page.get_children().live().in_menu())
    current = context.get("page")
    # Menu items sit at depth 3; the current page's ancestor at that depth is
    # the first three path steps.
    section = getattr(current, "path", "")[: Page.steplen * 3]
    return {"items": items, "section": section, "request": request}
