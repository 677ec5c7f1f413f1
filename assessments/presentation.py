"""What a learner's browser may see of a snapshot entry, before and after review.

`for_taking` copies only the keys a question needs to be answered (never
credits, accepted answers, the right order or feedback), so templates cannot
leak a key by accident. `for_review` adds what the review policy allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import AssessmentPage, Attempt, ReviewWhen
from .snapshots import GAP_PATTERN

SAFE_LIST_KEYS = {
    "choices": ("id", "text"),
    "pairs": ("id", "text"),
    "targets": ("id", "text"),
    "items": ("id", "text"),
}


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


def for_taking(entry: dict[str, Any], answer: Any) -> dict[str, Any]:
    view: dict[str, Any] = {
        "slot": entry["slot"],
        "type": entry["type"],
        "mark": _mark(entry["mark"]),
        "answer": answer,
        # Choice ids the learner picked (a set, so "a1" never matches "a12").
        "selected": (
            {answer}
            if isinstance(answer, str)
            else {a for a in answer if isinstance(a, str)}
            if isinstance(answer, list)
            else set()
        ),
    }
    if entry["type"] == "gapfill":
        view["stem_parts"] = _gap_parts(entry["stem"], answer)
    else:
        view["stem"] = mark_safe(entry["stem"])  # noqa: S308 - cleaned with nh3 on save
    for key, fields in SAFE_LIST_KEYS.items():
        if key in entry:
            view[key] = [
                {**{f: item[f] for f in fields}, "text": mark_safe(item["text"])}  # noqa: S308
                if key != "targets"
                else {f: item[f] for f in fields}
                for item in entry[key]
            ]
    if entry["type"] == "ordering":
        positions = answer if isinstance(answer, list) else []
        view["positions"] = list(range(1, len(entry["items"]) + 1))
        view["chosen_position"] = {
            item_id: index for index, item_id in enumerate(positions, start=1)
        }
    return view


def for_review(
    entry: dict[str, Any], response: Any, options: ReviewOptions
) -> dict[str, Any]:
    """The taking view plus, as allowed: score, which options were right, the
    accepted answers, feedback."""
    view = for_taking(entry, response.answer)
    view["answered"] = response.answer not in (None, "", [], {})
    if options.score:
        view["score"] = response.score
        view["max_score"] = response.max_score
        view["needs_review"] = response.needs_review
    if options.feedback:
        view["feedback"] = mark_safe(response.feedback)  # noqa: S308
        view["general_feedback"] = mark_safe(entry.get("general_feedback", ""))  # noqa: S308
        view["comment"] = response.comment
    if options.correct:
        view["key"] = _key(entry)
    return view


def _key(entry: dict[str, Any]) -> dict[str, Any]:
    kind = entry["type"]
    if kind in ("single", "multiple", "truefalse"):
        return {
            "right_ids": [
                c["id"] for c in entry["choices"] if Fraction(c["fraction"]) > 0
            ],
        }
    if kind == "shortanswer":
        return {
            "texts": [
                a["text"] for a in entry["accepted"] if Fraction(a["fraction"]) == 1
            ]
        }
    if kind == "numeric":
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
    if kind == "matching":
        targets = {t["id"]: t["text"] for t in entry["targets"]}
        return {"pairs": {p["id"]: targets[p["answer"]] for p in entry["pairs"]}}
    if kind == "ordering":
        item_texts = {i["id"]: i["text"] for i in entry["items"]}
        return {"order": [mark_safe(item_texts[i]) for i in entry["order"]]}  # noqa: S308
    if kind == "gapfill":
        return {
            "gaps": [
                [a["text"] for a in gap["accepted"] if Fraction(a["fraction"]) == 1]
                for gap in entry["gaps"]
            ]
        }
    return {}


def _gap_parts(stem: str, answer: Any) -> list[dict[str, Any]]:
    given = answer if isinstance(answer, list) else []
    parts: list[dict[str, Any]] = []
    position = 0
    for match in GAP_PATTERN.finditer(stem):
        parts.append({"html": mark_safe(stem[position : match.start()])})  # noqa: S308
        number = int(match.group(1))
        value = given[number - 1] if 0 < number <= len(given) else ""
        parts.append({"gap": number, "value": value if isinstance(value, str) else ""})
        position = match.end()
    parts.append({"html": mark_safe(stem[position:])})  # noqa: S308
    return parts


def _mark(value: str) -> Decimal:
    fraction = Fraction(value)
    return (Decimal(fraction.numerator) / Decimal(fraction.denominator)).normalize()


def _number(value: str) -> str:
    return format(_mark(value), "f")
