"""cmi5's three addresses: launching an AU (a POST to its activity page, on
the platform), the one-time fetch URL (on the platform, called by the AU from
wherever it runs), and a package's files (on the content origin only, under
the course's unguessable id)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from lessons.views import _file, content_policy

from . import launch
from .models import Cmi5ActivityPage, Cmi5Course
from .services import course_dir

MAX_AUS = 100_000


def launch_au(page: Cmi5ActivityPage, request: HttpRequest) -> HttpResponseBase:
    """POST au=<index>: launch it and send the learner there (cmi5 8.1: the
    browser window goes to the AU, which both launch methods allow). Not by
    a redirect: the platform's CSP (form-action 'self') rightly stops a form
    from redirecting to another origin, so a page moves on by itself (meta
    refresh) with a link as well."""
    raw = request.POST.get("au", "")
    aus = page.cmi5_course.aus
    if not raw.isdigit() or len(raw) > 6 or int(raw) >= len(aus):
        messages.error(request, _("Choose one of this activity's units to open."))
        return redirect(page.get_url(request))
    origin = settings.H5P_PLATFORM_ORIGIN.rstrip("/") or request.build_absolute_uri(
        "/"
    ).rstrip("/")
    started = launch.launch(
        user=request.user,
        page=page,
        au_index=int(raw),
        origin=origin,
        return_url=request.build_absolute_uri(page.get_url(request)),
    )
    unit = page.cmi5_course.aus[int(raw)]
    response = render(
        request,
        "packages/cmi5_launch.html",
        {"page": page, "url": started.url, "unit": launch.unit_title(unit)},
    )
    # The address carries the one-time fetch URL: kept out of caches and
    # out of the AU's Referer.
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _cors(response: HttpResponse) -> HttpResponse:
    # The AU calls the fetch URL from its own origin; the URL itself is the
    # credential (one use), and no cookie is read.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Content-Type"
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # No session: the one-time secret in the path is the credential.
def fetch(request: HttpRequest, secret: str) -> HttpResponse:
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204))
    if request.method != "POST":
        # GET is not allowed (8.2.1): it could be cached.
        return _cors(
            JsonResponse(
                {"error-code": "3", "error-text": "The fetch URL takes a POST."},
                status=405,
            )
        )
    return _cors(JsonResponse(launch.fetch(secret)))


def cmi5_policy() -> dict[str, list[str]]:
    """The content origin's policy, with the platform's LRS and fetch URL
    reachable (the AU talks xAPI to them) and the AU free to be the top
    window."""
    policy = content_policy()
    platform = settings.H5P_PLATFORM_ORIGIN
    policy["connect-src"] = ["'self'", platform]
    policy["frame-ancestors"] = ["'self'", platform]
    return policy


@require_GET
def package_file(request: HttpRequest, course: str, path: str) -> HttpResponseBase:
    found = Cmi5Course.objects.filter(uuid=course, zipped=True).first()
    if found is None:
        raise Http404("No such course.")
    response = _file(Path(course_dir(found)), path)
    response._csp_config = cmi5_policy()  # type: ignore[attr-defined]
    return response
