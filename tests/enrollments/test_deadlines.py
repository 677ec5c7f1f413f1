"""Deadlines on "My learning" (overdue first, in words, in the reader's
language) and the learner's private calendar feed, parsed with icalendar."""

from datetime import timedelta

import icalendar
import pytest
from django.test import Client
from django.utils import timezone

from enrollments import services
from enrollments.models import CalendarFeed, Enrollment
from tests.factories import make_course, make_quiz

pytestmark = pytest.mark.django_db


def noon_in(days: int):
    """Noon of the day `days` from today (the site's time zone): the words
    count calendar days, so a time an hour from now would be tomorrow's when
    the test runs in the day's last hour."""
    today = timezone.localtime(timezone.now())
    return today.replace(hour=12, minute=0, second=0, microsecond=0) + timedelta(
        days=days
    )


@pytest.fixture
def due_courses(catalog, learner):
    late = make_course(catalog, title="Late course", lessons=1)
    soon = make_course(catalog, title="Soon course", lessons=1)
    make_quiz(soon, title="Closing quiz", closes_at=noon_in(9))
    for course, days in ((late, -3), (soon, 5)):
        services.enroll(learner=learner, course=course)
        Enrollment.objects.filter(learner=learner, course=course).update(
            due_at=noon_in(days)
        )
    return late, soon


def test_dashboard_lists_deadlines_overdue_first_in_words(learner_client, due_courses):
    html = learner_client.get("/en/dashboard/").content.decode()
    section = html[html.index('id="deadlines-heading"') :]
    overdue = section.index("Overdue by 3 days")
    due = section.index("Due in 5 days")
    closes = section.index("Due in 9 days")
    assert overdue < section.index("Late course") < due < closes
    assert section.index("Soon course") < closes < section.index("Closing quiz")


def test_deadlines_in_french(learner_client, due_courses):
    html = learner_client.get("/fr/dashboard/").content.decode()
    assert "En retard de 3 jours" in html
    assert "Échéance dans 5 jours" in html
    month = noon_in(5).date()
    french_months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre",
    ]  # fmt: skip
    assert french_months[month.month - 1] in html


def test_a_completed_course_has_no_deadline(learner_client, learner, catalog):
    course = make_course(catalog, title="Done course", lessons=1)
    services.enroll(learner=learner, course=course)
    Enrollment.objects.filter(learner=learner).update(
        due_at=timezone.now() + timedelta(days=2)
    )
    services.complete_lesson(
        learner=learner, lesson=course.get_children().first().specific
    )
    html = learner_client.get("/en/dashboard/").content.decode()
    assert 'id="deadlines-heading"' not in html


def test_calendar_feed_parses_and_needs_no_login(learner_client, learner, due_courses):
    client = Client()  # a calendar app: no session
    learner_client.get("/en/dashboard/")
    token = CalendarFeed.objects.get(learner=learner).token
    assert len(token) >= 40
    response = client.get(f"/en/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Course due: Late course",
        "Course due: Soon course",
        "Quiz closes: Closing quiz",
    }
    late = Enrollment.objects.get(learner=learner, course=due_courses[0])
    assert events["Course due: Late course"].decoded("dtstart") == late.due_at.replace(
        microsecond=0
    )
    assert str(events["Course due: Late course"]["url"]).startswith("http")
    french = client.get(f"/fr/calendar/{token}.ics")
    summaries = {
        str(e["summary"])
        for e in icalendar.Calendar.from_ical(french.content).walk("VEVENT")
    }
    assert "Échéance du cours : Late course" in summaries


def test_wrong_or_reset_token_is_404(learner_client, learner, due_courses):
    client = Client()
    learner_client.get("/en/dashboard/")
    old = CalendarFeed.objects.get(learner=learner).token
    assert client.get("/en/calendar/not-the-token-at-all-xxxxxx.ics").status_code == 404
    assert client.get(f"/en/calendar/{'x' * 300}.ics").status_code == 404
    response = learner_client.post("/en/calendar/reset/")
    assert response.status_code == 302
    new = CalendarFeed.objects.get(learner=learner).token
    assert new != old
    assert client.get(f"/en/calendar/{old}.ics").status_code == 404
    assert client.get(f"/en/calendar/{new}.ics").status_code == 200
    assert new in learner_client.get("/en/dashboard/").content.decode()


def test_reset_is_post_only_and_needs_a_login(learner_client):
    tokens = set(CalendarFeed.objects.values_list("token", flat=True))
    assert learner_client.get("/en/calendar/reset/").status_code == 405
    response = Client().post("/en/calendar/reset/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert set(CalendarFeed.objects.values_list("token", flat=True)) == tokens
