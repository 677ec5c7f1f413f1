import pytest
from django.urls import reverse

from accounts.models import Role
from enrollments.models import Cohort, Enrollment
from tests.factories import UserFactory

from .conftest import make_attempt

pytestmark = pytest.mark.django_db


def report_urls(world):
    return [
        reverse("reports:index"),
        reverse("reports:course", args=[world.teaching.pk]),
        reverse("reports:assessment", args=[world.quiz.pk]),
        reverse("reports:learner", args=[world.member.pk]),
        reverse("reports:at_risk"),
        reverse("reports:cohorts"),
        reverse("reports:cohort", args=[world.cohort.pk]),
        reverse("reports:import", args=[world.cohort.pk]),
    ]


def test_manager_reads_every_report(client, world, manager):
    make_attempt(world.member, world.quiz, world.questions, [1, 0, 1])
    client.force_login(manager)
    for url in report_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(reverse("reports:cohort", args=[world.cohort.pk])).content
    assert b"Alice Member" in page and b"Humanitarian law" in page


def test_student_gets_404_on_every_report_url(client, world):
    client.force_login(world.member)
    for url in report_urls(world):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url


def test_manager_gets_404_for_another_managers_cohort_and_learner(
    client, world, manager
):
    client.force_login(manager)
    for url in (
        reverse("reports:cohort", args=[world.foreign.pk]),
        reverse("reports:import", args=[world.foreign.pk]),
        reverse("reports:learner", args=[world.outsider.pk]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("reports:add_member", args=[world.foreign.pk]),
        {"email": world.member.email},
    )
    assert response.status_code == 404
    assert not world.foreign.members.filter(pk=world.member.pk).exists()
    page = client.get(reverse("reports:cohorts")).content.decode()
    assert "Intake 1" in page and "Intake 2" not in page


def test_instructor_sees_taught_courses_only(client, world, instructor):
    client.force_login(instructor)
    page = client.get(reverse("reports:index")).content.decode()
    assert "Civil protection" in page and "Humanitarian law" not in page
    assert (
        client.get(reverse("reports:course", args=[world.other.pk])).status_code == 404
    )
    assert (
        client.get(reverse("reports:course", args=[world.teaching.pk])).status_code
        == 200
    )
    assert client.get(reverse("reports:cohorts")).status_code == 404
    assert (
        client.get(reverse("reports:learner", args=[world.stranger.pk])).status_code
        == 200
    )


def test_create_cohort_and_assign_a_course_enrols_members_with_due_date(
    client, world, manager
):
    client.force_login(manager)
    response = client.post(reverse("reports:cohorts"), {"name": "Intake 3"})
    cohort = Cohort.objects.get(name="Intake 3")
    assert response.url == reverse("reports:cohort", args=[cohort.pk])
    assert list(cohort.program_managers.all()) == [manager]
    client.post(
        reverse("reports:add_member", args=[cohort.pk]), {"email": world.stranger.email}
    )
    response = client.post(
        reverse("reports:assign_course", args=[cohort.pk]),
        {"course": world.other.pk, "due_at": "2027-01-31T12:00"},
    )
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(learner=world.stranger, course=world.other)
    assert enrollment.cohort == cohort
    assert enrollment.due_at.strftime("%Y-%m-%d") == "2027-01-31"
    # a member added afterwards is enrolled too
    late = UserFactory(role=Role.STUDENT)
    client.post(reverse("reports:add_member", args=[cohort.pk]), {"email": late.email})
    assert (
        Enrollment.objects.get(learner=late, course=world.other).due_at
        == enrollment.due_at
    )
