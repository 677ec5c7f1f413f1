"""Settings for a real `manage.py qcluster` that a test starts beside itself:
the test settings on the test database the test process created."""

import os

from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES, INSTALLED_APPS, Q_CLUSTER

DATABASES["default"]["NAME"] = os.environ["IGN_WORKER_DB_NAME"]
Q_CLUSTER = {
    **{key: value for key, value in Q_CLUSTER.items() if key != "sync"},
    # One worker process unless the test asks for more.
    "workers": int(os.environ.get("IGN_WORKER_PROCESSES", "1")),
    "poll": 0.1,
    # ORM broker: seconds before a task taken by a dead worker is handed out
    # again (the crash test keeps it beyond its own length).
    "retry": int(os.environ.get("IGN_WORKER_RETRY", str(Q_CLUSTER["retry"]))),
}

if os.environ.get("IGN_WORKER_KILL_AFTER_GRADING"):
    # First, so its receiver runs before enrolments' (test_completion_crash.py).
    INSTALLED_APPS = [
        "tests.reliability.kill_after_grading.KillAfterGradingConfig",
        *INSTALLED_APPS,
    ]
