"""What SCORM packages and cmi5 courses have in common once imported: a row
that names the files (under MEDIA_ROOT/<kind>/<uuid>/, served only from the
content origin) and says who uploaded them, stored together with the files
or not at all."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models, transaction
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from lessons.h5p import storage as h5p_storage


class StoredPackage(models.Model):
    # Public name of the package's files; unguessable so paths leak nothing.
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=255)
    # What the import said (sequencing not enforced, files left out...).
    warnings = models.JSONField(default=list, blank=True)
    file_count = models.PositiveIntegerField(default=0)
    total_bytes = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_warnings_display(self):
        """The admin's inspect view: one warning a line (as the import wrote
        them, in English), or a dash."""
        if not self.warnings:
            return "-"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((str(w),) for w in self.warnings)),
        )


def save_with_files(row: StoredPackage, target: Path, files: dict[str, bytes]) -> None:
    """Writes the files under `target`, then saves the row; on any failure
    the files go again, so nothing is left half stored."""
    try:
        if files:
            h5p_storage.write_tree(target, files)
        with transaction.atomic():
            row.save()
    except BaseException:
        h5p_storage.remove_tree(target)
        raise
