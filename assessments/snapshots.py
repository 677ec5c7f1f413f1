"""Freezing bank questions into an attempt (the format is docs/snapshot.md).

Ids in a snapshot are derived from database ids of the answers ("a12"), so a
regrade can rebuild an entry from the edited question and keep the order the
learner saw (`canonical_entry`, then `rekey`), without rewriting the snapshot.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

from questions.kinds import Kind, gap_numbers
from questions.models import Question, QuestionAnswer

CHOICE_KINDS = {Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE}


def fraction_string(value: Decimal | None) -> str | None:
    """Decimal credit as an exact fraction string; 0.3333333 (how authors and
    Moodle write a third) becomes "1/3", so three thirds add up to exactly 1."""
    if value is None:
        return None
    exact = Fraction(value)
    near = exact.limit_denominator(12)
    if near != exact and abs(near - exact) <= Fraction(1, 10**6):
        exact = near
    return str(exact)


def build_entry(
    question: Question,
    answers: list[QuestionAnswer],
    *,
    slot: int,
    mark: Decimal,
    rng: random.Random | None,
) -> dict[str, Any]:
    """One slot of a snapshot. `rng` shuffles the options; None keeps author order."""
    kind = Kind(question.kind)
    entry: dict[str, Any] = {
        "slot": slot,
        "question": question.pk,
        "version": question.version,
        "type": kind.value,
        "title": question.title,
        "mark": "0" if kind == Kind.DESCRIPTION else fraction_string(mark),
        "stem": question.stem,
        "general_feedback": question.general_feedback,
    }
    shuffle = rng is not None and question.shuffle_options
    if kind in CHOICE_KINDS:
        choices = [
            {
                "id": f"a{a.pk}",
                "text": a.text,
                "fraction": fraction_string(a.fraction),
                "feedback": a.feedback,
            }
            for a in answers
        ]
        if shuffle and kind != Kind.TRUE_FALSE:
            rng.shuffle(choices)  # type: ignore[union-attr]
        entry["choices"] = choices
    elif kind == Kind.SHORT_ANSWER:
        entry["accepted"] = [_accepted(a) for a in answers]
        entry["case_sensitive"] = question.case_sensitive
    elif kind == Kind.NUMERIC:
        entry["numeric"] = [
            {
                "value": fraction_string(a.value),
                "tolerance": fraction_string(a.tolerance) or "0",
                "min": fraction_string(a.minimum),
                "max": fraction_string(a.maximum),
                "fraction": fraction_string(a.fraction),
                "feedback": a.feedback,
            }
            for a in answers
        ]
    elif kind == Kind.MATCHING:
        entry.update(_matching(answers, rng if shuffle else None, question.pk))
    elif kind == Kind.ORDERING:
        items = [{"id": f"a{a.pk}", "text": a.text} for a in answers]
        entry["order"] = [item["id"] for item in items]
        # Ordering is always presented shuffled, and never already solved.
        presented = list(items)
        (rng or random.Random(question.pk)).shuffle(presented)  # noqa: S311
        if len(presented) > 1 and [i["id"] for i in presented] == entry["order"]:
            presented = presented[1:] + presented[:1]
        entry["items"] = presented
    elif kind == Kind.GAP_FILL:
        entry["gaps"] = [
            {"accepted": [_accepted(a) for a in answers if a.gap == number]}
            for number in gap_numbers(question.stem)
        ]
        entry["case_sensitive"] = question.case_sensitive
    return entry


def _accepted(answer: QuestionAnswer) -> dict[str, Any]:
    return {
        "text": answer.text,
        "fraction": fraction_string(answer.fraction),
        "feedback": answer.feedback,
    }


def _matching(
    answers: list[QuestionAnswer], rng: random.Random | None, question_id: int
) -> dict[str, Any]:
    target_ids: dict[str, str] = {}
    for answer in answers:
        target_ids.setdefault(answer.match.strip(), f"t{answer.pk}")
    pairs = [
        {"id": f"a{a.pk}", "text": a.text, "answer": target_ids[a.match.strip()]}
        for a in answers
        if a.text.strip()  # a pair without a prompt is a distractor target
    ]
    targets = [{"id": tid, "text": text} for text, tid in target_ids.items()]
    if rng is not None:
        rng.shuffle(pairs)
        rng.shuffle(targets)
    else:
        # Targets are always shuffled (as Moodle does); in the author's order
        # they would sit beside their prompts and give the pairing away.
        random.Random(question_id).shuffle(targets)  # noqa: S311
    return {"pairs": pairs, "targets": targets}


def canonical_entry(
    question: Question, answers: list[QuestionAnswer]
) -> dict[str, Any]:
    """The question as a snapshot entry in the author's order, without a slot
    or a mark: the key a regrade stores once (`Regrade.key`) and applies to
    every attempt with `rekey`."""
    return build_entry(question, answers, slot=0, mark=Decimal(0), rng=None)


def rekey(old: dict[str, Any], key: dict[str, Any]) -> dict[str, Any]:
    """The slot `old` (as the learner saw it) under `key` (a canonical entry of
    the edited question): its slot and mark, and the learner's order, where
    surviving options keep their places, new ones follow, deleted ones go."""
    new = dict(key)
    new["slot"] = old["slot"]
    new["mark"] = old["mark"]  # the quiz's mark for this slot, not the bank's
    for name in ("choices", "pairs", "targets", "items"):
        if name in new and name in old:
            new[name] = _in_old_order(old[name], new[name])
    return new


def _in_old_order(old: list[dict], new: list[dict]) -> list[dict]:
    position = {item["id"]: index for index, item in enumerate(old)}
    return sorted(new, key=lambda item: position.get(item["id"], len(position)))
