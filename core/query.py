"""Whole numbers read from a query string, within bounds.

`int()` takes any length of digits (and `_`, spaces, other scripts' digits), and
a number past what the database holds, or past what a `timedelta` or a slice
offset can take, fails later with a 500. Every integer query parameter is read
through `bounded_int` with the bounds its use allows; the ids' bound is the
path converter's (`core.converters.MAX_ID`).
"""

from __future__ import annotations

import re

from .converters import MAX_ID

NUMBER = re.compile(r"-?[0-9]{1,20}")


def bounded_int(raw: str | None, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """The whole number `raw` spells, if it lies in [low, high]; else None
    (blank, malformed or out of bounds alike: the caller says which is an
    error)."""
    text = (raw or "").strip()
    if not NUMBER.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def page_number(raw: str | None, *, page_size: int) -> int:
    """A page number for `Paginator.get_page` or an offset slice: from 1 to the
    last page whose offset the database can hold; 1 when malformed."""
    return bounded_int(raw, low=1, high=MAX_ID // page_size) or 1
