"""Forms of the Wagtail admin for the question bank, marking and import."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from fractions import Fraction
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget
from wagtail.admin.forms import WagtailAdminModelForm

from core.query import bounded_int
from courses.models import CoursePage
from lessons.translatable import translated
from questions.kinds import Kind
from questions.models import (
    TRANSLATION_ANSWER_TEXT_MAX,
    TRANSLATION_MATCH_MAX,
    TRANSLATION_TEXT_MAX,
    TRANSLATION_TITLE_MAX,
    Category,
    Question,
    QuestionAnswer,
    QuestionBank,
    QuestionTranslation,
)
from questions.sanitize import clean_html, plain_text
from questions.services import FORMATS, bump_question_version, check_question

from . import selectors
from .grading import rubric_score

HTML_ANSWER_KINDS = {Kind.SINGLE, Kind.MULTIPLE, Kind.MATCHING, Kind.ORDERING}


class QuestionForm(WagtailAdminModelForm):
    """Cleans every HTML field with nh3, checks the question as a whole (the same
    rules as imports); saving an edit that changed an existing question bumps
    its version through the bank's service (in Wagtail's edit transaction)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            banks = selectors.banks_for(self.for_user)
            self.fields["bank"].queryset = banks
            self.fields["category"].queryset = Category.objects.filter(
                bank__in=banks
            ).select_related("bank")

    def clean_stem(self):
        return clean_html(self.cleaned_data["stem"])

    def clean_general_feedback(self):
        return clean_html(self.cleaned_data.get("general_feedback", ""))

    def clean(self):
        cleaned = super().clean()
        bank, category = cleaned.get("bank"), cleaned.get("category")
        if bank and category and category.bank_id != bank.pk:
            self.add_error("category", _("Choose a category of the same bank."))
        kind = cleaned.get("kind")
        formset = self.formsets.get("answers")
        if not kind or formset is None or not formset.is_valid():
            return cleaned
        answers = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            data["text"] = (
                clean_html(data.get("text", ""))
                if kind in HTML_ANSWER_KINDS
                else _plain(data.get("text", ""))
            )
            data["feedback"] = clean_html(data.get("feedback", ""))
            answers.append(data)
            form.instance.text = data["text"]
            form.instance.feedback = data["feedback"]
        for problem in check_question(
            kind=kind, stem=cleaned.get("stem", ""), answers=answers
        ):
            text = translated(problem, gettext)
            self.add_error(None, text[0].upper() + text[1:] + ".")
        return cleaned

    def save(self, commit=True):
        answers = self.formsets.get("answers")
        changed = bool(self.instance.pk) and (
            self.has_changed() or (answers is not None and answers.has_changed())
        )
        question = super().save(commit=commit)
        if changed:
            if not commit:
                raise ValueError("A changed question is saved with commit=True.")
            bump_question_version(question=question)
        return question


class ScopedChoicesForm(WagtailAdminModelForm):
    """Offers, and accepts, only the courses, quizzes and banks the user
    teaches, as the listings show only those: an instructor cannot file a
    category, a bank or extra time under someone else's course."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        narrowed = {
            "course": lambda: selectors.courses_taught_by(user),
            "assessment": lambda: selectors.assessments_taught_by(user),
            "bank": lambda: selectors.banks_for(user),
        }
        for name, queryset in narrowed.items():
            if name in self.fields:
                self.fields[name].queryset = queryset()  # type: ignore[attr-defined]
        if "learner" in self.fields:
            # Extra time is for the learners of the quiz's course: those of
            # the courses the user teaches until a quiz is chosen.
            courses = self._quiz_courses()
            if courses is None:
                courses = selectors.courses_taught_by(user)
            self.fields["learner"].queryset = selectors.learners_in(courses)  # type: ignore[attr-defined]

    def _quiz_courses(self):
        assessment = getattr(self.instance, "assessment", None)
        if self.instance.pk is None or assessment is None:
            return None
        return CoursePage.objects.filter(pk=assessment.get_parent().pk)

    def clean(self):
        cleaned = super().clean()
        assessment, learner = cleaned.get("assessment"), cleaned.get("learner")
        if assessment is not None and learner is not None:
            course = CoursePage.objects.filter(pk=assessment.get_parent().pk)
            if not selectors.learners_in(course).filter(pk=learner.pk).exists():
                self.add_error(
                    "learner", _("This learner is not enrolled in the quiz's course.")
                )
        return cleaned


def _plain(text: str) -> str:
    """Short answers are typed in a rich-text box; keep the words only."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text or "")).strip()


