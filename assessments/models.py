"""Assessments: the question bank, quizzes (AssessmentPage) and attempts.

Contract:
- Bank text is HTML cleaned with nh3 by the services before it is stored; the
  models never clean (no side effects in `save()`).
- An attempt freezes the questions it drew into `questions_snapshot` when it
  starts (see docs/snapshot.md); grading and review read only the snapshot,
  which is never rewritten: a regrade appends a `RegradeEntry` per response.
- State transitions of an attempt are conditional updates in the services; the
  constraints below keep one attempt in progress per learner and quiz.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import SitePage
from courses import translations
from courses.models import CoursePage
from home.blocks import RICH_TEXT_FEATURES
from questions.kinds import Kind
from questions.models import (
    Category,
    Question,
)

FRACTION_FIELD: dict[str, Any] = {
    "max_digits": 10,
    "decimal_places": 7,
    "validators": [MinValueValidator(Decimal(-1)), MaxValueValidator(Decimal(1))],
}
SCORE_FIELD: dict[str, Any] = {"max_digits": 12, "decimal_places": 7}
# The most questions one random slot may draw.
SLOT_COUNT_MAX = 200


# --- Quizzes ---------------------------------------------------------------


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Highest attempt")
    LAST = "last", _("Last attempt")
    FIRST = "first", _("First attempt")
    AVERAGE = "average", _("Average of attempts")


class ReviewWhen(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately after submitting")
    AFTER_CLOSE = "after_close", _("After the quiz closes")
    NEVER = "never", _("Never")


class Layout(models.TextChoices):
    ALL = "all", _("All questions on one page")
    ONE_PER_PAGE = "one_per_page", _("One question per page")


class AssessmentPage(SitePage, RoutablePageMixin, Page):
    """A quiz in a course's outline. Its routes (start, take, submit, review)
    live in `assessments.views`; this class holds the settings."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    pass_mark = models.DecimalField(
        _("pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(50),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Leave empty for unlimited attempts.")
    )
    grading_method = models.CharField(
        max_length=10, choices=GradingMethod.choices, default=GradingMethod.HIGHEST
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit."),
    )
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    shuffle_questions = models.BooleanField(default=False)
    shuffle_options = models.BooleanField(default=True)
    layout = models.CharField(max_length=20, choices=Layout.choices, default=Layout.ALL)
    review_when = models.CharField(
        max_length=20, choices=ReviewWhen.choices, default=ReviewWhen.IMMEDIATELY
    )
    review_show_score = models.BooleanField(_("show the score"), default=True)
    review_show_correct = models.BooleanField(_("show correct answers"), default=True)
    review_show_feedback = models.BooleanField(_("show feedback"), default=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "slots", heading=_("Questions"), label=_("Question slot"), min_num=1
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("pass_mark"), FieldPanel("attempts_allowed")]
                ),
                FieldRowPanel([FieldPanel("grading_method"), FieldPanel("layout")]),
                FieldRowPanel(
                    [FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]
                ),
            ],
            heading=_("Grading and layout"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("time_limit_minutes"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Timing"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_when"),
                FieldRowPanel(
                    [
                        FieldPanel("review_show_score"),
                        FieldPanel("review_show_correct"),
                        FieldPanel("review_show_feedback"),
                    ]
                ),
            ],
            heading=_("Review after submitting"),
        ),
    ] + Page.settings_panels
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("quiz")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="assessment_closes_after_opening",
            ),
        ]

    @property
    def course(self) -> CoursePage:
        return self.get_parent().specific

    def is_open(self, now) -> bool:
        return (self.opens_at is None or now >= self.opens_at) and (
            self.closes_at is None or now < self.closes_at
        )

    # Routes. The handlers live in views.py, which imports this module, hence
    # the imports inside the methods.
    @path("")
    def overview(self, request):
        from . import views

        return views.overview(request, self)

    @path("start/")
    def start(self, request):
        from . import views

        return views.start(request, self)

    @path("attempt/<id:number>/")
    def take(self, request, number):
        from . import views

        return views.take(request, self, number)

    @path("attempt/<id:number>/save/", name="save")
    def save_answers(self, request, number):
        from . import views

        return views.save(request, self, number)

    @path("attempt/<id:number>/summary/")
    def summary(self, request, number):
        from . import views

        return views.summary(request, self, number)

    @path("attempt/<id:number>/submit/")
    def submit(self, request, number):
        from . import views

        return views.submit(request, self, number)

    @path("attempt/<id:number>/confirm/", name="confirm")
    def confirm(self, request, number):
        from . import views

        return views.confirm(request, self, number)

    @path("attempt/<id:number>/status/", name="status")
    def attempt_status(self, request, number):
        from . import views

        return views.status(request, self, number)

    @path("attempt/<id:number>/review/")
    def review(self, request, number):
        from . import views

        return views.review(request, self, number)


