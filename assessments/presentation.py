"""What a learner's browser may see of a snapshot entry, before and after review.

`for_taking` copies only the keys a question needs to be answered (never
credits, accepted answers, the right order or feedback), so templates cannot
leak a key by accident. `for_review` adds what the review policy allows.

Snapshot ids come from database ids, in the author's order ("a12" before
"a13", pair "a12" goes with target "t12"), so they would give the key away.
The browser sees each id only as an `OptionTokens` token: a keyed hash of the
attempt and the id, unrelated to the id's value or order. `forms` maps tokens
back; grading and stored answers keep the snapshot's ids.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from questions.kinds import GAP_PATTERN, Kind

from .models import ANSWER_MAX_CHARS, AssessmentPage, Attempt, ReviewWhen

# Lists a question shows; of each item only its (tokenised) id and its text.
SAFE_LIST_KEYS = ("choices", "pairs", "targets", "items")


@dataclass(frozen=True)
class ReviewOptions:
    allowed: bool  # the learner may see the questions and their answers
    score: bool
    correct: bool
    feedback: bool
    reason: str = ""  # why not, when not allowed


def review_options(
    attempt: Attempt, page: AssessmentPage, now: datetime
) -> ReviewOptions:
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return ReviewOptions(
            False, False, False, False, _("This attempt is still open.")
        )
    when = page.review_when
    if when == ReviewWhen.NEVER:
        return ReviewOptions(
            False,
            False,
            False,
            False,
            _("This quiz does not show results to learners."),
        )
    if when == ReviewWhen.AFTER_CLOSE and (
        page.closes_at is None or now < page.closes_at
    ):
        reason = (
            _("Results will be shown after %(date)s UTC.")
            % {"date": date_format(page.closes_at, "j F Y, H:i")}
            if page.closes_at
            else _("Results will be shown later.")
        )
        return ReviewOptions(False, False, False, False, reason)
    final = attempt.status == Attempt.Status.GRADED
    return ReviewOptions(
        allowed=True,
        score=page.review_show_score,
        # Keys wait until the grade is final, so nobody learns them from a
        # partly marked attempt.
        correct=page.review_show_correct and final,
        feedback=page.review_show_feedback and final,
    )


class OptionTokens:
    """One attempt's opaque names for the ids of its snapshot (choices, pairs,
    targets, items, gaps). Keyed with SECRET_KEY, the attempt and its seed, so
    a token says nothing about its id, its order or its partner, and differs
    between attempts; derived rather than stored, so attempts started before
    tokens existed get them too."""

    SALT = "assessments.presentation.OptionTokens"

    def __init__(self, attempt: Attempt) -> None:
        self._key = salted_hmac(
            self.SALT, f"{attempt.pk}:{attempt.seed}", algorithm="sha256"
        ).digest()

    def token(self, slot: int, item_id: str) -> str:
        digest = hmac.new(
            self._key, f"{slot}:{item_id}".encode(), hashlib.sha256
        ).digest()
        # 80 bits in lower-case base32 behind a letter: valid in a name, an
        # HTML id and a CSS selector, and never mistaken for a snapshot id.
        return "o" + base64.b32encode(digest[:10]).decode("ascii").lower()

    def lookup(self, slot: int, item_ids: list[str]) -> dict[str, str]:
        """Token to id; an id also maps to itself, so a page rendered before
        tokens (open in a browser during a deploy) still saves."""
        found = {self.token(slot, item_id): item_id for item_id in item_ids}
        found.update((item_id, item_id) for item_id in item_ids)
        return found


def is_answered(answer: Any) -> bool:
    """Whether a stored answer says anything: a gap-fill of empty gaps or a
    matching of unchosen pairs is no answer."""
    if isinstance(answer, str):
        return answer.strip() != ""
    if isinstance(answer, list):
        return any(is_answered(a) for a in answer)
    if isinstance(answer, dict):
        return any(is_answered(v) for v in answer.values())
    return answer is not None


def gap_ids(entry: dict[str, Any]) -> list[str]:
    """The snapshot names its gaps by number only; "g1" is the first."""
    return [f"g{number}" for number in range(1, len(entry.get("gaps", [])) + 1)]


def for_taking(
    entry: dict[str, Any], answer: Any, tokens: OptionTokens
) -> dict[str, Any]:
    slot = entry["slot"]
    kind = entry["type"]

    def tok(item_id: str) -> str:
        return tokens.token(slot, item_id)

    shown = _tokenised_answer(kind, answer, tok)
    view: dict[str, Any] = {
        "slot": slot,
        "type": kind,
        "answered": is_answered(answer),
        "mark": _mark(entry["mark"]),
        "answer": shown,
        "max_chars": ANSWER_MAX_CHARS.get(kind),
        # Choice tokens the learner picked (a set, so one never matches
        # another by a prefix).
        "selected": (
            {shown}
            if isinstance(shown, str) and kind in (Kind.SINGLE, Kind.TRUE_FALSE)
            else set(shown)
            if kind == Kind.MULTIPLE
            else set()
        ),
    }
    if kind == Kind.GAP_FILL:
        view["stem_parts"] = _gap_parts(entry["stem"], answer, tok)
    else:
        view["stem"] = mark_safe(entry["stem"])  # noqa: S308 - cleaned with nh3 on save
    for key in SAFE_LIST_KEYS:
        if key in entry:
            view[key] = [
                {
                    "id": tok(item["id"]),
                    "text": item["text"]
                    if key == "targets"
                    else mark_safe(item["text"]),  # noqa: S308
                }
                for item in entry[key]
            ]
    if kind == Kind.MATCHING:
        chosen = shown if isinstance(shown, dict) else {}
        for pair in view["pairs"]:
            pair["chosen"] = chosen.get(pair["id"], "")
    if kind == Kind.ORDERING:
        positions = shown if isinstance(shown, list) else []
        view["positions"] = list(range(1, len(entry["items"]) + 1))
        chosen_position = {item: index for index, item in enumerate(positions, start=1)}
        for index, item in enumerate(view["items"], start=1):
            # Unanswered, each item starts at the place it is shown in.
            item["position"] = chosen_position.get(item["id"], index)
    return view


def _tokenised_answer(kind: str, answer: Any, tok: Any) -> Any:
    """A stored answer (snapshot ids) as the page names its options."""
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return tok(answer) if isinstance(answer, str) and answer else None
    if kind in (Kind.MULTIPLE, Kind.ORDERING):
        if not isinstance(answer, list):
            return []
        return [tok(a) for a in answer if isinstance(a, str)]
    if kind == Kind.MATCHING:
        if not isinstance(answer, dict):
            return {}
        return {
            tok(k): tok(v)
            for k, v in answer.items()
            if isinstance(k, str) and isinstance(v, str)
        }
    return answer


def for_review(
    entry: dict[str, Any],
    response: Any,
    options: ReviewOptions,
    tokens: OptionTokens,
    regraded: Any = None,
) -> dict[str, Any]:
    """The taking view plus, as allowed: score, which options were right, the
    accepted answers, feedback. The question is shown as the learner saw it
    (the snapshot's `entry`); after a regrade (`regraded`, a
    `selectors.Regraded`) the key shown is the one the score follows now."""
    view = for_taking(entry, response.answer, tokens)
    if options.score:
        view["score"] = response.score
        view["max_score"] = response.max_score
        view["needs_review"] = response.needs_review
        view["regraded_at"] = regraded.at if regraded else None
        view["verdict"] = verdict(response.score, response.max_score)
    if options.feedback:
        view["feedback"] = mark_safe(response.feedback)  # noqa: S308
        view["general_feedback"] = mark_safe(entry.get("general_feedback", ""))  # noqa: S308
        view["comment"] = response.comment
        if entry["type"] in CHOICE_KINDS:
            # Each chosen option's feedback beside it (the response's feedback
            # is these joined, so it is not shown twice).
            own = {
                tokens.token(entry["slot"], c["id"]): c.get("feedback", "")
                for c in entry["choices"]
            }
            for choice in view["choices"]:
                if choice["id"] in view["selected"]:
                    choice["feedback"] = mark_safe(own.get(choice["id"], ""))  # noqa: S308
            view["feedback"] = ""
    if options.correct:
        key = regraded.key if regraded else entry
        view["key"] = _key(key, lambda item_id: tokens.token(entry["slot"], item_id))
        if entry["type"] in CHOICE_KINDS:
            for choice in view["choices"]:
                choice["right"] = choice["id"] in view["key"]["right_ids"]
    return view


CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE)


def verdict(score: Decimal | None, max_score: Decimal | None) -> str:
    """ "right", "partial", "wrong", or "" (not marked yet, or worth nothing)."""
    if score is None or not max_score:
        return ""
    if score >= max_score:
        return "right"
    return "partial" if score > 0 else "wrong"


def _key(entry: dict[str, Any], tok: Any) -> dict[str, Any]:
    kind = entry["type"]
    if kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE):
        return {
            "right_ids": [
                tok(c["id"]) for c in entry["choices"] if Fraction(c["fraction"]) > 0
            ],
        }
    if kind == Kind.SHORT_ANSWER:
        return {
            "texts": [
                a["text"] for a in entry["accepted"] if Fraction(a["fraction"]) == 1
            ]
        }
    if kind == Kind.NUMERIC:
        texts = []
        for answer in entry["numeric"]:
            if Fraction(answer["fraction"]) != 1:
                continue
            if answer["value"] is not None:
                text = _number(answer["value"])
                if Fraction(answer["tolerance"] or 0):
                    text += f" ± {_number(answer['tolerance'])}"
            elif answer["min"] is not None:
                text = f"{_number(answer['min'])} to {_number(answer['max'])}"
            else:
                text = "any number"
            texts.append(text)
        return {"texts": texts}
    if kind == Kind.MATCHING:
        targets = {t["id"]: t["text"] for t in entry["targets"]}
        return {"pairs": {tok(p["id"]): targets[p["answer"]] for p in entry["pairs"]}}
    if kind == Kind.ORDERING:
        item_texts = {i["id"]: i["text"] for i in entry["items"]}
        return {"order": [mark_safe(item_texts[i]) for i in entry["order"]]}  # noqa: S308
    if kind == Kind.GAP_FILL:
        return {
            "gaps": [
                [a["text"] for a in gap["accepted"] if Fraction(a["fraction"]) == 1]
                for gap in entry["gaps"]
            ]
        }
    return {}


def _gap_parts(stem: str, answer: Any, tok: Any) -> list[dict[str, Any]]:
    given = answer if isinstance(answer, list) else []
    parts: list[dict[str, Any]] = []
    position = 0
    for match in GAP_PATTERN.finditer(stem):
        parts.append({"html": mark_safe(stem[position : match.start()])})  # noqa: S308
        number = int(match.group(1))
        value = given[number - 1] if 0 < number <= len(given) else ""
        parts.append(
            {
                "gap": number,
                "name": tok(f"g{number}"),
                "value": value if isinstance(value, str) else "",
            }
        )
        position = match.end()
    parts.append({"html": mark_safe(stem[position:])})  # noqa: S308
    return parts


def _mark(value: str) -> Decimal:
    fraction = Fraction(value)
    return (Decimal(fraction.numerator) / Decimal(fraction.denominator)).normalize()


def _number(value: str) -> str:
    return format(_mark(value), "f")