def _plural_count(points: Decimal) -> int:
    """The number ngettext chooses a plural form by (an integer): a whole
    number of points as it is, a fraction as a plural (2)."""
    return int(points) if points == points.to_integral_value() else 2


class GradeForm(forms.Form):
    """A mark: typed, or computed from the rubric when a level is chosen for
    each of its criteria (`grading.rubric_score`). Each error is shown once,
    beside its field."""

    score = forms.DecimalField(
        label=_("Score"), min_value=Decimal(0), decimal_places=3, max_digits=10
    )
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        help_text=_("Required when you change a grade that was already given."),
    )

    def __init__(
        self,
        *args,
        max_score: Decimal,
        needs_reason: bool,
        rubric: list[tuple[str, list]] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.max_score = max_score
        self.needs_reason = needs_reason
        self.rubric = rubric or []
        self.fields["score"].help_text = _("0 to %(max)s") % {
            "max": max_score.normalize()
        }
        for number, (criterion, levels) in enumerate(self.rubric, 1):
            self.fields[f"rubric_{number}"] = forms.TypedChoiceField(
                label=criterion,
                choices=[
                    (
                        str(level.pk),
                        ngettext(
                            "%(level)s (%(points)s point)",
                            "%(level)s (%(points)s points)",
                            _plural_count(level.points),
                        )
                        % {"level": level.level, "points": level.points.normalize()},
                    )
                    for level in levels
                ],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
        if self.rubric:
            self.fields["score"].required = False
            self.fields["score"].help_text = _(
                "0 to %(max)s. Leave it empty to take the rubric's score."
            ) % {"max": max_score.normalize()}

    def rubric_fields(self):
        return [self[f"rubric_{n}"] for n in range(1, len(self.rubric) + 1)]

    def other_fields(self):
        return [field for field in self if not field.name.startswith("rubric_")]

    def clean_score(self):
        score = self.cleaned_data["score"]
        if score is not None and score > self.max_score:
            raise forms.ValidationError(
                _("The score cannot be more than %(max)s.")
                % {"max": self.max_score.normalize()}
            )
        return score

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if self.needs_reason and not reason:
            raise forms.ValidationError(_("Say why you are changing this grade."))
        return reason

    def clean(self):
        cleaned = super().clean()
        if not self.rubric or "score" in self.errors:
            return cleaned
        chosen = [cleaned.get(f"rubric_{n}") for n in range(1, len(self.rubric) + 1)]
        if cleaned.get("score") is not None:
            return cleaned  # a typed score wins over the rubric
        missing = [n for n, pk in enumerate(chosen, 1) if pk is None]
        if missing:
            self.add_error(
                f"rubric_{missing[0]}",
                _("Choose a level for each criterion, or type the score."),
            )
            return cleaned
        points = []
        for pk, (_criterion, levels) in zip(chosen, self.rubric, strict=True):
            level = next((lv for lv in levels if lv.pk == pk), None)
            if level is None:
                self.add_error(None, _("Choose one of the levels shown."))
                return cleaned
            points.append(Fraction(level.points))
        score = rubric_score(
            points,
            [Fraction(max(lv.points for lv in levels)) for _c, levels in self.rubric],
            Fraction(self.max_score),
        )
        cleaned["score"] = Decimal(score.numerator) / Decimal(score.denominator)
        cleaned["score"] = cleaned["score"].quantize(Decimal("0.001"))
        return cleaned


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A choice by id; a number past the id column's range is an unknown
    choice (a page's id reaches the query through `page_ptr`, unchecked)."""

    def to_python(self, value):
        if value not in self.empty_values and bounded_int(str(value)) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class GradingFilterForm(forms.Form):
    """The grading queue's filters, kept in the address (?course=&quiz=) and
    carried through marking, so "save and next" stays in the same queue."""

    course = BoundedModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.none(),
        required=False,
        empty_label=_("All my courses"),
    )
    quiz = BoundedModelChoiceField(
        label=_("Quiz"),
        queryset=CoursePage.objects.none(),
        required=False,
        empty_label=_("All quizzes"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.courses_taught_by(user)  # type: ignore[attr-defined]
        self.fields["quiz"].queryset = selectors.assessments_taught_by(user)  # type: ignore[attr-defined]
        self.valid = self.is_valid()

    def _value(self, name: str):
        if not self.valid:
            return None
        return self.cleaned_data.get(name)

    def selection(self) -> dict:
        return {"course": self._value("course"), "quiz": self._value("quiz")}

    def query(self) -> str:
        """The filters as a query string ("" when none), for links."""
        params = {
            name: value.pk
            for name, value in self.selection().items()
            if value is not None
        }
        return "?" + urlencode(params) if params else ""


class ImportForm(forms.Form):
    """The upload: the file alone. The bank is chosen on the preview."""

    file = forms.FileField(
        label=_("File"), help_text=_("A GIFT (.txt, .gift) or Moodle XML (.xml) file.")
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("From the file name"))] + [(f, f) for f in FORMATS],
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.QUESTION_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _(
                    "This file is %(size)s; the largest file accepted is %(limit)s. "
                    "Split it into several files."
                )
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.QUESTION_IMPORT_MAX_BYTES),
                }
            )
        return upload


