"""Reads for the admin side: what an instructor may see and mark; and the key
in effect of a regraded slot (`regraded_keys`), which review reads too.

An instructor works on the courses they teach (`courses.scope`: listed
instructors and the course's owner); banks without a course are shared by all
instructors. Superusers see everything. Each function is a fixed number of
queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from wagtail import hooks

from accounts.models import User
from courses import scope as course_scope
from courses.models import CoursePage
from questions.models import Category, Question, QuestionBank, QuestionImport

from .hooks import LEARNERS_IN_COURSES
from .models import (
    AssessmentPage,
    Attempt,
    ExtraTime,
    Regrade,
    RegradeEntry,
    Response,
)
from .snapshots import rekey


def courses_taught_by(user: User) -> QuerySet[CoursePage]:
    return course_scope.taught_courses(user)


def assessments_taught_by(user: User) -> QuerySet[AssessmentPage]:
    """The quizzes of the courses the user teaches."""
    q = course_scope.in_taught_course(user)
    return (
        AssessmentPage.objects.all() if q is None else AssessmentPage.objects.filter(q)
    )


def learners_in(courses: QuerySet[CoursePage]) -> QuerySet[User]:
    """Users enrolled in any of `courses` (the enrollments app answers)."""
    for answer in hooks.get_hooks(LEARNERS_IN_COURSES):
        return answer(courses)
    return User.objects.none()


def banks_for(user: User) -> QuerySet[QuestionBank]:
    if user.is_superuser:
        return QuestionBank.objects.all()
    return QuestionBank.objects.filter(
        Q(course__isnull=True) | Q(course__in=courses_taught_by(user).values("pk"))
    )


def scoped(model, user: User, queryset: QuerySet) -> QuerySet:
    """`queryset` narrowed to what `user` may work on; used by every admin view
    of these models, so a miss is a 404."""
    if user.is_superuser:
        return queryset
    banks = banks_for(user).values("pk")
    if model is QuestionBank:
        return queryset.filter(pk__in=banks)
    if model in (Category, Question):
        return queryset.filter(bank__in=banks)
    if model is ExtraTime:
        return queryset.filter(assessment__in=assessments_taught_by(user).values("pk"))
    if model in (Attempt,):
        return queryset.filter(assessment__in=assessments_taught_by(user).values("pk"))
    if model is Regrade:
        # A regrade lists (and applies to) the attempts its requester may
        # see: another instructor sharing the bank sees only their own.
        return queryset.filter(question__bank__in=banks, requested_by=user)
    return queryset.none()


def question_imports_of(user: User) -> QuerySet[QuestionImport]:
    """A background import is its uploader's alone (an admin's too): the file
    and its errors may show questions of a bank not yet shared."""
    return QuestionImport.objects.filter(uploaded_by=user).defer("data")


def grading_queue(
    user: User,
    *,
    course: CoursePage | None = None,
    quiz: AssessmentPage | None = None,
) -> QuerySet[Response]:
    """Responses waiting for a person in the user's courses, oldest first;
    only those of `course` and/or `quiz` when given."""
    quizzes = assessments_taught_by(user)
    if course is not None:
        quizzes = quizzes.child_of(course)  # type: ignore[attr-defined]  # a PageQuerySet
    if quiz is not None:
        quizzes = quizzes.filter(pk=quiz.pk)
    return (
        Response.objects.filter(
            needs_review=True,
            attempt__status=Attempt.Status.NEEDS_REVIEW,
            attempt__assessment__in=quizzes.values("pk"),
        )
        .select_related("attempt__learner", "attempt__assessment")
        .order_by("attempt__submitted_at", "attempt_id", "slot")
    )


def response_for_grader(user: User, response_id: int) -> Response | None:
    return (
        Response.objects.filter(
            pk=response_id,
            attempt__assessment__in=assessments_taught_by(user).values("pk"),
        )
        .select_related("attempt__learner", "attempt__assessment")
        .first()
    )


@dataclass(frozen=True)
class Regraded:
    """A regraded slot: the key its score follows now (snapshot format, in the
    order the learner saw) and when the last regrade was applied."""

    key: dict[str, Any]
    at: datetime


def regraded_keys(attempt: Attempt) -> dict[int, Regraded]:
    """The regraded slots of an attempt, by slot, under their latest regrade's
    key (the snapshot stays what the learner saw). One query."""
    lines = (
        RegradeEntry.objects.filter(
            response__attempt=attempt, regrade__key__isnull=False
        )
        .order_by("pk")
        .values_list("response__slot", "regrade__key", "changed_at")
    )
    # The last one wins (the filter leaves no key None).
    latest = {slot: (key or {}, at) for slot, key, at in lines}
    seen = {entry["slot"]: entry for entry in attempt.questions_snapshot}
    return {
        slot: Regraded(rekey(seen[slot], key), at)
        for slot, (key, at) in latest.items()
        if slot in seen
    }
