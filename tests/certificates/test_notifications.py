"""Certificates tell the learner through the notifications app, the one path:
issued, revoked, expiring each write exactly one notification per learner and
event whatever the retries, e-mailed as the learner chose."""

from datetime import timedelta

import pytest
from django.core import mail

from certificates import services, tasks
from notifications.kinds import Channel
from notifications.models import Notification
from notifications.services import set_preference

pytestmark = pytest.mark.django_db


def rows(learner, kind):
    return list(Notification.objects.filter(recipient=learner, kind=kind))


def test_issuing_notifies_once_whatever_the_retries(
    certificate, learner, django_capture_on_commit_callbacks
):
    (row,) = rows(learner, "certificate_issued")
    assert row.params["serial"] == certificate.serial
    assert row.url == "/en/certificates/"
    assert len([m for m in mail.outbox if certificate.serial in m.body]) == 1
    # The task retried, the sweep run again: nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.notify_certificates([certificate.pk], "issued") == 1
        services.issue_certificate(enrollment_id=certificate.enrollment_id)
    assert len(rows(learner, "certificate_issued")) == 1
    assert len([m for m in mail.outbox if certificate.serial in m.body]) == 1
    (message,) = [m for m in mail.outbox if certificate.serial in m.body]
    assert message.subject == "Your certificate for CIMIC staff work"
    assert f"/en/certificates/verify/{certificate.verification_code}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )


def test_revoking_notifies_once_and_a_reissue_is_a_new_event(
    certificate, learner, manager, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke_certificate(
            certificate=certificate, revoked_by=manager, reason="Wrong learner"
        )
        # A retried notification of the same revocation.
        services.notify_certificates(certificate_ids=[certificate.pk], kind="revoked")
    (row,) = rows(learner, "certificate_revoked")
    assert row.params["reason"] == "Wrong learner"
    (message,) = mail.outbox
    assert "Reason: Wrong learner." in message.body
    assert "programme manager" in message.body

    with django_capture_on_commit_callbacks(execute=True):
        services.reissue_certificate(
            certificate=certificate, now=certificate.issued_at + timedelta(days=1)
        )
    assert len(rows(learner, "certificate_issued")) == 2
    assert len(mail.outbox) == 2


def test_expiry_reminder_notifies_once_per_validity(
    certificate, learner, django_capture_on_commit_callbacks
):
    soon = certificate.expires_at - timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_expiring(days=30, now=soon) == 1
        services.notify_certificates(certificate_ids=[certificate.pk], kind="expiring")
        assert services.remind_expiring(days=30, now=soon) == 0
    (row,) = rows(learner, "certificate_expiring")
    assert row.params["date"] == certificate.expires_at.date().isoformat()
    title, body = row.render("en")
    assert title == "Your certificate for CIMIC staff work expires soon"
    assert certificate.expires_at.strftime("%B %Y") in body


def test_the_learners_preference_is_obeyed(
    learner, course, django_capture_on_commit_callbacks
):
    from .conftest import complete_course

    set_preference(learner, "certificate_issued", Channel.OFF)
    mail.outbox.clear()
    complete_course(learner, course, django_capture_on_commit_callbacks)
    assert learner.enrollments.get(course=course).certificate is not None
    assert rows(learner, "certificate_issued") == []
    assert not [m for m in mail.outbox if "certificate" in m.subject.lower()]


def test_an_unknown_kind_is_refused(certificate):
    with pytest.raises(ValueError):
        services.notify_certificates(certificate_ids=[certificate.pk], kind="lost")
