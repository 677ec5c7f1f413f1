"""Strict validation of xAPI 1.0.3 statements and agents. Every failure raises
`Invalid` with a message; the views answer 400 with it."""

import re
import uuid
from datetime import datetime
from typing import NoReturn

MAX_STRING = 10_000

UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-"
    r"[0-9a-fA-F]{12}$"
)
IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")
LANG_RE = re.compile(
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?$"
    r"|^[xX](?:-[A-Za-z0-9]{1,8})+$|^(?:en-GB-oed|i-[a-z]+|sgn-[A-Z]{2}-[A-Z]{2})$"
)
SHA1_RE = re.compile(r"^[0-9a-fA-F]{40}$")
SHA2_RE = re.compile(
    r"^[0-9a-fA-F]{56}$|^[0-9a-fA-F]{64}$|^[0-9a-fA-F]{96}$|^[0-9a-fA-F]{128}$"
)
DURATION_RE = re.compile(
    r"^P(?!$)(?:(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?"
    r"(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?"
    r"|\d+(?:\.\d+)?W)$"
)
TIMESTAMP_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$"
)
MBOX_RE = re.compile(r"^mailto:[^@\s]+@[^@\s]+$")

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"
INTERACTION_TYPES = {
    "true-false": (),
    "choice": ("choices",),
    "fill-in": (),
    "long-fill-in": (),
    "matching": ("source", "target"),
    "performance": ("steps",),
    "sequencing": ("choices",),
    "likert": ("scale",),
    "numeric": (),
    "other": (),
}
COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")


class Invalid(ValueError):
    pass


def fail(where: str, message: str) -> NoReturn:
    raise Invalid(f"{where}: {message}")


def _obj(value, where: str) -> dict:
    if not isinstance(value, dict):
        fail(where, "must be an object")
    return value


def _keys(value: dict, allowed: set, where: str, required: tuple = ()) -> None:
    extra = set(value) - allowed
    if extra:
        fail(where, f"unexpected properties {sorted(extra)}")
    for key in required:
        if key not in value:
            fail(where, f"'{key}' is required")


def _string(value, where: str) -> str:
    if not isinstance(value, str):
        fail(where, "must be a string")
    if len(value) > MAX_STRING:
        fail(where, "is too long")
    return value


def _bool(value, where: str) -> None:
    if not isinstance(value, bool):
        fail(where, "must be true or false")


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fail(where, "must be a number")
    return value


def iri(value, where: str) -> str:
    _string(value, where)
    if not IRI_RE.match(value):
        fail(where, "must be an absolute IRI")
    return value


def is_uuid(value) -> bool:
    return isinstance(value, str) and bool(UUID_RE.match(value))


def _uuid(value, where: str) -> str:
    if not is_uuid(value):
        fail(where, "must be a UUID")
    return value


def language_tag(value) -> bool:
    return isinstance(value, str) and bool(LANG_RE.match(value))


def language_map(value, where: str) -> None:
    _obj(value, where)
    for key, text in value.items():
        if not language_tag(key):
            fail(where, f"'{key}' is not a language tag")
        _string(text, f"{where}.{key}")


def extensions(value, where: str) -> None:
    _obj(value, where)
    for key in value:
        iri(key, f"{where} key")


def parse_timestamp(value, where: str) -> datetime:
    _string(value, where)
    match = TIMESTAMP_RE.match(value)
    if not match or match.group(1) in ("-00", "-0000", "-00:00"):
        fail(where, "must be an ISO 8601 timestamp with a time zone")
    text = value.replace("Z", "+00:00")
    zone = match.group(1)
    if zone != "Z" and len(zone) == 5:
        text = text[: -len(zone)] + zone[:3] + ":" + zone[3:]
    elif zone != "Z" and len(zone) == 3:
        text = text + ":00"
    head, _, tail = text.partition(".")
    if tail:
        leading = re.match(r"\d+", tail)
        digits = leading.group(0) if leading else ""
        text = head + "." + (digits[:6]).ljust(6, "0") + tail[len(digits) :]
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        fail(where, "must be a valid date and time")
    raise AssertionError


