"""What the report pages remember: reminders sent to learners at risk, members
removed from a cohort (so that re-adding them restores their enrolments), and
managers' subscriptions to a report delivered by e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_SUBJECT = 150
MAX_MESSAGE = 2000


class Reminder(models.Model):
    """A message a manager sent a learner about a course; the task worker
    e-mails it (sent_at), the learner's timeline in the reports shows it."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    subject = models.CharField(max_length=MAX_SUBJECT)
    message = models.TextField(max_length=MAX_MESSAGE)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["learner", "-created_at"])]

    def __str__(self) -> str:
        return self.subject


class MemberRemoval(models.Model):
    """A member taken out of a cohort, with the enrolments the removal
    released (kept, no longer tied to the cohort): restoring the member ties
    them to the cohort again."""

    cohort = models.ForeignKey(
        "enrollments.Cohort", on_delete=models.CASCADE, related_name="+"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    removed_at = models.DateTimeField()
    enrollment_ids = models.JSONField(default=list, blank=True)
    restored_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["cohort", "restored_at", "-removed_at"])]

    def __str__(self) -> str:
        return f"{self.learner_id} out of {self.cohort_id}"


class Subscription(models.Model):
    """A report e-mailed to a manager every week or month, as a CSV or XLSX
    attachment, built by the scheduled task (reports.tasks.send_subscriptions)."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Every week")
        MONTHLY = "monthly", _("Every month")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    report = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    format = models.CharField(max_length=4, choices=Format.choices)
    created_at = models.DateTimeField()
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"{self.report} ({self.frequency}, {self.format})"
