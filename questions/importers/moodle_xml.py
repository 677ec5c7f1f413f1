"""Moodle XML question bank files turned into `ParsedQuestion`s (pure Python).

Contract: `parse_moodle_xml(data)` reads a Moodle XML export (a `<quiz>` root
holding `<question>` elements) and returns its questions in file order, or
raises `ImportFailed` listing every problem it found; when anything is wrong
nothing is returned (all-or-nothing). A problem names "question N (name)",
N being the 1-based position of the `<question>` element (category entries
count), "line N" when the XML itself is broken or refused, or "file".

- Parsing goes through defusedxml: entity declarations (billion laughs) and
  external references are refused, never expanded or fetched.
- `<question type="category">` sets the category of the questions after it:
  "$course$/top/A/B" gives ("A", "B"); the context marker and Moodle's "top"
  root are dropped, "//" stands for a "/" inside a name.
- Supported types: multichoice (single/multiple), truefalse, shortanswer,
  numerical ("*" = any value: value, minimum and maximum all None), matching
  (alias match), ordering, essay, description. Anything else, Cloze
  (multianswer) included, is an error naming the question.
- Learner-facing text is rendered to HTML from its `format` attribute but not
  cleaned (the bank cleans on save). `@@PLUGINFILE@@` links and embedded
  `<file>`s are left alone. Hints, penalties, units, combined feedback and
  display options have no place in `ParsedQuestion` and are ignored.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from fractions import Fraction
from xml.etree.ElementTree import Element, tostring
from xml.parsers.expat import ErrorString

from defusedxml import (
    DefusedXmlException,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from lessons.translatable import gettext_noop
from questions.kinds import Kind

from .markup import TOO_COSTLY, MarkdownTooCostly, markdown_budget, render_markdown
from .spec import (
    Answer,
    ImportFailed,
    ImportProblem,
    ParsedQuestion,
)

# A plain decimal as Moodle writes it ("33.33333", "-1e3"). Exponents are capped
# so a hostile "1e999999999" cannot make Fraction build a gigantic integer.
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")
# A category path's first part naming the Moodle context: $course$, $system$...
_CONTEXT_MARKER = re.compile(r"\$[a-z0-9]+\$")
# Moodle escapes "/" inside a category name as "//"; only a lone "/" separates.
_PATH_SEPARATOR = re.compile(r"(?<!/)/(?!/)")


def parse_moodle_xml(data: bytes) -> list[ParsedQuestion]:
    """The questions of a Moodle XML file, or `ImportFailed` with every problem."""
    with markdown_budget():
        return _questions(_parse_xml(data))


def _questions(root: Element) -> list[ParsedQuestion]:
    if root.tag != "quiz":
        raise ImportFailed(
            [
                _file_problem(
                    gettext_noop(
                        "the root element is <%(tag)s>, not <quiz>", tag=root.tag
                    )
                )
            ]
        )
    questions: list[ParsedQuestion] = []
    problems: list[ImportProblem] = []
    category: tuple[str, ...] = ()
    seen_idnumbers: dict[tuple[tuple[str, ...], str], int] = {}
    for index, element in enumerate(root.findall("question"), start=1):
        if element.get("type", "").strip() == "category":
            path = _category_path(element)
            if path is None:
                problems.append(
                    ImportProblem(
                        gettext_noop("question %(number)d", number=index),
                        gettext_noop("category has no path"),
                    )
                )
            else:
                category = path
            continue
        reader = _Reader(element, index)
        question = reader.read(category)
        if question is not None:
            _check_idnumber_unique(reader, question, seen_idnumbers)
        if reader.problems:
            problems.extend(ImportProblem(reader.where, p) for p in reader.problems)
        elif question is not None:
            questions.append(question)
    if problems:
        raise ImportFailed(problems)
    if not questions:
        # An empty import is almost always the wrong file; say so rather than
        # "succeed" with nothing.
        raise ImportFailed(
            [_file_problem(gettext_noop("the file contains no questions"))]
        )
    return questions


def _check_idnumber_unique(
    reader: _Reader,
    question: ParsedQuestion,
    seen: dict[tuple[tuple[str, ...], str], int],
) -> None:
    """Moodle keeps idnumbers unique within a category; a clash inside the file
    would otherwise surface later as a confusing database error."""
    if not question.idnumber:
        return
    key = (question.category, question.idnumber)
    if key in seen:
        reader.problem(
            gettext_noop(
                "idnumber '%(idnumber)s' is already used by "
                "question %(number)d in the same category",
                idnumber=question.idnumber,
                number=seen[key],
            )
        )
    seen.setdefault(key, reader.index)


# --- XML -------------------------------------------------------------------


def _parse_xml(data: bytes) -> Element:
    """The root element; broken or dangerous XML fails with the line at fault."""
    parser = DefusedXMLParser(
        forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    try:
        parser.feed(data)
        return parser.close()
    except ParseError as error:
        line, column = error.position
        reason = gettext_noop(
            "malformed XML: %(error)s (column %(column)d)",
            error=ErrorString(error.code),
            column=column + 1,
        )
        raise ImportFailed(
            [ImportProblem(gettext_noop("line %(line)d", line=line), reason)]
        ) from None
    except DefusedXmlException as error:
        # The expat parser still knows where it stopped, which helps the author.
        line = getattr(getattr(parser, "parser", None), "CurrentLineNumber", 0)
        where = gettext_noop("line %(line)d", line=line) if line else _FILE
        raise ImportFailed([ImportProblem(where, _refusal(error))]) from None


def _refusal(error: DefusedXmlException) -> str:
    if isinstance(error, EntitiesForbidden):
        return gettext_noop(
            "XML entity declarations are not allowed (entity '%(entity)s'); "
            "Moodle exports never contain them",
            entity=error.name,
        )
    if isinstance(error, ExternalReferenceForbidden):
        return gettext_noop("references to external XML resources are not allowed")
    return gettext_noop("XML refused for safety: %(error)s", error=str(error))


_FILE = gettext_noop("file")


def _file_problem(reason: str) -> ImportProblem:
    return ImportProblem(_FILE, reason)


def _content(element: Element) -> str:
    """An element's text, stripped. HTML pasted without CDATA parses as child
    elements; it is kept as markup rather than silently lost."""
    children = "".join(tostring(child, encoding="unicode") for child in element)
    return ((element.text or "") + children).strip()


def _text_of(holder: Element | None) -> str:
    """The content of `holder`'s <text> child ('' when there is none)."""
    if holder is None:
        return ""
    text = holder.find("text")
    return "" if text is None else _content(text)


