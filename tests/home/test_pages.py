import datetime

import pytest
from wagtail.rich_text import RichText

from home.models import EventIndexPage, EventPage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_invites_visitors_to_sign_up(client, home):
    home.open_to_all = "Anyone working on crises is welcome."
    home.save()
    html = client.get("/en/").content.decode()
    assert "Open to all interested" in html
    assert "/en/accounts/signup/" in html


def test_standard_page_renders_its_blocks_and_appears_in_the_menu(client, home):
    page = StandardPage(
        title="Why IGN",
        slug="why-ign",
        intro="Because crises need both.",
        body=[
            ("heading", "The gap"),
            ("paragraph", RichText("<p>Practice and research drift apart.</p>")),
            ("callout", "Unity of aim."),
        ],
        show_in_menus=True,
    )
    home.add_child(instance=page)
    html = client.get("/en/why-ign/").content.decode()
    assert "Practice and research drift apart." in html
    assert "Unity of aim." in html
    assert 'href="/en/why-ign/"' in client.get("/en/").content.decode()


def test_events_split_into_upcoming_and_past(client, home):
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    today = datetime.date.today()
    for title, start in (
        ("Future symposium", today + datetime.timedelta(days=30)),
        ("Past seminar", today - datetime.timedelta(days=30)),
    ):
        index.add_child(
            instance=EventPage(
                title=title,
                kind="symposium",
                start_date=start,
                location="Online",
                summary=title,
            )
        )
    response = client.get("/en/events/")
    upcoming = [e.title for e in response.context["upcoming"]]
    past = [e.title for e in response.context["past"]]
    assert upcoming == ["Future symposium"]
    assert past == ["Past seminar"]


def test_an_event_cannot_end_before_it_starts(home):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError

    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    event = EventPage(
        title="Backwards",
        kind="seminar",
        start_date=datetime.date(2027, 5, 2),
        end_date=datetime.date(2027, 5, 1),
        location="Ulm",
        summary="x",
    )
    with pytest.raises((IntegrityError, ValidationError)):
        index.add_child(instance=event)
