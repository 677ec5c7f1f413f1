"""A shared cache of the pages every visitor sees alike (the catalog, a course
page), for anonymous visitors only.

A page opts in per response with `cache_for_anonymous(response)`;
`AnonymousPageCacheMiddleware` serves and stores only those, and only for a
visitor who is not signed in, has no message waiting, and whose response used
no CSRF token, set no cookie and is not private. Entries are keyed by host,
language and full path, and each carries the content version it was rendered
under: it is served only while that version is current. Only addresses that
serve pages (`home.sites.serves_pages`) read the cache at all.

Where the content version lives (`PAGE_CACHE_VERSION_IN_CACHE`):

- with a cache every process shares (Redis: the production default), in the
  cache itself (`VERSION_KEY`, a random token), read in the same `get_many`
  as the page: a hit is one cache round trip and no query. A change replaces
  the token at once and again when its transaction commits (a visitor who
  rendered the old content in between stored it under the token now gone);
  a token lost to eviction or a flush is replaced by a new one, so nothing
  stale is ever served;
- with a cache of each process's own (local memory: `make run`'s SQLite), in
  one database row (`ContentVersion`, a `core.versions` counter), so every
  process sees a change the moment it commits: a hit is one (local SQLite)
  query and one local-memory read.

Either way the counter row is bumped in the transaction that saves,
publishes, unpublishes, moves or deletes any page or topic;
`PAGE_CACHE_TIMEOUT` bounds what no signal tells us about (an instructor
renaming themselves). The quiz draw has its own version
(`assessments.models.DrawVersion`): editing a question leaves this cache alone.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from core import memo, versions
from home.sites import serves_pages

CACHEABLE = "_cache_for_anonymous"
# Headers a page sets itself; the middleware outside this one adds the rest
# (CSP, Vary, X-Frame-Options, …) to a cached answer as to a fresh one.
KEPT_HEADERS = ("Content-Type", "Content-Language")
VERSION_KEY = "page:version"


def cache_for_anonymous(response: HttpResponse) -> HttpResponse:
    """Let the page cache keep this response for other anonymous visitors."""
    setattr(response, CACHEABLE, True)
    return response


def content_version() -> int:
    from .models import ContentVersion

    return versions.current(ContentVersion)


def bump_content_version() -> None:
    """Mark every cached page stale, in the caller's transaction (and, with
    the version in the cache, at once and again when it commits)."""
    from .models import ContentVersion

    versions.bump(ContentVersion)
    memo.hold()
    transaction.on_commit(memo.release)
    if version_in_cache():
        _replace_cache_version()
        transaction.on_commit(_replace_cache_version)


def version_token() -> int | str:
    """The content version as the page cache reads it (the cache's token, or
    the row): the version `core.memo` keeps its entries under."""
    if version_in_cache():
        return cache.get(VERSION_KEY) or _cache_version()
    return content_version()


def version_in_cache() -> bool:
    return bool(getattr(settings, "PAGE_CACHE_VERSION_IN_CACHE", False))


def _replace_cache_version() -> str:
    token = uuid.uuid4().hex
    cache.set(VERSION_KEY, token, None)
    return token


def _cache_version() -> str:
    """The token when none is in the cache (first request, eviction, flush):
    a new one, unless another process set one first."""
    token = uuid.uuid4().hex
    if cache.add(VERSION_KEY, token, None):
        return token
    return cache.get(VERSION_KEY) or _replace_cache_version()


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


def _key(request: HttpRequest) -> str:
    raw = "\n".join(
        (
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
        if not enabled() or not serves_pages(request) or not _eligible(request):
            return self.get_response(request)
        key = _key(request)
        version: int | str | None
        if version_in_cache():
            found = cache.get_many([key, VERSION_KEY])  # the one round trip
            version = found.get(VERSION_KEY)
            hit = found.get(key)
            if version is None:
                version, hit = _cache_version(), None
        else:
            version = content_version()
            hit = cache.get(key)
        if hit is not None and hit[0] == version:
            _, content, headers = hit
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            entry = (version, response.content, headers)
            cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response
