"""The quiz screens in Chromium: the navigator follows the answers, a flag
is set with its button, an ordering counts only once kept, the summary lists
what is left, a dialog asks before submitting, and the review shows the
grade by itself once it is ready."""

import re

import pytest
from playwright.sync_api import expect

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
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def named(number: str, state: str) -> re.Pattern:
    """A navigator item's name: its number, then its state in words (Chromium
    puts a space where the hidden words begin)."""
    return re.compile(rf"^{number}\s?, {state}$")


def test_taking_flagging_confirming_and_a_review_that_updates_itself(live_server, page):
    _, catalog = make_site()
    course = make_course(catalog, title="Liaison basics", lessons=1)
    bank = make_bank(course=course)
    single = make_question(bank, title="Pick")
    ordering = make_question(
        bank,
        kind=Kind.ORDERING,
        title="Steps",
        stem="<p>Put the steps in order.</p>",
        answers=[{"text": "Plan", "fraction": 0}, {"text": "Act", "fraction": 0}],
    )
    quiz = make_quiz(course, title="Liaison check", slots=[single, ordering])
    learner = UserFactory(email="taker@example.org", role=Role.STUDENT)
    enroll(learner=learner, course=course)

    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail").fill("taker@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="Start the quiz").click()

    first, second = page.locator("#nav-q1"), page.locator("#nav-q2")
    expect(first).to_have_accessible_name(named("1", "not answered"))
    expect(second).to_have_accessible_name(named("2", "not answered"))
    page.locator("#q1 input[type=radio]").first.check()
    expect(first).to_have_accessible_name(named("1", "answered"))
    expect(page.locator("#q1 .answer-state")).to_have_text("Answered")
    expect(page.locator("#autosave-status")).to_have_text(re.compile(r"^Saved \d"))

    # The flag is a form button; the page comes back at the question.
    page.locator("#q2 .flag-button").click()
    expect(second).to_have_accessible_name(named("2", "not answered, flagged"))
    expect(page.locator("#q2")).to_contain_text("Flagged for review")
    # The ordering as shown is no answer until kept.
    page.get_by_role("button", name="Keep this order").click()
    expect(second).to_have_accessible_name(named("2", "answered, flagged"))
    expect(page.get_by_role("button", name="Keep this order")).to_have_count(0)

    page.get_by_role("button", name="Finish attempt…").click()
    expect(
        page.get_by_role("heading", name="1 question flagged for review")
    ).to_be_visible()
    expect(page.locator(".finish-unanswered")).to_have_count(0)
    page.get_by_role("button", name="Submit all and finish").click()
    dialog = page.locator("#confirm-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#confirm-submit")).to_be_focused()
    dialog.get_by_role("link", name="Return to the attempt").click()
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Submit all and finish").click()
    page.get_by_role("button", name="Submit now").click()
    expect(page.locator("#attempt-state")).to_be_visible()

    # Graded at once here (tasks run in-process): put it back to "being
    # graded", then let the grade arrive while the page is open.
    attempt = Attempt.objects.get(assessment=quiz, learner=learner)
    Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.SUBMITTED)
    page.reload()
    expect(page.locator("#grading-wait")).to_be_visible()
    expect(page.locator("#attempt-score")).to_have_count(0)
    Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.GRADED)
    expect(page.locator("#attempt-score")).to_be_visible(timeout=15_000)
    expect(page.locator("#grading-wait")).to_have_count(0)
    # The next step is the one progress rule's: the course's lesson, not done.
    expect(page.locator("#review-next")).to_contain_text(
        "Next: Liaison basics lesson 1"
    )
    assert page.console_errors == []
