"""`{% load grades %}`: `{{ attempt|grade }}`, `{{ score|grade:max_score }}`,
`{{ value|percent }}`, all written by `core.grades`."""

from __future__ import annotations

from typing import Any

from django import template

from core import grades

register = template.Library()


@register.filter
def grade(value: Any, max_score: Any = None) -> str:
    """An object with score, max_score (and percent), or a score and its
    maximum: "7.5 / 10 · 75 %"."""
    if max_score is None and hasattr(value, "max_score"):
        return grades.grade(
            value.score, value.max_score, getattr(value, "percent", None)
        )
    return grades.grade(value, max_score)


@register.filter
def percent(value: Any) -> str:
    return grades.percent(value)