def _decimal(raw: str) -> Fraction | None:
    """The exact value of a decimal string, None when it is not one."""
    raw = raw.strip()
    if not _DECIMAL.fullmatch(raw):
        return None
    try:
        return Fraction(raw)
    except ValueError:  # more digits than Python agrees to convert
        return None


# --- Text formats ----------------------------------------------------------


def _render(text: str, text_format: str) -> str | None:
    """`text` as HTML according to Moodle's `format` name; None if unknown."""
    if text_format == "html":
        return text
    if text_format == "markdown":
        return render_markdown(text)
    if text_format == "plain_text":
        return html.escape(text, quote=False).replace("\n", "<br>")
    if text_format == "moodle_auto_format":
        return _auto_format(text)
    return None


def _auto_format(text: str) -> str:
    """Moodle's auto-format: HTML tags are allowed as they are and line breaks
    become <br>, except those next to a tag (as Moodle's text_to_html does,
    so "<p>a</p>\\n<p>b</p>" does not gain a stray break)."""
    text = re.sub(r"\n<", " <", text)
    text = re.sub(r">\n", "> ", text)
    return text.replace("\n", "<br>")


# --- Categories ------------------------------------------------------------


def _category_path(element: Element) -> tuple[str, ...] | None:
    """("A", "B") for "$course$/top/A/B"; None when the entry has no path."""
    holder = element.find("category")
    if holder is None:
        return None
    # Moodle writes <category><text>path</text></category>; very old files put
    # the path directly inside <category>.
    raw = _text_of(holder) or (holder.text or "").strip()
    if not raw:
        return None
    names = [part.replace("//", "/").strip() for part in _PATH_SEPARATOR.split(raw)]
    if names and _CONTEXT_MARKER.fullmatch(names[0]):
        names.pop(0)
    # Since Moodle 3.5 every path starts at the context's hidden "top" category,
    # which is the bank's root here.
    while names and names[0] == "top":
        names.pop(0)
    return tuple(name for name in names if name)


