"""Puts the discussion link and the announcements on course pages and the
dashboard. The course panel is read when the template shows it, so it reuses
the enrolment the progress hook read (no query of its own for that)."""

from functools import cached_property

from django.urls import reverse
from wagtail import hooks

from courses import scope, translations
from courses.hooks import CONSTRUCT_COURSE_CONTEXT
from enrollments.hooks import CONSTRUCT_DASHBOARD_CONTEXT

from . import receivers, selectors


class CoursePanel:
    def __init__(self, request, course, context):
        self.user = request.user
        self.course = course
        self.context = context

    @cached_property
    def original_id(self) -> int:
        return translations.original_id(self.course)

    @cached_property
    def teaches(self) -> bool:
        progress = self.context.get("progress")
        if progress is not None and progress.is_enrolled:
            return False  # a learner here; moderation is on the discussion pages
        return scope.teaches(self.user, self.original_id)

    @cached_property
    def is_member(self) -> bool:
        progress = self.context.get("progress")
        if progress is not None and progress.is_enrolled:
            return True
        return self.teaches

    @cached_property
    def url(self) -> str:
        return reverse("discussions:threads", args=[self.course.pk])

    @cached_property
    def announcements(self):
        return selectors.course_announcements(self.original_id)


@hooks.register(CONSTRUCT_COURSE_CONTEXT)
def add_discussion_to_course(request, course, context):
    # Anonymous course pages are shared (courses.page_cache): nothing personal.
    if request.user.is_authenticated:
        context["discussion"] = CoursePanel(request, course, context)


@hooks.register(CONSTRUCT_DASHBOARD_CONTEXT)
def add_announcements_to_dashboard(request, context):
    context["announcements"] = selectors.announcements_for(request.user)
    context["may_announce"] = request.session.get(receivers.SESSION_KEY, False)
