"""E-mail delivery from the rows: a real SMTP server (aiosmtpd) stopped and
started again; nothing is lost, nothing is sent twice."""

import email
import socket
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from notifications import delivery, services
from notifications.kinds import Channel
from notifications.models import Delivery, Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class _Mailbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=policy.default)
        )
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    port = _free_port()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    mailbox = _Mailbox()
    servers: list[Controller] = []

    class Server:
        messages = mailbox.messages

        def start(self) -> None:
            controller = Controller(mailbox, hostname="127.0.0.1", port=port)
            controller.start()
            servers.append(controller)

        def stop(self) -> None:
            servers.pop().stop()

    yield Server()
    while servers:
        servers.pop().stop()


def test_a_mail_server_outage_delays_mail_and_loses_none(
    smtp, django_capture_on_commit_callbacks
):
    learner = UserFactory(language="fr", email="lea@example.org")
    # The server is down: the delivery enqueued on commit fails and retries later.
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            learner,
            "essay_graded",
            dedupe_key="essay:1",
            url="/en/x/",
            assessment="Q",
            course="C",
        )
    row = Notification.objects.get()
    assert row.delivery == Delivery.PENDING
    assert row.attempts == 1
    assert row.next_attempt_at > timezone.now()
    assert row.last_error
    # Not due yet: nothing is tried.
    assert delivery.deliver_due() == 0
    later = row.next_attempt_at + timedelta(seconds=1)
    # Still down at the second attempt: the wait doubles.
    assert delivery.deliver_due(now=later) == 0
    row.refresh_from_db()
    assert row.attempts == 2
    assert row.next_attempt_at - later == delivery.backoff(2)

    smtp.start()
    assert delivery.deliver_due(now=row.next_attempt_at) == 1
    assert delivery.deliver_due(now=row.next_attempt_at + timedelta(days=1)) == 0
    row.refresh_from_db()
    assert row.delivery == Delivery.SENT
    (message,) = smtp.messages
    assert message["To"] == "lea@example.org"
    assert message["Subject"] == "Votre réponse dans Q a été notée"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith(
        "<http://testserver/fr/notifications/unsubscribe/"
    )
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "http://testserver/fr/x/" in text
    assert 'href="http://testserver/fr/x/"' in html
    assert '<html lang="fr">' in html


def test_a_leased_row_is_not_sent_by_a_second_worker(smtp):
    smtp.start()
    learner = UserFactory()
    services.notify(learner, "welcome", dedupe_key="welcome")
    now = timezone.now()
    row = Notification.objects.get()
    # Another worker holds it.
    assert delivery._claim([row.pk], Delivery.PENDING, now) == 1
    assert delivery.deliver_due(now=now) == 0
    assert not smtp.messages
    # Its lease expires (the worker died): the row is sent once.
    expired = now + timedelta(seconds=301)
    assert delivery.deliver_due(now=expired) == 1
    assert delivery.deliver_due(now=expired) == 0
    assert len(smtp.messages) == 1


def test_gives_up_after_the_last_attempt(settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": _free_port(), "timeout": 5},
        }
    }
    services.notify(UserFactory(), "welcome", dedupe_key="welcome")
    now = timezone.now()
    delivery.deliver_due(now=now)
    delivery.deliver_due(now=now + timedelta(days=1))
    row = Notification.objects.get()
    assert (row.delivery, row.attempts) == (Delivery.FAILED, 2)


def test_the_digest_gathers_a_recipients_rows_in_one_mail(smtp):
    smtp.start()
    learner = UserFactory()
    other = UserFactory()
    services.set_preference(learner, "essay_graded", Channel.DIGEST)
    for number in range(3):
        services.notify(
            learner,
            "essay_graded",
            dedupe_key=f"e:{number}",
            assessment=f"Q{number}",
            course="C",
        )
        services.notify(
            learner, "discussion_reply", dedupe_key=f"r:{number}", thread="T"
        )
    services.notify(other, "discussion_reply", dedupe_key="r:9", thread="T9")
    assert delivery.send_digests() == 2
    assert delivery.send_digests() == 0
    mine = next(m for m in smtp.messages if m["To"] == learner.email)
    assert mine["Subject"] == "Your IGN Academy digest: 6 new notifications"
    text = mine.get_body(preferencelist=("plain",)).get_content()
    assert all(f"Your answer in Q{number} was graded" in text for number in range(3))
    assert "/notifications/unsubscribe/" in mine["List-Unsubscribe"]
    assert not Notification.objects.filter(delivery=Delivery.DIGEST).exists()
