"""Quiz grading: pure, deterministic, exact. No Django, no Wagtail.

Contract (docs/snapshot.md): grade an attempt from its frozen
`questions_snapshot` and the learner's answers, never from the live bank.
Every score is `mark * credit` in exact `Fraction` arithmetic; credit is floored
at 0 and capped at 1 per question, so 0.1 + 0.2 problems cannot appear and three
thirds add up to exactly one.

Two kinds of bad input are treated differently:

- An *answer* comes from the browser and is untrusted. Anything of the wrong
  JSON shape (a dict where a string is expected, a list holding non-strings,
  bytes, numbers, nested junk, an over-long string) grades as 0 and never raises.
- The *snapshot* is our own data. A malformed one raises `ValueError` naming the
  slot and the problem, because grading it silently would hide a bug.

Decisions beyond the contract:

- Fractions in the snapshot are strings (or ints / `Fraction`s); floats are
  refused because they are not exact.
- Feedback: single/truefalse give the chosen choice's feedback; multiple gives
  the chosen choices' feedback in presentation order; shortanswer and numeric
  give the feedback of the best match (the first, in snapshot order, among equal
  fractions); gapfill joins each gap's best-match feedback in gap order;
  matching, ordering, essay and description give none. Empty feedback is
  skipped; the rest is joined by a blank line.
- Text answers (shortanswer, each gap) longer than `MAX_TEXT_ANSWER` characters
  get 0. An answer that is empty after normalisation gets 0 even if an accepted
  text such as `*` would match it.
- Wildcards: runs of `*` collapse to one; the pattern is built from
  `re.escape`d literal parts, and every middle part is matched as an atomic
  lazy group, so matching is polynomial (no catastrophic backtracking) and
  still exact: leftmost matching of the middle parts finds a match whenever
  one exists.
- Numeric answers accept decimal notation only: an optional sign (`+`, `-`,
  or the Unicode minus U+2212), ASCII digits with an optional decimal point, and
  an optional exponent (`1e3`, `-2.5E-4`), with surrounding whitespace
  ignored. A single `,` is the decimal point when there is no `.` (so `1,000`
  is one, not a thousand). Fractions (`1/3`), `inf`, `nan`, hex, digit
  separators, inner spaces, answers over `MAX_NUMERIC_ANSWER` characters and
  exponents beyond ±`MAX_EXPONENT` are unparseable and get 0.
- Numeric entries use `value ± tolerance` when `value` is set (a null tolerance
  is 0), else the inclusive range `min..max`; both ends are required.
- Matching answers map pair ids to target ids; a null target means "not
  answered" for that pair. Ordering compares positions one by one, so any list
  of strings is a valid (if wrong) answer. Gapfill entries may be null (blank
  gap); missing trailing gaps are blank and extra entries are ignored.
- Snapshot ids (choices, pairs, targets, items) are strings; int ids are read
  as their decimal form. Answers must be strings; they are never coerced.
- An essay always needs review (score None), whatever was typed. A description
  is worth 0 whatever its `mark` says.
- `passed` with a zero maximum compares a percent of 0 with the pass mark.
- `to_decimal_string` rounds half away from zero ("half-up" on magnitudes).
"""

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

from questions.kinds import Kind

MAX_TEXT_ANSWER = 1000
MAX_NUMERIC_ANSWER = 100
MAX_EXPONENT = 1000

ZERO = Fraction(0)
ONE = Fraction(1)
FEEDBACK_SEPARATOR = "\n\n"

TYPES = frozenset(Kind)


@dataclass(frozen=True)
class SlotGrade:
    slot: int
    score: Fraction | None  # None only when needs_review (essay)
    max_score: Fraction
    feedback: str  # matched choice/answer feedback joined by "\n\n"
    needs_review: bool


@dataclass(frozen=True)
class AttemptGrade:
    slots: tuple[SlotGrade, ...]
    score: Fraction  # sum of known slot scores
    max_score: Fraction  # sum of all slot maxima
    needs_review: bool  # any slot needs review


class GradingMethod(StrEnum):
    HIGHEST = "highest"
    LAST = "last"
    FIRST = "first"
    AVERAGE = "average"


# --- public API -------------------------------------------------------------


