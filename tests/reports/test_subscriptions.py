"""A manager subscribes to a report: the scheduled task e-mails it with the
file attached, weekly or monthly; one click in the e-mail unsubscribes,
signed in or not."""

import re
from datetime import datetime, timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from accounts.models import Role
from notifications.kinds import Channel
from notifications.models import Notification
from notifications.services import preferences, set_preference
from reports import tasks
from reports.models import Subscription
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _subscribe(client, world, **extra):
    return client.post(
        reverse("reports:subscribe"),
        {
            "report": "enrollments",
            "cohort": world.cohort.pk,
            "frequency": "weekly",
            "format": "csv",
            **extra,
        },
    )


def test_the_schedule_exists_once():
    assert Schedule.objects.filter(func="reports.tasks.send_subscriptions").count() == 1


def test_subscribe_then_the_task_sends_the_report(client, world, manager):
    client.force_login(manager)
    form = client.get(
        reverse("reports:subscribe"),
        {"report": "enrollments", "cohort": world.cohort.pk},
    ).content.decode()
    assert "Cohort: Intake 1" in form and 'name="frequency"' in form
    assert _subscribe(client, world).status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.params == {"cohort": str(world.cohort.pk)}
    assert tasks.send_subscriptions() == 1
    (email,) = mail.outbox
    assert email.to == [manager.email] and "Enrolments" in email.subject
    (name, content, kind) = email.attachments[0]
    assert name.endswith(".csv") and kind.startswith("text/csv")
    text = content if isinstance(content, str) else content.decode("utf-8-sig")
    assert world.member.email in text
    assert email.extra_headers["List-Unsubscribe"].startswith("<http")
    # Not again before a week has passed.
    assert tasks.send_subscriptions() == 0
    later = timezone.now() + timedelta(days=7, minutes=1)
    assert tasks.send_subscriptions(now=later) == 1


def test_monthly_is_once_a_calendar_month():
    sub = Subscription(frequency="monthly", last_sent_at=datetime(2026, 3, 31, 23))
    assert not tasks.is_due(sub, datetime(2026, 3, 31, 23, 30))
    assert tasks.is_due(sub, datetime(2026, 4, 1, 0, 30))


def test_one_click_unsubscribe_is_the_notifications_one(client, world, manager):
    """The e-mail's link is the notifications app's for the kind
    "scheduled_report": a GET shows a page to confirm and changes nothing; a
    POST (the page's button, or a mail client's RFC 8058 one-click, without a
    session or CSRF token) stops the e-mails; the report then reaches the
    notification centre instead."""
    client.force_login(manager)
    _subscribe(client, world)
    tasks.send_subscriptions()
    (email,) = mail.outbox
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.search(r"http\S+/notifications/unsubscribe/\S+/", email.body).group(0)
    assert email.extra_headers["List-Unsubscribe"] == f"<{link}>"
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert preferences(manager)["scheduled_report"] == Channel.EMAIL
    assert anonymous.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert preferences(manager)["scheduled_report"] == Channel.SITE
    assert Subscription.objects.exists()  # the subscription stays; its e-mail stops
    mail.outbox.clear()
    later = timezone.now() + timedelta(days=7, minutes=1)
    assert tasks.send_subscriptions(now=later) == 1
    assert tasks.send_subscriptions(now=later) == 0
    assert not mail.outbox
    (note,) = Notification.objects.filter(recipient=manager, kind="scheduled_report")
    assert note.render("en")[0] == "Your report: Enrolments"
    # Off: nothing at all.
    set_preference(manager, "scheduled_report", Channel.OFF)
    assert tasks.send_subscriptions(now=later + timedelta(days=8)) == 1
    assert Notification.objects.filter(kind="scheduled_report").count() == 1
    assert not mail.outbox


def test_an_old_emails_link_leads_to_the_confirmation(client, world, manager):
    client.force_login(manager)
    _subscribe(client, world)
    subscription = Subscription.objects.get()
    old = signing.dumps(subscription.pk, salt=tasks.UNSUBSCRIBE_SALT)
    anonymous = Client()
    response = anonymous.get(reverse("reports:unsubscribe", args=[old]))
    assert response.status_code == 302
    assert "/notifications/unsubscribe/" in response["Location"]
    assert anonymous.get(response["Location"]).status_code == 200
    # Nothing changed by a GET.
    assert Subscription.objects.exists()
    assert preferences(manager)["scheduled_report"] == Channel.EMAIL
    assert anonymous.post(reverse("reports:unsubscribe", args=[old])).status_code == 405
    assert (
        anonymous.get(reverse("reports:unsubscribe", args=["forged"])).status_code
        == 404
    )


def test_a_managers_settings_list_the_reports_kind(manager):
    assert "scheduled_report" in preferences(manager)
    assert "scheduled_report" not in preferences(UserFactory(role=Role.STUDENT))


def test_unsubscribe_from_the_page_and_scope(client, world, manager):
    client.force_login(manager)
    _subscribe(client, world, format="xlsx")
    subscription = Subscription.objects.get()
    page = client.get(reverse("reports:subscriptions")).content.decode()
    assert "Every week" in page and "XLSX" in page
    assert "Cohort: Intake 1" in page
    # Subscribing again to the same report changes the one subscription.
    _subscribe(client, world, format="csv", frequency="monthly")
    subscription = Subscription.objects.get()
    assert (subscription.frequency, subscription.format) == ("monthly", "csv")
    # Another manager's cohort is a 404; so is another's subscription.
    assert _subscribe(client, world, cohort=world.foreign.pk).status_code == 404
    other = Client()
    other.force_login(world.foreign.program_managers.get())
    url = reverse("reports:delete_subscription", args=[subscription.pk])
    assert other.post(url).status_code == 404
    client.post(url)
    assert not Subscription.objects.exists()


def test_a_subscriber_who_lost_access_loses_the_subscription(client, world, manager):
    client.force_login(manager)
    _subscribe(client, world)
    world.cohort.program_managers.clear()
    assert tasks.send_subscriptions() == 0
    assert not Subscription.objects.exists() and not mail.outbox
