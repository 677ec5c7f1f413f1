"""No input gets a 500: every URL pattern of the site, as every role, with
hostile values in each path parameter and in every query parameter a view
reads.

The patterns come from the resolver's own list (`get_resolver().url_patterns`,
walked recursively), so a URL added later is walked without editing this file.
Each path parameter gets, in turn, the world's real object (so the view's own
code runs and reads the query) and hostile values: 0, the database's integer
bounds and past them, 25 digits, NUL, quotes, a long string, unicode. With
the real objects in the path, the query string sets every parameter any view
reads (`QUERY_PARAMS`) to one hostile value at a time. Wagtail's admin is
walked for the pages of our own viewsets (the rest is Wagtail's); Wagtail's
page routes are walked through the world's pages plus odd suffixes.

Each role gets one client; a request is GET, then POST with the same query
and no body (a refusal, never a crash). The assertion collects every 5xx and
reports them together.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from wagtail.models import APIToken

from reports.forms import AtRiskForm
from reports.registry import REPORTS

from .world import World

PLATFORM = "testserver"
CONTENT = "h5p.testserver"
ROLES = ("anonymous", "owner", "instructor", "manager", "admin")

HUGE = "9" * 25
INT_HOSTILE = ("0", str(2**31), str(2**63 - 1), str(2**63), HUGE)
TEXT_HOSTILE = ("\x00", "'\"<>", "\u202e" + "é" * 300, "..", HUGE)

# The query parameters the views read: those named in the source
# (`GET.get("…")`, `query.get("…")`), the reports' filters (pages, exports and
# API alike), the at-risk form's fields, plus the ones read under other names
# (`from_query` helpers, Wagtail's listings). A parameter added later in one
# of those ways is walked without editing this file.
APPS: tuple[str, ...] = ("accounts", "home", "courses", "lessons", "assessments")
APPS += (
    "enrollments",
    "discussions",
    "certificates",
    "reports",
    "config",
    "notifications",
)
READ = re.compile(r"""(?:GET|query)\.get\(\s*["'](\w+)["']""")


def _query_params() -> tuple[str, ...]:
    root = Path(__file__).resolve().parents[2]
    named = {
        name
        for app in APPS
        for source in (root / app).rglob("*.py")
        for name in READ.findall(source.read_text())
    }
    filters = {key for spec in REPORTS.values() for key, _help in spec.filters}
    other = {"page", "q", "level", "language", "duration", "expiring", "course"}
    other |= {"cohort", "offset", "limit", "p", "ordering", "year", "next"}
    return tuple(sorted(named | filters | set(AtRiskForm.base_fields) | other))


QUERY_PARAMS = _query_params()
QUERY_HOSTILE = (
    HUGE,
    str(2**63),
    str(2**63 - 1),
    "-1",
    "2e17",
    "\x00",
    '"protection',
    "é" * 300 + "')",
)

# Path parameters by name: the world's objects that make the view run.
REAL_KEYS = {
    "course_id": ("course_id",),
    "assessment_id": ("quiz_id",),
    "learner_id": ("owner",),
    "cohort_id": ("cohort",),
    "export_id": ("report_export", "export"),
    "certificate_id": ("certificate",),
    "lesson_id": ("lesson_id",),
    "token_id": ("api_token",),
    "pk": ("question", "bank", "extra_time", "enrollment", "attempt_done_pk"),
    "code": ("code",),
    "token": ("token",),
    "name": ("enrollments", "at_risk"),
    "thread_id": ("thread",),
    "post_id": ("opening_post",),
    "announcement_id": ("announcement",),
}
# Our own viewsets in Wagtail's admin (the rest of the admin is Wagtail's).
OWN_ADMIN = re.compile(
    r"^admin/(h5p|enrollments|cohorts|xapi_|question|quiz_|assessments|snippets/courses)"
)


def _patterns(patterns, prefix="") -> Iterator[tuple[str, object]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + _route(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + _route(entry.pattern), entry


def _route(pattern) -> str:
    """A pattern as a route with `<name>` placeholders (regex groups too)."""
    if isinstance(pattern, RoutePattern):
        return re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", str(pattern))
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix  # "en/": the walk reads English
    assert isinstance(pattern, RegexPattern)
    text, out, depth, index = str(pattern).strip("^$"), [], 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(text[index + 1] if depth == 0 else "")
            index += 2
            continue
        if char == "(":
            if depth == 0:
                name = re.match(r"\(\?P<(\w+)>", text[index:])
                out.append(f"<{name.group(1) if name else 'group'}>")
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char not in "*+?$^":
            out.append(char)
        index += 1
    return "".join(out)


def _real(world: World, name: str) -> list[str]:
    keys = REAL_KEYS.get(name, ())
    values = [world.ids.get(key, world.urls.get(key)) for key in keys]
    found = [str(value) for value in values if value is not None]
    return found or [key for key in keys if key not in world.ids] or ["1"]


def _fill(route: str, value_of) -> str:
    return "/" + re.sub(r"<(\w+)>", lambda match: quote(value_of(match[1])), route)


def _kind(route: str, entry) -> str:
    """The hostile values a route's parameters get: numbers for an `<id:…>`
    (anything else does not match it), text for the rest."""
    pattern = entry.pattern
    converters = getattr(pattern, "converters", {})
    if converters and all(
        type(c).__name__ == "IdConverter" for c in converters.values()
    ):
        return "id"
    return "text"


def _requests(world: World, role: str) -> Iterator[tuple[str, str, str]]:
    """(method, host, path with query): the whole walk for one role."""
    staff = role in ("instructor", "admin")
    for route, entry in _patterns(get_resolver().url_patterns):
        admin = route.startswith("admin/")
        if route.startswith(("<", "en/<", "(?P<path>")) or (
            admin and not OWN_ADMIN.match(route)
        ):
            continue  # Wagtail's page route is walked below; its admin is its own.
        host = CONTENT if route.startswith("h5p-content/") else PLATFORM
        names = re.findall(r"<(\w+)>", route)
        real = _fill(route, lambda name: _real(world, name)[0])
        yield "GET", host, real
        yield "POST", host, real
        if admin and not staff:
            continue  # Sent to the login page before any of its code runs.
        paths = {
            _fill(route, lambda name, index=index: (_real(world, name) * 9)[index])
            for index in range(1, 4)
        }
        hostile = INT_HOSTILE if _kind(route, entry) == "id" else TEXT_HOSTILE
        paths.update(_fill(route, lambda name, value=value: value) for value in hostile)
        for path in sorted(paths - {real}) if names else ():
            yield "GET", host, path
            if not admin:
                yield "POST", host, path
        if not admin or not names:
            for value in QUERY_HOSTILE:
                yield (
                    "GET",
                    host,
                    real + "?" + urlencode(dict.fromkeys(QUERY_PARAMS, value)),
                )
    quiz = world.urls["quiz"]
    for number in (world.ids["attempt_done"], *INT_HOSTILE):
        for action in ("", "save/", "summary/", "submit/", "review/"):
            yield "GET", PLATFORM, f"{quiz}attempt/{number}/{action}"
            yield "POST", PLATFORM, f"{quiz}attempt/{number}/{action}"
    pages = [world.urls[key] for key in ("course", "path", "lesson", "quiz")]
    for url in ("/", "/en/", "/fr/", "/courses/", "/en/courses/", *pages):
        for suffix in ("", "%00/", quote("'\"") + "/", quote("é" * 300) + "/"):
            yield "GET", PLATFORM, url + suffix
        for value in QUERY_HOSTILE:
            yield (
                "GET",
                PLATFORM,
                url + "?" + urlencode(dict.fromkeys(QUERY_PARAMS, value)),
            )


@pytest.fixture
def quiet():
    """Thousands of 404s go unlogged; a 500's error still logs."""
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_no_url_answers_a_server_error(world, quiet, role):
    client = Client(raise_request_exception=False)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    failures = []
    walked = 0
    for method, host, url in dict.fromkeys(_requests(world, role)):
        send = client.get if method == "GET" else client.post
        response = send(url, HTTP_HOST=host)
        walked += 1
        if response.status_code >= 500:
            failures.append(f"{method} {host}{url} -> {response.status_code}")
    assert walked > 300
    if failures:  # pytest.fail: an assert's message would be cut to 8 lines
        pytest.fail(f"{len(failures)} server errors:\n" + "\n".join(failures))


def _as(world: World, role: str) -> Client:
    user = world.users[role]
    assert user is not None
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_numbers_past_the_database_in_a_path_are_404(world):
    manager, admin = _as(world, "manager"), _as(world, "admin")
    for url in (
        f"/en/reports/courses/{HUGE}/",
        f"/en/reports/assessments/{2**63}/",
        f"/en/reports/cohorts/{2**63}/",
        f"/en/reports/learners/{HUGE}/",
    ):
        assert manager.get(url).status_code == 404, url
    owner = _as(world, "owner")
    assert owner.post(f"/en/learning/lessons/{HUGE}/complete/").status_code == 404
    quiz = world.urls["quiz"]
    assert owner.get(f"{quiz}attempt/{2**63}/").status_code == 404
    assert admin.get(f"/admin/assessments/grading/{HUGE}/").status_code == 404


@pytest.mark.django_db
def test_numbers_past_their_use_in_a_query_are_ignored(world):
    manager = _as(world, "manager")
    cohort = world.ids["cohort"]
    for url in (
        f"/en/reports/at-risk/?page={HUGE}",
        "/en/reports/at-risk/?page=2e17",
        f"/en/reports/at-risk/?page={2**63 - 1}",
        "/en/reports/at-risk/?inactive_days=800000",
        f"/en/reports/cohorts/{cohort}/?page={2**63}",
        "/en/certificates/register/?expiring=3000000",
        f"/en/certificates/register/?course={HUGE}&cohort={2**63}&page={HUGE}",
    ):
        assert manager.get(url).status_code == 200, url


@pytest.mark.django_db
def test_the_api_refuses_numbers_past_the_database_with_a_message(world):
    _token, plaintext = APIToken.create_token(user=world.users["manager"], name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    for query, field in (
        (f"offset={2**63 - 1}", "offset"),
        (f"course={2**63}", "course"),
        ("inactive_days=800000", "inactive_days"),
    ):
        report = "at-risk" if field == "inactive_days" else "enrollments"
        response = client.get(f"/api/v1/reports/{report}?{query}")
        assert response.status_code == 400, query
        assert field in response.json()["detail"]


@pytest.mark.django_db
def test_the_editor_upload_without_a_file_is_a_400(world):
    response = _as(world, "admin").post("/ckeditor5/image_upload/")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "No file was sent."


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"protection', 'a"b', "(", "*", "NEAR(x", "é'"])
def test_every_search_box_takes_the_search_syntax_as_text(world, query):
    """Quotes and operators are the search engine's syntax; typed in the
    catalog's box or the admin's (pages, questions, snippets) they are text."""
    admin = _as(world, "admin")
    for url in (
        "/en/courses/",
        "/admin/pages/search/",
        "/admin/questions/",
        "/admin/snippets/lessons/h5pcontent/",
        "/admin/snippets/courses/topic/",
    ):
        assert admin.get(url, {"q": query}).status_code == 200, url


def test_the_walk_reads_the_parameters_the_views_read():
    for name in ("page", "q", "topic", "reason", "lang", "inactive_days", "status"):
        assert name in QUERY_PARAMS, name
