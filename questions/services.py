"""Writes to the question bank: importing files and checking questions.

Contract: `import_questions` stores every question of a file or none
(one transaction), cleans all HTML with nh3, and reports what it did as the
JSON-ready summary of DESIGN.md. A file above QUESTION_IMPORT_MAX_BYTES is
refused before it is read; `start_import` hands a large one to a task
(`run_import`), which keeps its bytes only until it has read them.
`check_question` holds the rules every question must meet, whether typed in
the admin or imported. `bump_question_version` is the one place a question's
version changes (an admin edit of its key, a regrade's dry run compares it).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_q.tasks import async_task
from taggit.models import Tag
from wagtail.search.backends import get_search_backends

from accounts.models import User
from lessons.translatable import Translatable, gettext_noop

from . import tasks
from .importers.gift import parse_gift
from .importers.moodle_xml import parse_moodle_xml
from .importers.spec import Answer, ImportFailed, ImportProblem, ParsedQuestion
from .kinds import Kind, gap_numbers
from .models import (
    TRANSLATION_ANSWER_TEXT_MAX,
    TRANSLATION_MATCH_MAX,
    TRANSLATION_TEXT_MAX,
    TRANSLATION_TITLE_MAX,
    Category,
    Question,
    QuestionAnswer,
    QuestionBank,
    QuestionImport,
    QuestionTag,
    QuestionTranslation,
    translation_languages,
)
from .sanitize import clean_html, plain_text
from .signals import bank_changed

FORMATS = ("gift", "moodle-xml")
DEFAULT_CATEGORY = "Imported"

# A file at the size limit takes longer than the cluster's default timeout on
# a busy machine; a second delivery of the task finds the job claimed.
IMPORT_TASK_TIMEOUT = 900

logger = logging.getLogger(__name__)


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
    # The stored questions' ids (not in `as_json`: the command's JSON stays).
    question_ids: list[int] = field(default_factory=list)

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
    if len(data) > settings.QUESTION_IMPORT_MAX_BYTES:
        raise ImportFailed([too_large(len(data))])
    if format == "moodle-xml":
        return parse_moodle_xml(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportFailed(
            [
                ImportProblem(
                    gettext_noop("line %(line)d", line=line),
                    gettext_noop(
                        "not UTF-8 text (byte %(byte)d of the file); "
                        "save the file as UTF-8",
                        byte=error.start,
                    ),
                )
            ]
        ) from None
    return parse_gift(text)


def too_large(size: int) -> ImportProblem:
    """The refusal of a file above the limit, naming both sizes."""
    return _file_problem(
        gettext_noop(
            "the file is %(size)s; the largest accepted is %(limit)s",
            size=str(filesizeformat(size)),
            limit=str(filesizeformat(settings.QUESTION_IMPORT_MAX_BYTES)),
        )
    )


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
        size = path.stat().st_size
        if size > settings.QUESTION_IMPORT_MAX_BYTES:
            return ImportSummary(
                ok=False,
                bank=bank_name,
                format=format,
                dry_run=dry_run,
                errors=[too_large(size).message],
            )
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
    on_parsed: Callable[[int], object] | None = None,
) -> ImportSummary:
    """`on_parsed(count)` is told when the file is read and checked, before
    anything is stored."""
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
    if on_parsed is not None:
        on_parsed(len(parsed))
    if not dry_run:
        summary.question_ids = _store(parsed, bank_name.strip())
    summary.ok = True
    return summary


@transaction.atomic
def start_import(
    *,
    uploaded_by: User,
    data: bytes,
    file_name: str,
    bank_name: str,
    format: str,
    dry_run: bool,
) -> QuestionImport:
    """Keeps the file for `run_import`, which a task runs once this commits."""
    job = QuestionImport.objects.create(
        uploaded_by=uploaded_by,
        file_name=file_name[:255],
        size=len(data),
        bank_name=bank_name,
        format=format,
        dry_run=dry_run,
        data=data,
    )
    transaction.on_commit(
        lambda: async_task(tasks.run_import, job.pk, timeout=IMPORT_TASK_TIMEOUT)
    )
    return job


def check_file(data: bytes, format: str) -> list[ParsedQuestion]:
    """The file's questions, or ImportFailed listing every problem (the same
    checks as `import_questions`, nothing stored)."""
    parsed = parse(data, format)
    problems = [p for i, q in enumerate(parsed, 1) for p in check_parsed(q, i)]
    if problems:
        raise ImportFailed(problems)
    if not parsed:
        raise ImportFailed([_file_problem(gettext_noop("no questions found"))])
    return parsed


def keep_for_preview(
    *, uploaded_by: User, data: bytes, file_name: str, format: str
) -> QuestionImport:
    """Keeps an uploaded file (bounded by QUESTION_IMPORT_MAX_BYTES at upload)
    until its uploader chooses the bank; their earlier unconfirmed uploads go."""
    QuestionImport.objects.filter(
        uploaded_by=uploaded_by, status=QuestionImport.Status.PREVIEW
    ).delete()
    return QuestionImport.objects.create(
        uploaded_by=uploaded_by,
        file_name=file_name[:255],
        size=len(data),
        bank_name="",
        format=format,
        data=data,
        status=QuestionImport.Status.PREVIEW,
    )


def confirm_import(job: QuestionImport, *, bank_name: str) -> None:
    """Imports a previewed file into `bank_name`: a small file at once, a
    large one by the task (`run_import`). The kept bytes are dropped."""
    jobs = QuestionImport.objects.filter(
        pk=job.pk, status=QuestionImport.Status.PREVIEW
    )
    if job.size > settings.QUESTION_IMPORT_SYNC_BYTES:
        if jobs.update(bank_name=bank_name, status=QuestionImport.Status.QUEUED):
            transaction.on_commit(
                lambda: async_task(
                    tasks.run_import, job.pk, timeout=IMPORT_TASK_TIMEOUT
                )
            )
        return
    if not jobs.update(bank_name=bank_name, status=QuestionImport.Status.STORING):
        return  # confirmed twice: the first one imports
    data = bytes(QuestionImport.objects.values_list("data", flat=True).get(pk=job.pk))
    summary = import_questions(data, bank_name=bank_name, format=job.format)
    QuestionImport.objects.filter(pk=job.pk).update(
        status=QuestionImport.Status.FINISHED,
        data=b"",
        questions_found=summary.imported,
        summary=dump_summary(summary),
        question_ids=summary.question_ids,
        finished_at=timezone.now(),
    )


def run_import(*, job_id: int) -> None:
    """Imports a kept file (all or nothing, as `import_questions`), recording
    its progress and summary; the file's bytes are dropped once read."""
    jobs = QuestionImport.objects.filter(pk=job_id)
    # Only the first run of the task claims the job (a retry finds it taken).
    if not jobs.filter(status=QuestionImport.Status.QUEUED).update(
        status=QuestionImport.Status.READING
    ):
        return
    data = bytes(jobs.values_list("data", flat=True).get())
    jobs.update(data=b"")
    job = jobs.get()
    try:
        summary = import_questions(
            data,
            bank_name=job.bank_name,
            format=job.format,
            dry_run=job.dry_run,
            on_parsed=lambda count: jobs.update(
                status=QuestionImport.Status.STORING, questions_found=count
            ),
        )
    except Exception:
        # The import's transaction rolled back: nothing was stored.
        logger.exception("Question import %s stopped", job_id)
        jobs.update(status=QuestionImport.Status.FAILED, finished_at=timezone.now())
        return
    jobs.update(
        status=QuestionImport.Status.FINISHED,
        summary=dump_summary(summary),
        question_ids=summary.question_ids,
        finished_at=timezone.now(),
    )