# --- Questions -------------------------------------------------------------


class _Reader:
    """Reads one <question> element, noting every problem instead of stopping
    at the first, so the author can fix a file in one pass."""

    def __init__(self, element: Element, index: int) -> None:
        self.element = element
        self.index = index
        self.name = _text_of(element.find("name"))
        self.problems: list[str] = []
        # Moodle's own default: the question text is HTML unless it says
        # otherwise, and every other text defaults to the question text's format.
        stem_holder = element.find("questiontext")
        self.default_format = "html"
        if stem_holder is not None:
            self.default_format = stem_holder.get("format", "html").strip()

    @property
    def where(self) -> str:
        if self.name:
            return gettext_noop(
                "question %(number)d (%(name)s)", number=self.index, name=self.name
            )
        return gettext_noop("question %(number)d", number=self.index)

    def problem(self, reason: str) -> None:
        self.problems.append(reason)

    def read(self, category: tuple[str, ...]) -> ParsedQuestion | None:
        """The question, or None when its type is not supported."""
        qtype = self.element.get("type", "").strip()
        build = _BUILDERS.get(qtype)
        if build is None:
            self.problem(
                gettext_noop("unsupported question type '%(type)s'", type=qtype)
                if qtype
                else gettext_noop("has no type")
            )
            return None
        if not self.name:
            self.problem(gettext_noop("has no name"))
        stem_holder = self.element.find("questiontext")
        if not _text_of(stem_holder):
            self.problem(gettext_noop("has no question text"))
        stem = self.html(stem_holder, gettext_noop("question text"))
        question = ParsedQuestion(
            kind=Kind.ESSAY,  # each builder sets the real kind
            title=self.name,
            stem=stem,
            general_feedback=self.html(
                self.element.find("generalfeedback"), gettext_noop("general feedback")
            ),
            category=category,
            tags=self.tags(),
            idnumber=(self.element.findtext("idnumber") or "").strip(),
            default_mark=self.default_mark(),
            source_line=self.index,
        )
        build(self, question)
        return question

    # Shared pieces ---------------------------------------------------------

    def html(self, holder: Element | None, what: str) -> str:
        """The HTML of `holder`'s <text>, rendered from its format attribute."""
        if holder is None:
            return ""
        text_format = holder.get("format", self.default_format).strip()
        try:
            rendered = _render(_text_of(holder), text_format)
        except MarkdownTooCostly:
            self.problem(TOO_COSTLY)
            return ""
        if rendered is None:
            self.problem(
                gettext_noop(
                    "%(what)s has an unknown text format '%(format)s'",
                    what=what,
                    format=text_format,
                )
            )
            return ""
        return rendered

    def feedback(self, answer: Element, what: str) -> str:
        return self.html(
            answer.find("feedback"), gettext_noop("%(what)s feedback", what=what)
        )

    def fraction(self, answer: Element, what: str) -> Fraction:
        """The answer's credit: Moodle's percentage as an exact 0..1 share."""
        raw = answer.get("fraction", "0")
        percent = _decimal(raw)
        if percent is None:
            self.problem(
                gettext_noop(
                    "%(what)s has a fraction '%(fraction)s' that is not a number",
                    what=what,
                    fraction=raw,
                )
            )
            return Fraction(0)
        if not -100 <= percent <= 100:
            self.problem(
                gettext_noop(
                    "%(what)s has a fraction %(fraction)s%% outside -100..100",
                    what=what,
                    fraction=raw,
                )
            )
            return Fraction(0)
        return percent / 100

    def flag(self, tag: str, default: bool) -> bool:
        """A yes/no setting such as <single> or <usecase>."""
        element = self.element.find(tag)
        if element is None:
            return default
        raw = (element.text or "").strip().lower()
        if raw in ("1", "true"):
            return True
        if raw in ("0", "false", ""):
            return False
        self.problem(
            gettext_noop(
                "<%(tag)s> must be true or false, not '%(value)s'", tag=tag, value=raw
            )
        )
        return default

    def default_mark(self) -> Fraction:
        raw = self.element.findtext("defaultgrade")
        if raw is None:
            return Fraction(1)
        mark = _decimal(raw)
        if mark is None or mark < 0:
            self.problem(
                gettext_noop(
                    "default grade '%(grade)s' is not a number >= 0", grade=raw.strip()
                )
            )
            return Fraction(1)
        return mark

    def tags(self) -> list[str]:
        """Tags then course tags, blanks and repeats dropped, order kept."""
        found: list[str] = []
        for tag in self.element.findall("tags/tag") + self.element.findall(
            "coursetags/tag"
        ):
            text = _text_of(tag)
            if text and text not in found:
                found.append(text)
        return found

    def answers(self) -> list[tuple[str, Element]]:
        return [
            (gettext_noop("answer %(number)d", number=number), element)
            for number, element in enumerate(self.element.findall("answer"), start=1)
        ]

    def require_credit(self, answers: list[Answer]) -> None:
        """Some answer must earn credit, or nobody could ever get it right."""
        if answers and not any(answer.fraction > 0 for answer in answers):
            self.problem(gettext_noop("no answer has a positive fraction"))


