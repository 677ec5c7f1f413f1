"""Exam start: N learners enrolled in a course with a timed quiz, signed in
(session cookies made in the database), each having opened the quiz page (its
CSRF cookie and token), fire their "start attempt" POSTs spread evenly over a
window of a few seconds against gunicorn. Every answer must be the redirect
to the learner's first question; the figure is the POST's latency."""

from __future__ import annotations

import re
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.db import connection

from assessments.models import AssessmentPage, Attempt

from .seed import make_bench_quiz, make_learners
from .server import Server, gunicorn, percentile, request, session_cookies

GOAL_P95_MS = 1000
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def run(
    *, learners: int, window_s: float, workers: int, log_path: Path
) -> dict[str, Any]:
    seeded = make_bench_quiz("exam")
    quiz: AssessmentPage = seeded.quiz
    AssessmentPage.objects.filter(pk=quiz.pk).update(time_limit_minutes=30)
    people = make_learners(learners, course=seeded.course, name="exam")
    sessions = [session_cookies(person) for person in people]
    quiz_path = quiz.url
    start_path = quiz_path + quiz.reverse_subpage("start")
    result: dict[str, Any] = {
        "learners": learners,
        "window_s": window_s,
        "server": f"gunicorn, {workers} sync workers, bench.settings, "
        f"on the bench database ({connection.vendor}; started by the benchmark)",
        "quiz_questions": len(seeded.questions),
    }
    with gunicorn(log_path, workers=workers) as server:
        # Every learner opens the quiz page first: CSRF cookie and token.
        with ThreadPoolExecutor(max_workers=8) as pool:
            forms = list(pool.map(lambda c: _open(server, quiz_path, c), sessions))
        cpu_before = server.cpu_s()
        latencies, outcomes, sent_over = _fire(server, start_path, forms, window_s)
        cpu_used = server.cpu_s() - cpu_before
        result["peak_rss_mb"] = server.peak_rss_mb()
    started = Attempt.objects.filter(
        assessment=quiz, status=Attempt.Status.IN_PROGRESS
    ).count()
    errors = sum(1 for ok in outcomes if not ok)
    result.update(
        errors=errors,
        attempts_started=started,
        p50_ms=round(statistics.median(latencies), 1),
        p95_ms=round(percentile(latencies, 95), 1),
        max_ms=round(max(latencies), 1),
        sent_over_s=round(sent_over, 2),
        worker_cpu_ms_per_start=round(cpu_used * 1000 / learners, 1),
    )
    result["goal_met"] = errors == 0 and result["p95_ms"] <= GOAL_P95_MS
    return result


def _open(server: Server, path: str, cookies: dict[str, str]) -> dict[str, str]:
    status, headers, body = request(server, "GET", path, cookies=cookies)
    match = TOKEN.search(body)
    if status != 200 or match is None:
        raise RuntimeError(f"quiz page answered {status} without a start form")
    jar = dict(cookies)
    for name, value in _set_cookies(headers):
        jar[name] = value
    return {**jar, "_token": match.group(1).decode()}


def _set_cookies(headers: dict[str, str]) -> list[tuple[str, str]]:
    # http.client folds repeated Set-Cookie headers into one, comma-separated.
    found = []
    for name in ("csrftoken", "sessionid"):
        match = re.search(rf"{name}=([^;,\s]+)", headers.get("Set-Cookie", ""))
        if match:
            found.append((name, match.group(1)))
    return found


def _fire(
    server: Server, path: str, forms: list[dict[str, str]], window_s: float
) -> tuple[list[float], list[bool], float]:
    """One POST a learner, sent at evenly spaced moments over `window_s`."""
    latencies: list[float] = [0.0] * len(forms)
    outcomes: list[bool] = [False] * len(forms)
    gap = window_s / len(forms)
    t0 = time.perf_counter() + 0.2
    sent: list[float] = []
    lock = threading.Lock()

    def start(number: int) -> None:
        form = dict(forms[number])
        token = form.pop("_token")
        delay = t0 + number * gap - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        began = time.perf_counter()
        with lock:
            sent.append(began)
        try:
            status, headers, _ = request(
                server,
                "POST",
                path,
                cookies=form,
                body=urlencode({"csrfmiddlewaretoken": token}),
            )
        except OSError:
            status, headers = 0, {}
        latencies[number] = (time.perf_counter() - began) * 1000
        outcomes[number] = status == 302 and "/attempt/" in headers.get("Location", "")

    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        list(pool.map(start, range(len(forms))))
    return latencies, outcomes, max(sent) - min(sent)


def report(result: dict[str, Any]) -> list[str]:
    rss = result["peak_rss_mb"]
    return [
        f"Exam start: {result['learners']} learners start the same timed quiz "
        f"({result['quiz_questions']} questions) within {result['window_s']} s",
        f"   {result['server']}; POSTs sent over {result['sent_over_s']} s",
        f"   start POST: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
        f"max {result['max_ms']} ms; {result['errors']} errors; "
        f"{result['attempts_started']} attempts in progress",
        f"   gunicorn workers' CPU a start POST: "
        f"{result['worker_cpu_ms_per_start']} ms (user + system, while firing)",
        f"   goal no errors and p95 <= {GOAL_P95_MS} ms: "
        f"{'met' if result['goal_met'] else 'NOT MET'}; peak RSS largest worker "
        f"{rss['worker_max']} MB",
    ]