def dump_summary(summary: ImportSummary) -> dict[str, Any]:
    """The summary as JSON, its errors still translatable (`load_errors`)."""
    return {**summary.as_json(), "errors": [_dump(e) for e in summary.errors]}


def load_errors(summary: dict[str, Any]) -> list[str]:
    return [_load(e) for e in summary.get("errors", [])]


def _dump(value: object) -> object:
    if isinstance(value, Translatable):
        params = {key: _dump(v) for key, v in value.params.items()}
        return {"template": value.template, "params": params}
    return value if isinstance(value, int | float) else str(value)


def _load(value: Any) -> Any:
    if isinstance(value, dict):
        params = {key: _load(v) for key, v in value["params"].items()}
        return Translatable(value["template"], params)
    return value


def _category_path(question: ParsedQuestion) -> str:
    parts = [p.strip().replace("/", "-") for p in question.category if p.strip()]
    return "/".join(parts) or DEFAULT_CATEGORY


@transaction.atomic
def _store(parsed: list[ParsedQuestion], bank_name: str) -> list[int]:
    bank, _created = QuestionBank.objects.get_or_create(name=bank_name)
    categories = {c.path: c for c in bank.categories.all()}
    for path in sorted({_category_path(q) for q in parsed}):
        if path not in categories:
            categories[path] = Category.objects.create(bank=bank, path=path)
    existing_ids = set(
        bank.questions.exclude(idnumber="").values_list("idnumber", flat=True)
    )
    questions: list[Question] = []
    for parsed_question in parsed:
        idnumber = parsed_question.idnumber[:100]
        if idnumber in existing_ids:
            idnumber = ""  # a re-import keeps both copies rather than failing
        if idnumber:
            existing_ids.add(idnumber)
        questions.append(
            Question(
                bank=bank,
                category=categories[_category_path(parsed_question)],
                kind=parsed_question.kind.value,
                title=(parsed_question.title or _title_from(parsed_question.stem))[
                    :255
                ],
                idnumber=idnumber,
                stem=clean_html(parsed_question.stem),
                general_feedback=clean_html(parsed_question.general_feedback),
                default_mark=_decimal(parsed_question.default_mark, 3),
                case_sensitive=parsed_question.case_sensitive,
            )
        )
    # In bulk, without a save per question: each save re-indexed the question
    # for search, which on SQLite re-reads the whole index (a file's import
    # grew with the square of its length).
    Question.objects.bulk_create(questions)
    _tag(questions, parsed)
    QuestionAnswer.objects.bulk_create(
        [a for q, p in zip(questions, parsed, strict=True) for a in _answers_for(q, p)]
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Question, questions)
    # bulk_create sends no model signal: quizzes drawing from these categories
    # see the new questions when this commits (assessments.receivers).
    bank_changed.send(sender=Question)
    return [question.pk for question in questions]


