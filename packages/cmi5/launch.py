"""The LMS side of cmi5 (sections 8 to 10): registrations, launching an AU
(the `LMS.LaunchData` state document and the "launched" statement, then the
AU's URL with endpoint, fetch, actor, registration and activityId), the
one-time fetch URL that hands out the session's auth token, the guard that
holds the AU's statements to cmi5's rules (`rules`) in the built-in LRS, and
moveOn: an AU's, then its blocks' and the course's satisfaction, written as
"satisfied" statements; a satisfied course completes the activity page.

Records are the original activity's (`courses.translations`), whichever
language the learner opens it in."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from courses import translations
from xapi import launches, own, records
from xapi.http import Refused
from xapi.models import Client, Document

from . import rules
from .models import Cmi5ActivityPage, Cmi5Registration, Cmi5Session
from .signals import cmi5_activity_satisfied

LAUNCH_DATA = "LMS.LaunchData"
TOKEN_PREFIX = "cmi5-"  # noqa: S105 (a key prefix, not a secret)
# An AU reads its state for a while after "terminated" (it may save its
# bookmark and redirect); after that, and a day after launch, the token is
# refused.
AFTER_TERMINATED = timedelta(minutes=10)
SESSION_LIFETIME = timedelta(hours=24)
ACTIVITY_TYPES = {
    "block": "https://w3id.org/xapi/cmi5/activitytype/block",
    "course": "https://w3id.org/xapi/cmi5/activitytype/course",
}
EXT = "https://w3id.org/xapi/cmi5/context/extensions/"
REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# --- identities -------------------------------------------------------------


def activity_base(page: Cmi5ActivityPage) -> str:
    """The LMS's own IRIs (8.1.5, 9.4): never the publisher's ids, the same
    for every registration and for every translation of the page."""
    return f"{own.base()}/cmi5/{page.translation_key}"


def au_activity_id(page: Cmi5ActivityPage, index: int) -> str:
    return f"{activity_base(page)}/au/{index}"


def block_activity_id(page: Cmi5ActivityPage, index: int) -> str:
    return f"{activity_base(page)}/block/{index}"


def _context(
    registration: Cmi5Registration, session_id: str, publisher_id: str
) -> dict[str, Any]:
    return {
        "registration": str(registration.registration),
        "contextActivities": {
            "category": [{"objectType": "Activity", "id": rules.CATEGORY_CMI5}],
            "grouping": [{"objectType": "Activity", "id": publisher_id}],
        },
        "extensions": {rules.SESSION_ID: session_id},
    }


def _duration(seconds: float) -> str:
    return f"PT{max(0.0, round(seconds, 2))}S"


def _lms_statement(
    key: str,
    *,
    user,
    verb: str,
    obj: dict,
    context: dict,
    moment: datetime,
    result: dict | None = None,
) -> dict:
    data: dict[str, Any] = {
        "id": own.event_id(key),
        "actor": own.actor(user),
        "verb": {"id": _verb_iri(verb), "display": {"en-US": verb}},
        "object": obj,
        "context": context,
        "timestamp": own.iso(moment),
        "authority": own.authority(),
    }
    if result:
        data["result"] = result
    return data


def _verb_iri(short: str) -> str:
    return next(iri for iri, name in rules.VERBS.items() if name == short)


# --- registrations ----------------------------------------------------------


def registration_for(user, page: Cmi5ActivityPage) -> Cmi5Registration:
    """The learner's registration in the activity, made on first need; AUs
    whose moveOn is NotApplicable are satisfied at once (9.6.1)."""
    original = translations.original(page)
    found = Cmi5Registration.objects.filter(learner=user, activity=original).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            registration = Cmi5Registration.objects.create(
                learner=user, activity=original
            )
            _satisfy(
                registration,
                session_id=str(own.event_id(f"{registration.registration}:register")),
            )
    except IntegrityError:
        return Cmi5Registration.objects.get(learner=user, activity=original)
    return registration


# --- launch -----------------------------------------------------------------


@dataclass
class Launch:
    url: str
    session: Cmi5Session


def launch(
    *, user, page: Cmi5ActivityPage, au_index: int, origin: str, return_url: str
) -> Launch:
    """Launches AU `au_index` (the caller checked the learner may): earlier
    sessions still open in the registration are abandoned (9.3.6), the
    launch data is written, then "launched"; returns the AU's launch URL."""
    original = translations.original(page)
    course = original.cmi5_course
    au = course.aus[au_index]
    registration = registration_for(user, original)
    now = timezone.now()
    fetch_secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        registration = Cmi5Registration.objects.select_for_update().get(
            pk=registration.pk
        )
        for stale in Cmi5Session.objects.filter(
            registration=registration,
            terminated_at__isnull=True,
            abandoned_at__isnull=True,
        ):
            _abandon(stale, registration, now)
        session = Cmi5Session.objects.create(
            registration=registration,
            au_index=au_index,
            fetch_hash=_digest(fetch_secret),
            token_key=TOKEN_PREFIX + secrets.token_hex(16),
            token_hash="",
            launched_at=now,
        )
        activity_id = au_activity_id(original, au_index)
        actor = own.actor(user)
        launch_url = _au_url(course, au)
        data: dict[str, Any] = {
            "contextTemplate": {
                "contextActivities": {
                    "grouping": [{"objectType": "Activity", "id": au["id"]}]
                },
                "extensions": {rules.SESSION_ID: str(session.session_id)},
            },
            "launchMode": session.launch_mode,
            "launchMethod": au.get("launch_method") or "AnyWindow",
            "moveOn": au["move_on"],
            "returnURL": return_url,
        }
        if au.get("mastery_score") is not None:
            data["masteryScore"] = float(Decimal(au["mastery_score"]))
        if au.get("launch_parameters"):
            data["launchParameters"] = au["launch_parameters"]
        if au.get("entitlement_key"):
            data["entitlementKey"] = {"courseStructure": au["entitlement_key"]}
        _put_state(activity_id, actor, registration, data, now)
        extensions: dict[str, Any] = {
            rules.SESSION_ID: str(session.session_id),
            EXT + "launchmode": session.launch_mode,
            EXT + "launchurl": launch_url,
            EXT + "moveon": au["move_on"],
        }
        if "masteryScore" in data:
            extensions[EXT + "masteryscore"] = data["masteryScore"]
        if "launchParameters" in data:
            extensions[EXT + "launchparameters"] = data["launchParameters"]
        context = _context(registration, str(session.session_id), au["id"])
        context["extensions"] = extensions
        own.write(
            [
                _lms_statement(
                    f"cmi5-session:{session.session_id}:launched",
                    user=user,
                    verb="launched",
                    obj=_au_object(original, au_index, au),
                    context=context,
                    moment=now,
                )
            ]
        )
    query = urlencode(
        {
            "endpoint": f"{origin}/xapi/",
            "fetch": f"{origin}/cmi5/fetch/{fetch_secret}",
            "actor": json.dumps(actor, separators=(",", ":")),
            "registration": str(registration.registration),
            "activityId": activity_id,
        }
    )
    joiner = "&" if "?" in launch_url else "?"
    return Launch(url=f"{launch_url}{joiner}{query}", session=session)