# --- One function per question type ----------------------------------------


def _multichoice(reader: _Reader, question: ParsedQuestion) -> None:
    # Moodle's default when <single> is missing is one answer only.
    single = reader.flag("single", default=True)
    question.kind = Kind.SINGLE if single else Kind.MULTIPLE
    for what, element in reader.answers():
        fraction = reader.fraction(element, what)
        text = reader.html(element, what)
        if not text:  # Moodle drops the blank choices its editing form leaves
            continue
        question.answers.append(
            Answer(
                text=text,
                fraction=fraction,
                feedback=reader.feedback(element, what),
            )
        )
    if len(question.answers) < 2:
        reader.problem(gettext_noop("needs at least two choices"))
    reader.require_credit(question.answers)


def _truefalse(reader: _Reader, question: ParsedQuestion) -> None:
    question.kind = Kind.TRUE_FALSE
    # The answers are matched on their text, not their order, as Moodle does.
    found: dict[str, Answer] = {}
    for what, element in reader.answers():
        value = _text_of(element).lower()
        if value not in ("true", "false"):
            reader.problem(
                gettext_noop(
                    "%(what)s must be 'true' or 'false', not '%(value)s'",
                    what=what,
                    value=value,
                )
            )
        elif value in found:
            reader.problem(
                gettext_noop("has more than one '%(value)s' answer", value=value)
            )
        else:
            found[value] = Answer(
                text=value.title(),
                fraction=reader.fraction(element, what),
                feedback=reader.feedback(element, what),
            )
    for value in ("true", "false"):
        if value not in found:
            reader.problem(gettext_noop("has no '%(value)s' answer", value=value))
    question.answers = [found[v] for v in ("true", "false") if v in found]
    if len(question.answers) == 2:
        reader.require_credit(question.answers)


