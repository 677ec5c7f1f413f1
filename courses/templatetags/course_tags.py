from django import template

from courses.models import CourseIndexPage, CoursePage

register = template.Library()


@register.inclusion_tag("courses/includes/featured_courses.html")
def featured_courses(count: int = 3):
    return {
        "courses": CoursePage.objects.live()
        .order_by("-first_published_at")
        .prefetch_related("topics")[:count],
        "catalog": CourseIndexPage.objects.live().first(),
    }
