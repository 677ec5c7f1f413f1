"""Recertification: after expiry the learner takes the course again, and
completing it renews the certificate (same serial and code, a new validity)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, Status
from enrollments import services as enrollment_services
from enrollments.models import Enrollment

pytestmark = pytest.mark.django_db


def expire(certificate):
    past = timezone.now() - timedelta(days=1)
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=past - timedelta(days=730), expires_at=past
    )
    certificate.refresh_from_db()


def test_a_valid_certificate_is_not_recertified(certificate):
    with pytest.raises(services.NotExpired):
        services.recertify(certificate=certificate)


def test_recertify_by_taking_the_course_again(
    certificate, learner, course, learner_client, django_capture_on_commit_callbacks
):
    expire(certificate)
    old_pdf = certificate.pdf.name
    response = learner_client.post(
        reverse("certificates:recertify", args=[certificate.pk])
    )
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert enrollment.restarted_at is not None
    assert not enrollment.lesson_progress.filter(completed_at__isnull=False).exists()

    with django_capture_on_commit_callbacks(execute=True):
        for lesson in course.get_children().live().specific():
            enrollment_services.complete_lesson(learner=learner, lesson=lesson)

    renewed = Certificate.objects.get(pk=certificate.pk)
    assert renewed.status(timezone.now()) == Status.VALID
    assert renewed.serial == certificate.serial
    assert renewed.verification_code == certificate.verification_code
    assert renewed.expires_at > timezone.now() + timedelta(days=700)
    assert renewed.pdf.name != old_pdf
    # A duplicate task renews nothing more.
    again = services.issue_certificate(enrollment_id=enrollment.pk)
    assert again.issued_at == renewed.issued_at


def test_someone_elses_certificate_cannot_be_recertified(certificate, client):
    from accounts.models import Role
    from tests.factories import UserFactory

    expire(certificate)
    client.force_login(UserFactory(role=Role.STUDENT))
    url = reverse("certificates:recertify", args=[certificate.pk])
    assert client.post(url).status_code == 404
