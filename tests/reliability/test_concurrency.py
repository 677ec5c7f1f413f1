"""Many identical requests at the same moment against a live server (its own
thread per request, each with its own database connection): one outcome, and
no server error."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Attempt
from certificates import tasks as certificate_tasks
from certificates.models import Certificate
from enrollments import services as enrollment_services
from enrollments.models import Enrollment
from tests.factories import make_bank, make_course, make_question, make_quiz

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def quiz(catalog):
    course = make_course(catalog, title="Concurrency", lessons=0)
    question = make_question(
        make_bank("Concurrency bank", course=course),
        title="Capital",
        stem="<p>Capital of France?</p>",
        answers=[
            {"text": "<p>Paris</p>", "fraction": 1},
            {"text": "<p>Lyon</p>", "fraction": 0},
        ],
    )
    return make_quiz(course, title="Concurrency quiz", slots=[question])


def test_a_hundred_concurrent_submits_grade_the_attempt_once(
    quiz, learner, browserless
):
    enrollment_services.enroll(learner=learner, course=quiz.get_parent().specific)
    attempt = assessment_services.start_attempt(learner=learner, assessment=quiz)
    right = next(
        c["id"]
        for c in attempt.questions_snapshot[0]["choices"]
        if c["fraction"] == "1"
    )
    submit_path = f"{quiz.url}attempt/{attempt.number}/submit/"

    statuses = browserless(learner).post_at_once(
        submit_path, {"q1-shown": "1", "q1": str(right)}, times=100
    )

    assert [s for s in statuses if s >= 500] == []
    assert set(statuses) == {302}  # every request is sent on to the review
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.times_graded == 1
    assert attempt.score == 1
    assert Attempt.objects.filter(learner=learner).count() == 1


def test_fifty_concurrent_enrolments_make_one(catalog, learner, browserless):
    course = make_course(catalog, title="Enrol at once", lessons=1)

    statuses = browserless(learner).post_at_once(
        course.url, {"action": "enroll"}, times=50
    )

    assert [s for s in statuses if s >= 500] == []
    assert set(statuses) == {302}
    assert Enrollment.objects.filter(learner=learner, course=course).count() == 1


def test_the_certificate_task_run_ten_times_at_once_issues_one(catalog, learner):
    course = make_course(catalog, title="Certified once", lessons=1)
    enrollment = enrollment_services.enroll(learner=learner, course=course)
    # Completed as `update_completion` leaves it, without its on-commit task,
    # so the ten runs below are the only issuers and all start from nothing.
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    barrier = threading.Barrier(10)

    def run(_: int) -> int | None:
        barrier.wait()
        try:
            return certificate_tasks.issue_certificate(enrollment.pk)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        issued = list(pool.map(run, range(10)))

    certificates = Certificate.objects.filter(enrollment=enrollment)
    assert certificates.count() == 1
    certificate = certificates.get()
    assert issued == [certificate.pk] * 10
    assert certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name)
