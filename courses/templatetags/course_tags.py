from django import template
from django.db.models import Prefetch

from courses import selectors, translations
from courses.models import CourseIndexPage, CoursePage, Topic

register = template.Library()


@register.inclusion_tag("courses/includes/featured_courses.html")
def featured_courses(count: int = 3):
    """The newest courses, each once, in the reader's language where translated."""
    code = translations.language()
    courses = list(
        translations.with_original(
            translations.one_per_translation(CoursePage.objects.live(), code)
        )
        .order_by("-first_published_at")
        .select_related("image")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.select_related("locale")),
            "image__renditions",
        )[:count]
    )
    selectors.add_card_facts(courses)
    catalog = _catalog(code)
    return {
        "courses": courses,
        "catalog": catalog,
        "catalog_url": catalog.get_url() if catalog else "",
    }


def _catalog(code: str) -> CourseIndexPage | None:
    catalogs = CourseIndexPage.objects.live()
    return catalogs.filter(locale__language_code=code).first() or catalogs.first()


@register.inclusion_tag("courses/includes/featured_paths.html")
def featured_paths():
    """The catalog's learning paths (home page), in the reader's language."""
    catalog = _catalog(translations.language())
    if catalog is None:
        return {"paths": []}
    return {
        "paths": selectors.catalog_paths(
            parent=catalog, filters=selectors.CatalogFilters()
        )
    }
