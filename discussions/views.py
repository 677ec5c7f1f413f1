"""The discussion pages. Every lookup goes through `access` (a 404 for
whoever is not a member of the course); every write through `services`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.query import bounded_int, page_number

from . import access, selectors, services
from .forms import (
    AnnouncementForm,
    EditForm,
    ModerationForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
)
from .models import Announcement


def _thread_url(thread_id: int, post_id: int | None = None) -> str:
    url = reverse("discussions:thread", args=[thread_id])
    return f"{url}#post-{post_id}" if post_id else url


@login_required
def thread_list(request, course_id: int):
    member = access.course_member(request.user, course_id)
    query = request.GET.get("q", "")[: selectors.SEARCH_MAX]
    lessons = list(selectors.lessons_of(member.course))
    lesson_id = bounded_int(request.GET.get("lesson"), low=1)
    if lesson_id is not None and lesson_id not in {lesson.pk for lesson in lessons}:
        lesson_id = None
    rows = selectors.threads(member, query=query, lesson_id=lesson_id)
    page = Paginator(rows, selectors.PAGE_SIZE).get_page(
        page_number(request.GET.get("page"), page_size=selectors.PAGE_SIZE)
    )
    return render(
        request,
        "discussions/thread_list.html",
        {
            "member": member,
            "course": member.course,
            "page_obj": page,
            "query": query,
            "lessons": lessons,
            "lesson_id": lesson_id,
        },
    )


@login_required
def new_thread(request, course_id: int):
    member = access.course_member(request.user, course_id)
    lessons = list(selectors.lessons_of(member.course))
    initial = {"lesson": bounded_int(request.GET.get("lesson"), low=1)}
    form = ThreadForm(request.POST or None, lessons=lessons, initial=initial)
    if request.method == "POST" and form.is_valid():
        lesson = {item.pk: item for item in lessons}.get(form.cleaned_data["lesson"])
        try:
            thread = services.start_thread(
                member=member,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                kind=form.cleaned_data["kind"],
                lesson=lesson,
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            return redirect(_thread_url(thread.pk))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "discussions/new_thread.html",
        {"member": member, "course": member.course, "form": form},
        status=status,
    )


@login_required
def thread_page(request, thread_id: int):
    member, thread = access.thread_for(request.user, thread_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.reply(
                member=member, thread=thread, body=form.cleaned_data["body"]
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect(_thread_url(thread.pk, post.pk))
    opening, replies = selectors.thread_posts(member, thread)
    for post in [opening, *replies]:
        post.editable = services.may_edit(request.user, post)  # type: ignore[attr-defined]
    return render(
        request,
        "discussions/thread.html",
        {
            "member": member,
            "course": member.course,
            "thread": thread,
            "opening": opening,
            "replies": replies,
            "form": form,
            "following": selectors.is_following(request.user, thread),
            "instructor_ids": selectors.teacher_ids(member.course),
            "moderation_form": ModerationForm(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def follow(request, thread_id: int):
    _member, thread = access.thread_for(request.user, thread_id)
    if request.POST.get("follow") == "0":
        services.unfollow(user=request.user, thread=thread)
        messages.info(request, _("You no longer follow this thread."))
    else:
        services.follow(user=request.user, thread=thread)
        messages.success(request, _("You follow this thread: replies will notify you."))
    return redirect(_thread_url(thread.pk))


@login_required
def edit_post(request, post_id: int):
    member, post = access.post_for(request.user, post_id)
    if post.author_id != request.user.pk:
        raise Http404
    initial = {"body": post.body, "title": post.thread.title}
    form = EditForm(request.POST or None, initial=initial)
    if not post.opening:
        del form.fields["title"]
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(
                member=member,
                post=post,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your message is updated."))
            return redirect(_thread_url(post.thread_id, post.pk))
    elif request.method == "GET" and not services.may_edit(request.user, post):
        form.add_error(
            None,
            _("This message can no longer be edited."),
        )
    return render(
        request,
        "discussions/edit_post.html",
        {"member": member, "course": member.course, "post": post, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def report_post(request, post_id: int):
    member, post = access.post_for(request.user, post_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_post(
            member=member, post=post, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("Thank you. The course's instructors will look at this message."),
        )
        return redirect(_thread_url(post.thread_id, post.pk))
    return render(
        request,
        "discussions/report_post.html",
        {"member": member, "course": member.course, "post": post, "form": form},
        status=400 if form.errors else 200,
    )


def _moderate(request, member, do, thread_id, post_id=None):
    if not member.teaches:
        raise Http404
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a moderation action."))
    else:
        try:
            do(action=form.cleaned_data["action"], reason=form.cleaned_data["reason"])
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Done. The action is in the moderation log."))
    return redirect(_thread_url(thread_id, post_id))


@login_required
@require_POST
def moderate_thread(request, thread_id: int):
    member, thread = access.thread_for(request.user, thread_id)

    def do(**kwargs):
        services.moderate_thread(member=member, thread=thread, **kwargs)

    return _moderate(request, member, do, thread.pk)


@login_required
@require_POST
def moderate_post(request, post_id: int):
    member, post = access.post_for(request.user, post_id)

    def do(**kwargs):
        services.moderate_post(member=member, post=post, **kwargs)

    return _moderate(request, member, do, post.thread_id, post.pk)


@login_required
def moderation(request, course_id: int):
    member = access.course_member(request.user, course_id)
    if not member.teaches:
        raise Http404
    log = Paginator(selectors.moderation_log(member), 50).get_page(
        page_number(request.GET.get("page"), page_size=50)
    )
    return render(
        request,
        "discussions/moderation.html",
        {
            "member": member,
            "course": member.course,
            "log": log,
            "reports": list(selectors.open_reports(member)[:100]),
        },
    )


@login_required
def new_announcement(request):
    user = request.user
    if not selectors.may_announce(user):
        raise Http404
    form = AnnouncementForm(
        request.POST or None,
        courses=list(selectors.announcement_courses(user)),
        cohorts=list(selectors.announcement_cohorts(user)),
        site=user.is_superuser,
    )
    if not form.fields["audience"].choices:
        raise Http404
    if request.method == "POST" and form.is_valid():
        target = form.targets.get(form.cleaned_data["audience"])
        kind = form.cleaned_data["audience"].split(":")[0]
        try:
            announcement = services.post_announcement(
                author=user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                course=target if kind == "course" else None,
                cohort=target if kind == "cohort" else None,
            )
        except services.Refused as refusal:
            form.add_error("body", str(refusal))
        else:
            messages.success(request, _("Your announcement is posted."))
            return redirect("discussions:announcement", announcement.pk)
    return render(
        request,
        "discussions/new_announcement.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def announcement(request, announcement_id: int):
    item = (
        Announcement.objects.select_related("author", "course", "cohort")
        .filter(pk=announcement_id)
        .first()
    )
    if item is None or not selectors.announcement_visible(request.user, item):
        raise Http404
    return render(request, "discussions/announcement.html", {"announcement": item})
