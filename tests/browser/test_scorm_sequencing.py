"""SCORM 2004 sequencing in a real browser: Golf's "forced sequential" package
(each part disabled until the one before is satisfied, through global
objectives) runs under scorm-again's sequencing engine. The second part cannot
be opened first, Continue stays off until the first part is passed, then leads
to the second; the engine's state is kept for the next launch."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from packages.models import ScormAttempt, ScormRuntime
from tests.factories import translate

from .test_rubric_grading_journey import serious_violations
from .test_scorm import (  # noqa: F401 (origins: a fixture)
    enrolled_in_package,
    log_in,
    origins,
    sco_of,
    wait_for,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = Path("var/screenshots/scorm-sequencing")


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_forced_sequential_order_is_enforced_by_scorm_agains_engine(origins, page):  # noqa: F811
    platform, _ = origins
    learner, _course, activity = enrolled_in_package(
        "SequencingForcedSequential_SCORM20043rdEdition.zip", "Golf in order"
    )
    page.on("dialog", lambda dialog: dialog.accept())
    try:
        log_in(page, platform, learner)
        # Asking for the second part first: the engine delivers the first.
        page.goto(platform + activity.url + "?sco=etuqiette_item")
        page.wait_for_url(lambda url: "sco=playing_item" in url)
        sco = sco_of(page)
        second = page.locator('.scorm-outline [data-scorm-item="etuqiette_item"]')
        expect(second).to_have_attribute("aria-disabled", "true")
        assert second.get_attribute("href") is None
        go_on = page.get_by_role("button", name="Next part")
        expect(go_on).to_be_visible()
        expect(go_on).to_be_disabled()
        expect(page.get_by_role("button", name="Previous part")).to_be_disabled()
        page.set_viewport_size({"width": 1366, "height": 900})
        shoot(page, "en-1366-first-part")
        assert serious_violations(page) == []
        page.set_viewport_size({"width": 390, "height": 844})
        shoot(page, "en-390-first-part")
        page.set_viewport_size({"width": 1366, "height": 900})

        # Playing the first part to its end passes it: Continue opens.
        for _ in range(30):
            if sco.locator("#butNext").is_disabled():
                break
            sco.locator("#butNext").click()
        expect(go_on).to_be_enabled(timeout=20_000)
        go_on.click()
        page.wait_for_url(lambda url: "sco=etuqiette_item" in url)
        sco_of(page)
        current = page.locator(".scorm-outline [aria-current='page']")
        expect(current).to_have_attribute("data-scorm-item", "etuqiette_item")
        first = page.locator(".scorm-outline li").first
        expect(first).to_contain_text("Passed")
        expect(page.get_by_role("button", name="Previous part")).to_be_enabled()
        shoot(page, "en-1366-second-part")
        assert wait_for(lambda: ScormAttempt.objects.get().sequencing_state != "")
        assert ScormRuntime.objects.get(item="playing_item").success_status == "passed"

        # In French, the same rules: the third part is still closed.
        french = translate(activity, title="Le golf, pas à pas")
        page.goto(platform + french.url)
        # The shots wait for the part's own page to paint (Golf's #contentFrame).
        content = sco_of(page).frame_locator("#contentFrame").locator("h1, h2").first
        expect(content).to_be_visible(timeout=20_000)
        third = page.locator('.scorm-outline [data-scorm-item="handicapping_item"]')
        expect(third).to_have_attribute("aria-disabled", "true")
        expect(page.get_by_role("button", name="Partie suivante")).to_be_visible()
        shoot(page, "fr-1366-second-part")
        assert serious_violations(page) == []
        page.set_viewport_size({"width": 390, "height": 844})
        shoot(page, "fr-390-second-part")
        assert not [e for e in page.console_errors if "favicon" not in e]
    finally:
        page.goto("about:blank")
