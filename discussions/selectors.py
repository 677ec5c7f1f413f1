"""Reads of the discussions app; each is a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.models import Role, User
from courses import scope as course_scope
from courses import translations
from courses.models import CoursePage
from enrollments import scope as enrollment_scope
from enrollments.models import Cohort, Enrollment
from lessons.models import LessonPage

from .access import Member
from .models import Announcement, Follow, ModerationAction, Post, PostReport, Thread

PAGE_SIZE = 30
SEARCH_MAX = 100
ANNOUNCEMENT_DAYS = 60


def threads(member: Member, *, query: str = "", lesson_id: int | None = None):
    """The course's threads, pinned first then by latest activity; hidden ones
    for instructors only. `query` matches titles and the words of posts."""
    rows = Thread.objects.filter(course=member.course).select_related(
        "author", "lesson"
    )
    if not member.teaches:
        rows = rows.filter(hidden=False)
    if lesson_id is not None:
        rows = rows.filter(lesson_id=lesson_id)
    query = " ".join(query.replace("\x00", " ").split())[:SEARCH_MAX]
    if query:
        matching_posts = Post.objects.filter(
            thread_id=OuterRef("pk"), text__icontains=query
        )
        if not member.teaches:
            matching_posts = matching_posts.filter(hidden=False)
        rows = rows.filter(Q(title__icontains=query) | Exists(matching_posts))
    followed = Follow.objects.filter(thread_id=OuterRef("pk"), user_id=member.user.pk)
    return rows.annotate(followed=Exists(followed))


def thread_posts(member: Member, thread: Thread) -> tuple[Post, list[Post]]:
    """The opening post and the replies, the marked answer first; hidden
    replies for instructors only (shown to them marked as hidden). One query,
    with the number of open reports on each for instructors."""
    rows = Post.objects.filter(thread=thread).select_related("author")
    if not member.teaches:
        rows = rows.filter(hidden=False)
    else:
        open_reports = PostReport.objects.filter(
            post_id=OuterRef("pk"), resolved_at__isnull=True
        )
        rows = rows.annotate(reported=Exists(open_reports))
    posts = list(rows.order_by("-opening", "-is_answer", "created_at", "pk"))
    for post in posts:
        post.thread = thread  # the edit check reads it: no query per post
    opening = posts[0]
    return opening, posts[1:]


def teacher_ids(course: CoursePage) -> set[int]:
    """Who teaches the course (to mark their posts); one query."""
    return set(
        User.objects.filter(course_scope.teachers_q(course)).values_list(
            "pk", flat=True
        )
    )


def is_following(user: User, thread: Thread) -> bool:
    return Follow.objects.filter(thread=thread, user=user).exists()


def lessons_of(course: CoursePage):
    return LessonPage.objects.live().child_of(course).order_by("path")


def moderation_log(member: Member) -> QuerySet[ModerationAction]:
    return ModerationAction.objects.filter(course=member.course).select_related(
        "actor", "thread", "post"
    )


def open_reports(member: Member) -> QuerySet[PostReport]:
    return PostReport.objects.filter(
        post__thread__course=member.course, resolved_at__isnull=True
    ).select_related("post__thread", "post__author", "reporter")


# Announcements -------------------------------------------------------------


def _recent() -> Q:
    return Q(created_at__gte=timezone.now() - timedelta(days=ANNOUNCEMENT_DAYS))


def announcements_for(user: User, *, limit: int = 3) -> list[Announcement]:
    """What the dashboard shows: the recent site-wide announcements, those of
    the user's cohorts and of the courses they follow or teach. One query."""
    if not user.is_authenticated:
        return []
    courses = Enrollment.objects.current().filter(learner=user).values("course_id")
    q = Q(audience=Announcement.Audience.SITE)
    q |= Q(audience=Announcement.Audience.COHORT, cohort__members=user)
    q |= Q(audience=Announcement.Audience.COURSE, course_id__in=courses)
    taught = course_scope.taught_q(user, "course__")
    if taught is not None:
        q |= Q(audience=Announcement.Audience.COURSE) & taught
    else:
        q |= Q(audience=Announcement.Audience.COURSE)
    return list(
        Announcement.objects.filter(_recent(), q)
        .select_related("author", "course", "cohort")
        .distinct()[:limit]
    )


def course_announcements(course_id: int, *, limit: int = 3) -> list[Announcement]:
    return list(
        Announcement.objects.filter(
            _recent(), audience=Announcement.Audience.COURSE, course_id=course_id
        ).select_related("author")[:limit]
    )


def may_announce(user: User) -> bool:
    """Instructors (to their courses), program managers (to their cohorts),
    admins (to everyone). Reads the groups once."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(
        name__in=[Role.INSTRUCTOR.value, Role.PROGRAM_MANAGER.value]
    ).exists()


def announcement_courses(user: User) -> QuerySet[CoursePage]:
    """The courses the user may address: those they teach, as instructors."""
    if not user.is_authenticated:
        return CoursePage.objects.none()
    if (
        not user.is_superuser
        and not user.groups.filter(name=Role.INSTRUCTOR.value).exists()
    ):
        return CoursePage.objects.none()
    return translations.only_originals(
        course_scope.taught_courses(user).filter(live=True)
    ).order_by("title")


def announcement_cohorts(user: User) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    if (
        not user.is_superuser
        and not user.groups.filter(name=Role.PROGRAM_MANAGER.value).exists()
    ):
        return Cohort.objects.none()
    return enrollment_scope.managed_cohorts(user)


def announcement_visible(user: User, announcement: Announcement) -> bool:
    if user.is_superuser or announcement.author_id == user.pk:
        return True
    if announcement.audience == Announcement.Audience.SITE:
        return True
    if announcement.audience == Announcement.Audience.COHORT:
        assert announcement.cohort is not None  # a cohort announcement has one
        return (
            announcement.cohort.members.filter(pk=user.pk).exists()
            or enrollment_scope.managed_cohorts(user)
            .filter(pk=announcement.cohort.pk)
            .exists()
        )
    return Enrollment.objects.current().filter(
        learner=user, course_id=announcement.course_id
    ).exists() or (
        announcement.course_id is not None
        and course_scope.teaches(user, announcement.course_id)
    )
