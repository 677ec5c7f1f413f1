"""The Wagtail site of a request, from process memory (a bypass of Wagtail's
site lookup, kept because it pays).

Replaces: `Site.find_for_request`, which finds the site with a query on every
request that serves a page (or draws the menu), and keeps it only on the
request. `CachedSiteMiddleware` keeps the answer for each host and port in
this process's memory (a dict: no network round trip), filled from the shared
cache (`SITES_KEY`), else from Wagtail's lookup. Any save or delete of a site,
or of a page (a site's root page rides along with its site), forgets both at
once in the process that made it (`home.receivers`); another process sees the
change within `MEMORY_TTL` seconds, and `SITES_TIMEOUT` bounds how long the
shared cache may keep an entry no signal reached. Each request gets its own
copy of the site and of its root page, so nothing a request computes on them
(`.specific`, `.localized`) outlives it. The root page is kept as its own
model (`HomePage`), whose `localized` is remembered (`core.memo`): Wagtail's
routing, `site.root_page.localized.specific`, reads nothing.

Only addresses that serve pages look the site up (`serves_pages`): a
language-prefixed path or the bare root; redirects (`/i18n/setlang/`), static
files, the API and the H5P content origin never do.

Same site as Wagtail's lookup: tests/fastpaths/test_site_cache.py. Why:
bench/pages.py, figures "CPU a request: lesson, cached Site" against "CPU a
request: lesson, Wagtail's site lookup" (and the dashboard's) in
bench/results/latest.md.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

SITES_KEY = "home:sites-by-host"
SITES_TIMEOUT = 60
# Seconds this process answers from its memory before it reads the shared
# cache again: how long another process's change to a site may take to show.
MEMORY_TTL = 5.0
# Hosts are validated (ALLOWED_HOSTS) before this runs; the cap keeps a
# wildcard ALLOWED_HOSTS from growing the entry without bound.
MAX_HOSTS = 50

_lock = threading.Lock()
# (hostname, port) -> (monotonic expiry, site or None); never handed out as is.
_memory: dict[tuple[str, int], tuple[float, Site | None]] = {}


@memoize
def _page_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _ in settings.LANGUAGES)


def _content_host() -> str:
    origin = getattr(settings, "H5P_CONTENT_ORIGIN", "")
    platform = getattr(settings, "H5P_PLATFORM_ORIGIN", "")
    if not origin or origin == platform:
        return ""
    return origin.split("://", 1)[-1]


def serves_pages(request: HttpRequest) -> bool:
    """Whether this address may serve a Wagtail page (or a page drawing the
    menu): the bare root or a language-prefixed path, not on the H5P content
    origin. Everything else skips the site lookup and the page cache."""
    path = request.path_info
    if path != "/" and not path.startswith(_page_prefixes()):
        return False
    content_host = _content_host()
    return not content_host or request.get_host() != content_host


def _fresh_copy(site: Site | None) -> Site | None:
    if site is None:
        return None
    mine = copy.copy(site)
    root = site._state.fields_cache.get("root_page")
    if root is not None:
        mine._state.fields_cache["root_page"] = copy.copy(root)
    return mine


def _lookup(hostname: str, port: int) -> Site | None:
    sites: dict[tuple[str, int], Site | None] = cache.get(SITES_KEY) or {}
    if (hostname, port) in sites:
        return sites[(hostname, port)]
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        site = None
    if site is not None:
        # The root as its own model (the home page), so the routing's
        # `root_page.localized.specific` reads nothing more.
        site._state.fields_cache["root_page"] = site.root_page.specific
    if len(sites) < MAX_HOSTS:
        sites[(hostname, port)] = site
        cache.set(SITES_KEY, sites, SITES_TIMEOUT)
    return site


def site_for_request(request: HttpRequest) -> Site | None:
    """What `Site.find_for_request` would find, from process memory."""
    hostname = split_domain_port(request.get_host())[0]
    port = int(request.get_port())
    now = time.monotonic()
    entry = _memory.get((hostname, port))
    if entry is not None and entry[0] > now:
        return _fresh_copy(entry[1])
    site = _lookup(hostname, port)
    with _lock:
        if len(_memory) >= MAX_HOSTS:
            _memory.clear()
        _memory[(hostname, port)] = (now + MEMORY_TTL, site)
    return _fresh_copy(site)


def forget_sites() -> None:
    with _lock:
        _memory.clear()
    cache.delete(SITES_KEY)


class CachedSiteMiddleware:
    """Sets the request's Wagtail site (`request._wagtail_site`, which
    `Site.find_for_request` reads first) from process memory, on addresses
    that serve pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if serves_pages(request):
            request._wagtail_site = site_for_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)
