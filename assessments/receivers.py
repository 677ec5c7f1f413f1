"""Every change to what a quiz draws bumps the content version in its own
transaction (`courses.page_cache`), so the slots and questions that
`services.draw_questions` keeps in the cache under that version are never
read stale: saves and deletes of questions, their options, categories, banks,
tags and quiz slots (a quiz's own settings come with its page, whose saves
bump it already)."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag

from courses.page_cache import bump_content_version
from questions.models import (
    Category,
    Question,
    QuestionAnswer,
    QuestionBank,
    QuestionTag,
)

from .models import AssessmentSlot

DRAWN_MODELS = (
    Question,
    QuestionAnswer,
    Category,
    QuestionBank,
    QuestionTag,
    Tag,
    AssessmentSlot,
)


def draw_changed(**kwargs: Any) -> None:
    bump_content_version()


def connect() -> None:
    for model in DRAWN_MODELS:
        name = model._meta.label
        post_save.connect(draw_changed, sender=model, dispatch_uid=f"draw-s-{name}")
        post_delete.connect(draw_changed, sender=model, dispatch_uid=f"draw-d-{name}")