def grade(
    snapshot: Sequence[Mapping[str, Any]], answers: Mapping[str, Any]
) -> AttemptGrade:
    """Grade every slot of `snapshot`; `answers` is keyed by str(slot)."""
    if isinstance(snapshot, str | bytes) or not isinstance(snapshot, Sequence):
        raise ValueError("snapshot must be a list of slot objects")
    slots: list[SlotGrade] = []
    seen: set[int] = set()
    for question in snapshot:
        result = grade_slot(question, answers.get(str(_slot_number(question))))
        if result.slot in seen:
            raise ValueError(f"slot {result.slot}: appears twice in the snapshot")
        seen.add(result.slot)
        slots.append(result)
    return AttemptGrade(
        slots=tuple(slots),
        score=sum((s.score for s in slots if s.score is not None), ZERO),
        max_score=sum((s.max_score for s in slots), ZERO),
        needs_review=any(s.needs_review for s in slots),
    )


def grade_slot(question: Mapping[str, Any], answer: Any) -> SlotGrade:
    """Grade one slot of the snapshot against the learner's answer (any JSON)."""
    slot = _slot_number(question)
    kind = question.get("type")
    if not isinstance(kind, str) or kind not in TYPES:
        raise ValueError(f"slot {slot}: unknown question type {kind!r}")
    if kind == Kind.DESCRIPTION:
        return SlotGrade(slot, ZERO, ZERO, "", needs_review=False)
    mark = _fraction(question.get("mark"), slot, "mark")
    if mark < 0:
        raise ValueError(f"slot {slot}: mark must not be negative")
    if kind == Kind.ESSAY:
        return SlotGrade(slot, None, mark, "", needs_review=True)
    credit, feedback = _GRADERS[Kind(kind)](question, answer, slot)
    credit = _clamp(credit)
    return SlotGrade(
        slot,
        mark * credit,
        mark,
        FEEDBACK_SEPARATOR.join(f for f in feedback if f.strip()),
        needs_review=False,
    )


def percent(score: Fraction, max_score: Fraction) -> Fraction:
    """Score as a percentage of max_score, exactly; 0 when max_score is 0."""
    if max_score == 0:
        return ZERO
    return Fraction(score) * 100 / Fraction(max_score)


def passed(score: Fraction, max_score: Fraction, pass_mark_percent: Fraction) -> bool:
    """True when the percentage reaches the pass mark (inclusive)."""
    return percent(score, max_score) >= pass_mark_percent


def combine(
    method: GradingMethod, attempt_percents: Sequence[Fraction]
) -> Fraction | None:
    """Quiz percent from final attempts' percents (attempt order); None if none."""
    if not attempt_percents:
        return None
    values = [Fraction(p) for p in attempt_percents]
    match GradingMethod(method):
        case GradingMethod.HIGHEST:
            return max(values)
        case GradingMethod.LAST:
            return values[-1]
        case GradingMethod.FIRST:
            return values[0]
        case GradingMethod.AVERAGE:
            return sum(values, ZERO) / len(values)


def to_decimal_string(value: Fraction, places: int = 7) -> str:
    """Exact decimal with `places` digits, halves rounded away from zero."""
    if places < 0:
        raise ValueError("places must not be negative")
    value = Fraction(value)
    scaled = abs(value) * 10**places
    units = int(scaled + Fraction(1, 2))  # floor, since the operand is >= 0
    digits = str(units).rjust(places + 1, "0")
    sign = "-" if value < 0 and units else ""
    if not places:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


# --- per-type graders: (question, answer, slot) -> (credit, feedback parts) --

Graded = tuple[Fraction, list[str]]


def _grade_single(question: Mapping[str, Any], answer: Any, slot: int) -> Graded:
    choices = _choices(question, slot)
    if not isinstance(answer, str):
        return ZERO, []
    for choice_id, fraction, feedback in choices:
        if choice_id == answer:
            return fraction, [feedback]
    return ZERO, []


def _grade_multiple(question: Mapping[str, Any], answer: Any, slot: int) -> Graded:
    choices = _choices(question, slot)
    chosen = _string_list(answer)
    if chosen is None:
        return ZERO, []
    picked = set(chosen)
    credit = ZERO
    feedback = []
    for choice_id, fraction, choice_feedback in choices:
        if choice_id in picked:
            credit += fraction
            feedback.append(choice_feedback)
    return credit, feedback


def _grade_shortanswer(question: Mapping[str, Any], answer: Any, slot: int) -> Graded:
    accepted = _accepted(question.get("accepted"), slot, "accepted")
    case_sensitive = _case_sensitive(question, slot)
    return _best_text_match(accepted, answer, case_sensitive)


