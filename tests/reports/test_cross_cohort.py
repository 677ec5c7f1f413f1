"""Issue 16: a program manager added another manager's learner (or the
superuser) to their own cohort by e-mail, then read the learner's timeline,
revoked their certificates and moved their enrolment. A manager now reaches a
learner only through an enrolment of one of their cohorts
(`enrollments.scope`), and the reply never says whether an e-mail has an
account."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken

from accounts.models import Role, User
from certificates.models import Certificate
from enrollments import cohort_services as services
from enrollments import scope
from enrollments.models import Enrollment
from reports import selectors
from tests.factories import UserFactory

from .conftest import make_attempt

pytestmark = pytest.mark.django_db


def add(client, cohort, email):
    response = client.post(
        reverse("reports:add_member", args=[cohort.pk]), {"email": email}
    )
    assert response.status_code == 302
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_adding_another_cohorts_learner_gives_no_reach_to_their_records(
    client, world, manager
):
    theirs = Enrollment.objects.get(learner=world.outsider, course=world.other)
    make_attempt(world.outsider, world.quiz, world.questions, [0, 0, 0])
    client.force_login(manager)
    add(client, world.cohort, world.outsider.email)
    # A member now, but every enrolment stays the other cohort's, unchanged.
    assert world.cohort.members.filter(pk=world.outsider.pk).exists()
    new_due = "2030-01-31T12:00"
    client.post(
        reverse("reports:assign_course", args=[world.cohort.pk]),
        {"course": world.other.pk, "due_at": new_due},
    )
    client.post(
        reverse("reports:assign_course", args=[world.cohort.pk]),
        {"course": world.teaching.pk, "due_at": new_due},
    )
    moved = Enrollment.objects.get(pk=theirs.pk)
    assert (moved.cohort_id, moved.due_at) == (world.foreign.pk, theirs.due_at)
    # The teaching course had no enrolment of theirs: that one is the cohort's.
    assert (
        Enrollment.objects.get(learner=world.outsider, course=world.teaching).cohort
        == world.cohort
    )
    assert not scope.managed_enrollments(manager).filter(pk=theirs.pk).exists()
    # Nothing of the other cohort's enrolment shows anywhere.
    timeline = list(
        selectors.learner_timeline(manager, learner_id=world.outsider.pk).rows
    )
    assert all(row[2] != world.other.title for row in timeline)
    matrix = list(selectors.cohort_progress(manager, cohort_id=world.cohort.pk).rows)
    assert (world.outsider.pk, world.other.pk) not in {(r[0], r[3]) for r in matrix}
    listed = list(selectors.enrollment_list(manager).rows)
    assert theirs.pk not in [row[0] for row in listed]


def test_membership_alone_reaches_nothing(client, world, manager):
    """The outsider is a member of the manager's cohort and has no enrolment
    of it (no course assigned yet): every report path is a miss."""
    client.force_login(manager)
    add(client, world.cohort, world.outsider.email)
    Enrollment.objects.filter(learner=world.outsider, cohort=world.cohort).delete()
    make_attempt(world.outsider, world.quiz, world.questions, [1, 0, 0])
    assert not scope.manages_learner(manager, world.outsider.pk)
    url = reverse("reports:learner", args=[world.outsider.pk])
    assert client.get(url).status_code == 404
    assert selectors.visible_learner(manager, world.outsider.pk) is None
    at_risk = list(
        selectors.at_risk(
            manager,
            filters=selectors.AtRiskFilters(inactive_days=1),
            now=timezone.now() + timedelta(days=400),
        ).rows
    )
    assert world.outsider.pk not in {row[0] for row in at_risk}
    # The API with the manager's token: the same scope.
    _token, plaintext = APIToken.create_token(user=manager, name="t")
    api = client.get(
        "/api/v1/reports/learner",
        {"learner": world.outsider.pk},
        headers={"authorization": f"Bearer {plaintext}"},
    )
    assert api.status_code == 404


def test_the_reply_is_the_same_for_unknown_learner_and_privileged_emails(
    client, world, manager, caplog
):
    admin = User.objects.create_superuser(
        email="root@example.org", password="x", display_name="Root"
    )
    teacher = UserFactory(role=Role.INSTRUCTOR, email="teacher@example.org")
    other_manager = UserFactory(role=Role.PROGRAM_MANAGER, email="pm@example.org")
    staff = UserFactory(email="staff@example.org", is_staff=True)
    client.force_login(manager)
    replies = {}
    with caplog.at_level("WARNING", logger="enrollments.cohort_services"):
        for email in (
            "nobody@example.org",
            world.stranger.email,
            world.outsider.email,
            admin.email,
            teacher.email,
            other_manager.email,
            staff.email,
        ):
            message = add(client, world.cohort, email)[-1]
            replies[email] = message.replace(email, "EMAIL")
    assert len(set(replies.values())) == 1, replies
    assert "exist" not in next(iter(replies.values()))
    members = set(world.cohort.members.values_list("email", flat=True))
    assert {"nobody@example.org", world.stranger.email} <= members
    assert not members & {admin.email, teacher.email, other_manager.email, staff.email}
    assert sum("refused" in r.getMessage() for r in caplog.records) == 4
    new = User.objects.get(email="nobody@example.org")
    assert new.has_role(Role.STUDENT)


def test_a_completed_course_outside_any_cohort_is_not_claimed(client, world, manager):
    """The stranger finished the course on their own: adding them and
    assigning it gives the manager no reach to that enrolment."""
    Enrollment.objects.filter(learner=world.stranger, course=world.teaching).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    services.add_member(cohort=world.cohort, learner=world.stranger)
    services.assign_course(cohort=world.cohort, course=world.teaching, due_at=None)
    enrollment = Enrollment.objects.get(learner=world.stranger, course=world.teaching)
    assert enrollment.cohort is None
    assert not scope.managed_enrollments(manager).filter(pk=enrollment.pk).exists()


def test_assigning_says_how_many_members_are_left_as_they_are(client, world, manager):
    """The stranger finished the course on their own: the manager who assigns
    it is told that one member's enrolment stays out of the cohort."""
    Enrollment.objects.filter(learner=world.stranger, course=world.teaching).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    services.add_member(cohort=world.cohort, learner=world.stranger)
    client.force_login(manager)
    response = client.post(
        reverse("reports:assign_course", args=[world.cohort.pk]),
        {"course": world.teaching.pk, "due_at": ""},
    )
    assert response.status_code == 302
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(
        "1 member already follows this course outside this cohort" in m for m in said
    ), said


