"""A small world for reports: two courses (one taught by `instructor`), the
manager's cohort of two learners, another manager's cohort of one, and a
learner in no cohort."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import cast

import pytest
from django.utils import timezone

from accounts.models import Role, User
from assessments.models import Attempt, Response
from courses.models import CoursePage
from enrollments import cohort_services as services
from enrollments.models import Cohort
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)


@dataclass
class World:
    teaching: CoursePage
    other: CoursePage
    cohort: Cohort
    foreign: Cohort
    member: User
    member2: User
    outsider: User
    stranger: User
    quiz: object
    questions: list


def person(**fields) -> User:
    return cast(User, UserFactory(**fields))


@pytest.fixture
def world(catalog, manager, instructor):  # -> World (factories untyped)
    teaching = make_course(catalog, title="Civil protection", lessons=4)
    teaching.instructors = [instructor]
    teaching.save()
    other = make_course(catalog, title="Humanitarian law", lessons=2)
    bank = make_bank(course=teaching)
    questions = [make_question(bank, title=f"Q{n}") for n in range(1, 4)]
    quiz = make_quiz(teaching, title="Final test", slots=questions, pass_mark=50)
    cohort = services.create_cohort(name="Intake 1", managers=[manager])
    other_manager = person(role=Role.PROGRAM_MANAGER)
    foreign = services.create_cohort(name="Intake 2", managers=[other_manager])
    member = person(role=Role.STUDENT, display_name="Alice Member")
    member2 = person(role=Role.STUDENT, display_name="Bob Member")
    outsider = person(role=Role.STUDENT, display_name="Olga Outsider")
    stranger = person(role=Role.STUDENT, display_name="Sam Stranger")
    for learner in (member, member2):
        services.add_member(cohort=cohort, learner=learner)
    services.add_member(cohort=foreign, learner=outsider)
    due = timezone.now() + timedelta(days=30)
    services.assign_course(cohort=cohort, course=teaching, due_at=due)
    services.assign_course(cohort=cohort, course=other, due_at=due)
    services.assign_course(cohort=foreign, course=other, due_at=due)
    from enrollments.services import enroll

    enroll(learner=stranger, course=teaching)
    return World(
        teaching,
        other,
        cohort,
        foreign,
        member,
        member2,
        outsider,
        stranger,
        quiz,
        questions,
    )


def make_attempt(learner, quiz, questions, scores, *, number=1, passed=None, when=None):
    """A graded attempt with one response a question: `scores` out of 1 each."""
    when = when or timezone.now()
    total = sum(Decimal(str(s)) for s in scores)
    maximum = Decimal(len(scores))
    percent = 100 * total / maximum
    attempt = Attempt.objects.create(
        learner=learner,
        assessment=quiz,
        number=number,
        status=Attempt.Status.GRADED,
        started_at=when,
        submitted_at=when,
        graded_at=when,
        score=total,
        max_score=maximum,
        percent=percent,
        passed=percent >= 50 if passed is None else passed,
        seed=1,
    )
    Response.objects.bulk_create(
        Response(
            attempt=attempt,
            slot=slot,
            question=question,
            score=Decimal(str(score)),
            max_score=Decimal(1),
        )
        for slot, (question, score) in enumerate(zip(questions, scores, strict=True), 1)
    )
    return attempt
