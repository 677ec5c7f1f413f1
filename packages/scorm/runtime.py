"""The SCORM run-time data model a commit may write, checked on the server.

scorm-again checks each SetValue in the browser, but the browser is the
content's: a commit is checked again here, element by element, and refused
whole with the error code the spec names for the first bad element (SCORM 1.2:
401 not implemented, 405 incorrect data type; SCORM 2004: 401 undefined data
model element, 406 type mismatch, 407 value out of range). Read-only elements
the player echoes back (`cmi.core.student_id`, `cmi.learner_id`, `*._count`,
...) are dropped: the server keeps its own.

Imports neither Django nor Wagtail (an import-linter contract says so).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# SCORM 1.2 error codes (RTE 3.3.2) and SCORM 2004 (RTE 3.1.7).
NOT_IMPLEMENTED_12 = 401
TYPE_12 = 405
UNDEFINED_2004 = 401
TYPE_2004 = 406
RANGE_2004 = 407
GENERAL = 101

SUSPEND_DATA_12 = 4096
SUSPEND_DATA_2004 = 64000
MAX_ELEMENTS = 5000
MAX_INDEX = 999

STATUS_12 = frozenset(
    {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
)
COMPLETION_2004 = frozenset({"completed", "incomplete", "not attempted", "unknown"})
SUCCESS_2004 = frozenset({"passed", "failed", "unknown"})
EXIT_12 = frozenset({"", "time-out", "suspend", "logout"})
EXIT_2004 = frozenset({"", "time-out", "suspend", "logout", "normal"})
INTERACTION_TYPES = frozenset(
    {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance"}
    | {"sequencing", "likert", "numeric", "other"}
)
RESULT_12 = frozenset({"correct", "wrong", "unanticipated", "neutral"})
RESULT_2004 = frozenset({"correct", "incorrect", "unanticipated", "neutral"})

TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
TIME_12 = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$")
DURATION_2004 = re.compile(
    r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$"
)
TIMESTAMP_2004 = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?"
    r"(Z|[+-]\d{2}(:\d{2})?)?)?)?)?$"
)
_NUMBER = re.compile(r"^-?\d{1,10}(\.\d{1,7})?$")
_INDEXED = re.compile(r"\.(\d+)\.")


class CommitRefused(ValueError):
    """A commit holds an element the data model does not allow: nothing of it
    is stored."""

    def __init__(self, code: int, element: str, reason: str):
        super().__init__(f"{element}: {reason}")
        self.code = code
        self.element = element
        self.reason = reason


Check = Callable[[str], str | None]  # the reason the value is refused, or None


@dataclass(frozen=True)
class Rule:
    check: Check
    code: int


def _vocabulary(words: frozenset[str]) -> Check:
    return lambda value: None if value in words else "not in the vocabulary"


def _text(limit: int) -> Check:
    return lambda value: None if len(value) <= limit else f"longer than {limit}"


def _pattern(pattern: re.Pattern[str]) -> Check:
    return lambda value: None if pattern.match(value) else "not in the format"


def _decimal(low: float | None = None, high: float | None = None) -> Check:
    def check(value: str) -> str | None:
        if not _NUMBER.match(value):
            return "not a number"
        number = float(value)
        if (low is not None and number < low) or (high is not None and number > high):
            return f"outside {low}..{high}"
        return None

    return check


def _blank_or(check: Check) -> Check:
    return lambda value: None if value == "" else check(value)


def _number_2004(low: float | None = None, high: float | None = None) -> list[Rule]:
    """2004 separates the type (406) from the range (407)."""
    return [Rule(_decimal(), TYPE_2004), Rule(_decimal(low, high), RANGE_2004)]


def _rules_12() -> dict[str, list[Rule]]:
    score = [Rule(_blank_or(_decimal(0, 100)), TYPE_12)]
    text255 = [Rule(_text(255), TYPE_12)]
    return {
        "cmi.core.lesson_status": [Rule(_vocabulary(STATUS_12), TYPE_12)],
        "cmi.core.lesson_location": text255,
        "cmi.core.score.raw": score,
        "cmi.core.score.min": score,
        "cmi.core.score.max": score,
        "cmi.core.exit": [Rule(_vocabulary(EXIT_12), TYPE_12)],
        "cmi.core.session_time": [Rule(_pattern(TIMESPAN_12), TYPE_12)],
        "cmi.suspend_data": [Rule(_text(SUSPEND_DATA_12), TYPE_12)],
        "cmi.comments": [Rule(_text(4096), TYPE_12)],
        "cmi.student_preference.audio": [Rule(_decimal(-1, 100), TYPE_12)],
        "cmi.student_preference.language": text255,
        "cmi.student_preference.speed": [Rule(_decimal(-100, 100), TYPE_12)],
        "cmi.student_preference.text": [Rule(_decimal(-1, 1), TYPE_12)],
        "cmi.objectives.n.id": text255,
        "cmi.objectives.n.score.raw": score,
        "cmi.objectives.n.score.min": score,
        "cmi.objectives.n.score.max": score,
        "cmi.objectives.n.status": [Rule(_vocabulary(STATUS_12), TYPE_12)],
        "cmi.interactions.n.id": text255,
        "cmi.interactions.n.objectives.n.id": text255,
        "cmi.interactions.n.time": [Rule(_blank_or(_pattern(TIME_12)), TYPE_12)],
        "cmi.interactions.n.type": [
            Rule(_blank_or(_vocabulary(INTERACTION_TYPES)), TYPE_12)
        ],
        "cmi.interactions.n.correct_responses.n.pattern": text255,
        "cmi.interactions.n.weighting": [Rule(_blank_or(_decimal()), TYPE_12)],
        "cmi.interactions.n.student_response": text255,
        "cmi.interactions.n.result": [
            Rule(
                _blank_or(
                    lambda v: None if v in RESULT_12 or _NUMBER.match(v) else "result"
                ),
                TYPE_12,
            )
        ],
        "cmi.interactions.n.latency": [Rule(_blank_or(_pattern(TIMESPAN_12)), TYPE_12)],
    }


def _rules_2004() -> dict[str, list[Rule]]:
    text = {n: [Rule(_text(n), TYPE_2004)] for n in (250, 1000, 4000, 64000)}
    score = {
        "scaled": _number_2004(-1, 1),
        "raw": _number_2004(),
        "min": _number_2004(),
        "max": _number_2004(),
    }
    rules: dict[str, list[Rule]] = {
        "cmi.completion_status": [Rule(_vocabulary(COMPLETION_2004), TYPE_2004)],
        "cmi.success_status": [Rule(_vocabulary(SUCCESS_2004), TYPE_2004)],
        "cmi.location": text[1000],
        "cmi.suspend_data": [Rule(_text(SUSPEND_DATA_2004), TYPE_2004)],
        "cmi.exit": [Rule(_vocabulary(EXIT_2004), TYPE_2004)],
        "cmi.session_time": [Rule(_pattern(DURATION_2004), TYPE_2004)],
        "cmi.progress_measure": _number_2004(0, 1),
        "cmi.learner_preference.audio_level": _number_2004(0, None),
        "cmi.learner_preference.language": text[250],
        "cmi.learner_preference.delivery_speed": _number_2004(0, None),
        "cmi.learner_preference.audio_captioning": [
            Rule(_vocabulary(frozenset({"-1", "0", "1"})), TYPE_2004)
        ],
        "cmi.comments_from_learner.n.comment": text[4000],
        "cmi.comments_from_learner.n.location": text[250],
        "cmi.comments_from_learner.n.timestamp": [
            Rule(_pattern(TIMESTAMP_2004), TYPE_2004)
        ],
        "cmi.objectives.n.id": text[4000],
        "cmi.objectives.n.success_status": [Rule(_vocabulary(SUCCESS_2004), TYPE_2004)],
        "cmi.objectives.n.completion_status": [
            Rule(_vocabulary(COMPLETION_2004), TYPE_2004)
        ],
        "cmi.objectives.n.progress_measure": _number_2004(0, 1),
        "cmi.objectives.n.description": text[250],
        "cmi.interactions.n.id": text[4000],
        "cmi.interactions.n.type": [Rule(_vocabulary(INTERACTION_TYPES), TYPE_2004)],
        "cmi.interactions.n.objectives.n.id": text[4000],
        "cmi.interactions.n.timestamp": [Rule(_pattern(TIMESTAMP_2004), TYPE_2004)],
        "cmi.interactions.n.correct_responses.n.pattern": text[4000],
        "cmi.interactions.n.weighting": _number_2004(),
        "cmi.interactions.n.learner_response": text[4000],
        "cmi.interactions.n.result": [
            Rule(
                lambda v: None if v in RESULT_2004 or _NUMBER.match(v) else "result",
                TYPE_2004,
            )
        ],
        "cmi.interactions.n.latency": [Rule(_pattern(DURATION_2004), TYPE_2004)],
        "cmi.interactions.n.description": text[250],
        "adl.nav.request": text[1000],
    }
    for part, checks in score.items():
        rules[f"cmi.score.{part}"] = checks
        rules[f"cmi.objectives.n.score.{part}"] = checks
    return rules


RULES = {"1.2": _rules_12(), "2004": _rules_2004()}

# Read-only elements a full commit echoes back; the server keeps its own.
READ_ONLY_12 = re.compile(
    r"^cmi\.(core\.(student_id|student_name|credit|entry|total_time|lesson_mode|"
    r"_children|score\._children)|launch_data|comments_from_lms|student_data\..*|"
    r"_version|_children|.*\._children|.*\._count|objectives\.\d+\.score\._children|"
    r"student_preference\._children|interactions\.\d+\.(objectives|"
    r"correct_responses)\._count)$"
)
READ_ONLY_2004 = re.compile(
    r"^(cmi\.(learner_id|learner_name|credit|entry|mode|total_time|launch_data|"
    r"completion_threshold|scaled_passing_score|max_time_allowed|"
    r"time_limit_action|comments_from_lms\..*|_version|.*\._children|.*\._count)|"
    r"adl\.nav\.request_valid\..*)$"
)


def family(version: str) -> str:
    return "1.2" if version == "1.2" else "2004"


def _generic(element: str) -> str:
    """cmi.interactions.3.objectives.0.id -> cmi.interactions.n.objectives.n.id"""
    previous = None
    while previous != element:
        previous = element
        element = _INDEXED.sub(".n.", element)
    return element


def clean_commit(version: str, data: Any) -> dict[str, str]:
    """The writable elements of a flattened commit, each checked; raises
    `CommitRefused` with the SCORM error code for the first bad one."""
    kind = family(version)
    undefined = NOT_IMPLEMENTED_12 if kind == "1.2" else UNDEFINED_2004
    type_code = TYPE_12 if kind == "1.2" else TYPE_2004
    if not isinstance(data, Mapping):
        raise CommitRefused(GENERAL, "", "the commit is not an object")
    if len(data) > MAX_ELEMENTS:
        raise CommitRefused(GENERAL, "", "too many elements")
    rules = RULES[kind]
    read_only = READ_ONLY_12 if kind == "1.2" else READ_ONLY_2004
    clean: dict[str, str] = {}
    for element, value in data.items():
        if not isinstance(element, str) or len(element) > 255:
            raise CommitRefused(undefined, str(element)[:255], "not an element")
        if isinstance(value, dict | list) and not value:
            continue  # an empty collection the player echoes (no comments yet)
        if read_only.match(element):
            continue
        indexes = [int(i) for i in re.findall(r"\.(\d+)(?=\.)", element)]
        if any(i > MAX_INDEX for i in indexes):
            raise CommitRefused(undefined, element, "index out of bounds")
        element_rules = rules.get(_generic(element))
        if element_rules is None:
            raise CommitRefused(undefined, element, "not a writable element")
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise CommitRefused(type_code, element, "not a character string")
        text = value if isinstance(value, str) else repr(value)
        if text == "":
            clean[element] = text  # not set (a full commit sends every element)
            continue
        for rule in element_rules:
            reason = rule.check(text)
            if reason:
                raise CommitRefused(rule.code, element, reason)
        clean[element] = text
    return clean


def seconds_12(timespan: str) -> float:
    hours, minutes, seconds = timespan.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def seconds_2004(duration: str) -> float:
    match = re.match(
        r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?"
        r"(?:(\d+(?:\.\d+)?)S)?)?$",
        duration,
    )
    if not match:
        return 0.0
    years, months, days, hours, minutes, seconds = match.groups()
    return (
        int(years or 0) * 365 * 86400
        + int(months or 0) * 30 * 86400
        + int(days or 0) * 86400
        + int(hours or 0) * 3600
        + int(minutes or 0) * 60
        + float(seconds or 0)
    )


def timespan_12(seconds: float) -> str:
    whole = int(seconds)
    hundredths = round((seconds - whole) * 100) % 100
    hours, rest = divmod(whole, 3600)
    return f"{min(hours, 9999):04d}:{rest // 60:02d}:{rest % 60:02d}.{hundredths:02d}"


def duration_2004(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    fraction = round(seconds - whole, 2)
    tail = f"{rest % 60 + fraction:.2f}".rstrip("0").rstrip(".")
    return f"PT{hours}H{rest // 60}M{tail}S"


@dataclass(frozen=True)
class ScoState:
    """What one commit says about its SCO, for the rollup."""

    completion: str  # completed, incomplete, not attempted, unknown
    success: str  # passed, failed, unknown
    score_raw: float | None
    score_min: float | None
    score_max: float | None
    score_scaled: float | None
    location: str
    suspend_data: str
    session_seconds: float


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def sco_state(version: str, cmi: Mapping[str, str]) -> ScoState:
    """The statuses and score of a SCO from its elements (already checked)."""
    if family(version) == "1.2":
        status = cmi.get("cmi.core.lesson_status", "not attempted")
        completion = (
            "completed"
            if status in ("completed", "passed", "failed")
            else ("incomplete" if status in ("incomplete", "browsed") else status)
        )
        success = status if status in ("passed", "failed") else "unknown"
        raw = _float(cmi.get("cmi.core.score.raw"))
        low = _float(cmi.get("cmi.core.score.min"))
        high = _float(cmi.get("cmi.core.score.max"))
        # 1.2 has no scaled score: raw within min..max (0..100 by default).
        scaled = None
        if raw is not None:
            low, span = low or 0.0, (high if high is not None else 100.0) - (low or 0)
            scaled = max(0.0, min(1.0, (raw - low) / span)) if span > 0 else None
        session = cmi.get("cmi.core.session_time", "")
        return ScoState(
            completion=completion,
            success=success,
            score_raw=raw,
            score_min=_float(cmi.get("cmi.core.score.min")),
            score_max=high,
            score_scaled=scaled,
            location=cmi.get("cmi.core.lesson_location", ""),
            suspend_data=cmi.get("cmi.suspend_data", ""),
            session_seconds=seconds_12(session) if session else 0.0,
        )
    scaled_2004 = _float(cmi.get("cmi.score.scaled"))
    session = cmi.get("cmi.session_time", "")
    return ScoState(
        completion=cmi.get("cmi.completion_status", "unknown"),
        success=cmi.get("cmi.success_status", "unknown"),
        score_raw=_float(cmi.get("cmi.score.raw")),
        score_min=_float(cmi.get("cmi.score.min")),
        score_max=_float(cmi.get("cmi.score.max")),
        score_scaled=scaled_2004,
        location=cmi.get("cmi.location", ""),
        suspend_data=cmi.get("cmi.suspend_data", ""),
        session_seconds=seconds_2004(session) if session else 0.0,
    )


@dataclass(frozen=True)
class Rollup:
    completion: str  # completed, incomplete, not attempted
    success: str  # passed, failed, unknown
    score_scaled: float | None  # 0..1


def rollup(states: list[ScoState | None]) -> Rollup:
    """The activity from its SCOs (None: not yet opened): completed when every
    SCO is; failed when one failed, passed when every SCO with a success
    status passed and none failed; the score the mean of the scaled scores of
    the SCOs that have one (negative counts 0)."""
    if not states or all(s is None for s in states):
        return Rollup("not attempted", "unknown", None)
    opened = [s for s in states if s is not None]
    completed = len(opened) == len(states) and all(
        s.completion == "completed" for s in opened
    )
    successes = [s.success for s in opened if s.success != "unknown"]
    if "failed" in successes:
        success = "failed"
    elif successes and len(successes) == len(states):
        success = "passed"
    else:
        success = "unknown"
    scores = [max(0.0, s.score_scaled) for s in opened if s.score_scaled is not None]
    score = sum(scores) / len(scores) if scores else None
    return Rollup("completed" if completed else "incomplete", success, score)
