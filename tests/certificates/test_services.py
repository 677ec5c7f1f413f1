import re
import zlib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Role
from certificates import services
from certificates.models import Certificate, Status
from certificates.services.issuing import add_months
from enrollments.models import Enrollment
from tests.factories import UserFactory, make_course

from .conftest import complete_course

pytestmark = pytest.mark.django_db


def pdf_text(certificate) -> str:
    data = certificate.pdf.open("rb").read()
    certificate.pdf.close()
    assert data.startswith(b"%PDF")
    streams = re.findall(rb"stream\r?\n(.*?)endstream", data, re.S)
    # decompressobj ignores the end-of-line ReportLab may put before endstream.
    return b"".join(zlib.decompressobj().decompress(s) for s in streams).decode(
        "latin-1"
    )


def test_completing_a_course_issues_its_certificate(certificate, learner, course):
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert certificate.enrollment == enrollment
    assert re.fullmatch(rf"IGN-{timezone.now().year}-\d{{6}}", certificate.serial)
    assert certificate.learner_name == learner.display_name
    assert certificate.course_title == "CIMIC staff work"
    assert certificate.hours == 6
    assert certificate.completed_at == enrollment.completed_at
    # 24 months' validity.
    assert certificate.expires_at.year == certificate.issued_at.year + 2


def test_the_verification_code_has_at_least_128_random_bits(certificate):
    code = certificate.verification_code
    assert re.fullmatch(r"[A-Za-z0-9_-]+", code)
    assert len(code) * 6 >= 128


def test_the_pdf_says_who_what_when_and_how_to_verify(certificate, learner):
    text = pdf_text(certificate)
    for expected in (
        learner.display_name,
        "CIMIC staff work",
        certificate.serial,
        "6 hours",
        "Col. A. Example",
        "Director of Studies",
        "IGN Academy",
        f"/certificates/verify/{certificate.verification_code}/",
        # The day unpadded, as the page writes it in every language.
        f"{certificate.completed_at.day} {certificate.completed_at:%B %Y}",
    ):
        assert expected in text
    # The QR code is drawn as filled rectangles.
    assert text.count(" re\n") > 100


def test_the_learner_is_told_by_email(certificate, learner):
    [message] = [m for m in mail.outbox if certificate.serial in m.body]
    assert message.to == [learner.email]
    assert certificate.verification_code in message.body


def test_issuing_again_returns_the_same_certificate(certificate):
    again = services.issue_certificate(enrollment_id=certificate.enrollment_id)
    assert again.pk == certificate.pk
    assert again.pdf.name == certificate.pdf.name
    assert Certificate.objects.count() == 1


def test_a_retry_renders_a_missing_pdf(certificate, django_capture_on_commit_callbacks):
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    # The retry enqueues the rendering; its task stores the PDF on commit.
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_certificate(enrollment_id=certificate.enrollment_id)
    again = Certificate.objects.get(pk=certificate.pk)
    assert again.pdf


def test_serials_count_up(catalog, course, django_capture_on_commit_callbacks):
    serials = []
    for _ in range(3):
        learner = UserFactory(role=Role.STUDENT)
        complete_course(learner, course, django_capture_on_commit_callbacks)
        serials.append(learner.enrollments.get().certificate.serial)
    numbers = [int(s.rsplit("-", 1)[1]) for s in serials]
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]


def test_no_certificate_before_completion(learner, course):
    from enrollments.services import enroll

    enrollment = enroll(learner=learner, course=course)
    assert services.issue_certificate(enrollment_id=enrollment.pk) is None
    assert not Certificate.objects.exists()


def test_no_certificate_when_the_course_issues_none(
    catalog, learner, django_capture_on_commit_callbacks
):
    course = make_course(catalog, lessons=1, certificate_enabled=False)
    complete_course(learner, course, django_capture_on_commit_callbacks)
    assert learner.enrollments.get().status == Enrollment.Status.COMPLETED
    assert not Certificate.objects.exists()


def test_revoke_needs_a_reason_and_tells_the_learner(
    certificate, manager, django_capture_on_commit_callbacks
):
    with pytest.raises(ValueError, match="reason"):
        services.revoke_certificate(
            certificate=certificate, revoked_by=manager, reason="  "
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke_certificate(
            certificate=certificate, revoked_by=manager, reason="Academic misconduct"
        )
    certificate.refresh_from_db()
    assert certificate.status(timezone.now()) == Status.REVOKED
    assert certificate.revoked_by == manager
    assert "Academic misconduct" in mail.outbox[-1].body
    with pytest.raises(services.AlreadyRevoked):
        services.revoke_certificate(
            certificate=certificate, revoked_by=manager, reason="Again"
        )


def test_reissue_makes_it_valid_again_with_a_new_pdf(
    certificate, manager, django_capture_on_commit_callbacks
):
    services.revoke_certificate(
        certificate=certificate, revoked_by=manager, reason="Wrong name"
    )
    old_pdf = certificate.pdf.name
    certificate.enrollment.learner.display_name = "Corrected Name"
    certificate.enrollment.learner.save()
    later = timezone.now() + timedelta(days=1)
    reissued = services.reissue_certificate(certificate=certificate, now=later)
    assert reissued.status(later) == Status.VALID
    assert reissued.serial == certificate.serial
    assert reissued.learner_name == "Corrected Name"
    assert reissued.pdf.name != old_pdf
    assert "Corrected Name" in pdf_text(reissued)


def test_status_follows_expiry(certificate):
    assert certificate.status(certificate.expires_at - timedelta(seconds=1)) == (
        Status.VALID
    )
    assert certificate.status(certificate.expires_at) == Status.EXPIRED


def test_months_are_added_on_the_calendar():
    from datetime import UTC, datetime

    jan31 = datetime(2026, 1, 31, 12, tzinfo=UTC)
    assert add_months(jan31, 1) == datetime(2026, 2, 28, 12, tzinfo=UTC)
    assert add_months(jan31, 24) == datetime(2028, 1, 31, 12, tzinfo=UTC)


def test_expiry_reminders_go_out_once(
    certificate, learner, django_capture_on_commit_callbacks
):
    from django_q.models import Schedule

    assert Schedule.objects.filter(func="certificates.tasks.remind_expiring").exists()
    early = certificate.expires_at - timedelta(days=40)
    assert services.remind_expiring(days=30, now=early) == 0
    soon = certificate.expires_at - timedelta(days=10)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_expiring(days=30, now=soon) == 1
        assert services.remind_expiring(days=30, now=soon) == 0
    [message] = mail.outbox
    assert message.to == [learner.email]
    assert "expires on" in message.body
