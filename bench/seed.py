"""Course, quiz and learners for the database benchmarks, made as the platform
makes them (tests.factories for pages and questions, the account and
enrolment services for learners). Names carry a run tag, so a scratch database
given by BENCH_DATABASE_URL may be reused."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from wagtail.models import Page, Site

from accounts.models import Role, User
from accounts.services import assign_role
from assessments.models import AssessmentPage
from courses.models import CourseIndexPage, CoursePage
from enrollments.services import enroll
from home.models import HomePage
from questions.models import Question
from questions.services import check_question
from tests.factories import make_bank, make_course, make_question, make_quiz

from .answers import bank_questions

RUN_TAG = time.strftime("%Y%m%d%H%M%S")


@dataclass
class Quiz:
    course: CoursePage
    quiz: AssessmentPage
    questions: list[Question]


def catalog() -> CourseIndexPage:
    """A home page and its course catalogue for the bench (made once)."""
    existing = CourseIndexPage.objects.filter(slug="bench-courses").first()
    if existing is not None:
        return existing
    home = HomePage(title="Bench home", slug="bench-home", hero_title="Bench")
    Page.get_first_root_node().add_child(instance=home)
    index = CourseIndexPage(title="Bench courses", slug="bench-courses")
    home.add_child(instance=index)
    # Served at / (the page and exam-start benchmarks request its pages).
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return index


def make_bench_quiz(name: str) -> Quiz:
    """A course with one quiz of the ten questions of `answers.bank_questions`."""
    course = make_course(catalog(), title=f"Bench {name} {RUN_TAG}", lessons=1)
    bank = make_bank(f"Bench {name} {RUN_TAG}", course=course)
    questions = []
    for number, spec in enumerate(bank_questions(), start=1):
        problems = check_question(
            kind=spec["kind"], stem=spec["stem"], answers=spec["answers"]
        )
        if problems:
            raise ValueError(f"bench question {number}: {problems}")
        fields = {k: v for k, v in spec.items() if k != "title"}
        questions.append(
            make_question(bank, title=spec.get("title", f"Q{number}"), **fields)
        )
    quiz = make_quiz(
        course, title=f"Bench {name} quiz {RUN_TAG}", slots=questions, pass_mark=60
    )
    return Quiz(course=course, quiz=quiz, questions=questions)


def make_learners(count: int, *, course: CoursePage, name: str) -> list[User]:
    """Enrolled students. No password (hashing one costs ~0.3 s), as for an
    account that signs in through the organisation's identity provider."""
    learners = []
    for number in range(1, count + 1):
        learner = User.objects.create_user(
            email=f"bench-{name}-{number}-{RUN_TAG}@example.org",
            display_name=f"Bench learner {number}",
        )
        assign_role(user=learner, role=Role.STUDENT)
        enroll(learner=learner, course=course)
        learners.append(learner)
    return learners


def bulk_learners(count: int, *, name: str) -> list[User]:
    """Many learners at once, for volume (no groups, no enrolments)."""
    unusable = make_password(None)
    return User.objects.bulk_create(
        User(
            email=f"bench-{name}-{number}-{RUN_TAG}@example.org",
            display_name=f"Bench learner {number}",
            password=unusable,
        )
        for number in range(1, count + 1)
    )
