"""Notifications end to end (issue 21), in English and in French, at desktop
and phone sizes: a learner asks a question in the course discussion, the
instructor answers and marks it, the learner sees the notification in the
bell and the centre and the answered mark; an instructor grades the
learner's essay, which reaches the learner's centre and the (captured)
mailbox. axe-core runs on every page visited: no serious or critical
violation. Screenshots in var/e2e/screenshots/notifications-<lang>/ and
/work/shots/notify/ when that folder exists."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from accounts.models import Role
from assessments import services as assessments
from discussions.models import Thread
from enrollments import services as enrollment_services
from questions.kinds import Kind
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
    make_site,
    teach,
)

from .conftest import OUT, PHONE

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/work/shots/notify")
WORDS = {
    "en": {"answer": "Answer", "graded": "was graded", "reply": "New reply in"},
    "fr": {"answer": "Réponse", "graded": "a été notée", "reply": "Nouvelle réponse"},
}


def _sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
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


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_question_answered_and_an_essay_graded_reach_the_learner(
    live_server, browser, evidence, language
):
    words = WORDS[language]
    _home, catalog = make_site()
    course = make_course(catalog, title="Shelter coordination", lessons=1)
    learner = UserFactory(role=Role.STUDENT, display_name="Lea", language=language)
    teacher = UserFactory(role=Role.INSTRUCTOR, display_name="Teacher")
    teach(course, teacher)
    enrollment_services.enroll(learner=learner, course=course)
    shots = OUT / "screenshots" / f"notifications-{language}"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    count = 0

    def shoot(view, label: str) -> None:
        """Desktop screenshot, axe, and the same page at phone size."""
        nonlocal count
        count += 1
        name = f"{language}-{count:02d}-{label}"
        view.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        evidence.check_axe(f"notifications-{name}", view)
        phone = browser.new_context(
            viewport=PHONE, storage_state=view.context.storage_state()
        ).new_page()
        phone.goto(view.url)
        phone.screenshot(path=str(shots / f"{name}-phone.png"), full_page=True)
        phone.context.close()
        if SHOTS.is_dir():
            for suffix in ("", "-phone"):
                shutil.copy(shots / f"{name}{suffix}.png", SHOTS)

    desk = {"width": 1366, "height": 900}
    learner_page = browser.new_context(viewport=desk).new_page()
    teacher_page = browser.new_context(viewport=desk).new_page()
    base = live_server.url
    try:
        # The learner asks a question through the real form.
        _sign_in(learner_page, live_server, learner)
        learner_page.goto(f"{base}/{language}/discussions/courses/{course.pk}/new/")
        learner_page.fill("input[name=title]", "Who leads the shelter cluster?")
        learner_page.fill("textarea[name=body]", "Which agency coordinates it?")
        learner_page.locator("form.stacked-form button[type=submit]").click()
        learner_page.wait_for_url("**/discussions/threads/*/")
        thread = Thread.objects.get()
        assert thread.kind == Thread.Kind.QUESTION

        # The instructor answers and marks the answer.
        _sign_in(teacher_page, live_server, teacher)
        teacher_page.goto(f"{base}/en/discussions/threads/{thread.pk}/")
        teacher_page.fill("textarea[name=body]", "UNHCR leads it in conflicts.")
        teacher_page.locator("#reply button[type=submit]").click()
        teacher_page.wait_for_load_state("load")
        answer = thread.posts.get(opening=False)
        post = teacher_page.locator(f"#post-{answer.pk}")
        post.locator("summary").click()
        post.locator("select[name=action]").select_option("answer")
        post.locator("button[type=submit]").click()
        teacher_page.wait_for_load_state("load")
        thread.refresh_from_db()
        assert thread.answered

        # The learner: the bell counts it, the centre lists it, the thread
        # shows the answer first with its mark.
        learner_page.goto(f"{base}/{language}/")
        bell = learner_page.locator("a.bell .bell-count")
        unread = learner.notifications.filter(read_at__isnull=True)
        assert unread.filter(kind="discussion_reply").count() == 1
        expect(bell).to_have_text(str(unread.count()))
        shoot(learner_page, "bell")
        learner_page.goto(f"{base}/{language}/notifications/")
        expect(learner_page.locator(".notice-list")).to_contain_text(words["reply"])
        shoot(learner_page, "centre-reply")
        learner_page.locator(".notice-unread button[name=open]").first.click()
        learner_page.wait_for_url(
            re.compile(rf"/{language}/discussions/threads/{thread.pk}/(#.*)?$")
        )
        expect(learner_page.locator(".answer-mark")).to_contain_text(words["answer"])
        shoot(learner_page, "thread-answered")

        # An essay graded reaches the centre and the mailbox.
        essay = make_question(
            make_bank("Essays", course=course),
            kind=Kind.ESSAY,
            stem="<p>Reflect.</p>",
            answers=[],
            default_mark=5,
        )
        quiz = make_quiz(course, title="Reflection", slots=[essay])
        attempt = assessments.start_attempt(learner=learner, assessment=quiz)
        assessments.save_answers(
            attempt=attempt,
            answers={attempt.questions_snapshot[0]["slot"]: "Coordination."},
        )
        assessments.submit_attempt(attempt=attempt)
        mail.outbox.clear()
        assessments.grade_response(
            response=attempt.responses.get(),
            grader=teacher,
            score=Decimal(4),
            comment="Good",
        )
        (message,) = [m for m in mail.outbox if learner.email in m.to]
        assert words["graded"] in message.subject
        assert f"/{language}/" in message.body and "unsubscribe" in message.body
        assert message.alternatives[0].mimetype == "text/html"
        learner_page.goto(f"{base}/{language}/notifications/")
        expect(learner_page.locator(".notice-list")).to_contain_text(words["graded"])
        shoot(learner_page, "centre-graded")
        learner_page.goto(f"{base}/{language}/notifications/settings/")
        shoot(learner_page, "settings")
    finally:
        learner_page.context.close()
        teacher_page.context.close()
    serious = evidence.serious()
    assert serious == {}, serious
