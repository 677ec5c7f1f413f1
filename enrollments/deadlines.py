"""What the learner must do by when: cohort due dates, quiz close dates and,
through `hooks.COLLECT_DEADLINES`, what higher layers add (certificates
expiring). Shown on the dashboard, overdue first, and served as the learner's
private iCalendar feed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from accounts.models import User

from .hooks import COLLECT_DEADLINES
from .models import CalendarFeed
from .selectors import CourseProgress

COURSE_DUE, QUIZ_CLOSES, CERTIFICATE_EXPIRES = "course", "quiz", "certificate"


@dataclass(frozen=True)
class Deadline:
    kind: str  # COURSE_DUE, QUIZ_CLOSES, CERTIFICATE_EXPIRES
    title: str
    when: datetime
    url: str
    uid: str  # stable across feeds: calendars update the event in place

    def days_from(self, now: datetime) -> int:
        """Whole calendar days from `now` to the deadline, in the site's time
        zone: negative once past."""
        return (timezone.localdate(self.when) - timezone.localdate(now)).days


@dataclass(frozen=True)
class DeadlineLine:
    """A deadline as the dashboard words it, relative to now."""

    deadline: Deadline
    days: int
    overdue: bool

    @property
    def days_overdue(self) -> int:
        return -self.days


def from_progress(courses: Sequence[CourseProgress], now: datetime) -> list[Deadline]:
    """Due dates of the learner's active courses and close dates of the quizzes
    still to pass in them (future ones: a closed quiz is no longer a task).
    No query: read from the dashboard's progress."""
    found = []
    for progress in courses:
        enrollment = progress.enrollment
        if enrollment is None or progress.is_completed or not progress.is_enrolled:
            continue
        if enrollment.due_at is not None:
            found.append(
                Deadline(
                    COURSE_DUE,
                    progress.course.title,
                    enrollment.due_at,
                    progress.course.url or "",
                    f"course-{enrollment.pk}@ign-academy",
                )
            )
        for entry in progress.outline:
            closes = getattr(entry.page, "closes_at", None)
            if entry.is_quiz and not entry.completed and closes and closes > now:
                found.append(
                    Deadline(
                        QUIZ_CLOSES,
                        entry.page.title,
                        closes,
                        entry.page.url or "",
                        f"quiz-{entry.page.translation_key}-{enrollment.pk}@ign-academy",
                    )
                )
    return found


def deadlines_for(
    learner: User, courses: Sequence[CourseProgress], now: datetime | None = None
) -> list[Deadline]:
    """Every deadline of the learner, soonest (so the most overdue) first."""
    now = now or timezone.now()
    found = from_progress(courses, now)
    for collect in hooks.get_hooks(COLLECT_DEADLINES):
        found.extend(collect(learner, now))
    return sorted(found, key=lambda d: (d.when, d.title))


def lines(deadlines: Sequence[Deadline], now: datetime) -> list[DeadlineLine]:
    return [DeadlineLine(d, d.days_from(now), d.when < now) for d in deadlines]


# --- The private calendar feed -----------------------------------------------


def feed_of(learner: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(learner=learner)
    return feed


def reset_feed(learner: User) -> CalendarFeed:
    """A new secret URL; the old one stops working at once."""
    feed = feed_of(learner)
    feed.token = CalendarFeed._meta.get_field("token").get_default()
    feed.save(update_fields=["token", "created_at"])
    return feed


def learner_of_token(token: str) -> User | None:
    if not 20 <= len(token) <= 64:
        return None
    feed = CalendarFeed.objects.select_related("learner").filter(token=token).first()
    if feed is None or not feed.learner.is_active:
        return None
    return feed.learner


_LABELS = {
    COURSE_DUE: lambda title: _("Course due: %(title)s") % {"title": title},
    QUIZ_CLOSES: lambda title: _("Quiz closes: %(title)s") % {"title": title},
    CERTIFICATE_EXPIRES: lambda title: (
        _("Certificate expires: %(title)s") % {"title": title}
    ),
}


def label(deadline: Deadline) -> str:
    return _LABELS.get(deadline.kind, str)(deadline.title)


def ical(deadlines: Sequence[Deadline], *, base_url: str, now: datetime) -> bytes:
    """The deadlines as an iCalendar feed: one short event at each moment, with
    a reminder a day before."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//IGN Academy//Deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("IGN Academy deadlines"))
    for deadline in deadlines:
        event = icalendar.Event()
        event.add("uid", deadline.uid)
        event.add("dtstamp", now)
        event.add("dtstart", deadline.when)
        event.add("dtend", deadline.when + timedelta(minutes=15))
        event.add("summary", label(deadline))
        event.add("url", base_url + deadline.url)
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", label(deadline))
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
