"""Catalog reads: which courses a visitor sees for a search and its filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Case, IntegerField, QuerySet, When

from core.search import words

if TYPE_CHECKING:
    from django.http import QueryDict
    from wagtail.models import Page

    from .models import CoursePage

MAX_SEARCH_HITS = 1000


@dataclass(frozen=True)
class CatalogFilters:
    q: str = ""
    topic: str = ""
    level: str = ""
    language: str = ""
    duration: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> CatalogFilters:
        from .models import DURATION_BOUNDS, Level

        def choice(name: str, allowed) -> str:
            value = query.get(name, "").strip()
            return value if value in allowed else ""

        return cls(
            q=query.get("q", "").strip()[:200],
            topic=query.get("topic", "").strip()[:100],
            level=choice("level", Level.values),
            language=choice("language", dict(settings.LANGUAGES)),
            duration=choice("duration", DURATION_BOUNDS),
        )

    @property
    def active(self) -> bool:
        return any((self.q, self.topic, self.level, self.language, self.duration))


def catalog_courses(*, parent: Page, filters: CatalogFilters) -> QuerySet[CoursePage]:
    """Live courses under the catalog matching the filters; best match first."""
    from .models import DURATION_BOUNDS, CoursePage

    courses = CoursePage.objects.live().child_of(parent)
    if filters.topic:
        courses = courses.filter(topics__slug=filters.topic)
    if filters.level:
        courses = courses.filter(level=filters.level)
    if filters.language:
        courses = courses.filter(language=filters.language)
    if filters.duration:
        low, high = DURATION_BOUNDS[filters.duration]
        courses = courses.filter(estimated_hours__gte=low)
        if high is not None:
            courses = courses.filter(estimated_hours__lte=high)
    courses = courses.prefetch_related("topics")
    if not filters.q:
        return courses.order_by("title")
    # The backend sees only the words (core.search); a query of none finds none.
    terms = words(filters.q)
    if not terms:
        return courses.none()
    # The search backend ranks; the database keeps the other filters and the
    # prefetches, so search results and filters compose.
    hits = [
        page.pk
        for page in CoursePage.objects.live()
        .child_of(parent)
        .search(terms, operator="and")[:MAX_SEARCH_HITS]
    ]
    rank = Case(
        *(When(pk=pk, then=position) for position, pk in enumerate(hits)),
        output_field=IntegerField(),
    )
    return courses.filter(pk__in=hits).order_by(rank) if hits else courses.none()