class AssessmentSlot(Orderable):
    """A place in the quiz: a fixed question, or `count` questions drawn at
    random from a category (and its sub-categories) and/or a tag."""

    class Source(models.TextChoices):
        QUESTION = "question", _("A fixed question")
        RANDOM = "random", _("Questions drawn at random")

    page = ParentalKey(AssessmentPage, on_delete=models.CASCADE, related_name="slots")
    # Which fields apply: the question, or category/tag and count. The admin
    # shows only those (static/js/quiz-slots.js); `clean` refuses a mix.
    source = models.CharField(
        _("kind of slot"),
        max_length=10,
        choices=Source.choices,
        default=Source.QUESTION,
    )
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Random: draw from this category and the ones below it."),
    )
    tag = models.CharField(
        _("tag"),
        max_length=100,
        blank=True,
        help_text=_("Random: only questions with this tag."),
    )
    count = models.PositiveSmallIntegerField(
        _("how many"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(SLOT_COUNT_MAX)],
        help_text=_("Random: how many questions to draw."),
    )
    mark = models.DecimalField(
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Empty: the question's default mark."),
    )

    panels = [
        FieldPanel("source", widget=forms.RadioSelect, classname="slot-source"),
        FieldPanel("question", classname="slot-fixed"),
        FieldPanel("category", classname="slot-random"),
        FieldPanel("tag", classname="slot-random"),
        FieldPanel(
            "count",
            widget=forms.NumberInput(
                attrs={"min": 1, "max": SLOT_COUNT_MAX, "class": "slot-count"}
            ),
            classname="slot-random",
        ),
        FieldPanel("mark"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False)
                | Q(category__isnull=False)
                | ~Q(tag=""),
                name="slot_has_a_source",
            ),
            models.CheckConstraint(
                condition=Q(count__gte=1), name="slot_count_positive"
            ),
        ]

    @property
    def is_random(self) -> bool:
        return self.question_id is None

    def clean(self) -> None:
        """A slot holds the fields of its kind only: a fixed question takes no
        category or tag, a random slot no question."""
        errors: dict[str, Any] = {}
        if self.source == self.Source.RANDOM:
            if self.question_id is not None:
                errors["question"] = _(
                    "A random slot draws its questions: remove the fixed question, "
                    "or make this slot a fixed question."
                )
            if self.category_id is None and not self.tag.strip():
                errors["category"] = _(
                    "Choose a category or a tag to draw the questions from."
                )
        else:
            if self.question_id is None:
                errors["question"] = _("Choose the question of this slot.")
            if self.category_id is not None:
                errors["category"] = _(
                    "A fixed question takes no category: remove it, or make this "
                    "slot random."
                )
            if self.tag.strip():
                errors["tag"] = _(
                    "A fixed question takes no tag: remove it, or make this slot "
                    "random."
                )
            self.count = 1
        if errors:
            raise ValidationError(errors)


class ExtraTime(models.Model):
    """An accommodation: more time for one learner on one quiz."""

    assessment = models.ForeignKey(
        AssessmentPage, on_delete=models.CASCADE, related_name="extra_times"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    minutes = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = _("extra time")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "learner"], name="extra_time_once_per_learner"
            )
        ]

    def __str__(self) -> str:
        return f"+{self.minutes} min for {self.learner} on {self.assessment}"

    def clean(self) -> None:
        # Granted on a quiz's translation, it is the original's, which holds
        # the attempts (`courses.translations`); before the uniqueness check.
        if self.assessment_id is not None:
            self.assessment = translations.original(self.assessment)


