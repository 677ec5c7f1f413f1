"""A worker killed with SIGKILL while 1,000 submissions are being graded, then
restarted: with the reconciler, every attempt is graded, and graded once.

Runs with the ORM broker (tasks in the database) and with Redis (CI's
REDIS_URL, or one started by scripts/redis.sh). Redis hands a task out with no
acknowledgement, so the tasks in flight at the kill are gone; the ORM broker
hides them for `retry` seconds. Either way those attempts stay `submitted`
until `requeue_stuck_attempts` enqueues them again (here twice, so each also
has a duplicate), and the conditional update in `grade_attempt` makes the
duplicates change nothing: `times_graded` is 1 on every attempt."""

import time
from datetime import timedelta

import pytest
from django_q.brokers import get_broker
from django_q.conf import Conf

from assessments import services
from assessments.models import Attempt
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)

from .conftest import wait_until

# `crash`: CI runs these once, in the pass on PostgreSQL with Redis, the stack
# they are about (`make test TEST_MARKS="and not crash"` leaves them out).
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.crash,
]

SUBMISSIONS = 1000
KILL_AFTER_GRADED = 50  # well under SUBMISSIONS: the kill lands mid-way
FINISH_WITHIN_S = 600  # a bound per phase; shared cores grade ~3 tasks/s


def submit_many(quiz, count: int) -> list[int]:
    """`count` submitted attempts (ten learners, unlimited attempts), each
    answered right, their grading enqueued on the broker on commit."""
    single = quiz.slots.get().question
    learners = UserFactory.create_batch(10)
    ids = []
    for number in range(count):
        attempt = services.start_attempt(learner=learners[number % 10], assessment=quiz)
        right = next(
            choice["id"]
            for choice in attempt.questions_snapshot[0]["choices"]
            if choice["fraction"] == "1"
        )
        assert attempt.questions_snapshot[0]["question"] == single.pk
        services.save_answers(attempt=attempt, answers={1: right})
        assert services.submit_attempt(attempt=attempt)
        ids.append(attempt.pk)
    return ids


def graded(ids: list[int]) -> int:
    return Attempt.objects.filter(pk__in=ids, status=Attempt.Status.GRADED).count()


def settle(queue, ids: list[int], cluster) -> None:
    """Wait until the broker has handed out every task and grading has stopped
    moving for a few seconds (the last tasks taken have finished)."""
    assert wait_until(lambda: queue.queue_size() == 0, timeout=FINISH_WITHIN_S), (
        f"{graded(ids)} of {SUBMISSIONS} graded\n{cluster.log_tail()}"
    )
    last = -1
    while (now := graded(ids)) != last:
        assert cluster.alive(), cluster.log_tail()
        last = now
        time.sleep(3)


@pytest.mark.parametrize("broker", ["orm", "redis"])
def test_killed_worker_restarted_grades_every_attempt_once(
    broker, catalog, cluster_factory, redis_url, monkeypatch
):
    url = redis_url if broker == "redis" else ""
    # The test process enqueues through the same broker as the worker.
    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "ORM", None if url else "default")
    monkeypatch.setattr(Conf, "REDIS", url or {})
    queue = get_broker()
    queue.purge_queue()  # nothing left over from an earlier run

    course = make_course(catalog, title="Crash course", lessons=0)
    question = make_question(
        make_bank("Crash bank", course=course),
        title="Capital",
        stem="<p>Capital of France?</p>",
        answers=[
            {"text": "<p>Paris</p>", "fraction": 1},
            {"text": "<p>Lyon</p>", "fraction": 0},
        ],
    )
    quiz = make_quiz(course, title="Crash quiz", slots=[question])
    ids = submit_many(quiz, SUBMISSIONS)
    assert graded(ids) == 0

    first = cluster_factory(redis_url=url, processes=2)
    first.start()
    assert wait_until(
        lambda: graded(ids) >= KILL_AFTER_GRADED or not first.alive(),
        timeout=FINISH_WITHIN_S,
        step=0.05,
    ), first.log_tail()
    assert first.alive(), first.log_tail()
    first.kill()
    at_kill = graded(ids)
    assert KILL_AFTER_GRADED <= at_kill < SUBMISSIONS, "the kill was not mid-way"

    # Restarted, the worker grades what the broker still holds; the tasks the
    # killed cluster had taken (Redis: gone; ORM: hidden for `retry` seconds)
    # leave their attempts stuck in `submitted`.
    second = cluster_factory(redis_url=url, processes=2)
    second.start()
    settle(queue, ids, second)
    # Stopped (gracefully) before counting: with no worker running, the count
    # and the reconciler's two runs see the same stuck attempts.
    second.stop()
    stuck = Attempt.objects.filter(pk__in=ids, status=Attempt.Status.SUBMITTED)
    if broker == "redis":
        # Redis: the cluster had popped tasks ahead of its workers; those died
        # with it. (The ORM broker loses only the tasks locked at the kill,
        # which may be none.)
        assert stuck.exists(), "no task was lost: the kill proves nothing"
    # The reconciler's scheduled run, now rather than in five minutes; twice,
    # so every stuck attempt also gets a duplicate task.
    lost = stuck.count()
    for _ in range(2):
        assert services.requeue_stuck_attempts(older_than=timedelta(0)) == lost
    third = cluster_factory(redis_url=url, processes=2)
    third.start()
    settle(queue, ids, third)
    assert graded(ids) == SUBMISSIONS, third.log_tail()
    third.stop()

    attempts = Attempt.objects.filter(pk__in=ids)
    assert set(attempts.values_list("times_graded", flat=True)) == {1}
    assert set(attempts.values_list("score", flat=True)) == {1}
    assert not attempts.exclude(status=Attempt.Status.GRADED).exists()
    queue.purge_queue()
