"""Catalog reads: which courses a visitor sees for a search and its filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    When,
)
from django.db.models.functions import Substr

from core.search import words

from . import translations

if TYPE_CHECKING:
    from django.http import QueryDict
    from wagtail.models import Page

    from .models import CoursePage, Topic

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


def _in_catalogs(parent: Page) -> QuerySet[CoursePage]:
    """Live courses right under the catalog or any of its translations."""
    from wagtail.models import Page

    from .models import CoursePage

    length = parent.depth * Page.steplen
    catalogs = Page.objects.filter(
        translation_key=parent.translation_key,
        depth=parent.depth,
        path=Substr(OuterRef("path"), 1, length),
    )
    return CoursePage.objects.live().filter(Exists(catalogs), depth=parent.depth + 1)


def catalog_courses(
    *, parent: Page, filters: CatalogFilters, language: str | None = None
) -> QuerySet[CoursePage]:
    """Live courses of the catalog (in every language it exists in) matching
    the filters, each once: in `language` (the reader's) where it has a live
    translation, else in the language it was written in. Best match first."""
    from .models import DURATION_BOUNDS, CoursePage, Topic

    code = language or translations.language()
    courses = translations.one_per_translation(_in_catalogs(parent), code)
    if filters.topic:
        # French topics share their English counterpart's slug.
        courses = courses.filter(topics__slug=filters.topic).distinct()
    if filters.level:
        courses = courses.filter(level=filters.level)
    if filters.language:
        courses = translations.available_in(courses, filters.language)
    if filters.duration:
        low, high = DURATION_BOUNDS[filters.duration]
        courses = courses.filter(estimated_hours__gte=low)
        if high is not None:
            courses = courses.filter(estimated_hours__lte=high)
    courses = translations.with_original(courses).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.select_related("locale"))
    )
    if not filters.q:
        return courses.order_by("title")
    # The backend sees only the words (core.search); a query of none finds none.
    terms = words(filters.q)
    if not terms:
        return courses.none()
    # The search backend ranks; the database keeps the other filters and the
    # prefetches, so search results and filters compose.
    # A hit in any language counts for the course shown in the reader's.
    ranked = list(
        dict.fromkeys(
            page.translation_key
            # Every live course: the search backend takes plain filters
            # only; `courses` below keeps this catalog's.
            for page in CoursePage.objects.live().search(terms, operator="and")[
                :MAX_SEARCH_HITS
            ]
        )
    )
    shown = dict(
        courses.filter(translation_key__in=ranked).values_list("translation_key", "pk")
    )
    hits = [shown[key] for key in ranked if key in shown]
    rank = Case(
        *(When(pk=pk, then=position) for position, pk in enumerate(hits)),
        output_field=IntegerField(),
    )
    return courses.filter(pk__in=hits).order_by(rank) if hits else courses.none()


def add_card_facts(courses: Sequence[CoursePage]) -> None:
    """Give each catalog card the languages its course is available in
    (`available_languages`, codes) and its topics in the reader's language
    (`shown_topics`; topics prefetched): two queries for the page."""
    available = translations.available_languages(courses)
    topics = {t.pk: t for c in courses for t in c.topics.all()}
    shown = dict(
        zip(topics, translations.in_language(list(topics.values())), strict=True)
    )
    for course in courses:
        course.available_languages = available[course.translation_key]  # type: ignore[attr-defined]
        course.shown_topics = [shown[t.pk] for t in course.topics.all()]  # type: ignore[attr-defined]


def topics_in_language(language: str | None = None) -> QuerySet[Topic]:
    """Every topic once, in the reader's language where it is translated."""
    from .models import Topic

    return translations.one_per_translation(
        Topic.objects.all(), language or translations.language()
    ).order_by("name")
