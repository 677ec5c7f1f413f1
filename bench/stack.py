"""The exam start on the stack `make run-prod` serves from: a PostgreSQL and a
Redis started on loopback by the project's own scripts (scripts/postgres.sh,
scripts/redis.sh), and `bench.run --only exam` run again in a child process
on them (BENCH_DATABASE_URL, BENCH_REDIS_URL), its results in a folder of its
own. Both servers are stopped and their data removed afterwards."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STACK_NAME = "PostgreSQL + Redis"


def exam_on_prod_stack(
    state: Path, *, quick: bool, learners: int, window_s: float, workers: int
) -> dict[str, Any]:
    """The child run's latest.json, plus its report lines (`report_lines`)."""
    return on_prod_stack(
        state,
        [
            "--only",
            "exam",
            "--exam-learners",
            str(learners),
            "--exam-window",
            str(window_s),
            "--exam-workers",
            str(workers),
            *(["--quick"] if quick else []),
        ],
    )


def on_prod_stack(state: Path, arguments: list[str]) -> dict[str, Any]:
    """`bench.run` with `arguments` in a child process on a PostgreSQL and a
    Redis of its own: the child's latest.json, plus its report lines."""
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o755)  # the PostgreSQL server runs as the `postgres` user
    pg_dir, redis_dir, results = state / "pg", state / "redis", state / "results"
    database_url = _script("postgres.sh", "start", pg_dir, free_port())
    try:
        redis_url = _script("redis.sh", "start", redis_dir, free_port())
        try:
            command = [sys.executable, "-m", "bench.run", *arguments]
            env = {
                **os.environ,
                "BENCH_DATABASE_URL": database_url,
                "BENCH_REDIS_URL": redis_url,
                "BENCH_RESULTS_DIR": str(results),
            }
            subprocess.run(command, cwd=ROOT, env=env, check=False)  # noqa: S603
        finally:
            _script("redis.sh", "stop", redis_dir)
    finally:
        _script("postgres.sh", "stop", pg_dir)
    data = json.loads((results / "latest.json").read_text())
    markdown = (results / "latest.md").read_text()
    report = markdown.split("## Report", 1)[-1].strip().strip("`").strip()
    data["report_lines"] = report.splitlines()
    return data


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _script(name: str, *args: object) -> str:
    done = subprocess.run(  # noqa: S603 - our own scripts, fixed arguments
        ["/bin/bash", str(ROOT / "scripts" / name), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"scripts/{name} {args[0]} failed: {done.stderr.strip()}")
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""
