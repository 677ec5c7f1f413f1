"""One submission graded by a real `qcluster` process on the test database,
through the broker the settings choose, exactly as `make run` runs it."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from assessments import services
from assessments.models import Attempt

from .test_attempts import answer_key, slot_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GRADED_WITHIN_S = 60  # generous: the two cores may be busy with other tests


@pytest.fixture
def qcluster(tmp_path):
    log = (tmp_path / "qcluster.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "IGN_WORKER_DB_NAME": str(connection.settings_dict["NAME"]),
        },
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    yield process
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    log.close()


def test_a_running_worker_grades_a_submitted_attempt(
    qcluster, quiz, learner, single, monkeypatch, tmp_path
):
    # The test settings run tasks in-process; here they go through the broker.
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", False)
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    slot = slot_of(attempt, single)
    services.save_answers(attempt=attempt, answers={slot: answer_key(attempt, slot)})
    assert services.submit_attempt(attempt=attempt) is True

    deadline = time.monotonic() + GRADED_WITHIN_S
    while time.monotonic() < deadline:
        attempt.refresh_from_db()
        if attempt.status != Attempt.Status.SUBMITTED:
            break
        assert qcluster.poll() is None, "the worker exited"
        time.sleep(0.2)
    log = (tmp_path / "qcluster.log").read_text(errors="replace")
    assert attempt.status == Attempt.Status.GRADED, log[-3000:]
    assert attempt.score == 1
    assert attempt.graded_at is not None
