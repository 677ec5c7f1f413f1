"""Login throttling counts every spelling that signs in to one account."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from accounts.models import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def spellings(local: str) -> list[str]:
    """Five spellings of one address that login accepts alike."""
    return [
        f"{local}@example.org",
        f"{local.capitalize()}@example.org",
        f"{local[0]}{local[1:].upper()}@example.org",
        f"{local.upper()}@EXAMPLE.ORG",
        f" {local}@Example.Org ",
    ]


SPELLINGS = spellings("blank")


def fail_five_times(client, url: str, spellings=SPELLINGS) -> None:
    for spelling in spellings:
        response = client.post(url, {"username": spelling, "password": "wrong"})
        # The fifth failure is answered with the lockout page already.
        assert response.status_code in (200, 429)


def test_failures_in_any_case_lock_the_one_account(client):
    UserFactory(email="blank@example.org")
    fail_five_times(client, reverse("accounts:login"))
    for spelling in ("BlAnK@example.org", "blank@example.org"):
        response = client.post(
            reverse("accounts:login"), {"username": spelling, "password": PASSWORD}
        )
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [
        "blank@example.org"
    ]


def test_an_account_stored_in_mixed_case_is_locked_in_any_case(client):
    UserFactory(email="Mixed.Case@Example.org")
    fail_five_times(
        client,
        reverse("accounts:login"),
        spellings("mixed.case"),
    )
    response = client.post(
        reverse("accounts:login"),
        {"username": "MIXED.case@example.ORG", "password": PASSWORD},
    )
    assert response.status_code == 429


def test_failures_on_an_unknown_address_count_together_in_any_case(client):
    fail_five_times(
        client,
        reverse("accounts:login"),
        spellings("ghost"),
    )
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [
        "ghost@example.org"
    ]
    assert AccessAttempt.objects.get().failures_since_start == 5


def test_the_admin_login_counts_against_the_same_account(client):
    UserFactory(email="editor@example.org", role=Role.INSTRUCTOR)
    fail_five_times(
        client,
        reverse("wagtailadmin_login"),
        spellings("editor"),
    )
    response = client.post(
        reverse("accounts:login"),
        {"username": "EDITOR@example.org", "password": PASSWORD},
    )
    assert response.status_code == 429


def test_four_failures_in_other_cases_still_let_the_owner_in(client):
    UserFactory(email="blank@example.org")
    fail_five_times(client, reverse("accounts:login"), SPELLINGS[:4])
    response = client.post(
        reverse("accounts:login"),
        {"username": "Blank@Example.org", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()


def test_an_ipv6_client_cannot_reset_the_count_by_changing_its_address(client):
    UserFactory(email="blank@example.org")
    url = reverse("accounts:login")
    for host in range(1, 6):
        client.post(
            url,
            {"username": "blank@example.org", "password": "wrong"},
            REMOTE_ADDR=f"2001:db8:1:2::{host:x}",
        )
    response = client.post(
        url,
        {"username": "blank@example.org", "password": PASSWORD},
        REMOTE_ADDR="2001:db8:1:2:ffff:ffff:ffff:fffe",
    )
    assert response.status_code == 429
    # Another network (or an IPv4 client) is counted apart.
    response = client.post(
        url,
        {"username": "blank@example.org", "password": PASSWORD},
        REMOTE_ADDR="2001:db8:1:3::1",
    )
    assert response.status_code == 302


def test_an_ipv4_client_counts_alike_in_its_ipv6_mapped_form(client):
    UserFactory(email="blank@example.org")
    url = reverse("accounts:login")
    for address in ["203.0.113.7", "::ffff:203.0.113.7"] * 3:
        client.post(
            url,
            {"username": "blank@example.org", "password": "wrong"},
            REMOTE_ADDR=address,
        )
    response = client.post(
        url,
        {"username": "blank@example.org", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 429


def test_password_reset_finds_the_account_in_any_case_and_mails_its_address(client):
    # The other forms that take the identity match it as login does.
    UserFactory(email="blank@example.org")
    client.post(reverse("accounts:password_reset"), {"email": " BLANK@Example.org "})
    assert [message.to for message in mail.outbox] == [["blank@example.org"]]
