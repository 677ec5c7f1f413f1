"""Files built in the background for the user who asked: a report's CSV or
XLSX, a ZIP of certificate PDFs. One model whatever the kind; the kind (see
`registry`) says what its `params` mean and writes the file.

States: queued → running → done, or failed with the reason in `error`. Each
move is a conditional update (`services`), so a duplicate task builds nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Export(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # A name in `registry.KINDS`: "report", "certificates".
    kind = models.CharField(max_length=40)
    # What to build, as the kind reads it (a report's name, filters, format; a
    # course and cohort id): checked when asked, read again when built.
    params = models.JSONField(default=dict, blank=True)
    # What the lists show and the file is called, fixed when asked.
    label = models.CharField(max_length=255, blank=True)
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Rows of a report, PDFs of a ZIP.
    items = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    # Exports made before this app keep their files where they were
    # (report-exports/, certificate-exports/).
    file = models.FileField(upload_to="exports/", max_length=255, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(
                fields=["requested_by", "kind", "-requested_at"],
                name="export_of_user_by_kind",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(file=""),
                name="export_done_has_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label or self.filename} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
