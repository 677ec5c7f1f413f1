"""Finds a count followed by a plural noun built by hand: `{{ n }} lessons`,
`%(count)s courses`, f"{n} attempts", `{{ x|length }} questions`, a count
and a translated noun side by side. Such a string reads "1 lessons" in
English and "1 leçons sur 4" in French: every count shown goes through
`ngettext` or `{% blocktranslate count %}`, which this leaves alone."""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

# The plural nouns of the interface (English msgids: the source).
NOUNS = [
    *("activities", "answers", "attempts", "banks", "categories", "certificates"),
    *("changes", "cohorts", "completions", "courses", "days", "enrolments"),
    *("enrollments", "errors", "exports", "files", "hours", "items", "learners"),
    *("lessons", "lookups", "managers", "marks", "members", "minutes", "modules"),
    *("months", "options", "pages", "paths", "people", "points", "questions"),
    *("quizzes", "records", "responses", "results", "rows", "seconds"),
    *("sections", "students", "tags", "times", "topics", "tries", "users"),
    *("weeks", "years"),
]
_NOUN = rf"(?:{'|'.join(NOUNS)})\b"
# At most one word between the count and its noun: "3 open questions".
_GAP = r"\s+(?:[A-Za-z][\w-]*\s+)?"

# Templates: a variable, then the noun, in the text or in a {% translate %}.
_TEMPLATE_COUNT = re.compile(
    r"\{\{[^{}]*\}\}" + _GAP + r"(?:\{%\s*(?:translate|trans)\s+[\"'])?" + _NOUN
)
# Blocks that already choose a plural form.
_COUNTED_BLOCK = re.compile(
    r"\{%\s*blocktrans(?:late)?\b[^%]*\bcount\b.*?\{%\s*endblocktrans(?:late)?\s*%\}",
    re.S,
)
# Python strings: a placeholder, then the noun.
_PLACEHOLDER = r"(?:%\([^)]+\)[sd]|%[sd]|\{[^{}]*\})"
_PYTHON_COUNT = re.compile(_PLACEHOLDER + _GAP + _NOUN)
_GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "pgettext",
    "pgettext_lazy",
    "_lazy",
}


@dataclass(frozen=True)
class Hit:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def template_hits(source: str, path: str = "<template>") -> list[Hit]:
    # Counted blocks are blanked, not removed, so line numbers stay true.
    blanked = _COUNTED_BLOCK.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)
    return [
        Hit(path, blanked.count("\n", 0, match.start()) + 1, match.group())
        for match in _TEMPLATE_COUNT.finditer(blanked)
    ]


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def python_hits(source: str, path: str = "<python>") -> list[Hit]:
    tree = ast.parse(source)
    hits: list[Hit] = []

    def check(text: str, line: int) -> None:
        match = _PYTHON_COUNT.search(text)
        if match:
            hits.append(Hit(path, line, match.group()))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in _GETTEXT:
            for argument in node.args:
                if isinstance(argument, ast.Constant) and isinstance(
                    argument.value, str
                ):
                    check(argument.value, argument.lineno)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            # "%(count)s courses" % {...}, translated or not.
            if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
                check(node.left.value, node.lineno)
        elif isinstance(node, ast.JoinedStr):
            # f"{n} attempts": a value, then text starting with the noun.
            parts = node.values
            for before, after in itertools.pairwise(parts):
                if (
                    isinstance(before, ast.FormattedValue)
                    and isinstance(after, ast.Constant)
                    and isinstance(after.value, str)
                ):
                    check("{}" + after.value, node.lineno)
        elif isinstance(node, ast.Call) and _name(node.func) == "format":
            target = node.func
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Constant)
                and isinstance(target.value.value, str)
            ):
                check(target.value.value, node.lineno)
    # A string both in a gettext call and %-formatted is one hit.
    return sorted(set(hits), key=lambda hit: hit.line)


ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "accounts",
    "assessments",
    "certificates",
    "config",
    "core",
    "courses",
    "demo",
    "enrollments",
    "exports",
    "home",
    "lessons",
    "questions",
    "reports",
)


def all_hits() -> list[Hit]:
    hits: list[Hit] = []
    for template in sorted((ROOT / "templates").rglob("*")):
        if template.suffix in (".html", ".txt") and template.is_file():
            hits += template_hits(template.read_text(), str(template.relative_to(ROOT)))
    for app in APPS:
        for module in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in module.parts:
                continue
            hits += python_hits(module.read_text(), str(module.relative_to(ROOT)))
        for template in sorted((ROOT / app).rglob("templates/**/*")):
            if template.suffix in (".html", ".txt") and template.is_file():
                hits += template_hits(
                    template.read_text(), str(template.relative_to(ROOT))
                )
    return hits
