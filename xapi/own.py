"""The platform's own learning records as xAPI statements.

The apps that own a record (enrollments, assessments, certificates, packages)
build its statements in a task, after the record is committed, and hand them
to `write()`: they are stored in the built-in LRS like any client's, and so
queued for forwarding (`outbox`) in the same transaction.

Exactly once: a statement's id is derived from the event (`event_id`), and
its content (timestamps included) from the committed record, so a task run
twice stores it once, and forwarding sends it with the same id.

Stable identities:
- activities are `{XAPI_ACTIVITY_BASE}/{kind}/{key}`, where the key of a page
  is its Wagtail `translation_key` (the English and French course are one
  activity, whatever their titles, slugs or place in the tree), and its
  definition names it in every language it is published in;
- a learner is an account on the platform (`homePage` the site, `name` the
  user's id), never the e-mail address, which can change.
"""

import logging
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from wagtail.models import Page

from . import audiences, records, validation

logger = logging.getLogger(__name__)

# uuid5 namespace of the platform's own statement ids (fixed forever: changing
# it would store every event again under new ids).
NAMESPACE = uuid.UUID("5d0c6b52-6c1e-4f0c-9a53-2b7a4e1f0a11")

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "experienced": ADL + "experienced",
    "completed": ADL + "completed",
    "attempted": ADL + "attempted",
    "answered": ADL + "answered",
    "passed": ADL + "passed",
    "failed": ADL + "failed",
    "scored": ADL + "scored",
    "earned": "http://id.tincanapi.com/verb/earned",
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "scorm": "http://adlnet.gov/expapi/activities/module",
    "certificate": "http://id.tincanapi.com/activitytype/certificate",
}
PLATFORM = "IGN Academy"


def base() -> str:
    return str(settings.XAPI_ACTIVITY_BASE).rstrip("/")


def home_page() -> str:
    return audiences.home_page()


def event_id(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def iso(moment: datetime) -> str:
    return (
        moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def actor(user: Any) -> dict:
    name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    agent: dict[str, Any] = {
        "objectType": "Agent",
        "account": {"homePage": home_page(), "name": str(user.pk)},
    }
    if name:
        agent["name"] = name[:200]
    return agent


def authority() -> dict:
    return {
        "objectType": "Agent",
        "name": PLATFORM,
        "account": {"homePage": home_page(), "name": "platform"},
    }


def activity(kind: str, key: str, names: dict[str, str] | None = None) -> dict:
    definition: dict[str, Any] = {"type": ACTIVITY_TYPES[kind]}
    if names:
        definition["name"] = {code: title[:500] for code, title in names.items()}
    return {
        "objectType": "Activity",
        "id": f"{base()}/{kind}/{key}",
        "definition": definition,
    }


def page_activity(kind: str, page: Page) -> dict:
    """The activity of a page: keyed by its translation key, named by every
    live translation's title (one query)."""
    names = dict(
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .values_list("locale__language_code", "title")
        .order_by("locale__language_code")
    )
    if not names:
        names = {page.locale.language_code: page.title}
    return activity(kind, str(page.translation_key), names)


def score(raw: Decimal | None, maximum: Decimal | None) -> dict | None:
    if raw is None or not maximum:
        return None
    scaled = max(Decimal(-1), min(Decimal(1), Decimal(raw) / Decimal(maximum)))
    return {
        "raw": float(raw),
        "min": 0.0,
        "max": float(maximum),
        "scaled": round(float(scaled), 4),
    }


def statement(
    key: str,
    *,
    user: Any,
    verb: str,
    obj: dict,
    timestamp: datetime,
    result: dict | None = None,
    parents: list[dict] | None = None,
    language: str | None = None,
) -> dict:
    data: dict[str, Any] = {
        "id": event_id(key),
        "actor": actor(user),
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": obj,
        "timestamp": iso(timestamp),
        "authority": authority(),
    }
    if result:
        data["result"] = result
    context: dict[str, Any] = {"platform": PLATFORM}
    if parents:
        context["contextActivities"] = {
            "parent": [parents[0]],
            **({"grouping": parents[1:]} if len(parents) > 1 else {}),
        }
    if language:
        context["language"] = language
    data["context"] = context
    return data


def write(statements: list[dict]) -> list[str]:
    """Stores the platform's statements in the LRS (and so queues them for
    forwarding); an id already stored with the same content is kept as it
    is. Returns the ids stored or already there."""
    if not statements:
        return []
    try:
        return records.store(records.prepare(statements, None), None)
    except records.Conflict:
        # One of the batch was stored before with other content (a record
        # changed between two runs of the task): store the others one by one.
        stored = []
        for item in statements:
            try:
                stored += records.store(records.prepare([item], None), None)
            except records.Conflict:
                logger.warning("xAPI statement %s already stored, kept", item["id"])
        return stored
    except validation.Invalid:
        logger.exception("an own xAPI statement is invalid; not stored")
        raise