class ImportBankForm(forms.Form):
    """Where the previewed questions go: a bank the user may add to, or a new
    bank named on purpose (a name that exists is refused, never merged)."""

    EXISTING, NEW = "existing", "new"

    target = forms.ChoiceField(
        label=_("Import into"),
        choices=[
            (EXISTING, _("An existing bank")),
            (NEW, _("A new bank")),
        ],
        initial=EXISTING,
        widget=forms.RadioSelect,
    )
    bank = forms.ModelChoiceField(
        label=_("Existing bank"),
        queryset=QuestionBank.objects.none(),
        required=False,
        empty_label=_("Choose a bank"),
    )
    new_bank = forms.CharField(
        label=_("Name of the new bank"),
        max_length=200,
        required=False,
        help_text=_("Shared by every course until you attach it to one."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank"].queryset = selectors.banks_for(user)  # type: ignore[attr-defined]

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target == self.EXISTING and cleaned.get("bank") is None:
            self.add_error("bank", _("Choose the bank to import into."))
        if target == self.NEW:
            name = (cleaned.get("new_bank") or "").strip()
            if not name:
                self.add_error("new_bank", _("Give the new bank a name."))
            elif QuestionBank.objects.filter(name__iexact=name).exists():
                self.add_error(
                    "new_bank",
                    _(
                        "A bank named “%(name)s” already exists: choose it as an "
                        "existing bank, or give the new bank another name."
                    )
                    % {"name": name},
                )
            cleaned["new_bank"] = name
        return cleaned

    def bank_name(self) -> str:
        if self.cleaned_data["target"] == self.NEW:
            return self.cleaned_data["new_bank"]
        return self.cleaned_data["bank"].name


# Kinds whose answers have a text a learner reads (the others' is the key).
TRANSLATED_TEXT_KINDS = {
    Kind.SINGLE,
    Kind.MULTIPLE,
    Kind.TRUE_FALSE,
    Kind.MATCHING,
    Kind.ORDERING,
}


class QuestionTranslationForm(forms.Form):
    """A question's text in another language: its title, text and feedback,
    and each answer's text, feedback and (matching) match, each beside the
    original. Only what a learner reads: the accepted answers, credits and
    numbers stay the original's. `questions.services.translate_question`
    checks and cleans what is posted."""

    title = forms.CharField(
        label=_("Title"), max_length=TRANSLATION_TITLE_MAX, required=False
    )
    stem = forms.CharField(
        label=_("Question text"),
        max_length=TRANSLATION_TEXT_MAX,
        widget=CKEditor5Widget(),
    )
    general_feedback = forms.CharField(
        label=_("General feedback"),
        max_length=TRANSLATION_TEXT_MAX,
        required=False,
        widget=CKEditor5Widget(),
    )

    def __init__(
        self,
        *args,
        question: Question,
        answers: list[QuestionAnswer],
        existing: QuestionTranslation | None,
        **kwargs,
    ):
        if existing is not None and not (args and args[0] is not None):
            kwargs["initial"] = self.initial_from(existing, answers)
        super().__init__(*args, **kwargs)
        kind = Kind(question.kind)
        self.answers = answers
        self.fields["title"].help_text = _original(question.title)
        self.fields["stem"].help_text = _original(question.stem)
        self.fields["general_feedback"].help_text = _original(question.general_feedback)
        self.answer_rows: list[list[str]] = []
        for number, answer in enumerate(answers, 1):
            row = []
            if kind in TRANSLATED_TEXT_KINDS and (
                kind != Kind.MATCHING or answer.text.strip()
            ):
                row.append(f"answer_{number}_text")
                self.fields[row[-1]] = forms.CharField(
                    label=_("Answer %(number)d") % {"number": number},
                    max_length=TRANSLATION_ANSWER_TEXT_MAX,
                    required=False,
                    help_text=_original(answer.text),
                    # As in the question editor: choices, pairs and items
                    # are HTML, true/false labels plain.
                    widget=CKEditor5Widget()
                    if kind in HTML_ANSWER_KINDS
                    else forms.TextInput(),
                )
            if kind == Kind.MATCHING:
                row.append(f"answer_{number}_match")
                self.fields[row[-1]] = forms.CharField(
                    label=_("Match %(number)d") % {"number": number},
                    max_length=TRANSLATION_MATCH_MAX,
                    required=False,
                    help_text=_original(answer.match),
                )
            if kind not in (Kind.ESSAY, Kind.DESCRIPTION):
                row.append(f"answer_{number}_feedback")
                self.fields[row[-1]] = forms.CharField(
                    label=_("Feedback of answer %(number)d") % {"number": number},
                    max_length=TRANSLATION_ANSWER_TEXT_MAX,
                    required=False,
                    help_text=_original(answer.feedback),
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
            self.answer_rows.append(row)

    @staticmethod
    def initial_from(
        existing: QuestionTranslation, answers: list[QuestionAnswer]
    ) -> dict[str, str]:
        initial = {
            "title": existing.title,
            "stem": existing.stem,
            "general_feedback": existing.general_feedback,
        }
        for number, answer in enumerate(answers, 1):
            for name, value in existing.answers.get(f"a{answer.pk}", {}).items():
                initial[f"answer_{number}_{name}"] = value
        return initial

    def question_fields(self):
        return [self[name] for name in ("title", "stem", "general_feedback")]

    def answer_fields(self):
        """The answers' fields, a list of bound fields for each answer."""
        return [[self[name] for name in row] for row in self.answer_rows]

    def translation(self) -> dict:
        """The keyword arguments of `translate_question`."""
        data = self.cleaned_data
        return {
            "title": data.get("title", ""),
            "stem": data["stem"],
            "general_feedback": data.get("general_feedback", ""),
            "answers": [
                {
                    name: data.get(f"answer_{number}_{name}", "")
                    for name in ("text", "feedback", "match")
                    if f"answer_{number}_{name}" in self.fields
                }
                for number in range(1, len(self.answers) + 1)
            ],
        }


def _original(text: str) -> str:
    words = plain_text(text)
    if not words:
        return ""
    if len(words) > 200:
        words = words[:200] + "…"
    return gettext("Original: %(text)s") % {"text": words}
