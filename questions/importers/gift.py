"""GIFT, Moodle's plain-text question format, read into `ParsedQuestion`s.

Contract: `parse_gift(text)` returns every question of the file in order, or
raises `ImportFailed` listing every problem found (each `ImportProblem` names
"line N" or "line N (title)", N being the line where the question starts).
Nothing is returned when anything is wrong: an import is all or nothing.

What is read, following Moodle's own importer (qformat_gift) where the
documentation is silent:

- Questions are separated by blank lines. Lines starting with `//` are
  comments; `// [id:X]` and `// [tag:Y]` in a question's comments set its
  `idnumber` and `tags`.
- `$CATEGORY: $course$/top/A/B` puts the following questions in ("A", "B"):
  a leading context (`$course$`, `$system$`, ...) and "top" are dropped,
  `//` is a literal slash.
- `::title::`, then the stem, then one answer block `{...}`. Without a block
  the question is a description; an empty block is an essay. A block in the
  middle of the stem is shown there as "_____" (missing word).
- The block decides the kind: `{T}`/`{TRUE}`/`{F}`/`{FALSE}` true/false;
  `{#...}` numeric (`N`, `N:tolerance`, `MIN..MAX`, several `=%w%N:T`, and
  `~#feedback` for any other number); any `~` makes a choice question; `=a -> b`
  pairs make a matching question; otherwise `=` answers are short answers.
- `%w%` weights (-100..100, decimals allowed) become exact fractions w/100,
  `#` starts an answer's feedback and `####` the general feedback.
- A choice question with exactly one `=` answer is single choice (partial
  credit allowed); with none (Moodle's rule: `~%w%` weights spread the credit)
  or several (each unweighted one then gets an equal share) it is multiple
  response, whose positive weights must add up to 100 %.
- `[html]`, `[markdown]`, `[plain]` and `[moodle]` before a text set its
  format; answers and feedback default to the stem's format. Everything the
  learner sees is rendered to HTML here (html as is, markdown through the
  `markdown` package, plain and moodle escaped with line breaks kept); it is
  cleaned later, when stored.
- Escapes: `\\~ \\= \\# \\{ \\} \\:` give the character, `\\\\` a backslash and
  `\\n` a line break; any other backslash is kept as written (LaTeX survives).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from lessons.translatable import gettext_noop
from questions.kinds import Kind

from .markup import TOO_COSTLY, MarkdownTooCostly, markdown_budget, render_markdown
from .spec import Answer, ImportFailed, ImportProblem, ParsedQuestion

__all__ = ["parse_gift"]

# Escaped control characters are swapped for lone surrogates while the
# structure is parsed, so `str.find`/`split` never see them as syntax. Lone
# surrogates cannot come out of decoding a real text file, so they cannot
# collide with the author's text (a string holding one is rejected).
_ESCAPED = {c: chr(0xD800 + i) for i, c in enumerate(":#={}~n")}
_SHOWN = {hidden: ("\n" if c == "n" else c) for c, hidden in _ESCAPED.items()}
_HIDDEN_RE = re.compile(f"[{''.join(_SHOWN)}]")
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_INVALID_RE = re.compile("[\x00\ud800-\udfff]")
# Stands for the missing word while the stem is rendered; replaced afterwards
# so that markdown never reads "_____" as emphasis or a rule.
_BLANK = "\udbff"
_BLANK_SHOWN = "_____"

_FORMAT_RE = re.compile(r"\s*\[(html|markdown|plain|moodle)\]")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WEIGHT_RE = re.compile(r"\s*%([^%\n]*)%")
_WEIGHT_LIKE_RE = re.compile(r"[\d\s.,+-]*\d[\d\s.,+-]*")
_ID_RE = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG_RE = re.compile(r"\[tag:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_CONTEXT_RE = re.compile(r"\$[a-z]+\$")
_BREAK_TAGS_RE = re.compile(r"<(?:br|/?p|/?div|/?li|/?h\d|/?tr|/?td)\b[^>]*>", re.I)
_TAGS_RE = re.compile(r"<[^>]*>")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}

_TITLE_MAX = 255  # Question.title
_DEFAULT_TITLE_LENGTH = 80  # as Moodle names an untitled question
_IDNUMBER_MAX = 100  # Question.idnumber


def parse_gift(text: str) -> list[ParsedQuestion]:
    """Every question of a GIFT file, or `ImportFailed` with every problem."""
    errors: list[ImportProblem] = []
    questions: list[ParsedQuestion] = []
    lines = _split_lines(text)
    invalid = _first_invalid_character(lines)
    if invalid:
        raise ImportFailed([invalid])
    category: tuple[str, ...] = ()
    with markdown_budget():
        for block in _blocks(lines):
            if block.category is not None:
                category = block.category
            if block.lines:
                errors += _read(_Question(block, category), questions)
    if errors:
        raise ImportFailed(errors)
    return questions


def _read(question: _Question, questions: list[ParsedQuestion]) -> list[ImportProblem]:
    """Appends the block's question; returns its problems."""
    try:
        parsed = question.parse()
    except MarkdownTooCostly:
        parsed = None
        question.problem(TOO_COSTLY)
    if question.problems:
        return [ImportProblem(question.where, p) for p in question.problems]
    if parsed is not None:
        questions.append(parsed)
    return []


