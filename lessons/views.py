"""H5P views on two origins.

Content origin (`/h5p-content/…`, only on H5P_CONTENT_ORIGIN's host): the player
page, the content's and the libraries' files, the h5p-standalone assets, and the
saved state. No platform cookie reaches it; a launch token in the path is its
only credential. Every response carries the content policy below.

Platform origin: the xAPI endpoint the lesson page posts relayed statements to,
signed in and with CSRF.
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User

from . import selectors, services
from .h5p import storage
from .h5p.localize import localize
from .h5p.validation import parse_json
from .models import H5PLaunch

ASSETS = Path(__file__).resolve().parent / "h5p" / "assets"
# One statement, or a batch of up to services.MAX_BATCH.
MAX_STATEMENT_BYTES = 1024 * 1024
# Every JSON these endpoints accept (statements, saved state) is refused past
# this depth before it is parsed; real ones are a few levels deep.
MAX_JSON_DEPTH = 64
# Package files are served as what they are and never sniffed into HTML.
TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject",
    # Text a package may carry as data: served as plain text, so a document
    # type that can hold markup (XHTML in .xml, HTML sniffed from .md) never
    # renders as a page, even on the content origin.
    ".xml": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".textile": "text/plain; charset=utf-8",
    ".diff": "text/plain; charset=utf-8",
    ".patch": "text/plain; charset=utf-8",
    ".rtf": "text/plain; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".webvtt": "text/vtt; charset=utf-8",
}


# The player's own words (h5p-standalone's `translations`, H5P core's l10n
# keys) that can show with our options (no frame, no icon, no download or
# embed). A content type's words are its author's, in content.json.
PLAYER_WORDS = {
    "fullscreen": _("Fullscreen"),
    "disableFullscreen": _("Disable fullscreen"),
    "close": _("Close"),
    "title": _("Title"),
    "author": _("Author"),
    "year": _("Year"),
    "source": _("Source"),
    "license": _("License"),
    "copyrights": _("Rights of use"),
    "copyrightInformation": _("Rights of use"),
    "noCopyrights": _("No copyright information available for this content."),
    "by": _("by"),
    "showMore": _("Show more"),
    "showLess": _("Show less"),
    "subLevel": _("Sublevel"),
    "contentChanged": _("This content has changed since you last used it."),
    "startingOver": _("You'll be starting over."),
    "confirmDialogHeader": _("Confirm action"),
    "confirmDialogBody": _(
        "Please confirm that you wish to proceed. This action is not reversible."
    ),
    "cancelLabel": _("Cancel"),
    "confirmLabel": _("Confirm"),
    "contentCopied": _("Content is copied to the clipboard"),
    "connectionLost": _(
        "Connection lost. Results will be stored and sent when you regain connection."
    ),
    "connectionReestablished": _("Connection reestablished."),
    "resubmitScores": _("Attempting to submit stored results."),
    "offlineDialogHeader": _("Your connection to the server was lost"),
    "offlineDialogBody": _(
        "We were unable to send information about your completion of this task. "
        "Please check your internet connection."
    ),
    # ":num" is the player's own placeholder for the seconds left.
    "offlineDialogRetryMessage": _("Retrying in :num...."),
    "offlineDialogRetryButtonLabel": _("Retry now"),
    "offlineSuccessfulSubmit": _("Successfully submitted results."),
}


def content_policy() -> dict[str, list[str]]:
    """The content origin's CSP: H5P libraries need inline code and eval, so
    they are confined instead: nothing leaves the origin, and only the platform
    may frame it."""
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
        "frame-ancestors": [settings.H5P_PLATFORM_ORIGIN],
    }


def _confined(response: HttpResponseBase) -> HttpResponseBase:
    response._csp_config = content_policy()  # type: ignore[attr-defined]
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _file(base: Path, relative: str) -> HttpResponseBase:
    path = storage.resolve_inside(base, relative)
    if path is None:
        raise Http404("No such file.")
    content_type = (
        TYPES.get(path.suffix.lower())
        or mimetypes.guess_type(path.name)[0]
        or "application/octet-stream"
    )
    response = FileResponse(path.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return _confined(response)


def _expired_message() -> str:
    return gettext("This activity has expired. Reload the lesson page to continue.")


def refuses_expired(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """An expired launch token is a 410 that says to reload the lesson page:
    JSON for the endpoints that speak it, a short page otherwise."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except selectors.LaunchExpired:
            if view.__name__ == "xapi":
                return JsonResponse({"error": _expired_message()}, status=410)
            if view.__name__ == "state":
                return _confined(
                    JsonResponse(
                        {"success": False, "message": _expired_message()}, status=410
                    )
                )
            return _confined(
                HttpResponse(
                    _expired_message(),
                    content_type="text/plain; charset=utf-8",
                    status=410,
                )
            )

    return wrapped


@xframe_options_exempt
@refuses_expired
def play(request: HttpRequest, token: str) -> HttpResponseBase:
    launch = selectors.launch_for_token(token)
    # The content origin never sees the platform's language cookie, so the
    # lesson page names its language in the frame's address.
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        response = _player(request, launch, token)
    return _confined(response)


