"""Benchmark 2: submit → graded latency through a real `manage.py qcluster`
on the ORM broker (the production set-up without Redis).

The learner side runs here, through the services: start, save answers, then
submit inside `transaction.atomic()` so grading is enqueued on commit, as the
submit view does. The clock starts when `submit_attempt` is called and stops
when this process first reads the attempt as graded (it polls every 5 ms)."""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from accounts.models import User
from assessments import grading, services
from assessments.models import AssessmentPage, Attempt

from .answers import random_answers
from .seed import make_bench_quiz, make_learners

GOAL_P95_MS = 1000
POLL_S = 0.005
READY_TIMEOUT_S = 90
GRADED_TIMEOUT_S = 30
STOP_TIMEOUT_S = 20


class ClusterFailed(RuntimeError):
    pass


def run(*, sequential: int = 200, burst: int = 50, log_path: Path) -> dict[str, Any]:
    seeded = make_bench_quiz("latency")
    learners = make_learners(burst, course=seeded.course, name="latency")
    quiz = seeded.quiz
    rng = random.Random(2)  # noqa: S311 - reproducible fake learners
    expected: dict[int, Decimal] = {}
    result: dict[str, Any] = {
        "cluster": {
            "command": "manage.py qcluster",
            "broker": "ORM (django-q2 "
            f"{_version('django-q2')}), database {settings.Q_CLUSTER['orm']!r}",
            "workers": settings.Q_CLUSTER["workers"],
            "poll_s": settings.Q_CLUSTER.get("poll", 0.2),
            "log": str(log_path.relative_to(settings.BASE_DIR)),
        },
        "quiz_questions": len(seeded.questions),
        "learners": len(learners),
    }
    with qcluster(log_path, result["cluster"]) as cluster:
        started = time.perf_counter()
        warm = _ready_attempt(learners[0], quiz, rng, expected)
        _submit(warm)
        _wait_graded({warm.pk}, started, cluster, log_path, timeout=READY_TIMEOUT_S)
        result["cluster"]["ready_s"] = round(time.perf_counter() - started, 2)

        # One learner at a time: what a learner sees on a quiet platform.
        latencies, submit_ms = [], []
        for number in range(sequential):
            learner = learners[number % len(learners)]
            attempt = _ready_attempt(learner, quiz, rng, expected)
            t0 = time.perf_counter()
            _submit(attempt)
            submit_ms.append((time.perf_counter() - t0) * 1000)
            seen = _wait_graded({attempt.pk}, t0, cluster, log_path)
            latencies.append(seen[attempt.pk] * 1000)
        result["sequential"] = {
            "attempts": sequential,
            **_summary(latencies),
            "submit_commit_enqueue_ms_p50": round(statistics.median(submit_ms), 1),
        }

        # A class hands in together: every learner submits within a moment.
        attempts = [_ready_attempt(lr, quiz, rng, expected) for lr in learners]
        t0s: dict[int, float] = {}
        for attempt in attempts:
            t0s[attempt.pk] = time.perf_counter()
            _submit(attempt)
        first = min(t0s.values())
        seen = _wait_graded(set(t0s), first, cluster, log_path)
        drain = max(seen.values())
        result["burst"] = {
            "attempts": len(attempts),
            **_summary([(first + seen[pk] - t0s[pk]) * 1000 for pk in t0s]),
            "drain_s": round(drain, 2),
            "attempts_per_s": round(len(attempts) / drain, 1),
        }

    result["check"] = _check(expected)
    p95 = result["sequential"]["p95_ms"]
    result["goal"] = {
        "what": f"sequential p95 <= {GOAL_P95_MS} ms",
        "met": p95 <= GOAL_P95_MS,
    }
    return result


def _ready_attempt(
    learner: User,
    quiz: AssessmentPage,
    rng: random.Random,
    expected: dict[int, Decimal],
) -> Attempt:
    """A started attempt with every question answered."""
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    answers = random_answers(attempt.questions_snapshot, rng)
    services.save_answers(
        attempt=attempt, answers={int(slot): a for slot, a in answers.items()}
    )
    score = grading.grade(attempt.questions_snapshot, answers).score
    expected[attempt.pk] = Decimal(grading.to_decimal_string(score))
    return attempt


def _submit(attempt: Attempt) -> None:
    with transaction.atomic():  # as the view: grading is enqueued on commit
        if not services.submit_attempt(attempt=attempt):
            raise RuntimeError(f"attempt {attempt.pk} was not submitted")


