"""The Wagtail site of a request, from the cache (a bypass of Wagtail's site
lookup, kept because it pays).

Replaces: `Site.find_for_request`, which finds the site with a query on every
request that serves a page (or draws the menu), and keeps it only on the
request. `CachedSiteMiddleware` keeps the answer for each host and port in the
shared cache, as Wagtail keeps its site root paths: any save or delete of a
site, or of a page (a site's root page rides along with its site), forgets
them all (`home.receivers`), and `SITES_TIMEOUT` bounds how long a
per-process cache may lag behind another process's change.

Same site as Wagtail's lookup: tests/fastpaths/test_site_cache.py. Why:
bench/pages.py, figures "CPU a request: lesson, cached Site" against "CPU a
request: lesson, Wagtail's site lookup" (and the dashboard's) in
bench/results/latest.md.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

SITES_KEY = "home:sites-by-host"
SITES_TIMEOUT = 60
# Hosts are validated (ALLOWED_HOSTS) before this runs; the cap keeps a
# wildcard ALLOWED_HOSTS from growing the entry without bound.
MAX_HOSTS = 50


def site_for_request(request: HttpRequest) -> Site | None:
    """What `Site.find_for_request` would find, read from the cache."""
    hostname = split_domain_port(request.get_host())[0]
    port = int(request.get_port())
    sites: dict[tuple[str, int], Site | None] = cache.get(SITES_KEY) or {}
    if (hostname, port) in sites:
        return sites[(hostname, port)]
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        site = None
    if len(sites) < MAX_HOSTS:
        sites[(hostname, port)] = site
        cache.set(SITES_KEY, sites, SITES_TIMEOUT)
    return site


def forget_sites() -> None:
    cache.delete(SITES_KEY)


class CachedSiteMiddleware:
    """Sets the request's Wagtail site (`request._wagtail_site`, which
    `Site.find_for_request` reads first) from the cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request._wagtail_site = site_for_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)
