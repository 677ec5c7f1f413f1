"""What the benchmarks grade: a plain-Python snapshot of 20 mixed questions
(docs/snapshot.md), bank questions for the database benchmarks, and random
learner answers derived from any snapshot entry. No Django here."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

from questions.kinds import Kind

# How a simulated learner answers each question.
P_BLANK = 0.05
P_RIGHT = 0.55

WRONG_WORDS = ["paris", "I don't know", "north atlantic", "42", "", "  ", "CIMIC?"]


# --- bank questions (QuestionAnswer fields, as tests.factories.make_question) --


def bank_questions() -> list[dict[str, Any]]:
    """Ten questions of every automatically graded kind; the first is the one
    the regrade benchmark re-keys. Kept small so attempts are realistic."""
    return [
        {
            "kind": Kind.SINGLE,
            "title": "Regrade target",
            "stem": "<p>Who coordinates civil-military interaction?</p>",
            "answers": [
                _choice("The CIMIC staff", 1, "Right."),
                _choice("The logistics branch", 0, "No: logistics supplies."),
                _choice("The press office", 0, "No."),
                _choice("Nobody", 0, "No."),
            ],
        },
        {
            "kind": Kind.MULTIPLE,
            "stem": "<p>Which are CIMIC core functions?</p>",
            "answers": [
                _choice("Civil-military liaison", Decimal("0.5"), "Yes."),
                _choice("Support to the force", Decimal("0.5"), "Yes."),
                _choice("Artillery fire planning", -1, "No."),
                _choice("Catering", 0, ""),
            ],
        },
        {
            "kind": Kind.TRUE_FALSE,
            "stem": "<p>CIMIC is a command function.</p>",
            "answers": [_choice("True", 1, "Right."), _choice("False", 0, "No.")],
        },
        {
            "kind": Kind.SHORT_ANSWER,
            "stem": "<p>What does CIMIC stand for?</p>",
            "answers": [
                {"text": "civil-military co*", "fraction": 1, "feedback": "Yes."},
                {"text": "*cooperation*", "fraction": Decimal("0.5"), "feedback": ""},
            ],
        },
        {
            "kind": Kind.NUMERIC,
            "stem": "<p>Pi to two decimals?</p>",
            "answers": [
                {
                    "value": Decimal("3.14"),
                    "tolerance": Decimal("0.005"),
                    "fraction": 1,
                },
                {
                    "minimum": Decimal(3),
                    "maximum": Decimal("3.5"),
                    "fraction": Decimal("0.5"),
                    "feedback": "Close.",
                },
            ],
        },
        {
            "kind": Kind.MATCHING,
            "stem": "<p>Match the acronyms.</p>",
            "answers": [
                {"text": "<p>NGO</p>", "match": "Non-governmental organisation"},
                {"text": "<p>IO</p>", "match": "International organisation"},
                {"text": "<p>OCHA</p>", "match": "UN humanitarian coordination"},
                {"text": "", "match": "Rules of engagement"},
            ],
        },
        {
            "kind": Kind.ORDERING,
            "stem": "<p>Put the planning steps in order.</p>",
            "answers": [
                {"text": "<p>Initiation</p>"},
                {"text": "<p>Orientation</p>"},
                {"text": "<p>Concept development</p>"},
                {"text": "<p>Plan development</p>"},
                {"text": "<p>Plan review</p>"},
            ],
        },
        {
            "kind": Kind.GAP_FILL,
            "stem": "<p>CIMIC links the {{1}} and the {{2}} environment.</p>",
            "answers": [
                {"text": "military", "fraction": 1, "gap": 1},
                {"text": "force*", "fraction": Decimal("0.5"), "gap": 1},
                {"text": "civil*", "fraction": 1, "gap": 2},
            ],
        },
        {
            "kind": Kind.SINGLE,
            "stem": "<p>Which document sets the CIMIC policy?</p>",
            "answers": [
                _choice("MC 0411", 1, "Right."),
                _choice("AJP-01", Decimal("0.3333333"), "Partly."),
                _choice("A cookbook", 0, "No."),
            ],
        },
        {
            "kind": Kind.MULTIPLE,
            "stem": "<p>Which are civil actors?</p>",
            "answers": [
                _choice("Local authorities", Decimal("0.3333333"), ""),
                _choice("NGOs", Decimal("0.3333333"), ""),
                _choice("UN agencies", Decimal("0.3333333"), ""),
                _choice("A tank battalion", -1, "No."),
                _choice("A frigate", -1, "No."),
            ],
        },
    ]


def _choice(text: str, fraction: Decimal | int, feedback: str) -> dict[str, Any]:
    return {"text": f"<p>{text}</p>", "fraction": fraction, "feedback": feedback}


# --- a snapshot in plain Python --------------------------------------------------


def pure_snapshot() -> list[dict[str, Any]]:
    """Twenty slots of mixed types, in the format of docs/snapshot.md."""
    kinds = [
        "single",
        "multiple",
        "truefalse",
        "shortanswer",
        "numeric",
        "matching",
        "ordering",
        "gapfill",
        "single",
        "multiple",
        "shortanswer",
        "numeric",
        "matching",
        "ordering",
        "gapfill",
        "single",
        "truefalse",
        "multiple",
        "shortanswer",
        "gapfill",
    ]
    return [_entry(slot, kind) for slot, kind in enumerate(kinds, start=1)]


def _entry(slot: int, kind: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "slot": slot,
        "question": 100 + slot,
        "version": 1,
        "type": kind,
        "title": f"Question {slot}",
        "mark": "2" if slot % 5 == 0 else "1",
        "stem": f"<p>Question {slot}: a stem of realistic length, with some text.</p>",
        "general_feedback": "<p>General feedback.</p>",
    }
    p = f"s{slot}"
    if kind in {"single", "truefalse"}:
        fractions = ["1", "0"] if kind == "truefalse" else ["0", "1", "0", "1/3"]
        entry["choices"] = [
            {
                "id": f"{p}a{i}",
                "text": f"<p>Choice {i}</p>",
                "fraction": f,
                "feedback": f"Feedback {i}.",
            }
            for i, f in enumerate(fractions)
        ]
    elif kind == "multiple":
        fractions = ["1/3", "-1", "1/3", "0", "1/3"]
        entry["choices"] = [
            {
                "id": f"{p}a{i}",
                "text": f"<p>Choice {i}</p>",
                "fraction": f,
                "feedback": "",
            }
            for i, f in enumerate(fractions)
        ]
    elif kind == "shortanswer":
        entry["accepted"] = [
            {"text": "civil-military co*", "fraction": "1", "feedback": "Yes."},
            {"text": "*coop*ation*", "fraction": "1/2", "feedback": "Partly."},
            {"text": "cimic", "fraction": "1/4", "feedback": ""},
        ]
        entry["case_sensitive"] = False
    elif kind == "numeric":
        entry["numeric"] = [
            {
                "value": "157/50",
                "tolerance": "1/200",
                "min": None,
                "max": None,
                "fraction": "1",
                "feedback": "Yes.",
            },
            {
                "value": None,
                "tolerance": "0",
                "min": "3",
                "max": "7/2",
                "fraction": "1/2",
                "feedback": "Close.",
            },
        ]
    elif kind == "matching":
        entry["pairs"] = [
            {"id": f"{p}a{i}", "text": f"<p>Prompt {i}</p>", "answer": f"{p}t{i}"}
            for i in range(4)
        ]
        entry["targets"] = [
            {"id": f"{p}t{i}", "text": f"Target {i}"} for i in (2, 0, 4, 1, 3)
        ]
    elif kind == "ordering":
        ids = [f"{p}a{i}" for i in range(5)]
        entry["order"] = ids
        entry["items"] = [{"id": i, "text": f"<p>{i}</p>"} for i in reversed(ids)]
    elif kind == "gapfill":
        entry["stem"] = "<p>CIMIC links the {{1}} and the {{2}} environment.</p>"
        entry["gaps"] = [
            {
                "accepted": [
                    {"text": "military", "fraction": "1", "feedback": ""},
                    {"text": "force*", "fraction": "1/2", "feedback": "Nearly."},
                ]
            },
            {"accepted": [{"text": "civil*", "fraction": "1", "feedback": ""}]},
        ]
        entry["case_sensitive"] = False
    return entry


# --- random answers ------------------------------------------------------------


def random_answers(
    snapshot: list[dict[str, Any]], rng: random.Random
) -> dict[str, Any]:
    """A learner's answers to a whole snapshot, keyed by str(slot)."""
    return {str(entry["slot"]): random_answer(entry, rng) for entry in snapshot}


