"""Page throughput through gunicorn: requests a second for the anonymous
catalog and course page and the signed-in lesson page and dashboard, each as a
share of a bare Django view served by the same gunicorn in the same rounds
(bench/urls.py), at two catalog sizes; queries a page (in-process) and peak
memory of the gunicorn workers.

The targets are measured in interleaved rounds (bare, catalog, course, lesson,
dashboard, again) and each share is the median over the rounds of the page's
rate over the bare view's rate in the same round, so load from other work on
the machine weighs on both sides alike."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import assign_role
from courses.models import CoursePage
from courses.page_cache import bump_content_version
from enrollments.models import Enrollment, LessonProgress
from lessons.models import LessonPage
from tests.factories import make_course

from .seed import RUN_TAG, catalog
from .server import HOST, gunicorn, hammer, session_cookies

# Share of the bare view's requests/s (percent).
GOALS = {"catalog": 50, "course": 25, "lesson": 15, "dashboard": 15}
# The signed-in learner's courses (first lesson done in each): the catalog
# grows, a learner's own list does not grow with it.
ENROLMENTS = 10
# The cached Site against Wagtail's lookup: interleaved blocks of requests.
SITE_ROUNDS, SITE_REQUESTS = 4, 20
LABELS = {
    "bare": "bare Django view",
    "catalog": "catalog /courses/, anonymous",
    "course": "course page, anonymous",
    "lesson": "lesson page, signed in",
    "dashboard": "dashboard, signed in",
}


def run(
    *,
    sizes: tuple[int, ...],
    rounds: int,
    seconds: float,
    concurrency: int,
    workers: int,
    log_path: Path,
) -> dict[str, Any]:
    index = catalog()
    learner = User.objects.create_user(
        email=f"bench-pages-{RUN_TAG}@example.org", display_name="Bench reader"
    )
    assign_role(user=learner, role=Role.STUDENT)
    result: dict[str, Any] = {
        "server": f"gunicorn, {workers} sync workers, bench.settings (DEBUG off)",
        "client": f"{concurrency} threads, http.client, a new connection a request",
        "rounds": rounds,
        "seconds_each": seconds,
        "sizes": [],
    }
    courses: list[CoursePage] = []
    for size in sizes:
        courses += [make_course(index, lessons=3) for _ in range(size - len(courses))]
        if not Enrollment.objects.filter(learner=learner).exists():
            _enrol(learner, courses[:ENROLMENTS])
        first = courses[0]
        lesson = first.get_children().live().first()
        assert lesson is not None
        paths = {
            "bare": "/bench/bare/",
            "catalog": index.url,
            "course": first.url,
            "lesson": lesson.url,
            "dashboard": "/en/dashboard/",
        }
        cookies = session_cookies(learner)
        signed_in = {"lesson", "dashboard"}
        entry: dict[str, Any] = {
            "courses": CoursePage.objects.live().child_of(index).count(),
            "enrolments_of_the_learner": ENROLMENTS,
            "paths": paths,
            "queries": _queries(paths, cookies, signed_in),
            "site_lookup_cpu_ms": _site_lookup_cpu_ms(paths, cookies, signed_in),
        }
        with gunicorn(log_path, workers=workers) as server:
            # Warm every worker: imports, Wagtail's site paths, the page cache.
            for name, path in paths.items():
                hammer(
                    server,
                    path,
                    seconds=0.5,
                    concurrency=workers * 2,
                    cookies=cookies if name in signed_in else None,
                )
            rates: dict[str, list[float]] = {name: [] for name in paths}
            errors = dict.fromkeys(paths, 0)
            for _ in range(rounds):
                for name, path in paths.items():
                    load = hammer(
                        server,
                        path,
                        seconds=seconds,
                        concurrency=concurrency,
                        cookies=cookies if name in signed_in else None,
                    )
                    rates[name].append(load.per_s)
                    errors[name] += load.errors
            entry["peak_rss_mb"] = server.peak_rss_mb()
        entry["requests_per_s"] = {
            name: round(statistics.median(values), 1) for name, values in rates.items()
        }
        entry["percent_of_bare"] = {
            name: round(
                statistics.median(
                    page / bare * 100
                    for page, bare in zip(rates[name], rates["bare"], strict=True)
                ),
                1,
            )
            for name in GOALS
        }
        entry["errors"] = errors
        result["sizes"].append(entry)
    return result


def _enrol(learner: User, courses: list[CoursePage]) -> None:
    now = timezone.now()
    enrolments = Enrollment.objects.bulk_create(
        Enrollment(learner=learner, course=course, enrolled_at=now)
        for course in courses
    )
    for enrolment, course in zip(enrolments, courses, strict=True):
        lesson = LessonPage.objects.child_of(course).order_by("path").first()
        LessonProgress.objects.create(
            enrollment=enrolment,
            lesson=lesson,
            first_seen_at=now,
            last_seen_at=now,
            completed_at=now,
        )


def _queries(
    paths: dict[str, str], cookies: dict[str, str], signed_in: set[str]
) -> dict[str, int]:
    """Queries a request, in this process, as a worker runs it."""
    counts: dict[str, int] = {}
    anonymous = Client(HTTP_HOST=HOST)
    reader = Client(HTTP_HOST=HOST)
    for name, value in cookies.items():
        reader.cookies[name] = value
    for name, path in paths.items():
        client = reader if name in signed_in else anonymous
        client.get(path)  # warm: Wagtail's site root paths
        if name in ("catalog", "course"):
            bump_content_version()
            counts[f"{name} (cache miss)"] = _count(client, path)
            counts[f"{name} (cache hit)"] = _count(client, path)
        else:
            counts[name] = _count(client, path)
    return counts


def _site_lookup_cpu_ms(
    paths: dict[str, str], cookies: dict[str, str], signed_in: set[str]
) -> dict[str, dict[str, float]]:
    """CPU milliseconds a request of each signed-in page, in this process,
    with the cached Wagtail Site (home.sites.CachedSiteMiddleware) and with
    Wagtail's own lookup (the middleware left out), in interleaved blocks:
    what the cache saves a request (median of the blocks)."""
    cached = list(settings.MIDDLEWARE)
    variants = {
        "cached": cached,
        "wagtail": [m for m in cached if m != "home.sites.CachedSiteMiddleware"],
    }
    blocks: dict[str, dict[str, list[float]]] = {
        name: {variant: [] for variant in variants} for name in sorted(signed_in)
    }
    for turn in range(SITE_ROUNDS):
        order = list(variants.items())[:: 1 if turn % 2 == 0 else -1]
        for variant, middleware in order:
            with override_settings(MIDDLEWARE=middleware):
                for name in blocks:
                    client = Client(HTTP_HOST=HOST)  # loads the middleware asked
                    for key, value in cookies.items():
                        client.cookies[key] = value
                    client.get(paths[name])
                    started = time.process_time()
                    for _ in range(SITE_REQUESTS):
                        client.get(paths[name])
                    spent = time.process_time() - started
                    blocks[name][variant].append(spent / SITE_REQUESTS * 1000)
    return {
        name: {v: round(statistics.median(ms), 2) for v, ms in by_variant.items()}
        for name, by_variant in blocks.items()
    }


def _count(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(captured.captured_queries)


def report(result: dict[str, Any]) -> list[str]:
    lines = [
        "Page throughput (requests/s through gunicorn; share of the bare view)",
        f"   {result['server']}; client {result['client']}; "
        f"{result['rounds']} rounds of {result['seconds_each']} s a page",
    ]
    for entry in result["sizes"]:
        rss = entry["peak_rss_mb"]
        lines.append(
            f"   {entry['courses']} courses (the learner enrolled in "
            f"{entry['enrolments_of_the_learner']}); peak RSS: largest worker "
            f"{rss['worker_max']} MB, master {rss['master']} MB"
        )
        for name, label in LABELS.items():
            rate = entry["requests_per_s"][name]
            share = entry["percent_of_bare"].get(name)
            goal = (
                f", {share} % of bare (goal >= {GOALS[name]} %: "
                f"{'met' if share >= GOALS[name] else 'NOT met'})"
                if share is not None
                else ""
            )
            errors = entry["errors"][name]
            lines.append(
                f"     {label}: {rate} /s{goal}"
                + (f", {errors} ERRORS" if errors else "")
            )
        queries = ", ".join(f"{k} {v}" for k, v in entry["queries"].items())
        lines.append(f"     queries a request: {queries}")
        sites = "; ".join(
            f"{name} {ms['cached']} ms with the cached Site, {ms['wagtail']} ms "
            "with Wagtail's lookup"
            for name, ms in entry["site_lookup_cpu_ms"].items()
        )
        lines.append(f"     CPU a request, in process: {sites}")
    return lines
