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
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.select_related("locale"))
        )[:count]
    )
    selectors.add_card_facts(courses)
    catalogs = CourseIndexPage.objects.live()
    return {
        "courses": courses,
        "catalog": catalogs.filter(locale__language_code=code).first()
        or catalogs.first(),
    }
