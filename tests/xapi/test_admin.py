"""The LRS's admin: a client is made with a random key and its secret shown
once; external LRSs keep their secret out of sight; the outbox lists."""

import pytest
from django.contrib.auth import get_user_model

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
