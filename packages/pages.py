"""What a package activity page (SCORM, cmi5) is in a course's outline: an
item under a course, with a summary and an estimated time. Abstract: each
kind adds the package it plays."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.pages import SitePage


class PackageActivityPage(SitePage, Page):
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=20
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @property
    def course(self):
        return self.get_parent().specific


def place_at_end[P: PackageActivityPage](page: P, course) -> P:
    """`page` live at the end of `course`'s outline."""
    course.add_child(instance=page)
    page.save_revision().publish()
    return page