# --- Attempts ----------------------------------------------------------------


class AttemptQuerySet(models.QuerySet["Attempt"]):
    def final(self):
        """Attempts whose score counts (graded, nothing left to mark by hand)."""
        return self.filter(status=Attempt.Status.GRADED)

    def expired(self, now):
        return self.filter(
            status=Attempt.Status.IN_PROGRESS,
            deadline_at__isnull=False,
            deadline_at__lte=now,
        )


class Attempt(models.Model):
    # Learner records link nothing an editor needs to see in "usage"; keeping
    # them out of Wagtail's reference index saves queries on every write.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted, being graded")
        NEEDS_REVIEW = "needs_review", _("Waiting for the instructor")
        GRADED = "graded", _("Graded")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    assessment = models.ForeignKey(
        AssessmentPage, on_delete=models.PROTECT, related_name="attempts"
    )
    # 1 for the first attempt; "attempts allowed" counts these.
    number = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField()
    # Fixed at start (time limit + extra time, capped by the close date), so a
    # later edit of the quiz never shortens a running attempt.
    deadline_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    # True when the server submitted it at the deadline.
    auto_submitted = models.BooleanField(default=False)
    # Automatic gradings applied to this attempt: raised by the same conditional
    # update that moves it out of `submitted`, so it is 1 once graded whatever
    # the duplicate tasks, retries or reconciler re-enqueues (the reliability
    # tests check it).
    times_graded = models.PositiveSmallIntegerField(default=0)
    # True from the moment the grade becomes final until enrolments have counted
    # it towards the course's completion (set in the same update as the grade,
    # cleared by `enrollments.tasks.update_completion_after_attempts`): a worker
    # killed in between leaves it set, and the completion reconciler
    # (`enrollments.tasks.requeue_pending_completions`) enqueues it again.
    completion_pending = models.BooleanField(default=False)
    score = models.DecimalField(null=True, blank=True, **SCORE_FIELD)
    max_score = models.DecimalField(default=Decimal(0), **SCORE_FIELD)
    percent = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    # Exactly what was asked: see docs/snapshot.md. Review and regrade use it.
    questions_snapshot = models.JSONField(default=list)
    # Reproduces the draw and the shuffles of this attempt.
    seed = models.BigIntegerField()
    # The language the learner reads the quiz in (the snapshot's texts are in
    # it where the questions have a translation); grading does not read it.
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["assessment_id", "learner_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "assessment", "number"],
                name="attempt_unique_number",
            ),
            models.UniqueConstraint(
                fields=["learner", "assessment"],
                condition=Q(status="in_progress"),
                name="attempt_one_in_progress",
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "deadline_at"], name="attempt_status_deadline"
            ),
            models.Index(
                fields=["status", "submitted_at"], name="attempt_status_submitted"
            ),
            # Reports: "failed twice" groups graded attempts by learner and quiz
            # from this index alone; a quiz's statistics read its graded ones.
            models.Index(
                fields=["status", "learner", "assessment", "passed"],
                name="attempt_status_learner",
            ),
            models.Index(
                fields=["assessment", "status"], name="attempt_assessment_status"
            ),
            # The completion reconciler reads only the few attempts pending.
            models.Index(
                fields=["graded_at"],
                condition=Q(completion_pending=True),
                name="attempt_completion_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.assessment} · attempt {self.number}"

    def seconds_left(self, now) -> int | None:
        if self.deadline_at is None:
            return None
        # Rounded up, so the page's timer never ends before the server's.
        return max(0, math.ceil((self.deadline_at - now).total_seconds()))


# The longest text a learner may give, in characters, by question type (for a
# gap-fill, each gap). The page shows them (maxlength and a counter) and the
# server refuses more, never cuts. A line break counts one, as in the browser.
ANSWER_MAX_CHARS = {
    Kind.SHORT_ANSWER: 500,
    Kind.NUMERIC: 100,
    Kind.GAP_FILL: 200,
    Kind.ESSAY: 20_000,
}


class Response(models.Model):
    """The learner's answer to one slot of one attempt, and its grade."""

    # Learner records link nothing an editor needs to see in "usage"; keeping
    # them out of Wagtail's reference index saves queries on every write.
    wagtail_reference_index_ignore = True

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="responses"
    )
    slot = models.PositiveSmallIntegerField()
    # Which bank question was asked, so a regrade finds its attempts by index.
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    answer = models.JSONField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(null=True, blank=True, **SCORE_FIELD)
    max_score = models.DecimalField(default=Decimal(0), **SCORE_FIELD)
    feedback = models.TextField(blank=True)
    needs_review = models.BooleanField(default=False)
    # The learner marked the question to come back to before submitting.
    flagged = models.BooleanField(default=False)
    comment = models.TextField(blank=True, help_text=_("The instructor's comment."))
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt_id", "slot"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "slot"], name="response_unique_slot"
            ),
        ]
        indexes = [
            models.Index(fields=["needs_review", "attempt"], name="response_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · question {self.slot}"


class GradeChange(models.Model):
    """Audit of every score a person set or changed by hand, and every regrade."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Graded by hand")
        OVERRIDE = "override", _("Override")
        REGRADE = "regrade", _("Regrade")

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="changes"
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField()
    old_score = models.DecimalField(null=True, blank=True, **SCORE_FIELD)
    new_score = models.DecimalField(**SCORE_FIELD)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.response}: {self.old_score} → {self.new_score}"


class Regrade(models.Model):
    """A regrade of every attempt that asked one question, after its key changed.
    It is planned first (a dry run listing what would change), then applied."""

    class Status(models.TextChoices):
        PLANNING = "planning", _("Working out what would change")
        PLANNED = "planned", _("Dry run ready")
        APPLYING = "applying", _("Applying")
        APPLIED = "applied", _("Applied")
        FAILED = "failed", _("Failed")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="regrades"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PLANNING
    )
    question_version = models.PositiveIntegerField()
    attempts_checked = models.PositiveIntegerField(default=0)
    # Attempts that asked the question outside the requester's courses (a
    # shared bank): neither planned nor applied, only counted for the report.
    attempts_left_out = models.PositiveIntegerField(default=0)
    # [{"attempt": id, "learner": str, "old": "1.5", "new": "2"}] for changed ones.
    changes = models.JSONField(default=list)
    # The corrected question as applied (`snapshots.canonical_entry`: snapshot
    # format, author's order, with its version), written when applying
    # starts; each attempt's slot under it is `snapshots.rekey(seen, key)`.
    key = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Regrade of {self.question} ({self.get_status_display()})"


class RegradeEntry(models.Model):
    """One line of a response's regrade history, appended when a regrade is
    applied: the question version it was graded against before and after (the
    new key itself is the regrade's `key`), the score before and after, who and
    when. The snapshot stays what the learner saw; the latest line's regrade
    holds the key in effect (`selectors.regraded_keys`)."""

    wagtail_reference_index_ignore = True

    regrade = models.ForeignKey(
        Regrade, on_delete=models.CASCADE, related_name="entries"
    )
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="regrades"
    )
    # None for a snapshot taken before entries carried their version.
    old_version = models.PositiveIntegerField(null=True, blank=True)
    new_version = models.PositiveIntegerField()
    old_score = models.DecimalField(null=True, blank=True, **SCORE_FIELD)
    new_score = models.DecimalField(null=True, blank=True, **SCORE_FIELD)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["response_id", "pk"]

    def __str__(self) -> str:
        return f"{self.response}: {self.old_score} → {self.new_score}"


class DrawVersion(models.Model):
    """One row, bumped in the transaction that changes anything a quiz draws
    (questions, their options, categories, banks, tags, a quiz's slots and
    settings: `receivers`): the draw (`services.draw_questions`) caches its
    slots and questions under it (`core.versions`). The catalog's page cache
    has its own version, so neither empties the other."""

    SINGLETON = 1

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="draw_version_single_row"
            )
        ]

    def __str__(self) -> str:
        return f"draw version {self.value}"
