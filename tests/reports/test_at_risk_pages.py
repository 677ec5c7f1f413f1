"""The at-risk page a page at a time: rows in an index's order (longest
inactive first; failed twice by learner and quiz), sliced in the database, the
next page offered when one more row exists."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from enrollments.models import Enrollment
from reports import selectors, views
from reports.selectors import AtRiskFilters, Reason

from .conftest import make_attempt

pytestmark = pytest.mark.django_db


def _idle(world, now):
    """member: never seen, enrolled 40 days ago (both courses); member2 seen
    30 and 20 days ago."""
    Enrollment.objects.filter(learner__in=[world.member, world.member2]).update(
        enrolled_at=now - timedelta(days=40)
    )
    Enrollment.objects.filter(learner=world.member2, course=world.teaching).update(
        last_seen_at=now - timedelta(days=20)
    )
    Enrollment.objects.filter(learner=world.member2, course=world.other).update(
        last_seen_at=now - timedelta(days=30)
    )


def test_inactive_are_listed_longest_inactive_first(world, manager):
    now = timezone.now()
    _idle(world, now)
    report = selectors.at_risk(
        manager, filters=AtRiskFilters(reason=Reason.INACTIVE), now=now
    )
    rows = [(r[1], r[4], r[6]) for r in report.rows]
    first_two = {(name, course) for name, course, _when in rows[:2]}
    assert first_two == {
        ("Alice Member", "Civil protection"),
        ("Alice Member", "Humanitarian law"),
    }
    assert rows[2:] == [
        ("Bob Member", "Humanitarian law", now - timedelta(days=30)),
        ("Bob Member", "Civil protection", now - timedelta(days=20)),
    ]
    # The export streams the same rows.
    assert [(r[1], r[4], r[6]) for r in report.stream()] == rows


def test_failed_twice_rows_slice_and_stream(world, manager):
    for learner in (world.member, world.member2):
        make_attempt(learner, world.quiz, world.questions, [0, 0, 0], number=1)
        make_attempt(learner, world.quiz, world.questions, [0, 1, 0], number=2)
    report = selectors.at_risk(
        manager, filters=AtRiskFilters(reason=Reason.FAILED_TWICE)
    )
    expected = [
        (learner.pk, learner.display_name, "Civil protection")
        for learner in sorted((world.member, world.member2), key=lambda u: u.pk)
    ]
    assert [(r[0], r[1], r[4]) for r in report.rows[0:1]] == expected[:1]  # type: ignore[index]
    assert [(r[0], r[1], r[4]) for r in report.rows[1:5]] == expected[1:]  # type: ignore[index]
    assert [(r[0], r[1], r[4]) for r in report.stream()] == expected


def test_at_risk_page_offers_the_next_page_only_when_there_is_one(
    client, world, manager, monkeypatch
):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    _idle(world, timezone.now())
    client.force_login(manager)
    url = reverse("reports:at_risk")
    first = client.get(url, {"reason": "inactive", "inactive_days": 14})
    assert first.status_code == 200
    assert len(first.context["rows"]) == 3
    assert first.context["has_next"] is True
    body = first.content.decode()
    assert "reason=inactive&amp;inactive_days=14&amp;page=2" in body
    second = client.get(url, {"reason": "inactive", "inactive_days": 14, "page": 2})
    assert [row[4] for row in second.context["rows"]] == ["Civil protection"]
    assert second.context["has_next"] is False
    assert "page=1" in second.content.decode()
    # Past the end and nonsense pages: an empty page, not an error.
    assert client.get(url, {"page": 9}).context["rows"] == []
    assert client.get(url, {"page": "x"}).context["number"] == 1
