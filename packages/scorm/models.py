"""SCORM packages, the page that places one in a course, and each learner's
attempts with the run-time data of every SCO.

A package is validated whole (`packages.scorm.validation`) before its row or
files exist. Files live under MEDIA_ROOT/scorm/<uuid>/ and are served only from
the content origin (`packages.scorm.views`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from packages.pages import PackageActivityPage
from packages.stored import StoredPackage


class ScormVersion(models.TextChoices):
    SCORM_12 = "1.2", "SCORM 1.2"
    SCORM_2004_2 = "2004 2nd Edition", "SCORM 2004 2nd Edition"
    SCORM_2004_3 = "2004 3rd Edition", "SCORM 2004 3rd Edition"
    SCORM_2004_4 = "2004 4th Edition", "SCORM 2004 4th Edition"


class ScormPackage(StoredPackage):  # type: ignore[django-manager-missing]
    """One uploaded package: its files and the organisation it launches."""

    version = models.CharField(
        _("SCORM version"), max_length=20, choices=ScormVersion.choices
    )
    identifier = models.CharField(max_length=255, blank=True)
    organization = models.CharField(max_length=255, blank=True)
    # The organisation's launchable items, in order: identifier, title, launch,
    # is_sco, depth, visible, mastery_score, data_from_lms.
    items = models.JSONField(default=list)
    # SCORM 2004 sequencing as scorm-again's engine takes it (activity tree,
    # rules, objectives, collections): `packages.scorm.sequencing`. Null: the
    # package declares none, and its SCOs open in any order.
    sequencing = models.JSONField(null=True, blank=True)

    class Meta(StoredPackage.Meta):
        verbose_name = _("SCORM package")
        verbose_name_plural = _("SCORM packages")

    @property
    def is_2004(self) -> bool:
        return self.version.startswith("2004")

    def scos(self) -> list[dict]:
        """The SCOs whose state rolls up to the activity: visible ones."""
        return [i for i in self.items if i.get("is_sco") and i.get("visible", True)]

    def item(self, identifier: str) -> dict | None:
        return next((i for i in self.items if i["identifier"] == identifier), None)


class ScormActivityPage(PackageActivityPage):
    """A SCORM package as an item of a course's outline, beside lessons and
    quizzes."""

    package = models.ForeignKey(
        ScormPackage,
        verbose_name=_("SCORM package"),
        on_delete=models.PROTECT,
        related_name="activities",
    )

    content_panels = PackageActivityPage.content_panels + [FieldPanel("package")]
    template = "packages/scorm_activity_page.html"

    class Meta:
        verbose_name = _("SCORM activity")
        verbose_name_plural = _("SCORM activities")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .services import player_context  # services import models

        context.update(player_context(self, request))
        return context


class ScormAttempt(models.Model):
    """A learner's attempt at an activity: the rollup of its SCOs."""

    # Learner records link nothing an editor needs to see in "usage".
    wagtail_reference_index_ignore = True

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    activity = models.ForeignKey(
        ScormActivityPage, on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(default=1)
    completion_status = models.CharField(max_length=20, default="not attempted")
    success_status = models.CharField(max_length=20, default="unknown")
    # Mean of the SCOs' scaled scores (0..1 here; negative scores count 0).
    score_scaled = models.FloatField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # scorm-again's sequencing state (activity tree statuses, global
    # objectives, current activity), opaque and bounded: what the next launch
    # restores so the engine's decisions carry across SCOs and devices.
    sequencing_state = models.TextField(blank=True)
    # The engine's rollup of the whole package ({"completion", "success"}):
    # when known, it decides the attempt's completion and success instead of
    # "every SCO completed" (a sequenced package's own rollup rules).
    sequencing_root = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "activity", "number"], name="scorm_attempt_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(score_scaled__isnull=True)
                | models.Q(score_scaled__gte=0, score_scaled__lte=1),
                name="scorm_attempt_score_in_bounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} #{self.number} ({self.completion_status})"


class ScormRuntime(models.Model):
    """The run-time data model of one SCO in one attempt, as last committed:
    what the SCO finds again when the learner comes back, on any device."""

    wagtail_reference_index_ignore = True

    attempt = models.ForeignKey(
        ScormAttempt, on_delete=models.CASCADE, related_name="runtimes"
    )
    item = models.CharField(max_length=255)
    # Every stored element, flat ("cmi.core.lesson_location": "3"), interactions
    # and objectives included: what the player loads to resume.
    cmi = models.JSONField(default=dict)
    completion_status = models.CharField(max_length=20, default="not attempted")
    success_status = models.CharField(max_length=20, default="unknown")
    score_raw = models.FloatField(null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    total_seconds = models.FloatField(default=0)
    commits = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "item"], name="scorm_runtime_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.completion_status}"