def _grade_numeric(question: Mapping[str, Any], answer: Any, slot: int) -> Graded:
    entries = _numeric_entries(question, slot)
    value = parse_number(answer)
    if value is None:
        return ZERO, []
    best: tuple[Fraction, str] | None = None
    for low, high, fraction, feedback in entries:
        inside = (low is None or low <= value) and (high is None or value <= high)
        if inside and (best is None or fraction > best[0]):
            best = (fraction, feedback)
    if best is None:
        return ZERO, []
    return best[0], [best[1]]


def _grade_matching(question: Mapping[str, Any], answer: Any, slot: int) -> Graded:
    pairs = _matching_pairs(question, slot)
    if not isinstance(answer, Mapping):
        return ZERO, []
    for key, value in answer.items():
        if not isinstance(key, str) or not (value is None or isinstance(value, str)):
            return ZERO, []
    right = sum(1 for pair_id, target_id in pairs if answer.get(pair_id) == target_id)
    return Fraction(right, len(pairs)), []


def _grade_ordering(question: Mapping[str, Any], answer: Any, slot: int) -> Graded:
    order = _ordering(question, slot)
    given = _string_list(answer)
    if given is None:
        return ZERO, []
    right = sum(
        1 for expected, got in zip(order, given, strict=False) if expected == got
    )
    return Fraction(right, len(order)), []


def _grade_gapfill(question: Mapping[str, Any], answer: Any, slot: int) -> Graded:
    gaps = question.get("gaps")
    if not isinstance(gaps, list) or not gaps:
        raise ValueError(f"slot {slot}: gapfill needs a non-empty list of gaps")
    parsed_gaps = []
    for n, gap in enumerate(gaps, start=1):
        if not isinstance(gap, Mapping):
            raise ValueError(f"slot {slot}: gap {n} must be an object")
        parsed_gaps.append(_accepted(gap.get("accepted"), slot, f"gap {n} accepted"))
    case_sensitive = _case_sensitive(question, slot)
    if not isinstance(answer, list | tuple):
        return ZERO, []
    if not all(entry is None or isinstance(entry, str) for entry in answer):
        return ZERO, []
    credit = ZERO
    feedback: list[str] = []
    for n, accepted in enumerate(parsed_gaps):
        given = answer[n] if n < len(answer) else None
        gap_credit, gap_feedback = _best_text_match(accepted, given, case_sensitive)
        credit += _clamp(gap_credit)
        feedback.extend(gap_feedback)
    return credit / len(parsed_gaps), feedback


_GRADERS = {
    Kind.SINGLE: _grade_single,
    Kind.TRUE_FALSE: _grade_single,
    Kind.MULTIPLE: _grade_multiple,
    Kind.SHORT_ANSWER: _grade_shortanswer,
    Kind.NUMERIC: _grade_numeric,
    Kind.MATCHING: _grade_matching,
    Kind.ORDERING: _grade_ordering,
    Kind.GAP_FILL: _grade_gapfill,
}


# --- text matching ------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")
_STARS = re.compile(r"\*+")


def normalise(text: str, case_sensitive: bool = False) -> str:
    """NFC, trimmed, inner whitespace runs collapsed, case-folded unless asked."""
    text = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if not case_sensitive:
        # Case folding can decompose (e.g. "İ"), so recompose afterwards.
        text = unicodedata.normalize("NFC", text.casefold())
    return text


def wildcard_pattern(accepted: str) -> re.Pattern[str]:
    """Regex (for fullmatch) of an already normalised accepted text with `*`."""
    parts = _STARS.sub("*", accepted).split("*")
    if len(parts) == 1:
        return re.compile(re.escape(accepted), re.DOTALL)
    first, *middle, last = parts
    # Each middle part is found at its leftmost occurrence and never retried
    # (atomic group); that is enough for a `*`-only glob and keeps it linear
    # per part instead of exponential in the number of stars.
    body = "".join(f"(?>.*?{re.escape(part)})" for part in middle)
    return re.compile(f"{re.escape(first)}{body}.*{re.escape(last)}", re.DOTALL)


def text_matches(accepted: str, answer: Any, case_sensitive: bool = False) -> bool:
    """Whether a raw answer matches a raw accepted text (both get normalised).

    Non-strings, answers over MAX_TEXT_ANSWER characters and answers that are
    empty once normalised never match.
    """
    given = _normalised_answer(answer, case_sensitive)
    return given is not None and _matches(accepted, given, case_sensitive)


