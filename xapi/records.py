"""Storing statements: filling what the LRS sets, the voiding rules, the
indexes the filters read. `record()` is the entry for other apps."""

import copy
import uuid
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import validation
from .models import Activity, Client, Statement, StatementActivity, StatementAgent

VERSION = "1.0.3"


class Conflict(Exception):
    pass


def ifi(agent: dict) -> str:
    """The key an agent or identified group is known by (empty if none)."""
    if "mbox" in agent:
        return "mbox:" + str(agent["mbox"]).lower()
    if "mbox_sha1sum" in agent:
        return "sha1:" + str(agent["mbox_sha1sum"]).lower()
    if "openid" in agent:
        return "openid:" + str(agent["openid"])
    account = agent.get("account")
    if isinstance(account, dict):
        return f"account:{account.get('homePage')}|{account.get('name')}"
    return ""


def _agent_keys(agent: dict) -> list[str]:
    keys = [ifi(agent)]
    for member in agent.get("member") or []:
        keys.append(ifi(member))
    return [key for key in keys if key]


def _context_iris(ctx: dict) -> list[str]:
    iris = []
    for items in (ctx.get("contextActivities") or {}).values():
        iris += [item["id"] for item in items]
    return iris


def _indexes(statement: dict) -> tuple[dict, dict]:
    """{ifi: direct} and {activity iri: direct} for a statement."""
    agents: dict[str, bool] = {}
    activities: dict[str, bool] = {}

    def add(target: dict, keys, direct: bool) -> None:
        for key in keys:
            target[key] = target.get(key, False) or direct

    def walk(part: dict, direct: bool) -> None:
        add(agents, [ifi(part["actor"])], direct)
        add(agents, _agent_keys(part["actor"]), False)
        obj = part["object"]
        kind = obj.get("objectType", "Activity")
        if kind == "Activity":
            add(activities, [obj["id"]], direct)
        elif kind in ("Agent", "Group"):
            add(agents, [ifi(obj)], direct)
            add(agents, _agent_keys(obj), False)
        elif kind == "SubStatement":
            walk(obj, False)
        ctx = part.get("context") or {}
        for key in ("instructor", "team"):
            if key in ctx:
                add(agents, _agent_keys(ctx[key]), False)
        add(activities, _context_iris(ctx), False)

    walk(statement, True)
    if "authority" in statement:
        add(agents, _agent_keys(statement["authority"]), False)
    agents.pop("", None)
    return agents, activities


def _normalise(statement: dict) -> None:
    """Context activities always as lists, as the spec returns them."""
    for part in (statement, statement.get("object") or {}):
        ctx = part.get("context") if isinstance(part, dict) else None
        if isinstance(ctx, dict) and isinstance(ctx.get("contextActivities"), dict):
            for key, items in ctx["contextActivities"].items():
                if not isinstance(items, list):
                    ctx["contextActivities"][key] = [items]


def _comparable(statement: dict) -> dict:
    data = copy.deepcopy(statement)
    for key in ("stored", "authority", "version", "id"):
        data.pop(key, None)
    _normalise(data)
    if "timestamp" in data:
        data["timestamp"] = validation.parse_timestamp(data["timestamp"], "timestamp")
    if isinstance(data.get("actor"), dict) and "mbox" in data["actor"]:
        data["actor"]["mbox"] = data["actor"]["mbox"].lower()
    return data


def _iso(moment: datetime) -> str:
    return (
        moment.astimezone(timezone.UTC)
        .isoformat(timespec="microseconds")
        .replace("+00:00", "Z")
    )


def prepare(statements: list[dict], client: Client | None) -> list[dict]:
    """Validated, with id/stored/authority/timestamp/version set. Raises
    validation.Invalid."""
    ready = []
    seen = set()
    for item in statements:
        validation.statement(item)
        data = copy.deepcopy(item)
        data.setdefault("id", validation.new_id())
        data["id"] = data["id"].lower()
        if data["id"] in seen:
            raise validation.Invalid("two statements in the batch share an id")
        seen.add(data["id"])
        _normalise(data)
        ready.append(data)
    return ready


