"""Extra time is given to a learner of the quiz's course: the admin's learner
list holds the learners of the instructor's courses (of the quiz's course once
the extra time exists), and any other learner is refused."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from assessments.models import ExtraTime
from courses.services import sync_instructor_permissions
from enrollments.services import enroll, unenroll
from tests.factories import UserFactory, make_course, make_quiz

pytestmark = pytest.mark.django_db


def learner_options(html: str) -> set[str]:
    select = re.search(r'<select name="learner".*?</select>', html, re.S)
    assert select, html[:500]
    return set(re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select[0]))


@pytest.fixture
def world(catalog):
    mine = make_course(catalog, title="Mine", lessons=1)
    also_mine = make_course(catalog, title="Also mine", lessons=1)
    theirs = make_course(catalog, title="Theirs", lessons=1)
    teacher = UserFactory(role=Role.INSTRUCTOR, display_name="Teacher")
    for course in (mine, also_mine):
        course.instructors = [teacher]
        course.save()
        sync_instructor_permissions(course=course)
    people = {
        name: UserFactory(display_name=name)
        for name in ("In mine", "In also mine", "In theirs", "Withdrawn", "Nowhere")
    }
    enroll(learner=people["In mine"], course=mine)
    enroll(learner=people["In also mine"], course=also_mine)
    enroll(learner=people["In theirs"], course=theirs)
    enroll(learner=people["Withdrawn"], course=mine)
    unenroll(learner=people["Withdrawn"], course=mine)
    return teacher, mine, also_mine, people


def test_the_learner_list_holds_only_learners_of_the_instructors_courses(client, world):
    teacher = world[0]
    client.force_login(teacher)
    html = client.get(reverse("quiz_extra_time:add")).content.decode()
    assert learner_options(html) == {"In mine", "In also mine"}


def test_extra_time_for_a_learner_outside_the_quizs_course_is_refused(client, world):
    teacher, mine, _, people = world
    quiz = make_quiz(mine)
    client.force_login(teacher)
    data = {"assessment": quiz.pk, "minutes": "30", "reason": "x"}
    refused = client.post(
        reverse("quiz_extra_time:add"), {**data, "learner": people["In also mine"].pk}
    )
    assert refused.status_code == 200
    assert "This learner is not enrolled in the quiz&#x27;s course." in (
        refused.content.decode()
    )
    stranger = client.post(
        reverse("quiz_extra_time:add"), {**data, "learner": people["Nowhere"].pk}
    )
    assert stranger.status_code == 200
    assert not ExtraTime.objects.exists()
    accepted = client.post(
        reverse("quiz_extra_time:add"), {**data, "learner": people["In mine"].pk}
    )
    assert accepted.status_code == 302
    extra = ExtraTime.objects.get()
    assert extra.learner == people["In mine"]
    edit = client.get(reverse("quiz_extra_time:edit", args=[extra.pk]))
    assert learner_options(edit.content.decode()) == {"In mine"}
