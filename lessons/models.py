"""Lessons: the reading, watching and doing inside a course.

A lesson knows its place in its course's outline (previous, next); whether a
learner may see it and what they have done is decided by higher layers.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import memo
from core.pages import SitePage
from courses import translations
from courses.models import CoursePage

from .blocks import lesson_blocks


class LessonPage(SitePage, Page):
    summary = models.CharField(max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(default=20)
    body = StreamField(lesson_blocks())

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    @property
    def course(self) -> CoursePage:
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        # A preview of a draft still shows where the lesson sits. The outline
        # and the course are shown by title and link only, so plain pages do
        # (the parent came with the routing): no query for their specific rows.
        def read() -> list[Page]:
            return list(self.get_siblings().filter(Q(live=True) | Q(pk=self.pk)))

        # A live lesson's place is the same for every reader: remembered under
        # the content version (core.memo); a preview reads it afresh.
        siblings = (
            memo.remember(("siblings", self.pk), read)
            if self.live and not getattr(request, "is_preview", False)
            else read()
        )
        position = next((i for i, p in enumerate(siblings) if p.pk == self.pk), 0)
        context["course"] = self.get_parent()
        context["previous_page"] = siblings[position - 1] if position > 0 else None
        context["next_page"] = (
            siblings[position + 1] if position + 1 < len(siblings) else None
        )
        context["position"] = position + 1
        context["outline_length"] = len(siblings)
        if request.user.is_authenticated and self.h5p_blocks():
            from .services import open_h5p_activities  # services import models

            # Launches and results are the original lesson's, whichever
            # language it is read in (`courses.translations`).
            context["h5p_launches"], context["h5p_results"] = open_h5p_activities(
                learner=request.user, lesson=translations.original(self)
            )
        return context

    def h5p_blocks(self) -> list:
        return [block.value for block in self.body if block.block_type == "h5p"]


# H5P: packages are validated whole (`lessons.h5p.validation`) before any of these
# rows or their files exist. Files live under MEDIA_ROOT/h5p/ (`lessons.h5p.storage`)
# and are served only from the content origin.


class H5PLibrary(models.Model):
    """One library in the shared store. Packages share it by machine name and
    major.minor. Replacing its files (a newer patch, or other bytes under the
    same version) changes every activity that uses it, so while any does it
    takes `upgrade_h5plibrary` (admins) and a confirmation naming them."""

    # Libraries refer to nothing an editor manages.
    wagtail_reference_index_ignore = True

    machine_name = models.CharField(max_length=255)
    major_version = models.PositiveIntegerField()
    minor_version = models.PositiveIntegerField()
    patch_version = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    runnable = models.BooleanField(default=False)
    # library.json as imported; the player reads the file, this is for the admin.
    metadata = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="h5p_library_unique_major_minor",
            )
        ]
        permissions = [
            (
                "upgrade_h5plibrary",
                "Can replace a shared H5P library used by activities",
            )
        ]
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")

    def __str__(self) -> str:
        return f"{self.machine_name} {self.version}"

    @property
    def version(self) -> str:
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PContent(models.Model):
    """One uploaded activity: its h5p.json and content/ folder, and the
    libraries it needs from the store."""

    # Public name of the content's files; unguessable so paths leak nothing.
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=255)
    main_library = models.ForeignKey(
        H5PLibrary, on_delete=models.PROTECT, related_name="+"
    )
    libraries = models.ManyToManyField(H5PLibrary, related_name="contents")
    h5p_json = models.JSONField(default=dict)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")

    def __str__(self) -> str:
        return self.title


class CompletionRule(models.TextChoices):
    NEVER = "never", _("Does not complete the lesson")
    COMPLETED = "completed", _("Completes the lesson when the activity is completed")
    PASSED = "passed", _("Completes the lesson when the activity is passed")


class H5PLaunch(models.Model):
    """One showing of an activity to a learner in a lesson. Its token is the
    only credential the content origin sees, and every statement is bound to it."""

    # Learner records link nothing an editor needs to see in "usage".
    wagtail_reference_index_ignore = True

    token = models.CharField(max_length=64, unique=True)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.PROTECT)
    lesson = models.ForeignKey(LessonPage, on_delete=models.PROTECT, related_name="+")
    # The block's settings when launched, so an edit mid-attempt changes nothing.
    completion_rule = models.CharField(
        max_length=12, choices=CompletionRule.choices, default=CompletionRule.NEVER
    )
    pass_mark = models.PositiveSmallIntegerField(default=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["learner", "content", "lesson"])]

    def __str__(self) -> str:
        return f"{self.content} for {self.learner} ({self.created_at:%Y-%m-%d})"


class H5PResult(models.Model):
    """Best and last score of a learner on an activity in a lesson. Reported by
    the browser: it may complete a lesson, never gate a certificate."""

    # Learner records link nothing an editor needs to see in "usage".
    wagtail_reference_index_ignore = True

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.PROTECT)
    lesson = models.ForeignKey(LessonPage, on_delete=models.PROTECT, related_name="+")
    last_raw = models.FloatField()
    last_max = models.FloatField()
    last_scaled = models.FloatField()
    best_scaled = models.FloatField()
    best_raw = models.FloatField()
    best_max = models.FloatField()
    completed_at = models.DateTimeField(null=True, blank=True)
    passed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "content", "lesson"], name="h5p_result_unique"
            ),
            models.CheckConstraint(
                condition=Q(last_raw__gte=0, last_raw__lte=models.F("last_max"))
                & Q(best_raw__gte=0, best_raw__lte=models.F("best_max"))
                & Q(best_scaled__gte=models.F("last_scaled")),
                name="h5p_result_scores_in_bounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content}: {self.last_raw:g}/{self.last_max:g}"


class H5PStatement(models.Model):
    """An accepted xAPI statement, kept as sent for export."""

    # Learner records link nothing an editor needs to see in "usage".
    wagtail_reference_index_ignore = True

    launch = models.ForeignKey(H5PLaunch, on_delete=models.CASCADE)
    verb = models.CharField(max_length=255)
    object_iri = models.CharField(max_length=1000)
    raw_score = models.FloatField(null=True, blank=True)
    max_score = models.FloatField(null=True, blank=True)
    # Recomputed on the server from raw/max; the browser's value is not used.
    scaled_score = models.FloatField(null=True, blank=True)
    statement = models.JSONField()
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(raw_score__isnull=True)
                | Q(
                    raw_score__gte=0,
                    max_score__gt=0,
                    raw_score__lte=models.F("max_score"),
                ),
                name="h5p_statement_score_in_bounds",
            )
        ]

    def __str__(self) -> str:
        return f"{self.verb.rsplit('/', 1)[-1]} {self.object_iri}"


class H5PState(models.Model):
    """What the player saves to resume where the learner left off."""

    # Learner records link nothing an editor needs to see in "usage".
    wagtail_reference_index_ignore = True

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE)
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    data_type = models.CharField(max_length=64, default="state")
    sub_content_id = models.CharField(max_length=64, default="0")
    data = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "content", "lesson", "data_type", "sub_content_id"],
                name="h5p_state_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.data_type} of {self.content}"