def _au_url(course, au: dict) -> str:
    if au.get("external"):
        return au["launch"]
    return (
        f"{settings.H5P_CONTENT_ORIGIN or settings.H5P_PLATFORM_ORIGIN}"
        f"/package-content/cmi5/{course.uuid}/{au['launch']}"
    )


def _au_object(page: Cmi5ActivityPage, index: int, au: dict) -> dict:
    definition: dict[str, Any] = {}
    if au.get("title"):
        definition["name"] = {k: v[:500] for k, v in au["title"].items()}
    if au.get("activity_type"):
        definition["type"] = au["activity_type"]
    obj: dict[str, Any] = {
        "objectType": "Activity",
        "id": au_activity_id(page, index),
    }
    if definition:
        obj["definition"] = definition
    return obj


def _put_state(
    activity_id: str, actor: dict, registration: Cmi5Registration, data, now
) -> None:
    scope = {
        "kind": Document.Kind.STATE,
        "document_id": LAUNCH_DATA,
        "activity_id": activity_id,
        "agent_ifi": records.ifi(actor),
        "registration": str(registration.registration),
    }
    document = Document.objects.filter(**scope).first() or Document(**scope)
    document.content_type = "application/json"
    document.set_content(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    document.updated = now
    document.save()


def _abandon(session: Cmi5Session, registration: Cmi5Registration, now) -> None:
    """An open session the learner left (9.3.6): "abandoned", its duration
    from launch to the AU's last statement; nothing more is recorded in it."""
    page = registration.activity
    au = page.cmi5_course.aus[session.au_index]
    last = session.last_statement_at or session.launched_at
    session.abandoned_at = now
    session.save(update_fields=["abandoned_at"])
    own.write(
        [
            _lms_statement(
                f"cmi5-session:{session.session_id}:abandoned",
                user=registration.learner,
                verb="abandoned",
                obj=_au_object(page, session.au_index, au),
                context=_context(registration, str(session.session_id), au["id"]),
                moment=now,
                result={
                    "duration": _duration((last - session.launched_at).total_seconds())
                },
            )
        ]
    )


# --- fetch ------------------------------------------------------------------


def fetch(secret: str) -> dict[str, str]:
    """The one-time fetch URL (8.2): the session's auth token the first time,
    the spec's error object after (always with status 200)."""
    if not secret or len(secret) > 100:
        return {"error-code": "2", "error-text": "This fetch URL is not valid."}
    with transaction.atomic():
        session = (
            Cmi5Session.objects.select_for_update()
            .filter(fetch_hash=_digest(secret))
            .first()
        )
        if session is None:
            return {"error-code": "2", "error-text": "This fetch URL is not valid."}
        if session.fetched_at is not None or not _open(session):
            return {
                "error-code": "1",
                "error-text": "The authorization token has already been returned.",
            }
        token_secret = secrets.token_urlsafe(32)
        session.fetched_at = timezone.now()
        session.token_hash = _digest(token_secret)
        session.save(update_fields=["fetched_at", "token_hash"])
    raw = f"{session.token_key}:{token_secret}".encode()
    return {"auth-token": base64.b64encode(raw).decode("ascii")}


def _open(session: Cmi5Session, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    if session.abandoned_at is not None:
        return False
    if now - session.launched_at > SESSION_LIFETIME:
        return False
    return (
        session.terminated_at is None or now - session.terminated_at < AFTER_TERMINATED
    )


# --- the AU's statements ----------------------------------------------------


def launcher_client() -> Client:
    """The LRS client the AUs' statements are stored under (their
    authority); it has no secret and cannot sign in itself."""
    client, _ = Client.objects.get_or_create(
        key="cmi5-launches",
        defaults={"name": "cmi5 AUs (IGN Academy)", "secret_hash": "", "active": False},
    )
    return client


class SessionGuard:
    """What a cmi5 auth token may do in the LRS (`xapi.launches`)."""

    def __init__(self, session: Cmi5Session):
        self.session = session
        self.client = launcher_client()
        self.actor_ifi = records.ifi(own.actor(session.registration.learner))
        self.outcome: rules.Outcome | None = None

    def may_read(self, agent_ifi: str) -> bool:
        return agent_ifi == self.actor_ifi

    def check(self, statements: list[dict]) -> None:
        session = (
            Cmi5Session.objects.select_for_update()
            .select_related(
                "registration__activity__cmi5_course", "registration__learner"
            )
            .get(pk=self.session.pk)
        )
        self.session = session
        registration = session.registration
        page = registration.activity
        au = page.cmi5_course.aus[session.au_index]
        state = registration.au_states.get(str(session.au_index), {})
        mastery = au.get("mastery_score")
        view = rules.SessionView(
            activity_id=au_activity_id(page, session.au_index),
            registration=str(registration.registration),
            session_id=str(session.session_id),
            actor_ifi=self.actor_ifi,
            launch_mode=session.launch_mode,
            mastery_score=Decimal(mastery) if mastery is not None else None,
            initialized=session.initialized_at is not None,
            ended=not session.active,
            verbs=tuple(session.verbs),
            completed=bool(state.get("completed")),
            passed=bool(state.get("passed")),
        )
        try:
            self.outcome = rules.check(view, statements, records.ifi)
        except rules.Violation as violation:
            raise Refused(violation.status, violation.message) from None

    def stored(self, statements: list[dict]) -> None:
        assert self.outcome is not None  # check() ran first
        session = self.session
        now = timezone.now()
        view = self.outcome.session
        if view.initialized and session.initialized_at is None:
            session.initialized_at = now
        if "terminated" in view.verbs and session.terminated_at is None:
            session.terminated_at = now
        session.verbs = list(view.verbs)
        session.last_statement_at = now
        session.save(
            update_fields=[
                "initialized_at",
                "terminated_at",
                "verbs",
                "last_statement_at",
            ]
        )
        registration = session.registration
        key = str(session.au_index)
        state = dict(registration.au_states.get(key, {}))
        for verb, score in self.outcome.defined:
            if verb in ("completed", "passed", "failed"):
                state[verb] = True
            if verb in ("passed", "failed") and score is not None:
                state["score"] = score
        registration.au_states = {**registration.au_states, key: state}
        # _satisfy saves the registration, these states with it.
        _satisfy(registration, session_id=str(session.session_id))


def resolve_token(key: str, secret: str) -> SessionGuard | None:
    if not key.startswith(TOKEN_PREFIX):
        return None
    session = (
        Cmi5Session.objects.select_related("registration__learner")
        .filter(token_key=key)
        .exclude(token_hash="")
        .first()
    )
    if session is None or not hmac.compare_digest(session.token_hash, _digest(secret)):
        return None
    if not _open(session):
        return None
    return SessionGuard(session)


launches.register(resolve_token)


# --- waiving -------------------------------------------------------------------

WAIVE_REASONS = (
    "Tested Out",
    "Equivalent AU",
    "Equivalent Outside Activity",
    "Administrative",
)


def waive(*, registration: Cmi5Registration, au_index: int, reason: str) -> bool:
    """The LMS waives a unit for the learner (9.3.7): a "waived" statement
    with the reason, under a session id of its own, once per unit and
    registration; the unit then counts as met (9.3.9). False when it was
    waived already."""
    if reason not in WAIVE_REASONS:
        raise ValueError(f"reason must be one of {WAIVE_REASONS}")
    with transaction.atomic():
        registration = (
            Cmi5Registration.objects.select_for_update()
            .select_related("activity__cmi5_course", "learner")
            .get(pk=registration.pk)
        )
        page = registration.activity
        au = page.cmi5_course.aus[au_index]
        key = str(au_index)
        state = dict(registration.au_states.get(key, {}))
        if state.get("waived"):
            return False
        session_id = own.event_id(f"{registration.registration}:waived:{au_index}")
        now = timezone.now()
        state["waived"] = True
        registration.au_states = {**registration.au_states, key: state}
        context = _context(registration, session_id, au["id"])
        context["contextActivities"]["category"].append(
            {"objectType": "Activity", "id": rules.CATEGORY_MOVEON}
        )
        own.write(
            [
                _lms_statement(
                    f"cmi5:{registration.registration}:waived:{au_index}",
                    user=registration.learner,
                    verb="waived",
                    obj=_au_object(page, au_index, au),
                    context=context,
                    moment=now,
                    result={
                        "success": True,
                        "completion": True,
                        "extensions": {REASON: reason},
                    },
                )
            ]
        )
        _satisfy(registration, session_id=session_id)
    return True


# --- satisfaction -------------------------------------------------------------


def _satisfy(registration: Cmi5Registration, *, session_id: str) -> None:
    """moveOn (9.3.9): AUs whose criteria are met are satisfied; a block is
    when all its AUs are, the course when all of them are. Writes each
    "satisfied" statement once per registration and, when the course is,
    marks the registration satisfied and tells the higher layers."""
    page = registration.activity
    course = page.cmi5_course
    states = {k: dict(v) for k, v in registration.au_states.items()}
    satisfied_aus = set()
    for index, au in enumerate(course.aus):
        state = states.setdefault(str(index), {})
        if rules.move_on_met(au["move_on"], state):
            state["satisfied"] = True
            satisfied_aus.add(index)
    now = timezone.now()
    statements = []
    blocks_done = list(registration.satisfied_blocks)
    for index, block in enumerate(course.blocks):
        members = [i for i, au in enumerate(course.aus) if block["id"] in au["parents"]]
        if index in blocks_done or not members or not set(members) <= satisfied_aus:
            continue
        blocks_done.append(index)
        statements.append(
            _satisfied(
                registration,
                session_id,
                block_activity_id(page, index),
                "block",
                block,
                now,
            )
        )
    newly = registration.satisfied_at is None and len(satisfied_aus) == len(course.aus)
    if newly:
        registration.satisfied_at = now
        statements.append(
            _satisfied(
                registration,
                session_id,
                activity_base(page),
                "course",
                {"id": course.course_iri, "title": course.titles},
                now,
            )
        )
    registration.au_states = states
    registration.satisfied_blocks = blocks_done
    registration.save(update_fields=["au_states", "satisfied_blocks", "satisfied_at"])
    if statements:
        own.write(statements)
    if newly:
        learner_id, activity_id = registration.learner_id, registration.activity_id
        transaction.on_commit(
            lambda: cmi5_activity_satisfied.send(
                sender=Cmi5Registration, learner_id=learner_id, activity_id=activity_id
            )
        )


def _satisfied(registration, session_id, activity_id, kind, item, now) -> dict:
    obj: dict[str, Any] = {
        "objectType": "Activity",
        "id": activity_id,
        "definition": {"type": ACTIVITY_TYPES[kind]},
    }
    if item.get("title"):
        obj["definition"]["name"] = {k: v[:500] for k, v in item["title"].items()}
    return _lms_statement(
        f"cmi5:{registration.registration}:satisfied:{activity_id}",
        user=registration.learner,
        verb="satisfied",
        obj=obj,
        context=_context(registration, session_id, item["id"]),
        moment=now,
    )


# --- the page -----------------------------------------------------------------


@dataclass
class AuRow:
    index: int
    title: str
    description: str
    block: str
    move_on: str
    status: str  # satisfied, passed, completed, failed, started, not-started
    score: float | None


def _text(values: dict[str, str]) -> str:
    if not values:
        return ""
    language = translation.get_language() or "en"
    for code, text in values.items():
        if code.lower().split("-")[0] == language.split("-")[0] and text:
            return text.strip()
    for fallback in ("en", "en-US", "en-GB"):
        if values.get(fallback):
            return values[fallback].strip()
    return next(iter(values.values()), "").strip()


def unit_title(au: dict) -> str:
    return _text(au.get("title") or {}) or au["id"]


def block_title(block: dict) -> str:
    return _text(block.get("title") or {}) or block["id"]


def page_context(page: Cmi5ActivityPage, request) -> dict[str, Any]:
    context: dict[str, Any] = {"course": page.get_parent()}
    course = page.cmi5_course
    user = request.user
    registration = None
    started: set[int] = set()
    if user.is_authenticated:
        # Opening the activity registers the learner (the gate let only an
        # enrolled learner or an author through): moveOn is evaluated then,
        # so units that ask nothing (NotApplicable) are satisfied at once
        # (cmi5 9.6.1).
        registration = registration_for(user, page)
        started = set(
            registration.sessions.values_list("au_index", flat=True).distinct()
        )
    blocks = {block["id"]: _text(block["title"]) for block in course.blocks}
    rows = []
    for index, au in enumerate(course.aus):
        state = (registration.au_states if registration else {}).get(str(index), {})
        if state.get("satisfied") and au["move_on"] != "NotApplicable":
            status = "satisfied"
        elif state.get("passed"):
            status = "passed"
        elif state.get("completed"):
            status = "completed"
        elif state.get("failed"):
            status = "failed"
        elif index in started:
            status = "started"
        else:
            status = "not-started"
        rows.append(
            AuRow(
                index=index,
                title=_text(au["title"]) or au["id"],
                description=_text(au.get("description") or {}),
                block=blocks.get(au["parents"][-1], "") if au["parents"] else "",
                move_on=au["move_on"],
                status=status,
                score=state.get("score"),
            )
        )
    context.update(
        registration=registration,
        started=bool(started),
        au_rows=rows,
        satisfied=bool(registration and registration.satisfied_at),
        signed_in=user.is_authenticated,
    )
    return context
