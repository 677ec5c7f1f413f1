"""For `test_completion_crash.py` only: installed first in the worker's apps
(`tests/worker_settings.py`, when the test asks), its receiver of
`attempt_graded` runs before enrolments' own and kills the whole cluster with
SIGKILL, so the grade is committed and the completion task never enqueued: the
crash lands exactly between grading and completion."""

import os
import signal

from django.apps import AppConfig


def kill_the_cluster(sender, **kwargs) -> None:
    os.killpg(os.getpgrp(), signal.SIGKILL)


class KillAfterGradingConfig(AppConfig):
    name = "tests.reliability.kill_after_grading"
    label = "kill_after_grading"

    def ready(self) -> None:
        from assessments.signals import attempt_graded

        attempt_graded.connect(kill_the_cluster, dispatch_uid="kill_after_grading")
