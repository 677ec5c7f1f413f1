"""The completion task sweeps recent completions into one batch
(`services.issue_certificate_on_completion`)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from certificates import services, tasks
from certificates.models import Certificate
from enrollments.models import Enrollment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def completed(course, count, *, ago=timedelta(0)):
    when = timezone.now() - ago
    return [
        Enrollment.objects.create(
            learner=UserFactory(),
            course=course,
            enrolled_at=when,
            status=Enrollment.Status.COMPLETED,
            completed_at=when,
        )
        for _ in range(count)
    ]


def test_the_first_task_issues_the_backlog_and_the_rest_find_theirs(
    course, django_capture_on_commit_callbacks
):
    enrollments = completed(course, 5)
    with django_capture_on_commit_callbacks(execute=True):
        first = tasks.issue_certificate(enrollments[0].pk)
    assert first == Certificate.objects.get(enrollment=enrollments[0]).pk
    assert Certificate.objects.filter(enrollment__in=enrollments).count() == 5
    assert len(mail.outbox) == 5
    serials = set(Certificate.objects.values_list("serial", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        for enrollment in enrollments[1:]:
            tasks.issue_certificate(enrollment.pk)
    assert len(mail.outbox) == 5  # nothing issued twice
    assert set(Certificate.objects.values_list("serial", flat=True)) == serials
    assert len(serials) == 5
    assert Certificate.objects.exclude(pdf="").count() == 5


def test_old_completions_are_left_to_their_own_tasks(
    course, django_capture_on_commit_callbacks
):
    old = completed(course, 1, ago=services.SWEEP_WINDOW + timedelta(minutes=1))
    fresh = completed(course, 1)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.issue_certificate(fresh[0].pk)
    assert Certificate.objects.filter(enrollment=fresh[0]).exists()
    assert not Certificate.objects.filter(enrollment=old[0]).exists()


def test_a_worker_that_finds_the_sweep_taken_issues_its_own(
    course, django_capture_on_commit_callbacks
):
    enrollments = completed(course, 3)
    cache.add(services.SWEEP_LOCK, 1)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.issue_certificate(enrollments[1].pk)
    issued = Certificate.objects.filter(enrollment__in=enrollments)
    assert list(issued.values_list("enrollment_id", flat=True)) == [enrollments[1].pk]
    cache.delete(services.SWEEP_LOCK)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.issue_certificate(enrollments[0].pk)
    assert issued.count() == 3
    assert cache.add(services.SWEEP_LOCK, 1)  # released after the sweep


def test_courses_without_certificates_and_unfinished_learners_are_not_swept(
    course, catalog, django_capture_on_commit_callbacks
):
    from tests.factories import make_course

    silent = make_course(catalog, title="No certificate", certificate_enabled=False)
    done = completed(course, 1)
    no_certificate = completed(silent, 1)
    active = Enrollment.objects.create(
        learner=UserFactory(), course=course, enrolled_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        tasks.issue_certificate(done[0].pk)
    assert Certificate.objects.count() == 1
    assert not Certificate.objects.filter(
        enrollment__in=[no_certificate[0], active]
    ).exists()