# --- Lines and blocks --------------------------------------------------------


def _split_lines(text: str) -> list[str]:
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _first_invalid_character(lines: list[str]) -> ImportProblem | None:
    """A NUL (a binary file, or text a database cannot store) or a lone
    surrogate (not text at all) is named with its line, never dropped."""
    for number, line in enumerate(lines, start=1):
        found = _INVALID_RE.search(line)
        if found:
            return ImportProblem(
                gettext_noop("line %(line)d", line=number),
                gettext_noop("the text holds a NUL character (is it a binary file?)")
                if found.group() == "\x00"
                else gettext_noop("the text holds an invalid character"),
            )
    return None


@dataclass
class _Block:
    """The lines between two blank lines, comments set apart."""

    lines: list[tuple[int, str]] = field(default_factory=list)  # (number, text)
    comments: list[str] = field(default_factory=list)
    category: tuple[str, ...] | None = None


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current = _Block()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            if current.lines or current.category is not None:
                blocks.append(current)
            current = _Block()
        elif stripped.startswith("//"):
            current.comments.append(stripped)
        elif stripped.startswith("$CATEGORY:") and not current.lines:
            # A category switch opens its block; a question may follow it
            # directly (Moodle would read that question into the category name).
            current.category = _category_path(stripped.removeprefix("$CATEGORY:"))
        else:
            current.lines.append((number, line))
    blocks.append(current)
    return blocks


def _category_path(raw: str) -> tuple[str, ...]:
    """`$course$/top/A//B/C` -> ("A/B", "C"): the path below the bank's root."""
    value = _show(_hide_escapes(raw)).strip()
    names = [
        name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", value)
    ]
    if names and _CONTEXT_RE.fullmatch(names[0]):
        names = names[1:]
    if names and names[0] == "top":  # every Moodle context's root category
        names = names[1:]
    return tuple(name for name in names if name)


# --- Escapes and text rendering ----------------------------------------------


def _hide_escapes(raw: str) -> str:
    def hide(match: re.Match[str]) -> str:
        char = match.group(1)
        return "\\" if char == "\\" else _ESCAPED[char]

    return _ESCAPE_RE.sub(hide, raw)


def _show(masked: str) -> str:
    return _HIDDEN_RE.sub(lambda match: _SHOWN[match.group()], masked)


def _split_format(masked: str, default: str) -> tuple[str, str]:
    """A text's `[format]` prefix (or the default) and the text after it."""
    match = _FORMAT_RE.match(masked)
    if match:
        return match.group(1), masked[match.end() :]
    return default, masked


