"""English and French side by side: which URL a page has in each language,
and the routes around the language prefix.

Every page the public reads lives under its language (`/en/…`, `/fr/…`,
`config/urls.py`). Here:

- `alternates(request, page)`: the same page in each language, for the
  header's switcher and the `hreflang` links. A Wagtail page's counterpart is
  its translation (same `translation_key`); a view's is the same route with
  the other prefix (`translate_url`). A page with no translation in a
  language points at `untranslated`, which says so and offers that
  language's catalog.
- `language_root`: `/` sends the reader to their language's home page.
- `legacy_redirect`: any other URL from before the prefixes (links, bookmarks,
  the QR codes printed on certificates) moves permanently to its English
  address; `/api/`, `/admin/` and the H5P content origin keep theirs.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_request
from wagtail.models import Page, Site

from core import memo

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Addresses that never had a language and keep theirs: an unknown one there
# is a 404, not a move.
UNPREFIXED = (
    "api/",
    "admin/",
    "django-admin/",
    "documents/",
    "ckeditor5/",
    "i18n/",
    "h5p-content/",
    "package-content/",
    "h5p/",
    "media/",
    "static/",
)
CATALOG_MODEL = ("courses", "courseindexpage")
# A `next=` longer than this is not a URL of ours.
MAX_NEXT = 2000


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    # False: the page has no version in this language; `url` explains that.
    translated: bool
    current: bool


def _untranslated_url(code: str, here: str) -> str:
    with translation.override(code):
        base = reverse("untranslated")
    return f"{base}?{urlencode({'next': here[:MAX_NEXT]})}"


def page_urls(request: HttpRequest, page: Page) -> dict[str, str]:
    """The live translations of `page` (itself included), by language code:
    one query."""
    found: dict[str, str] = {}
    # Remembered under the content version (core.memo); URLs are the request's.
    translations = memo.remember(
        ("translations", page.translation_key),
        lambda: list(
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        ),
    )
    for other in translations:
        url = other.get_url(request)
        if url:
            found[other.locale.language_code] = url
    return found


def alternates(request: HttpRequest, page: Page | None = None) -> list[Alternate]:
    """The same page or view in each language, current language first in
    the list's order of `LANGUAGES`."""
    current = translation.get_language() or DEFAULT_LANGUAGE
    here = request.get_full_path()
    urls: dict[str, str] = {}
    if page is not None and getattr(page, "pk", None):
        page_url = page.get_url(request) or ""
        urls = page_urls(request, page)
        # A route below the page (a quiz's attempt) keeps its tail.
        tail = ""
        if page_url and request.path.startswith(page_url):
            tail = request.path[len(page_url) :]
        if tail:
            urls = {code: url + tail for code, url in urls.items()}
        query = request.META.get("QUERY_STRING", "")
        if query:
            urls = {code: f"{url}?{query}" for code, url in urls.items()}
    else:
        for code in LANGUAGE_CODES:
            translated = translate_url(here, code)
            if code == current or translated != here:
                urls[code] = translated
    names = dict(settings.LANGUAGES)
    return [
        Alternate(
            code=code,
            name=names[code],
            url=urls.get(code) or _untranslated_url(code, here),
            translated=code in urls,
            current=code == current,
        )
        for code in LANGUAGE_CODES
    ]


def home_url(request: HttpRequest, code: str | None = None) -> str:
    """The home page in `code` (the active language by default)."""
    code = code or translation.get_language() or DEFAULT_LANGUAGE
    return f"/{code}/"


def catalog_url(request: HttpRequest, code: str | None = None) -> str:
    """The catalog in `code`, or its home page if it has no catalog."""
    code = code or translation.get_language() or DEFAULT_LANGUAGE
    # By its model's name: the catalog lives in `courses`, a layer above.
    catalog = (
        Page.objects.live()
        .filter(
            content_type__app_label=CATALOG_MODEL[0],
            content_type__model=CATALOG_MODEL[1],
            locale__language_code=code,
        )
        .first()
    )
    if catalog is None:
        return home_url(request, code)
    return catalog.get_url(request) or home_url(request, code)


def catalog(request: HttpRequest) -> HttpResponse:
    """`/<lang>/catalog/`: the catalog in that language, wherever it lives."""
    return HttpResponseRedirect(catalog_url(request))


def untranslated(request: HttpRequest) -> HttpResponse:
    """Where the switcher goes when a page has no version in the language
    asked for: says so, links back, and offers that language's catalog."""
    back = request.GET.get("next", "")[:MAX_NEXT]
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = ""
    return render(
        request,
        "home/untranslated.html",
        {"back": back, "catalog": catalog_url(request)},
        status=200,
    )


def language_root(request: HttpRequest) -> HttpResponse:
    """`/`: the reader's language (saved preference, cookie, then the
    browser's Accept-Language), English otherwise."""
    user = getattr(request, "user", None)
    code = None
    saved = getattr(user, "language", "") if user and user.is_authenticated else ""
    if saved in LANGUAGE_CODES:
        code = saved
    if code is None:
        code = get_language_from_request(request)
    if code not in LANGUAGE_CODES:
        code = DEFAULT_LANGUAGE
    response = HttpResponseRedirect(home_url(request, code))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def legacy_redirect(request: HttpRequest, path: str) -> HttpResponse:
    """An address from before the language prefixes: moved for good to its
    English one (308 keeps a form's POST a POST)."""
    if path.split("/", 1)[0] in LANGUAGE_CODES or path.startswith(UNPREFIXED):
        # /fr/… that nothing under /fr/ answered, or an unknown API address.
        raise Http404
    target = f"/{DEFAULT_LANGUAGE}/{path}"
    query = request.META.get("QUERY_STRING", "")
    if query:
        target = f"{target}?{query}"
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(target)
    response = HttpResponsePermanentRedirect(target)
    response.status_code = 308
    return response


def site_root(request: HttpRequest) -> Page | None:
    """The site's home page in the active language (itself when it has no
        live translation there). The site root is in the default language, as
        Wagtail expects it: an English page costs no query, a French one none
    while the content version stands (core.memo)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    code = translation.get_language() or DEFAULT_LANGUAGE
    if code == DEFAULT_LANGUAGE:
        return root
    translated = memo.remember(
        ("site-root", root.pk, code),
        lambda: (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale__language_code=code)
            .first()
        ),
    )
    return copy.copy(translated) if translated is not None else root
