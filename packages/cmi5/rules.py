"""cmi5's rules on the statements an AU sends in a session (cmi5 9.3, 9.5,
9.6), checked before the LRS stores them. Pure: it sees the session as a
`SessionView` and the statements as the LRS prepared them, and returns what
the session and registration become, or raises `Violation` (the LRS answers
with its status: 403 for a session that may not write, 400 for a statement
that breaks a rule). A batch is accepted or refused whole."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

ADL = "http://adlnet.gov/expapi/verbs/"
W3ID = "https://w3id.org/xapi/adl/verbs/"
VERBS = {
    ADL + "launched": "launched",
    ADL + "initialized": "initialized",
    ADL + "completed": "completed",
    ADL + "passed": "passed",
    ADL + "failed": "failed",
    ADL + "terminated": "terminated",
    W3ID + "abandoned": "abandoned",
    W3ID + "waived": "waived",
    W3ID + "satisfied": "satisfied",
}
AU_VERBS = {"initialized", "completed", "passed", "failed", "terminated"}
CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress"


class Violation(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class SessionView:
    activity_id: str
    registration: str
    session_id: str
    actor_ifi: str
    launch_mode: str = "Normal"
    mastery_score: Decimal | None = None
    initialized: bool = False
    ended: bool = False  # terminated or abandoned
    # cmi5 defined verbs already sent in this session.
    verbs: tuple[str, ...] = ()
    # In the registration, for this AU.
    completed: bool = False
    passed: bool = False


@dataclass
class Outcome:
    session: SessionView
    # cmi5 defined verbs accepted in this batch, in order, with the scaled
    # score of passed/failed.
    defined: list[tuple[str, float | None]] = field(default_factory=list)


def _categories(statement: dict) -> set[str]:
    context = statement.get("context") or {}
    activities = context.get("contextActivities") or {}
    return {
        str(item.get("id"))
        for item in activities.get("category") or []
        if isinstance(item, dict)
    }


def _scaled(result: dict) -> Decimal | None:
    score = result.get("score")
    if not isinstance(score, dict) or "scaled" not in score:
        return None
    try:
        return Decimal(str(score["scaled"]))
    except InvalidOperation:
        return None


def check(view: SessionView, statements: list[dict], ifi_of) -> Outcome:
    """`ifi_of(agent)` is the LRS's key of an agent."""
    outcome = Outcome(session=view)
    ordered = sorted(statements, key=lambda s: str(s.get("timestamp", "")))
    for statement in ordered:
        view = _one(view, statement, ifi_of, outcome)
    outcome.session = view
    return outcome


