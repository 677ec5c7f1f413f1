"""Events that notify: one notification per recipient whatever the retries."""

from decimal import Decimal

import pytest
from django.core import mail

from accounts import services as accounts
from accounts.models import User
from assessments import services as assessments
from enrollments import services as enrollments
from notifications import services
from notifications.models import Notification
from questions.kinds import Kind
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)

pytestmark = pytest.mark.django_db


def _signup(client, **extra):
    return client.post(
        "/en/accounts/signup/",
        {
            "email": "new@example.org",
            "display_name": "New Person",
            "password1": "a-long-passphrase-2026",
            "password2": "a-long-passphrase-2026",
            "language": "fr",
            **extra,
        },
    )


def test_sign_up_welcomes_and_sends_the_verification_link_once(
    client, catalog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert _signup(client).status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.email_verified_at is None
    kinds = sorted(
        Notification.objects.filter(recipient=user).values_list("kind", flat=True)
    )
    assert kinds == ["email_verification", "welcome"]
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "Bienvenue à l\u2019IGN Academy",
        "Confirmez votre adresse e-mail pour IGN Academy",
    ]
    verification = next(m for m in mail.outbox if "Confirmez" in m.subject)
    assert "List-Unsubscribe" not in verification.extra_headers
    link = next(
        line for line in verification.body.splitlines() if "/accounts/verify/" in line
    )
    assert link.startswith("http://testserver/fr/accounts/verify/")

    # An unverified account cannot enrol; it is told why and can resend (once).
    course = make_course(catalog, title="Protection", lessons=1)
    refused = client.post(course.url)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/en/notifications/verify-email/?next=")
    assert not user.enrollments.exists()
    page = client.get(refused["Location"]).content.decode()
    assert "Send the link again" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(refused["Location"])
        client.post(refused["Location"])
    assert Notification.objects.filter(kind="email_verification").count() == 1

    # The link verifies; then enrolment works and is confirmed once.
    client.get(link.removeprefix("http://testserver"))
    user.refresh_from_db()
    assert user.email_verified_at is not None
    client.post(course.url)
    client.post(course.url)
    assert user.enrollments.count() == 1
    assert (
        Notification.objects.filter(recipient=user, kind="enrolment_confirmed").count()
        == 1
    )


def test_a_forged_verification_link_verifies_nothing(client):
    user = accounts.register_learner(
        email="x@example.org", display_name="X", password="p"
    )
    from accounts import verification

    token = verification.token_for(user)
    client.get(f"/en/accounts/verify/{token[:-3]}abc/")
    user.refresh_from_db()
    assert user.email_verified_at is None
    # An address changed since the link was sent.
    User.objects.filter(pk=user.pk).update(email="y@example.org")
    client.get(f"/en/accounts/verify/{token}/")
    user.refresh_from_db()
    assert user.email_verified_at is None


def test_existing_and_staff_made_accounts_count_as_verified(learner):
    assert learner.email_verified_at is not None


def test_re_enrolling_after_leaving_confirms_again_once(catalog, learner):
    course = make_course(catalog, title="Protection", lessons=1)
    enrollments.enroll(learner=learner, course=course)
    enrollments.enroll(learner=learner, course=course)
    assert Notification.objects.filter(kind="enrolment_confirmed").count() == 1
    note = Notification.objects.get()
    assert note.params == {"course": "Protection"}
    assert note.url == course.url
    enrollments.unenroll(learner=learner, course=course)
    enrollments.enroll(learner=learner, course=course)
    assert Notification.objects.filter(kind="enrolment_confirmed").count() == 2


def test_an_essay_graded_notifies_the_learner_once(
    catalog, learner, instructor, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1)
    essay = make_question(
        make_bank("Bank", course=course),
        kind=Kind.ESSAY,
        title="Reflect",
        stem="<p>Reflect.</p>",
        answers=[],
        default_mark=5,
    )
    quiz = make_quiz(course, slots=[essay])
    attempt = assessments.start_attempt(learner=learner, assessment=quiz)
    assessments.save_answers(
        attempt=attempt,
        answers={attempt.questions_snapshot[0]["slot"]: "Coordination."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        assessments.submit_attempt(attempt=attempt)
    response = attempt.responses.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assessments.grade_response(
            response=response, grader=instructor, score=Decimal(3), comment="Good"
        )
    (note,) = Notification.objects.filter(recipient=learner, kind="essay_graded")
    assert note.render("en")[0] == f"Your answer in {quiz.title} was graded"
    assert note.params["course"] == "CIMIC basics"
    assert [m.to for m in mail.outbox] == [[learner.email]]
    # An override later (with its reason) tells nobody a second time.
    with django_capture_on_commit_callbacks(execute=True):
        assessments.grade_response(
            response=response, grader=instructor, score=Decimal(4), reason="Re-read"
        )
    assert Notification.objects.filter(kind="essay_graded").count() == 1
    assert services.unread_count(learner.pk) == 1


def test_notifications_go_with_their_user():
    user = UserFactory()
    services.notify(user, "welcome", dedupe_key="welcome")
    user.delete()
    assert not Notification.objects.exists()


def test_a_deadline_is_reminded_once_per_due_date(catalog, learner):
    from datetime import timedelta

    from django.utils import timezone

    course = make_course(catalog, title="Protection", lessons=1)
    enrollment = enrollments.enroll(learner=learner, course=course)
    now = timezone.now()
    enrollment.due_at = now + timedelta(days=10)
    enrollment.save(update_fields=["due_at"])
    assert enrollments.remind_deadlines(now=now, days=3) == 0
    soon = now + timedelta(days=8)
    assert enrollments.remind_deadlines(now=soon, days=3) == 1
    assert enrollments.remind_deadlines(now=soon, days=3) == 1
    (note,) = Notification.objects.filter(kind="deadline")
    day = enrollment.due_at.date()
    assert note.render("en")[0] == f"Protection is due on {day.day} {day:%B} {day.year}"
    # A moved due date is reminded again.
    enrollment.due_at += timedelta(days=1)
    enrollment.save(update_fields=["due_at"])
    enrollments.remind_deadlines(now=soon, days=3)
    assert Notification.objects.filter(kind="deadline").count() == 2
    # A completed enrolment is not reminded.
    Notification.objects.all().delete()
    enrollment.status = enrollment.Status.COMPLETED
    enrollment.completed_at = soon
    enrollment.save(update_fields=["status", "completed_at"])
    assert enrollments.remind_deadlines(now=soon, days=3) == 0
