"""Cohort writes (enrollments.cohort_services): a cohort claims only free
enrolments (new ones, or a member's own in no cohort that is not completed,
a withdrawn one resumed), in a number of queries that does not grow with the
cohort; only learners join."""

from datetime import timedelta
from typing import cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Role, User
from enrollments import cohort_services as services
from enrollments.models import Enrollment
from enrollments.services import enroll, unenroll
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


def learners(count: int) -> list[User]:
    return [cast(User, UserFactory(role=Role.STUDENT)) for _ in range(count)]


def cohort_of(members: list[User], manager: User, name: str = "Intake"):
    cohort = services.create_cohort(name=name, managers=[manager])
    for member in members:
        assert services.add_member(cohort=cohort, learner=member)
    return cohort


def test_assigning_a_course_costs_the_same_queries_at_5_and_50_members(
    catalog, manager
):
    due = timezone.now() + timedelta(days=10)
    counts = []
    for size in (5, 50):
        course = make_course(catalog, lessons=1)
        members = learners(size)
        # Half already enrolled on their own: those are claimed, not created.
        for member in members[::2]:
            enroll(learner=member, course=course)
        cohort = cohort_of(members, manager, name=f"Intake of {size}")
        with CaptureQueriesContext(connection) as captured:
            claimed = services.assign_course(cohort=cohort, course=course, due_at=due)
        counts.append(len(captured.captured_queries))
        assert claimed == size
        enrolments = Enrollment.objects.filter(course=course)
        assert enrolments.count() == size
        assert set(enrolments.values_list("cohort_id", "due_at")) == {(cohort.pk, due)}
    assert counts[0] == counts[1], counts


def test_adding_a_member_costs_the_same_queries_at_1_and_5_courses(catalog, manager):
    counts = []
    for size in (1, 5):
        cohort = cohort_of([], manager, name=f"Intake of {size} courses")
        for _ in range(size):
            course = make_course(catalog, lessons=1)
            services.assign_course(cohort=cohort, course=course, due_at=None)
        member = learners(1)[0]
        with CaptureQueriesContext(connection) as captured:
            assert services.add_member(cohort=cohort, learner=member)
        counts.append(len(captured.captured_queries))
        assert Enrollment.objects.filter(learner=member, cohort=cohort).count() == size
    assert counts[0] == counts[1], counts


def test_a_cohort_claims_only_free_enrolments(catalog, manager):
    course = make_course(catalog, lessons=1)
    earlier = timezone.now() - timedelta(days=40)
    before = timezone.now() - timedelta(days=20)
    new, own, withdrawn, theirs, finished, mine_finished = learners(6)
    enroll(learner=own, course=course)
    enroll(learner=withdrawn, course=course)
    unenroll(learner=withdrawn, course=course)
    Enrollment.objects.filter(learner=withdrawn).update(enrolled_at=earlier)
    other = cohort_of([theirs], manager, name="Another intake")
    services.assign_course(cohort=other, course=course, due_at=before)
    enroll(learner=finished, course=course)
    Enrollment.objects.filter(learner=finished).update(
        status=Enrollment.Status.COMPLETED, completed_at=before
    )
    cohort = cohort_of([new, own, withdrawn, theirs, finished, mine_finished], manager)
    started = timezone.now()
    assert services.assign_course(cohort=cohort, course=course, due_at=before) == 4
    Enrollment.objects.filter(learner=mine_finished).update(
        status=Enrollment.Status.COMPLETED, completed_at=before
    )
    untouched = {
        row.pk: row for row in Enrollment.objects.filter(learner__in=[theirs, finished])
    }

    due = timezone.now() + timedelta(days=10)
    claimed = services.assign_course(cohort=cohort, course=course, due_at=due)

    assert claimed == 4
    rows = {row.learner_id: row for row in Enrollment.objects.filter(course=course)}
    for learner in (new, own, withdrawn, mine_finished):
        assert (rows[learner.pk].cohort_id, rows[learner.pk].due_at) == (
            cohort.pk,
            due,
        )
    # The withdrawn enrolment is resumed, as `enroll` resumes it.
    resumed = rows[withdrawn.pk]
    assert resumed.status == Enrollment.Status.ACTIVE
    assert resumed.withdrawn_at is None
    assert resumed.enrolled_at >= started
    # Completed in this cohort: still completed, with the new due date.
    assert rows[mine_finished.pk].status == Enrollment.Status.COMPLETED
    assert rows[own.pk].status == Enrollment.Status.ACTIVE
    # Another cohort's, and one completed outside any cohort: exactly as they were.
    for pk, row in untouched.items():
        now = Enrollment.objects.get(pk=pk)
        assert (now.cohort_id, now.due_at, now.status, now.enrolled_at) == (
            row.cohort_id,
            row.due_at,
            row.status,
            row.enrolled_at,
        )
    assert rows[theirs.pk].cohort_id == other.pk
    assert rows[finished.pk].cohort_id is None


def test_a_member_added_later_is_enrolled_in_the_assigned_courses(catalog, manager):
    first, second = make_course(catalog, lessons=1), make_course(catalog, lessons=1)
    due = timezone.now() + timedelta(days=5)
    cohort = cohort_of([], manager)
    services.assign_course(cohort=cohort, course=first, due_at=due)
    services.assign_course(cohort=cohort, course=second, due_at=None)
    late, already = learners(2)
    assert services.add_member(cohort=cohort, learner=late)
    assert not services.add_member(cohort=cohort, learner=late)
    assert services.add_member(cohort=cohort, learner=already)
    assert dict(
        Enrollment.objects.filter(learner=late).values_list("course_id", "due_at")
    ) == {first.pk: due, second.pk: None}
    assert Enrollment.objects.filter(cohort=cohort).count() == 4


@pytest.mark.parametrize(
    "fields",
    [
        {"role": Role.INSTRUCTOR},
        {"role": Role.PROGRAM_MANAGER},
        {"role": Role.STUDENT, "is_staff": True},
        {"is_superuser": True},
    ],
)
def test_only_learners_join_a_cohort(catalog, manager, fields):
    course = make_course(catalog, lessons=1)
    cohort = cohort_of([], manager)
    services.assign_course(cohort=cohort, course=course, due_at=None)
    person = cast(User, UserFactory(**fields))
    with pytest.raises(services.CannotJoin):
        services.add_member(cohort=cohort, learner=person)
    assert not cohort.members.exists()
    assert not Enrollment.objects.filter(learner=person).exists()
