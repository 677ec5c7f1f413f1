"""What an importer hands to the question bank: plain data, no Django.

Contract: a parser turns a file into `ParsedQuestion`s or raises `ImportFailed`
with every error it found (each names the question or line and the reason).
Text that the learner sees (stems, choices, feedback) is HTML here; whatever
format the source used has already been rendered, but it is *not* yet cleaned:
the service that stores a question cleans it with nh3.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from lessons.translatable import Translatable, gettext_noop
from questions.kinds import Kind


@dataclass
class Answer:
    """One option, accepted answer, numeric answer, matching pair or item.

    - single/multiple/truefalse: `text` is the choice (HTML), `fraction` its credit.
      A true/false question has exactly two answers, texts "True" and "False".
    - shortanswer and each gap of a gapfill: `text` is the accepted answer
      (plain text, may contain `*` as a wildcard).
    - numeric: `value` ± `tolerance`, or the range `minimum`..`maximum`;
      `text` is the source form, for messages.
    - matching: `text` is the prompt (HTML), `match` the right answer (plain);
      a pair with an empty `text` is a distractor.
    - ordering: `text` is an item, answers are in the correct order.
    """

    text: str = ""
    fraction: Fraction = Fraction(0)
    feedback: str = ""
    match: str = ""
    value: Fraction | None = None
    tolerance: Fraction = Fraction(0)
    minimum: Fraction | None = None
    maximum: Fraction | None = None


@dataclass
class ParsedQuestion:
    kind: Kind
    title: str
    stem: str  # HTML; for gapfill it holds one "{{N}}" placeholder per gap (1-based)
    answers: list[Answer] = field(default_factory=list)
    gaps: list[list[Answer]] = field(default_factory=list)  # gapfill only
    general_feedback: str = ""
    # Path from the bank's root, e.g. ("CIMIC", "Basics").
    category: tuple[str, ...] = ()
    tags: list[str] = field(default_factory=list)
    idnumber: str = ""  # GIFT [id:...] / Moodle <idnumber>
    default_mark: Fraction = Fraction(1)
    case_sensitive: bool = False  # shortanswer
    source_line: int = 0  # 1-based line (GIFT) or question index (XML) for messages


@dataclass
class ImportProblem:
    # Both `Translatable` when the importers write them: English as `str`,
    # shown in the reader's language by the web layer.
    where: str  # "line 12" or "question 3 (Capital of France)"
    reason: str

    def __str__(self) -> str:
        return str(self.message)

    @property
    def message(self) -> Translatable:
        return gettext_noop(
            "%(where)s: %(reason)s", where=self.where, reason=self.reason
        )


class ImportFailed(Exception):
    """The file is rejected as a whole; `errors` lists every problem found."""

    def __init__(self, errors: list[ImportProblem]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors
