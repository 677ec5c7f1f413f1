"""The question bank: banks, categories, tags, questions and their answers,
and the jobs of large imports.

Contract: bank text is HTML cleaned with nh3 by the services
(`questions.services`) before it is stored; the models never clean (no side
effects in `save()`). A question's `version` changes only through
`services.bump_question_version`.

The tables keep the names they had when these models lived in `assessments`
(`db_table`): the move was a change of Django's state only, the data stayed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import Orderable
from wagtail.search import index

from courses.models import CoursePage

from .kinds import Kind

FRACTION_FIELD: dict[str, Any] = {
    "max_digits": 10,
    "decimal_places": 7,
    "validators": [MinValueValidator(Decimal(-1)), MaxValueValidator(Decimal(1))],
}


# django-stubs cannot see the manager ClusterableModel gives Question.
class QuestionBank(models.Model):  # type: ignore[django-manager-missing]
    """A named collection of questions, for one course or shared by all."""

    name = models.CharField(max_length=200, unique=True)
    course = models.ForeignKey(
        CoursePage,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="question_banks",
        help_text=_("Leave empty for a bank every course may draw from."),
    )
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "assessments_questionbank"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Category(models.Model):  # type: ignore[django-manager-missing]
    """A folder of questions in a bank; `path` is "Parent/Child" so a random
    slot can draw from a category and everything below it with one prefix."""

    bank = models.ForeignKey(
        QuestionBank, on_delete=models.CASCADE, related_name="categories"
    )
    path = models.CharField(
        max_length=500, help_text=_('Nested with "/": "CIMIC/Basics".')
    )

    class Meta:
        db_table = "assessments_category"
        ordering = ["bank__name", "path"]
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "path"], name="category_unique_path"
            ),
            models.CheckConstraint(
                condition=~Q(path=""), name="category_path_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bank.name}: {self.path.replace('/', ' / ')}"


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "questions.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        db_table = "assessments_questiontag"


class QuestionQuerySet(models.QuerySet["Question"]):
    def in_category(self, category: Category):
        """The category and all categories nested below it."""
        return self.filter(
            Q(category=category)
            | Q(
                category__bank=category.bank,
                category__path__startswith=category.path + "/",
            )
        )

    def drawable(self):
        """Questions a random slot may draw (descriptions carry no marks)."""
        return self.exclude(kind=Kind.DESCRIPTION)


class Question(index.Indexed, ClusterableModel):
    class KindChoices(models.TextChoices):
        SINGLE = Kind.SINGLE, _("Single choice")
        MULTIPLE = Kind.MULTIPLE, _("Multiple response")
        TRUE_FALSE = Kind.TRUE_FALSE, _("True/false")
        SHORT_ANSWER = Kind.SHORT_ANSWER, _("Short answer")
        NUMERIC = Kind.NUMERIC, _("Numeric")
        MATCHING = Kind.MATCHING, _("Matching")
        ORDERING = Kind.ORDERING, _("Ordering")
        GAP_FILL = Kind.GAP_FILL, _("Fill in the blanks")
        ESSAY = Kind.ESSAY, _("Essay (graded by hand)")
        DESCRIPTION = Kind.DESCRIPTION, _("Description (text only)")

    bank = models.ForeignKey(
        QuestionBank, on_delete=models.CASCADE, related_name="questions"
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(max_length=20, choices=KindChoices.choices)
    title = models.CharField(max_length=255)
    idnumber = models.CharField(
        _("ID number"),
        max_length=100,
        blank=True,
        help_text=_("Optional, unique in the bank."),
    )
    stem = models.TextField(
        _("Question text"),
        help_text=_("For fill in the blanks, mark gap N as {{N}} (from {{1}})."),
    )
    general_feedback = models.TextField(blank=True)
    default_mark = models.DecimalField(
        max_digits=7,
        decimal_places=3,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    case_sensitive = models.BooleanField(
        default=False, help_text=_("Short answers and gaps: letter case must match.")
    )
    shuffle_options = models.BooleanField(
        default=True, help_text=_("Shuffle choices when the quiz shuffles options.")
    )
    # Bumped by every edit that changes what is right; regrading compares it.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    tags = ClusterTaggableManager(through=QuestionTag, blank=True)

    objects = QuestionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("bank"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("default_mark")]),
        FieldPanel("title"),
        FieldPanel("stem", widget=CKEditor5Widget()),
        InlinePanel(
            "answers",
            heading=_("Answers"),
            label=_("Answer"),
            help_text=_(
                "Choices and true/false: the text and its credit (-100 % to 100 %). "
                "Short answer: each accepted answer (* is a wildcard). Numeric: a "
                "value with a tolerance, or a minimum and maximum. Matching: the "
                "prompt and its match. Ordering: the items in the right order. "
                "Fill in the blanks: accepted answers with their gap number."
            ),
        ),
        FieldPanel("general_feedback", widget=CKEditor5Widget()),
        InlinePanel(
            "rubric_levels",
            heading=_("Rubric (essays)"),
            label=_("Rubric level"),
            help_text=_(
                "Essays only: each criterion's levels with their points (one row "
                "a level, the same criterion name on each of its rows). The grader "
                "picks a level for each criterion; the score is their points, "
                "scaled to the slot's mark."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("idnumber"),
                FieldPanel("tags"),
                FieldRowPanel(
                    [FieldPanel("case_sensitive"), FieldPanel("shuffle_options")]
                ),
            ],
            heading=_("Options"),
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("stem"),
        index.AutocompleteField("title"),
        index.FilterField("bank_id"),
        index.FilterField("kind"),
    ]

    class Meta:
        db_table = "assessments_question"
        ordering = ["bank__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "idnumber"],
                condition=~Q(idnumber=""),
                name="question_unique_idnumber_in_bank",
            ),
            models.CheckConstraint(
                condition=Q(default_mark__gte=0), name="question_mark_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class QuestionAnswer(Orderable):
    """One option, accepted answer, numeric answer, matching pair or item; which
    fields matter depends on the question's kind (see `Question.panels`)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True)
    fraction = models.DecimalField(
        _("credit"),
        default=Decimal(0),
        help_text=_("1 = full marks, -0.5 = minus half."),
        **FRACTION_FIELD,
    )
    feedback = models.TextField(blank=True)
    match = models.CharField(max_length=255, blank=True, help_text=_("Matching only."))
    gap = models.PositiveSmallIntegerField(
        default=0,
        help_text=_("Fill in the blanks: the gap (1, 2, …) this answer fills."),
    )
    value = models.DecimalField(max_digits=20, decimal_places=7, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=20,
        decimal_places=7,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    minimum = models.DecimalField(
        max_digits=20, decimal_places=7, null=True, blank=True
    )
    maximum = models.DecimalField(
        max_digits=20, decimal_places=7, null=True, blank=True
    )

    panels = [
        FieldPanel("text", widget=CKEditor5Widget()),
        FieldRowPanel([FieldPanel("fraction"), FieldPanel("gap"), FieldPanel("match")]),
        FieldRowPanel(
            [
                FieldPanel("value"),
                FieldPanel("tolerance"),
                FieldPanel("minimum"),
                FieldPanel("maximum"),
            ]
        ),
        FieldPanel("feedback"),
    ]

    class Meta(Orderable.Meta):
        db_table = "assessments_questionanswer"
        constraints = [
            models.CheckConstraint(
                condition=Q(fraction__gte=-1) & Q(fraction__lte=1),
                name="answer_fraction_in_range",
            ),
            models.CheckConstraint(
                condition=Q(minimum__isnull=True)
                | Q(maximum__isnull=True)
                | Q(minimum__lte=models.F("maximum")),
                name="answer_range_ordered",
            ),
        ]


class RubricLevel(Orderable):
    """One level of one criterion of an essay's rubric: rows with the same
    `criterion` are that criterion's levels, in their order."""

    question = ParentalKey(
        Question, on_delete=models.CASCADE, related_name="rubric_levels"
    )
    criterion = models.CharField(_("criterion"), max_length=200)
    level = models.CharField(_("level"), max_length=200)
    points = models.DecimalField(
        _("points"),
        max_digits=7,
        decimal_places=3,
        validators=[MinValueValidator(Decimal(0))],
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("criterion"), FieldPanel("level"), FieldPanel("points")]
        ),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(points__gte=0), name="rubric_points_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.level} ({self.points})"


class QuestionImport(models.Model):
    """A question file too large to import inside the request, imported by a
    task. Its bytes are kept only until the task has read them; what the
    import did (the summary, its errors) stays for the uploader to read."""

    class Status(models.TextChoices):
        # Uploaded and read; waits for the uploader to choose the bank.
        PREVIEW = "preview", _("Waiting for your confirmation")
        QUEUED = "queued", _("Waiting to start")
        READING = "reading", _("Reading the file")
        STORING = "storing", _("Storing the questions")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Stopped by an unexpected error")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    bank_name = models.CharField(max_length=200)
    format = models.CharField(max_length=20)
    dry_run = models.BooleanField(default=False)
    # Emptied when the task has read it: the file is not kept.
    data = models.BinaryField(default=bytes, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    # The questions this import stored, for its result page's links.
    question_ids = models.JSONField(default=list, blank=True)
    questions_found = models.PositiveIntegerField(null=True, blank=True)
    # ImportSummary.as_json(), its errors kept translatable (bank.dump_message).
    summary = models.JSONField(default=dict)

    class Meta:
        db_table = "assessments_questionimport"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"Import of {self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in (
            self.Status.QUEUED,
            self.Status.READING,
            self.Status.STORING,
        )


# Bounds of a translation's texts (the original's columns are unbounded text;
# a translation is typed in one form, so it gets limits a form can state).
TRANSLATION_TITLE_MAX = 255
TRANSLATION_TEXT_MAX = 20_000
TRANSLATION_ANSWER_TEXT_MAX = 5_000
TRANSLATION_MATCH_MAX = 255


def translation_languages() -> list[tuple[str, str]]:
    """The languages a question may be translated into: every site language
    but the default one, which the original is written in."""
    return [
        (code, name)
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def language_name(code: str) -> str:
    """The name of language `code` in the reader's language, as it reads
    inside a sentence ("French version", « version en français »: French
    writes language names in lower case)."""
    name = str(translation.get_language_info(code)["name_translated"])
    if (translation.get_language() or "").startswith("fr"):
        return name.lower()
    return name


class QuestionTranslation(models.Model):
    """A question's text in another language: title, stem, general feedback,
    and for each answer (keyed "a<pk>", as in snapshots) its text, feedback
    and matching target. Only what a learner reads: ids, credits, accepted
    answers of short answers and gaps, numbers stay the original's, so a
    translation never changes grading and never bumps the version. Written
    by `questions.services.translate_question` only (cleaned there)."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(max_length=10, choices=translation_languages)
    title = models.CharField(max_length=TRANSLATION_TITLE_MAX, blank=True)
    stem = models.TextField(_("Question text"))
    general_feedback = models.TextField(blank=True)
    # {"a12": {"text": "…", "feedback": "…", "match": "…"}}: only the keys
    # given; a missing key reads the original's.
    answers = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "questions_questiontranslation"
        ordering = ["question_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "language"],
                name="question_translation_unique_language",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} ({self.language})"
