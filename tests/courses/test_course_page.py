import pytest

from accounts.models import Role
from courses.services import sync_instructor_permissions
from enrollments.models import Enrollment
from tests.budgets import assert_budget_holds
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db

# 21, +2 for the rule's facts (the outline's quizzes, its optional items; their
# attempts when the course has quizzes); 24: the outline's SCORM activities
# (one query per tree depth, `live_items_by_course`).
COURSE_BUDGET = 24


def test_course_page_shows_details_outline_and_enrol_form(client, catalog):
    prerequisite = make_course(catalog, title="Foundations of CMI")
    course = make_course(catalog, title="CIMIC doctrine", lessons=3, estimated_hours=6)
    course.prerequisites = [prerequisite]
    course.save()
    html = client.get(course.url).content.decode()
    assert "about 6 hours" in html
    assert "CIMIC doctrine lesson 3" in html
    assert "Foundations of CMI" in html
    # A visitor's Enrol goes to log in and back: no CSRF token, so the page
    # can be shared from the cache.
    assert 'name="csrfmiddlewaretoken"' not in html
    assert 'action="/en/accounts/login/"' in html
    assert f'name="next" value="{course.url}"' in html
    assert ">Enrol</button>" in html


def test_signed_in_learner_enrols_with_a_csrf_protected_form(learner_client, catalog):
    course = make_course(catalog)
    html = learner_client.get(course.url).content.decode()
    assert '<form method="post" class="side-action">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert ">Enrol</button>" in html


def test_anonymous_enrol_goes_to_login(client, catalog):
    course = make_course(catalog)
    response = client.post(course.url, {"action": "enroll"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert not Enrollment.objects.exists()


def test_enrol_through_the_course_page(learner_client, learner, catalog):
    course = make_course(catalog, title="Enrol me")
    response = learner_client.post(course.url, {"action": "enroll"}, follow=True)
    assert Enrollment.objects.get(learner=learner, course=course).status == "active"
    html = response.content.decode()
    assert "You are enrolled" in html
    assert "0 of 3 steps done" in html
    assert "Start the course" in html


def test_enrol_is_csrf_protected(learner, catalog):
    from django.test import Client

    course = make_course(catalog)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(course.url, {"action": "enroll"}).status_code == 403
    assert not Enrollment.objects.exists()


def test_leave_then_rejoin_keeps_progress(learner_client, learner, catalog):
    course = make_course(catalog)
    learner_client.post(course.url, {"action": "enroll"})
    lesson = course.get_children().first()
    learner_client.post(f"/en/learning/lessons/{lesson.pk}/complete/")
    learner_client.post(course.url, {"action": "unenroll"})
    assert Enrollment.objects.get().status == "withdrawn"
    learner_client.post(course.url, {"action": "enroll"})
    html = learner_client.get(course.url).content.decode()
    assert "1 of 3 steps done" in html


def test_course_page_query_budget_does_not_grow(client, catalog):
    assert_budget_holds(
        client,
        catalog,
        url=lambda courses: courses[0].url,
        budget=COURSE_BUDGET,
        lessons=3,
    )


class TestAuthoringPermissions:
    def test_instructor_edits_only_the_courses_they_teach(self, client, catalog):
        teacher = UserFactory(role=Role.INSTRUCTOR)
        theirs = make_course(catalog, title="Theirs")
        other = make_course(catalog, title="Not theirs")
        theirs.instructors = [teacher]
        theirs.save()
        sync_instructor_permissions(course=theirs)
        client.force_login(teacher)
        assert client.get(f"/admin/pages/{theirs.pk}/edit/").status_code == 200
        lesson = theirs.get_children().first()
        assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
        assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)
        assert theirs.permissions_for_user(teacher).can_publish()
        assert not other.permissions_for_user(teacher).can_publish()

    def test_removing_an_instructor_revokes_their_rights(self, catalog):
        teacher = UserFactory(role=Role.INSTRUCTOR)
        course = make_course(catalog)
        course.instructors = [teacher]
        course.save()
        sync_instructor_permissions(course=course)
        course.instructors = []
        course.save()
        sync_instructor_permissions(course=course)
        assert not course.permissions_for_user(teacher).can_edit()

    def test_program_managers_and_students_cannot_author(self, client, catalog):
        for role in (Role.PROGRAM_MANAGER, Role.STUDENT):
            client.force_login(UserFactory(role=role))
            response = client.get("/admin/")
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]
