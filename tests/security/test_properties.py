"""Security properties checked on real responses: the server-side timer, login
throttling, `check --deploy` under production settings, and the security
headers on platform pages, the admin and the H5P content origin."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from assessments.models import Attempt
from enrollments.services import enroll
from questions.kinds import Kind
from tests.factories import (
    PASSWORD,
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


# --- The server-side timer --------------------------------------------------------


@pytest.fixture
def timed(catalog, learner, client):
    course = make_course(catalog, title="Timed course", lessons=1)
    bank = make_bank(course=course)
    question = make_question(
        bank,
        kind=Kind.SHORT_ANSWER,
        answers=[{"text": "right", "fraction": 1, "feedback": ""}],
    )
    quiz = make_quiz(course, slots=[question], time_limit_minutes=5)
    enroll(learner=learner, course=course)
    client.force_login(learner)
    started = client.post(quiz.url + "start/")
    attempt = Attempt.objects.get(learner=learner, assessment=quiz)
    assert started["Location"].endswith(f"attempt/{attempt.number}/")
    # The clock runs out: only the server's deadline counts, whatever the page says.
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline_at=timezone.now() - timedelta(seconds=1)
    )
    return client, quiz, attempt


def _late_answer_was_refused(attempt: Attempt) -> None:
    attempt.refresh_from_db()
    assert attempt.status != Attempt.Status.IN_PROGRESS
    assert attempt.auto_submitted is True
    assert attempt.submitted_at == attempt.deadline_at
    assert not attempt.responses.filter(answer="right").exists()


@pytest.mark.parametrize("route", ["", "save/", "submit/"])
def test_answers_posted_after_the_deadline_are_refused(
    timed, route, django_capture_on_commit_callbacks
):
    client, quiz, attempt = timed
    url = f"{quiz.url}attempt/{attempt.number}/{route}"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"q1-shown": "1", "q1": "right"})
    if route == "save/":
        assert response.status_code == 409
    else:
        assert response.status_code == 302
        assert response["Location"].endswith(f"attempt/{attempt.number}/review/")
    _late_answer_was_refused(attempt)


def test_opening_the_attempt_after_the_deadline_submits_it(
    timed, django_capture_on_commit_callbacks
):
    client, quiz, attempt = timed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"{quiz.url}attempt/{attempt.number}/")
    assert response["Location"].endswith("/review/")
    _late_answer_was_refused(attempt)


# --- Login throttling (django-axes) ----------------------------------------------


def _fail(client, url: str, email: str, times: int) -> None:
    """`times` wrong passwords; the last one is the one that locks."""
    for attempt in range(times):
        response = client.post(url, {"username": email, "password": "wrong"})
        if attempt < times - 1:
            assert response.status_code == 200  # the form again, with its error


def test_five_failures_lock_the_account_out_even_with_the_right_password(
    client, settings
):
    UserFactory(email="target@example.org")
    url = reverse("accounts:login")
    _fail(client, url, "target@example.org", settings.AXES_FAILURE_LIMIT)
    response = client.post(
        url, {"username": "target@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_reads_the_same_for_an_unknown_address(client, settings):
    UserFactory(email="known@example.org")
    url = reverse("accounts:login")
    bodies = []
    for email in ("known@example.org", "nobody@example.org"):
        _fail(client, url, email, settings.AXES_FAILURE_LIMIT)
        response = client.post(url, {"username": email, "password": "wrong"})
        assert response.status_code == 429
        body = response.content.decode().replace(email, "EMAIL")
        # Each page masks the CSRF token afresh (the header's language form).
        bodies.append(re.sub(r'(csrfmiddlewaretoken" value=")[^"]+', r"\1", body))
    assert bodies[0] == bodies[1]


def test_a_lockout_is_per_account_and_address(client, settings):
    UserFactory(email="target@example.org")
    bystander = UserFactory(email="bystander@example.org")
    url = reverse("accounts:login")
    _fail(client, url, "target@example.org", settings.AXES_FAILURE_LIMIT)
    response = client.post(
        url, {"username": "bystander@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == bystander.pk


def test_the_admin_login_is_throttled_too(client, settings):
    UserFactory(email="teacher@example.org", role=Role.INSTRUCTOR)
    url = reverse("wagtailadmin_login")
    _fail(client, url, "teacher@example.org", settings.AXES_FAILURE_LIMIT)
    response = client.post(
        url, {"username": "teacher@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


# --- Deployment checks ------------------------------------------------------------


def test_check_deploy_is_clean_under_production_settings():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "k3y-" + "z9y8x7w6v5u4t3s2" * 4,
            "DJANGO_ALLOWED_HOSTS": "academy.example.org,academy-h5p.example.net",
            "H5P_CONTENT_ORIGIN": "https://academy-h5p.example.net",
            "H5P_PLATFORM_ORIGIN": "https://academy.example.org",
        },
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# --- Headers ------------------------------------------------------------------------


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def assert_common_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.fixture
def learning(catalog, learner):
    course = make_course(catalog, title="Headers course", lessons=1)
    enroll(learner=learner, course=course)
    return course


def platform_pages(course) -> list[str]:
    lesson = course.get_children().live().first()
    return [
        "/en/",
        course.url,
        lesson.url,
        reverse("enrollments:dashboard"),
        reverse("certificates:mine"),
    ]


def test_platform_pages_carry_a_strict_policy_and_the_security_headers(
    client, learner, learning
):
    anonymous = [client.get(reverse("accounts:login"))]
    client.force_login(learner)
    for url, response in [(reverse("accounts:login"), anonymous[0])] + [
        (url, client.get(url)) for url in platform_pages(learning)
    ]:
        assert response.status_code == 200, url
        assert_common_headers(response)
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in policy["script-src"], url
        assert "'unsafe-eval'" not in policy["script-src"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'self'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert policy["form-action"] == ["'self'"], url


def test_scripts_on_platform_pages_carry_the_policy_nonce(client, learner, learning):
    client.force_login(learner)
    response = client.get(learning.get_children().live().first().url)
    policy = directives(response["Content-Security-Policy"])
    nonces = [s for s in policy["script-src"] if s.startswith("'nonce-")]
    body = response.content.decode()
    for tag in body.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        if "src=" not in opening:
            assert nonces and nonces[0][7:-1] in opening, opening


def test_the_admin_has_its_own_policy_still_framed_only_by_itself(client, settings):
    client.force_login(UserFactory(role=Role.INSTRUCTOR))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_json_endpoints_are_not_sniffed(client, learner, learning):
    client.force_login(learner)
    response = client.post(
        "/h5p/xapi/no-such-token/", "{}", content_type="application/json"
    )
    assert response.status_code == 404
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_h5p_content_origin_is_confined(
    client, learner, catalog, settings, tmp_path
):
    from lessons import services as lesson_services

    settings.MEDIA_ROOT = tmp_path
    course = make_course(catalog, title="H5P headers", lessons=1)
    package = next(
        (ROOT.parent / "shared" / "testdata" / "h5p" / "real").glob("*TrueFalse*.h5p")
    )
    activity = lesson_services.import_h5p_package(source=package).content
    lesson = course.get_children().live().first().specific
    launch = lesson_services.launch_h5p(
        learner=learner, content=activity, lesson=lesson
    )
    for url in (
        f"/h5p-content/play/{launch.token}/",
        f"/h5p-content/play/{launch.token}/h5p/h5p.json",
        f"/h5p-content/play/{launch.token}/state/state/0",
    ):
        response = client.get(url, HTTP_HOST="h5p.testserver")
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        # Only the platform may frame the player; nothing leaves its origin.
        assert policy["frame-ancestors"] == [settings.H5P_PLATFORM_ORIGIN], url
        assert policy["connect-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["form-action"] == ["'none'"], url
        assert policy["object-src"] == ["'none'"], url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
        if url.endswith(f"{launch.token}/"):  # the player: frame-ancestors decides
            assert "X-Frame-Options" not in response
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    # And no platform page is served on that host.
    assert client.get("/", HTTP_HOST="h5p.testserver").status_code == 404
