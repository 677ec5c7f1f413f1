"""SCORM on the content origin (`/package-content/…`, only on its host): the
launch page that runs scorm-again, the package's files, scorm-again itself,
and the commit endpoint. No platform cookie reaches that origin; the signed
launch token in the path (attempt, learner, SCO) is the only credential, and a
token that names another learner's attempt or a SCO the package lacks is a 404.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lessons.views import _file, content_policy

from . import services
from .models import ScormAttempt

ASSETS = Path(__file__).resolve().parent / "assets"
# The largest commit: 2004's suspend data (64,000 characters) and a full data
# model with interactions fit well inside.
MAX_COMMIT_BYTES = 1024 * 1024
# scorm-again's sequencing state: about 6 KB per activity; 200 items fit.
MAX_SEQUENCING_STATE_BYTES = 2 * 1024 * 1024


def scorm_policy() -> dict[str, list[str]]:
    """The content origin's policy (`lessons.views.content_policy`), except
    that the launch page frames the SCO on its own origin."""
    policy = content_policy()
    policy["frame-ancestors"] = ["'self'", settings.H5P_PLATFORM_ORIGIN]
    return policy


def _confined(response: HttpResponseBase) -> HttpResponseBase:
    response._csp_config = scorm_policy()  # type: ignore[attr-defined]
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _serve(base: Path, path: str) -> HttpResponseBase:
    return _confined(_file(base, path))


def _launch(token: str) -> tuple[ScormAttempt, dict]:
    data = services.read_token(token)
    if data is None:
        raise Http404("No such launch.")
    attempt = (
        ScormAttempt.objects.select_related("activity__package", "learner")
        .filter(pk=data["a"], learner_id=data["u"])
        .first()
    )
    if attempt is None:
        raise Http404("No such launch.")
    item = attempt.activity.package.item(data["i"])
    if item is None:
        raise Http404("No such launch.")
    return attempt, item


def _expired() -> HttpResponseBase:
    return _confined(
        HttpResponse(
            gettext("This activity has expired. Reload the page to continue."),
            content_type="text/plain; charset=utf-8",
            status=410,
        )
    )


@xframe_options_exempt
@require_GET
def launch(request: HttpRequest, token: str) -> HttpResponseBase:
    try:
        attempt, item = _launch(token)
    except services.LaunchExpired:
        return _expired()
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    package = attempt.activity.package
    base = f"/package-content/scorm/{token}"
    config = {
        "version": "2004" if package.is_2004 else "1.2",
        "commitUrl": f"{base}/commit",
        "sco": f"{base}/files/{item['launch']}",
        "platformOrigin": settings.H5P_PLATFORM_ORIGIN,
        "token": token,
        "cmi": services.launch_data(attempt, item, attempt.learner),
        "suspendLimit": 64000 if package.is_2004 else 4096,
        "item": item["identifier"],
        # The engine decides between parts: a package of one SCO has none.
        "sequencing": package.sequencing if services.is_sequenced(package) else None,
        "stateUrl": f"{base}/sequencing",
    }
    with translation.override(language):
        response = render(
            request,
            "packages/scorm_launch.html",
            {"config": config, "title": item["title"]},
        )
    return _confined(response)


@xframe_options_exempt
@require_GET
def package_file(request: HttpRequest, token: str, path: str) -> HttpResponseBase:
    try:
        attempt, _item = _launch(token)
    except services.LaunchExpired:
        return _expired()
    return _serve(services.package_dir(attempt.activity.package), path)


@require_GET
def player_file(request: HttpRequest, path: str) -> HttpResponseBase:
    if path in ("launch.js", "launch.css"):
        return _serve(ASSETS, path)
    if path not in ("scorm-again.min.js", "scorm-again.min.js.map"):
        raise Http404("No such file.")
    return _serve(Path(settings.SCORM_PLAYER_DIR), path)


@csrf_exempt  # The content origin has no session; the launch token is the credential.
@require_POST
def commit(request: HttpRequest, token: str) -> HttpResponseBase:
    try:
        data = services.read_token(token)
    except services.LaunchExpired:
        return _confined(JsonResponse({"result": False, "errorCode": 101}, status=410))
    if data is None:
        raise Http404("No such launch.")
    if len(request.body) > MAX_COMMIT_BYTES:
        return _confined(JsonResponse({"result": False, "errorCode": 101}, status=413))
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _confined(JsonResponse({"result": False, "errorCode": 101}, status=400))
    try:
        outcome = services.commit(
            attempt_id=data["a"],
            learner_id=data["u"],
            item=data["i"],
            data=payload,
            final=request.GET.get("final") == "true",
        )
    except ScormAttempt.DoesNotExist as exc:
        raise Http404("No such launch.") from exc
    if not outcome.ok:
        return _confined(
            JsonResponse(
                {
                    "result": False,
                    "errorCode": outcome.error_code,
                    "element": outcome.element,
                },
                status=422,
            )
        )
    return _confined(JsonResponse({"result": True, "errorCode": 0}))


@csrf_exempt  # The content origin has no session; the launch token is the credential.
@require_http_methods(["GET", "POST"])
def sequencing_state(request: HttpRequest, token: str) -> HttpResponseBase:
    """The attempt's sequencing state: read when a SCO's launch page starts
    scorm-again's engine, written after each of its decisions. Opaque to the
    server (scorm-again's own format), but bounded and only ever a string."""
    try:
        attempt, _item = _launch(token)
    except services.LaunchExpired:
        return _confined(JsonResponse({"saved": False}, status=410))
    if request.method == "GET":
        return _confined(JsonResponse({"state": attempt.sequencing_state or None}))
    if len(request.body) > MAX_SEQUENCING_STATE_BYTES:
        return _confined(JsonResponse({"saved": False}, status=413))
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _confined(JsonResponse({"saved": False}, status=400))
    state = payload.get("state") if isinstance(payload, dict) else None
    if not isinstance(state, str) or not state:
        return _confined(JsonResponse({"saved": False}, status=400))
    root = services.clean_sequencing_root(payload.get("root"))
    if root is False:
        return _confined(JsonResponse({"saved": False}, status=400))
    services.save_sequencing_state(attempt, state, root or None)
    return _confined(JsonResponse({"saved": True}))
