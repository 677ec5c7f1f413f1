"""Our pages against the limit: requests/s measured by wrk (-t2 -c8) for the
anonymous catalog (a page-cache hit), the anonymous course page, the
signed-in lesson page and dashboard, the middleware alone (`/bench/bare/`)
and a redirect (`/i18n/setlang/`), each as a share of a one-file Django app
outside our project (bench/bare_app.py) served by its own gunicorn with the
same worker count, in the same interleaved rounds (bare app, then each page,
again), so load from other work on the machine weighs on both sides alike.
Each share is the median over the rounds of the page's rate over the bare
app's rate in that round."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection

from accounts.models import Role, User
from accounts.services import assign_role
from courses.models import CoursePage
from enrollments.models import Enrollment
from tests.factories import make_course

from .pages import ENROLMENTS, _enrol, _queries
from .seed import RUN_TAG, catalog
from .server import Server, gunicorn, session_cookies

# Share of the bare app's requests/s (percent), issue 18.
GOALS = {"catalog": 50, "course": 25, "lesson": 15, "dashboard": 15}
LABELS = {
    "bare_app": "bare Django app (bench/bare_app.py)",
    "middleware": "/bench/bare/, our middleware alone",
    "setlang": "/i18n/setlang/, a redirect",
    "catalog": "catalog /courses/, anonymous, page-cache hit",
    "course": "course page, anonymous",
    "lesson": "lesson page, signed in",
    "dashboard": "dashboard, signed in",
}
SIGNED_IN = {"lesson", "dashboard"}
THREADS, CONNECTIONS = 2, 8


def run(
    *, courses: int, rounds: int, seconds: float, workers: int, log_dir: Path
) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    index = catalog()
    learner = User.objects.create_user(
        email=f"bench-limit-{RUN_TAG}@example.org", display_name="Bench learner"
    )
    assign_role(user=learner, role=Role.STUDENT)
    made = list(CoursePage.objects.child_of(index).live().order_by("path"))
    made += [make_course(index, lessons=3) for _ in range(courses - len(made))]
    if not Enrollment.objects.filter(learner=learner).exists():
        _enrol(learner, made[:ENROLMENTS])
    first = made[0]
    lesson = first.get_children().live().first()
    assert lesson is not None
    paths = {
        "middleware": "/bench/bare/",
        "setlang": "/i18n/setlang/",
        "catalog": index.url,
        "course": first.url,
        "lesson": lesson.url,
        "dashboard": "/en/dashboard/",
    }
    cookies = session_cookies(learner)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    queries = _queries(
        {k: v for k, v in paths.items() if k in GOALS}, cookies, SIGNED_IN
    )
    rates: dict[str, list[float]] = {name: [] for name in ["bare_app", *paths]}
    errors = dict.fromkeys(rates, 0)
    with (
        gunicorn(log_dir / "gunicorn-limit.log", workers=workers) as ours,
        gunicorn(
            log_dir / "gunicorn-bare.log",
            workers=workers,
            app="bench.bare_app:application",
        ) as bare,
    ):
        targets = {"bare_app": (bare, "/"), **{k: (ours, p) for k, p in paths.items()}}
        for name, (server, path) in targets.items():  # warm every worker
            _wrk(server, path, 1, cookie if name in SIGNED_IN else "")
        for _ in range(rounds):
            for name, (server, path) in targets.items():
                rate, failed = _wrk(
                    server, path, seconds, cookie if name in SIGNED_IN else ""
                )
                rates[name].append(rate)
                errors[name] += failed
    shares = {
        name: round(
            statistics.median(
                page / base * 100
                for page, base in zip(values, rates["bare_app"], strict=True)
                if base
            ),
            1,
        )
        for name, values in rates.items()
        if name != "bare_app"
    }
    return {
        "database": connection.vendor,
        "server": f"gunicorn, {workers} sync workers each",
        "client": f"wrk -t{THREADS} -c{CONNECTIONS}",
        "rounds": rounds,
        "seconds_each": seconds,
        "courses": CoursePage.objects.child_of(index).live().count(),
        "paths": paths,
        "requests_per_s": {
            name: round(statistics.median(values), 1) for name, values in rates.items()
        },
        "percent_of_bare": shares,
        "errors": errors,
        "queries": queries,
    }


def _wrk(server: Server, path: str, seconds: float, cookie: str) -> tuple[float, int]:
    """Requests/s and failed answers (socket errors, non-2xx/3xx)."""
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{max(round(seconds), 1)}s",
        "-H",
        f"Host: {server.host}",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{server.port}{path}")
    out = subprocess.run(  # noqa: S603 - wrk, fixed arguments
        command, capture_output=True, text=True, check=True
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    failed = sum(
        int(n)
        for n in re.findall(
            r"(?:Non-2xx or 3xx responses|connect|read|write|timeout)[: ]\s*(\d+)", out
        )
    )
    return (float(rate.group(1)) if rate else 0.0), failed


def table(result: dict[str, Any], stack: str) -> list[str]:
    """A Markdown table: requests/s and share of the bare app, goals."""
    lines = [
        f"### {stack}: {result['courses']} courses, {result['server']}, "
        f"{result['client']}, {result['rounds']} rounds of {result['seconds_each']} s",
        "",
        "| page | requests/s | share of bare | goal | met |",
        "|---|---|---|---|---|",
    ]
    for name, label in LABELS.items():
        rate = result["requests_per_s"][name]
        share = result["percent_of_bare"].get(name)
        goal = GOALS.get(name)
        met = "" if goal is None else ("yes" if share >= goal else "**NO**")
        lines.append(
            f"| {label} | {rate:,.0f} | {'100' if share is None else share} % "
            f"| {'' if goal is None else f'>= {goal} %'} | {met} |"
        )
    queries = ", ".join(f"{k} {v}" for k, v in result["queries"].items())
    lines += ["", f"Queries a request (in process): {queries}."]
    if any(result["errors"].values()):
        lines.append(f"Errors: {result['errors']}.")
    return lines
