"""Reading a learner's answers from a posted attempt page.

Every question on the page posts a `q<slot>-shown` marker, so an answer the
learner cleared (all boxes unticked) is saved as cleared, and a question that
was not on the page is left alone. Shapes follow docs/snapshot.md; anything
odd is passed on as given, and grading scores it 0.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

MAX_FIELD_CHARS = 20_000


def answers_from_post(
    snapshot: list[dict[str, Any]], data: QueryDict
) -> dict[int, Any]:
    answers: dict[int, Any] = {}
    for entry in snapshot:
        slot = entry["slot"]
        prefix = f"q{slot}"
        if f"{prefix}-shown" not in data:
            continue
        kind = entry["type"]
        if kind in ("single", "truefalse"):
            answers[slot] = data.get(prefix) or None
        elif kind == "multiple":
            answers[slot] = data.getlist(prefix)
        elif kind in ("shortanswer", "numeric", "essay"):
            answers[slot] = data.get(prefix, "")[:MAX_FIELD_CHARS]
        elif kind == "matching":
            answers[slot] = {
                pair["id"]: data.get(f"{prefix}-{pair['id']}", "")
                for pair in entry["pairs"]
                if data.get(f"{prefix}-{pair['id']}")
            }
        elif kind == "ordering":
            answers[slot] = _order(entry, data, prefix)
        elif kind == "gapfill":
            answers[slot] = [
                data.get(f"{prefix}-g{number}", "")[:MAX_FIELD_CHARS]
                for number in range(1, len(entry["gaps"]) + 1)
            ]
    return answers


def _order(entry: dict[str, Any], data: QueryDict, prefix: str) -> list[str]:
    """Items sorted by the position the learner picked for each; an item
    without a position keeps its place after the placed ones."""
    placed = []
    for index, item in enumerate(entry["items"]):
        raw = data.get(f"{prefix}-{item['id']}", "")
        position = int(raw) if raw.isdigit() else len(entry["items"]) + index
        placed.append((position, index, item["id"]))
    return [item_id for _, _, item_id in sorted(placed)]
