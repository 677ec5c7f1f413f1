"""Verification lookups are counted per client as login failures are: an
IPv6 client's whole /64, an IPv4 client in either of its forms."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from certificates import ratelimit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "addresses",
    [
        [f"2001:db8:7:7::{n:x}" for n in range(1, 7)],
        ["198.51.100.4", "::ffff:198.51.100.4"] * 3,
    ],
)
def test_a_client_cannot_reset_the_lookup_count_by_changing_address(
    client, settings, addresses, monkeypatch
):
    settings.CERTIFICATE_VERIFY_RATE = 5
    # The counter's window is the minute: one fixed moment, so a slow run whose
    # requests straddle a minute boundary does not start a new window.
    monkeypatch.setattr(
        ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_000.0)
    )
    answers = [
        client.get(
            reverse("certificates:verify", args=[f"guess-{n}"]), REMOTE_ADDR=address
        ).status_code
        for n, address in enumerate(addresses)
    ]
    assert answers == [404] * 5 + [429]
    other = reverse("certificates:verify", args=["guess-other"])
    assert client.get(other, REMOTE_ADDR="2001:db8:7:8::1").status_code == 404