def _tag(questions: list[Question], parsed: list[ParsedQuestion]) -> None:
    names = {
        question.pk: list(dict.fromkeys(t[:100] for t in source.tags))
        for question, source in zip(questions, parsed, strict=True)
        if source.tags
    }
    wanted = {name for tags in names.values() for name in tags}
    if not wanted:
        return
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=wanted)}
    for name in sorted(wanted - tags.keys()):
        tags[name] = Tag.objects.create(name=name)  # unique slug, as taggit makes
    QuestionTag.objects.bulk_create(
        [
            QuestionTag(content_object_id=pk, tag=tags[name])
            for pk, question_tags in names.items()
            for name in question_tags
        ]
    )


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


def bump_question_version(*, question: Question) -> None:
    """Called after an edit of the question's key, so regrades know it changed;
    `question.version` is the new one on return."""
    Question.objects.filter(pk=question.pk).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    # New draws snapshot the new version (the update sends no model signal).
    bank_changed.send(sender=Question)
    question.refresh_from_db(fields=["version", "updated_at"])


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


# --- Translations -------------------------------------------------------------

# Answer texts rendered as HTML (the others are plain and escaped), as in the
# question editor.
HTML_ANSWER_KINDS = {Kind.SINGLE, Kind.MULTIPLE, Kind.MATCHING, Kind.ORDERING}
# Kinds whose answer text is the key (accepted answers) or unused (numbers):
# never translated, so grading stays the original's.
KEY_TEXT_KINDS = {Kind.SHORT_ANSWER, Kind.NUMERIC, Kind.GAP_FILL}
ANSWER_KEYS = ("text", "feedback", "match")


