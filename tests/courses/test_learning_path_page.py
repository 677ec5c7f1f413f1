"""The learning path page: its courses in order with the learner's status in
each, overall progress, and "Enrol in all"."""

from typing import cast

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Role, User
from courses.models import LearningPathCourse, LearningPathPage
from enrollments import services
from enrollments.models import Enrollment
from tests.budgets import LARGE, SMALL, queries_for
from tests.factories import UserFactory, fill_catalog, make_course, make_path

pytestmark = pytest.mark.django_db

# Measured: 13 for Wagtail's routing, the session, the user and the page
# chrome, as on a course page; 5 of the path's own: its courses, their lessons
# (one a tree depth), enrolments, lesson progress and the path completion.
BUDGET = 21  # + the courses' and the path's originals (courses.translations)


@pytest.fixture
def courses(catalog):
    return [make_course(catalog, title=f"Step {n}", lessons=2) for n in (1, 2, 3)]


@pytest.fixture
def path(catalog, courses):
    return make_path(catalog, courses, title="CIMIC Staff Officer")


def test_a_visitor_sees_the_courses_in_order_and_is_asked_to_log_in(
    client, path, courses
):
    response = client.get(path.url)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(course.title) for course in courses]
    assert positions == sorted(positions)
    assert "Enrol in all its courses" in html
    enrol = client.post(path.url)
    assert enrol.status_code == 302
    assert "/en/accounts/login/" in enrol["Location"]
    assert not Enrollment.objects.exists()


def test_the_learner_sees_each_course_status_and_overall_progress(
    learner_client, learner, path, courses
):
    # Step 1 completed, step 2 half done, step 3 not enrolled.
    services.enroll(learner=learner, course=courses[0])
    for lesson in courses[0].get_children().live().specific():
        services.complete_lesson(learner=learner, lesson=lesson)
    services.enroll(learner=learner, course=courses[1])
    services.complete_lesson(
        learner=learner, lesson=courses[1].get_children().live().specific().first()
    )
    html = learner_client.get(path.url).content.decode()
    assert "1 of 3 courses completed" in html
    assert "33 %" in html
    step1, step2, step3 = (
        html[html.index(c.title) :].split("</li>")[0] for c in courses
    )
    assert "Completed" in step1
    assert "In progress · 50 %" in step2
    assert "Not enrolled" in step3


def test_enrol_in_all_enrols_in_every_course_once(
    learner_client, learner, path, courses
):
    services.enroll(learner=learner, course=courses[0])
    response = learner_client.post(path.url)
    assert response.status_code == 302
    assert response["Location"] == path.url
    assert set(
        Enrollment.objects.filter(learner=learner).values_list("course_id", flat=True)
    ) == {c.pk for c in courses}
    learner_client.post(path.url)
    assert Enrollment.objects.filter(learner=learner).count() == 3
    html = learner_client.get(path.url).content.decode()
    assert "Enrol in all its courses" not in html


def test_enrol_in_all_needs_the_csrf_token(learner, path):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(path.url).status_code == 403
    assert not Enrollment.objects.exists()


def test_a_draft_path_is_not_found(client, catalog, courses):
    draft = make_path(catalog, courses, title="Draft path", live=False)
    assert client.get(f"/en/courses/{draft.slug}/").status_code == 404


def test_the_catalog_still_lists_only_courses(client, catalog, path, courses):
    html = client.get(catalog.url).content.decode()
    assert "Step 1" in html


def test_the_path_page_stays_within_budget_at_two_sizes(client, catalog):
    learner = cast(User, UserFactory(role=Role.STUDENT))
    client.force_login(learner)
    path = make_path(catalog, fill_catalog(catalog, learner, SMALL))
    small = queries_for(client, path.url)
    assert small <= BUDGET
    more = fill_catalog(catalog, learner, LARGE - SMALL)
    LearningPathCourse.objects.bulk_create(
        LearningPathCourse(path=path, course=course, sort_order=SMALL + n)
        for n, course in enumerate(more)
    )
    assert queries_for(client, path.url) == small
    assert f"0 of {LARGE} courses completed" in client.get(path.url).content.decode()


def test_the_dashboard_lists_paths_in_progress_within_budget(client, catalog):
    learner = cast(User, UserFactory(role=Role.STUDENT))
    client.force_login(learner)
    courses = fill_catalog(catalog, learner, SMALL)
    make_path(catalog, courses[:5], title="First path")
    make_path(catalog, courses[5:], title="Second path")
    small = queries_for(client, "/en/dashboard/")
    more = fill_catalog(catalog, learner, LARGE - SMALL)
    for n in range(0, LARGE - SMALL, 5):
        make_path(catalog, more[n : n + 5], title=f"Path {n}")
    Enrollment.objects.filter(learner=learner, course=courses[0]).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    assert queries_for(client, "/en/dashboard/") == small
    html = client.get("/en/dashboard/").content.decode()
    assert "Learning paths in progress" in html
    assert "1 of 5 courses completed" in html
    assert "Second path" in html


def test_editors_add_paths_under_the_catalog_and_edit_their_courses(
    client, catalog, path
):
    assert LearningPathPage.can_create_at(catalog)
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(f"/admin/pages/{path.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Courses, in order" in html
    assert "Step 1" in html
