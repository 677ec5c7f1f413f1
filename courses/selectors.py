"""Catalog reads: which courses a visitor sees for a search and its filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
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
MAX_QUERY_LENGTH = 200
MAX_TOPIC_LENGTH = 100

SORT_RELEVANCE, SORT_NEWEST, SORT_SHORTEST = "relevance", "newest", "shortest"
SORTS = (SORT_RELEVANCE, SORT_NEWEST, SORT_SHORTEST)


@dataclass(frozen=True)
class CatalogFilters:
    q: str = ""
    topic: str = ""
    level: str = ""
    language: str = ""
    duration: str = ""
    sort: str = SORT_RELEVANCE
    # What the visitor asked for that the catalog could not take as typed,
    # by field name ("q", "level", …): the page says so instead of failing.
    ignored: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: QueryDict) -> CatalogFilters:
        from .models import DURATION_BOUNDS, Level

        ignored: list[str] = []

        def choice(name: str, allowed) -> str:
            value = query.get(name, "").strip()
            if value in allowed:
                return value
            if value:
                ignored.append(name)
            return ""

        q = " ".join(query.get("q", "").split())
        if len(q) > MAX_QUERY_LENGTH:
            ignored.append("q")
            # Cut at a word's end: half a word would find nothing.
            q = q[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
        topic = query.get("topic", "").strip()
        if len(topic) > MAX_TOPIC_LENGTH:
            ignored.append("topic")
            topic = ""
        sort = choice("sort", SORTS) or SORT_RELEVANCE
        return cls(
            q=q,
            topic=topic,
            level=choice("level", Level.values),
            language=choice("language", dict(settings.LANGUAGES)),
            duration=choice("duration", DURATION_BOUNDS),
            sort=sort,
            ignored=tuple(ignored),
        )

    def without_topic(self) -> CatalogFilters:
        """These filters, the topic dropped as unknown."""
        return replace(self, topic="", ignored=(*self.ignored, "topic"))

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
    courses = (
        translations.with_original(courses)
        .select_related("image")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.select_related("locale")),
            "image__renditions",
        )
    )
    if filters.sort == SORT_NEWEST:
        order: tuple[str, ...] = ("-first_published_at", "title")
    elif filters.sort == SORT_SHORTEST:
        order = ("estimated_hours", "title")
    else:
        order = ("title",)
    if not filters.q:
        return courses.order_by(*order)
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
    if not hits:
        return courses.none()
    found = courses.filter(pk__in=hits)
    if filters.sort != SORT_RELEVANCE:
        return found.order_by(*order)
    return found.order_by(rank)


def catalog_paths(
    *, parent: Page, filters: CatalogFilters, language: str | None = None
) -> list[Page]:
    """The catalog's live learning paths, each once in the reader's language
    where translated, with `course_count` (their live courses): one query.
    Course filters (topic, level, …) do not apply to a path; a search does,
    on the words of its title and summary."""
    from django.db.models import Count, Q
    from wagtail.models import Page as WagtailPage

    from .models import LearningPathPage

    length = parent.depth * WagtailPage.steplen
    catalogs = WagtailPage.objects.filter(
        translation_key=parent.translation_key,
        depth=parent.depth,
        path=Substr(OuterRef("path"), 1, length),
    )
    paths = translations.one_per_translation(
        LearningPathPage.objects.live().filter(
            Exists(catalogs), depth=parent.depth + 1
        ),
        language or translations.language(),
    )
    if filters.topic or filters.level or filters.language or filters.duration:
        return []
    if filters.q:
        terms = words(filters.q)
        if not terms:
            return []
        for term in terms.split()[:10]:
            paths = paths.filter(Q(title__icontains=term) | Q(summary__icontains=term))
    return list(
        paths.select_related("locale", "image")
        .prefetch_related("image__renditions")
        .annotate(
            course_count=Count(
                "path_courses", filter=Q(path_courses__course__live=True)
            )
        )
        .order_by("title")
    )


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
