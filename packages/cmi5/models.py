"""cmi5 courses: one uploaded course structure (its blocks and AUs) and the
files of its package. Validated whole (`packages.cmi5.validation`) before its
row or files exist; files live under MEDIA_ROOT/cmi5/<uuid>/ and are to be
served only from the content origin, as SCORM's are."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Cmi5Course(models.Model):
    # Public name of the package's files; unguessable so paths leak nothing.
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=255)
    # The course's IRI in its cmi5.xml: the activity id of its statements.
    course_iri = models.CharField(_("course IRI"), max_length=2048)
    # Language maps, as the course structure gives them.
    titles = models.JSONField(default=dict)
    descriptions = models.JSONField(default=dict)
    # Blocks: id, title, description, parents, objectives. AUs: id, title,
    # description, url, launch, external, move_on, mastery_score (a string or
    # null), launch_method, launch_parameters, entitlement_key, activity_type,
    # parents, objectives. In the course structure's order.
    blocks = models.JSONField(default=list)
    aus = models.JSONField(default=list)
    objectives = models.JSONField(default=dict)
    warnings = models.JSONField(default=list, blank=True)
    # False for a bare cmi5.xml whose AUs all live on other sites.
    zipped = models.BooleanField(default=True)
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
        ordering = ["title"]
        verbose_name = _("cmi5 course")
        verbose_name_plural = _("cmi5 courses")

    def __str__(self) -> str:
        return self.title
