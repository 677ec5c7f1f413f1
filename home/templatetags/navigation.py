from django import template
from wagtail.models import Page

from core import memo
from home import languages, sites

register = template.Library()


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = languages.site_root(request)
    items: list[Page] = []
    if root is not None:
        # The same for every reader of a language: remembered under the
        # content version (core.memo); the template only reads them.
        # Not on addresses that serve no pages (an error on the H5P content
        # origin): those never touch the page cache's version.
        def read() -> list[Page]:
            return list(root.get_children().live().in_menu())

        items = (
            memo.remember(("main-menu", root.pk), read)
            if sites.serves_pages(request)
            else read()
        )
    current = context.get("page")
    # Menu items sit at depth 3; the current page's ancestor at that depth is
    # the first three path steps.
    section = getattr(current, "path", "")[: Page.steplen * 3]
    return {"items": items, "section": section, "request": request}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page or view in each language (`home.languages`)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return languages.alternates(request, page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    return languages.home_url(request)


@register.simple_tag(takes_context=True)
def catalog_url(context):
    request = context.get("request")
    return languages.catalog_url(request)
