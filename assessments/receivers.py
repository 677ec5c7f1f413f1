"""Every change to what a quiz draws bumps the draw version in its own
transaction (`services.bump_draw_version`), so the slots and questions that
`services.draw_questions` keeps in the cache under that version are never read
stale: saves and deletes of questions, their options, categories, banks, tags,
quiz slots and quiz pages, and the bank's own `bank_changed` (bulk imports,
key version raises). The catalog's page cache has its own version
(`courses.page_cache`): these leave it alone, and publishing other pages
leaves the draws cached."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag

from questions.models import (
    Category,
    Question,
    QuestionAnswer,
    QuestionBank,
    QuestionTag,
)
from questions.signals import bank_changed

from . import services
from .models import AssessmentPage, AssessmentSlot

DRAWN_MODELS = (
    Question,
    QuestionAnswer,
    Category,
    QuestionBank,
    QuestionTag,
    Tag,
    AssessmentSlot,
    AssessmentPage,
)


def draw_changed(**kwargs: Any) -> None:
    services.bump_draw_version()


def connect() -> None:
    for model in DRAWN_MODELS:
        name = model._meta.label
        post_save.connect(draw_changed, sender=model, dispatch_uid=f"draw-s-{name}")
        post_delete.connect(draw_changed, sender=model, dispatch_uid=f"draw-d-{name}")
    bank_changed.connect(draw_changed, dispatch_uid="draw-bank")
