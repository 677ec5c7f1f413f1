"""The read API (`/api/v1/reports/<name>`) per role: a bearer token acts with
its user's report scope, exactly as the pages do.

Each case reads one report with a filter naming one of the owner's objects
(their cohort, themselves, their course, its quiz). A token of a role that may
see the object gets 200 and rows about its own learners and courses only; any
other token gets 404, a student's on every report. No token, a session cookie
without one, a revoked or a made-up token is a 401.
"""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import APIToken

from .world import ROLES, World

TOKEN_ROLES = tuple(role for role in ROLES if role != "anonymous")
REPORTERS = ("instructor", "other_instructor", "manager", "other_manager", "admin")


def allowed(*roles: str) -> dict[str, int]:
    return {role: 200 if role in roles else 404 for role in TOKEN_ROLES}


# (report, query with `{key}`s from the world, status per token role)
CASES: tuple[tuple[str, str, dict[str, int]], ...] = (
    ("courses", "", allowed(*REPORTERS)),
    ("enrollments", "cohort={cohort}", allowed("manager", "admin")),
    (
        "enrollments",
        "course={course_id}",
        allowed("instructor", "manager", "other_manager", "admin"),
    ),
    (
        "course-assessments",
        "course={course_id}",
        allowed("instructor", "manager", "other_manager", "admin"),
    ),
    ("completions", "course={done_course_id}", allowed("manager", "admin")),
    ("cohorts", "", allowed("manager", "other_manager", "admin")),
    ("cohort", "cohort={cohort}", allowed("manager", "admin")),
    ("learner", "learner={owner}", allowed("instructor", "manager", "admin")),
    ("at-risk", "cohort={cohort}", allowed("manager", "admin")),
    # The other manager's cohort the owner was added to (issue 16): readable,
    # and (see `scope`) no row of it names the owner.
    ("cohort", "cohort={takeover_cohort}", allowed("other_manager", "admin")),
    ("at-risk", "cohort={takeover_cohort}", allowed("other_manager", "admin")),
    (
        "enrollments",
        "cohort={takeover_cohort}",
        allowed("other_manager", "admin"),
    ),
    (
        "item-analysis",
        "assessment={quiz_id}",
        allowed("instructor", "manager", "other_manager", "admin"),
    ),
    (
        "item-analysis",
        "assessment={other_quiz_id}",
        allowed("other_instructor", "admin"),
    ),
)


def scope(world: World, role: str) -> tuple[set[int] | None, set[int] | None]:
    """The learner ids and course ids a role's rows may name (None: any)."""
    ids = world.ids
    course, done, other = (
        ids["course_id"],
        ids["done_course_id"],
        ids["other_course_id"],
    )
    owner, other_student = ids["owner"], ids["other_student"]
    return {
        "instructor": ({owner, other_student}, {course}),
        "other_instructor": (set(), {other}),
        "manager": ({owner}, {course, done}),
        "other_manager": ({other_student}, {course}),
        "admin": (None, None),
    }[role]  # type: ignore[return-value]


@pytest.fixture(scope="module")
def tokens(world, django_db_blocker) -> dict[str, str]:
    """A token for each role, and a revoked one of the manager's (rolled
    back with the world)."""
    with django_db_blocker.unblock():
        made = {
            role: APIToken.create_token(user=world.users[role], name=role)[1]
            for role in TOKEN_ROLES
        }
        revoked, plaintext = APIToken.create_token(
            user=world.users["manager"], name="revoked"
        )
        revoked.revoke()
        made["revoked"] = plaintext
    return made


def _cases():
    for report, query, expected in CASES:
        for role in TOKEN_ROLES:
            yield pytest.param(
                report,
                query,
                role,
                expected[role],
                id=f"{report}?{query}-{role}",
            )


def read(client: Client, world: World, report: str, query: str, **headers):
    url = f"/api/v1/reports/{report}?{query.format(**world.ids)}"
    return client.get(url, **headers)


@pytest.mark.django_db
@pytest.mark.parametrize(("report", "query", "role", "expected"), list(_cases()))
def test_token_reads_its_scope(world, tokens, report, query, role, expected):
    response = read(
        Client(),
        world,
        report,
        query,
        HTTP_AUTHORIZATION=f"Bearer {tokens[role]}",
    )
    assert response.status_code == expected, (report, query, role, response.content)
    if expected != 200:
        return
    body = response.json()
    learners, courses = scope(world, role)
    for row in body["rows"]:
        if learners is not None and "learner_id" in row:
            assert row["learner_id"] in learners, (role, row)
        if courses is not None and "course_id" in row:
            assert row["course_id"] in courses, (role, row)
        if report == "cohorts" and role != "admin":
            mine = world.users[role].managed_cohorts.values_list("pk", flat=True)  # type: ignore[union-attr]
            assert row["cohort_id"] in set(mine), (role, row)
    if report == "learner" and role == "instructor":
        # The instructor sees the taught course only, not the finished one.
        assert body["rows"], body
        assert {row["course"] for row in body["rows"]} == {"Taught course"}
    named = {row.get("learner_id") for row in body["rows"]}
    if query == "cohort={cohort}" and report in {"enrollments", "cohort"}:
        # The owner's rows are there: the scope is not merely empty.
        assert world.ids["owner"] in named
    if query == "cohort={takeover_cohort}":
        # A member of that cohort, but none of their enrolments is its own.
        assert world.ids["owner"] not in named, (role, body["rows"])


@pytest.mark.django_db
def test_other_manager_sees_their_member_not_the_owner(world, tokens):
    response = read(
        Client(),
        world,
        "enrollments",
        "course={course_id}",
        HTTP_AUTHORIZATION=f"Bearer {tokens['other_manager']}",
    )
    assert response.status_code == 200
    learners = {row["learner_id"] for row in response.json()["rows"]}
    assert learners == {world.ids["other_student"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("report", "query"), sorted({(report, query) for report, query, _e in CASES})
)
def test_without_a_valid_token_is_401(world, tokens, report, query):
    anonymous = Client()
    assert read(anonymous, world, report, query).status_code == 401
    session = Client()
    session.force_login(world.users["admin"])  # a cookie is not a credential
    assert read(session, world, report, query).status_code == 401
    for bearer in (tokens["revoked"], "ign_not-a-token", ""):
        response = read(
            anonymous, world, report, query, HTTP_AUTHORIZATION=f"Bearer {bearer}"
        )
        assert response.status_code == 401, bearer
