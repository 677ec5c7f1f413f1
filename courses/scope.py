"""Who teaches which course: the one definition, used by the reports, the
assessments admin (banks, quizzes, extra time, marking), the page hooks and
the learning pages.

A user teaches a course when they are listed among its `instructors` or are
its owner (whoever started it). These are exactly the members of the course's
instructor group, which holds the Wagtail page permissions on its subtree
(`services.sync_instructor_permissions`): the rule is read from the course,
not from the permissions derived from it, so a group granted rights over the
whole tree (Wagtail's Editors) or the owner of one page inside a course does
not become an instructor of it. Admins (superusers) teach every course.
A course's translations are taught by whoever teaches its original.
Callers check the role they require first (the reports want the Instructor
role); these functions read only the course facts. Each is one query.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr

from . import translations
from .models import CoursePage

# Wagtail's materialised path: a page's parent is its path less one step.
_STEPLEN = 4


def taught_q(user, prefix: str = "") -> Q | None:
    """Q over CoursePage (reached through `prefix`) for the courses the user
    teaches; None means every course (admins)."""
    if user.is_authenticated and user.is_superuser:
        return None
    if not user.is_authenticated:
        return Q(pk__in=[])
    listed = CoursePage.instructors.through.objects.filter(user_id=user.pk)
    # Read from the original: its instructors teach its translations too
    # (`courses.translations`); a translation's own lists count for nothing.
    originals = translations.only_originals(
        CoursePage.objects.filter(
            Q(pk__in=listed.values("coursepage_id")) | Q(owner_id=user.pk)
        )
    )
    return Q(**{f"{prefix}translation_key__in": originals.values("translation_key")})


def taught_courses(user) -> QuerySet[CoursePage]:
    q = taught_q(user)
    return CoursePage.objects.all() if q is None else CoursePage.objects.filter(q)


def teaches(user, course: CoursePage | int) -> bool:
    course_id = course if isinstance(course, int) else course.pk
    return taught_courses(user).filter(pk=course_id).exists()


def in_taught_course(user, prefix: str = "") -> Exists | None:
    """Over a page (reached through `prefix`): the page is a child of a course
    the user teaches (lessons and quizzes are course children); None means
    every page (admins)."""
    courses = taught_courses(user)
    if taught_q(user) is None:
        return None
    path = OuterRef(f"{prefix}path")
    return Exists(courses.filter(path=Substr(path, 1, Length(path) - _STEPLEN)))


def teachers_q(course: CoursePage, prefix: str = "") -> Q:
    """Over User (reached through `prefix`): who teaches `course` (an
    original), as `teaches` decides it, for many users in one query."""
    listed = CoursePage.instructors.through.objects.filter(coursepage_id=course.pk)
    return (
        Q(**{f"{prefix}is_superuser": True})
        | Q(**{f"{prefix}pk": course.owner_id})
        | Q(**{f"{prefix}pk__in": listed.values("user_id")})
    )
