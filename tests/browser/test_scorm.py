"""SCORM in a real browser: a learner plays RuntimeBasicCalls (SCORM 2004 3rd
edition) through scorm-again on the content origin, the run-time commits, the
learner leaves, comes back at the stored location, completes, and the course
outline shows the activity done."""

import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from enrollments import services as enrollment_services
from packages.models import ScormAttempt, ScormRuntime
from packages.scorm import services
from tests.factories import PASSWORD, UserFactory, make_course, make_site
from tests.packages.scorm_zips import shared_package

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def log_in(page, base, learner):
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("E-mail").fill(learner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def sco_of(page):
    """The SCO's own frame inside the launch page inside the activity page,
    once its navigation shows."""
    launch = page.frame_locator("iframe.scorm-frame")
    sco = launch.frame_locator("#sco-frame")
    try:
        expect(sco.locator("#butNext")).to_be_visible(timeout=30_000)
    except AssertionError:
        frames = [(f.url, f.name) for f in page.frames]
        raise AssertionError(f"SCO not shown: {page.console_errors} {frames}") from None
    return sco


def play_three_pages_and_leave(page, platform, activity, course) -> None:
    """Opens the activity, moves three pages on, leaves for the course page
    (the SCO's last commit goes by sendBeacon)."""
    page.goto(platform + activity.url)
    sco = sco_of(page)
    for _ in range(3):
        sco.locator("#butNext").click()
    page.goto(platform + course.url)


def enrolled_in_package(package_name, course_title):
    """A student enrolled in a new course whose one item is the shared SCORM
    package: (learner, course, activity page)."""
    _, catalog = make_site()
    learner = UserFactory(role=Role.STUDENT)
    course = make_course(catalog, title=course_title, lessons=0)
    result = services.import_scorm_package(source=shared_package(package_name))
    activity = services.place_in_course(package=result.package, course=course)
    enrollment_services.enroll(learner=learner, course=course)
    return learner, course, activity


def test_scorm_2004_plays_resumes_and_completes(origins, page):
    platform, _ = origins
    learner, course, activity = enrolled_in_package(
        "RuntimeBasicCalls_SCORM20043rdEdition.zip", "Golf"
    )
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    commits = []  # (address, status) of each commit, to explain a failure

    def note(request):
        if "/commit" in request.url:
            response = request.response()
            commits.append((request.url[-30:], response and response.status))

    page.on("requestfinished", note)
    try:
        log_in(page, platform, learner)
        # Leaving the page ends the session: its commit goes by sendBeacon.
        play_three_pages_and_leave(page, platform, activity, course)
        assert wait_for(
            lambda: ScormRuntime.objects.filter(
                attempt__learner=learner, location="3"
            ).exists()
        ), (commits, page.console_errors)
        stored = ScormRuntime.objects.get()
        assert stored.cmi.get("cmi.exit") == "suspend"
        assert stored.completion_status == "incomplete"
        assert stored.total_seconds > 0
        assert ScormAttempt.objects.get().completion_status == "incomplete"

        # Back again (a new launch): the SCO asks to resume and resumes at 3.
        page.goto(platform + activity.url)
        sco = sco_of(page)
        assert wait_for(lambda: any("resume" in m for m in dialogs), 10)
        expect(sco.locator("#butPrevious")).to_be_enabled()
        for _ in range(11):
            sco.locator("#butNext").click()
        expect(sco.locator("#butNext")).to_be_disabled()
        page.goto(platform + course.url)
        assert wait_for(
            lambda: ScormAttempt.objects.filter(
                learner=learner, completion_status="completed"
            ).exists()
        ), list(ScormRuntime.objects.values_list("cmi", flat=True))
        assert ScormRuntime.objects.get().location == "14"
        page.reload()
        outline = page.locator(".task-list li", has_text=activity.title)
        expect(outline).to_have_class("task done")
        assert not [e for e in page.console_errors if "favicon" not in e]
    finally:
        page.goto("about:blank")
