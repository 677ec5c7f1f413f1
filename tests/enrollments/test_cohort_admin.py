"""The admin side of forwarding per organisation: an external LRS made for
organisations in the Wagtail admin, chosen on a cohort's admin form, then
listed with the cohorts that use it; the members' statements then reach it."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from enrollments.models import Cohort
from tests.budgets import queries_for
from tests.factories import UserFactory
from xapi import own
from xapi.models import Forwarder, OutboxEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site):
    admin = get_user_model().objects.create_superuser(
        email="root@example.org", password="pw-123456789"
    )
    client.force_login(admin)
    return client


def _forwarder(name: str, scope=Forwarder.Scope.ORGANISATIONS) -> Forwarder:
    return Forwarder.objects.create(
        name=name,
        endpoint="https://lrs.example/xapi",
        username="k",
        password="s",
        scope=scope,
    )


def test_an_organisation_lrs_made_in_the_admin_and_chosen_on_a_cohort(admin_client):
    form = admin_client.get(reverse("xapi_forwarders:add")).content.decode()
    assert 'type="radio"' in form and 'value="organisations"' in form
    assert "whoever it is about" in form  # the scope's help text

    created = admin_client.post(
        reverse("xapi_forwarders:add"),
        {
            "name": "Brittany LRS",
            "endpoint": "https://lrs.brittany.example/xapi",
            "username": "key",
            "password": "secret",
            "scope": "organisations",
            "active": "on",
        },
    )
    assert created.status_code == 302, created.content.decode()[:2000]
    lrs = Forwarder.objects.get(name="Brittany LRS")
    assert lrs.scope == Forwarder.Scope.ORGANISATIONS
    site_wide = _forwarder("National LRS", scope=Forwarder.Scope.SITE)

    learner = UserFactory()
    cohort = Cohort.objects.create(name="Intake 2027 Brittany")
    cohort.members.add(learner)
    edit = reverse("cohorts:edit", args=[cohort.pk])
    page = admin_client.get(edit).content.decode()
    assert "Brittany LRS" in page
    # Only organisations' LRSs are offered: a site-wide one gets everything.
    assert "National LRS" not in page
    assert "whose scope is" in page  # the field's help text
    asleep = _forwarder("Dormant LRS")
    asleep.active = False
    asleep.save()
    assert "Dormant LRS — https://lrs.example/xapi (inactive: sent nothing)" in (
        admin_client.get(edit).content.decode()
    )

    refused = admin_client.post(
        edit, {"name": cohort.name, "deadline": "", "forwarders": [site_wide.pk]}
    )
    assert refused.status_code == 200
    assert not cohort.forwarders.exists()

    saved = admin_client.post(
        edit, {"name": cohort.name, "deadline": "", "forwarders": [lrs.pk]}
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert list(cohort.forwarders.all()) == [lrs]

    listing = admin_client.get(reverse("xapi_forwarders:index")).content.decode()
    assert "Intake 2027 Brittany" in listing
    assert "Site-wide" in listing and "Organisations" in listing
    form = admin_client.get(
        reverse("xapi_forwarders:edit", args=[lrs.pk])
    ).content.decode()
    assert "Cohorts that chose this LRS: Intake 2027 Brittany." in form
    cohorts = admin_client.get(reverse("cohorts:index")).content.decode()
    assert "Brittany LRS" in cohorts

    [stored] = own.write(
        [
            {
                "id": str(uuid.uuid4()),
                "actor": own.actor(learner),
                "verb": {"id": own.VERBS["experienced"]},
                "object": own.activity("lesson", "one"),
            }
        ]
    )
    assert set(
        OutboxEntry.objects.filter(statement_id=stored).values_list(
            "forwarder__name", flat=True
        )
    ) == {"Brittany LRS", "National LRS"}


def test_an_organisation_lrs_no_cohort_names_says_so(admin_client):
    _forwarder("Unused LRS")
    listing = admin_client.get(reverse("xapi_forwarders:index")).content.decode()
    assert "No cohort yet: nothing is sent" in listing
    unused = Forwarder.objects.get(name="Unused LRS")
    form = admin_client.get(reverse("xapi_forwarders:edit", args=[unused.pk]))
    assert "No cohort has chosen this LRS yet" in form.content.decode()


def _fill(count: int, start: int) -> None:
    for n in range(start, start + count):
        lrs = _forwarder(f"LRS {n:03}")
        cohort = Cohort.objects.create(name=f"Cohort {n:03}")
        cohort.forwarders.add(lrs)


def test_the_listings_keep_their_query_count_as_they_grow(admin_client):
    _fill(3, 0)
    small = [
        queries_for(admin_client, reverse("xapi_forwarders:index")),
        queries_for(admin_client, reverse("cohorts:index")),
    ]
    _fill(15, 3)
    assert [
        queries_for(admin_client, reverse("xapi_forwarders:index")),
        queries_for(admin_client, reverse("cohorts:index")),
    ] == small
    assert max(small) <= 20


def test_a_cohort_is_not_deleted_from_the_admin(admin_client):
    cohort = Cohort.objects.create(name="Kept")
    edit = admin_client.get(reverse("cohorts:edit", args=[cohort.pk]))
    assert reverse("cohorts:delete", args=[cohort.pk]) not in edit.content.decode()
    admin_client.post(reverse("cohorts:delete", args=[cohort.pk]))
    assert Cohort.objects.filter(pk=cohort.pk).exists()
