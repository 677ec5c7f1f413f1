"""Scheduled notifications of quizzes: a result released when the review
opens (once per attempt), and the instructors' daily count of essays waiting
(once per course and day)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from assessments import releases, tasks
from assessments import services as assessments
from assessments.models import Attempt, ReviewWhen
from notifications.models import Delivery, Notification
from questions.kinds import Kind
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
    teach,
)

pytestmark = pytest.mark.django_db


def graded_attempt(learner, quiz, capture):
    attempt = assessments.start_attempt(learner=learner, assessment=quiz)
    with capture(execute=True):
        assessments.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="CIMIC basics", lessons=1)


@pytest.fixture
def closing_quiz(course):
    question = make_question(make_bank("Bank", course=course))
    return make_quiz(
        course,
        title="Final check",
        slots=[question],
        review_when=ReviewWhen.AFTER_CLOSE,
        closes_at=timezone.now() + timedelta(hours=2),
    )


def test_the_result_is_released_once_when_the_quiz_closes(
    learner, closing_quiz, django_capture_on_commit_callbacks
):
    attempt = graded_attempt(learner, closing_quiz, django_capture_on_commit_callbacks)
    assert attempt.status == Attempt.Status.GRADED
    # Still closed: nobody is told.
    assert releases.release_results() == 0
    after = closing_quiz.closes_at + timedelta(minutes=30)
    with django_capture_on_commit_callbacks(execute=True):
        assert releases.release_results(now=after) == 1
        # The next hourly run, a retry, an overlapping worker: nothing twice.
        assert releases.release_results(now=after + timedelta(hours=1)) == 0
        assert releases.release_results(now=after) == 0
    (note,) = Notification.objects.filter(recipient=learner, kind="quiz_result")
    assert note.dedupe_key == f"quiz-result:{attempt.pk}"
    assert note.url.endswith(f"/attempt/{attempt.number}/review/")
    assert note.render("en") == (
        "Your result for Final check is available",
        "The review of Final check (CIMIC basics) is now open.",
    )
    # Long after the close the quiz is not read again.
    Notification.objects.all().delete()
    assert releases.release_results(now=after + timedelta(days=4)) == 0


def test_no_release_for_a_quiz_reviewed_at_once_or_never(
    learner, course, django_capture_on_commit_callbacks
):
    question = make_question(make_bank("Other", course=course))
    closes = timezone.now() + timedelta(hours=1)
    for when in (ReviewWhen.IMMEDIATELY, ReviewWhen.NEVER):
        quiz = make_quiz(course, slots=[question], review_when=when, closes_at=closes)
        graded_attempt(learner, quiz, django_capture_on_commit_callbacks)
    assert releases.release_results(now=closes + timedelta(minutes=5)) == 0
    assert not Notification.objects.filter(kind="quiz_result").exists()


def test_the_schedules_exist():
    from django_q.models import Schedule

    funcs = set(Schedule.objects.values_list("func", flat=True))
    assert {
        "assessments.tasks.release_results",
        "assessments.tasks.remind_essays_waiting",
    } <= funcs
    assert tasks.release_results() == 0


def test_instructors_hear_of_essays_waiting_once_a_day(
    learner, instructor, course, django_capture_on_commit_callbacks
):
    other_teacher = UserFactory()
    teach(course, instructor, other_teacher)
    essay = make_question(
        make_bank("Essays", course=course),
        kind=Kind.ESSAY,
        stem="<p>Reflect.</p>",
        answers=[],
        default_mark=5,
    )
    quiz = make_quiz(course, slots=[essay])
    for person in (learner, UserFactory()):
        attempt = assessments.start_attempt(learner=person, assessment=quiz)
        assessments.save_answers(
            attempt=attempt,
            answers={attempt.questions_snapshot[0]["slot"]: "Coordination."},
        )
        with django_capture_on_commit_callbacks(execute=True):
            assessments.submit_attempt(attempt=attempt)
    assert releases.remind_essays_waiting() == 1
    assert releases.remind_essays_waiting() == 1  # the same day: no second row
    notes = Notification.objects.filter(kind="essays_waiting")
    recipients = set(notes.values_list("recipient_id", flat=True))
    assert recipients == {instructor.pk, other_teacher.pk, course.owner_id} - {None}
    assert not notes.filter(recipient=learner).exists()
    note = notes.get(recipient=instructor)
    assert note.delivery == Delivery.DIGEST
    assert note.render("en")[1] == "2 answers wait for grading in CIMIC basics."
    assert note.render("fr")[1] == (
        "2 réponses attendent d’être notées dans CIMIC basics."  # noqa: RUF001
    )
    # Tomorrow, still waiting: told again.
    tomorrow = timezone.now() + timedelta(days=1)
    assert releases.remind_essays_waiting(now=tomorrow) == 1
    assert notes.filter(recipient=instructor).count() == 2
    assert User.objects.filter(pk=learner.pk).exists()
