"""Every "this should notify" of the discussions app, in one place.

Each function computes who is told and the dedupe key as a `Notice`, and
`send` writes the notification rows through
`notifications.services.notify_many` (kinds `announcement` and
`discussion_reply`). The services call these inside the post's own
transaction, so a rolled-back post tells no one and a committed one cannot
lose its notifications; e-mails are queued on commit by the notifications
app, and the dedupe key makes a retried call tell each recipient once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.urls import reverse

from accounts.models import User
from enrollments.models import Enrollment
from notifications.services import notify_many

from . import access
from .models import Announcement, Post

ANNOUNCEMENT = "announcement"
DISCUSSION_REPLY = "discussion_reply"


@dataclass(frozen=True)
class Notice:
    kind: str
    recipients: list[User]
    dedupe_key: str
    url: str
    params: dict[str, object] = field(default_factory=dict)


def send(notice: Notice) -> Notice:
    """Write the notice's rows (one per recipient, whatever the retries)."""
    notify_many(
        notice.recipients,
        notice.kind,
        dedupe_key=notice.dedupe_key,
        url=notice.url,
        **notice.params,
    )
    return notice


def announcement_recipients(announcement: Announcement) -> QuerySet[User]:
    """A course's current learners, a cohort's members, or every active user;
    never the author."""
    users = User.objects.filter(is_active=True).exclude(pk=announcement.author_id)
    if announcement.audience == Announcement.Audience.COURSE:
        learners = Enrollment.objects.current().filter(course_id=announcement.course_id)
        users = users.filter(pk__in=learners.values("learner_id"))
    elif announcement.audience == Announcement.Audience.COHORT:
        users = users.filter(cohorts=announcement.cohort_id)
    return users.order_by("pk")


def announcement_posted(announcement: Announcement) -> Notice:
    return send(
        Notice(
            kind=ANNOUNCEMENT,
            recipients=list(announcement_recipients(announcement)),
            dedupe_key=f"announcement:{announcement.pk}",
            url=reverse("discussions:announcement", args=[announcement.pk]),
            params={
                "title": announcement.title,
                "author": announcement.author.display_name,
                "where": _where(announcement),
            },
        )
    )


def reply_recipients(post: Post) -> QuerySet[User]:
    """The thread's followers who may still read it (a learner who left the
    course is not told), never the reply's author; nobody for a hidden
    thread or reply."""
    thread = post.thread
    if post.hidden or thread.hidden:
        return User.objects.none()
    followers = User.objects.filter(
        Q(is_active=True),
        access.readers_q(thread.course),
        pk__in=thread.follows.values("user_id"),
    ).exclude(pk=post.author_id)
    return followers.order_by("pk")


def reply_posted(post: Post) -> Notice:
    return send(
        Notice(
            kind=DISCUSSION_REPLY,
            recipients=list(reply_recipients(post)),
            dedupe_key=f"discussion_reply:{post.pk}",
            url=reverse("discussions:thread", args=[post.thread_id])
            + f"#post-{post.pk}",
            params={
                "thread": post.thread.title,
                "author": post.author.display_name,
                "course": post.thread.course.title,
            },
        )
    )


def _where(announcement: Announcement) -> str:
    """Where the announcement was posted, as its recipients know it."""
    if announcement.course is not None:
        return announcement.course.title
    if announcement.cohort is not None:
        return announcement.cohort.name
    return "IGN Academy"