def _normalised_answer(answer: Any, case_sensitive: bool) -> str | None:
    if not isinstance(answer, str) or len(answer) > MAX_TEXT_ANSWER:
        return None
    return normalise(answer, case_sensitive) or None


def _matches(accepted: str, given: str, case_sensitive: bool) -> bool:
    pattern = wildcard_pattern(normalise(accepted, case_sensitive))
    return pattern.fullmatch(given) is not None


def _best_text_match(
    accepted: list[tuple[str, Fraction, str]], answer: Any, case_sensitive: bool
) -> Graded:
    given = _normalised_answer(answer, case_sensitive)
    if given is None:
        return ZERO, []
    best: tuple[Fraction, str] | None = None
    for text, fraction, feedback in accepted:
        if (best is None or fraction > best[0]) and _matches(
            text, given, case_sensitive
        ):
            best = (fraction, feedback)
    if best is None:
        return ZERO, []
    return best[0], [best[1]]


# --- numbers ------------------------------------------------------------------

_DECIMAL = re.compile(
    r"(?P<sign>[+-]?)(?P<int>[0-9]*)(?:\.(?P<frac>[0-9]*))?"
    r"(?:[eE](?P<exp>[+-]?[0-9]+))?"
)


def parse_number(answer: Any) -> Fraction | None:
    """Exact value of a typed decimal number, or None when it is not one."""
    if not isinstance(answer, str) or len(answer) > MAX_NUMERIC_ANSWER:
        return None
    text = answer.strip().replace("\u2212", "-")
    if "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    found = _DECIMAL.fullmatch(text)
    if found is None:
        return None
    whole, decimals = found["int"], found["frac"] or ""
    if not whole and not decimals:
        return None
    exponent = int(found["exp"] or 0)
    if abs(exponent) > MAX_EXPONENT:
        return None
    value = Fraction(int(whole + decimals or "0"), 10 ** len(decimals))
    value *= Fraction(10) ** exponent
    return -value if found["sign"] == "-" else value


# --- snapshot reading (raises ValueError on our own malformed data) -------------


def _slot_number(question: Any) -> int:
    if not isinstance(question, Mapping):
        raise ValueError(
            f"snapshot entry must be an object, got {type(question).__name__}"
        )
    slot = question.get("slot")
    if not isinstance(slot, int) or isinstance(slot, bool) or slot < 1:
        raise ValueError(f"snapshot entry has no valid slot number: {slot!r}")
    return slot


def _fraction(value: Any, slot: int, what: str) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value)
        except (ValueError, ZeroDivisionError):
            pass
    raise ValueError(f"slot {slot}: {what} is not a fraction string: {value!r}")


def _optional_fraction(value: Any, slot: int, what: str) -> Fraction | None:
    return None if value is None else _fraction(value, slot, what)


def _feedback(entry: Mapping[str, Any], slot: int) -> str:
    feedback = entry.get("feedback")
    if feedback is None:
        return ""
    if not isinstance(feedback, str):
        raise ValueError(f"slot {slot}: feedback must be a string")
    return feedback


def _entries(value: Any, slot: int, what: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(e, Mapping) for e in value):
        raise ValueError(f"slot {slot}: {what} must be a list of objects")
    return value


