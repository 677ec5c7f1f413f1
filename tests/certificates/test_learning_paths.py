"""Learning paths: completing the last course of a path records its completion
once and issues one path certificate, whatever the retries."""

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from certificates import services, tasks
from certificates.models import Certificate
from enrollments import cohort_services
from enrollments import services as enrollment_services
from enrollments.models import Cohort, Enrollment, PathCompletion
from tests.factories import make_course, make_path

from .conftest import complete_course
from .test_services import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(catalog):
    return [
        make_course(catalog, title=f"Path course {n}", lessons=1, estimated_hours=n)
        for n in (2, 3, 4)
    ]


@pytest.fixture
def path(catalog, courses):
    return make_path(catalog, courses, title="CIMIC Staff Officer")


def path_certificates():
    return Certificate.objects.filter(path_completion__isnull=False)


def test_completing_the_last_course_issues_one_path_certificate(
    learner, path, courses, django_capture_on_commit_callbacks
):
    for course in courses[:2]:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    assert not PathCompletion.objects.exists()
    complete_course(learner, courses[2], django_capture_on_commit_callbacks)

    completion = PathCompletion.objects.get(learner=learner, path=path)
    last = Enrollment.objects.get(learner=learner, course=courses[2])
    assert completion.completed_at == last.completed_at
    [certificate] = path_certificates()
    assert certificate.path_completion == completion
    assert certificate.enrollment is None
    assert certificate.course_title == "CIMIC Staff Officer"
    assert certificate.hours == 2 + 3 + 4
    assert certificate.expires_at is None
    assert certificate.learner == learner
    # The three course certificates are there too.
    assert Certificate.objects.filter(enrollment__learner=learner).count() == 3
    text = pdf_text(certificate)
    for expected in (
        learner.display_name,
        "CIMIC Staff Officer",
        "completed the learning path",
        "9 hours",
        certificate.serial,
        f"/certificates/verify/{certificate.verification_code}/",
    ):
        assert expected in text
    [message] = [m for m in mail.outbox if certificate.serial in m.body]
    assert message.to == [learner.email]


def test_a_retried_task_issues_one_path_certificate(
    learner, path, courses, django_capture_on_commit_callbacks
):
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    last = Enrollment.objects.get(learner=learner, course=courses[2])
    [first] = path_certificates()
    # Recording the completion again (enrolments) and issuing again
    # (certificates), as retried tasks would.
    [completion] = enrollment_services.complete_learning_paths(enrollment_id=last.pk)
    assert enrollment_services.complete_learning_paths(enrollment_id=last.pk) == [
        completion
    ]
    again = tasks.issue_path_certificate(completion.pk)
    twice = tasks.issue_path_certificate(completion.pk)
    assert again == twice == first.pk
    assert PathCompletion.objects.count() == 1
    assert path_certificates().count() == 1


def test_a_path_with_a_course_not_complete_issues_none(
    learner, path, courses, django_capture_on_commit_callbacks
):
    for course in courses[:2]:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    enrollment_services.enroll(learner=learner, course=courses[2])
    first = Enrollment.objects.get(learner=learner, course=courses[0])
    assert enrollment_services.complete_learning_paths(enrollment_id=first.pk) == []
    assert not PathCompletion.objects.exists()
    assert not path_certificates().exists()


def test_only_paths_holding_the_course_are_completed(
    catalog, learner, path, courses, django_capture_on_commit_callbacks
):
    other = make_path(catalog, [courses[0], make_course(catalog)], title="Other")
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    assert list(PathCompletion.objects.values_list("path_id", flat=True)) == [path.pk]
    assert not PathCompletion.objects.filter(path=other).exists()


def test_a_certificate_belongs_to_an_enrolment_or_a_path_not_both(
    learner, path, courses, django_capture_on_commit_callbacks
):
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = path_certificates().get()
    certificate.enrollment = Enrollment.objects.filter(learner=learner).first()
    certificate.enrollment.certificate.delete()
    with pytest.raises(IntegrityError):
        certificate.save()


def test_the_verification_page_shows_a_path_certificate(
    client, learner, path, courses, django_capture_on_commit_callbacks
):
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = path_certificates().get()
    response = client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Learning path" in html
    assert "CIMIC Staff Officer" in html
    assert "Valid" in html


def test_the_learner_lists_and_downloads_path_certificates(
    client, learner, path, courses, django_capture_on_commit_callbacks
):
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = path_certificates().get()
    client.force_login(learner)
    mine = client.get(reverse("certificates:mine")).content.decode()
    assert "CIMIC Staff Officer" in mine
    assert certificate.serial in mine
    dashboard = client.get(reverse("enrollments:dashboard")).content.decode()
    assert certificate.serial in dashboard
    download = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_reissuing_a_path_certificate_keeps_serial_and_code(
    learner, path, courses, django_capture_on_commit_callbacks
):
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = path_certificates().get()
    old_pdf = certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        again = services.reissue_certificate(certificate=certificate)
    assert again.serial == certificate.serial
    assert again.verification_code == certificate.verification_code
    assert again.pdf.name != old_pdf


def test_the_register_lists_a_path_certificate_with_its_learner(
    client, manager, learner, path, courses, django_capture_on_commit_callbacks
):
    # The manager's cohort follows one of the path's courses: that enrolment
    # is what reaches the learner's path certificate.
    cohort = Cohort.objects.get(program_managers=manager)
    cohort_services.assign_course(cohort=cohort, course=courses[0], due_at=None)
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = path_certificates().get()
    client.force_login(manager)
    html = client.get(reverse("certificates:register")).content.decode()
    assert certificate.serial in html
    assert learner.email in html


def test_a_path_certificate_is_not_reached_through_membership_alone(
    client, manager, learner, path, courses, django_capture_on_commit_callbacks
):
    """The manager's cohort holds the learner, but none of the path's courses
    is followed through it: the path certificate is not theirs to keep."""
    for course in courses:
        complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = path_certificates().get()
    client.force_login(manager)
    html = client.get(reverse("certificates:register")).content.decode()
    assert certificate.serial not in html
    revoke = reverse("certificates:revoke", args=[certificate.pk])
    assert client.post(revoke, {"reason": "mine?"}).status_code == 404
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
