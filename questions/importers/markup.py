"""Markdown for the importers, with a bound on the work it may cost.

Python-Markdown reads a link by scanning from each `[` to its closing `]`
(and from each `](` to its `)`), character by character; an unclosed or
deeply nested bracket makes it scan to the end of the text, so a text of
brackets costs the square of its length; so does raw HTML, whose every "<"
Python's HTML parser may read up to the next ">". `render_markdown` works
out that scanning beforehand in one linear pass and refuses a text once the
file's budget is spent (`MarkdownTooCostly`): the parser reports it as a problem of
that question instead of running for hours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import markdown

from lessons.translatable import gettext_noop

__all__ = ["TOO_COSTLY", "MarkdownTooCostly", "markdown_budget", "render_markdown"]

# Characters Python-Markdown may scan for one bracket, over a whole file:
# generous for real files (a link costs its own length), bounded for any.
FILE_SCAN_BUDGET = 5_000_000

_BRACKETS_RE = re.compile(r"[\[\]()]")
_ANGLES_RE = re.compile(r"[<>]")

TOO_COSTLY = gettext_noop(
    "the Markdown has too many unclosed or nested brackets to render "
    "(write \\[ or \\( for a literal bracket)"
)


class MarkdownTooCostly(Exception):
    """The text's brackets would cost more scanning than the budget left."""


class _Budget:
    def __init__(self, chars: int):
        self.left = chars
        self.md = markdown.Markdown()  # one per file: building one is costly


_current: ContextVar[_Budget | None] = ContextVar("markdown_budget", default=None)


@contextmanager
def markdown_budget(chars: int = FILE_SCAN_BUDGET) -> Iterator[None]:
    """Every `render_markdown` inside shares one budget (one file's)."""
    token = _current.set(_Budget(chars))
    try:
        yield
    finally:
        _current.reset(token)


def render_markdown(text: str) -> str:
    budget = _current.get()
    if budget is None:  # a lone text: a budget of its own
        budget = _Budget(FILE_SCAN_BUDGET)
    cost = scan_cost(text)
    if cost > budget.left:
        raise MarkdownTooCostly
    budget.left -= cost
    return str(budget.md.reset().convert(text))


def scan_cost(text: str) -> int:
    """How many characters scanning each bracket to its partner (or, when it
    has none, to the end) reads, and each "<" to the next ">": an upper bound
    of the library's scanning, which sees escaped and code brackets too."""
    end = len(text)
    cost = 0
    open_at: dict[str, list[int]] = {"[": [], "(": []}
    for match in _BRACKETS_RE.finditer(text):
        char, at = match.group(), match.start()
        if char in open_at:
            open_at[char].append(at)
            continue
        stack = open_at["[" if char == "]" else "("]
        if stack:
            cost += at - stack.pop()
    for stack in open_at.values():
        cost += sum(end - at for at in stack)
    # Each "<" read up to the next ">" (or the end).
    closing = end
    for match in reversed(list(_ANGLES_RE.finditer(text)) if "<" in text else []):
        if match.group() == ">":
            closing = match.start()
        else:
            cost += closing - match.start()
    return cost
