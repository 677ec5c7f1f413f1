from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from lessons.models import LessonPage

from . import deadlines, selectors, services
from .hooks import CONSTRUCT_DASHBOARD_CONTEXT


@login_required
def dashboard(request):
    board = selectors.dashboard_for(request.user)
    now = timezone.now()
    feed = deadlines.feed_of(request.user)
    context = {
        "dashboard": board,
        "deadlines": deadlines.lines(
            deadlines.deadlines_for(request.user, board.in_progress, now), now
        ),
        "calendar_url": request.build_absolute_uri(
            reverse("enrollments:calendar_feed", args=[feed.token])
        ),
        "dashboard_panels": [],
    }
    for construct in hooks.get_hooks(CONSTRUCT_DASHBOARD_CONTEXT):
        construct(request, context)
    return render(request, "enrollments/dashboard.html", context)


@login_required
@require_POST
def complete_lesson(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        services.complete_lesson(learner=request.user, lesson=lesson)
    except services.NotEnrolled:
        raise Http404 from None
    context = lesson.get_context(request)
    next_page = context["next_page"]
    if next_page is not None:
        messages.success(
            request, _("“%(lesson)s” marked complete.") % {"lesson": lesson.title}
        )
        return redirect(next_page.get_url(request))
    messages.success(
        request,
        _("You have finished every lesson of %(course)s.") % {"course": lesson.course},
    )
    return redirect(lesson.course.get_url(request))


def calendar_feed(request, token: str):
    """The learner's deadlines as iCalendar, for calendars to subscribe to: the
    secret token is the key (no login); a wrong or reset one answers 404."""
    learner = deadlines.learner_of_token(token)
    if learner is None:
        raise Http404
    now = timezone.now()
    board = selectors.dashboard_for(learner)
    body = deadlines.ical(
        deadlines.deadlines_for(learner, board.in_progress, now),
        base_url=request.build_absolute_uri("/").rstrip("/"),
        now=now,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def reset_calendar(request):
    deadlines.reset_feed(request.user)
    messages.success(
        request,
        _("Your calendar link has been reset: the old link no longer works."),
    )
    return redirect(reverse("enrollments:dashboard") + "#calendar-heading")
