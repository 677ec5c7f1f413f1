"""Course discussions (threads and their posts, follows, reports, the
moderation log) and announcements.

Contract: a post's `body` is HTML cleaned with nh3 (`discussions.text.clean_body`)
by `discussions.services` before it is stored, so templates render it as
trusted; `text` is its words, for search. A thread belongs to the original of
its course (`courses.translations`): a course's translations share one
discussion. Every text is bounded here and again by the forms.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from enrollments.models import Cohort
from lessons.models import LessonPage

TITLE_MAX = 200
BODY_MAX = 20_000  # characters of HTML as typed
REASON_MAX = 500


class Thread(models.Model):
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Discussion")
        QUESTION = "question", _("Question")

    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="discussion_threads"
    )
    lesson = models.ForeignKey(
        LessonPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.DISCUSSION
    )
    title = models.CharField(max_length=TITLE_MAX)
    pinned = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    # Set by an instructor marking a reply as the answer (questions only).
    answered = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-pinned", "-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["course", "-pinned", "-last_activity_at"],
                name="thread_course_activity",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    wagtail_reference_index_ignore = True

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # The thread's opening post (one per thread) or a reply.
    opening = models.BooleanField(default=False)
    body = models.TextField()
    text = models.TextField(blank=True)
    is_answer = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "created_at"], name="post_thread_time"),
            models.Index(fields=["author", "created_at"], name="post_author_time"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["thread"],
                condition=Q(opening=True),
                name="post_one_opening_per_thread",
            ),
            models.CheckConstraint(
                condition=Q(is_answer=False) | Q(opening=False),
                name="post_opening_is_not_an_answer",
            ),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} in thread {self.thread_id}"


class Follow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.thread_id}"


class PostReport(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=REASON_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="report_once_per_reporter"
            )
        ]

    def __str__(self) -> str:
        return f"Report {self.pk} of post {self.post_id}"


class ModerationAction(models.Model):
    """Who did what to which thread or post of a course, when and why: kept
    forever, shown to the course's instructors."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        UNHIDE = "unhide", _("Shown again")
        LOCK = "lock", _("Locked")
        UNLOCK = "unlock", _("Unlocked")
        PIN = "pin", _("Pinned")
        UNPIN = "unpin", _("Unpinned")
        ANSWER = "answer", _("Marked as the answer")
        UNANSWER = "unanswer", _("Answer mark removed")
        RESOLVE = "resolve", _("Reports dismissed")

    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="moderation_actions"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["course", "-created_at"], name="moderation_course_time"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_id} on thread {self.thread_id}"


class Announcement(models.Model):
    """A message from an instructor to a course's learners, a program manager
    to a cohort, or an admin to everyone."""

    wagtail_reference_index_ignore = True

    class Audience(models.TextChoices):
        COURSE = "course", _("A course's learners")
        COHORT = "cohort", _("A cohort")
        SITE = "site", _("Everyone")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    audience = models.CharField(max_length=10, choices=Audience.choices)
    course = models.ForeignKey(
        CoursePage,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    cohort = models.ForeignKey(
        Cohort,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    title = models.CharField(max_length=TITLE_MAX)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(audience="course", course__isnull=False, cohort__isnull=True)
                    | Q(audience="cohort", cohort__isnull=False, course__isnull=True)
                    | Q(audience="site", course__isnull=True, cohort__isnull=True)
                ),
                name="announcement_audience_matches_target",
            )
        ]
        indexes = [
            models.Index(fields=["audience", "-created_at"], name="announce_audience")
        ]

    def __str__(self) -> str:
        return self.title
