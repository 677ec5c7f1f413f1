"""The instructor's course home and the learner's-eye preview in Chromium:
dashboard → the quiz closing soon → its editor's "Preview as a learner" →
answers → feedback, in English and in French, at 1366x900 and 390x844, with
axe-core on our own admin views (0 serious or critical). And a lesson's
paragraph typed and saved at once keeps its text (Draftail's debounce)."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts.models import Role
from assessments.models import Attempt
from lessons.models import LessonPage
from questions.kinds import Kind
from tests.factories import (
    PASSWORD,
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
    make_site,
    teach,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SHOTS_DIR", ROOT / "var" / "e2e" / "screenshots"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


def _axe_serious(page) -> list[str]:
    # Over the DevTools protocol: the CSP refuses an inline script tag.
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text() + "\n;true")
    result = page.evaluate(
        "() => axe.run(document.querySelector('main') || document,"
        " {resultTypes: ['violations']})"
    )
    return [
        f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _log_in(page, base: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


def _world():
    _home, catalog = make_site()
    teacher = UserFactory(
        email="teacher@example.org", role=Role.INSTRUCTOR, is_staff=True
    )
    course = make_course(catalog, title="Map reading", lessons=1)
    teach(course, teacher)
    bank = make_bank("Maps", course=course)
    single = make_question(
        bank,
        stem="<p>Which way is north on a standard map?</p>",
        answers=[
            {"text": "<p>Up</p>", "fraction": 1, "feedback": "<p>Yes: up.</p>"},
            {"text": "<p>Down</p>", "fraction": 0, "feedback": "<p>No.</p>"},
        ],
    )
    short = make_question(
        bank,
        kind=Kind.SHORT_ANSWER,
        stem="<p>What does a contour line join?</p>",
        answers=[
            {
                "text": "*height*",
                "fraction": 1,
                "feedback": "<p>Points of equal height.</p>",
            }
        ],
    )
    quiz = make_quiz(
        course,
        title="Map check",
        slots=[single, short],
        shuffle_questions=True,
        closes_at=timezone.now() + timedelta(days=5),
    )
    return teacher, course, quiz


def _walk(page, base: str, language: str, size: str, quiz) -> list[str]:
    """Dashboard → quiz editor → preview → answers → feedback; the axe
    findings of our own views."""
    folder = SHOTS / f"{language}-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    found = []
    page.goto(base + "/admin/")
    heading = {"en": "Your courses", "fr": "Vos cours"}[language]
    expect(page.locator("#course-home-section")).to_contain_text(heading)
    expect(page.locator("#course-home-section")).to_contain_text("Map reading")
    page.screenshot(path=str(folder / "01-dashboard.png"), full_page=True)
    found += [f"dashboard: {v}" for v in _axe_serious(page)]

    page.locator("#closing-soon-section").get_by_role("link", name="Map check").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{quiz.pk}/edit/$"))
    # The editor's action menu ("More actions", "Plus d'actions").
    page.locator("button.w-dropdown__toggle").filter(
        has_text=re.compile("actions", re.I)
    ).last.click()
    preview = {"en": "Preview as a learner", "fr": "Aperçu comme un apprenant"}
    page.get_by_role("link", name=preview[language]).click()
    page.wait_for_url(re.compile(rf"/admin/assessments/preview/quiz/{quiz.pk}/$"))
    page.screenshot(path=str(folder / "02-preview.png"), full_page=True)
    found += [f"preview: {v}" for v in _axe_serious(page)]

    page.get_by_label("Up", exact=True).check()
    answer = {"en": "Answer", "fr": "Réponse"}[language]
    page.get_by_role("textbox", name=answer).fill("points of the same height")
    check = {"en": "Check my answers", "fr": "Vérifier mes réponses"}[language]
    page.get_by_role("button", name=check).click()
    expect(page.locator("#preview-result")).to_contain_text("2\u00a0/\u00a02")
    expect(page.locator(".quiz-preview")).to_contain_text("Yes: up.")
    expect(page.locator(".quiz-preview")).to_contain_text("Points of equal height.")
    page.screenshot(path=str(folder / "03-feedback.png"), full_page=True)
    found += [f"feedback: {v}" for v in _axe_serious(page)]
    return found


def test_dashboard_to_quiz_preview_in_english_and_french(live_server, browser):
    teacher, _course, quiz = _world()
    base = live_server.url
    problems = []
    for language in ("en", "fr"):
        profile = UserProfile.get_for_user(teacher)
        profile.preferred_language = language
        profile.save()
        for size, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.set_default_timeout(20_000)
            errors = []
            page.on(
                "console",
                lambda m, errors=errors: (
                    errors.append(m.text) if m.type == "error" else None
                ),
            )
            try:
                _log_in(page, base, teacher.email)
                problems += _walk(page, base, language, size, quiz)
            finally:
                context.close()
            assert errors == [], errors
    assert problems == [], problems
    assert not Attempt.objects.exists()  # previews store nothing
    assert settings.LANGUAGE_CODE == "en"


def test_a_paragraph_typed_and_saved_at_once_keeps_its_text(live_server, page):
    teacher, course, _quiz = _world()
    base = live_server.url
    _log_in(page, base, teacher.email)
    page.goto(f"{base}/admin/pages/add/lessons/lessonpage/{course.pk}/")
    page.fill("#id_title", "Grid references")
    page.fill("#id_estimated_minutes", "10")
    page.locator("[data-contentpath=body] button[title='Insert a block']").first.click()
    page.get_by_role(
        "option", name=re.compile("Paragraph|Rich text", re.I)
    ).first.click()
    editor = page.locator("[data-contentpath=body] [contenteditable=true]").first
    editor.click()
    page.keyboard.type("Read across, then up.")
    # No wait for Draftail's debounce: saved at once, as an author in a hurry.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.screenshot(path=str(SHOTS / "lesson-saved-at-once.png"), full_page=True)
    lesson = LessonPage.objects.get(title="Grid references")
    body = lesson.get_latest_revision_as_object().body
    assert "Read across, then up." in body[0].value.source
