"""Writes to the question bank: importing files and checking questions.

Contract: `import_questions` stores every question of a file or none
(one transaction), cleans all HTML with nh3, and reports what it did as the
JSON-ready summary of DESIGN.md. `check_question` holds the rules every
question must meet, whether typed in the admin or imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from django.db import transaction

from courses.page_cache import bump_content_version
from lessons.translatable import gettext_noop

from .importers.gift import parse_gift
from .importers.moodle_xml import parse_moodle_xml
from .importers.spec import Answer, ImportFailed, ImportProblem, Kind, ParsedQuestion
from .models import Category, Question, QuestionAnswer, QuestionBank
from .sanitize import clean_html
from .snapshots import gap_numbers

FORMATS = ("gift", "moodle-xml")
MAX_FILE_BYTES = 10 * 1024 * 1024
DEFAULT_CATEGORY = "Imported"


@dataclass
class ImportSummary:
    ok: bool
    bank: str
    format: str
    dry_run: bool
    imported: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "bank": self.bank,
            "format": self.format,
            "dry_run": self.dry_run,
            "imported": self.imported,
            "by_kind": self.by_kind,
            "categories": self.categories,
            "errors": self.errors,
        }


def detect_format(filename: str) -> str:
    return "moodle-xml" if filename.lower().endswith(".xml") else "gift"


def parse(data: bytes, format: str) -> list[ParsedQuestion]:
    if format not in FORMATS:
        raise ImportFailed(
            [_file_problem(gettext_noop("unknown format %(format)r", format=format))]
        )
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed(
            [
                _file_problem(
                    gettext_noop(
                        "larger than %(size)d MiB", size=MAX_FILE_BYTES // 2**20
                    )
                )
            ]
        )
    if format == "moodle-xml":
        return parse_moodle_xml(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            [
                _file_problem(
                    gettext_noop("not UTF-8 text (byte %(byte)d)", byte=error.start)
                )
            ]
        ) from None
    return parse_gift(text)


def _file_problem(reason: str) -> ImportProblem:
    return ImportProblem(gettext_noop("file"), reason)


def import_file(
    path: Path,
    *,
    bank_name: str,
    format: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    format = format or detect_format(path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImportSummary(
            ok=False,
            bank=bank_name,
            format=format,
            dry_run=dry_run,
            errors=[f"{path}: {error.strerror or error}"],
        )
    return import_questions(data, bank_name=bank_name, format=format, dry_run=dry_run)


def import_questions(
    data: bytes,
    *,
    bank_name: str,
    format: str,
    dry_run: bool = False,
) -> ImportSummary:
    summary = ImportSummary(ok=False, bank=bank_name, format=format, dry_run=dry_run)
    if not bank_name.strip():
        summary.errors.append(gettext_noop("--bank: give the bank a name"))
        return summary
    try:
        parsed = parse(data, format)
        problems = [p for i, q in enumerate(parsed, 1) for p in check_parsed(q, i)]
        if problems:
            raise ImportFailed(problems)
        if not parsed:
            raise ImportFailed([_file_problem(gettext_noop("no questions found"))])
    except ImportFailed as failure:
        summary.errors = [e.message for e in failure.errors]
        return summary
    summary.imported = len(parsed)
    for question in parsed:
        summary.by_kind[question.kind.value] = (
            summary.by_kind.get(question.kind.value, 0) + 1
        )
    summary.categories = sorted({_category_path(q) for q in parsed})
    if not dry_run:
        _store(parsed, bank_name.strip())
    summary.ok = True
    return summary


def _category_path(question: ParsedQuestion) -> str:
    parts = [p.strip().replace("/", "-") for p in question.category if p.strip()]
    return "/".join(parts) or DEFAULT_CATEGORY


@transaction.atomic
def _store(parsed: list[ParsedQuestion], bank_name: str) -> None:
    bank, _ = QuestionBank.objects.get_or_create(name=bank_name)
    categories = {c.path: c for c in bank.categories.all()}
    for path in sorted({_category_path(q) for q in parsed}):
        if path not in categories:
            categories[path] = Category.objects.create(bank=bank, path=path)
    existing_ids = set(
        bank.questions.exclude(idnumber="").values_list("idnumber", flat=True)
    )
    answers: list[QuestionAnswer] = []
    for parsed_question in parsed:
        idnumber = parsed_question.idnumber[:100]
        if idnumber in existing_ids:
            idnumber = ""  # a re-import keeps both copies rather than failing
        question = Question.objects.create(
            bank=bank,
            category=categories[_category_path(parsed_question)],
            kind=parsed_question.kind.value,
            title=(parsed_question.title or _title_from(parsed_question.stem))[:255],
            idnumber=idnumber,
            stem=clean_html(parsed_question.stem),
            general_feedback=clean_html(parsed_question.general_feedback),
            default_mark=_decimal(parsed_question.default_mark, 3),
            case_sensitive=parsed_question.case_sensitive,
        )
        if idnumber:
            existing_ids.add(idnumber)
        if parsed_question.tags:
            question.tags.add(*[t[:100] for t in parsed_question.tags])
            question.save()
        answers += _answers_for(question, parsed_question)
    QuestionAnswer.objects.bulk_create(answers)
    # bulk_create sends no signal: quizzes drawing from these categories see the
    # new questions when this commits (assessments.receivers).
    bump_content_version()


def _answers_for(question: Question, parsed: ParsedQuestion) -> list[QuestionAnswer]:
    rows: list[tuple[int, Answer]] = [(0, a) for a in parsed.answers]
    if parsed.kind == Kind.GAP_FILL:
        rows = [(n, a) for n, gap in enumerate(parsed.gaps, 1) for a in gap]
    html_text = parsed.kind in (
        Kind.SINGLE,
        Kind.MULTIPLE,
        Kind.MATCHING,
        Kind.ORDERING,
    )
    return [
        QuestionAnswer(
            question=question,
            sort_order=order,
            text=clean_html(a.text) if html_text else a.text.strip(),
            fraction=_decimal(a.fraction, 7),
            feedback=clean_html(a.feedback),
            match=a.match.strip()[:255],
            gap=gap,
            value=None if a.value is None else _decimal(a.value, 7),
            tolerance=_decimal(a.tolerance, 7),
            minimum=None if a.minimum is None else _decimal(a.minimum, 7),
            maximum=None if a.maximum is None else _decimal(a.maximum, 7),
        )
        for order, (gap, a) in enumerate(rows)
    ]


def _decimal(value: Fraction, places: int) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum)


def _title_from(stem: str) -> str:
    text = re.sub(r"<[^>]+>", " ", stem)
    text = " ".join(text.split())
    return (text[:77] + "…") if len(text) > 80 else (text or "Untitled question")


# --- Rules every question meets -----------------------------------------------


def check_parsed(question: ParsedQuestion, index: int) -> list[ImportProblem]:
    title = question.title[:60]
    if question.source_line:
        where = (
            gettext_noop(
                "line %(line)d (%(title)s)", line=question.source_line, title=title
            )
            if title
            else gettext_noop("line %(line)d", line=question.source_line)
        )
    else:
        where = (
            gettext_noop("question %(number)d (%(name)s)", number=index, name=title)
            if title
            else gettext_noop("question %(number)d", number=index)
        )
    reasons = check_question(
        kind=question.kind,
        stem=question.stem,
        answers=[
            {
                "text": a.text,
                "fraction": a.fraction,
                "match": a.match,
                "value": a.value,
                "minimum": a.minimum,
                "maximum": a.maximum,
                "gap": 0,
            }
            for a in question.answers
        ]
        + [
            {"text": a.text, "fraction": a.fraction, "gap": n}
            for n, gap in enumerate(question.gaps, 1)
            for a in gap
        ],
    )
    return [ImportProblem(where, reason) for reason in reasons]


def check_question(*, kind: str, stem: str, answers: list[dict[str, Any]]) -> list[str]:
    """What is wrong with a question, in words an author understands."""
    kind = Kind(kind)
    fractions = [Fraction(a.get("fraction") or 0) for a in answers]
    problems: list[str] = []
    if any(f < -1 or f > 1 for f in fractions):
        problems.append(gettext_noop("credits must be between -100 %% and 100 %%"))
    if kind in (Kind.ESSAY, Kind.DESCRIPTION):
        return problems
    if not answers:
        return problems + [gettext_noop("it needs at least one answer")]
    if kind == Kind.SINGLE:
        if len(answers) < 2:
            problems.append(
                gettext_noop("a single-choice question needs at least two choices")
            )
        if max(fractions) != 1:
            problems.append(gettext_noop("one choice must be worth 100 %%"))
    elif kind == Kind.MULTIPLE:
        if len(answers) < 2:
            problems.append(
                gettext_noop("a multiple-response question needs at least two choices")
            )
        if sum(f for f in fractions if f > 0) <= 0:
            problems.append(
                gettext_noop("at least one choice must carry positive credit")
            )
    elif kind == Kind.TRUE_FALSE:
        if len(answers) != 2:
            problems.append(
                gettext_noop("a true/false question has exactly two answers")
            )
    elif kind in (Kind.SHORT_ANSWER, Kind.NUMERIC):
        if max(fractions) != 1:
            problems.append(gettext_noop("one answer must be worth 100 %%"))
        if kind == Kind.NUMERIC:
            for a in answers:
                # All three empty is Moodle's "*": any other number (feedback).
                if a.get("value") is None and (
                    (a.get("minimum") is None) != (a.get("maximum") is None)
                ):
                    problems.append(
                        gettext_noop(
                            "a numeric range needs both a minimum and a maximum"
                        )
                    )
                    break
    elif kind == Kind.MATCHING:
        real = [a for a in answers if str(a.get("text", "")).strip()]
        if len(real) < 2:
            problems.append(
                gettext_noop("a matching question needs at least two pairs")
            )
        if any(not str(a.get("match", "")).strip() for a in answers):
            problems.append(gettext_noop("every matching pair needs its match"))
    elif kind == Kind.ORDERING:
        if len(answers) < 2:
            problems.append(
                gettext_noop("an ordering question needs at least two items")
            )
    elif kind == Kind.GAP_FILL:
        numbers = gap_numbers(stem)
        if not numbers:
            problems.append(
                gettext_noop("the text has no gaps: mark them {{1}}, {{2}}, …")
            )
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append(
                gettext_noop("gaps must be numbered 1, 2, 3, … without holes")
            )
        answered = {int(a.get("gap") or 0) for a in answers}
        missing = [n for n in numbers if n not in answered]
        if missing:
            problems.append(
                gettext_noop(
                    "no accepted answer for gap %(gaps)s",
                    gaps=", ".join(str(n) for n in missing),
                )
            )
    return problems
