"""One course, several languages: which page holds the learner's records and
which page a reader sees.

A course translated into French is a separate Wagtail page (locale `fr`, the
same `translation_key`), and so are its lessons and quizzes. Every learner
record (enrolment, progress, H5P results, attempts, cohorts, paths,
prerequisites, optional items) refers to the *original*: the page of that
`translation_key` created first (the lowest id). A course written in French
first keeps its French page as original when it is translated into English
later, so its learners keep their records. Entry points reached through a
translation map to the original (`original`, `original_ids`) before any read
or write; display goes the other way (`in_language`).

Each helper is one query whatever the number of pages (none for an empty
list).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Exists, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import translation
from wagtail.models import Page

from core import memo


def _model(page) -> Any:
    return type(page) if type(page) is not Page else Page


def original[P](page: P) -> P:
    """The original of `page` (itself when it is), of the same model. One query,
    remembered on the instance."""
    cached = getattr(page, "_original_page", None)
    if cached is not None:
        return cached
    if getattr(page, "original_pk", None) == page.pk:  # type: ignore[attr-defined]
        return page
    first = (
        _model(page)
        ._default_manager.filter(translation_key=page.translation_key)  # type: ignore[attr-defined]
        .order_by("pk")
        .first()
    )
    found = page if first is None or first.pk == page.pk else first  # type: ignore[attr-defined]
    page._original_page = found  # type: ignore[attr-defined]
    return found


def family(page: Page) -> tuple[int, list[str]]:
    """The original's id and the language codes `page` is live in (its own
    and its translations'): one query. The original is remembered when it is
    `page` itself."""
    rows = list(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "pk", "locale__language_code", "live", "alias_of_id"
        )
    )
    first = min((pk for pk, *_ in rows), default=page.pk)
    if first == page.pk:
        page._original_page = page  # type: ignore[attr-defined]
    codes = sorted({code for _, code, live, alias in rows if live and alias is None})
    return first, codes


def original_id(page: Page) -> int:
    """The original's id (one query; none when `original` was read before)."""
    cached = getattr(page, "_original_page", None)
    if cached is not None:
        return cached.pk
    if hasattr(page, "original_pk"):
        return page.original_pk
    return original_ids([page])[page.pk]


def original_ids(pages: Iterable[Page], *, remember: bool = False) -> dict[int, int]:
    """Each page's original id, by page id: one query for the list (none when
    every page has it annotated as `original_pk`). `remember`: annotate them
    so, for the callers after."""
    pages = list(pages)
    if all(hasattr(p, "original_pk") for p in pages):
        return {p.pk: p.original_pk for p in pages}  # annotated: no query
    keys = frozenset(p.translation_key for p in pages)

    def read() -> dict[Any, int]:
        return dict(
            Page.objects.filter(translation_key__in=keys)
            .order_by()  # the tree's order by path would split the groups
            .values("translation_key")
            .annotate(first=Min("pk"))
            .values_list("translation_key", "first")
        )

    # A few pages (a lesson and its course, on every view): remembered under
    # the content version (core.memo), which any page's save or delete bumps.
    firsts = memo.remember(("originals", keys), read) if len(keys) <= 4 else read()
    found = {p.pk: firsts.get(p.translation_key, p.pk) for p in pages}
    if remember:
        for p in pages:
            p.original_pk = found[p.pk]  # type: ignore[attr-defined]
    return found


def originals[P](pages: Sequence[P]) -> list[P]:
    """Each page's original, of the same model as the list, in the list's
    order: one query."""
    pages = list(pages)
    if not pages:
        return []
    model = _model(pages[0])
    keys = {p.translation_key for p in pages}  # type: ignore[attr-defined]
    firsts = {
        p.translation_key: p
        for p in model._default_manager.filter(translation_key__in=keys).order_by("-pk")
    }
    return [firsts.get(p.translation_key, p) for p in pages]  # type: ignore[attr-defined]


def language() -> str:
    """The active language's code as Wagtail's locales spell it (`en`, `fr`)."""
    return (translation.get_language() or "en").split("-")[0]


def _speaks(item: Any, code: str) -> bool:
    """The item's locale was read with it and is `code`."""
    field = item._meta.get_field("locale")
    return field.is_cached(item) and item.locale.language_code == code


def in_language[P](items: Sequence[P], code: str | None = None) -> list[P]:
    """Each page (or translatable object) in the language `code` (the active
    one by default): its live translation there, else itself. Same order; one
    query (the items' related rows are not carried over)."""
    items = list(items)
    code = code or language()
    # Items read with their locale (`select_related`) already in `code` are
    # their own answer: no query when all are.
    todo = [i for i in items if not _speaks(i, code)]
    if not todo:
        return items
    model = _model(items[0])
    found = model._default_manager.filter(
        translation_key__in={i.translation_key for i in todo},  # type: ignore[attr-defined]
        locale__language_code=code,
    )
    if issubclass(model, Page):
        found = found.filter(live=True, alias_of__isnull=True)
    by_key = {other.translation_key: other for other in found}
    return [by_key.get(i.translation_key, i) for i in items]  # type: ignore[attr-defined]


def available_languages(pages: Iterable[Page]) -> dict[object, list[str]]:
    """The language codes each page's course (or lesson…) is live in, by
    `translation_key`: one query."""
    keys = {p.translation_key for p in pages}
    result: dict[object, list[str]] = {key: [] for key in keys}
    if not keys:
        return result
    rows = (
        Page.objects.live()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .order_by("locale__language_code")
        .values_list("translation_key", "locale__language_code")
        .distinct()
    )
    for key, code in rows:
        result[key].append(code)
    return result


def one_per_translation(queryset: QuerySet, code: str) -> QuerySet:
    """Of live pages (or objects) that may be translations of one another, one
    per `translation_key`: the one in `code` when there is one among them,
    else the first created. One SQL query (two `EXISTS`), so it paginates."""
    same = queryset.filter(translation_key=OuterRef("translation_key"))
    in_code = same.filter(locale__language_code=code)
    earlier = same.filter(pk__lt=OuterRef("pk"))
    return queryset.filter(
        Q(locale__language_code=code) | (~Exists(in_code) & ~Exists(earlier))
    )


def available_in(queryset: QuerySet, code: str) -> QuerySet:
    """Of `queryset`, the pages with a live translation (themselves included)
    in `code`."""
    translated = Page.objects.live().filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=code,
        alias_of__isnull=True,
    )
    return queryset.filter(Exists(translated))


def with_original(queryset: QuerySet) -> QuerySet:
    """`queryset` with each page's original id annotated (`original_pk`), so
    `original_ids` reads it without a query."""
    first = Page.objects.filter(translation_key=OuterRef("translation_key")).order_by(
        "pk"
    )
    return queryset.annotate(original_pk=Subquery(first.values("pk")[:1]))


def only_originals(queryset: QuerySet) -> QuerySet:
    """Of `queryset`, the originals (no page of their `translation_key` was
    created before them)."""
    earlier = Page.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return queryset.filter(~Exists(earlier))
