"""Forwarding to an external LRS: queued with the statement, held back while
the LRS is down (with backoff), delivered once it answers, each statement
kept once by the receiving LRS. The receiving LRS is this project's own,
served by a live server the test starts."""

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from xapi import outbox, records
from xapi.models import Forwarder, OutboxEntry, Statement

from .conftest import make_client, statement


def _dead_endpoint() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/xapi"


def test_backoff_grows_and_is_capped():
    assert outbox.backoff(1) == timedelta(seconds=30)
    assert outbox.backoff(2) == timedelta(seconds=60)
    assert outbox.backoff(50) == timedelta(hours=1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dead_lrs_delays_and_loses_nothing_and_each_statement_arrives_once(
    live_server,
):
    receiver, secret = make_client("receiver")
    forwarder = Forwarder.objects.create(
        name="partner",
        endpoint=_dead_endpoint(),
        username=receiver.key,
        password=secret,
    )
    ids = [records.record(statement()) for _ in range(3)]
    assert OutboxEntry.objects.filter(forwarder=forwarder).count() == 3

    # Down: nothing sent, each entry waits its backoff.
    assert outbox.forward() == {"sent": 0, "failed": 3}
    entry = OutboxEntry.objects.first()
    assert entry.attempts == 1 and entry.sent_at is None and entry.last_error
    assert outbox.forward() == {"sent": 0, "failed": 0}  # not due yet

    # Back up: the due entries go, once.
    forwarder.endpoint = f"{live_server.url}/xapi"
    forwarder.save()
    OutboxEntry.objects.update(next_attempt_at=timezone.now())
    before = Statement.objects.count()
    result = outbox.forward()
    assert result == {"sent": 3, "failed": 0}
    # The receiving LRS is this one: the forwarded statements were already
    # here, kept once (the same content sent again changes nothing).
    assert Statement.objects.count() == before
    assert {
        str(s) for s in Statement.objects.values_list("statement_id", flat=True)
    } == set(ids)
    assert not OutboxEntry.objects.filter(sent_at__isnull=True).exists()

    # Sent again (a worker that died before marking them): still one copy.
    OutboxEntry.objects.update(sent_at=None, next_attempt_at=timezone.now())
    assert outbox.forward()["sent"] == 3
    assert Statement.objects.count() == before


def test_a_batch_refused_for_one_known_statement_still_delivers_the_others(
    live_server,
):
    # The receiving LRS (this one, served live) holds a statement under the
    # same id with other content: it answers the batch 409. Sent one by one,
    # the others arrive; the known one is there already, so it is done.
    receiver, secret = make_client("receiver")
    forwarder = Forwarder.objects.create(
        name="partner",
        endpoint=f"{live_server.url}/xapi",
        username=receiver.key,
        password=secret,
    )
    known = records.record(statement())
    entry = OutboxEntry.objects.get(statement_id=known)
    entry.statement = {**entry.statement, "result": {"completion": True}}
    entry.save()
    others = [records.record(statement()) for _ in range(2)]
    # Only the outbox's copies reach the receiver: drop the local rows of
    # the others, as if they lived elsewhere.
    Statement.objects.filter(statement_id__in=others).delete()
    assert outbox.forward() == {"sent": 3, "failed": 0}
    held = Statement.objects.filter(statement_id__in=[known, *others])
    assert {str(s) for s in held.values_list("statement_id", flat=True)} == {
        known,
        *others,
    }
    assert not OutboxEntry.objects.filter(
        forwarder=forwarder, sent_at__isnull=True
    ).exists()