def _player(request: HttpRequest, launch: H5PLaunch, token: str) -> HttpResponse:
    base = f"/h5p-content/play/{token}"
    config = {
        "launch": token,
        "platformOrigin": settings.H5P_PLATFORM_ORIGIN,
        "options": {
            "id": str(launch.content.uuid),
            "h5pJsonPath": f"{base}/h5p",
            "contentJsonPath": f"{base}/h5p/content",
            "librariesPath": "/h5p-content/libraries",
            "frameJs": "/h5p-content/player/frame.bundle.js",
            "frameCss": "/h5p-content/player/styles/h5p.css",
            "embedType": "div",
            "frame": False,
            "icon": False,
            "xAPIObjectIRI": services.activity_iri(launch.content),
            "saveFreq": 5,
            # Whoever holds the token sees this page: no e-mail and no name.
            # H5P core saves state only for a user, and makes each statement's
            # actor from it; the server replaces that actor with the learner.
            "user": {"name": _("Learner"), "mail": services.PLAYER_MAIL},
            "ajax": {"contentUserDataUrl": f"{base}/state/:dataType/:subContentId"},
            "translations": {"H5P": PLAYER_WORDS},
            # The player's requests for the package name the reader's
            # language, so its content type's words come in it (content_file).
            "assetsRequestFetchOptions": {
                "headers": {LANGUAGE_HEADER: translation.get_language()}
            },
        },
    }
    return render(
        request,
        "lessons/h5p_player.html",
        {"config": config, "title": launch.content.title},
    )


@refuses_expired
def content_file(request: HttpRequest, token: str, path: str) -> HttpResponseBase:
    launch = selectors.launch_for_token(token)
    language = request.headers.get(LANGUAGE_HEADER, "")
    if (
        path == "content/content.json"
        and language in dict(settings.LANGUAGES)
        and language != settings.LANGUAGE_CODE
    ):
        localized = _localized_content(launch, language)
        if localized is not None:
            response = JsonResponse(localized)
            response["Cache-Control"] = "private, max-age=3600"
            patch_vary_headers(response, (LANGUAGE_HEADER,))
            return _confined(response)
    return _file(storage.content_dir(launch.content.uuid), path)


# The header the player's package requests carry: the lesson's language.
LANGUAGE_HEADER = "X-H5P-Language"
# A language file or content.json larger than this is served as it is.
MAX_LOCALIZED_BYTES = 2 * 1024 * 1024


def _read_json(path: Path | None):
    if path is None or not path.is_file() or path.stat().st_size > MAX_LOCALIZED_BYTES:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None


def _localized_content(launch: H5PLaunch, language: str):
    """The package's content.json with its content type's default words in
    `language` (`lessons.h5p.localize`), or None when the main library has
    no such language file."""
    folder = storage.library_dir(launch.content.main_library.folder)
    semantics = _read_json(storage.resolve_inside(folder, "semantics.json"))
    translated = _read_json(storage.resolve_inside(folder, f"language/{language}.json"))
    params = _read_json(
        storage.resolve_inside(
            storage.content_dir(launch.content.uuid), "content/content.json"
        )
    )
    if not isinstance(translated, dict) or params is None:
        return None
    return localize(params, semantics, translated.get("semantics"))


def library_file(request: HttpRequest, folder: str, path: str) -> HttpResponseBase:
    return _file(storage.library_dir(folder), path)


def player_file(request: HttpRequest, path: str) -> HttpResponseBase:
    if path == "bridge.js":
        return _file(ASSETS, path)
    return _file(Path(settings.H5P_PLAYER_DIR), path)


@csrf_exempt  # The content origin has no session; the launch token is the credential.
@require_http_methods(["GET", "POST"])
@refuses_expired
def state(
    request: HttpRequest, token: str, data_type: str, sub_content_id: str
) -> HttpResponseBase:
    launch = selectors.launch_for_token(token)
    if request.method == "GET":
        data = selectors.h5p_state(launch, data_type, sub_content_id)
        return _confined(
            JsonResponse({"success": True, "data": data if data else False})
        )
    raw = request.POST.get("data", "")
    # H5P core posts data=0 to forget a state, and JSON text otherwise.
    data = None if raw in ("", "0") else raw
    try:
        if data is not None:
            if len(data.encode()) > settings.H5P_STATE_MAX_BYTES:
                raise services.StateRejected(
                    f"saved state is limited to {settings.H5P_STATE_MAX_BYTES} "
                    "bytes per activity",
                    413,
                )
            _parse_bounded(data)
        services.save_h5p_state(
            launch=launch,
            data_type=data_type,
            sub_content_id=sub_content_id,
            data=data,
        )
    except (services.StateRejected, BadJSON) as rejected:
        status = getattr(rejected, "status", 400)
        return _confined(
            JsonResponse({"success": False, "message": str(rejected)}, status=status)
        )
    return _confined(JsonResponse({"success": True}))


class BadJSON(ValueError):
    """A request body or field that is not JSON, or is nested too deep."""


def _parse_bounded(text: str | bytes) -> object:
    """JSON of at most MAX_JSON_DEPTH levels, else BadJSON: never a
    RecursionError, whatever the input."""
    try:
        return parse_json(text, max_depth=MAX_JSON_DEPTH)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadJSON(f"not JSON ({exc})") from None


@login_required
@require_POST
@refuses_expired
def xapi(request: HttpRequest, token: str) -> HttpResponse:
    """Record a statement, or a batch of them, relayed from the player by the
    lesson page."""
    learner = request.user
    assert isinstance(learner, User)
    launch = selectors.launch_for_learner(token, learner)
    if len(request.body) > MAX_STATEMENT_BYTES:
        return JsonResponse({"error": "statement too large"}, status=413)
    try:
        statement = _parse_bounded(request.body)
    except BadJSON as rejected:
        return JsonResponse({"error": str(rejected)}, status=400)
    try:
        if isinstance(statement, list):
            batch = services.record_statements(
                launch=launch, learner=learner, statements=statement
            )
            return JsonResponse({"ok": True, "stored": len(batch)}, status=201)
        stored = services.record_statement(
            launch=launch, learner=learner, statement=statement
        )
    except services.StatementRejected as rejected:
        return JsonResponse({"error": str(rejected)}, status=400)
    return JsonResponse({"ok": True, "scaled": stored.scaled_score}, status=201)
