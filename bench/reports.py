"""Benchmark 6: report pages at volume. `bench.load.generate` builds the
enrolments, lesson progress and attempts; each report page is then requested
through the Django test client (middleware, session, template) as the load
admin (sees everything) and as the load manager (one cohort), several times;
the median time and the query count of each are recorded."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from assessments.models import Attempt
from enrollments.models import Cohort, Enrollment, LessonProgress
from reports import selectors

from . import load

RESULTS = Path(__file__).resolve().parent / "results"
GOAL_MS = 300
GOAL_QUERIES = 10
REPEAT = 3


def run(*, enrollments: int, progress: int, attempts: int) -> dict[str, Any]:
    started = time.perf_counter()
    load.generate(
        enrollments=enrollments,
        progress=progress,
        attempts=attempts,
        stdout=_Quiet(),
    )
    load_s = round(time.perf_counter() - started, 1)
    admin = User.objects.get(email="load-admin@example.org")
    manager = User.objects.get(email="load-manager@example.org")
    cohort = Cohort.objects.filter(program_managers=manager).first()
    assert cohort is not None
    member = cohort.members.order_by("pk").first()
    assert member is not None
    # A course of the generated load that the manager reports on (in a full
    # `make bench`, earlier benchmarks' courses come first and are not theirs).
    course_id = (
        Enrollment.objects.filter(learner=member)
        .order_by("course_id")
        .values_list("course_id", flat=True)[0]
    )
    # That course's quiz (the lowest quiz id, too, belongs to an earlier
    # benchmark in a full `make bench`).
    quiz_id = next(
        pk
        for pk, quiz in selectors.quiz_directory().items()
        if quiz.course_id == course_id
    )
    pages = {
        "courses": reverse("reports:index"),
        "course": reverse("reports:course", args=[course_id]),
        "item analysis": reverse("reports:assessment", args=[quiz_id]),
        "learner": reverse("reports:learner", args=[member.pk]),
        "at risk (inactive)": reverse("reports:at_risk") + "?reason=inactive",
        "at risk (overdue)": reverse("reports:at_risk") + "?reason=overdue",
        "at risk (failed twice)": reverse("reports:at_risk") + "?reason=failed_twice",
        "at risk (behind)": reverse("reports:at_risk") + "?reason=behind",
        "assign course": reverse("reports:assign_course", args=[cohort.pk]),
        "cohorts": reverse("reports:cohorts"),
        "cohort matrix": reverse("reports:cohort", args=[cohort.pk]),
    }
    timings = {}
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        for who, user in (("admin", admin), ("manager", manager)):
            client = Client()
            client.force_login(user)
            for name, url in pages.items():
                timings[f"{who}: {name}"] = _measure(client, url)
    result = {
        "volume": {
            "enrollments": Enrollment.objects.count(),
            "lesson_progress": LessonProgress.objects.count(),
            "attempts": Attempt.objects.count(),
        },
        "generate_load_s": load_s,
        "pages": timings,
        "goals_met": all(
            t["median_ms"] <= GOAL_MS and t["queries"] <= GOAL_QUERIES
            for t in timings.values()
        ),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "reports.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "reports.txt").write_text("\n".join(report(result)) + "\n")
    return result


def _measure(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    queries = 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
        queries = len(captured.captured_queries)
    return {
        "url": url,
        "median_ms": round(statistics.median(times), 1),
        "queries": queries,
    }


def report(result: dict[str, Any]) -> list[str]:
    volume = result["volume"]
    lines = [
        f"Report pages at {volume['enrollments']:,} enrolments, "
        f"{volume['lesson_progress']:,} lesson-progress rows, "
        f"{volume['attempts']:,} attempts "
        f"(generate_load {result['generate_load_s']} s); "
        f"goal ≤ {GOAL_MS} ms and ≤ {GOAL_QUERIES} queries a page: "
        + ("met" if result["goals_met"] else "NOT met everywhere")
    ]
    for name, timing in result["pages"].items():
        lines.append(f"  {name}: {timing['median_ms']} ms, {timing['queries']} queries")
    return lines


class _Quiet:
    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass
