"""Lessons: the reading, watching and doing inside a course.

A lesson knows its place in its course's outline (previous, next); whether a
learner may see it and what they have done is decided by higher layers.
"""

from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.models import CoursePage

from .blocks import lesson_blocks


class LessonPage(Page):
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
        # A preview of a draft still shows where the lesson sits.
        siblings = list(
            self.get_siblings().filter(Q(live=True) | Q(pk=self.pk)).specific()
        )
        position = next((i for i, p in enumerate(siblings) if p.pk == self.pk), 0)
        context["course"] = self.course
        context["previous_page"] = siblings[position - 1] if position > 0 else None
        context["next_page"] = (
            siblings[position + 1] if position + 1 < len(siblings) else None
        )
        context["position"] = position + 1
        context["outline_length"] = len(siblings)
        return context
