"""H5P in a real browser: every real package plays from the content origin without
console errors, answering TrueFalse records the score, and a hostile package's
script reaches neither the lesson page nor the platform's cookies."""

import json
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from enrollments import services as enrollment_services
from lessons import services
from lessons.models import H5PResult, H5PState
from tests.factories import PASSWORD, UserFactory, make_course, make_site
from tests.lessons.h5p_zips import build, shared

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOSTILE_JS = r"""
(function () {
  function probe(name, attempt) {
    try { return name + "=" + String(attempt()); }
    catch (error) { return name + "=blocked"; }
  }
  window.Hostile = window.Hostile || {};
  window.Hostile.Probe = function () {
    this.attach = function ($container) {
      var report = [
        probe("parentTitle", function () { return window.parent.document.title; }),
        probe("topCookie", function () { return window.top.document.cookie; }),
        "ownCookie=" + JSON.stringify(document.cookie),
        probe("parentLocation", function () { return window.parent.location.href; }),
      ];
      var out = document.createElement("pre");
      out.id = "hostile-report";
      out.textContent = report.join("\n");
      $container.get(0).appendChild(out);
      fetch("PLATFORM/dashboard/", { credentials: "include" })
        .then(function (r) { return r.text(); })
        .then(function () { out.dataset.fetch = "read"; })
        .catch(function () { out.dataset.fetch = "blocked"; });
    };
  };
})();
"""


def hostile_package(platform: str):
    library = {
        "title": "Hostile probe",
        "machineName": "Hostile.Probe",
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": 0,
        "runnable": 1,
        "preloadedJs": [{"path": "probe.js"}],
    }
    manifest = {
        "title": "Hostile",
        "language": "en",
        "mainLibrary": "Hostile.Probe",
        "embedTypes": ["div"],
        "preloadedDependencies": [
            {"machineName": "Hostile.Probe", "majorVersion": 1, "minorVersion": 0}
        ],
    }
    return build(
        {
            "h5p.json": json.dumps(manifest).encode(),
            "content/content.json": b"{}",
            "Hostile.Probe-1.0/library.json": json.dumps(library).encode(),
            "Hostile.Probe-1.0/probe.js": HOSTILE_JS.replace(
                "PLATFORM", platform
            ).encode(),
        }
    )


@pytest.fixture
def origins(live_server, settings, tmp_path):
    platform = live_server.url.replace("127.0.0.1", "localhost")
    port = urlsplit(platform).port
    content = f"http://127.0.0.1:{port}"
    settings.MEDIA_ROOT = tmp_path
    settings.H5P_CONTENT_ORIGIN = content
    settings.H5P_PLATFORM_ORIGIN = platform
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    csp = {key: list(value) for key, value in settings.SECURE_CSP.items()}
    csp["frame-src"].append(content)
    settings.SECURE_CSP = csp
    return platform, content


def test_h5p_in_the_browser(origins, page):
    """One live-server test: the transactional database is emptied after each
    such test, Wagtail's root page included (as in test_journeys.py)."""
    _, catalog = make_site()
    scenarios = (
        every_real_package_plays_without_console_errors,
        answering_true_false_records_the_score_and_resumes,
        a_hostile_package_cannot_reach_the_lesson_or_its_cookies,
        our_own_self_check_plays_and_records_the_answer,
    )
    try:
        for scenario in scenarios:
            fresh(page)
            scenario(origins, page, catalog)
    finally:
        # Players save their state every few seconds; none may write while the
        # database is emptied after the test.
        page.goto("about:blank")


def fresh(page):
    """Signed out, no player running, no console errors yet."""
    page.goto("about:blank")
    page.context.clear_cookies()
    page.console_errors.clear()


def learner_in_lesson(catalog, content, **options):
    learner = UserFactory(role=Role.STUDENT)
    course = make_course(catalog)
    enrollment_services.enroll(learner=learner, course=course)
    lesson = course.get_children().live().first().specific
    lesson.body.append(("h5p", {"activity": content, "title": "Activity", **options}))
    lesson.save_revision().publish()
    return learner, lesson


