"""Shared by the reliability tests: a Redis of their own when CI gives none, a
real `manage.py qcluster` to start and kill, and plain HTTP clients that hit
the live server from many threads at once."""

import http.client
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """CI's Redis (REDIS_URL), or one started here with scripts/redis.sh."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    folder = tmp_path_factory.mktemp("redis")
    port = str(56379 + os.getpid() % 1000)
    started = subprocess.run(
        [str(REPO / "scripts" / "redis.sh"), "start", str(folder / "data"), port],
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode != 0:
        pytest.fail(f"scripts/redis.sh could not start Redis: {started.stderr}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(
            [str(REPO / "scripts" / "redis.sh"), "stop", str(folder / "data")],
            check=False,
        )


class Cluster:
    """A `manage.py qcluster` on the test database, in a process group of its
    own so the test can SIGKILL all of it at once, as a crashed machine would."""

    def __init__(self, log_path: Path, env: dict[str, str]) -> None:
        self.log_path = log_path
        self.env = env
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group: no task gets to finish or acknowledge."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if not self.alive():
            return
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]


@pytest.fixture
def cluster_factory(tmp_path) -> Iterator[Callable[..., Cluster]]:
    clusters: list[Cluster] = []

    def make(
        *, redis_url: str = "", processes: int = 1, kill_after_grading: bool = False
    ) -> Cluster:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "IGN_WORKER_DB_NAME": str(connection.settings_dict["NAME"]),
            "IGN_WORKER_PROCESSES": str(processes),
            # Lost ORM tasks stay lost for the test's length: the reconciler,
            # not the broker's redelivery, must bring them back.
            "IGN_WORKER_RETRY": "3600",
            "REDIS_URL": redis_url,
            # The cluster kills itself once a grade is committed, before the
            # completion task is enqueued (tests/reliability/kill_after_grading.py).
            "IGN_WORKER_KILL_AFTER_GRADING": "1" if kill_after_grading else "",
        }
        cluster = Cluster(tmp_path / f"qcluster-{len(clusters)}.log", env)
        clusters.append(cluster)
        return cluster

    yield make
    for cluster in clusters:
        cluster.stop()


class Browserless:
    """A signed-in learner's cookies, posted from many threads at once over
    plain HTTP (one connection a request), with Django's CSRF cookie and field."""

    def __init__(self, base_url: str, session_key: str) -> None:
        self.base = urlsplit(base_url)
        self.csrf = secrets.token_hex(16)  # 32 characters: an unmasked secret
        self.cookie = f"sessionid={session_key}; csrftoken={self.csrf}"

    def post(self, path: str, data: dict[str, str]) -> int:
        body = urlencode({**data, "csrfmiddlewaretoken": self.csrf})
        conn = http.client.HTTPConnection(self.base.netloc, timeout=120)
        try:
            conn.request(
                "POST",
                path,
                body=body,
                headers={
                    "Cookie": self.cookie,
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    def post_at_once(self, path: str, data: dict[str, str], times: int) -> list[int]:
        """`times` identical POSTs released together; their status codes."""
        barrier = threading.Barrier(times)

        def one(_: int) -> int:
            barrier.wait()
            return self.post(path, data)

        with ThreadPoolExecutor(max_workers=times) as pool:
            return list(pool.map(one, range(times)))


class WideBacklogServer(ThreadedWSGIServer):
    # Django's development server listens with a backlog of 10, and resets the
    # connections beyond it; gunicorn's is 2048. A burst of 100 must queue.
    request_queue_size = 256


class WideLiveServerThread(LiveServerThread):
    server_class = WideBacklogServer


@pytest.fixture
def wide_live_server(transactional_db) -> Iterator[str]:
    """A live server of the test's own (a thread a request, each with its own
    database connection) that queues a burst of connections; its URL."""
    thread = WideLiveServerThread("localhost", StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield f"http://{thread.host}:{thread.port}"
    finally:
        thread.terminate()


@pytest.fixture
def browserless(wide_live_server, client) -> Callable[..., Browserless]:
    def signed_in(user) -> Browserless:
        client.force_login(user)
        return Browserless(wide_live_server, client.cookies["sessionid"].value)

    return signed_in


def wait_until(condition: Callable[[], bool], *, timeout: float, step=0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
