"""An instructor's admin forms offer, and accept, only their own courses'
objects: a quiz, bank or course of someone else's course is refused as an
invalid choice, and nothing is created."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import Role
from assessments.models import ExtraTime
from courses.services import sync_instructor_permissions
from enrollments.services import enroll
from questions.models import Category, QuestionBank
from tests.factories import UserFactory, make_bank, make_course, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_courses(catalog):
    mine = make_course(catalog, title="Mine", lessons=1)
    theirs = make_course(catalog, title="Theirs", lessons=1)
    teacher = UserFactory(role=Role.INSTRUCTOR)
    mine.instructors = [teacher]
    mine.save()
    sync_instructor_permissions(course=mine)
    return teacher, mine, theirs


def test_extra_time_only_on_the_instructors_own_quizzes(client, two_courses, learner):
    teacher, mine, theirs = two_courses
    own_quiz, other_quiz = make_quiz(mine), make_quiz(theirs)
    enroll(learner=learner, course=mine)
    enroll(learner=learner, course=theirs)
    client.force_login(teacher)
    assert client.get(reverse("quiz_extra_time:add")).status_code == 200
    data = {"learner": learner.pk, "minutes": "30", "reason": "x"}
    refused = client.post(
        reverse("quiz_extra_time:add"), {**data, "assessment": other_quiz.pk}
    )
    assert refused.status_code == 200  # the form again, with the error
    assert not ExtraTime.objects.exists()
    accepted = client.post(
        reverse("quiz_extra_time:add"), {**data, "assessment": own_quiz.pk}
    )
    assert accepted.status_code == 302
    assert ExtraTime.objects.get().assessment_id == own_quiz.pk


def test_categories_only_in_the_instructors_own_banks(client, two_courses):
    teacher, mine, theirs = two_courses
    own, other = make_bank(course=mine), make_bank(course=theirs)
    client.force_login(teacher)
    refused = client.post(
        reverse("question_categories:add"), {"bank": other.pk, "path": "Sneaky"}
    )
    assert refused.status_code == 200
    assert not Category.objects.filter(path="Sneaky").exists()
    accepted = client.post(
        reverse("question_categories:add"), {"bank": own.pk, "path": "Fine"}
    )
    assert accepted.status_code == 302
    assert Category.objects.get(path="Fine").bank_id == own.pk


def test_banks_only_for_the_instructors_own_courses(client, two_courses):
    teacher, mine, theirs = two_courses
    client.force_login(teacher)
    form = client.get(reverse("question_banks:add")).content.decode()
    assert f'value="{theirs.pk}"' not in form
    refused = client.post(
        reverse("question_banks:add"), {"name": "Sneaky", "course": theirs.pk}
    )
    assert refused.status_code == 200
    assert not QuestionBank.objects.filter(name="Sneaky").exists()
    accepted = client.post(
        reverse("question_banks:add"), {"name": "Fine", "course": mine.pk}
    )
    assert accepted.status_code == 302
    assert QuestionBank.objects.get(name="Fine").course_id == mine.pk
