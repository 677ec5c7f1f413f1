"""Taking and reviewing a quiz as Moodle's learners expect: the navigator and
flags, an ordering that is no answer until given, the summary and the
confirmation, the grading status the review polls, the verdicts and feedback
of the review, the next step, and one grade format."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import timezone, translation
from wagtail import hooks

from assessments import services
from assessments.forms import answers_from_post
from assessments.models import Attempt, Response
from assessments.presentation import OptionTokens, is_answered
from core import grades
from enrollments.models import Enrollment
from enrollments.review_next import CERTIFICATE_FOR_ENROLMENT
from enrollments.services import complete_lesson
from questions.kinds import Kind
from tests.factories import UserFactory, make_lesson, make_quiz

pytestmark = pytest.mark.django_db


def url(quiz, route="", *args):
    return quiz.url + (quiz.reverse_subpage(route, args=args) if route else "")


def start(client, quiz):
    assert client.post(url(quiz, "start")).status_code == 302
    return Attempt.objects.get(assessment=quiz, status="in_progress")


def body(response) -> str:
    return response.content.decode()


def submit_and_grade(client, quiz, attempt, capture, data=None):
    with capture(execute=True):
        client.post(url(quiz, "submit", attempt.number), data or {})
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    return attempt


def choice_token(attempt, slot, text):
    entry = next(e for e in attempt.questions_snapshot if e["slot"] == slot)
    choice = next(c for c in entry["choices"] if text in c["text"])
    return OptionTokens(attempt).token(slot, choice["id"])


def test_the_navigator_tells_answered_and_flagged_in_words(client, quiz, enrolled):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    page = body(client.get(url(quiz, "take", attempt.number)))
    assert page.count('class="nav-item" id="nav-q') == 2  # neither answered nor flagged
    assert page.count(", not answered") >= 2
    assert "Choose one answer." in page and "Type a short answer." in page
    assert "Marked out of 1" in page

    # The flag is a form button: the page's answers are saved with it.
    response = client.post(
        url(quiz, "take", attempt.number),
        {"q1-shown": "1", "q1": choice_token(attempt, 1, "Paris"), "flag": "1:1"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#q1")
    first = Response.objects.get(attempt=attempt, slot=1)
    assert first.flagged and first.answer is not None
    page = body(client.get(url(quiz, "take", attempt.number)))
    assert 'class="nav-item answered flagged"' in page
    assert ", answered" in page and ", flagged" in page
    assert "Remove flag" in page and "Flagged for review" in page

    client.post(url(quiz, "take", attempt.number), {"flag": "1:0"})
    assert not Response.objects.get(attempt=attempt, slot=1).flagged


@pytest.mark.parametrize("raw", ["x:1", "99999999:1", "", ":1", "2:"])
def test_a_bad_flag_is_ignored_and_never_an_error(client, quiz, enrolled, raw):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    response = client.post(url(quiz, "take", attempt.number), {"flag": raw})
    assert response.status_code == 302
    assert not Response.objects.filter(attempt=attempt, flagged=True).exists()


def test_a_closed_attempt_cannot_be_flagged(quiz, enrolled):
    attempt = services.start_attempt(learner=enrolled, assessment=quiz)
    services.submit_attempt(attempt=attempt)
    assert services.set_flag(attempt=attempt, slot=1, flagged=True) is False
    assert not Response.objects.filter(attempt=attempt, flagged=True).exists()


ORDERING = {
    "slot": 3,
    "type": Kind.ORDERING,
    "items": [{"id": "i2", "text": "B"}, {"id": "i1", "text": "A"}],
}


class FakeTokens:
    def token(self, slot, item_id):
        return item_id


def posted(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    data["q3-shown"] = "1"
    for key, value in fields.items():
        data[key.replace("_", "-")] = value
    return data


def test_an_ordering_is_no_answer_until_moved_or_kept():
    as_shown = {"q3_i2": "1", "q3_i1": "2"}
    untouched = answers_from_post([ORDERING], posted(**as_shown), FakeTokens())
    assert untouched == {3: None}
    moved = answers_from_post([ORDERING], posted(q3_i2="2", q3_i1="1"), FakeTokens())
    assert moved == {3: ["i1", "i2"]}
    kept = posted(**as_shown)
    kept["keep"] = "3"
    assert answers_from_post([ORDERING], kept, FakeTokens()) == {3: ["i2", "i1"]}
    # Once answered, the page says so, and the order shown stays the answer.
    answered = answers_from_post(
        [ORDERING], posted(q3_moved="1", **as_shown), FakeTokens()
    )
    assert answered == {3: ["i2", "i1"]}


def test_what_counts_as_answered():
    assert not any(is_answered(a) for a in (None, "", "  ", [], ["", ""], {}))
    assert not is_answered({"p1": ""})
    assert all(is_answered(a) for a in ("x", ["", "y"], {"p1": "t1"}, ["i1"]))


def test_summary_lists_unanswered_and_flagged_and_confirmation_asks(
    client, quiz, enrolled
):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    client.post(url(quiz, "take", attempt.number), {"q2-shown": "1", "flag": "2:1"})
    summary = body(client.get(url(quiz, "summary", attempt.number)))
    assert "2 questions not answered" in summary
    assert "1 question flagged for review" in summary
    assert f"{url(quiz, 'take', attempt.number)}?page=1#q2" in summary
    # Without a script the button opens the confirmation page; with one, the
    # dialog holds the same form.
    assert f'action="{url(quiz, "confirm", attempt.number)}"' in summary
    assert '<dialog id="confirm-dialog"' in summary
    confirm = client.get(url(quiz, "confirm", attempt.number))
    assert confirm.status_code == 200
    text = body(confirm)
    assert "<h1" in text and "Submit your attempt?" in text
    assert "2 questions are not answered." in text
    assert f'action="{url(quiz, "submit", attempt.number)}"' in text
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS  # asking submits nothing


def test_confirmation_of_a_submitted_attempt_goes_to_the_review(client, quiz, enrolled):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    services.submit_attempt(attempt=attempt)
    response = client.get(url(quiz, "confirm", attempt.number))
    assert response.status_code == 302
    assert response["Location"].endswith(url(quiz, "review", attempt.number))


def test_the_status_the_review_polls_is_the_owners_only(
    client, quiz, enrolled, course, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    client.post(url(quiz, "submit", attempt.number))  # grading not run yet
    status = client.get(url(quiz, "status", attempt.number))
    assert status.status_code == 200
    assert status.json()["ready"] is False and status["Cache-Control"] == "no-store"
    review = body(client.get(url(quiz, "review", attempt.number)))
    assert 'id="grading-wait"' in review and "review-status.js" in review
    assert "Check again" in review  # without a script, a plain link
    assert 'id="review-next"' not in review

    services.grade_attempt(attempt_id=attempt.pk)
    assert client.get(url(quiz, "status", attempt.number)).json()["ready"] is True
    assert client.post(url(quiz, "status", attempt.number)).status_code == 405

    from enrollments.services import enroll

    stranger = UserFactory()
    enroll(learner=stranger, course=course)
    client.force_login(stranger)
    assert client.get(url(quiz, "status", attempt.number)).status_code == 404


def test_review_shows_verdicts_option_feedback_and_one_grade_format(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    data = {
        "q1-shown": "1",
        "q1": choice_token(attempt, 1, "Lyon"),
        "q2-shown": "1",
        "q2": "civil-military cooperation",
    }
    submit_and_grade(client, quiz, attempt, django_capture_on_commit_callbacks, data)
    review = body(client.get(url(quiz, "review", attempt.number)))
    assert "Wrong" in review and "verdict-wrong" in review and "✗" in review
    assert "Right" in review and "verdict-right" in review
    # The chosen option's feedback sits beside it, once; the other's is not shown.
    assert review.count("FEEDBACK-WRONG") == 1 and "FEEDBACK-RIGHT" not in review
    feedback_at = review.index("FEEDBACK-WRONG")
    assert review.rfind("Lyon", 0, feedback_at) > review.rfind("Paris", 0, feedback_at)
    assert "GENERAL-FEEDBACK" in review
    assert "1\xa0/\xa02 · 50\xa0%" in review  # the attempt
    assert "0\xa0/\xa01 · 0\xa0%" in review and "1\xa0/\xa01 · 100\xa0%" in review


def test_review_keeps_keys_hidden_when_the_policy_does(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    quiz.review_show_correct = False
    quiz.save()
    client.force_login(enrolled)
    attempt = start(client, quiz)
    data = {"q1-shown": "1", "q1": choice_token(attempt, 1, "Lyon")}
    submit_and_grade(client, quiz, attempt, django_capture_on_commit_callbacks, data)
    review = body(client.get(url(quiz, "review", attempt.number)))
    assert "badge" not in review and "incorrect" not in review
    assert 'class="chosen right' not in review and "chosen wrong" not in review


def test_next_step_after_review(
    client, quiz, course, enrolled, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    submit_and_grade(client, quiz, attempt, django_capture_on_commit_callbacks)
    # The course's lesson is not done yet: the one progress rule's next step.
    lesson = course.get_children().live().first().specific
    review = body(client.get(url(quiz, "review", attempt.number)))
    assert f"Next: {lesson.title}" in review and f'href="{lesson.url}"' in review

    complete_lesson(learner=enrolled, lesson=lesson)
    review = body(client.get(url(quiz, "review", attempt.number)))
    assert "Back to the course" in review and f'href="{course.url}"' in review

    following = make_lesson(course, title="Working with the military")
    review = body(client.get(url(quiz, "review", attempt.number)))
    assert "Next: Working with the military" in review
    assert f'href="{following.url}"' in review

    Enrollment.objects.filter(learner=enrolled).update(
        status="completed", completed_at=timezone.now()
    )

    def certificate_at(request, enrollment):
        assert enrollment.learner_id == enrolled.pk
        return "/en/certificates/"

    with hooks.register_temporarily(CERTIFICATE_FOR_ENROLMENT, certificate_at):
        review = body(client.get(url(quiz, "review", attempt.number)))
    assert "Your certificate is ready" in review
    assert 'href="/en/certificates/"' in review


def test_no_next_step_for_a_learner_not_enrolled_any_more(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    submit_and_grade(client, quiz, attempt, django_capture_on_commit_callbacks)
    make_quiz(quiz.get_parent().specific, title="Final test")
    Enrollment.objects.filter(learner=enrolled).update(
        status="completed", completed_at=timezone.now()
    )
    review = body(client.get(url(quiz, "review", attempt.number)))
    # Completed, no certificate yet: the next item still.
    assert "Next: Final test" in review


def test_one_grade_format():
    assert grades.grade(Decimal("7.5"), Decimal("10")) == "7.5\xa0/\xa010 · 75\xa0%"
    assert grades.grade(Decimal("2"), Decimal("3")) == "2\xa0/\xa03 · 66.67\xa0%"
    assert (
        grades.grade(Decimal("1.50"), Decimal("2.00"), Decimal("75.00"))
        == "1.5\xa0/\xa02 · 75\xa0%"
    )
    assert grades.grade(Decimal("0"), Decimal("0")) == "0\xa0/\xa00"
    assert grades.grade(None, Decimal("3")) == ""
    assert grades.percent(None) == ""
    with translation.override("fr"):
        assert grades.grade(Decimal("7.5"), Decimal("10")) == "7,5\xa0/\xa010 · 75\xa0%"


def test_one_question_a_page_navigates_by_saving_buttons(
    client, course, single, short, enrolled
):
    quiz = make_quiz(
        course, title="Paged", slots=[single, short], layout="one_per_page"
    )
    client.force_login(enrolled)
    attempt = start(client, quiz)
    page = body(client.get(url(quiz, "take", attempt.number) + "?page=2"))
    assert page.count('type="submit" name="go" value="1" class="nav-item') == 1
    assert 'id="nav-q2" data-slot="2" aria-current="step"' in page
    response = client.post(
        url(quiz, "take", attempt.number) + "?page=2",
        {"q2-shown": "1", "q2": "civil", "flag": "2:1"},
    )
    assert response["Location"].endswith("?page=2#q2")
    second = Response.objects.get(attempt=attempt, slot=2)
    assert second.flagged and second.answer == "civil"
    summary = body(client.get(url(quiz, "summary", attempt.number)))
    assert f"{url(quiz, 'take', attempt.number)}?page=2#q2" in summary