def _one(view: SessionView, statement: dict, ifi_of, outcome: Outcome) -> SessionView:
    if view.ended:
        raise Violation(403, "This cmi5 session has ended: it records nothing more.")
    if ifi_of(statement.get("actor") or {}) != view.actor_ifi:
        raise Violation(403, "The actor is not the learner this session launched.")
    obj = statement.get("object") or {}
    if obj.get("objectType") == "StatementRef" and statement["verb"]["id"] == (
        "http://adlnet.gov/expapi/verbs/voided"
    ):
        raise Violation(403, "An AU may not void statements (cmi5 6.3).")
    context = statement.get("context") or {}
    if str(context.get("registration", "")).lower() != view.registration:
        raise Violation(400, "The context's registration is not this launch's.")
    extensions = context.get("extensions") or {}
    if str(extensions.get(SESSION_ID, "")) != view.session_id:
        raise Violation(
            400, "The context lacks this launch's session id (cmi5 9.6.3.1)."
        )
    verb = VERBS.get(statement["verb"]["id"])
    defined = CATEGORY_CMI5 in _categories(statement)
    if not view.initialized and verb != "initialized":
        raise Violation(
            400, "The first statement of a session is 'initialized' (cmi5 7.1.1)."
        )
    if not defined:
        if verb in AU_VERBS:
            # initialized/terminated and the results are cmi5 defined only.
            raise Violation(
                400, f"A '{verb}' statement carries the cmi5 category (9.6.2.1)."
            )
        return view
    if verb is None or verb not in AU_VERBS:
        raise Violation(
            400,
            "A cmi5 defined statement from an AU uses a verb cmi5 gives the AU (9.3).",
        )
    if obj.get("id") != view.activity_id:
        raise Violation(
            400, "The object of a cmi5 defined statement is the launched AU (9.4)."
        )
    if verb in view.verbs:
        raise Violation(400, f"'{verb}' is sent once per session (9.3).")
    result = statement.get("result") or {}
    has_result = "success" in result or "completion" in result
    if has_result != (CATEGORY_MOVEON in _categories(statement)):
        raise Violation(
            400,
            "The moveOn category goes with a result's success or completion,"
            " only (9.6.2.2).",
        )
    if view.launch_mode != "Normal" and verb not in ("initialized", "terminated"):
        raise Violation(
            400,
            f"In {view.launch_mode} mode an AU sends only initialized and"
            " terminated (10.2.2).",
        )
    if verb in ("completed", "passed", "failed", "terminated") and not result.get(
        "duration"
    ):
        raise Violation(400, f"A '{verb}' statement has a duration (9.5.4.1).")
    if verb not in ("passed", "failed") and "score" in result:
        raise Violation(400, "Only passed and failed statements carry a score (9.5.1).")
    if verb != "completed" and "completion" in result:
        raise Violation(400, "Only completed statements carry completion (9.5.3).")
    if verb not in ("passed", "failed") and "success" in result:
        raise Violation(400, "Only passed and failed statements carry success (9.5.2).")
    score: float | None = None
    if verb == "completed":
        if result.get("completion") is not True:
            raise Violation(400, "A completed statement has completion true (9.5.3).")
        if view.completed:
            raise Violation(400, "An AU is completed once per registration (9.3.3).")
        if PROGRESS in (result.get("extensions") or {}):
            pass  # SHOULD NOT; recorded all the same.
        view = replace(view, completed=True)
    if verb in ("passed", "failed"):
        if {"passed", "failed"} & set(view.verbs):
            raise Violation(400, "One of passed or failed per session (9.3).")
        expected = verb == "passed"
        if result.get("success") is not expected:
            raise Violation(
                400, f"A {verb} statement has success {str(expected).lower()} (9.5.2)."
            )
        if verb == "passed" and view.passed:
            raise Violation(400, "An AU is passed once per registration (9.3.4).")
        if verb == "failed" and view.passed:
            raise Violation(400, "A failed statement may not follow passed (9.3).")
        scaled = _scaled(result)
        if scaled is not None and view.mastery_score is not None:
            if verb == "passed" and scaled < view.mastery_score:
                raise Violation(
                    400, "A passed score is at least the mastery score (9.3.4)."
                )
            if verb == "failed" and scaled >= view.mastery_score:
                raise Violation(
                    400, "A failed score is below the mastery score (9.3.5)."
                )
        score = float(scaled) if scaled is not None else None
        if verb == "passed":
            view = replace(view, passed=True)
    if verb == "initialized":
        if view.initialized:
            raise Violation(400, "'initialized' is sent once per session (9.3.2).")
        view = replace(view, initialized=True)
    if verb == "terminated":
        view = replace(view, ended=True)
    view = replace(view, verbs=(*view.verbs, verb))
    outcome.defined.append((verb, score))
    return view


def move_on_met(move_on: str, state: dict) -> bool:
    """An AU's moveOn (13.1.4) against its state in the registration; a
    waived AU has met it (9.3.9)."""
    if state.get("waived") or move_on == "NotApplicable":
        return True
    completed = bool(state.get("completed"))
    passed = bool(state.get("passed"))
    return {
        "Completed": completed,
        "Passed": passed,
        "CompletedAndPassed": completed and passed,
        "CompletedOrPassed": completed or passed,
    }.get(move_on, False)
