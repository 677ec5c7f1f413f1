"""Forwarding to a third-party LRS: ralph-malph 5.1 (file-system backend) on
loopback, started and stopped by the project's scripts/ralph.sh. Statements
delivered twice (a worker that died before marking them sent) are held once,
the new ones beside them still delivered; stopped mid-stream the LRS delays
and loses nothing; started again it receives what waited, and holds every
statement once (read from its store's files and through its own API). Set
up for one cohort, it holds that cohort's members' statements and no one
else's."""

import base64
import json
import shutil
import socket
import subprocess
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.utils import timezone

from enrollments.models import Cohort
from tests.factories import UserFactory
from xapi import outbox, own, records
from xapi.models import Forwarder, OutboxEntry

from .conftest import statement

pytestmark = pytest.mark.django_db
BASH = shutil.which("bash") or "/bin/bash"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "ralph.sh"
USER, PASSWORD = "ign-forwarder", "forward-secret-2026"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Ralph:
    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.endpoint = ""

    def start(self) -> str:
        done = subprocess.run(
            [
                BASH,
                str(SCRIPT),
                "start",
                str(self.directory),
                str(self.port),
                USER,
                PASSWORD,
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            pytest.fail(
                f"ralph did not start (scripts/ralph.sh): {done.stderr[-2000:]}"
            )
        self.endpoint = done.stdout.strip()
        return self.endpoint

    def stop(self, *, remove: bool = False) -> None:
        subprocess.run(
            [
                BASH,
                str(SCRIPT),
                "stop",
                str(self.directory),
                *(["--remove"] if remove else []),
            ],
            check=True,
            timeout=60,
        )

    def stored_ids(self) -> list[str]:
        """Every statement id in every file the LRS wrote."""
        return [
            json.loads(line)["id"]
            for path in sorted((self.directory / "data").glob("*.jsonl"))
            for line in path.read_text().splitlines()
            if line.strip()
        ]

    def statement_ids(self) -> list[str]:
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (loopback)
            f"{self.endpoint}/statements?limit=500",
            headers={
                "Authorization": f"Basic {token}",
                "X-Experience-API-Version": "1.0.3",
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return [item["id"] for item in json.loads(response.read())["statements"]]


@pytest.fixture
def ralph(tmp_path):
    server = Ralph(tmp_path / "ralph")
    server.start()
    yield server
    server.stop(remove=True)


def test_a_real_lrs_stopped_and_started_mid_stream_gets_every_statement_once(ralph):
    forwarder = Forwarder.objects.create(
        name="partner LRS", endpoint=ralph.endpoint, username=USER, password=PASSWORD
    )
    first = [records.record(statement()) for _ in range(3)]
    assert outbox.forward() == {"sent": 3, "failed": 0}
    assert sorted(ralph.statement_ids()) == sorted(first)

    # A worker died after sending, before marking: the three go again, with a
    # new one in the same batch; ralph keeps one of each.
    second = records.record(statement())
    OutboxEntry.objects.update(sent_at=None, next_attempt_at=timezone.now())
    result = outbox.forward()
    assert result == {"sent": 4, "failed": 0}, list(
        OutboxEntry.objects.values_list("last_error", flat=True)
    )
    assert sorted(ralph.statement_ids()) == sorted([*first, second])

    # The LRS goes down: the next statements wait, with backoff, and nothing
    # is lost.
    ralph.stop()
    third = [records.record(statement()) for _ in range(2)]
    assert outbox.forward() == {"sent": 0, "failed": 2}
    waiting = OutboxEntry.objects.filter(forwarder=forwarder, sent_at__isnull=True)
    assert waiting.count() == 2
    assert all(entry.attempts == 1 and entry.last_error for entry in waiting)
    assert outbox.forward() == {"sent": 0, "failed": 0}  # not due yet

    # Back up: the due entries go, and the LRS holds every statement once.
    ralph.start()
    waiting.update(next_attempt_at=timezone.now())
    result = outbox.forward()
    assert result == {"sent": 2, "failed": 0}, [e.last_error for e in waiting]
    held = ralph.stored_ids()
    assert sorted(held) == sorted([*first, second, *third])
    assert len(held) == len(set(held)) == 6
    assert sorted(ralph.statement_ids()) == sorted(held)
    assert not OutboxEntry.objects.filter(sent_at__isnull=True).exists()


def test_a_real_lrs_for_one_cohort_holds_its_members_statements_only(ralph):
    # ralph as a unit's LRS: our own statements about the cohort's member
    # reach it; those about another learner, or posted about a stranger, do not.
    forwarder = Forwarder.objects.create(
        name="unit LRS",
        endpoint=ralph.endpoint,
        username=USER,
        password=PASSWORD,
        scope=Forwarder.Scope.ORGANISATIONS,
    )
    member, outsider = UserFactory(), UserFactory()
    cohort = Cohort.objects.create(name="Unit")
    cohort.members.add(member)
    cohort.forwarders.add(forwarder)

    def about(user) -> dict:
        return statement(id=str(uuid.uuid4()), actor=own.actor(user))

    mine = own.write([about(member), about(member)])
    own.write([about(outsider)])
    records.record(statement())
    assert outbox.forward() == {"sent": 2, "failed": 0}
    assert sorted(ralph.statement_ids()) == sorted(mine)
    assert sorted(ralph.stored_ids()) == sorted(mine)
