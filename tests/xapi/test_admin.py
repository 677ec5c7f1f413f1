"""The LRS's admin: a client is made with a random key and its secret shown
once; external LRSs keep their secret out of sight; the outbox lists."""

import uuid

import pytest
from django.contrib.auth import get_user_model

from tests.budgets import queries_for
from xapi.models import Client, Forwarder, OutboxEntry

from .conftest import statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site):
    admin = get_user_model().objects.create_superuser(
        email="root@example.org", password="pw-123456789"
    )
    client.force_login(admin)
    return client


def test_creating_a_client_shows_its_secret_once(admin_client):
    response = admin_client.post(
        "/admin/xapi_clients/new/", {"name": "Partner", "active": "on"}, follow=True
    )
    assert response.status_code == 200
    created = Client.objects.get(name="Partner")
    message = next(iter(response.context["messages"])).message
    assert created.key in message
    secret = message.split("secret: ")[1].split(".")[0]
    assert created.check_secret(secret)
    assert secret not in created.secret_hash
    listing = admin_client.get("/admin/xapi_clients/")
    assert secret not in listing.content.decode()


def test_the_external_lrs_form_and_the_outbox_list(admin_client):
    form = admin_client.get("/admin/xapi_forwarders/new/")
    assert 'type="password"' in form.content.decode()
    forwarder = Forwarder.objects.create(
        name="Partner LRS",
        endpoint="https://lrs.example/xapi",
        username="k",
        password="s",
    )
    OutboxEntry.objects.create(
        forwarder=forwarder,
        statement_id="9f0b3a52-9d1f-4f1e-9a65-0c3b4d0a6e11",
        statement=statement(),
        next_attempt_at="2026-01-01T00:00:00Z",
        last_error="connection refused",
    )
    listing = admin_client.get("/admin/xapi_outbox/")
    assert listing.status_code == 200
    assert "connection refused" in listing.content.decode()


def _entries(forwarder, count: int, **fields) -> None:
    OutboxEntry.objects.bulk_create(
        OutboxEntry(
            forwarder=forwarder,
            statement_id=uuid.uuid4(),
            statement=statement(),
            next_attempt_at="2026-01-01T00:00:00Z",
            **fields,
        )
        for _ in range(count)
    )


def test_the_outbox_filters_by_lrs_and_state_in_a_fixed_number_of_queries(
    admin_client,
):
    forwarders = [
        Forwarder.objects.create(
            name=f"LRS {n}", endpoint="https://lrs.example/xapi", username="k"
        )
        for n in range(2)
    ]
    _entries(forwarders[0], 1, attempts=3, last_error="refused by the partner")
    _entries(forwarders[1], 1, attempts=0)
    _entries(forwarders[1], 1, sent_at="2026-01-01T00:00:00Z")

    failing = admin_client.get("/admin/xapi_outbox/", {"state": "failing"})
    assert failing.status_code == 200
    assert "refused by the partner" in failing.content.decode()
    assert [e.forwarder for e in failing.context["object_list"]] == forwarders[:1]
    for state, expected in [("waiting", 1), ("sent", 1), ("", 3)]:
        listing = admin_client.get("/admin/xapi_outbox/", {"state": state})
        assert len(listing.context["object_list"]) == expected, state
    by_lrs = admin_client.get("/admin/xapi_outbox/", {"forwarder": forwarders[1].pk})
    assert len(by_lrs.context["object_list"]) == 2

    small = queries_for(admin_client, "/admin/xapi_outbox/")
    for forwarder in forwarders:
        _entries(forwarder, 15, attempts=1, last_error="timed out")
    assert queries_for(admin_client, "/admin/xapi_outbox/") == small


def test_no_outbox_entry_is_added_by_hand(admin_client):
    listing = admin_client.get("/admin/xapi_outbox/").content.decode()
    assert "/admin/xapi_outbox/new/" not in listing
    assert admin_client.get("/admin/xapi_outbox/new/").status_code in (302, 403)
