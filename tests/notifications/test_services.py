"""notify / notify_many: one row per recipient and event whatever the
retries, preferences obeyed, written in the caller's transaction."""

import pytest
from django.core import mail
from django.db import transaction

from notifications import services
from notifications.kinds import KINDS, Channel
from notifications.models import Delivery, Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_retried_event_writes_one_row_and_sends_one_mail(
    django_capture_on_commit_callbacks,
):
    learner = UserFactory()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            services.notify(
                learner,
                "essay_graded",
                dedupe_key="essay:7",
                assessment="Quiz",
                course="CMI",
            )
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Your answer in Quiz was graded"


def test_notify_many_writes_one_row_per_recipient_in_one_statement(
    django_assert_max_num_queries,
):
    people = UserFactory.create_batch(5)
    with django_assert_max_num_queries(3):  # preferences, insert (+ savepoint)
        assert (
            services.notify_many(
                people, "announcement", dedupe_key="announcement:1", title="Hello"
            )
            == 5
        )
    services.notify_many(
        people, "announcement", dedupe_key="announcement:1", title="Hello"
    )
    assert Notification.objects.filter(kind="announcement").count() == 5


def test_rows_roll_back_with_the_event(django_capture_on_commit_callbacks):
    learner = UserFactory()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.notify(learner, "welcome", dedupe_key="welcome")
        raise RuntimeError
    assert not Notification.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("channel", "rows", "delivery", "mails"),
    [
        (Channel.OFF, 0, None, 0),
        (Channel.SITE, 1, Delivery.NONE, 0),
        (Channel.DIGEST, 1, Delivery.DIGEST, 0),
        (Channel.EMAIL, 1, Delivery.SENT, 1),
    ],
)
def test_preferences_are_obeyed(
    channel, rows, delivery, mails, django_capture_on_commit_callbacks
):
    learner = UserFactory()
    services.set_preference(learner, "essay_graded", channel)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            learner, "essay_graded", dedupe_key="e:1", assessment="A", course="C"
        )
    found = list(Notification.objects.filter(recipient=learner))
    assert len(found) == rows
    if rows:
        assert found[0].delivery == delivery
    assert len(mail.outbox) == mails


def test_defaults_per_kind_and_verification_cannot_be_turned_off():
    learner = UserFactory()
    chosen = services.preferences(learner)
    assert chosen["discussion_reply"] == Channel.DIGEST
    assert chosen["enrolment_confirmed"] == Channel.SITE
    assert "email_verification" not in chosen
    assert not KINDS["email_verification"].optional
    with pytest.raises(ValueError):
        services.set_preference(learner, "email_verification", Channel.OFF)


def test_rendered_in_the_readers_language():
    learner = UserFactory(language="fr")
    services.notify(
        learner, "essay_graded", dedupe_key="e:1", assessment="Q", course="C"
    )
    notification = Notification.objects.get()
    assert notification.render("fr")[0] == "Votre réponse dans Q a été notée"
    assert notification.render("en")[0] == "Your answer in Q was graded"


def test_the_unread_count_is_cached_and_forgotten_on_write_and_read(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    learner = UserFactory()
    assert services.unread_count(learner.pk) == 0
    with django_assert_num_queries(0):
        assert services.unread_count(learner.pk) == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(learner, "enrolment_confirmed", dedupe_key="en:1", course="C")
    assert services.unread_count(learner.pk) == 1
    services.mark_all_read(learner)
    assert services.unread_count(learner.pk) == 0
