"""Report exports built in the background. (The read API's tokens are
Wagtail's own `wagtail.models.APIToken`: hashed, shown once, revocable.)"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReportExport(models.Model):
    """A CSV or XLSX file of one report with its filters, built by a task with
    the requester's scope, downloadable by the requester only."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        PENDING = "pending", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    report = models.CharField(max_length=40)
    filters = models.JSONField(default=dict, blank=True)
    format = models.CharField(max_length=4, choices=Format.choices)
    requested_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    rows = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to="report-exports/", blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "-requested_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(file=""),
                name="report_export_ready_has_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.report}.{self.format} ({self.status})"

    @property
    def filename(self) -> str:
        stamp = self.requested_at.strftime("%Y%m%d-%H%M")
        suffix = "-".join(
            f"{key}-{value}" for key, value in sorted(self.filters.items())
        )
        return (
            f"ign-{self.report}{'-' + suffix if suffix else ''}-{stamp}.{self.format}"
        )
