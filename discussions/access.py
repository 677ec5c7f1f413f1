"""Who may read and write a course's discussion: its enrolled learners (an
enrolment not withdrawn) and its instructors (`courses.scope`: listed
instructors, the owner, admins). Everyone else gets a 404, as if the course
had no discussion. A course's translations share the original's discussion.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from accounts.models import User
from courses import scope, translations
from courses.models import CoursePage
from enrollments.models import Enrollment

from .models import Post, Thread


@dataclass(frozen=True)
class Member:
    """The reader and the (original) course they are a member of."""

    user: User
    course: CoursePage
    teaches: bool

    @cached_property
    def course_page(self) -> CoursePage:
        """The course in the reader's language, for links and titles."""
        return translations.in_language([self.course])[0]


def is_enrolled(user, course_id: int) -> bool:
    return (
        Enrollment.objects.current().filter(learner=user, course_id=course_id).exists()
    )


def member_of(user, course: CoursePage) -> Member:
    """The user's membership of `course`'s discussion, or Http404."""
    if not user.is_authenticated:
        raise Http404
    original = translations.original(course)
    teaches = scope.teaches(user, original)
    if not teaches and not is_enrolled(user, original.pk):
        raise Http404
    return Member(user=user, course=original, teaches=teaches)


def course_member(user, course_id: int) -> Member:
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise Http404
    return member_of(user, course)


def thread_for(user, thread_id: int) -> tuple[Member, Thread]:
    """A thread the user may read: a hidden thread only for instructors."""
    thread = (
        Thread.objects.select_related("course", "lesson", "author")
        .filter(pk=thread_id, course__live=True)
        .first()
    )
    if thread is None:
        raise Http404
    member = member_of(user, thread.course)
    if thread.hidden and not member.teaches:
        raise Http404
    return member, thread


def post_for(user, post_id: int) -> tuple[Member, Post]:
    post = (
        Post.objects.select_related("thread__course", "author")
        .filter(pk=post_id, thread__course__live=True)
        .first()
    )
    if post is None:
        raise Http404
    member = member_of(user, post.thread.course)
    if (post.hidden or post.thread.hidden) and not member.teaches:
        raise Http404
    return member, post


def readers_q(course: CoursePage, prefix: str = "") -> Q:
    """Over User: who may read `course`'s (an original's) discussion, as
    `member_of` decides it, for many users in one query."""
    enrolled = Exists(
        Enrollment.objects.current().filter(
            learner_id=OuterRef(f"{prefix}pk"), course_id=course.pk
        )
    )
    return Q(enrolled) | scope.teachers_q(course, prefix)
