"""A shared cache of the pages every visitor sees alike (the catalog, a course
page), for anonymous visitors only.

A page opts in per response with `cache_for_anonymous(response)`;
`AnonymousPageCacheMiddleware` serves and stores only those, and only for a
visitor who is not signed in, has no message waiting, and whose response used
no CSRF token, set no cookie and is not private. Entries are keyed by the
content version, host, language and full path.

The content version is one database row (`ContentVersion`, a
`core.versions` counter) bumped in the transaction that saves, publishes,
unpublishes, moves or deletes any page or topic, so every process (several
gunicorn workers with their own local-memory cache) sees a change at the
moment it commits; `PAGE_CACHE_TIMEOUT` bounds what no signal tells us about
(an instructor renaming themselves). The quiz draw has its own version
(`assessments.models.DrawVersion`): editing a question leaves this cache alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from core import versions

CACHEABLE = "_cache_for_anonymous"
# Headers a page sets itself; the middleware outside this one adds the rest
# (CSP, Vary, X-Frame-Options, …) to a cached answer as to a fresh one.
KEPT_HEADERS = ("Content-Type", "Content-Language")


def cache_for_anonymous(response: HttpResponse) -> HttpResponse:
    """Let the page cache keep this response for other anonymous visitors."""
    setattr(response, CACHEABLE, True)
    return response


def content_version() -> int:
    from .models import ContentVersion

    return versions.current(ContentVersion)


def bump_content_version() -> None:
    """Mark every cached page stale, in the caller's transaction."""
    from .models import ContentVersion

    versions.bump(ContentVersion)


def enabled() -> bool:
    return settings.PAGE_CACHE_TIMEOUT > 0


def _eligible(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    if request.user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    return storage is None or len(storage) == 0


def _key(request: HttpRequest, version: int) -> str:
    raw = "\n".join(
        (
            str(version),
            request.get_host(),
            translation.get_language() or "",
            request.get_full_path(),
        )
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        getattr(response, CACHEABLE, False)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not request.user.is_authenticated
        and not getattr(getattr(request, "session", None), "modified", False)
    )


class AnonymousPageCacheMiddleware:
    """Answers an anonymous GET from the page cache, or stores what an opted-in
    page rendered. Sits after the session, locale, auth and messages
    middleware (it reads all four) and inside CSRF and CSP, so a cached answer
    gets its own fresh headers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not enabled() or not _eligible(request):
            return self.get_response(request)
        key = _key(request, content_version())
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response
