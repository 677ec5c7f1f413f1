"""The learner's side of a quiz, through HTTP, as the browser uses it."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Strings only an answer key or feedback contains (see conftest).
SECRETS = (
    "FEEDBACK-RIGHT",
    "FEEDBACK-WRONG",
    "FEEDBACK-SHORT",
    "GENERAL-FEEDBACK",
    "civil-military co*",
    '"fraction"',
    "accepted",
)


def url(quiz, route="", *args):
    return quiz.url + (quiz.reverse_subpage(route, args=args) if route else "")


def assert_no_secrets(response):
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body, (
            f"{secret!r} leaked in {response.request['PATH_INFO']}"
        )


def start(client, quiz):
    response = client.post(url(quiz, "start"))
    assert response.status_code == 302
    return Attempt.objects.get(assessment=quiz, status="in_progress")


def test_a_stranger_is_sent_to_log_in_and_a_non_member_to_the_course(
    client, quiz, learner
):
    response = client.get(url(quiz))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(learner)
    response = client.get(url(quiz))
    assert response.status_code == 302
    assert response["Location"] == quiz.get_parent().url


def test_taking_a_quiz_never_shows_keys_or_feedback(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    assert_no_secrets(client.get(url(quiz)))
    attempt = start(client, quiz)
    page = client.get(url(quiz, "take", attempt.number))
    assert page.status_code == 200
    assert "Capital of France?" in page.content.decode()
    assert_no_secrets(page)

    data = {"q1-shown": "1", "q2-shown": "1", "q2": "civil military coop"}
    autosave = client.post(url(quiz, "save", attempt.number), data)
    assert autosave.status_code == 200
    assert autosave.json()["ok"] is True
    assert_no_secrets(autosave)
    assert_no_secrets(client.get(url(quiz, "summary", attempt.number)))

    quiz.review_when = "never"
    quiz.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(quiz, "submit", attempt.number))
    review = client.get(url(quiz, "review", attempt.number))
    assert "does not show results" in review.content.decode()
    assert_no_secrets(review)
    assert_no_secrets(client.get(url(quiz)))


def test_review_shows_what_the_policy_allows(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    short_slot = next(
        e["slot"] for e in attempt.questions_snapshot if e["type"] == "shortanswer"
    )
    client.post(
        url(quiz, "take", attempt.number),
        {f"q{short_slot}-shown": "1", f"q{short_slot}": "Civil-Military Cooperation"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(quiz, "submit", attempt.number))

    quiz.review_when = "after_close"
    quiz.closes_at = timezone.now() + timedelta(days=1)
    quiz.save()
    before_close = client.get(url(quiz, "review", attempt.number)).content.decode()
    assert "Results will be shown after" in before_close
    assert "FEEDBACK-SHORT" not in before_close

    quiz.review_when = "immediately"
    quiz.review_show_correct = False
    quiz.save()
    no_keys = client.get(url(quiz, "review", attempt.number)).content.decode()
    assert "FEEDBACK-SHORT" in no_keys and "GENERAL-FEEDBACK" in no_keys
    assert "Right answer" not in no_keys
    assert re.search(r"1 / 2\b", no_keys)

    quiz.review_show_correct = True
    quiz.review_show_feedback = False
    quiz.save()
    keys = client.get(url(quiz, "review", attempt.number)).content.decode()
    assert "civil-military co*" in keys
    assert "FEEDBACK-SHORT" not in keys


def test_another_learners_attempt_is_a_404(client, quiz, enrolled, course):
    attempt = services.start_attempt(learner=enrolled, assessment=quiz)
    other = UserFactory()
    from enrollments.services import enroll

    enroll(learner=other, course=course)
    client.force_login(other)
    for route in ("take", "summary", "review"):
        assert client.get(url(quiz, route, attempt.number)).status_code == 404
    assert client.post(url(quiz, "save", attempt.number), {}).status_code == 404
    assert client.post(url(quiz, "submit", attempt.number)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"


def test_one_question_per_page_navigates_and_keeps_answers(client, quiz, enrolled):
    quiz.layout = "one_per_page"
    quiz.save()
    client.force_login(enrolled)
    attempt = start(client, quiz)
    first = attempt.questions_snapshot[0]
    choice = first["choices"][0]["id"]
    response = client.post(
        url(quiz, "take", attempt.number), {"q1-shown": "1", "q1": choice, "go": "2"}
    )
    assert response["Location"].endswith("?page=2")
    second_page = client.get(response["Location"]).content.decode()
    assert 'name="q2-shown"' in second_page and 'name="q1-shown"' not in second_page
    assert attempt.responses.get(slot=1).answer == choice


def test_after_the_deadline_the_page_submits_and_autosave_says_so(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    quiz.time_limit_minutes = 1
    quiz.save()
    client.force_login(enrolled)
    attempt = start(client, quiz)
    page = client.get(url(quiz, "take", attempt.number)).content.decode()
    assert 'data-seconds-left="6' in page or 'data-seconds-left="5' in page
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        late = client.post(
            url(quiz, "save", attempt.number), {"q2-shown": "1", "q2": "x"}
        )
    assert late.status_code == 409
    assert json.loads(late.content)["redirect"].endswith("/review/")
    attempt.refresh_from_db()
    assert attempt.status == "graded" and attempt.auto_submitted


def test_start_and_submit_refuse_get(client, quiz, enrolled):
    client.force_login(enrolled)
    assert client.get(url(quiz, "start")).status_code == 405
    assert not Attempt.objects.exists()


def test_options_are_named_by_tokens_and_stored_by_snapshot_id(client, quiz, enrolled):
    """The page names options by per-attempt tokens; what is stored stays the
    snapshot's id, so grading and attempts started before tokens still work,
    and a page rendered before tokens (raw ids) still saves."""
    client.force_login(enrolled)
    attempt = start(client, quiz)
    entry = next(e for e in attempt.questions_snapshot if e["type"] == "single")
    slot, right = entry["slot"], entry["choices"][0]["id"]
    # Stored as an attempt from before tokens stored it.
    services.save_answers(attempt=attempt, answers={slot: right})
    page = client.get(url(quiz, "take", attempt.number)).content.decode()
    assert f'value="{right}"' not in page
    checked = re.findall(rf'name="q{slot}" value="([^"]+)" checked', page)
    assert len(checked) == 1 and checked[0].startswith("o")

    other = next(c["id"] for c in entry["choices"] if c["id"] != right)
    token = next(
        v
        for v in re.findall(rf'name="q{slot}" value="([^"]+)"', page)
        if v != checked[0]
    )
    client.post(
        url(quiz, "save", attempt.number), {f"q{slot}-shown": "1", f"q{slot}": token}
    )
    assert attempt.responses.get(slot=slot).answer == other
    client.post(
        url(quiz, "save", attempt.number), {f"q{slot}-shown": "1", f"q{slot}": right}
    )
    assert attempt.responses.get(slot=slot).answer == right
    # A name from another question or attempt names nothing here.
    client.post(
        url(quiz, "save", attempt.number), {f"q{slot}-shown": "1", f"q{slot}": "oaaaa"}
    )
    assert attempt.responses.get(slot=slot).answer is None
