"""Page routing in one query instead of one a path step (a bypass of
Wagtail's routing, kept because it pays).

Replaces: Wagtail's `Page.route`, which walks the path one slug at a time, two
queries a step (the child, then its specific page): seven for a lesson four
levels below the site root. Pages below the site root that keep Wagtail's
default `route` are found together by their `url_path` (Wagtail keeps it equal
to the slugs from the site root down); the first page on the path with a
`route` of its own (a routable quiz) routes the rest itself, as it would have
under Wagtail, and a missing slug is a 404 as before.

Same answers as Wagtail's: tests/fastpaths/test_page_routing.py. Why:
bench/pages.py, figures "queries: lesson" and "lesson page, signed in, share
of bare" in bench/results/latest.md.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from wagtail.models import Page
from wagtail.url_routing import RouteResult


def route_below(root: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    """What `Page.route(root, request, components)` returns, in two queries."""
    if not components:
        return Page.route(root, request, components)
    wanted = [
        root.url_path + "/".join(components[:steps]) + "/"
        for steps in range(1, len(components) + 1)
    ]
    found = {
        page.depth: page
        for page in Page.objects.filter(
            url_path__in=wanted, path__startswith=root.path, depth__gt=root.depth
        )
    }
    parent: Page = root
    for step in range(len(components)):
        page = found.get(root.depth + step + 1)
        if page is None or page.slug != components[step]:
            raise Http404
        # As Wagtail's route does: the parent rides along, so get_parent() is free.
        page._cached_parent_obj = parent
        model = page.specific_class
        last = step == len(components) - 1
        if model is None or last or model.route is not Page.route:
            return page.specific.route(request, components[step + 1 :])
        parent = page
    raise Http404  # not reached: the loop returns on its last step