def log_in(page, base, learner):
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("E-mail").fill(learner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def open_activity(page, base, lesson):
    page.goto(base + lesson.url)
    frame = page.locator("iframe.h5p-frame")
    try:
        expect(frame).to_have_attribute("data-h5p-ready", "true", timeout=30_000)
    except AssertionError:
        raise AssertionError(f"player not ready: {page.console_errors}") from None
    return page.frame_locator("iframe.h5p-frame")


def wait_for(condition, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def every_real_package_plays_without_console_errors(origins, page, catalog):
    platform, _ = origins
    for path in shared("real"):
        fresh(page)
        real_package_plays(platform, page, catalog, path)


def real_package_plays(platform, page, catalog, path):
    content = services.import_h5p_package(source=path).content
    learner, lesson = learner_in_lesson(catalog, content)
    log_in(page, platform, learner)
    frame = open_activity(page, platform, lesson)
    expect(frame.locator(".h5p-content").first).to_be_visible()
    page.wait_for_timeout(500)
    assert page.console_errors == []


def answering_true_false_records_the_score_and_resumes(origins, page, catalog):
    platform, _ = origins
    path = next(p for p in shared("real") if "TrueFalse" in p.name)
    content = services.import_h5p_package(source=path).content
    learner, lesson = learner_in_lesson(catalog, content, completes_lesson="passed")
    log_in(page, platform, learner)
    frame = open_activity(page, platform, lesson)
    frame.get_by_role("radio", name="False").click()
    frame.get_by_role("button", name="Check").click()
    assert wait_for(lambda: H5PResult.objects.filter(learner=learner).exists())
    result = H5PResult.objects.get(learner=learner)
    assert (result.last_raw, result.last_max, result.best_scaled) == (1, 1, 1)
    assert result.passed_at is not None
    # The player saves its state every few seconds; a reload restores it.
    assert wait_for(
        lambda: H5PState.objects.filter(
            learner=learner, data_type="state", data__contains="answer"
        ).exists()
    ), list(H5PState.objects.values_list("data", flat=True))
    page.reload()
    expect(page.locator(".h5p-score")).to_contain_text("Your best score: 1 / 1")
    open_activity(page, platform, lesson)
    # The new launch's player is handed the saved answer. (Whether TrueFalse
    # then shows it selected is H5P's business and not asserted here.)
    player = next(f for f in page.frames if "/h5p-content/play/" in f.url)
    restored = player.evaluate(
        "() => fetch(H5PIntegration.ajax.contentUserData"
        ".replace(':dataType', 'state').replace(':subContentId', '0'))"
        ".then(r => r.json())"
    )
    assert restored == {"success": True, "data": '{"answer":false}'}
    assert page.console_errors == []


def a_hostile_package_cannot_reach_the_lesson_or_its_cookies(origins, page, catalog):
    platform, _ = origins
    imported = services.import_h5p_package(source=hostile_package(platform))
    assert imported.ok, imported.report.errors
    learner, lesson = learner_in_lesson(catalog, imported.content)
    log_in(page, platform, learner)
    platform_cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert "sessionid" in platform_cookies and "csrftoken" in platform_cookies
    frame = open_activity(page, platform, lesson)
    title = page.title()
    report = frame.locator("#hostile-report")
    expect(report).to_contain_text("parentTitle=blocked")
    text = report.inner_text()
    assert "topCookie=blocked" in text
    assert "parentLocation=blocked" in text
    assert 'ownCookie=""' in text
    for value in platform_cookies.values():
        assert value not in text
    expect(report).to_have_attribute("data-fetch", "blocked")
    assert page.title() == title
    assert not H5PState.objects.filter(learner=learner).exists()


def our_own_self_check_plays_and_records_the_answer(origins, page, catalog):
    from demo.h5p import selfcheck_package

    platform, _ = origins
    content = services.import_h5p_package(source=selfcheck_package()).content
    learner, lesson = learner_in_lesson(catalog, content)
    log_in(page, platform, learner)
    frame = open_activity(page, platform, lesson)
    frame.get_by_role("button", name="True").click()
    expect(frame.locator(".ign-selfcheck__feedback")).to_contain_text("Correct")
    assert wait_for(lambda: H5PResult.objects.filter(learner=learner).exists())
    assert H5PResult.objects.get(learner=learner).best_scaled == 1
    assert page.console_errors == []