def test_an_admin_keeps_full_reach(world):
    admin = User.objects.create_superuser(
        email="root@example.org", password="x", display_name="Root"
    )
    assert selectors.visible_learner(admin, world.outsider.pk) is not None
    assert scope.managed_enrollments(admin).count() == Enrollment.objects.count()
    assert set(scope.managed_cohorts(admin)) == {world.cohort, world.foreign}


def test_the_certificate_register_follows_the_same_scope(
    client, world, manager, django_capture_on_commit_callbacks
):
    """The outsider's certificate of the other cohort's course: the manager
    who added them as a member neither lists, revokes nor reissues it."""
    from enrollments import services as enrollment_services

    with django_capture_on_commit_callbacks(execute=True):
        for lesson in world.other.get_children().live().specific():
            enrollment_services.complete_lesson(learner=world.outsider, lesson=lesson)
    certificate = Certificate.objects.get(enrollment__learner=world.outsider)
    client.force_login(manager)
    add(client, world.cohort, world.outsider.email)
    page = client.get(reverse("certificates:register")).content.decode()
    assert certificate.serial not in page
    for name in ("certificates:revoke", "certificates:reissue"):
        response = client.post(reverse(name, args=[certificate.pk]), {"reason": "x"})
        assert response.status_code == 404, name
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    verify = client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    )
    assert "Revoked" not in verify.content.decode()


def test_the_cohort_page_names_a_member_only_through_its_enrolments(
    client, world, manager
):
    """Adding another cohort's learner shows their e-mail (typed by the
    manager), not their name or a link to their records, until they follow a
    course through this cohort."""
    client.force_login(manager)
    add(client, world.cohort, world.outsider.email)
    Enrollment.objects.filter(learner=world.outsider, cohort=world.cohort).delete()
    page = client.get(reverse("reports:cohort", args=[world.cohort.pk]))
    html = page.content.decode()
    assert world.outsider.email in html
    assert "Olga Outsider" not in html
    assert reverse("reports:learner", args=[world.outsider.pk]) not in html
    assert "Alice Member" in html  # members reached through the cohort
