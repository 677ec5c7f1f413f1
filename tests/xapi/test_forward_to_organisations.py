"""Forwarding per organisation: a site-wide external LRS is sent every
statement; an organisations' LRS only the statements whose actor is one of
our learners in a cohort that names it (enrollments registers the cohorts'
side in xapi.audiences), decided when the statement is queued."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enrollments.models import Cohort
from tests.factories import UserFactory
from xapi import audiences, outbox, own
from xapi.models import Forwarder, OutboxEntry

from .conftest import statement

pytestmark = pytest.mark.django_db

SCOPE = Forwarder.Scope


def _lrs(name: str, scope=SCOPE.ORGANISATIONS, active=True) -> Forwarder:
    return Forwarder.objects.create(
        name=name,
        endpoint=f"https://{name}.example/xapi",
        username="k",
        password="s",
        scope=scope,
        active=active,
    )


def _cohort(name: str, members, lrss) -> Cohort:
    cohort = Cohort.objects.create(name=name)
    cohort.members.set(members)
    cohort.forwarders.set(lrss)
    return cohort


def _about(user) -> dict:
    """A statement about one of our learners, as the platform writes them."""
    return {
        "id": str(uuid.uuid4()),
        "actor": own.actor(user),
        "verb": {"id": own.VERBS["completed"], "display": {"en-US": "completed"}},
        "object": own.activity("lesson", str(uuid.uuid4())),
    }


def _queued(forwarder: Forwarder) -> list[str]:
    return sorted(
        str(pk)
        for pk in OutboxEntry.objects.filter(forwarder=forwarder).values_list(
            "statement_id", flat=True
        )
    )


def test_learner_pk_reads_only_our_own_accounts(settings):
    home = audiences.home_page()
    assert (
        audiences.learner_pk({"actor": {"account": {"homePage": home, "name": "42"}}})
        == 42
    )
    for actor in [
        {"mbox": "mailto:someone@example.org"},
        {"account": {"homePage": "https://elsewhere.example/", "name": "42"}},
        {"account": {"homePage": home, "name": "platform"}},
        {"account": {"homePage": home, "name": "042"}},
        {"account": {"homePage": home, "name": "-4"}},
        {"account": {"homePage": home, "name": "٤٢"}},  # Arabic-Indic digits
        {"account": {"homePage": home, "name": "9" * 30}},
        {"objectType": "Group", "account": {"homePage": home, "name": "42"}},
    ]:
        assert audiences.learner_pk({"actor": actor}) is None, actor


def test_site_wide_gets_everything_an_organisation_only_its_members():
    member, outsider = UserFactory(), UserFactory()
    site_wide = _lrs("site", scope=SCOPE.SITE)
    regional = _lrs("regional")
    _cohort("Intake 2027 Brittany", [member], [regional])

    mine = own.write([_about(member)])
    theirs = own.write([_about(outsider)])
    external = own.write([statement(id=str(uuid.uuid4()))])

    assert _queued(site_wide) == sorted(mine + theirs + external)
    assert _queued(regional) == mine


def test_a_learner_in_two_cohorts_reaches_both_lrss_once_each():
    learner = UserFactory()
    north, south = _lrs("north"), _lrs("south")
    _cohort("North unit", [learner], [north])
    _cohort("South unit", [learner], [south])
    # A third cohort naming north again: still one entry for north.
    _cohort("Both", [learner], [north, south])

    ids = own.write([_about(learner), _about(learner)])

    assert _queued(north) == sorted(ids)
    assert _queued(south) == sorted(ids)
    assert OutboxEntry.objects.count() == 4


def test_leaving_a_cohort_stops_new_forwarding_not_what_was_queued():
    learner = UserFactory()
    regional = _lrs("regional")
    cohort = _cohort("Intake", [learner], [regional])
    before = own.write([_about(learner)])

    cohort.members.remove(learner)
    own.write([_about(learner)])

    assert _queued(regional) == before


def test_a_cohort_that_drops_its_lrs_stops_sending_to_it():
    learner = UserFactory()
    regional = _lrs("regional")
    cohort = _cohort("Intake", [learner], [regional])
    cohort.forwarders.clear()
    own.write([_about(learner)])
    assert _queued(regional) == []


def test_an_inactive_lrs_gets_nothing():
    learner = UserFactory()
    regional = _lrs("regional", active=False)
    site_wide = _lrs("site", scope=SCOPE.SITE, active=False)
    _cohort("Intake", [learner], [regional])
    own.write([_about(learner), statement(id=str(uuid.uuid4()))])
    assert OutboxEntry.objects.filter(forwarder__in=[regional, site_wide]).count() == 0


def test_an_external_client_statement_about_a_stranger_goes_only_site_wide(lrs):
    learner = UserFactory()
    site_wide = _lrs("site", scope=SCOPE.SITE)
    regional = _lrs("regional")
    _cohort("Intake", [learner], [regional])

    stranger = lrs.post("statements", statement())
    assert stranger.status_code == 200, stranger.content
    about_learner = lrs.post("statements", _about(learner))
    assert about_learner.status_code == 200, about_learner.content

    assert _queued(site_wide) == sorted(stranger.json() + about_learner.json())
    assert _queued(regional) == about_learner.json()


def _enqueue_queries(size: int, learners, lrss) -> int:
    batch = [_about(learners[n % len(learners)]) for n in range(size)]
    batch += [statement(id=str(uuid.uuid4())) for _ in range(size)]
    with CaptureQueriesContext(connection) as captured:
        outbox.enqueue(batch)
    return len(captured.captured_queries)


def test_enqueue_asks_a_fixed_number_of_queries_whatever_the_batch(
    django_assert_max_num_queries,
):
    learners = [UserFactory() for _ in range(12)]
    lrss = [_lrs(f"org{n}") for n in range(3)] + [_lrs("site", scope=SCOPE.SITE)]
    for n, learner in enumerate(learners):
        _cohort(f"Cohort {n}", [learner], [lrss[n % 3], lrss[(n + 1) % 3]])

    # The forwarders, the cohorts' reach, the insert.
    with django_assert_max_num_queries(3):
        outbox.enqueue([_about(learners[0]), statement(id=str(uuid.uuid4()))])
    small = _enqueue_queries(4, learners, lrss)
    large = _enqueue_queries(40, learners, lrss)
    assert small == large <= 3
    # 40 learner statements, each to its two cohorts' LRSs and the site-wide
    # one; 40 strangers' only to the site-wide one (plus the small batches).
    assert OutboxEntry.objects.filter(forwarder=lrss[3]).count() == 2 + 8 + 80
    assert OutboxEntry.objects.exclude(forwarder=lrss[3]).count() == 1 * 2 + 4 * 2 + (
        40 * 2
    )


def test_a_voiding_statement_follows_the_statement_it_voids():
    learner, stranger = UserFactory(), UserFactory()
    theirs = _lrs("theirs")
    _cohort("Unit", [learner], [theirs])
    original = _about(learner)
    outbox.enqueue([original, _about(stranger)])
    # A client (not the learner) voids it: the cohort's LRS must hear of it.
    voiding = {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:records@example.org"},
        "verb": {"id": outbox.VOIDED, "display": {"en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": original["id"].upper()},
    }
    other_void = {**voiding, "id": str(uuid.uuid4()), "object": {
        "objectType": "StatementRef", "id": str(uuid.uuid4())}}  # fmt: skip
    outbox.enqueue([voiding, other_void])
    assert _queued(theirs) == sorted([original["id"], voiding["id"]])