def random_answer(entry: dict[str, Any], rng: random.Random) -> Any:
    """An answer of the right JSON shape: right, wrong or blank at random."""
    roll = rng.random()
    if roll < P_BLANK:
        return None
    right = roll < P_BLANK + P_RIGHT
    kind = entry["type"]
    if kind in {"single", "truefalse"}:
        choices = entry["choices"]
        best = max(choices, key=lambda c: Fraction(c["fraction"]))
        if right:
            return best["id"]
        return rng.choice([c for c in choices if c is not best])["id"]
    if kind == "multiple":
        choices = entry["choices"]
        if right:
            return [c["id"] for c in choices if Fraction(c["fraction"]) > 0]
        return [c["id"] for c in rng.sample(choices, rng.randint(1, len(choices)))]
    if kind == "shortanswer":
        return _text(entry["accepted"], right, rng)
    if kind == "numeric":
        if right:
            target = next(n for n in entry["numeric"] if n["value"] is not None)
            value = Fraction(target["value"]) + Fraction(
                target["tolerance"]
            ) * Fraction(rng.randint(-9, 9), 10)
            text = f"{float(value):.4f}"
            return text.replace(".", ",") if rng.random() < 0.2 else text
        return rng.choice(["3", "3.3", "2,9", "1e3", "pi", "-0.5", "314/100"])
    if kind == "matching":
        targets = [t["id"] for t in entry["targets"]]
        return {
            pair["id"]: pair["answer"] if right else rng.choice([*targets, None])
            for pair in entry["pairs"]
        }
    if kind == "ordering":
        ids = list(entry["order"])
        if not right:
            rng.shuffle(ids)
        return ids
    if kind == "gapfill":
        return [
            _text(gap["accepted"], right or rng.random() < 0.5, rng)
            for gap in entry["gaps"]
        ]
    if kind == "essay":
        return "A short essay. " * rng.randint(1, 50)
    return None


def _text(accepted: list[dict[str, Any]], right: bool, rng: random.Random) -> str:
    if not right:
        return rng.choice(WRONG_WORDS)
    text = rng.choice(accepted)["text"].replace(
        "*", rng.choice(["", "operation", "x y"])
    )
    # Learners type with any case and stray spaces; grading normalises both.
    if rng.random() < 0.3:
        text = text.upper()
    if rng.random() < 0.3:
        text = f"  {text.replace(' ', '   ')} "
    return text
