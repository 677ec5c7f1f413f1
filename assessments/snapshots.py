"""Freezing bank questions into an attempt (the format is docs/snapshot.md).

Ids in a snapshot are derived from database ids of the answers ("a12"), so a
regrade can rebuild an entry from the edited question and keep the order the
learner saw (`canonical_entry`, then `rekey`), without rewriting the snapshot.

An attempt in another language takes what the learner reads (title, stem,
feedback, option texts, matching targets) from the question's translation
(`questions.models.QuestionTranslation`) where it has one, and everything
grading reads (ids, credits, accepted answers, numbers, gaps) from the
original: the same answers grade the same in every language. Such an entry
says its language ("language"); a regrade's key carries the entry in each
language (`canonical_entry`), and `rekey` keeps the learner's.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from questions.kinds import Kind, gap_numbers
from questions.models import Question, QuestionAnswer, QuestionTranslation

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
    translation: QuestionTranslation | None = None,
) -> dict[str, Any]:
    """One slot of a snapshot. `rng` shuffles the options; None keeps author
    order. With a `translation`, the texts a learner reads are its own where it
    has them; what grading reads is always the original's."""
    kind = Kind(question.kind)
    words = _Words(question, translation)
    entry: dict[str, Any] = {
        "slot": slot,
        "question": question.pk,
        "version": question.version,
        "type": kind.value,
        "title": words.title,
        "mark": "0" if kind == Kind.DESCRIPTION else fraction_string(mark),
        "stem": words.stem,
        "general_feedback": words.general_feedback,
    }
    if translation is not None:
        entry["language"] = translation.language
    shuffle = rng is not None and question.shuffle_options
    if kind in CHOICE_KINDS:
        choices = [
            {
                "id": f"a{a.pk}",
                "text": words.answer(a, "text"),
                "fraction": fraction_string(a.fraction),
                "feedback": words.answer(a, "feedback"),
            }
            for a in answers
        ]
        if shuffle and kind != Kind.TRUE_FALSE:
            rng.shuffle(choices)  # type: ignore[union-attr]
        entry["choices"] = choices
    elif kind == Kind.SHORT_ANSWER:
        entry["accepted"] = [_accepted(a, words) for a in answers]
        entry["case_sensitive"] = question.case_sensitive
    elif kind == Kind.NUMERIC:
        entry["numeric"] = [
            {
                "value": fraction_string(a.value),
                "tolerance": fraction_string(a.tolerance) or "0",
                "min": fraction_string(a.minimum),
                "max": fraction_string(a.maximum),
                "fraction": fraction_string(a.fraction),
                "feedback": words.answer(a, "feedback"),
            }
            for a in answers
        ]
    elif kind == Kind.MATCHING:
        entry.update(_matching(answers, rng if shuffle else None, question.pk, words))
    elif kind == Kind.ORDERING:
        items = [{"id": f"a{a.pk}", "text": words.answer(a, "text")} for a in answers]
        entry["order"] = [item["id"] for item in items]
        # Ordering is always presented shuffled, and never already solved.
        presented = list(items)
        (rng or random.Random(question.pk)).shuffle(presented)  # noqa: S311
        if len(presented) > 1 and [i["id"] for i in presented] == entry["order"]:
            presented = presented[1:] + presented[:1]
        entry["items"] = presented
    elif kind == Kind.GAP_FILL:
        entry["gaps"] = [
            {"accepted": [_accepted(a, words) for a in answers if a.gap == number]}
            for number in gap_numbers(question.stem)
        ]
        entry["case_sensitive"] = question.case_sensitive
    return entry


