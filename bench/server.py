"""What the page and exam-start benchmarks share: a gunicorn serving the bench
settings on a loopback port, a small concurrent HTTP client (threads and
http.client; every request on a new connection, as gunicorn's sync workers
close each one), sessions for signed-in learners, and peak memory."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client

from .latency import stop_cluster
from .stack import free_port

HOST = "localhost"
READY_TIMEOUT_S = 240


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    workers: int
    log: Path

    @property
    def host(self) -> str:
        return f"{HOST}:{self.port}"

    def worker_pids(self) -> list[int]:
        return _children(self.process.pid)

    def cpu_s(self) -> float:
        """CPU seconds (user + system) the workers have used so far: what a
        request costs, whatever else the machine is doing."""
        return sum(_cpu_s(pid) for pid in self.worker_pids())

    def peak_rss_mb(self) -> dict[str, float]:
        """Peak resident memory (VmHWM) of the master and of its largest worker."""
        workers = [_vm_hwm_mb(pid) for pid in self.worker_pids()]
        return {
            "master": _vm_hwm_mb(self.process.pid),
            "worker_max": max(workers, default=0.0),
            "workers": len(workers),
        }


@contextmanager
def gunicorn(
    log_path: Path, *, workers: int = 2, app: str = "config.wsgi:application"
) -> Iterator[Server]:
    """gunicorn (sync workers) on bench.settings, as production would serve it
    (or `app`, e.g. bench.bare_app's, which configures itself); stopped with
    SIGTERM, then anything left of its process group killed."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    env.pop("DATABASE_URL", None)
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - our gunicorn, fixed arguments
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(port=port, process=process, workers=workers, log=log_path)
    try:
        _wait_ready(server)
        yield server
    finally:
        stop_cluster(process)


def _wait_ready(server: Server) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"gunicorn exited with {server.process.returncode}: "
                f"{server.log.read_text(errors='replace')[-2000:]}"
            )
        try:
            status, _, _ = request(server, "GET", "/bench/bare/")
            if status == 200 and len(server.worker_pids()) >= server.workers:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn not ready after {READY_TIMEOUT_S} s")


def request(
    server: Server,
    method: str,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    body: str | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], bytes]:
    headers = {"Host": server.host, "Connection": "close"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        return response.status, dict(response.getheaders()), content
    finally:
        connection.close()


@dataclass
class Load:
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def per_s(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def hammer(
    server: Server,
    path: str,
    *,
    seconds: float,
    concurrency: int,
    cookies: dict[str, str] | None = None,
) -> Load:
    """Closed loop: `concurrency` clients each sending the next request as soon
    as the last is answered, for `seconds`. A non-200 answer is an error."""
    load = Load()
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client() -> None:
        done = errors = 0
        latencies = []
        while time.perf_counter() < stop_at:
            t0 = time.perf_counter()
            try:
                status, _, _ = request(server, "GET", path, cookies=cookies)
            except OSError:
                status = 0
            latencies.append((time.perf_counter() - t0) * 1000)
            done += 1
            errors += status != 200
        with lock:
            load.requests += done
            load.errors += errors
            load.latencies_ms.extend(latencies)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - started
    return load


def session_cookies(user: Any) -> dict[str, str]:
    """The session cookie a real log-in would give `user` (made in the database)."""
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value
    }


def percentile(values: list[float], percent: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[int(rank) - 1]


def own_peak_rss_mb() -> float:
    return _vm_hwm_mb(os.getpid())


def _vm_hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _cpu_s(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[-1].split()
    # utime and stime, the 14th and 15th fields of stat(5), in clock ticks.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            children.append(int(entry.name))
    return children
