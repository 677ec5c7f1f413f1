"""What every page model of the site shares."""

from __future__ import annotations

from typing import Any

from wagtail.models import PageViewRestriction

from . import memo


def any_view_restriction() -> bool:
    """Whether any page has a view restriction, remembered under the content
    version (a restriction saved or deleted bumps it: courses.receivers)."""
    return memo.remember("any-view-restriction", PageViewRestriction.objects.exists)


class SitePage:
    """Mixed into every page model, before Wagtail's `Page`.

    Wagtail checks a page's view restrictions on every view, two queries
    (the page's ancestors, then their restrictions) even on a site that has
    none; here none when no page has one."""

    def get_view_restrictions(self) -> Any:
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()  # type: ignore[misc]
