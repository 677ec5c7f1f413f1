"""Revoking and reissuing from the register ask first, say what happens, and
come back to the register as it was filtered."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_revoke_confirms_then_keeps_the_filters(certificate, client, manager):
    client.force_login(manager)
    url = reverse("certificates:revoke", args=[certificate.pk])
    confirm = client.get(url, {"status": "valid", "q": "Ann", "evil": "x"})
    page = confirm.content.decode()
    assert "enrolment, progress and results are kept" in page
    assert 'value="q=Ann&amp;status=valid"' in page
    certificate.refresh_from_db()
    assert certificate.revoked_at is None  # asking changed nothing
    response = client.post(url, {"reason": "Typo", "query": "q=Ann&status=valid"})
    assert (
        response["Location"] == reverse("certificates:register") + "?q=Ann&status=valid"
    )
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None


def test_revoke_without_a_reason_comes_back_to_the_form(certificate, client, manager):
    client.force_login(manager)
    url = reverse("certificates:revoke", args=[certificate.pk])
    response = client.post(url, {"reason": "  ", "query": "status=valid"})
    assert response["Location"] == url + "?status=valid"
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_reissue_confirms_and_the_register_links_to_the_confirm_pages(
    certificate, client, manager
):
    client.force_login(manager)
    register = client.get(reverse("certificates:register"), {"status": "valid"})
    url = reverse("certificates:reissue", args=[certificate.pk])
    assert f"{url}?status=valid" in register.content.decode()
    page = client.get(url).content.decode()
    assert "the serial and the verification link stay the same" in page
    response = client.post(url, {"query": "status=valid"})
    assert response["Location"].endswith("?status=valid")