class _Words:
    """What a learner reads of a question: the translation's text where it has
    one, else the original's. A gap-fill translation whose gaps no longer
    match the original's (the original was edited since) is not used for the
    stem: the gaps are the key."""

    def __init__(
        self, question: Question, translation: QuestionTranslation | None
    ) -> None:
        self.question = question
        self.translation = translation
        self.answers: dict[str, dict[str, str]] = (
            translation.answers if translation is not None else {}
        )

    def _own(self, name: str) -> str:
        original = getattr(self.question, name)
        if self.translation is None:
            return original
        return getattr(self.translation, name) or original

    @property
    def title(self) -> str:
        return self._own("title")

    @property
    def stem(self) -> str:
        stem = self._own("stem")
        if Kind(self.question.kind) == Kind.GAP_FILL and gap_numbers(
            stem
        ) != gap_numbers(self.question.stem):
            return self.question.stem
        return stem

    @property
    def general_feedback(self) -> str:
        return self._own("general_feedback")

    def answer(self, answer: QuestionAnswer, name: str) -> str:
        """An answer's "text", "feedback" or "match" as the learner reads it."""
        own = self.answers.get(f"a{answer.pk}", {}).get(name)
        return own or getattr(answer, name)


def _accepted(answer: QuestionAnswer, words: _Words) -> dict[str, Any]:
    return {
        "text": answer.text,  # the key: never translated
        "fraction": fraction_string(answer.fraction),
        "feedback": words.answer(answer, "feedback"),
    }


def _matching(
    answers: list[QuestionAnswer],
    rng: random.Random | None,
    question_id: int,
    words: _Words,
) -> dict[str, Any]:
    # Targets are grouped by the original's match (the key); each reads as
    # the translation of the answer that names it.
    target_ids: dict[str, str] = {}
    target_texts: dict[str, str] = {}
    for answer in answers:
        target = answer.match.strip()
        if target not in target_ids:
            target_ids[target] = f"t{answer.pk}"
            target_texts[target] = words.answer(answer, "match").strip()
    pairs = [
        {
            "id": f"a{a.pk}",
            "text": words.answer(a, "text"),
            "answer": target_ids[a.match.strip()],
        }
        for a in answers
        if a.text.strip()  # a pair without a prompt is a distractor target
    ]
    targets = [
        {"id": tid, "text": target_texts[target]} for target, tid in target_ids.items()
    ]
    if rng is not None:
        rng.shuffle(pairs)
        rng.shuffle(targets)
    else:
        # Targets are always shuffled (as Moodle does); in the author's order
        # they would sit beside their prompts and give the pairing away.
        random.Random(question_id).shuffle(targets)  # noqa: S311
    return {"pairs": pairs, "targets": targets}


def canonical_entry(
    question: Question,
    answers: list[QuestionAnswer],
    translations: Sequence[QuestionTranslation] = (),
) -> dict[str, Any]:
    """The question as a snapshot entry in the author's order, without a slot
    or a mark: the key a regrade stores once (`Regrade.key`) and applies to
    every attempt with `rekey`. With `translations`, the key also holds the
    entry in each of their languages ("translations"), so an attempt in one
    keeps reading it after a regrade."""
    key = build_entry(question, answers, slot=0, mark=Decimal(0), rng=None)
    if translations:
        key["translations"] = {
            t.language: build_entry(
                question, answers, slot=0, mark=Decimal(0), rng=None, translation=t
            )
            for t in translations
        }
    return key


def rekey(old: dict[str, Any], key: dict[str, Any]) -> dict[str, Any]:
    """The slot `old` (as the learner saw it) under `key` (a canonical entry of
    the edited question), in the learner's language when the key has it: its
    slot and mark, and the learner's order, where surviving options keep their
    places, new ones follow, deleted ones go."""
    in_language = key.get("translations", {}).get(old.get("language", ""))
    new = dict(in_language or key)
    new.pop("translations", None)
    new["slot"] = old["slot"]
    new["mark"] = old["mark"]  # the quiz's mark for this slot, not the bank's
    for name in ("choices", "pairs", "targets", "items"):
        if name in new and name in old:
            new[name] = _in_old_order(old[name], new[name])
    return new


def _in_old_order(old: list[dict], new: list[dict]) -> list[dict]:
    position = {item["id"]: index for index, item in enumerate(old)}
    return sorted(new, key=lambda item: position.get(item["id"], len(position)))
