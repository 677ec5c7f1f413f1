from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from lessons.models import LessonPage

from . import selectors, services
from .hooks import CONSTRUCT_DASHBOARD_CONTEXT


@login_required
def dashboard(request):
    context = {
        "dashboard": selectors.dashboard_for(request.user),
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