def _render(text: str, fmt: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if fmt == "html":
        return text
    if fmt == "markdown":
        return render_markdown(text)
    # plain and moodle: the author's characters, their line breaks kept.
    lines = (html.escape(line.strip(), quote=False) for line in text.split("\n"))
    return "<br>".join(lines)


def _rich(masked: str, default: str) -> str:
    """Text the learner sees, as HTML."""
    fmt, rest = _split_format(masked, default)
    return _render(_show(rest), fmt).replace(_BLANK, _BLANK_SHOWN)


def _plain(masked: str) -> str:
    """Text compared with what the learner types: no format, one-line."""
    _, rest = _split_format(masked, "plain")
    return " ".join(_show(rest).split())


def _visible(html_text: str) -> str:
    """The words of some HTML, on one line (for titles and emptiness)."""
    text = _TAGS_RE.sub("", _BREAK_TAGS_RE.sub(" ", html_text))
    return " ".join(html.unescape(text).split())


def _is_blank(html_text: str) -> bool:
    """No text to read and no picture to see."""
    return not _visible(html_text) and "<img" not in html_text


# --- Answers -----------------------------------------------------------------


@dataclass
class _Item:
    """One answer of a block: its marker (`=`, `~`, or "" before any marker),
    its weight if one was written, its text and its feedback (masked)."""

    marker: str
    weight: Fraction | None
    text: str
    feedback: str
    source: str  # as written, for messages


def _split_items(masked: str, markers: str) -> list[tuple[str, str]]:
    """`=a ~b` -> [("=", "a"), ("~", "b")]; text before the first marker
    comes first with the marker "" when it is not blank."""
    parts = re.split(f"([{re.escape(markers)}])", masked)
    items = [("", parts[0])] if parts[0].strip() else []
    items += list(zip(parts[1::2], parts[2::2], strict=True))
    return items


class _Question:
    """Reads one question block; `problems` collects what is wrong with it."""

    def __init__(self, block: _Block, category: tuple[str, ...]):
        self.block = block
        self.category = category
        self.line = block.lines[0][0]
        self.title = ""
        self.problems: list[str] = []
        # Each line masked alone, so that offsets map back to file lines.
        self.text = "\n".join(_hide_escapes(text) for _, text in block.lines)

    @property
    def where(self) -> str:
        if self.title:
            return gettext_noop(
                "line %(line)d (%(title)s)", line=self.line, title=self.title
            )
        return gettext_noop("line %(line)d", line=self.line)

    def line_at(self, offset: int) -> int:
        return self.block.lines[self.text.count("\n", 0, offset)][0]

    def problem(self, reason: str) -> None:
        self.problems.append(reason)

    # The question as a whole.

    def parse(self) -> ParsedQuestion | None:
        body_start = self._read_title()
        if body_start < 0:
            return None
        self._check_no_category_line()
        braces = self._find_block(body_start)
        if braces is None:
            return None
        if not braces:
            return self._description(self.text[body_start:])
        opening, closing = braces
        before, after = self.text[body_start:opening], self.text[closing + 1 :]
        # A block inside the stem is the missing word (Moodle's rule: anything
        # but blank after the closing brace).
        stem = before + _BLANK + after if after.strip() else before
        return self._with_answers(stem, self.text[opening + 1 : closing])

    def _read_title(self) -> int:
        """Reads `::title::`; returns where the stem starts, -1 on a problem."""
        start = len(self.text) - len(self.text.lstrip())
        if not self.text.startswith("::", start):
            return start
        end = self.text.find("::", start + 2)
        if end < 0:
            self.problem(
                gettext_noop("the title opened with '::' is not closed with '::'")
            )
            return -1
        title = " ".join(_show(self.text[start + 2 : end]).split())
        if len(title) > _TITLE_MAX:
            title = title[: _TITLE_MAX - 1].rstrip() + "…"
        self.title = title
        return end + 2

    def _check_no_category_line(self) -> None:
        for number, text in self.block.lines[1:]:
            if text.strip().startswith("$CATEGORY:"):
                self.problem(
                    gettext_noop(
                        "$CATEGORY on line %(line)d is inside a question; "
                        "put a blank line before it",
                        line=number,
                    )
                )

    def _find_block(self, start: int) -> tuple[int, int] | tuple[()] | None:
        """Offsets of the answer block's braces, () for none, None on a problem."""
        opens = [i for i in range(start, len(self.text)) if self.text[i] == "{"]
        closes = [i for i in range(start, len(self.text)) if self.text[i] == "}"]
        if not opens and not closes:
            return ()
        if closes and (not opens or closes[0] < opens[0]):
            self._unopened(closes[0])
            return None
        if not closes:
            self.problem(
                gettext_noop(
                    "'{' on line %(line)d is not closed by '}' "
                    "before the question ends (a blank line ends a question)",
                    line=self.line_at(opens[0]),
                )
            )
            return None
        return self._single_block(opens, closes)

    def _single_block(
        self, opens: list[int], closes: list[int]
    ) -> tuple[int, int] | None:
        opening, closing = opens[0], closes[0]
        if len(opens) > 1 and opens[1] < closing:
            self.problem(
                gettext_noop(
                    "'{' on line %(line)d is inside the answer block "
                    "(write \\{ for a literal brace)",
                    line=self.line_at(opens[1]),
                )
            )
            return None
        if len(opens) > 1:
            self.problem(
                gettext_noop(
                    "a second answer block starts on line %(line)d; "
                    "separate questions with a blank line, or write \\{ for a brace",
                    line=self.line_at(opens[1]),
                )
            )
            return None
        if len(closes) > 1:
            self._unopened(closes[1])
            return None
        return opening, closing

    def _unopened(self, offset: int) -> None:
        self.problem(
            gettext_noop(
                "'}' on line %(line)d has no opening '{' "
                "(write \\} for a literal brace)",
                line=self.line_at(offset),
            )
        )

    def _new(
        self,
        kind: Kind,
        stem: str,
        fmt: str,
        answers: list[Answer] | None = None,
        general_feedback: str = "",
    ) -> ParsedQuestion:
        stem_html = _render(_show(stem), fmt).replace(_BLANK, _BLANK_SHOWN)
        comments = "\n".join(self.block.comments)
        return ParsedQuestion(
            kind=kind,
            title=self.title or self._default_title(stem_html),
            stem=stem_html,
            answers=answers or [],
            general_feedback=general_feedback,
            category=self.category,
            tags=_tags(comments),
            idnumber=self._idnumber(comments),
            # Moodle: a description carries no marks.
            default_mark=Fraction(0 if kind == Kind.DESCRIPTION else 1),
            source_line=self.line,
        )

    def _default_title(self, stem_html: str) -> str:
        # Moodle names an untitled question after the start of its text.
        text = _visible(stem_html)
        if len(text) > _DEFAULT_TITLE_LENGTH:
            text = text[: _DEFAULT_TITLE_LENGTH - 1].rstrip() + "…"
        return text or f"Question at line {self.line}"

    def _idnumber(self, comments: str) -> str:
        match = next(_markers(_ID_RE, comments), None)
        idnumber = match.group(1).replace("\\]", "]").strip() if match else ""
        if len(idnumber) > _IDNUMBER_MAX:
            self.problem(
                gettext_noop(
                    "the id is longer than %(count)d characters", count=_IDNUMBER_MAX
                )
            )
        return idnumber

    def _description(self, stem: str) -> ParsedQuestion | None:
        fmt, stem = _split_format(stem, "moodle")
        if not stem.strip():
            self.problem(gettext_noop("the question has no text"))
            return None
        return self._new(Kind.DESCRIPTION, stem, fmt)

    def _with_answers(self, stem: str, block: str) -> ParsedQuestion | None:
        fmt, stem = _split_format(stem.strip(), "moodle")
        answers, general = _split_general_feedback(block)
        kind, parsed = self._read_answers(_kind_of(answers), answers, fmt)
        if self.problems:
            return None
        return self._new(kind, stem, fmt, parsed, _rich(general, fmt))

    def _read_answers(
        self, kind: str, answers: str, fmt: str
    ) -> tuple[Kind, list[Answer]]:
        if kind == "essay":
            return Kind.ESSAY, []
        if kind == "truefalse":
            return Kind.TRUE_FALSE, self._true_false(answers, fmt)
        if kind == "numeric":
            return Kind.NUMERIC, self._numeric(answers, fmt)
        if kind == "choice":
            return self._choices(answers, fmt)
        if kind == "matching":
            return Kind.MATCHING, self._matching(answers, fmt)
        return Kind.SHORT_ANSWER, self._short(answers, fmt)

    # Items: weight, text and feedback of each answer.

    def _items(self, masked: str, markers: str) -> list[_Item]:
        items = []
        for marker, body in _split_items(masked, markers):
            weight, rest = self._weight(body)
            text, _, feedback = rest.partition("#")
            source = " ".join(_show(marker + body).split())
            items.append(_Item(marker, weight, text, feedback, source))
        return items

    def _weight(self, body: str) -> tuple[Fraction | None, str]:
        """A leading `%w%` as a fraction; text that only looks like one stays."""
        match = _WEIGHT_RE.match(body)
        if not match:
            return None, body
        written = match.group(1).strip()
        if not _NUMBER_RE.fullmatch(written):
            if _WEIGHT_LIKE_RE.fullmatch(written):
                self.problem(
                    gettext_noop(
                        "the weight %(weight)s is not a number", weight=f"%{written}%"
                    )
                )
            return None, body
        weight = Fraction(written) / 100
        if not -1 <= weight <= 1:
            self.problem(
                gettext_noop(
                    "the weight %(weight)s is outside -100%%..100%%",
                    weight=f"%{written}%",
                )
            )
        return weight, body[match.end() :]

    # One reader per kind.

    def _true_false(self, block: str, fmt: str) -> list[Answer]:
        head, _, feedbacks = block.partition("#")
        # Moodle: the first feedback is for a wrong response, the second for
        # a right one.
        wrong, _, right = feedbacks.partition("#")
        is_true = _TRUE_FALSE[head.strip()]
        right_html, wrong_html = _rich(right, fmt), _rich(wrong, fmt)
        true = Answer("True", Fraction(1), right_html)
        false = Answer("False", Fraction(0), wrong_html)
        if not is_true:
            true.fraction, false.fraction = Fraction(0), Fraction(1)
            true.feedback, false.feedback = wrong_html, right_html
        return [true, false]

    def _choices(self, block: str, fmt: str) -> tuple[Kind, list[Answer]]:
        items = self._items(block, "~=")
        # Moodle: a `=` answer makes the question single choice. With no `=`
        # the `~%w%` weights spread the credit; with several `=` we read the
        # author's intent the same way (each such answer gets an equal share).
        right = [i for i in items if i.marker == "="]
        full = [i for i in right if i.weight is None]
        kind = Kind.SINGLE if len(right) == 1 else Kind.MULTIPLE
        answers = []
        for item in items:
            if item.weight is not None:
                fraction = item.weight
            elif item.marker == "=":
                fraction = Fraction(1, len(full))  # several `=`: an equal share
            else:
                fraction = Fraction(0)
            text = _rich(item.text, fmt)
            if _is_blank(text):
                self.problem(
                    gettext_noop(
                        "the choice '%(choice)s' has no text", choice=item.source
                    )
                )
            answers.append(Answer(text, fraction, _rich(item.feedback, fmt)))
        self._check_choices(kind, answers)
        return kind, answers

    def _check_choices(self, kind: Kind, answers: list[Answer]) -> None:
        if len(answers) < 2:
            self.problem(gettext_noop("a choice question needs at least two choices"))
        if not any(a.fraction > 0 for a in answers):
            self.problem(
                gettext_noop(
                    "no choice is marked right (with '=' or a positive %%weight%%)"
                )
            )
            return
        if kind == Kind.SINGLE and all(a.fraction != 1 for a in answers):
            self.problem(
                gettext_noop(
                    "the '=' choice of a single-choice question must be worth 100%%"
                )
            )
        if kind == Kind.MULTIPLE:
            total = sum((a.fraction for a in answers if a.fraction > 0), Fraction(0))
            # Moodle's tolerance: three times %33.33333% is a whole.
            if round(total * 100) != 100:
                self.problem(
                    gettext_noop(
                        "in a multiple-response question the positive weights must "
                        "add up to 100%%, not %(total)s%%",
                        total=f"{float(total * 100):g}",
                    )
                )

    def _short(self, block: str, fmt: str) -> list[Answer]:
        answers = []
        for item in self._items(block, "="):
            fraction = Fraction(1) if item.weight is None else item.weight
            text = _plain(item.text)
            if not text:
                self.problem(
                    gettext_noop("the answer '%(answer)s' is empty", answer=item.source)
                )
            answers.append(Answer(text, fraction, _rich(item.feedback, fmt)))
        if answers and not any(a.fraction > 0 for a in answers):
            self.problem(gettext_noop("no accepted answer gives credit"))
        return answers

    def _matching(self, block: str, fmt: str) -> list[Answer]:
        answers = []
        for marker, body in _split_items(block, "="):
            source = " ".join(_show(marker + body).split())
            if not marker:
                self.problem(
                    gettext_noop(
                        "'%(text)s' comes before the first '=' of the pairs",
                        text=source,
                    )
                )
            elif "#" in body:
                self.problem(
                    gettext_noop(
                        "the pair '%(pair)s' has feedback, which matching lacks",
                        pair=source,
                    )
                )
            elif "->" not in body:
                self.problem(
                    gettext_noop("the pair '%(pair)s' has no '->'", pair=source)
                )
            elif not _plain(body.partition("->")[2]):
                self.problem(
                    gettext_noop(
                        "the pair '%(pair)s' has nothing after '->'", pair=source
                    )
                )
            else:
                prompt, _, match = body.partition("->")
                # An empty prompt is Moodle's way of adding a distractor.
                answers.append(Answer(text=_rich(prompt, fmt), match=_plain(match)))
        if sum(1 for a in answers if a.text) < 2:
            self.problem(
                gettext_noop(
                    "a matching question needs at least two pairs with a prompt"
                )
            )
        return answers

    def _numeric(self, block: str, fmt: str) -> list[Answer]:
        answers = []
        for item in self._items(block.strip().removeprefix("#"), "=~"):
            default = Fraction(0) if item.marker == "~" else Fraction(1)
            fraction = default if item.weight is None else item.weight
            written = _show(item.text).strip()
            answer = Answer(written, fraction, _rich(item.feedback, fmt))
            if written in ("", "*") and (written or item.marker == "~"):
                # "Any other number" (Moodle's `*`): feedback for wrong numbers.
                answer.text = "*"
            else:
                self._read_number(written, answer)
            answers.append(answer)
        if not answers:
            self.problem(gettext_noop("the numeric question has no answer"))
        elif not any(a.fraction > 0 for a in answers):
            self.problem(gettext_noop("no numeric answer gives credit"))
        return answers

    def _read_number(self, written: str, answer: Answer) -> None:
        """`N`, `N:tolerance` or `MIN..MAX` into the answer's fields."""
        low, dots, high = written.partition("..")
        value, colon, tolerance = written.partition(":")
        if dots and low.strip():
            answer.minimum, answer.maximum = _number(low), _number(high)
            if answer.minimum is None or answer.maximum is None:
                self.problem(
                    gettext_noop(
                        "'%(text)s' is not a range of numbers (MIN..MAX)", text=written
                    )
                )
            elif answer.minimum > answer.maximum:
                self.problem(
                    gettext_noop(
                        "the range '%(text)s' starts above its end", text=written
                    )
                )
            return
        number = _number(value)
        margin = _number(tolerance) if colon else Fraction(0)
        if number is None or margin is None:
            self.problem(
                gettext_noop(
                    "'%(text)s' is not a number (write N, N:tolerance or MIN..MAX)",
                    text=written,
                )
            )
        elif margin < 0:
            self.problem(
                gettext_noop("the tolerance in '%(text)s' is negative", text=written)
            )
        else:
            answer.value, answer.tolerance = number, margin


def _number(written: str) -> Fraction | None:
    written = written.strip()
    return Fraction(written) if _NUMBER_RE.fullmatch(written) else None


def _split_general_feedback(block: str) -> tuple[str, str]:
    """Answers and general feedback: Moodle takes the last `####`."""
    at = block.rfind("####")
    if at < 0:
        return block, ""
    return block[:at], block[at + 4 :]


def _kind_of(block: str) -> str:
    """The question kind the answer block implies, in Moodle's order."""
    answers = block.strip()
    if not answers:
        return "essay"
    if answers.startswith("#"):
        return "numeric"
    if "~" in answers:
        return "choice"
    if "=" in answers and "->" in answers:
        return "matching"
    if answers.partition("#")[0].strip() in _TRUE_FALSE:
        return "truefalse"
    return "shortanswer"


def _tags(comments: str) -> list[str]:
    tags: list[str] = []
    for match in _markers(_TAG_RE, comments):
        tag = match.group(1).replace("\\]", "]").strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _markers(pattern: re.Pattern[str], comments: str) -> Iterator[re.Match[str]]:
    """`[id:...]`/`[tag:...]` matches, searched only up to the last "]" of
    each run without control characters (which a value cannot cross): an
    unclosed "[id:" repeated would otherwise be rescanned from every start."""
    for run in _CONTROL_RE.split(comments):
        yield from pattern.finditer(run, 0, run.rfind("]") + 1)
