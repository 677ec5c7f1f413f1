"""Benchmark: statements accepted per second by the built-in LRS (POST
/xapi/statements, batches of 50, the whole request through the middleware,
validation, storing and the filter indexes), then one filtered query."""

from __future__ import annotations

import base64
import json
import time
import uuid
from typing import Any

from django.conf import settings
from django.test import Client

from xapi.models import Client as LRSClient
from xapi.models import Statement, StatementAgent

GOAL_STATEMENTS_PER_S = 2000
BATCH = 50


def _statement(index: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {
            "name": f"Learner {index % 200}",
            "mbox": f"mailto:l{index % 200}@bench.example",
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/answered",
            "display": {"en-US": "answered"},
        },
        "object": {
            "id": f"https://academy.example/activities/quiz-{index % 40}/q-{index % 7}",
            "definition": {
                "name": {"en": f"Question {index % 7}"},
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "interactionType": "choice",
                "choices": [{"id": "a"}, {"id": "b"}],
                "correctResponsesPattern": ["a"],
            },
        },
        "result": {
            "success": index % 3 != 0,
            "response": "a",
            "score": {"scaled": 0.5},
        },
        "context": {
            "registration": str(uuid.uuid4()),
            "contextActivities": {
                "parent": [
                    {"id": f"https://academy.example/activities/quiz-{index % 40}"}
                ]
            },
        },
        "timestamp": "2026-12-04T10:00:00Z",
    }


def run(*, statements: int = 5000) -> dict[str, Any]:
    client_row = LRSClient(name="bench")
    secret = client_row.set_new_secret()
    client_row.save()
    token = base64.b64encode(f"{client_row.key}:{secret}".encode()).decode()
    headers: dict[str, Any] = {
        "HTTP_AUTHORIZATION": f"Basic {token}",
        "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3",
    }
    http = Client(
        HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    )
    batches = [
        json.dumps([_statement(i) for i in range(start, start + BATCH)])
        for start in range(0, statements, BATCH)
    ]
    # One batch first: the URL configuration and the connection warm up.
    warm = json.dumps([_statement(i) for i in range(BATCH)])
    http.post("/xapi/statements", warm, content_type="application/json", **headers)
    before = Statement.objects.count()
    refused = 0
    started = time.perf_counter()
    for body in batches:
        response = http.post(
            "/xapi/statements", body, content_type="application/json", **headers
        )
        refused += response.status_code != 200
    seconds = time.perf_counter() - started
    stored = Statement.objects.count() - before
    agent = json.dumps({"mbox": "mailto:l7@bench.example"})
    expected = StatementAgent.objects.filter(
        ifi="mbox:mailto:l7@bench.example", direct=True
    ).count()
    started = time.perf_counter()
    response = http.get("/xapi/statements", {"agent": agent, "limit": "100"}, **headers)
    query_ms = (time.perf_counter() - started) * 1000
    return {
        "statements": stored,
        "batches_refused": refused,
        "seconds": round(seconds, 3),
        "statements_per_s": round(stored / seconds, 1) if seconds else 0,
        "query_ms": round(query_ms, 1),
        "query_ok": response.status_code == 200
        and len(response.json()["statements"]) == min(100, expected),
    }


def report(result: dict[str, Any]) -> list[str]:
    return [
        f"LRS: {result['statements']:,} statements in batches of {BATCH} in "
        f"{result['seconds']} s = {result['statements_per_s']:,}/s; a filtered "
        f"query (agent, 100 results) in {result['query_ms']} ms."
    ]


def forwarding(*, statements: int = 2000) -> dict[str, Any]:
    """Statements forwarded per second to a third-party LRS (ralph-malph on
    loopback, scripts/ralph.sh), through the outbox in its batches: every
    statement stored here is queued, then `outbox.forward()` runs until the
    queue is empty."""
    import shutil
    import socket
    import subprocess
    import tempfile
    from pathlib import Path

    from xapi import outbox, records
    from xapi.models import Forwarder, OutboxEntry

    script = Path(__file__).resolve().parents[1] / "scripts" / "ralph.sh"
    bash = shutil.which("bash") or "/bin/bash"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = Path(tempfile.mkdtemp(prefix="bench-ralph-")) / "lrs"
    started_lrs = subprocess.run(  # noqa: S603 (our own script)
        [bash, str(script), "start", str(folder), str(port), "bench", "bench-2026"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    try:
        forwarder = Forwarder.objects.create(
            name="bench ralph",
            endpoint=started_lrs.stdout.strip(),
            username="bench",
            password="bench-2026",  # noqa: S106 (a throw-away LRS on loopback)
        )
        for index in range(statements):
            records.record(_statement(index))
        queued = OutboxEntry.objects.filter(forwarder=forwarder, sent_at__isnull=True)
        waiting = queued.count()
        began = time.perf_counter()
        sent = 0
        while queued.exists():
            result = outbox.forward()
            sent += result["sent"]
            if result["failed"]:
                break
        seconds = time.perf_counter() - began
        held = sum(
            1
            for path in (folder / "data").glob("*.jsonl")
            for line in path.read_text().splitlines()
            if line.strip()
        )
        return {
            "queued": waiting,
            "sent": sent,
            "held": held,
            "seconds": round(seconds, 3),
            "per_s": round(sent / seconds, 1) if seconds else 0,
        }
    finally:
        subprocess.run(  # noqa: S603
            [bash, str(script), "stop", str(folder), "--remove"],
            timeout=60,
            check=False,
        )
