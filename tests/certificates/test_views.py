import io
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from certificates.models import Certificate
from enrollments import cohort_services
from enrollments.models import Cohort
from exports.models import Export
from tests.factories import UserFactory

from .conftest import complete_course

pytestmark = pytest.mark.django_db


def verify_url(certificate):
    return reverse("certificates:verify", args=[certificate.verification_code])


def test_my_certificates_lists_mine_with_link_and_download(certificate, learner_client):
    response = learner_client.get(reverse("certificates:mine"))
    body = response.content.decode()
    assert certificate.serial in body
    assert f"http://testserver{verify_url(certificate)}" in body
    assert reverse("certificates:download", args=[certificate.pk]) in body
    assert "<script src=" in body and "<script>" not in body


def test_the_dashboard_shows_certificates(certificate, learner_client):
    body = learner_client.get(reverse("enrollments:dashboard")).content.decode()
    assert "Certificates" in body
    assert certificate.serial in body


def test_the_owner_downloads_the_pdf(certificate, learner_client):
    response = learner_client.get(
        reverse("certificates:download", args=[certificate.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.serial in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_someone_elses_pdf_is_a_404(certificate, client):
    client.force_login(UserFactory(role=Role.STUDENT))
    url = reverse("certificates:download", args=[certificate.pk])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the log-in page


def test_verification_says_valid_with_name_course_and_date(certificate, client):
    response = client.get(verify_url(certificate))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Valid" in body
    assert certificate.learner_name in body
    assert certificate.course_title in body
    assert f"{certificate.completed_at:%-d %B %Y}" in body
    # Nothing more: no e-mail address, no serial to enumerate.
    assert certificate.enrollment.learner.email not in body


def test_verification_says_expired(certificate, client):
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=timezone.now() - timedelta(days=800),
        expires_at=timezone.now() - timedelta(days=5),
    )
    body = client.get(verify_url(certificate)).content.decode()
    assert "Expired" in body


def test_unknown_codes_are_404(client):
    url = reverse("certificates:verify", args=["not-a-real-code-1234567890"])
    assert client.get(url).status_code == 404


def test_guessing_is_rate_limited(certificate, client, settings):
    settings.CERTIFICATE_VERIFY_RATE = 5
    for n in range(5):
        url = reverse("certificates:verify", args=[f"guess-{n}"])
        assert client.get(url).status_code == 404
    assert client.get(verify_url(certificate)).status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get(verify_url(certificate)).status_code == 200


def test_the_register_is_for_managers_only(certificate, learner_client, client):
    url = reverse("certificates:register")
    assert learner_client.get(url).status_code == 404
    client.force_login(UserFactory(role=Role.INSTRUCTOR))
    assert client.get(url).status_code == 404


def test_the_register_filters(certificate, course, client, manager):
    client.force_login(manager)
    url = reverse("certificates:register")
    assert certificate.serial in client.get(url).content.decode()
    assert certificate.serial in client.get(url, {"course": course.pk}).content.decode()
    assert (
        certificate.serial not in client.get(url, {"course": 999999}).content.decode()
    )
    assert certificate.serial in client.get(url, {"status": "valid"}).content.decode()
    assert (
        certificate.serial
        not in client.get(url, {"status": "revoked"}).content.decode()
    )
    # It expires in two years.
    assert certificate.serial not in client.get(url, {"expiring": 30}).content.decode()
    assert certificate.serial in client.get(url, {"expiring": 800}).content.decode()
    assert (
        certificate.serial
        in client.get(url, {"q": certificate.serial}).content.decode()
    )


def test_a_manager_revokes_with_a_reason_and_the_page_says_so(
    certificate, client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    url = reverse("certificates:revoke", args=[certificate.pk])
    client.post(url, {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Identity could not be confirmed"})
    assert response.status_code == 302
    assert "Identity could not be confirmed" in mail.outbox[-1].body
    client.logout()
    body = client.get(verify_url(certificate)).content.decode()
    assert "Revoked" in body
    assert f"{timezone.now():%-d %B %Y}" in body


def test_reissue_from_the_register(certificate, client, manager):
    client.force_login(manager)
    client.post(
        reverse("certificates:revoke", args=[certificate.pk]), {"reason": "Typo"}
    )
    client.post(reverse("certificates:reissue", args=[certificate.pk]))
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_register_posts_need_csrf(certificate, manager):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    response = client.post(
        reverse("certificates:revoke", args=[certificate.pk]), {"reason": "x"}
    )
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_learners_cannot_revoke(certificate, learner_client):
    url = reverse("certificates:revoke", args=[certificate.pk])
    assert learner_client.post(url, {"reason": "mine"}).status_code == 404


def test_a_manager_exports_a_course_zip(
    certificate, course, client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates:request_export"), {"course": course.pk}
        )
    assert response.status_code == 302
    export = Export.objects.get()
    assert export.status == Export.Status.DONE and export.items == 1
    body = client.get(reverse("certificates:register")).content.decode()
    url = reverse("certificates:download_export", args=[export.pk])
    assert url in body
    response = client.get(url)
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == [f"{certificate.serial}.pdf"]
        assert archive.read(f"{certificate.serial}.pdf").startswith(b"%PDF")
    # Another manager, or a learner, cannot fetch it.
    other = UserFactory(role=Role.PROGRAM_MANAGER)
    client.force_login(other)
    assert client.get(url).status_code == 404


def test_a_manager_keeps_the_register_of_their_cohorts_only(
    certificate, course, client, manager, django_capture_on_commit_callbacks
):
    stranger = UserFactory(role=Role.STUDENT, display_name="Zed Stranger")
    complete_course(stranger, course, django_capture_on_commit_callbacks)
    theirs = stranger.enrollments.get(course=course).certificate
    client.force_login(manager)
    page = client.get(reverse("certificates:register")).content.decode()
    assert certificate.serial in page and theirs.serial not in page
    revoke = reverse("certificates:revoke", args=[theirs.pk])
    assert client.post(revoke, {"reason": "not mine"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    # An admin keeps the whole register.
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("certificates:register")).content.decode()
    assert certificate.serial in page and theirs.serial in page


def test_the_register_filters_by_cohort_and_exports_a_cohort_zip(
    certificate, course, client, manager, learner, django_capture_on_commit_callbacks
):
    mine = Cohort.objects.get(program_managers=manager)
    other_member = UserFactory(role=Role.STUDENT)
    second = cohort_services.create_cohort(name="Second intake", managers=[manager])
    cohort_services.add_member(cohort=second, learner=other_member)
    cohort_services.assign_course(cohort=second, course=course, due_at=None)
    complete_course(other_member, course, django_capture_on_commit_callbacks)
    foreign = cohort_services.create_cohort(name="Someone else's", managers=[])
    cohort_services.add_member(cohort=foreign, learner=learner)
    client.force_login(manager)
    url = reverse("certificates:register")
    page = client.get(url, {"cohort": mine.pk}).content.decode()
    other_serial = other_member.enrollments.get(course=course).certificate.serial
    assert certificate.serial in page and other_serial not in page
    assert "Someone else" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates:request_export"), {"cohort": second.pk}
        )
    assert response.status_code == 302
    export = Export.objects.get()
    assert export.status == Export.Status.DONE and export.items == 1
    data = b"".join(
        client.get(
            reverse("certificates:download_export", args=[export.pk])
        ).streaming_content
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == [f"{other_serial}.pdf"]
    # Another manager's cohort is a miss, and nothing is queued.
    response = client.post(
        reverse("certificates:request_export"), {"cohort": foreign.pk}
    )
    assert response.status_code == 404
    assert Export.objects.count() == 1


def test_a_pdf_not_rendered_yet_is_rendered_on_first_download(
    certificate, learner_client
):
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    url = reverse("certificates:download", args=[certificate.pk])
    response = learner_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    stored = Certificate.objects.get(pk=certificate.pk).pdf.name
    assert stored
    # Kept: the next download serves the same file.
    response = learner_client.get(url)
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert Certificate.objects.get(pk=certificate.pk).pdf.name == stored


def test_an_export_renders_the_pdfs_not_rendered_yet(
    certificate, course, client, manager, django_capture_on_commit_callbacks
):
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certificates:request_export"), {"course": course.pk})
    export = Export.objects.get()
    assert export.status == Export.Status.DONE and export.items == 1
    with zipfile.ZipFile(export.file.open("rb")) as archive:
        assert archive.read(f"{certificate.serial}.pdf").startswith(b"%PDF")
    assert Certificate.objects.get(pk=certificate.pk).pdf
