"""The centre, the settings and one-click unsubscribe; the bell costs no query."""

import pytest
from django.core import mail

from accounts.models import Role
from notifications import services
from notifications.kinds import Channel
from notifications.models import Notification
from tests.budgets import queries_for
from tests.factories import UserFactory, fill_catalog

pytestmark = pytest.mark.django_db


def _notify(user, number, kind="enrolment_confirmed", **params):
    services.notify(
        user, kind, dedupe_key=f"{kind}:{number}", url="/en/dashboard/", **params
    )


def test_the_centre_lists_mine_and_marks_read(
    client, django_capture_on_commit_callbacks
):
    learner, other = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            _notify(learner, number, course=f"Course {number}")
        _notify(other, 9, course="Secret course")
    client.force_login(learner)
    page = client.get("/en/notifications/").content.decode()
    assert "You are enrolled in Course 2" in page
    assert "Secret course" not in page
    assert 'class="bell-count" aria-hidden="true">3<' in page

    mine = Notification.objects.filter(recipient=learner).first()
    response = client.post(f"/en/notifications/{mine.pk}/read/", {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/en/dashboard/"
    assert services.unread_count(learner.pk) == 2
    theirs = Notification.objects.get(recipient=other)
    assert client.post(f"/en/notifications/{theirs.pk}/read/").status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    assert client.get(f"/en/notifications/{mine.pk}/read/").status_code == 405
    assert client.post(f"/en/notifications/{'9' * 25}/read/").status_code == 404

    client.post("/en/notifications/read-all/")
    assert services.unread_count(learner.pk) == 0
    unread = client.get("/en/notifications/?show=unread").content.decode()
    assert "You have read everything." in unread
    assert "bell-count" not in unread


def test_the_centre_is_paginated_and_bounded(client):
    learner = UserFactory()
    for number in range(25):
        _notify(learner, number, course=f"C{number}")
    client.force_login(learner)
    assert (
        client.get("/en/notifications/")
        .content.decode()
        .count('class="card card-body notice')
        == 20
    )
    second = client.get("/en/notifications/?page=2").content.decode()
    assert second.count('class="card card-body notice') == 5
    assert client.get("/en/notifications/?page=zzz").status_code == 200
    assert client.get("/en/notifications/?page=99999999999999999999").status_code == 200


def test_the_centre_needs_a_login(client):
    assert client.get("/en/notifications/").status_code == 302


def test_settings_are_saved_and_bad_input_is_refused(client):
    learner = UserFactory()
    client.force_login(learner)
    page = client.get("/fr/notifications/settings/").content.decode()
    assert "Nouvelle annonce" in page
    choices = dict.fromkeys(services.preferences(learner), Channel.SITE)
    choices["announcement"] = Channel.OFF
    assert client.post("/en/notifications/settings/", choices).status_code == 302
    assert services.preferences(learner)["announcement"] == Channel.OFF
    assert services.preferences(learner)["welcome"] == Channel.SITE
    choices["welcome"] = "x" * 5000
    assert client.post("/en/notifications/settings/", choices).status_code == 400
    assert services.preferences(learner)["welcome"] == Channel.SITE


def test_unsubscribe_works_without_login_and_only_for_its_kind(
    client, django_capture_on_commit_callbacks
):
    learner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(learner, 1, kind="essay_graded", assessment="Q", course="C")
    (message,) = mail.outbox
    url = (
        message.extra_headers["List-Unsubscribe"]
        .strip("<>")
        .removeprefix("http://testserver")
    )
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Essay graded" in confirm.content.decode()
    assert (
        services.preferences(learner)["essay_graded"] == Channel.EMAIL
    )  # GET changes nothing
    # A mail client's one-click POST: no session, no CSRF token.
    client.handler.enforce_csrf_checks = True
    assert (
        client.post(
            url, "List-Unsubscribe=One-Click", content_type="text/plain"
        ).status_code
        == 200
    )
    after = services.preferences(learner)
    assert after["essay_graded"] == Channel.SITE
    assert after["welcome"] == Channel.EMAIL
    assert after["quiz_result"] == Channel.EMAIL
    # The e-mail's kind is off by mail; its notifications still reach the site.
    with django_capture_on_commit_callbacks(execute=True):
        _notify(learner, 2, kind="essay_graded", assessment="Q", course="C")
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(recipient=learner).count() == 2


def test_a_forged_or_other_kind_token_is_refused(client):
    learner = UserFactory()
    token = services.unsubscribe_token(learner.pk, "essay_graded")
    assert (
        client.post(f"/en/notifications/unsubscribe/{token[:-2]}xx/").status_code == 400
    )
    required = services.unsubscribe_token(learner.pk, "email_verification")
    assert client.post(f"/en/notifications/unsubscribe/{required}/").status_code == 400
    assert services.preferences(learner)["essay_graded"] == Channel.EMAIL


def _without_bell(settings):
    templates = [dict(engine) for engine in settings.TEMPLATES]
    options = dict(templates[0]["OPTIONS"])
    options["context_processors"] = [
        name
        for name in options["context_processors"]
        if not name.startswith("notifications.")
    ]
    templates[0]["OPTIONS"] = options
    settings.TEMPLATES = templates


@pytest.mark.parametrize("page", ["dashboard", "lesson"])
def test_the_bell_adds_no_query(client, catalog, settings, page):
    learner = UserFactory(role=Role.STUDENT)
    client.force_login(learner)
    courses = fill_catalog(catalog, learner, 3, lessons=2)
    for number in range(4):
        _notify(learner, number, course="C")
    if page == "dashboard":
        url = "/en/dashboard/"
    else:
        url = courses[0].get_children().live().specific().first().url
    with_bell = queries_for(client, url)
    assert (
        'class="bell-count" aria-hidden="true">4<' in client.get(url).content.decode()
    )
    _without_bell(settings)
    without = queries_for(client, url)
    assert "bell-count" not in client.get(url).content.decode()
    assert with_bell == without
