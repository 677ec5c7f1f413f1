"""Reading a learner's answers from a posted attempt page.

Every question on the page posts a `q<slot>-shown` marker, so an answer the
learner cleared (all boxes unticked) is saved as cleared, and a question that
was not on the page is left alone. The page names options by per-attempt
tokens (`presentation.OptionTokens`); they are mapped back to the snapshot's
ids here, and a value that names no option of the question is dropped. Texts
are kept as typed, less NUL characters (no database stores them, and no
keyboard types them); their length is the service's to refuse, never cut.
Shapes follow docs/snapshot.md.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from questions.kinds import Kind

from .presentation import OptionTokens, gap_ids

# Positions of ordering items are small numbers; longer digit strings are
# nonsense (and int() refuses more than 4,300 digits).
MAX_POSITION_DIGITS = 4


def answers_from_post(
    snapshot: list[dict[str, Any]], data: QueryDict, tokens: OptionTokens
) -> dict[int, Any]:
    answers: dict[int, Any] = {}
    for entry in snapshot:
        slot = entry["slot"]
        prefix = f"q{slot}"
        if f"{prefix}-shown" not in data:
            continue
        kind = entry["type"]
        if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
            choices = tokens.lookup(slot, [c["id"] for c in entry["choices"]])
            answers[slot] = choices.get(data.get(prefix, ""))
        elif kind == Kind.MULTIPLE:
            choices = tokens.lookup(slot, [c["id"] for c in entry["choices"]])
            picked = {choices[v] for v in data.getlist(prefix) if v in choices}
            answers[slot] = [c["id"] for c in entry["choices"] if c["id"] in picked]
        elif kind in (Kind.SHORT_ANSWER, Kind.NUMERIC, Kind.ESSAY):
            answers[slot] = _text(data.get(prefix, ""))
        elif kind == Kind.MATCHING:
            answers[slot] = _matching(entry, data, prefix, tokens)
        elif kind == Kind.ORDERING:
            answers[slot] = _order(entry, data, prefix, tokens)
        elif kind == Kind.GAP_FILL:
            answers[slot] = [
                _text(_field(data, prefix, tokens.token(slot, gap), gap))
                for gap in gap_ids(entry)
            ]
    return answers


def _text(value: str) -> str:
    return value.replace("\x00", "")


def _field(data: QueryDict, prefix: str, token: str, item_id: str) -> str:
    """The field named by the item's token, or by its id on a page rendered
    before tokens."""
    return data.get(f"{prefix}-{token}") or data.get(f"{prefix}-{item_id}") or ""


def _matching(
    entry: dict[str, Any], data: QueryDict, prefix: str, tokens: OptionTokens
) -> dict[str, str]:
    slot = entry["slot"]
    targets = tokens.lookup(slot, [t["id"] for t in entry["targets"]])
    chosen = {}
    for pair in entry["pairs"]:
        value = _field(data, prefix, tokens.token(slot, pair["id"]), pair["id"])
        if value in targets:
            chosen[pair["id"]] = targets[value]
    return chosen


def _order(
    entry: dict[str, Any], data: QueryDict, prefix: str, tokens: OptionTokens
) -> list[str] | None:
    """Items sorted by the position the learner picked for each; an item
    without a position keeps its place after the placed ones.

    An order is an answer only once the learner gave it: moved an item, or
    said "keep this order" (`keep` = the slot, or the question's `-moved`
    marker, which the page sets once answered). The order as first shown,
    untouched, is no answer (None)."""
    slot = entry["slot"]
    order = _positions(entry, data, prefix, tokens)
    given = (
        data.get(f"{prefix}-moved") == "1"
        or str(slot) in data.getlist("keep")
        or order != [item["id"] for item in entry["items"]]
    )
    return order if given else None


def _positions(
    entry: dict[str, Any], data: QueryDict, prefix: str, tokens: OptionTokens
) -> list[str]:
    slot = entry["slot"]
    placed = []
    for index, item in enumerate(entry["items"]):
        raw = _field(data, prefix, tokens.token(slot, item["id"]), item["id"])
        # isdigit() alone lets "²" through, which int() refuses.
        valid = raw.isascii() and raw.isdigit() and len(raw) <= MAX_POSITION_DIGITS
        position = int(raw) if valid else len(entry["items"]) + index
        placed.append((position, index, item["id"]))
    return [item_id for _, _, item_id in sorted(placed)]
