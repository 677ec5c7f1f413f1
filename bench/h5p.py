"""Benchmark 4: H5P. Import time of the largest shared real package (validation
alone, then validation and storing into an empty and into a warm library store),
and xAPI statements ingested per second through the platform's endpoint (the
whole request: middleware, session, CSRF-exempt test client, checks, result
update), one learner answering again and again."""

from __future__ import annotations

import copy
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import User
from enrollments.services import enroll
from lessons import services
from lessons.h5p.validation import validate_package
from lessons.models import H5PResult, H5PStatement
from tests.factories import make_course

from .seed import RUN_TAG, catalog

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "h5p"
GOAL_IMPORT_S_PER_3MB = 1.0
GOAL_STATEMENTS_PER_S = 500
REPEAT = 5


def largest_package() -> Path:
    packages = sorted((TESTDATA / "real").glob("*.h5p"), key=lambda p: p.stat().st_size)
    if not packages:
        raise SystemExit(f"shared test data missing: {TESTDATA / 'real'}")
    return packages[-1]


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def run(*, statements: int = 2000) -> dict[str, Any]:
    package = largest_package()
    size = package.stat().st_size
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        validate = [_timed(lambda: validate_package(package)) for _ in range(REPEAT)]
        cold = _timed(lambda: services.import_h5p_package(source=package))
        warm = [
            _timed(lambda: services.import_h5p_package(source=package))
            for _ in range(REPEAT)
        ]
        content = services.import_h5p_package(source=package).content
        assert content is not None
        ingest = _ingest(content, statements)
    worst = max(cold, *warm)
    per_3mb = worst * 3_000_000 / size
    return {
        "package": package.name,
        "package_bytes": size,
        "validate_median_s": round(statistics.median(validate), 3),
        "import_cold_s": round(cold, 3),
        "import_warm_median_s": round(statistics.median(warm), 3),
        "import_worst_per_3mb_s": round(per_3mb, 3),
        "import_goal_met": per_3mb <= GOAL_IMPORT_S_PER_3MB,
        **ingest,
        "ingest_goal_met": ingest["statements_per_s"] >= GOAL_STATEMENTS_PER_S,
        "batched_goal_met": ingest["batched_statements_per_s"] >= GOAL_STATEMENTS_PER_S,
    }


def _ingest(content, count: int) -> dict[str, Any]:
    course = make_course(catalog(), title=f"Bench H5P {RUN_TAG}", lessons=1)
    lesson = course.get_children().first().specific
    learner = User.objects.create_user(
        email=f"bench-h5p-{RUN_TAG}@example.org", display_name="Bench H5P learner"
    )
    enroll(learner=learner, course=course)
    launch = services.launch_h5p(learner=learner, content=content, lesson=lesson)
    capture = json.loads(
        (
            TESTDATA / "xapi" / "xapi_capture_truefalse_multichoice_questionset.json"
        ).read_text()
    )
    answered = next(
        s for s in capture["truefalse"] if s["verb"]["id"].endswith("answered")
    )
    host = settings.H5P_PLATFORM_ORIGIN.split("://", 1)[-1]
    client = Client(HTTP_HOST=host)
    client.force_login(learner)
    url = reverse("lessons:h5p_xapi", args=[launch.token])
    bodies = []
    for number in range(count):
        statement = copy.deepcopy(answered)
        statement["actor"]["mbox"] = f"mailto:{learner.email}"
        statement["object"]["id"] = services.activity_iri(content)
        statement["result"]["score"].update(raw=number % 5, max=4 + number % 2)
        bodies.append(json.dumps(statement))
    # The server's own work alone (checks, statement, result), as a task or a
    # bulk replay would run it, before the same volume through the endpoint.
    service_launch = services.launch_h5p(
        learner=learner, content=content, lesson=lesson
    )
    parsed = [json.loads(body) for body in bodies]
    started = time.perf_counter()
    for statement in parsed:
        services.record_statement(
            launch=service_launch, learner=learner, statement=statement
        )
    service_elapsed = time.perf_counter() - started
    started = time.perf_counter()
    refused = 0
    for body in bodies:
        response = client.post(url, data=body, content_type="application/json")
        refused += response.status_code != 201
    elapsed = time.perf_counter() - started
    # Batches of 20, as a relay that gathers a learner's burst of statements
    # would post them.
    batch_launch = services.launch_h5p(learner=learner, content=content, lesson=lesson)
    batch_url = reverse("lessons:h5p_xapi", args=[batch_launch.token])
    batches = [
        "[" + ",".join(bodies[start : start + 20]) + "]"
        for start in range(0, len(bodies), 20)
    ]
    started = time.perf_counter()
    for body in batches:
        response = client.post(batch_url, data=body, content_type="application/json")
        refused += response.status_code != 201
    batch_elapsed = time.perf_counter() - started
    stored = H5PStatement.objects.filter(launch=launch).count()
    result = H5PResult.objects.get(learner=learner, content=content)
    return {
        "statements": count,
        "statements_refused": refused,
        "statements_stored": stored,
        "statements_per_s": round(count / elapsed, 1),
        "service_statements_per_s": round(count / service_elapsed, 1),
        "batched_statements_per_s": round(count / batch_elapsed, 1),
        "best_raw": result.best_raw,
    }


def report(result: dict[str, Any]) -> list[str]:
    met = {True: "met", False: "NOT met"}
    return [
        f"H5P import: {result['package']} ({result['package_bytes']:,} bytes)",
        f"  validation alone, median of {REPEAT}: {result['validate_median_s']} s",
        f"  validate and store, empty library store: {result['import_cold_s']} s",
        f"  validate and store, warm store, median: {result['import_warm_median_s']} s",
        f"  worst, scaled to 3 MB: {result['import_worst_per_3mb_s']} s "
        f"(goal ≤ {GOAL_IMPORT_S_PER_3MB} s: {met[result['import_goal_met']]})",
        f"xAPI ingestion: {result['statements']} statements through the endpoint, "
        f"{result['statements_per_s']} /s "
        f"(goal ≥ {GOAL_STATEMENTS_PER_S}/s: {met[result['ingest_goal_met']]}); "
        f"{result['statements_stored']} stored, {result['statements_refused']} refused",
        f"  in batches of 20 through the endpoint: "
        f"{result['batched_statements_per_s']} /s "
        f"(goal: {met[result['batched_goal_met']]})",
        f"  the service alone (record_statement, no HTTP): "
        f"{result['service_statements_per_s']} /s",
    ]
