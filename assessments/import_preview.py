"""The preview of a question file before it is imported: each question's type,
text and answers, and what may be wrong with it though the file is valid
(a stray `";` kept in a text, a format tag the importer does not know, a
name used twice)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from questions.importers.spec import ParsedQuestion
from questions.models import Question
from questions.sanitize import plain_text

# The most rows a preview shows (a bigger file is still imported whole).
PREVIEW_ROWS = 300
TEXT_CHARS = 160
ANSWER_CHARS = 60
ANSWERS_SHOWN = 6

KNOWN_FORMATS = {"html", "markdown", "plain", "moodle"}
_FORMAT_TAG = re.compile(r"^\s*\[([A-Za-z]+)\]")
_KINDS = dict(Question.KindChoices.choices)


@dataclass
class PreviewRow:
    number: int
    kind: str
    title: str
    text: str
    answers: list[str]
    more_answers: int
    category: str
    warnings: list[str] = field(default_factory=list)


def _texts(question: ParsedQuestion) -> list[str]:
    answers = [a for gap in question.gaps for a in gap] or question.answers
    texts = [question.stem, question.general_feedback]
    for answer in answers:
        texts += [answer.text, answer.feedback, answer.match]
    return [plain_text(text) for text in texts if text]


def warnings_for(question: ParsedQuestion, duplicates: set[str]) -> list[str]:
    warnings = []
    texts = _texts(question)
    if any('";' in text for text in texts):
        warnings.append(
            _('A stray “";” is kept in the text: check the line in the file.')
        )
    for text in texts:
        tag = _FORMAT_TAG.match(text)
        if tag and tag.group(1).lower() not in KNOWN_FORMATS:
            warnings.append(
                _(
                    "Unknown format tag [%(tag)s]: it is kept as text "
                    "(known: html, markdown, plain, moodle)."
                )
                % {"tag": tag.group(1)}
            )
            break
    if question.title and question.title in duplicates:
        warnings.append(
            _("Another question of the file has the same name “%(name)s”.")
            % {"name": question.title}
        )
    return warnings


def preview(parsed: list[ParsedQuestion]) -> list[PreviewRow]:
    names = Counter(q.title for q in parsed if q.title)
    duplicates = {name for name, count in names.items() if count > 1}
    rows = []
    for number, question in enumerate(parsed[:PREVIEW_ROWS], 1):
        answers = [a for gap in question.gaps for a in gap] or question.answers
        shown = []
        for answer in answers[:ANSWERS_SHOWN]:
            text = plain_text(answer.text) or (
                str(answer.value) if answer.value is not None else ""
            )
            text = Truncator(text).chars(ANSWER_CHARS)
            if answer.match:
                text = f"{text} → {Truncator(answer.match).chars(ANSWER_CHARS)}"
            mark = "✓ " if answer.fraction > 0 else ""
            shown.append(mark + text)
        rows.append(
            PreviewRow(
                number=number,
                kind=str(_KINDS.get(question.kind.value, question.kind.value)),
                title=question.title,
                text=Truncator(plain_text(question.stem)).chars(TEXT_CHARS),
                answers=shown,
                more_answers=max(0, len(answers) - ANSWERS_SHOWN),
                category=" / ".join(question.category),
                warnings=warnings_for(question, duplicates),
            )
        )
    return rows