def _id_string(value: Any) -> str | None:
    """Snapshot ids are strings; ints are read as their decimal form."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def _entry_id(entry: Mapping[str, Any], slot: int, what: str) -> str:
    entry_id = _id_string(entry.get("id"))
    if entry_id is None:
        raise ValueError(f"slot {slot}: {what} has no valid id: {entry.get('id')!r}")
    return entry_id


def _unique_ids(entries: list[Mapping[str, Any]], slot: int, what: str) -> list[str]:
    ids = [_entry_id(entry, slot, what) for entry in entries]
    if len(set(ids)) != len(ids):
        raise ValueError(f"slot {slot}: {what} ids are not unique")
    return ids


def _choices(question: Mapping[str, Any], slot: int) -> list[tuple[str, Fraction, str]]:
    entries = _entries(question.get("choices"), slot, "choices")
    ids = _unique_ids(entries, slot, "choice")
    return [
        (
            choice_id,
            _fraction(e.get("fraction"), slot, "choice fraction"),
            _feedback(e, slot),
        )
        for choice_id, e in zip(ids, entries, strict=True)
    ]


def _accepted(value: Any, slot: int, what: str) -> list[tuple[str, Fraction, str]]:
    accepted = []
    for entry in _entries(value, slot, what):
        text = entry.get("text")
        if not isinstance(text, str):
            raise ValueError(f"slot {slot}: {what} text must be a string")
        fraction = _fraction(entry.get("fraction"), slot, f"{what} fraction")
        accepted.append((text, fraction, _feedback(entry, slot)))
    return accepted


def _case_sensitive(question: Mapping[str, Any], slot: int) -> bool:
    flag = question.get("case_sensitive", False)
    if not isinstance(flag, bool):
        raise ValueError(f"slot {slot}: case_sensitive must be true or false")
    return flag


def _numeric_entries(
    question: Mapping[str, Any], slot: int
) -> list[tuple[Fraction | None, Fraction | None, Fraction, str]]:
    """(low, high, fraction, feedback); both bounds None is Moodle's "*",
    an answer matching any number (usually a fallback carrying feedback)."""
    entries: list[tuple[Fraction | None, Fraction | None, Fraction, str]] = []
    for entry in _entries(question.get("numeric"), slot, "numeric"):
        low: Fraction | None
        high: Fraction | None
        value = _optional_fraction(entry.get("value"), slot, "numeric value")
        if value is not None:
            tolerance = (
                _optional_fraction(entry.get("tolerance"), slot, "tolerance") or ZERO
            )
            if tolerance < 0:
                raise ValueError(f"slot {slot}: tolerance must not be negative")
            low, high = value - tolerance, value + tolerance
        else:
            low = _optional_fraction(entry.get("min"), slot, "numeric min")
            high = _optional_fraction(entry.get("max"), slot, "numeric max")
            if (low is None) != (high is None):
                raise ValueError(
                    f"slot {slot}: numeric entry needs value, min and max, or neither"
                )
            if low is not None and high is not None and low > high:
                raise ValueError(f"slot {slot}: numeric min is above max")
        fraction = _fraction(entry.get("fraction"), slot, "numeric fraction")
        entries.append((low, high, fraction, _feedback(entry, slot)))
    return entries


def _matching_pairs(question: Mapping[str, Any], slot: int) -> list[tuple[str, str]]:
    pairs = _entries(question.get("pairs"), slot, "pairs")
    targets = _entries(question.get("targets"), slot, "targets")
    if not pairs:
        raise ValueError(f"slot {slot}: matching needs at least one pair")
    pair_ids = _unique_ids(pairs, slot, "pair")
    target_ids = set(_unique_ids(targets, slot, "target"))
    result = []
    for pair_id, pair in zip(pair_ids, pairs, strict=True):
        right = _id_string(pair.get("answer"))
        if right is None or right not in target_ids:
            raise ValueError(f"slot {slot}: pair {pair_id} answer is not a target id")
        result.append((pair_id, right))
    return result


def _ordering(question: Mapping[str, Any], slot: int) -> list[str]:
    items = _entries(question.get("items"), slot, "items")
    item_ids = _unique_ids(items, slot, "item")
    order = question.get("order")
    if not isinstance(order, list):
        raise ValueError(f"slot {slot}: order must be a list of item ids")
    order_ids = [_id_string(i) for i in order]
    if (
        not item_ids
        or len(order_ids) != len(item_ids)
        or set(order_ids) != set(item_ids)
    ):
        raise ValueError(f"slot {slot}: order must list every item id exactly once")
    return [i for i in order_ids if i is not None]


# --- small helpers --------------------------------------------------------------


def _clamp(credit: Fraction) -> Fraction:
    return min(max(credit, ZERO), ONE)


def _string_list(answer: Any) -> list[str] | None:
    if not isinstance(answer, list | tuple):
        return None
    if not all(isinstance(entry, str) for entry in answer):
        return None
    return list(answer)


def rubric_score(
    chosen: Sequence[Fraction], maxima: Sequence[Fraction], max_score: Fraction
) -> Fraction:
    """The score a rubric gives: the points of the level chosen for each
    criterion, scaled from the rubric's total (the best level of each
    criterion) to the slot's `max_score`. A rubric worth nothing scores 0."""
    if len(chosen) != len(maxima):
        raise ValueError("one chosen level a criterion")
    total = sum(maxima, Fraction(0))
    if total <= 0:
        return Fraction(0)
    earned = sum(chosen, Fraction(0))
    return min(max_score, max_score * earned / total)
