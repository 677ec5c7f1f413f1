"""The site header links to the reports for those who may read them, decided
once at login: no page pays a query for it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from tests.budgets import warm
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LINK = '<a href="/en/reports/">Reports</a>'


@pytest.mark.parametrize(
    ("make", "shown"),
    [
        (lambda: UserFactory(role=Role.PROGRAM_MANAGER), True),
        (lambda: UserFactory(role=Role.INSTRUCTOR), True),
        (lambda: UserFactory(is_superuser=True, is_staff=True), True),
        (lambda: UserFactory(role=Role.STUDENT), False),
    ],
)
def test_the_header_links_to_reports_for_those_who_may_read_them(
    client, site, make, shown
):
    client.force_login(make())
    page = client.get("/en/dashboard/").content.decode()
    assert (LINK in page) is shown
    if shown:
        assert client.get("/en/reports/").status_code == 200


def test_the_login_form_sets_the_link_and_anonymous_pages_have_none(client, site):
    assert LINK not in client.get("/en/dashboard/", follow=True).content.decode()
    manager = UserFactory(role=Role.PROGRAM_MANAGER)
    response = client.post(
        "/en/accounts/login/",
        {"username": manager.email, "password": PASSWORD},
        follow=True,
    )
    assert response.status_code == 200
    assert LINK in client.get("/en/dashboard/").content.decode()


def test_the_link_costs_no_query(client, site):
    """A manager's page and a student's page cost the same queries: the link is
    read from the session the page loads anyway."""
    counts = []
    for role in (Role.PROGRAM_MANAGER, Role.STUDENT):
        client.force_login(UserFactory(role=role))
        warm(client, "/en/dashboard/")  # the menu remembered (core.memo) for both
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/en/dashboard/").content.decode()
        counts.append(len(captured.captured_queries))
        assert (LINK in page) is (role == Role.PROGRAM_MANAGER)
        # The role is never read again after login.
        sql = " ".join(q["sql"] for q in captured.captured_queries)
        assert 'SELECT "auth_group"."name"' not in sql
    assert counts[0] == counts[1]
