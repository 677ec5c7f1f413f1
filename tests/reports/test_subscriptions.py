"""A manager subscribes to a report: the scheduled task e-mails it with the
file attached, weekly or monthly; one click in the e-mail unsubscribes,
signed in or not."""

import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from reports import tasks
from reports.models import Subscription

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


def test_one_click_unsubscribes_without_signing_in(client, world, manager):
    client.force_login(manager)
    _subscribe(client, world)
    tasks.send_subscriptions()
    link = re.search(r"http\S+/unsubscribe/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    anonymous = Client()
    response = anonymous.get("/" + path)
    assert response.status_code == 200
    assert "You will no longer receive" in response.content.decode()
    assert not Subscription.objects.exists()
    assert anonymous.get("/" + path).status_code == 200  # already done
    assert (
        anonymous.get(reverse("reports:unsubscribe", args=["forged"])).status_code
        == 404
    )


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