@transaction.atomic
def store(statements: list[dict], client: Client | None) -> list[str]:
    """Stores prepared statements; returns their ids. Raises Conflict for an
    id already stored with different content, validation.Invalid for a
    voiding statement that voids a voiding statement."""
    now = timezone.now()
    stored_text = _iso(now)
    ids = [uuid.UUID(item["id"]) for item in statements]
    existing = {
        row.statement_id: row.statement
        for row in Statement.objects.filter(statement_id__in=ids).only(
            "statement_id", "statement"
        )
    }
    fresh = []
    for item in statements:
        previous = existing.get(uuid.UUID(item["id"]))
        if previous is not None:
            before, now_sent = _comparable(previous), _comparable(item)
            if "timestamp" not in now_sent:
                # The LRS filled it the first time.
                before.pop("timestamp", None)
            if before != now_sent:
                raise Conflict(item["id"])
            continue
        fresh.append(item)
    voids = {
        uuid.UUID(item["object"]["id"]): item
        for item in fresh
        if item["verb"]["id"] == validation.VOIDED
    }
    if voids:
        targets = Statement.objects.filter(statement_id__in=voids.keys())
        if targets.filter(verb_id=validation.VOIDED).exists() or any(
            voids.get(uuid.UUID(item["id"])) is not None
            and item["verb"]["id"] == validation.VOIDED
            for item in fresh
        ):
            raise validation.Invalid("a voiding statement cannot be voided")
    rows = []
    for item in fresh:
        item["stored"] = stored_text
        item.setdefault("timestamp", stored_text)
        item["version"] = item.get("version") or "1.0.0"
        if client is not None:
            item["authority"] = client.authority()
        ctx = item.get("context") or {}
        obj = item["object"]
        rows.append(
            Statement(
                statement_id=uuid.UUID(item["id"]),
                statement=item,
                stored=now,
                client=client,
                verb_id=item["verb"]["id"][:2048],
                voided=uuid.UUID(item["id"]) in voids,
                voids=uuid.UUID(obj["id"])
                if item["verb"]["id"] == validation.VOIDED
                else None,
                refers_to=uuid.UUID(obj["id"])
                if obj.get("objectType") == "StatementRef"
                else None,
                registration=ctx.get("registration"),
            )
        )
    # Within a batch, a statement voided by a later one is voided too; the
    # flag above caught those by id, reset it to the ones actually targeted.
    for row in rows:
        row.voided = row.statement_id in voids
    Statement.objects.bulk_create(rows)
    if voids:
        Statement.objects.filter(statement_id__in=voids.keys()).exclude(
            verb_id=validation.VOIDED
        ).update(voided=True)
    agent_rows, activity_rows = [], []
    definitions: dict[str, dict] = {}
    for row in rows:
        agents, activities = _indexes(row.statement)
        agent_rows += [
            StatementAgent(statement=row, ifi=key[:700], direct=direct)
            for key, direct in agents.items()
        ]
        activity_rows += [
            StatementActivity(statement=row, iri=key[:2048], direct=direct)
            for key, direct in activities.items()
        ]
        _collect_definitions(row.statement, definitions)
    StatementAgent.objects.bulk_create(agent_rows)
    StatementActivity.objects.bulk_create(activity_rows)
    _save_definitions(definitions)
    return [item["id"] for item in statements]


def _collect_definitions(statement: dict, definitions: dict) -> None:
    def visit(activity: dict) -> None:
        if "definition" in activity:
            merged = definitions.setdefault(activity["id"], {})
            _merge_definition(merged, activity["definition"])
        else:
            definitions.setdefault(activity["id"], {})

    for part in (statement, statement["object"]):
        obj = part.get("object") if part is statement else part
        if (
            isinstance(obj, dict)
            and obj.get("objectType", "Activity") == "Activity"
            and "id" in obj
        ):
            visit(obj)
        for items in (
            (part.get("context") or {}).get("contextActivities") or {}
        ).values():
            for item in items:
                visit(item)


def _merge_definition(into: dict, definition: dict) -> None:
    """Language maps gain languages; other properties take the newer value."""
    for key, value in definition.items():
        if key in ("name", "description") and isinstance(into.get(key), dict):
            into[key] = {**into[key], **value}
        else:
            into[key] = copy.deepcopy(value)


def _save_definitions(definitions: dict) -> None:
    if not definitions:
        return
    known = {
        row.iri: row for row in Activity.objects.filter(iri__in=definitions.keys())
    }
    new = []
    for key, definition in definitions.items():
        row = known.get(key)
        if row is None:
            new.append(Activity(iri=key[:2048], definition=definition))
        elif definition:
            merged = copy.deepcopy(row.definition)
            _merge_definition(merged, definition)
            if merged != row.definition:
                row.definition = merged
                row.save(update_fields=["definition"])
    Activity.objects.bulk_create(new, ignore_conflicts=True)


def record(statement: dict, client: Client | None = None) -> str:
    """Validates and stores one statement our own apps write (lesson viewed,
    quiz passed…); returns its id. Raises validation.Invalid or Conflict."""
    return store(prepare([statement], client), client)[0]
