"""A worker killed between grading and completion, then restarted: with the
completion reconciler, the course and its learning path are completed once,
and their certificates issued once.

The first `qcluster` kills itself with SIGKILL from a receiver of
`attempt_graded` that runs before enrolments' own
(`tests/reliability/kill_after_grading.py`): the grade is committed, the
completion task never enqueued. Restarted, nothing in the broker completes the
course; `enrollments.tasks.requeue_pending_completions` finds the attempt by
`Attempt.completion_pending` and enqueues the completion step again (here
twice, so it also has a duplicate). Runs with the ORM broker and with Redis,
as `test_worker_crash.py`."""

import time
from datetime import timedelta

import pytest
from django_q.brokers import get_broker
from django_q.conf import Conf

from assessments import services as quiz_services
from assessments.models import Attempt
from certificates.models import Certificate
from enrollments import services
from enrollments.models import Enrollment, PathCompletion
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_path,
    make_question,
    make_quiz,
)

from .conftest import wait_until

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.crash,
]

WITHIN_S = 180  # a bound per phase: a cluster starts in seconds


def submitted_right(quiz, learner) -> Attempt:
    attempt = quiz_services.start_attempt(learner=learner, assessment=quiz)
    right = next(
        choice["id"]
        for choice in attempt.questions_snapshot[0]["choices"]
        if choice["fraction"] == "1"
    )
    quiz_services.save_answers(attempt=attempt, answers={1: right})
    # Its grading is enqueued on the broker on commit (now: no transaction).
    assert quiz_services.submit_attempt(attempt=attempt)
    return attempt


def certificates_done() -> bool:
    """A certificate for the course and one for the path, each rendered."""
    return Certificate.objects.exclude(pdf="").count() == 2


@pytest.mark.parametrize("broker", ["orm", "redis"])
def test_a_worker_killed_between_grading_and_completion_loses_nothing(
    broker, catalog, cluster_factory, redis_url, monkeypatch
):
    url = redis_url if broker == "redis" else ""
    # The test process enqueues through the same broker as the worker.
    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "ORM", None if url else "default")
    monkeypatch.setattr(Conf, "REDIS", url or {})
    queue = get_broker()
    queue.purge_queue()  # nothing left over from an earlier run

    course = make_course(catalog, title="Crash completion", lessons=0)
    question = make_question(
        make_bank("Crash completion bank", course=course),
        title="Capital",
        stem="<p>Capital of France?</p>",
        answers=[
            {"text": "<p>Paris</p>", "fraction": 1},
            {"text": "<p>Lyon</p>", "fraction": 0},
        ],
    )
    quiz = make_quiz(course, title="Crash completion quiz", slots=[question])
    path = make_path(catalog, [course], title="Crash completion path")
    learner = UserFactory()
    enrollment = services.enroll(learner=learner, course=course)
    attempt = submitted_right(quiz, learner)

    first = cluster_factory(redis_url=url, kill_after_grading=True)
    first.start()
    assert wait_until(lambda: not first.alive(), timeout=WITHIN_S), first.log_tail()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED, first.log_tail()
    assert attempt.passed
    assert attempt.completion_pending
    # Killed between the two steps: graded, the completion task never enqueued.
    assert queue.queue_size() == 0
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert not PathCompletion.objects.exists()
    assert not Certificate.objects.exists()

    # The reconciler's scheduled run, now rather than in five minutes; twice,
    # so the completion step also gets a duplicate task.
    later = attempt.graded_at + timedelta(minutes=5)
    for _ in range(2):
        assert services.requeue_pending_completions(now=later) == 1
    second = cluster_factory(redis_url=url)
    second.start()
    assert wait_until(
        lambda: certificates_done() and queue.queue_size() == 0, timeout=WITHIN_S
    ), second.log_tail()
    time.sleep(3)  # the duplicate and the mail tasks taken last finish
    second.stop()

    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    completion = PathCompletion.objects.get(learner=learner, path=path)
    assert completion.completed_at == enrollment.completed_at
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.filter(path_completion=completion).count() == 1
    attempt.refresh_from_db()
    assert not attempt.completion_pending
    assert attempt.times_graded == 1
    assert services.requeue_pending_completions(now=later) == 0
    queue.purge_queue()
