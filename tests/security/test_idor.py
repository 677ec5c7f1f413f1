"""The access matrix: every object-bearing URL x every role x GET/POST.

Each `Resource` below is one URL with the outcome each role must get for each
method; `test_cell` is generated once per (resource, method, role). An object
a user may not see is a 404, never a 403 and never a 200.

Outcomes:
  200, 201, 400, 404, 405, ...  the status code;
  "login"        a 302 to /en/accounts/login/ (anonymous on a platform page);
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
manager of the cohort holding the owner); other_manager (program manager of a
cohort holding only the other student); admin (superuser). `{key}` in `data`
is filled in as in the path. Students get a 404 on every /reports/ page.
Outsiders to a course who open its lessons or quizzes are sent to the course
page to enrol ("->{course}"), whatever the attempt number, so the redirect
says nothing about the attempt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from django.middleware.csrf import _get_new_csrf_string  # type: ignore[attr-defined]
from django.test import Client

from .world import ROLES, World

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
GATE = {
    "anonymous": "login",
    "other_instructor": "->{course}",
    "manager": "->{course}",
    "other_manager": "->{course}",
}
ATTEMPT = "{quiz}attempt/{attempt_open}/"
DONE = "{quiz}attempt/{attempt_done}/"
OWN = {"owner": 200}
STAFF = {
    "anonymous": "admin_login",
    "owner": "admin_login",
    "other_student": "admin_login",
    "manager": "admin_login",
    "other_manager": "admin_login",
}
TEACHER = {**STAFF, "instructor": 200, "admin": 200}
TEACHERS = {**TEACHER, "other_instructor": 200}
# Wagtail's own "permission denied": a redirect to the dashboard with a message,
# for listings (no object named) and the core page editor.
DENIED = "->/admin/"
ADMIN_ONLY = {**STAFF, "instructor": DENIED, "other_instructor": DENIED, "admin": 200}

# Reports: students get a 404 on every page; reporters are the instructors,
# the program managers and the admin.
NO_REPORTS = {"anonymous": "login", "owner": 404, "other_student": 404}
MANAGERS = {"manager": 200, "other_manager": 200, "admin": 200}
TO_COHORT = {
    "manager": "->/en/reports/cohorts/{cohort}/",
    "admin": "->/en/reports/cohorts/{cohort}/",
}
# Who may read the owner's name in a report: the instructor of their course,
# the manager of their cohort, the admin.
SEES_OWNER = ("owner", "instructor", "manager", "admin")

# Discussions: the taught course's enrolled learners and teachers (the admin
# teaches every course); everyone else a 404, as if there were no discussion.
MEMBERS = {"owner": 200, "other_student": 200, "instructor": 200, "admin": 200}
OUTSIDE = {"anonymous": "login"}
THREAD = "->/en/discussions/threads/{thread}/"
OTHER_THREAD = "->/en/discussions/threads/{other_thread}/"
OTHERS = {"other_instructor": 200, "admin": 200}


def _to(target: str, *who: str) -> dict[str, str]:
    return dict.fromkeys(who, target)


DISCUSSIONS: tuple[Resource, ...] = (
    Resource(
        "discussion threads",
        "/en/discussions/courses/{course_id}/",
        get=roles(404, **OUTSIDE, **MEMBERS),
        hide=("other_thread_title",),
        seen_by=("other_instructor",),
    ),
    Resource(
        "discussion threads, search",
        "/en/discussions/courses/{course_id}/?q=OTHER-COURSE&lesson=99999999999",
        get=roles(404, **OUTSIDE, **MEMBERS),
        hide=("other_thread_title",),
        seen_by=("other_instructor",),
    ),
    Resource(
        "discussion threads of the other course",
        "/en/discussions/courses/{other_course_id}/",
        get=roles(404, **OUTSIDE, **OTHERS),
    ),
    Resource(
        "discussion new thread",
        "/en/discussions/courses/{other_course_id}/new/",
        get=roles(404, **OUTSIDE, **OTHERS),
        post=roles(
            404,
            **OUTSIDE,
            **_to("->/en/discussions/threads/*", "other_instructor", "admin"),
        ),
        data={"title": "Matrix", "kind": "discussion", "body": "Matrix body"},
    ),
    Resource(
        "discussion thread",
        "/en/discussions/threads/{thread}/",
        get=roles(404, **OUTSIDE, **MEMBERS),
        post=roles(
            404,
            **OUTSIDE,
            **_to(THREAD + "#post-*", "owner", "other_student", "instructor", "admin"),
        ),
        data={"body": "A reply"},
    ),
    Resource(
        "discussion thread of the other course",
        "/en/discussions/threads/{other_thread}/",
        get=roles(404, **OUTSIDE, **OTHERS),
        post=roles(
            404, **OUTSIDE, **_to(OTHER_THREAD + "#post-*", "other_instructor", "admin")
        ),
        data={"body": "A reply"},
    ),
    Resource(
        "discussion hidden thread",
        "/en/discussions/threads/{hidden_thread}/",
        get=roles(404, **OUTSIDE, instructor=200, admin=200),
    ),
    Resource(
        "discussion follow",
        "/en/discussions/threads/{thread}/follow/",
        get=roles(405, **OUTSIDE),
        post=roles(
            404,
            **OUTSIDE,
            **_to(THREAD, "owner", "other_student", "instructor", "admin"),
        ),
    ),
    Resource(
        "discussion moderate a thread",
        "/en/discussions/threads/{thread}/moderate/",
        get=roles(405, **OUTSIDE),
        post=roles(404, **OUTSIDE, **_to(THREAD, "instructor", "admin")),
        data={"action": "pin", "reason": "Matrix"},
    ),
    Resource(
        "discussion moderate a post",
        "/en/discussions/posts/{reply_post}/moderate/",
        get=roles(405, **OUTSIDE),
        post=roles(
            404, **OUTSIDE, **_to(THREAD + "#post-{reply_post}", "instructor", "admin")
        ),
        data={"action": "resolve", "reason": "Matrix"},
    ),
    Resource(
        "discussion edit a post",
        "/en/discussions/posts/{opening_post}/edit/",
        get=roles(404, **OUTSIDE, owner=200),
        post=roles(404, **OUTSIDE, owner=THREAD + "#post-{opening_post}"),
        data={"title": "Edited", "body": "Edited body"},
    ),
    Resource(
        "discussion report a post",
        "/en/discussions/posts/{reply_post}/report/",
        get=roles(404, **OUTSIDE, **MEMBERS),
        post=roles(
            404,
            **OUTSIDE,
            **_to(
                THREAD + "#post-{reply_post}",
                "owner",
                "other_student",
                "instructor",
                "admin",
            ),
        ),
        data={"reason": "Matrix"},
    ),
    Resource(
        "discussion moderation log",
        "/en/discussions/courses/{course_id}/moderation/",
        get=roles(404, **OUTSIDE, instructor=200, admin=200),
    ),
    Resource(
        "announcement",
        "/en/discussions/announcements/{announcement}/",
        get=roles(404, **OUTSIDE, **MEMBERS),
    ),
    Resource(
        "announcement, new",
        "/en/discussions/announcements/new/",
        get=roles(200, **OUTSIDE, owner=404, other_student=404),
    ),
)

RESOURCES: tuple[Resource, ...] = DISCUSSIONS + (
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
        "/en/learning/lessons/{lesson_id}/complete/",
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
        "/en/dashboard/",
        get=roles(200, anonymous="login"),
        hide=("serial", "course_title_done"),
    ),
    # --- Certificates -----------------------------------------------------------
    Resource(
        "my certificates",
        "/en/certificates/",
        get=roles(200, anonymous="login"),
        hide=("serial",),
    ),
    Resource(
        "certificate PDF",
        "/en/certificates/{certificate}/pdf/",
        get=roles(404, anonymous="login", **OWN),
    ),
    Resource(
        "recertify",
        "/en/certificates/{certificate}/recertify/",
        get=roles(405, anonymous="login"),
        post=roles(404, anonymous="login", owner="->/en/certificates/"),
    ),
    Resource("verification", "/en/certificates/verify/{code}/", get=roles(200)),
    Resource(
        "verification of no certificate",
        "/en/certificates/verify/NO-SUCH-CODE/",
        get=roles(404),
    ),
    Resource(
        "certificate register",
        "/en/certificates/register/",
        get=roles(404, anonymous="login", manager=200, other_manager=200, admin=200),
    ),
    Resource(
        "revoke a certificate",
        "/en/certificates/register/{certificate}/revoke/",
        # A confirmation page: what will happen, and the button.
        get=roles(404, anonymous="login", manager=200, admin=200),
        post=roles(
            404,
            anonymous="login",
            manager="->/en/certificates/register/",
            admin="->/en/certificates/register/",
        ),
        data={"reason": "Matrix"},
    ),
    Resource(
        "reissue a certificate",
        "/en/certificates/register/{certificate}/reissue/",
        # A confirmation page: what will happen, and the button.
        get=roles(404, anonymous="login", manager=200, admin=200),
        post=roles(
            404,
            anonymous="login",
            manager="->/en/certificates/register/",
            admin="->/en/certificates/register/",
        ),
    ),
    Resource(
        "request a ZIP export",
        "/en/certificates/register/exports/",
        get=roles(405, anonymous="login"),
        post=roles(
            404,
            anonymous="login",
            manager="->/en/certificates/register/",
            other_manager="->/en/certificates/register/",
            admin="->/en/certificates/register/",
        ),
    ),
    Resource(
        "request a ZIP export of a cohort",
        "/en/certificates/register/exports/",
        post=roles(
            404,
            anonymous="login",
            manager="->/en/certificates/register/?cohort={cohort}",
            admin="->/en/certificates/register/?cohort={cohort}",
        ),
        data={"cohort": "{cohort}"},
    ),
    Resource(
        "download a ZIP export",
        "/en/certificates/register/exports/{export}/",
        # Only whoever asked for it, not even another admin.
        get=roles(404, anonymous="login", manager=200),
    ),
    # --- Reports and cohorts (reports/urls.py) -----------------------------------
    Resource("reports home", "/en/reports/", get=roles(200, **NO_REPORTS)),
    Resource(
        "course report, taught course",
        "/en/reports/courses/{course_id}/",
        # The other manager's cohort member is enrolled in it too.
        get=roles(200, **NO_REPORTS, other_instructor=404),
        hide=("owner_name",),
        seen_by=SEES_OWNER,
    ),
    Resource(
        "course report, other course",
        "/en/reports/courses/{other_course_id}/",
        get=roles(404, **NO_REPORTS, other_instructor=200, admin=200),
    ),
    Resource(
        "assessment report",
        "/en/reports/assessments/{quiz_id}/",
        get=roles(200, **NO_REPORTS, other_instructor=404),
        hide=("owner_name",),
        seen_by=SEES_OWNER,
    ),
    Resource(
        "assessment report, other course's quiz",
        "/en/reports/assessments/{other_quiz_id}/",
        # No member of either manager's cohort is enrolled in that course.
        get=roles(404, **NO_REPORTS, other_instructor=200, admin=200),
    ),
    Resource(
        "assessment report, no such quiz",
        "/en/reports/assessments/999999/",
        get=roles(404, **NO_REPORTS),
    ),
    Resource(
        "learner report, the owner",
        "/en/reports/learners/{owner}/",
        get=roles(404, **NO_REPORTS, instructor=200, manager=200, admin=200),
        # The instructor sees the taught course only, not the finished one.
        hide=("serial", "course_title_done"),
        seen_by=("owner", "manager", "admin"),
    ),
    Resource(
        "learner report, the other student",
        "/en/reports/learners/{other_student}/",
        get=roles(404, **NO_REPORTS, instructor=200, other_manager=200, admin=200),
    ),
    Resource(
        "learners at risk",
        "/en/reports/at-risk/?reason=behind",
        get=roles(200, **NO_REPORTS),
        hide=("owner_name",),
        seen_by=SEES_OWNER,
    ),
    Resource(
        "cohorts",
        "/en/reports/cohorts/",
        get=roles(404, anonymous="login", **MANAGERS),
        post=roles(
            404,
            anonymous="login",
            manager="->/en/reports/cohorts/*",
            other_manager="->/en/reports/cohorts/*",
            admin="->/en/reports/cohorts/*",
        ),
        data={"name": "Matrix cohort"},
        hide=("cohort_name",),
        seen_by=("manager", "admin"),
    ),
    Resource(
        "cohort page",
        "/en/reports/cohorts/{cohort}/",
        get=roles(404, anonymous="login", manager=200, admin=200),
    ),
    Resource(
        # Issue 16: the other manager added the owner to this cohort by e-mail
        # and assigned the owner's courses; the owner's enrolments stayed the
        # manager's, so the page shows the e-mail typed, never the name.
        "other manager's cohort the owner was added to",
        "/en/reports/cohorts/{takeover_cohort}/",
        get=roles(404, anonymous="login", other_manager=200, admin=200),
        hide=("owner_name",),
        seen_by=SEES_OWNER,
    ),
    Resource(
        "other manager's cohort page",
        "/en/reports/cohorts/{other_cohort}/",
        get=roles(404, anonymous="login", other_manager=200, admin=200),
        hide=("owner_name", "cohort_name"),
        seen_by=("admin",),
    ),
    Resource(
        "add a cohort member",
        "/en/reports/cohorts/{cohort}/members/",
        get=roles(405, anonymous="login"),
        post=roles(404, anonymous="login", **TO_COHORT),
        data={"email": "nobody@example.org"},
    ),
    Resource(
        "remove a cohort member",
        "/en/reports/cohorts/{cohort}/members/{owner}/remove/",
        # A confirmation page: enrolments kept, and how to undo.
        get=roles(404, anonymous="login", manager=200, admin=200),
        post=roles(404, anonymous="login", **TO_COHORT),
    ),
    Resource(
        "remove a non-member from a cohort",
        "/en/reports/cohorts/{cohort}/members/{other_student}/remove/",
        post=roles(404, anonymous="login"),
    ),
    Resource(
        "subscribe to the enrolments of a cohort",
        "/en/reports/subscriptions/new/?report=enrollments&cohort={cohort}",
        get=roles(404, anonymous="login", manager=200, admin=200),
    ),
    Resource(
        "report subscriptions",
        "/en/reports/subscriptions/",
        get=roles(200, **NO_REPORTS),
    ),
    Resource(
        "assign a course to a cohort",
        "/en/reports/cohorts/{cohort}/courses/",
        get=roles(404, anonymous="login", manager=200, admin=200),
        post=roles(404, anonymous="login", **TO_COHORT),
        data={"course": "{other_course_id}"},
    ),
    Resource(
        "import cohort members",
        "/en/reports/cohorts/{cohort}/import/",
        get=roles(404, anonymous="login", manager=200, admin=200),
        # No file: the form comes back with its error.
        post=roles(404, anonymous="login", manager=200, admin=200),
    ),
    Resource(
        "report exports",
        "/en/reports/exports/",
        get=roles(200, **NO_REPORTS),
        post=roles(
            404,
            anonymous="login",
            manager="->/en/reports/exports/",
            admin="->/en/reports/exports/",
        ),
        # The cohort filter names the manager's cohort: outside it, a 404.
        data={"report": "enrollments", "format": "csv", "cohort": "{cohort}"},
    ),
    Resource(
        "report export of an unknown report",
        "/en/reports/exports/",
        post=roles(404, anonymous="login"),
        data={"report": "no-such-report", "format": "csv"},
    ),
    Resource(
        "download a report export",
        "/en/reports/exports/{report_export}/download/",
        # Only whoever asked for it, not even an admin.
        get=roles(404, anonymous="login", manager=200),
    ),
    Resource(
        "API tokens",
        "/en/reports/api-tokens/",
        get=roles(200, **NO_REPORTS),
        post=roles(200, **NO_REPORTS),
        data={"name": "Matrix token"},
        hide=("api_token_name",),
        seen_by=("manager",),
    ),
    Resource(
        "revoke an API token",
        "/en/reports/api-tokens/{api_token}/revoke/",
        get=roles(405, anonymous="login"),
        post=roles(404, anonymous="login", manager="->/en/reports/api-tokens/"),
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
            data = {
                key: fill_keys(value, world) for key, value in resource.data.items()
            }
            response = client.post(url, data, **kwargs)
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


def fill_keys(value: str, world: World) -> str:
    """`{key}` in posted data filled in; other braces (JSON) left alone."""
    known = {**world.urls, **world.ids}
    return re.sub(
        r"\{(\w+)\}",
        lambda m: str(known.get(m.group(1), m.group(0))),
        value,
    )


def outcome(status: int, location: str) -> str:
    if status == 302:
        if location.startswith("/en/accounts/login/"):
            return "login"
        if location.startswith("/admin/login/"):
            return "admin_login"
        return "->" + location
    return str(status)
