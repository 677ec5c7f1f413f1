"""The access matrix: every object-bearing URL x every role x GET/POST.

Each `Resource` below is one URL with the outcome each role must get for each
method; `test_cell` is generated once per (resource, method, role). An object
a user may not see is a 404, never a 403 and never a 200.

Outcomes:
  200, 201, 400, 404, 405, ...  the status code;
  "login"        a 302 to /accounts/login/ (anonymous on a platform page);
  "admin_login"  a 302 to /admin/login/ (no admin access);
  "->URL"        a 302 to URL ("->URL*": to a URL starting so); `{course}`
                 and the other keys of `World.urls` and `World.ids` are
                 filled in. "->/admin/" is Wagtail's permission denied.

To add a URL (the reports and exports pages, say), append one `Resource` to
RESOURCES: its path (with `{...}` keys from tests/security/world.py; add the
object to `build_world` if it needs one), then per method `roles(default,
role=outcome, ...)`. `hide` names texts of the owner (`World.secrets` keys)
that must not appear in any other role's 200 response. Nothing else changes.

Roles: anonymous; owner (the student whose attempts, certificate and H5P
launch these are); other_student (enrolled in the same course); instructor
(of the course); other_instructor (of another course); manager (program
manager); admin (superuser). Outsiders to a course who open its lessons or
quizzes are sent to the course page to enrol ("->{course}"), whatever the
attempt number, so the redirect says nothing about the attempt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.db import transaction
from django.middleware.csrf import _get_new_csrf_string  # type: ignore[attr-defined]
from django.test import Client, override_settings

from tests.factories import make_site

from .world import ROLES, World, build_world

PLATFORM = "testserver"
CONTENT = "h5p.testserver"


def roles(default, **overrides) -> dict[str, object]:
    unknown = set(overrides) - set(ROLES)
    assert not unknown, unknown
    return {role: overrides.get(role, default) for role in ROLES}


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    get: dict[str, object] | None = None
    post: dict[str, object] | None = None
    host: str = PLATFORM
    data: dict[str, str] = field(default_factory=dict)
    body: str | None = None  # a raw JSON body for POST instead of form data
    csrf: bool = True  # the real client sends a CSRF token with its POSTs
    hide: tuple[str, ...] = ()
    seen_by: tuple[str, ...] = ("owner",)  # roles that may see the `hide` texts


# Outsiders to the taught course are sent to enrol; editors pass the gate.
GATE = {"anonymous": "login", "other_instructor": "->{course}", "manager": "->{course}"}
ATTEMPT = "{quiz}attempt/{attempt_open}/"
DONE = "{quiz}attempt/{attempt_done}/"
OWN = {"owner": 200}
STAFF = {
    "anonymous": "admin_login",
    "owner": "admin_login",
    "other_student": "admin_login",
    "manager": "admin_login",
}
TEACHER = {**STAFF, "instructor": 200, "admin": 200}
TEACHERS = {**TEACHER, "other_instructor": 200}
# Wagtail's own "permission denied": a redirect to the dashboard with a message,
# for listings (no object named) and the core page editor.
DENIED = "->/admin/"
ADMIN_ONLY = {**STAFF, "instructor": DENIED, "other_instructor": DENIED, "admin": 200}

RESOURCES: tuple[Resource, ...] = (
    # --- Quiz pages (AssessmentPage routes) -------------------------------------
    Resource("quiz overview", "{quiz}", get=roles(200, **GATE)),
    Resource(
        "quiz start",
        "{quiz}start/",
        get=roles(405, **GATE),
        post=roles("->{quiz}attempt/{attempt_open}/", **GATE)
        | {
            "other_student": "->{quiz}attempt/1/",
            "instructor": "->{quiz}attempt/1/",
            "admin": "->{quiz}attempt/1/",
        },
    ),
    Resource(
        "attempt page",
        ATTEMPT,
        get=roles(404, **GATE, **OWN),
        post=roles(404, **GATE, owner="->{quiz}attempt/{attempt_open}/?page=1"),
        data={"q1-shown": "1"},
    ),
    Resource(
        "attempt page, no such attempt",
        "{quiz}attempt/999/",
        get=roles(404, **GATE),
    ),
    Resource(
        "attempt autosave",
        ATTEMPT + "save/",
        get=roles(405, **GATE),
        post=roles(404, **GATE, **OWN),
        data={"q2-shown": "1", "q2": "saved"},
    ),
    Resource(
        "attempt summary",
        ATTEMPT + "summary/",
        get=roles(404, **GATE, **OWN),
    ),
    Resource(
        "attempt submit",
        ATTEMPT + "submit/",
        get=roles(405, **GATE),
        post=roles(404, **GATE, owner="->{quiz}attempt/{attempt_open}/review/"),
    ),
    Resource(
        "attempt review",
        DONE + "review/",
        get=roles(404, **GATE, **OWN),
        hide=("essay",),
    ),
    # --- Lessons and enrolment --------------------------------------------------
    Resource("lesson page", "{lesson}", get=roles(200, **GATE)),
    Resource(
        "complete a lesson",
        "/learning/lessons/{lesson_id}/complete/",
        get=roles(405, anonymous="login"),
        post=roles(404, anonymous="login", owner="->{quiz}", other_student="->{quiz}"),
    ),
    Resource(
        "enrol in a course",
        "{other_course}",
        get=roles(200),
        post=roles("->{other_course}", anonymous="login"),
    ),
    Resource(
        "learning path, enrol in all",
        "{path}",
        get=roles(200),
        post=roles("->{path}", anonymous="login"),
    ),
    Resource(
        "dashboard",
        "/dashboard/",
        get=roles(200, anonymous="login"),
        hide=("serial", "course_title_done"),
    ),
    # --- Certificates -----------------------------------------------------------
    Resource(
        "my certificates",
        "/certificates/",
        get=roles(200, anonymous="login"),
        hide=("serial",),
    ),
    Resource(
        "certificate PDF",
        "/certificates/{certificate}/pdf/",
        get=roles(404, anonymous="login", **OWN),
    ),
    Resource(
        "recertify",
        "/certificates/{certificate}/recertify/",
        get=roles(405, anonymous="login"),
        post=roles(404, anonymous="login", owner="->/certificates/"),
    ),
    Resource("verification", "/certificates/verify/{code}/", get=roles(200)),
    Resource(
        "verification of no certificate",
        "/certificates/verify/NO-SUCH-CODE/",
        get=roles(404),
    ),
    Resource(
        "certificate register",
        "/certificates/register/",
        get=roles(404, anonymous="login", manager=200, admin=200),
    ),
    Resource(
        "revoke a certificate",
        "/certificates/register/{certificate}/revoke/",
        get=roles(405, anonymous="login"),
        post=roles(
            404,
            anonymous="login",
            manager="->/certificates/register/",
            admin="->/certificates/register/",
        ),
        data={"reason": "Matrix"},
    ),
    Resource(
        "reissue a certificate",
        "/certificates/register/{certificate}/reissue/",
        get=roles(405, anonymous="login"),
        post=roles(
            404,
            anonymous="login",
            manager="->/certificates/register/",
            admin="->/certificates/register/",
        ),
    ),
    Resource(
        "request a ZIP export",
        "/certificates/register/exports/",
        get=roles(405, anonymous="login"),
        post=roles(
            404,
            anonymous="login",
            manager="->/certificates/register/",
            admin="->/certificates/register/",
        ),
    ),
    Resource(
        "download a ZIP export",
        "/certificates/register/exports/{export}/",
        # Only whoever asked for it, not even another admin.
        get=roles(404, anonymous="login", manager=200),
    ),
    # --- H5P --------------------------------------------------------------------
    Resource(
        "xAPI statements",
        "/h5p/xapi/{token}/",
        get=roles(405, anonymous="login"),
        post=roles(404, anonymous="login", owner=400),
        body="not JSON",
    ),
    # The content origin gets no cookie: the launch token is its credential.
    Resource("H5P player", "/h5p-content/play/{token}/", host=CONTENT, get=roles(200)),
    Resource(
        "H5P player, unknown token",
        "/h5p-content/play/not-a-token/",
        host=CONTENT,
        get=roles(404),
    ),
    Resource(
        "H5P player on the platform host",
        "/h5p-content/play/{token}/",
        get=roles(404),
    ),
    Resource(
        "H5P saved state",
        "/h5p-content/play/{token}/state/state/0",
        host=CONTENT,
        get=roles(200),
        post=roles(200),
        data={"data": "{}"},
        csrf=False,
    ),
    Resource(
        "H5P saved state, unknown token",
        "/h5p-content/play/not-a-token/state/state/0",
        host=CONTENT,
        get=roles(404),
        post=roles(404),
        data={"data": "{}"},
        csrf=False,
    ),
    # --- Instructor views in the admin --------------------------------------------
    Resource(
        "grading queue",
        "/admin/assessments/grading/",
        get=roles(None, **TEACHERS),
        hide=("owner_name",),
        seen_by=("owner", "instructor", "admin"),
    ),
    Resource(
        "grade a response",
        "/admin/assessments/grading/{response}/",
        get=roles(404, **TEACHER),
        post=roles(404, **TEACHER),
        data={"score": "", "comment": ""},
    ),
    Resource(
        "attempt in the admin",
        "/admin/assessments/attempts/{attempt_done_pk}/",
        get=roles(404, **TEACHER),
    ),
    Resource(
        "regrade a question",
        "/admin/assessments/regrade/question/{question}/",
        get=roles(404, **TEACHER),
        post=roles(
            404,
            **TEACHER
            | {
                "instructor": "->/admin/assessments/regrade/*",
                "admin": "->/admin/assessments/regrade/*",
            },
        ),
    ),
    Resource(
        "regrade",
        "/admin/assessments/regrade/{regrade}/",
        get=roles(404, **TEACHER),
    ),
    Resource(
        "apply a regrade",
        "/admin/assessments/regrade/{regrade}/apply/",
        get=roles(405, **STAFF),
        post=roles(
            404,
            **STAFF,
            instructor="->/admin/assessments/regrade/{regrade}/",
            admin="->/admin/assessments/regrade/{regrade}/",
        ),
    ),
    Resource(
        "attempts listing",
        "/admin/quiz_attempts/",
        get=roles(None, **ADMIN_ONLY),
    ),
    Resource(
        "question edit",
        "/admin/questions/edit/{question}/",
        get=roles(404, **TEACHER),
    ),
    Resource(
        "question delete",
        "/admin/questions/delete/{question}/",
        get=roles(404, **TEACHER),
    ),
    Resource(
        "bank edit",
        "/admin/question_banks/edit/{bank}/",
        get=roles(404, **TEACHER),
    ),
    Resource(
        "extra time edit",
        "/admin/quiz_extra_time/edit/{extra_time}/",
        get=roles(404, **TEACHER),
    ),
    Resource(
        "quiz page editor",
        "/admin/pages/{quiz_id}/edit/",
        get=roles(None, **TEACHER, other_instructor=DENIED),
    ),
    Resource(
        "enrolments listing",
        "/admin/enrollment_records/",
        get=roles(None, **ADMIN_ONLY),
    ),
    Resource(
        "enrolment record",
        "/admin/enrollment_records/inspect/{enrollment}/",
        get=roles(None, **ADMIN_ONLY),
    ),
    Resource(
        "xAPI statement listing", "/admin/h5pstatement/", get=roles(None, **ADMIN_ONLY)
    ),
    Resource(
        "xAPI statement export",
        "/admin/h5pstatement/?export=csv",
        get=roles(None, **ADMIN_ONLY),
    ),
    Resource("users listing", "/admin/users/", get=roles(None, **ADMIN_ONLY)),
    Resource(
        "user edit",
        "/admin/users/edit/{owner}/",
        get=roles(None, **ADMIN_ONLY),
    ),
    Resource(
        "extra time delete",
        "/admin/quiz_extra_time/delete/{extra_time}/",
        post=roles(
            404,
            **STAFF,
            instructor="->/admin/quiz_extra_time/",
            admin="->/admin/quiz_extra_time/",
        ),
    ),
)


def _cells():
    for resource in RESOURCES:
        for method in ("get", "post"):
            expected = getattr(resource, method)
            if expected is None:
                continue
            for role in ROLES:
                yield pytest.param(
                    resource,
                    method,
                    role,
                    expected[role],
                    id=f"{resource.name}-{method.upper()}-{role}",
                )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction rolled back at its end;
    each test's own transaction nests inside it."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            _, catalog = make_site()
            yield build_world(catalog)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


def client_for(world: World, role: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def fill(template: str, world: World) -> str:
    return template.format(**world.urls, **world.ids)


@pytest.mark.django_db
@pytest.mark.parametrize(("resource", "method", "role", "expected"), list(_cells()))
def test_cell(world, resource, method, role, expected):
    client = client_for(world, role)
    url = fill(resource.path, world)
    kwargs: dict = {"HTTP_HOST": resource.host}
    if method == "post":
        if resource.csrf:
            token = _get_new_csrf_string()
            client.cookies["csrftoken"] = token
            kwargs["HTTP_X_CSRFTOKEN"] = token
        if resource.body is not None:
            response = client.post(
                url, resource.body, content_type="application/json", **kwargs
            )
        else:
            response = client.post(url, resource.data, **kwargs)
    else:
        response = client.get(url, **kwargs)
    got = response.status_code
    location = response.get("Location", "")
    wanted = fill(str(expected), world)
    actual = outcome(got, location)
    if wanted.endswith("*"):  # a redirect to an object made by this request
        actual, wanted = actual[: len(wanted) - 1], wanted[:-1]
    assert actual == wanted, f"{method.upper()} {url} as {role}: {got} {location}"
    if got == 200 and role not in resource.seen_by and resource.hide:
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        for key in resource.hide:
            assert world.secrets[key].encode() not in body, (key, role)


def outcome(status: int, location: str) -> str:
    if status == 302:
        if location.startswith("/accounts/login/"):
            return "login"
        if location.startswith("/admin/login/"):
            return "admin_login"
        return "->" + location
    return str(status)
