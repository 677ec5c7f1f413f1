"""From a graded attempt to the completion records: one enrolments task
records the course and the learning paths it completes, and the signals
certificates listen to go out once, whatever the retries; an attempt whose
completion step was lost is found by the reconciler. Real services, the sync
cluster and on-commit callbacks executed."""

from datetime import timedelta
from decimal import Decimal

import pytest

from assessments import services as quiz_services
from assessments.models import Attempt
from certificates.models import Certificate
from enrollments import services, tasks
from enrollments.models import Enrollment, PathCompletion
from enrollments.signals import enrollment_completed, path_completed
from questions.kinds import Kind
from tests.factories import make_bank, make_course, make_path, make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Humanitarian access", lessons=0)


@pytest.fixture
def quiz(course):
    question = make_question(make_bank(course=course))
    return make_quiz(course, title="Access check", slots=[question], pass_mark=50)


@pytest.fixture
def path(catalog, course):
    return make_path(catalog, [course], title="Access negotiator")


@pytest.fixture
def signals_sent():
    sent: list[tuple[str, int]] = []

    def course_done(**kwargs):
        sent.append(("enrollment_completed", kwargs["enrollment_id"]))

    def path_done(**kwargs):
        sent.append(("path_completed", kwargs["path_completion_id"]))

    enrollment_completed.connect(course_done)
    path_completed.connect(path_done)
    yield sent
    enrollment_completed.disconnect(course_done)
    path_completed.disconnect(path_done)


def graded_with_completion_lost(quiz, learner) -> Attempt:
    """A passed attempt graded by the real service whose on-commit signal
    never went out (not run here: as if its worker died right after the
    commit), so nothing counted it towards completion yet."""
    attempt = quiz_services.start_attempt(learner=learner, assessment=quiz)
    entry = attempt.questions_snapshot[0]
    right = next(c["id"] for c in entry["choices"] if c["fraction"] == "1")
    quiz_services.save_answers(attempt=attempt, answers={1: right})
    quiz_services.submit_attempt(attempt=attempt)
    assert quiz_services.grade_attempt(attempt_id=attempt.pk)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED and attempt.passed
    assert attempt.completion_pending
    return attempt


def test_the_completion_task_run_twice_records_once_and_signals_once(
    course, quiz, path, learner, signals_sent, django_capture_on_commit_callbacks
):
    enrollment = services.enroll(learner=learner, course=course)
    attempt = graded_with_completion_lost(quiz, learner)
    assert Enrollment.objects.get(pk=enrollment.pk).status == Enrollment.Status.ACTIVE

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.update_completion_after_attempts([attempt.pk]) == 1
    enrollment.refresh_from_db()
    completed_at = enrollment.completed_at
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.update_completion_after_attempts([attempt.pk]) == 1

    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at == completed_at is not None
    completion = PathCompletion.objects.get(learner=learner, path=path)
    assert completion.completed_at == completed_at
    assert signals_sent == [
        ("enrollment_completed", enrollment.pk),
        ("path_completed", completion.pk),
    ]
    attempt.refresh_from_db()
    assert not attempt.completion_pending
    # Certificates only issued, once each: the course's and the path's.
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.filter(path_completion=completion).count() == 1


def test_a_lost_completion_step_is_enqueued_again_by_the_reconciler(
    course, quiz, path, learner, signals_sent, django_capture_on_commit_callbacks
):
    enrollment = services.enroll(learner=learner, course=course)
    attempt = graded_with_completion_lost(quiz, learner)
    # Not before it has had its time: the original task may still be queued.
    assert services.requeue_pending_completions() == 0

    later = attempt.graded_at + timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_pending_completions(now=later) == 1
    assert services.requeue_pending_completions(now=later) == 0

    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    completion = PathCompletion.objects.get(learner=learner, path=path)
    assert [name for name, _ in signals_sent] == [
        "enrollment_completed",
        "path_completed",
    ]
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.filter(path_completion=completion).count() == 1


def test_an_attempt_outside_any_enrolment_is_counted_and_left(
    course, quiz, learner, signals_sent, django_capture_on_commit_callbacks
):
    attempt = graded_with_completion_lost(quiz, learner)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.update_completion_after_attempts([attempt.pk]) == 0
    attempt.refresh_from_db()
    assert not attempt.completion_pending
    assert not Enrollment.objects.exists()
    assert signals_sent == []
    later = attempt.graded_at + timedelta(minutes=5)
    assert services.requeue_pending_completions(now=later) == 0


def test_a_failed_attempt_counts_and_leaves_the_course_in_progress(
    course, quiz, path, learner, signals_sent, django_capture_on_commit_callbacks
):
    services.enroll(learner=learner, course=course)
    attempt = quiz_services.start_attempt(learner=learner, assessment=quiz)
    entry = attempt.questions_snapshot[0]
    wrong = next(c["id"] for c in entry["choices"] if c["fraction"] != "1")
    quiz_services.save_answers(attempt=attempt, answers={1: wrong})
    with django_capture_on_commit_callbacks(execute=True):
        quiz_services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED and not attempt.passed
    assert not attempt.completion_pending
    assert Enrollment.objects.get().status == Enrollment.Status.ACTIVE
    assert not PathCompletion.objects.exists()
    assert signals_sent == []


def test_a_hand_marked_grade_left_uncounted_is_found_by_the_reconciler(
    course, learner, instructor, signals_sent, django_capture_on_commit_callbacks
):
    essay = make_question(
        make_bank(course=course), kind=Kind.ESSAY, stem="<p>Reflect.</p>", answers=[]
    )
    quiz = make_quiz(course, title="Reflection", slots=[essay], pass_mark=50)
    services.enroll(learner=learner, course=course)
    attempt = quiz_services.start_attempt(learner=learner, assessment=quiz)
    quiz_services.save_answers(attempt=attempt, answers={1: "Access is negotiated."})
    with django_capture_on_commit_callbacks(execute=True):
        quiz_services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.NEEDS_REVIEW
    assert not attempt.completion_pending  # not final: nothing to count yet

    # Marked, and its on-commit signal lost (callbacks not run).
    quiz_services.grade_response(
        response=attempt.responses.get(), grader=instructor, score=Decimal(1)
    )
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED and attempt.passed
    assert attempt.completion_pending
    later = attempt.graded_at + timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_pending_completions(now=later) == 1
    assert Enrollment.objects.get().status == Enrollment.Status.COMPLETED
    assert signals_sent == [("enrollment_completed", Enrollment.objects.get().pk)]
