"""Stored XSS payloads never execute in a real browser.

Payloads go into every rich-text field learners see (question stems, options,
feedback and general feedback through the real importer; quiz intro, course
description, lesson blocks, home page intro) and into plain fields shown to
others (display names, course and lesson titles, summaries, a cohort name). Chromium
then opens every page a learner reaches, and a program manager's cohort pages
and report on that learner; each payload would set `window.__xss` or open a
dialog, and neither may happen. Links left with a `javascript:` URL are clicked.
"""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.rich_text import RichText

from accounts.models import Role
from assessments import services as assessment_services
from courses.services import sync_instructor_permissions
from enrollments import cohort_services
from enrollments import services as enrollment_services
from enrollments.models import Enrollment
from questions.models import Question
from questions.services import import_questions
from tests.factories import (
    UserFactory,
    make_course,
    make_lesson,
    make_quiz,
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAYLOADS = (
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    '<svg onload="window.__xss=3"></svg>',
    '<a href="javascript:window.__xss=4">xss-link</a>',
    '"><img src=x onerror=window.__xss=5>',
    "'><script>window.__xss=6</script>",
    '<details open ontoggle="window.__xss=7"><summary>x</summary></details>',
    '<iframe srcdoc="&lt;script&gt;parent.__xss=8&lt;/script&gt;"></iframe>',
    "<img src=x onerror=alert(9)>",
)
RICH = "<p>Rich</p>" + "".join(PAYLOADS)
# Plain fields are short: the attribute breakouts and a script.
PLAIN = "X\"'><img src=x onerror=window.__xss=10><script>window.__xss=11</script>"

# Collect CSP reports too: they tell which field left live markup.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.sample || '')));
"""


def moodle_xml() -> bytes:
    def html(text: str) -> str:
        return f"<text><![CDATA[{text}]]></text>"

    answers = "".join(
        f'<answer fraction="{fraction}" format="html">{html(label + RICH)}'
        f'<feedback format="html">{html(RICH)}</feedback></answer>'
        for fraction, label in (("100", "ok"), ("0", "no"))
    )
    return (
        "<quiz>"
        '<question type="multichoice"><name><text>XSS choice</text></name>'
        f'<questiontext format="html">{html(RICH)}</questiontext>'
        f'<generalfeedback format="html">{html(RICH)}</generalfeedback>'
        "<single>true</single><shuffleanswers>0</shuffleanswers>"
        f"{answers}</question>"
        '<question type="shortanswer"><name><text>XSS short</text></name>'
        f'<questiontext format="html">{html(RICH)}</questiontext>'
        f'<generalfeedback format="html">{html(RICH)}</generalfeedback>'
        '<answer fraction="100" format="plain_text"><text>right</text>'
        f'<feedback format="html">{html(RICH)}</feedback></answer>'
        "</question></quiz>"
    ).encode()


def build():
    home, catalog = make_site()
    home.intro = RICH
    home.hero_title = PLAIN
    home.hero_text = PLAIN
    home.save_revision().publish()

    learner = UserFactory(role=Role.STUDENT, display_name=PLAIN[:150])
    teacher = UserFactory(role=Role.INSTRUCTOR, display_name=PLAIN[:150])
    course = make_course(
        catalog, title=PLAIN, lessons=0, summary=PLAIN, description=RICH
    )
    course.instructors = [teacher]
    course.save_revision().publish()
    sync_instructor_permissions(course=course)
    lesson = make_lesson(course, title="Lesson " + PLAIN)
    lesson.summary = PLAIN
    lesson.body = [
        ("heading", PLAIN),
        ("paragraph", RichText(RICH)),
        ("callout", PLAIN),
    ]
    lesson.save_revision().publish()

    summary = import_questions(moodle_xml(), bank_name="XSS bank", format="moodle-xml")
    assert summary.ok, summary.errors
    questions = list(Question.objects.filter(bank__name="XSS bank").order_by("pk"))
    assert len(questions) == 2
    quiz = make_quiz(course, title="Quiz " + PLAIN, slots=questions, intro=RICH)

    enrollment_services.enroll(learner=learner, course=course)
    attempt = assessment_services.start_attempt(learner=learner, assessment=quiz)
    done = assessment_services.start_attempt(learner=learner, assessment=quiz)
    assert done.pk == attempt.pk
    pages = {
        "home": "/",
        "catalog": catalog.url,
        "course": course.url,
        "lesson": lesson.url,
        "quiz": quiz.url,
        "attempt": f"{quiz.url}attempt/{attempt.number}/",
        "summary": f"{quiz.url}attempt/{attempt.number}/summary/",
    }
    return pages, (learner, quiz, attempt, lesson)


def test_stored_payloads_never_execute(live_server, page):
    pages, (learner, quiz, attempt, lesson) = build()
    client = Client()
    client.force_login(learner)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(WATCH)

    def visit(name: str, path: str) -> list[str]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        for link in page.locator('a[href^="javascript:"]').all():
            link.click(force=True, no_wait_after=True)
        assert page.evaluate("typeof window.__xss") == "undefined", name
        assert dialogs == [], (name, dialogs)
        return page.evaluate("window.__violations")

    violations: dict[str, list[str]] = {}
    for name, path in pages.items():
        violations[name] = visit(name, path)
        if name in ("home", "course", "lesson", "quiz"):
            # The plain payload is on the page, as text.
            assert "onerror=window.__xss=10>" in page.inner_text("body"), name

    # Submit through the page, then read the review with options and feedback.
    page.goto(live_server.url + pages["summary"])
    # Submitting asks first (a dialog with JS).
    page.locator("#confirm-open button").click()
    page.locator("#confirm-submit").click()
    page.wait_for_url("**/review/")
    assert quiz.review_when == "immediately"
    violations["review"] = visit(
        "review", f"{quiz.url}attempt/{attempt.number}/review/"
    )
    enrollment_services.complete_lesson(learner=learner, lesson=lesson)
    for name, path in {
        "dashboard": "/dashboard/",
        "certificates": "/certificates/",
    }.items():
        violations[name] = visit(name, path)

    # The program manager's reports: a cohort named with the payload holding
    # the learner (whose display name is the payload too).
    manager = UserFactory(role=Role.PROGRAM_MANAGER, display_name="Manager")
    cohort = cohort_services.create_cohort(name=PLAIN, managers=[manager])
    cohort_services.add_member(cohort=cohort, learner=learner)
    # The manager reads the learner through the cohort's enrolment (the course
    # is done: the enrolment joins the cohort as it would have been assigned).
    Enrollment.objects.filter(learner=learner).update(cohort=cohort)
    client.force_login(manager)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    for name, path in {
        "cohorts": "/reports/cohorts/",
        "cohort": f"/reports/cohorts/{cohort.pk}/",
        "learner report": f"/reports/learners/{learner.pk}/",
    }.items():
        violations[name] = visit(name, path)
        assert "onerror=window.__xss=10>" in page.inner_text("body"), name
    # Question-bank HTML is cleaned with nh3 when stored, and plain fields are
    # escaped: no payload even reached the DOM as markup there.
    for name in (
        "attempt",
        "summary",
        "review",
        "dashboard",
        "certificates",
        "cohorts",
        "cohort",
        "learner report",
    ):
        assert violations[name] == [], (name, violations[name])
