"""Forwarding statements to external LRSs: queued in the statement's own
transaction (records.store), sent by the task worker in batches, retried with
exponential backoff; the receiving LRS keeps one copy of an id (xAPI: the same
statement sent again is accepted and changes nothing), so at-least-once
sending delivers exactly once.

Which LRSs a statement goes to is decided when it is queued: every active
site-wide one, and every active organisations' one that reaches its actor
then (`audiences`: a learner of a cohort that names it). A learner who leaves
the cohort afterwards stops new statements, not those already queued."""

import base64
import json
import urllib.error
import urllib.request
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import audiences
from .models import Forwarder, OutboxEntry

BATCH = 50
MAX_BACKOFF = timedelta(hours=1)
TIMEOUT_S = 20


def enqueue(statements: list[dict]) -> None:
    """Queues each statement for every active site-wide LRS, and for every
    active organisations' LRS that reaches its actor (`audiences`). Two
    queries and one insert, whatever the number of statements."""
    if not statements:
        return
    forwarders = list(Forwarder.objects.filter(active=True).values_list("pk", "scope"))
    if not forwarders:
        return
    site = [pk for pk, scope in forwarders if scope == Forwarder.Scope.SITE]
    organisations = [
        pk for pk, scope in forwarders if scope == Forwarder.Scope.ORGANISATIONS
    ]
    learners: list[int | None] = [None] * len(statements)
    reached: dict[int, set[int]] = {}
    if organisations:
        home = audiences.home_page()
        learners = [audiences.learner_pk(item, home) for item in statements]
        allowed = set(organisations)
        reached = {
            learner: forwarders & allowed
            for learner, forwarders in audiences.reach(
                {pk for pk in learners if pk is not None}, organisations
            ).items()
        }
    voided = _voided_reach(statements, organisations)
    now = timezone.now()
    OutboxEntry.objects.bulk_create(
        [
            OutboxEntry(
                forwarder_id=forwarder,
                statement_id=item["id"],
                statement=item,
                next_attempt_at=now,
            )
            for item, learner in zip(statements, learners, strict=True)
            for forwarder in [
                *site,
                *sorted(
                    (reached.get(learner, set()) if learner is not None else set())
                    | voided.get(item["id"], set())
                ),
            ]
        ],
        ignore_conflicts=True,
    )


VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def _voided_reach(
    statements: list[dict], organisations: list[int]
) -> dict[str, set[int]]:
    """A voiding statement follows the statement it voids: whoever voids it
    (often a client, not the learner), the organisations' LRSs that were sent
    the original are sent the voiding too. One query, only when there is one."""
    targets: dict[str, str] = {}
    for item in statements:
        target = item.get("object") or {}
        if (
            (item.get("verb") or {}).get("id") == VOIDED
            and isinstance(target, dict)
            and target.get("objectType") == "StatementRef"
            and isinstance(target.get("id"), str)
        ):
            try:
                targets[item["id"]] = str(uuid.UUID(target["id"]))
            except ValueError:
                continue
    if not targets or not organisations:
        return {}
    sent: dict[str, set[int]] = {}
    for statement_id, forwarder_id in OutboxEntry.objects.filter(
        statement_id__in=set(targets.values()), forwarder_id__in=organisations
    ).values_list("statement_id", "forwarder_id"):
        sent.setdefault(str(statement_id), set()).add(forwarder_id)
    return {
        voiding: sent[target] for voiding, target in targets.items() if target in sent
    }


def backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30 * 2 ** min(attempts - 1, 12)), MAX_BACKOFF)


def _send(forwarder: Forwarder, statements: list[dict]) -> None:
    token = base64.b64encode(
        f"{forwarder.username}:{forwarder.password}".encode()
    ).decode()
    request = urllib.request.Request(  # noqa: S310 (an admin-set http(s) URL)
        forwarder.endpoint.rstrip("/") + "/statements",
        data=json.dumps(statements).encode(),
        method="POST",
        headers={
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": "1.0.3",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310
        if response.status not in (200, 204):
            raise urllib.error.HTTPError(
                request.full_url,
                response.status,
                "unexpected status",
                response.headers,
                None,
            )


def _deliver(forwarder: Forwarder, entries: list[OutboxEntry]) -> list[OutboxEntry]:
    """Sends the batch; returns the entries that did not get through. A
    receiving LRS that already holds one of the statements refuses the whole
    batch (409, as ralph does even for the same content): then each is sent
    alone, and a 409 for one alone means the LRS holds it already, delivered
    (the LRS keeps one, which is what exactly-once asks)."""
    try:
        _send(forwarder, [entry.statement for entry in entries])
        return []
    except urllib.error.HTTPError as error:
        if error.code != 409:
            raise
    failed = []
    for entry in entries:
        try:
            _send(forwarder, [entry.statement])
        except urllib.error.HTTPError as error:
            if error.code != 409:
                entry.last_error = str(error)[:500]
                failed.append(entry)
        except (urllib.error.URLError, OSError, ValueError) as error:
            entry.last_error = str(error)[:500]
            failed.append(entry)
    return failed


def forward(batch: int = BATCH, max_batches: int = 100) -> dict:
    """Sends what is due, batch by batch, per external LRS; returns counts."""
    sent = failed = 0
    for forwarder in Forwarder.objects.filter(active=True):
        for _ in range(max_batches):
            now = timezone.now()
            entries = list(
                OutboxEntry.objects.filter(
                    forwarder=forwarder, sent_at__isnull=True, next_attempt_at__lte=now
                ).order_by("created_at", "pk")[:batch]
            )
            if not entries:
                break
            try:
                refused = _deliver(forwarder, entries)
            except (urllib.error.URLError, OSError, ValueError) as error:
                for entry in entries:
                    entry.last_error = str(error)[:500]
                refused = entries
            if refused:
                failed += len(refused)
                with transaction.atomic():
                    for entry in refused:
                        entry.attempts += 1
                        entry.next_attempt_at = now + backoff(entry.attempts)
                        entry.save(
                            update_fields=["attempts", "next_attempt_at", "last_error"]
                        )
            delivered = [entry.pk for entry in entries if entry not in refused]
            OutboxEntry.objects.filter(pk__in=delivered).update(
                sent_at=timezone.now(), last_error=""
            )
            sent += len(delivered)
            if refused:
                break
    return {"sent": sent, "failed": failed}
