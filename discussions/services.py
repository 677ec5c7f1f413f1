"""Every write of the discussions app.

Contract: callers have established membership (`discussions.access`); these
functions check what depends on the object (a locked thread, the edit window,
the posting rate, the moderator's role) and raise `Refused` with a message
for the reader. Bodies are cleaned with nh3 here (`text.clean_body`) before
they are stored. Every moderation action writes a `ModerationAction` in the
same transaction; so are the notification rows, through `notify`.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from courses.models import CoursePage
from enrollments.models import Cohort
from lessons.models import LessonPage

from . import notify, text
from .access import Member
from .models import Announcement, Follow, ModerationAction, Post, PostReport, Thread

Action = ModerationAction.Action


class Refused(Exception):
    """The action is not allowed now; `str(self)` says why, for the reader."""


def edit_window() -> timedelta:
    return timedelta(minutes=getattr(settings, "DISCUSSION_EDIT_MINUTES", 30))


def _check_rate(user: User) -> None:
    """At most DISCUSSION_POST_RATE posts per DISCUSSION_RATE_MINUTES minutes
    per person (instructors included: a runaway script is a runaway script)."""
    limit = getattr(settings, "DISCUSSION_POST_RATE", 10)
    minutes = getattr(settings, "DISCUSSION_RATE_MINUTES", 10)
    since = timezone.now() - timedelta(minutes=minutes)
    if Post.objects.filter(author=user, created_at__gte=since).count() >= limit:
        raise Refused(
            ngettext(
                "You have posted many messages in a short time. Please wait "
                "%(minutes)d minute before posting again.",
                "You have posted many messages in a short time. Please wait "
                "%(minutes)d minutes before posting again.",
                minutes,
            )
            % {"minutes": minutes}
        )


def _clean_or_refuse(body: str) -> str:
    cleaned = text.clean_body(body)
    if not text.words(cleaned):
        raise Refused(_("Write a message: nothing is left once formatting is removed."))
    return cleaned


@transaction.atomic
def start_thread(
    *,
    member: Member,
    title: str,
    body: str,
    kind: str = Thread.Kind.DISCUSSION,
    lesson: LessonPage | None = None,
) -> Thread:
    _check_rate(member.user)
    cleaned = _clean_or_refuse(body)
    now = timezone.now()
    thread = Thread.objects.create(
        course=member.course,
        lesson=lesson,
        author=member.user,
        kind=kind,
        title=title.strip(),
        created_at=now,
        last_activity_at=now,
    )
    Post.objects.create(
        thread=thread,
        author=member.user,
        opening=True,
        body=cleaned,
        text=text.words(cleaned),
        created_at=now,
    )
    Follow.objects.create(thread=thread, user=member.user)
    return thread


@transaction.atomic
def reply(*, member: Member, thread: Thread, body: str) -> Post:
    if thread.locked:
        raise Refused(_("This thread is locked: no new replies."))
    _check_rate(member.user)
    cleaned = _clean_or_refuse(body)
    now = timezone.now()
    post = Post.objects.create(
        thread=thread,
        author=member.user,
        body=cleaned,
        text=text.words(cleaned),
        created_at=now,
    )
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    follow(user=member.user, thread=thread)
    notify.reply_posted(post)
    return post


def may_edit(user: User, post: Post, now=None) -> bool:
    now = now or timezone.now()
    return (
        post.author_id == user.pk
        and not post.hidden
        and not post.thread.locked
        and now - post.created_at <= edit_window()
    )


@transaction.atomic
def edit_post(
    *, member: Member, post: Post, body: str, title: str | None = None
) -> Post:
    if post.author_id != member.user.pk:
        raise Refused(_("You can only edit your own messages."))
    if post.thread.locked:
        raise Refused(_("This thread is locked: messages can no longer be edited."))
    if not may_edit(member.user, post):
        minutes = int(edit_window().total_seconds() // 60)
        raise Refused(
            ngettext(
                "A message can be edited for %(minutes)d minute after it is posted.",
                "A message can be edited for %(minutes)d minutes after it is posted.",
                minutes,
            )
            % {"minutes": minutes}
        )
    cleaned = _clean_or_refuse(body)
    post.body = cleaned
    post.text = text.words(cleaned)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "text", "edited_at"])
    if post.opening and title:
        Thread.objects.filter(pk=post.thread_id).update(title=title.strip())
    return post


def follow(*, user: User, thread: Thread) -> None:
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(thread=thread, user=user)
    except IntegrityError:  # a double click: it is followed either way
        pass


def unfollow(*, user: User, thread: Thread) -> None:
    Follow.objects.filter(thread=thread, user=user).delete()


def report_post(*, member: Member, post: Post, reason: str) -> PostReport:
    """One open report per person and post; reporting again updates the
    reason and reopens it."""
    report, _created = PostReport.objects.update_or_create(
        post=post,
        reporter=member.user,
        defaults={
            "reason": reason.strip(),
            "created_at": timezone.now(),
            "resolved_at": None,
        },
    )
    return report


def _require_teacher(member: Member) -> None:
    if not member.teaches:
        raise Refused(_("Only the course's instructors can moderate."))


def _log(member: Member, action: str, thread: Thread, post=None, reason=""):
    ModerationAction.objects.create(
        course=member.course,
        actor=member.user,
        action=action,
        thread=thread,
        post=post,
        reason=reason.strip(),
    )


THREAD_ACTIONS: dict[str, tuple[str, bool]] = {
    Action.HIDE: ("hidden", True),
    Action.UNHIDE: ("hidden", False),
    Action.LOCK: ("locked", True),
    Action.UNLOCK: ("locked", False),
    Action.PIN: ("pinned", True),
    Action.UNPIN: ("pinned", False),
}
POST_ACTIONS = {
    Action.HIDE,
    Action.UNHIDE,
    Action.ANSWER,
    Action.UNANSWER,
    Action.RESOLVE,
}


@transaction.atomic
def moderate_thread(
    *, member: Member, thread: Thread, action: str, reason: str = ""
) -> None:
    _require_teacher(member)
    if action not in THREAD_ACTIONS:
        raise Refused(_("Unknown moderation action."))
    field, value = THREAD_ACTIONS[action]
    Thread.objects.filter(pk=thread.pk).update(**{field: value})
    setattr(thread, field, value)
    _log(member, action, thread, reason=reason)


@transaction.atomic
def moderate_post(*, member: Member, post: Post, action: str, reason: str = "") -> None:
    _require_teacher(member)
    if action not in POST_ACTIONS:
        raise Refused(_("Unknown moderation action."))
    thread = post.thread
    if action in (Action.HIDE, Action.UNHIDE):
        if post.opening:
            raise Refused(_("To hide an opening message, hide its thread."))
        post.hidden = action == Action.HIDE
        post.save(update_fields=["hidden"])
        if post.hidden and post.is_answer:
            _set_answer(thread, None)
    elif action == Action.ANSWER:
        if thread.kind != Thread.Kind.QUESTION or post.opening or post.hidden:
            raise Refused(_("Only a visible reply to a question can be its answer."))
        _set_answer(thread, post)
    elif action == Action.UNANSWER:
        _set_answer(thread, None)
    else:  # RESOLVE
        PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
    _log(member, action, thread, post=post, reason=reason)


def _set_answer(thread: Thread, post: Post | None) -> None:
    Post.objects.filter(thread=thread, is_answer=True).update(is_answer=False)
    if post is not None:
        Post.objects.filter(pk=post.pk).update(is_answer=True)
        post.is_answer = True
    Thread.objects.filter(pk=thread.pk).update(answered=post is not None)
    thread.answered = post is not None


@transaction.atomic
def post_announcement(
    *,
    author: User,
    title: str,
    body: str,
    course: CoursePage | None = None,
    cohort: Cohort | None = None,
) -> Announcement:
    """Callers decide who may address whom (`selectors.announcement_targets`)."""
    if course is not None:
        audience = Announcement.Audience.COURSE
    elif cohort is not None:
        audience = Announcement.Audience.COHORT
    else:
        audience = Announcement.Audience.SITE
    announcement = Announcement.objects.create(
        author=author,
        audience=audience,
        course=course,
        cohort=cohort,
        title=title.strip(),
        body=_clean_or_refuse(body),
    )
    notify.announcement_posted(announcement)
    return announcement
