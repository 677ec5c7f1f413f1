"""cmi5 in a real browser: a learner launches CATAPULT's pre-test AU (the
real package, its own cmi5.js) from the activity page; the AU fetches its
token, reads LMS.LaunchData from the built-in LRS on the platform origin, the
learner answers and exits, the AU's statements pass cmi5's rules, it returns
to the activity page (returnURL), and the unit shows satisfied."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from enrollments import services as enrollment_services
from packages.cmi5 import services
from packages.models import Cmi5Registration, Cmi5Session
from tests.factories import UserFactory, make_course, make_site, translate
from tests.packages.test_cmi5_validation import shared
from xapi.models import Statement

from .test_rubric_grading_journey import serious_violations
from .test_scorm import log_in, origins  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ADL = "http://adlnet.gov/expapi/verbs/"
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "cmi5"


def test_a_real_au_plays_records_and_returns(origins, page):  # noqa: F811
    platform, content = origins
    _, catalog = make_site()
    learner = UserFactory(role=Role.STUDENT)
    course = make_course(catalog, title="Geology", lessons=0)
    result = services.import_cmi5_course(
        source=shared("packages", "catapult_pre_post_test_framed.zip")
    )
    assert result.ok, result.summary()
    activity = services.place_in_course(course_package=result.course, course=course)
    enrollment_services.enroll(learner=learner, course=course)
    refused = []
    page.on(
        "response",
        lambda response: (
            refused.append(f"{response.status} {response.url}")
            if "/xapi/" in response.url
            and response.status >= 400
            and "cmi5LearnerPreferences" not in response.url
            and "stateId=" not in response.url
            else None
        ),
    )

    log_in(page, platform, learner)
    page.goto(platform + activity.url)
    expect(page.locator('[data-cmi5-unit="0"]')).to_have_attribute(
        "data-cmi5-status", "not-started"
    )
    page.locator('[data-cmi5-unit="0"] button').click()
    page.wait_for_url(lambda url: url.startswith(content + "/package-content/cmi5/"))
    try:
        page.get_by_role("button", name="(Select correct answers) ✓").click()
    except Exception:
        shown = f"{page.console_errors} {refused} {page.url}"
        raise AssertionError(f"the AU did not show its quiz: {shown}") from None
    page.get_by_role("button", name="Submit Answers").click()
    expect(page.locator("#score-passed")).to_be_visible()
    page.locator("#score-panel .exit-button").click()

    # Back on the platform (the launch data's returnURL), the unit satisfied.
    page.wait_for_url(platform + activity.url, timeout=30_000)
    expect(page.locator('[data-cmi5-unit="0"]')).to_have_attribute(
        "data-cmi5-status", "satisfied"
    )
    session = Cmi5Session.objects.get()
    assert session.fetched_at and session.initialized_at and session.terminated_at
    verbs = [
        row.statement["verb"]["id"].rsplit("/", 1)[1]
        for row in Statement.objects.filter(
            registration=Cmi5Registration.objects.get().registration
        ).order_by("stored")
    ]
    assert verbs[0] == "launched" and "initialized" in verbs
    assert "passed" in verbs and verbs[-1] == "terminated", verbs
    assert refused == [], refused

    # The page as learners see it, in both languages, wide and on a phone.
    SHOTS.mkdir(parents=True, exist_ok=True)
    french = translate(activity, title="Introduction à la géologie")
    for language, url in (("en", activity.url), ("fr", french.url)):
        for width, height in ((1366, 900), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(platform + url)
            expect(page.locator('[data-cmi5-unit="0"]')).to_be_visible()
            page.screenshot(
                path=str(SHOTS / f"cmi5-activity-{language}-{width}.png"),
                full_page=True,
            )
            assert serious_violations(page) == [], (language, width)
    # The French page is the same registration: the unit is done there too.
    expect(page.locator('[data-cmi5-unit="0"]')).to_have_attribute(
        "data-cmi5-status", "satisfied"
    )
    expect(page.locator('[data-cmi5-unit="1"] button')).to_contain_text("Commencer")
