"""The course's completion rule, re-evaluated through the real services and the
real grading task (sync cluster, on-commit callbacks executed)."""

from decimal import Decimal

import pytest

from assessments import services as quiz_services
from courses.models import CourseOptionalItem
from enrollments import services
from enrollments.models import Enrollment
from enrollments.signals import enrollment_completed
from questions import services as bank
from tests.factories import make_bank, make_course, make_question, make_quiz, teach

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Protection of civilians", lessons=2)


@pytest.fixture
def lessons(course):
    return [lesson.specific for lesson in course.get_children().live()]


@pytest.fixture
def quiz(course):
    question = make_question(make_bank(course=course))
    return make_quiz(course, title="PoC check", slots=[question], pass_mark=50)


def take(quiz, learner, *, right, capture):
    attempt = quiz_services.start_attempt(learner=learner, assessment=quiz)
    entry = attempt.questions_snapshot[0]
    choice = next(c["id"] for c in entry["choices"] if (c["fraction"] == "1") == right)
    quiz_services.save_answers(attempt=attempt, answers={1: choice})
    with capture(execute=True):
        quiz_services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    return attempt


def finish_lessons(learner, lessons, capture):
    with capture(execute=True):
        for lesson in lessons:
            services.complete_lesson(learner=learner, lesson=lesson)


def status(learner, course):
    return Enrollment.objects.get(learner=learner, course=course).status


def test_lessons_alone_do_not_complete_a_course_with_a_required_quiz(
    course, lessons, quiz, learner, django_capture_on_commit_callbacks
):
    services.enroll(learner=learner, course=course)
    finish_lessons(learner, lessons, django_capture_on_commit_callbacks)
    assert status(learner, course) == Enrollment.Status.ACTIVE

    take(quiz, learner, right=False, capture=django_capture_on_commit_callbacks)
    assert status(learner, course) == Enrollment.Status.ACTIVE

    attempt = take(
        quiz, learner, right=True, capture=django_capture_on_commit_callbacks
    )
    assert attempt.passed
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at is not None


def test_an_optional_lesson_is_not_needed(
    course, lessons, learner, django_capture_on_commit_callbacks
):
    CourseOptionalItem.objects.create(course=course, page=lessons[1])
    services.enroll(learner=learner, course=course)
    finish_lessons(learner, lessons[:1], django_capture_on_commit_callbacks)
    assert status(learner, course) == Enrollment.Status.COMPLETED


def test_an_optional_quiz_still_counts_toward_the_minimum_score(
    course, lessons, quiz, learner, django_capture_on_commit_callbacks
):
    CourseOptionalItem.objects.create(course=course, page=quiz)
    course.completion_min_score = Decimal(60)
    course.save_revision().publish()
    services.enroll(learner=learner, course=course)
    finish_lessons(learner, lessons, django_capture_on_commit_callbacks)
    assert status(learner, course) == Enrollment.Status.ACTIVE

    take(quiz, learner, right=True, capture=django_capture_on_commit_callbacks)
    assert status(learner, course) == Enrollment.Status.COMPLETED


def test_completion_is_announced_once(
    course, lessons, learner, django_capture_on_commit_callbacks
):
    received = []

    def listen(**kwargs):
        received.append(kwargs["enrollment_id"])

    enrollment_completed.connect(listen)
    try:
        enrollment = services.enroll(learner=learner, course=course)
        finish_lessons(learner, lessons, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            assert services.update_completion(enrollment=enrollment)
            services.complete_lesson(learner=learner, lesson=lessons[0])
    finally:
        enrollment_completed.disconnect(listen)
    assert received == [enrollment.pk]


def test_a_regrade_that_passes_the_quiz_completes_the_course(
    course, lessons, quiz, learner, instructor, django_capture_on_commit_callbacks
):
    teach(course, instructor)
    services.enroll(learner=learner, course=course)
    finish_lessons(learner, lessons, django_capture_on_commit_callbacks)
    attempt = take(
        quiz, learner, right=False, capture=django_capture_on_commit_callbacks
    )
    assert not attempt.passed
    assert status(learner, course) == Enrollment.Status.ACTIVE

    # The key was wrong: every option deserves full marks.
    question = attempt.responses.get().question
    question.answers.update(fraction=1)
    bank.bump_question_version(question=question)
    question.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        regrade = quiz_services.plan_regrade(question=question, requested_by=instructor)
    with django_capture_on_commit_callbacks(execute=True):
        quiz_services.apply_regrade(regrade=regrade)

    attempt.refresh_from_db()
    assert attempt.passed
    assert status(learner, course) == Enrollment.Status.COMPLETED