def _wait_graded(
    pending: set[int],
    t0: float,
    cluster: subprocess.Popen[bytes],
    log_path: Path,
    *,
    timeout: float = GRADED_TIMEOUT_S,
) -> dict[int, float]:
    """Seconds from `t0` until each attempt was first read as graded."""
    pending = set(pending)
    seen: dict[int, float] = {}
    while pending:
        graded = Attempt.objects.filter(
            pk__in=pending, status=Attempt.Status.GRADED
        ).values_list("pk", flat=True)
        now = time.perf_counter()
        for pk in graded:
            seen[pk] = now - t0
            pending.discard(pk)
        if not pending:
            break
        if now - t0 > timeout:
            raise ClusterFailed(
                f"{len(pending)} attempt(s) not graded after {timeout} s; "
                f"see {log_path}:\n{_tail(log_path)}"
            )
        if cluster.poll() is not None:
            raise ClusterFailed(
                f"qcluster exited with {cluster.returncode}:\n{_tail(log_path)}"
            )
        time.sleep(POLL_S)
    return seen


def _summary(latencies_ms: list[float]) -> dict[str, float]:
    ordered = sorted(latencies_ms)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(_percentile(ordered, 95), 1),
        "max_ms": round(ordered[-1], 1),
        "mean_ms": round(statistics.fmean(ordered), 1),
    }


def _percentile(ordered: list[float], percent: float) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[int(rank) - 1]


def _check(expected: dict[int, Decimal]) -> dict[str, Any]:
    """Every attempt graded by the cluster, with the score the pure grader gives."""
    rows = dict(
        Attempt.objects.filter(pk__in=expected).values_list("pk", "score").order_by()
    )
    wrong = [pk for pk, score in expected.items() if rows.get(pk) != score]
    return {
        "graded": sum(1 for pk in expected if rows.get(pk) is not None),
        "scores_match_pure_grading": not wrong,
        "mismatched": wrong[:10],
    }


# --- the cluster process --------------------------------------------------------


@contextmanager
def qcluster(
    log_path: Path, facts: dict[str, Any]
) -> Iterator[subprocess.Popen[bytes]]:
    """`manage.py qcluster` in its own session; stopped with SIGTERM (django-q
    finishes what it runs), then anything left in its process group is killed."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    env.pop("DATABASE_URL", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    facts["pid"] = process.pid
    try:
        yield process
    finally:
        facts["stop"] = stop_cluster(process)


def stop_cluster(process: subprocess.Popen[bytes]) -> str:
    started = time.perf_counter()
    how = f"had exited with {process.returncode}"
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
            how = f"SIGTERM, exited with {process.returncode}"
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            how = f"SIGTERM ignored for {STOP_TIMEOUT_S} s, then SIGKILL"
    leftovers = _group_members(process.pid)
    for pid in leftovers:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if leftovers:
        how += f"; killed {len(leftovers)} leftover worker(s) {leftovers}"
    return f"{how} in {time.perf_counter() - started:.1f} s"


def _group_members(pgid: int) -> list[int]:
    """Processes still in the cluster's process group (Linux /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


def report(result: dict[str, Any]) -> list[str]:
    cluster, seq, burst = result["cluster"], result["sequential"], result["burst"]
    check = result["check"]
    goal = "met" if result["goal"]["met"] else "NOT MET"
    return [
        "2. Submit → graded latency (real qcluster, ORM broker)",
        f"   cluster: {cluster['workers']} workers, poll {cluster['poll_s']} s, "
        f"{cluster['broker']}; ready after {cluster['ready_s']} s; "
        f"stop: {cluster['stop']}",
        f"   quiz of {result['quiz_questions']} questions, "
        f"{result['learners']} learners",
        f"   one at a time, {seq['attempts']} attempts: p50 {seq['p50_ms']} ms, "
        f"p95 {seq['p95_ms']} ms, max {seq['max_ms']} ms "
        f"(submit+commit+enqueue p50 {seq['submit_commit_enqueue_ms_p50']} ms)",
        f"   burst, {burst['attempts']} submitted together: p50 {burst['p50_ms']} ms, "
        f"p95 {burst['p95_ms']} ms, max {burst['max_ms']} ms; drained in "
        f"{burst['drain_s']} s = {burst['attempts_per_s']} attempts/s",
        f"   check: {check['graded']} attempts graded, scores match pure grading: "
        f"{'yes' if check['scores_match_pure_grading'] else 'NO'}",
        f"   goal {result['goal']['what']}: {goal}",
    ]