def translate_question(
    question: Question,
    language: str,
    *,
    stem: str,
    title: str = "",
    general_feedback: str = "",
    answers: list[dict] | None = None,
) -> QuestionTranslation:
    """Store (or replace) the question's text in `language`: `answers` in the
    question's answer order, each with optional "text", "feedback", "match";
    a missing or empty one reads the original. HTML is cleaned as the
    original's. The question, its version and every snapshot stay as they are.
    Raises ValidationError (every problem, in words) and stores nothing then."""
    kind = Kind(question.kind)
    problems: list[str] = []
    if not isinstance(language, str) or language not in dict(translation_languages()):
        problems.append(
            _(
                "Questions cannot be translated into “%(language)s”: "
                "choose one of %(languages)s."
            )
            % {
                "language": str(language)[:20],
                "languages": ", ".join(code for code, _name in translation_languages()),
            }
        )
    options = list(question.answers.order_by("sort_order", "pk"))
    given = list(answers or [])
    if answers is not None and len(given) != len(options):
        problems.append(
            ngettext(
                "The question has %(expected)d answer; "
                "%(given)d translations were given.",
                "The question has %(expected)d answers; "
                "%(given)d translations were given.",
                len(options),
            )
            % {"expected": len(options), "given": len(given)}
        )
    clean_stem = clean_html(
        _bounded(stem, TRANSLATION_TEXT_MAX, _("The question text"), problems)
    )
    if not clean_stem:
        problems.append(_("The translated question text is empty."))
    elif kind == Kind.GAP_FILL and gap_numbers(clean_stem) != gap_numbers(
        question.stem
    ):
        problems.append(
            _("The translated text must have the same gaps as the original (%(gaps)s).")
            % {"gaps": ", ".join(f"{{{{{n}}}}}" for n in gap_numbers(question.stem))}
        )
    stored: dict[str, dict[str, str]] = {}
    for number, (option, item) in enumerate(zip(options, given, strict=False), 1):
        if not isinstance(item, dict) or set(item) - set(ANSWER_KEYS):
            problems.append(
                _("Answer %(number)d: give only its text, feedback and match.")
                % {"number": number}
            )
            continue
        texts = {
            name: _bounded(
                item.get(name) or "",
                TRANSLATION_MATCH_MAX
                if name == "match"
                else TRANSLATION_ANSWER_TEXT_MAX,
                _("Answer %(number)d") % {"number": number},
                problems,
            )
            for name in ANSWER_KEYS
        }
        text = (
            clean_html(texts["text"])
            if kind in HTML_ANSWER_KINDS
            else plain_text(texts["text"])
        )
        match = plain_text(texts["match"])
        if kind in KEY_TEXT_KINDS and text and text != option.text:
            problems.append(
                _(
                    "Answer %(number)d: accepted answers are not translated; grading "
                    "compares with the original. Add other accepted answers to the "
                    "question itself."
                )
                % {"number": number}
            )
        if match and kind != Kind.MATCHING:
            problems.append(
                _("Answer %(number)d: only matching questions have a match.")
                % {"number": number}
            )
        translated = {
            "text": "" if kind in KEY_TEXT_KINDS else text,
            "feedback": clean_html(texts["feedback"]),
            "match": match,
        }
        kept = {name: value for name, value in translated.items() if value}
        if kept:
            stored[f"a{option.pk}"] = kept
    clean_title = plain_text(
        _bounded(title, TRANSLATION_TITLE_MAX, _("The title"), problems)
    )
    clean_feedback = clean_html(
        _bounded(general_feedback, TRANSLATION_TEXT_MAX, _("The feedback"), problems)
    )
    if problems:
        raise ValidationError(problems)
    translation, _created = QuestionTranslation.objects.update_or_create(
        question=question,
        language=language,
        defaults={
            "title": clean_title,
            "stem": clean_stem,
            "general_feedback": clean_feedback,
            "answers": stored,
            "updated_at": timezone.now(),
        },
    )
    return translation


def delete_translation(question: Question, language: str) -> bool:
    """Remove the question's text in `language`; False when there was none."""
    deleted, _rows = QuestionTranslation.objects.filter(
        question=question, language=language
    ).delete()
    return bool(deleted)


def _bounded(value: Any, limit: int, what: str, problems: list[str]) -> str:
    """`value` as text within `limit` characters; a longer one is a problem."""
    if not isinstance(value, str):
        problems.append(_("%(what)s must be text.") % {"what": what})
        return ""
    if len(value) > limit:
        problems.append(
            _("%(what)s is too long (at most %(limit)d characters).")
            % {"what": what, "limit": limit}
        )
        return ""
    return value
