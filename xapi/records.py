"""Storing statements: filling what the LRS sets, the voiding rules, the
indexes the filters read. `record()` is the entry for other apps."""

import json
import uuid
from datetime import UTC, datetime

from django.db import connection, transaction
from django.utils import timezone

from . import outbox, validation
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
    data = _copy(statement)
    for key in ("stored", "authority", "version", "id"):
        data.pop(key, None)
    _normalise(data)
    if "timestamp" in data:
        data["timestamp"] = validation.parse_timestamp(data["timestamp"], "timestamp")
    if isinstance(data.get("actor"), dict) and "mbox" in data["actor"]:
        data["actor"]["mbox"] = data["actor"]["mbox"].lower()
    return data


def _copy(data):
    """A deep copy of JSON data (faster than copy.deepcopy)."""
    return json.loads(json.dumps(data))


def _iso(moment: datetime) -> str:
    return (
        moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    )


def prepare(statements: list[dict], client: Client | None) -> list[dict]:
    """Validated, with id/stored/authority/timestamp/version set. Raises
    validation.Invalid."""
    ready = []
    seen = set()
    for item in statements:
        validation.statement(item)
        data = _copy(item)
        data.setdefault("id", validation.new_id())
        data["id"] = data["id"].lower()
        if data["id"] in seen:
            raise validation.Invalid("two statements in the batch share an id")
        seen.add(data["id"])
        _normalise(data)
        ready.append(data)
    return ready


STATEMENT_FIELDS = (
    "statement_id",
    "statement",
    "stored",
    "client",
    "verb_id",
    "voided",
    "voids",
    "refers_to",
    "registration",
)


def _insert_many(model, names: tuple, rows: list[tuple]) -> None:
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    params = [
        [
            field.get_db_prep_save(value, connection)
            for field, value in zip(fields, row, strict=True)
        ]
        for row in rows
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
            params,
        )


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
        statement_id = uuid.UUID(item["id"])
        verb = item["verb"]["id"]
        rows.append(
            (
                statement_id,
                item,
                now,
                client.pk if client is not None else None,
                verb[:2048],
                # Within a batch, a statement voided by a later one.
                statement_id in voids,
                uuid.UUID(obj["id"]) if verb == validation.VOIDED else None,
                uuid.UUID(obj["id"])
                if obj.get("objectType") == "StatementRef"
                else None,
                uuid.UUID(ctx["registration"]) if "registration" in ctx else None,
            )
        )
    # Rows go in by executemany: thousands of model instances (their init
    # signals, the per-field compiler) cost more than the inserts themselves.
    _insert_many(Statement, STATEMENT_FIELDS, rows)
    pks = dict(
        Statement.objects.filter(statement_id__in=[row[0] for row in rows]).values_list(
            "statement_id", "pk"
        )
    )
    if voids:
        Statement.objects.filter(statement_id__in=voids.keys()).exclude(
            verb_id=validation.VOIDED
        ).update(voided=True)
    agent_rows, activity_rows = [], []
    definitions: dict[str, dict] = {}
    for row in rows:
        pk, item = pks[row[0]], row[1]
        agents, activities = _indexes(item)
        agent_rows += [(pk, key[:700], direct) for key, direct in agents.items()]
        activity_rows += [
            (pk, key[:2048], direct) for key, direct in activities.items()
        ]
        _collect_definitions(item, definitions)
    _insert_many(StatementAgent, ("statement", "ifi", "direct"), agent_rows)
    _insert_many(StatementActivity, ("statement", "iri", "direct"), activity_rows)
    _save_definitions(definitions)
    outbox.enqueue([row[1] for row in rows])
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
            into[key] = value


def _save_definitions(definitions: dict) -> None:
    if not definitions:
        return
    known = dict(
        Activity.objects.filter(iri__in=definitions.keys()).values_list(
            "iri", "definition"
        )
    )
    new = []
    for key, definition in definitions.items():
        if key not in known:
            new.append(Activity(iri=key[:2048], definition=definition))
        elif definition:
            merged = _copy(known[key])
            _merge_definition(merged, definition)
            if merged != known[key]:
                Activity.objects.filter(iri=key).update(definition=merged)
    Activity.objects.bulk_create(new, ignore_conflicts=True)


def record(statement: dict, client: Client | None = None) -> str:
    """Validates and stores one statement our own apps write (lesson viewed,
    quiz passed…); returns its id. Raises validation.Invalid or Conflict."""
    return store(prepare([statement], client), client)[0]
