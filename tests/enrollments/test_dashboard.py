import pytest

from accounts.models import Role
from enrollments import services
from tests.budgets import assert_budget_holds
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db

# 8 for the courses (session, user, enrolments, outlines, progress,
# permissions, site, menu); +1 for the learning paths in progress; +2 for the
# certificates panel (its rows, the manager check); +2 for the rule's facts
# (the outlines' quizzes, the optional items; their attempts when a course
# has quizzes); +2 for the deadlines (the calendar feed's token, the
# certificates expiring); +1 for the outlines' SCORM activities.
DASHBOARD_BUDGET = 16


def test_dashboard_needs_a_login(client):
    response = client.get("/en/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_dashboard_shows_progress_and_resumes_at_the_next_unfinished_lesson(
    learner_client, learner, catalog
):
    course = make_course(catalog, title="Resume me", lessons=4)
    services.enroll(learner=learner, course=course)
    lessons = [p.specific for p in course.get_children()]
    services.complete_lesson(learner=learner, lesson=lessons[0])
    services.complete_lesson(learner=learner, lesson=lessons[2])
    html = learner_client.get("/en/dashboard/").content.decode()
    assert "2 of 4 steps done · 50 %" in html
    assert f'href="{lessons[1].url}">Continue: Resume me lesson 2' in html


def test_dashboard_lists_completed_courses_apart(learner_client, learner, catalog):
    done = make_course(catalog, title="All done", lessons=1)
    make_course(catalog, title="Never enrolled")
    services.enroll(learner=learner, course=done)
    services.complete_lesson(
        learner=learner, lesson=done.get_children().first().specific
    )
    response = learner_client.get("/en/dashboard/")
    assert [p.course.title for p in response.context["dashboard"].completed] == [
        "All done"
    ]
    assert response.context["dashboard"].in_progress == []
    assert "Never enrolled" not in response.content.decode()


def test_dashboard_shows_only_my_own_enrollments(client, catalog):
    course = make_course(catalog, title="Someone else's")
    other = UserFactory(role=Role.STUDENT)
    services.enroll(learner=other, course=course)
    client.force_login(UserFactory(role=Role.STUDENT))
    assert "Someone else" not in client.get("/en/dashboard/").content.decode()


def test_dashboard_query_budget_does_not_grow(client, catalog):
    assert_budget_holds(
        client, catalog, url=lambda courses: "/en/dashboard/", budget=DASHBOARD_BUDGET
    )
