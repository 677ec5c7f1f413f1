"""Issue 19's learner journey (tests/e2e/learner.py) in English and French, at
1366 x 900 and 390 x 844: every step walked in all four runs (the phone runs
take screenshots of the key pages only). axe-core on every key page: no
serious or critical violation; no key page wider than its viewport."""

import pytest
from django.core.management import call_command

from . import learner

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(
    "viewport", [learner.DESKTOP, learner.PHONE], ids=["desktop", "phone"]
)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_learners_journey(
    origins, browser, evidence, monkeypatch, language, viewport
):
    base, _ = origins
    call_command("seed_demo", verbosity=0)
    setup = learner.prepare(learner.LANGUAGES[language])
    grading = learner.HeldGrading(monkeypatch)
    context = browser.new_context(
        viewport=viewport,
        locale="fr-FR" if language == "fr" else "en-GB",
        is_mobile=viewport == learner.PHONE,
        has_touch=viewport == learner.PHONE,
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    walk = learner.new_walk(page, base, learner.LANGUAGES[language], viewport, evidence)
    try:
        learner.signs_up(walk)
        learner.finds_the_course_by_a_topic_chip(walk, setup)
        learner.enrols_and_reads_the_outline(walk, setup)
        learner.the_feed_carries_the_quiz_close_date(walk, setup)
        learner.reads_the_lessons(walk, setup)
        learner.takes_the_timed_quiz(walk, setup)
        learner.the_review_updates_by_itself(walk, setup, grading)
        certificate = learner.gets_the_certificate(walk, setup)
        learner.the_feed_carries_the_certificate_expiry(walk, setup, certificate)
    finally:
        page.goto("about:blank")
        context.close()

    assert errors == []
    assert evidence.serious() == {}, "axe: serious or critical violations"
    too_wide = {
        label: width
        for label, width in walk.widths.items()
        if width > viewport["width"]
    }
    assert too_wide == {}, f"wider than {viewport['width']} px"
    assert len(walk.widths) >= 12