def _shortanswer(reader: _Reader, question: ParsedQuestion) -> None:
    question.kind = Kind.SHORT_ANSWER
    question.case_sensitive = reader.flag("usecase", default=False)
    for what, element in reader.answers():
        fraction = reader.fraction(element, what)
        text = _text_of(element)  # accepted answers are plain text
        if text:
            question.answers.append(
                Answer(
                    text=text,
                    fraction=fraction,
                    feedback=reader.feedback(element, what),
                )
            )
    if not question.answers:
        reader.problem(gettext_noop("has no accepted answer"))
    reader.require_credit(question.answers)


def _numerical(reader: _Reader, question: ParsedQuestion) -> None:
    question.kind = Kind.NUMERIC
    for what, element in reader.answers():
        fraction = reader.fraction(element, what)
        # Old exports put the value straight inside <answer>, without <text>.
        raw = _text_of(element) or (element.text or "").strip()
        if not raw:
            continue
        answer = Answer(
            text=raw,
            fraction=fraction,
            feedback=reader.feedback(element, what),
            tolerance=_tolerance(reader, element, what),
        )
        # "*" is Moodle's catch-all answer: every value matches it, which the
        # bank reads from value, minimum and maximum all being None.
        if raw != "*":
            answer.value = _decimal(raw)
            if answer.value is None:
                reader.problem(
                    gettext_noop(
                        "%(what)s '%(value)s' is not a number", what=what, value=raw
                    )
                )
        question.answers.append(answer)
    if not question.answers:
        reader.problem(gettext_noop("has no answer"))
    reader.require_credit(question.answers)


def _tolerance(reader: _Reader, answer: Element, what: str) -> Fraction:
    raw = answer.findtext("tolerance")
    if raw is None or not raw.strip():
        return Fraction(0)
    tolerance = _decimal(raw)
    if tolerance is None or tolerance < 0:
        reader.problem(
            gettext_noop(
                "%(what)s has a tolerance '%(tolerance)s' that is not >= 0",
                what=what,
                tolerance=raw.strip(),
            )
        )
        return Fraction(0)
    return tolerance


def _matching(reader: _Reader, question: ParsedQuestion) -> None:
    question.kind = Kind.MATCHING
    subquestions = reader.element.findall("subquestion")
    for number, element in enumerate(subquestions, start=1):
        what = gettext_noop("subquestion %(number)d", number=number)
        prompt = reader.html(element, what)
        match = _text_of(element.find("answer"))  # targets are plain text
        if not prompt and not match:
            continue  # a blank row left by Moodle's form
        if not match:
            reader.problem(gettext_noop("%(what)s has no answer", what=what))
            continue
        # An empty prompt keeps its answer as a distractor target.
        question.answers.append(Answer(text=prompt, match=match))
    pairs = sum(1 for answer in question.answers if answer.text)
    if pairs < 2:
        reader.problem(
            gettext_noop(
                "needs at least two subquestions with a prompt, has %(count)d",
                count=pairs,
            )
        )


def _ordering(reader: _Reader, question: ParsedQuestion) -> None:
    question.kind = Kind.ORDERING
    # The file lists the items in their correct order; Moodle ignores their
    # fraction attribute on import, so does this.
    for what, element in reader.answers():
        text = reader.html(element, what)
        if text:
            question.answers.append(Answer(text=text))
    if len(question.answers) < 2:
        reader.problem(gettext_noop("needs at least two items to order"))


def _essay(reader: _Reader, question: ParsedQuestion) -> None:
    question.kind = Kind.ESSAY


def _description(reader: _Reader, question: ParsedQuestion) -> None:
    question.kind = Kind.DESCRIPTION
    question.default_mark = Fraction(0)  # it is not answered, so it scores nothing


_BUILDERS: dict[str, Callable[[_Reader, ParsedQuestion], None]] = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "match": _matching,  # the name Moodle's importer also accepts
    "ordering": _ordering,
    "essay": _essay,
    "description": _description,
}