def agent(value, where: str, *, group_allowed: bool = True) -> dict:
    _obj(value, where)
    kind = value.get("objectType", "Agent")
    if kind == "Group" and group_allowed:
        return group(value, where)
    if kind != "Agent":
        fail(where, "objectType must be 'Agent'")
    _keys(
        value,
        {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"},
        where,
    )
    if "name" in value:
        _string(value["name"], f"{where}.name")
    if _ifi_count(value, where) != 1:
        fail(where, "an agent needs exactly one identifier")
    return value


def _ifi_count(value: dict, where: str) -> int:
    count = 0
    if "mbox" in value:
        count += 1
        if not isinstance(value["mbox"], str) or not MBOX_RE.match(value["mbox"]):
            fail(f"{where}.mbox", "must be a mailto: IRI")
    if "mbox_sha1sum" in value:
        count += 1
        if not isinstance(value["mbox_sha1sum"], str) or not SHA1_RE.match(
            value["mbox_sha1sum"]
        ):
            fail(f"{where}.mbox_sha1sum", "must be a SHA-1 hex digest")
    if "openid" in value:
        count += 1
        iri(value["openid"], f"{where}.openid")
    if "account" in value:
        count += 1
        account = _obj(value["account"], f"{where}.account")
        _keys(account, {"homePage", "name"}, f"{where}.account", ("homePage", "name"))
        iri(account["homePage"], f"{where}.account.homePage")
        _string(account["name"], f"{where}.account.name")
    return count


def group(value, where: str) -> dict:
    _keys(
        value,
        {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"},
        where,
        ("objectType",),
    )
    if "name" in value:
        _string(value["name"], f"{where}.name")
    count = _ifi_count(value, where)
    if count > 1:
        fail(where, "a group has at most one identifier")
    if "member" in value or count == 0:
        members = value.get("member")
        if not isinstance(members, list) or (count == 0 and not members):
            fail(f"{where}.member", "must be a list of agents")
        for index, member in enumerate(members):
            agent(member, f"{where}.member[{index}]", group_allowed=False)
    return value


def verb(value, where: str = "verb") -> None:
    _obj(value, where)
    _keys(value, {"id", "display"}, where, ("id",))
    iri(value["id"], f"{where}.id")
    if "display" in value:
        language_map(value["display"], f"{where}.display")


def _components(value, where: str) -> None:
    if not isinstance(value, list):
        fail(where, "must be a list")
    seen = set()
    for index, component in enumerate(value):
        here = f"{where}[{index}]"
        _obj(component, here)
        _keys(component, {"id", "description"}, here, ("id",))
        _string(component["id"], f"{here}.id")
        if component["id"] in seen:
            fail(here, "ids must be unique")
        seen.add(component["id"])
        if "description" in component:
            language_map(component["description"], f"{here}.description")


def definition(value, where: str) -> None:
    _obj(value, where)
    _keys(
        value,
        {
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            *COMPONENT_LISTS,
        },
        where,
    )
    for key in ("name", "description"):
        if key in value:
            language_map(value[key], f"{where}.{key}")
    for key in ("type", "moreInfo"):
        if key in value:
            iri(value[key], f"{where}.{key}")
    if "extensions" in value:
        extensions(value["extensions"], f"{where}.extensions")
    kind = value.get("interactionType")
    if kind is not None and (
        not isinstance(kind, str) or kind not in INTERACTION_TYPES
    ):
        fail(f"{where}.interactionType", "is not an interaction type")
    if "correctResponsesPattern" in value:
        if kind is None:
            fail(where, "correctResponsesPattern needs an interactionType")
        pattern = value["correctResponsesPattern"]
        if not isinstance(pattern, list):
            fail(f"{where}.correctResponsesPattern", "must be a list of strings")
        for index, item in enumerate(pattern):
            _string(item, f"{where}.correctResponsesPattern[{index}]")
    for key in COMPONENT_LISTS:
        if key in value:
            if kind is None or key not in INTERACTION_TYPES[kind]:
                fail(f"{where}.{key}", "does not fit the interaction type")
            _components(value[key], f"{where}.{key}")


def activity(value, where: str) -> dict:
    _obj(value, where)
    _keys(value, {"objectType", "id", "definition"}, where, ("id",))
    if value.get("objectType", "Activity") != "Activity":
        fail(f"{where}.objectType", "must be 'Activity'")
    iri(value["id"], f"{where}.id")
    if "definition" in value:
        definition(value["definition"], f"{where}.definition")
    return value


def statement_ref(value, where: str) -> None:
    _keys(value, {"objectType", "id"}, where, ("objectType", "id"))
    _uuid(value["id"], f"{where}.id")


def statement_object(value, where: str, *, sub: bool = False) -> None:
    _obj(value, where)
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        activity(value, where)
    elif kind in ("Agent", "Group"):
        agent(value, where)
    elif kind == "StatementRef":
        statement_ref(value, where)
    elif kind == "SubStatement" and not sub:
        substatement(value, where)
    else:
        fail(f"{where}.objectType", f"'{kind}' is not allowed here")


def score(value, where: str) -> None:
    _obj(value, where)
    _keys(value, {"scaled", "raw", "min", "max"}, where)
    for key in value:
        _number(value[key], f"{where}.{key}")
    if "scaled" in value and not -1 <= value["scaled"] <= 1:
        fail(f"{where}.scaled", "must be between -1 and 1")
    low, high = value.get("min"), value.get("max")
    if low is not None and high is not None and low > high:
        fail(where, "min must not exceed max")
    raw = value.get("raw")
    if raw is not None and (
        (low is not None and raw < low) or (high is not None and raw > high)
    ):
        fail(f"{where}.raw", "must lie between min and max")


def result(value, where: str) -> None:
    _obj(value, where)
    _keys(
        value,
        {"score", "success", "completion", "response", "duration", "extensions"},
        where,
    )
    if "score" in value:
        score(value["score"], f"{where}.score")
    for key in ("success", "completion"):
        if key in value:
            _bool(value[key], f"{where}.{key}")
    if "response" in value:
        _string(value["response"], f"{where}.response")
    if "duration" in value and (
        not isinstance(value["duration"], str)
        or not DURATION_RE.match(value["duration"])
    ):
        fail(f"{where}.duration", "must be an ISO 8601 duration")
    if "extensions" in value:
        extensions(value["extensions"], f"{where}.extensions")


def context(value, where: str, statement_object_value: dict) -> None:
    _obj(value, where)
    _keys(
        value,
        {
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions",
        },
        where,
    )
    if "registration" in value:
        _uuid(value["registration"], f"{where}.registration")
    if "instructor" in value:
        agent(value["instructor"], f"{where}.instructor")
    if "team" in value:
        team = _obj(value["team"], f"{where}.team")
        if team.get("objectType") != "Group":
            fail(f"{where}.team", "must be a group")
        group(team, f"{where}.team")
    not_activity = statement_object_value.get("objectType", "Activity") != "Activity"
    for key in ("revision", "platform"):
        if key in value:
            _string(value[key], f"{where}.{key}")
            if not_activity:
                fail(f"{where}.{key}", "is allowed only when the object is an activity")
    if "language" in value and not language_tag(value["language"]):
        fail(f"{where}.language", "must be a language tag")
    if "statement" in value:
        ref = _obj(value["statement"], f"{where}.statement")
        if ref.get("objectType") != "StatementRef":
            fail(f"{where}.statement", "must be a StatementRef")
        statement_ref(ref, f"{where}.statement")
    if "extensions" in value:
        extensions(value["extensions"], f"{where}.extensions")
    if "contextActivities" in value:
        activities = _obj(value["contextActivities"], f"{where}.contextActivities")
        _keys(activities, {"parent", "grouping", "category", "other"}, where)
        for key, items in activities.items():
            here = f"{where}.contextActivities.{key}"
            for index, item in enumerate(items if isinstance(items, list) else [items]):
                activity(item, f"{here}[{index}]")


def attachments(value, where: str = "attachments") -> None:
    if not isinstance(value, list):
        fail(where, "must be a list")
    for index, item in enumerate(value):
        here = f"{where}[{index}]"
        _obj(item, here)
        _keys(
            item,
            {
                "usageType",
                "display",
                "description",
                "contentType",
                "length",
                "sha2",
                "fileUrl",
            },
            here,
            ("usageType", "display", "contentType", "length", "sha2"),
        )
        iri(item["usageType"], f"{here}.usageType")
        language_map(item["display"], f"{here}.display")
        if "description" in item:
            language_map(item["description"], f"{here}.description")
        _string(item["contentType"], f"{here}.contentType")
        if (
            isinstance(item["length"], bool)
            or not isinstance(item["length"], int)
            or item["length"] < 0
        ):
            fail(f"{here}.length", "must be a non-negative integer")
        if not isinstance(item["sha2"], str) or not SHA2_RE.match(item["sha2"]):
            fail(f"{here}.sha2", "must be a SHA-2 hex digest")
        if "fileUrl" in item:
            iri(item["fileUrl"], f"{here}.fileUrl")


def substatement(value, where: str) -> None:
    _keys(
        value,
        {
            "objectType",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "attachments",
        },
        where,
        ("actor", "verb", "object"),
    )
    _body(value, where, sub=True)


def _body(value: dict, where: str, *, sub: bool) -> None:
    prefix = f"{where}." if where else ""
    agent(value["actor"], f"{prefix}actor")
    verb(value["verb"], f"{prefix}verb")
    statement_object(value["object"], f"{prefix}object", sub=sub)
    if "result" in value:
        result(value["result"], f"{prefix}result")
    if "context" in value:
        context(value["context"], f"{prefix}context", value["object"])
    if "timestamp" in value:
        parse_timestamp(value["timestamp"], f"{prefix}timestamp")
    if "attachments" in value:
        attachments(value["attachments"], f"{prefix}attachments")
    if value["verb"]["id"] == VOIDED and (
        sub or value["object"].get("objectType") != "StatementRef"
    ):
        fail(f"{prefix}object", "a voiding statement's object is a StatementRef")


def statement(value) -> dict:
    """Raises Invalid unless `value` is a valid xAPI 1.0.3 statement."""
    _obj(value, "statement")
    _keys(
        value,
        {
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments",
        },
        "statement",
        ("actor", "verb", "object"),
    )
    if "id" in value:
        _uuid(value["id"], "id")
    _body(value, "", sub=False)
    if "stored" in value:
        parse_timestamp(value["stored"], "stored")
    if "authority" in value:
        authority = _obj(value["authority"], "authority")
        agent(authority, "authority")
        if authority.get("objectType") == "Group" and (
            len(authority.get("member", [])) != 2 or _ifi_count(authority, "authority")
        ):
            fail("authority", "a group authority is anonymous with two members")
    if "version" in value and (
        not isinstance(value["version"], str)
        or not re.match(r"^1\.0(\.\d+)?$", value["version"])
    ):
        fail("version", "must be 1.0.x")
    return value


def new_id() -> str:
    return str(uuid.uuid4())
