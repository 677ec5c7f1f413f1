"""Telling people about quizzes outside a page view, from scheduled tasks:

- `release_results`: a learner whose attempt was graded while its review was
  closed by the quiz's policy ("after the quiz closes") hears once, when the
  quiz closes, that the result is available (kind "quiz_result", once per
  attempt: the dedupe key names the attempt).
- `remind_essays_waiting`: each day, the instructors of a course where answers
  wait for grading are told how many (kind "essays_waiting", a daily digest by
  default; one notification per course and day).

Both run from django-q2 schedules (migrations `0014_schedule_…`), hourly and
daily, and may run twice or overlap: the dedupe keys make a repeat write
nothing.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from courses import translations
from courses.models import CoursePage
from notifications.models import Notification
from notifications.services import notify, notify_many

from .models import AssessmentPage, Attempt, ReviewWhen

# A quiz closed longer ago than this is not looked at again: its results were
# released by an earlier run (hourly runs; a day or two of a stopped worker
# still catches up).
RELEASE_LOOKBACK = timedelta(days=3)


def release_key(attempt_id: int) -> str:
    return f"quiz-result:{attempt_id}"


def release_results(*, now: datetime | None = None) -> int:
    """Notify the learners whose graded attempt's review opened since the
    quiz closed (within RELEASE_LOOKBACK); how many were notified now."""
    now = now or timezone.now()
    quizzes = {
        quiz.pk: quiz
        for quiz in AssessmentPage.objects.filter(
            review_when=ReviewWhen.AFTER_CLOSE,
            closes_at__lte=now,
            closes_at__gt=now - RELEASE_LOOKBACK,
        )
    }
    if not quizzes:
        return 0
    attempts = [
        attempt
        for attempt in Attempt.objects.filter(
            assessment_id__in=list(quizzes), status=Attempt.Status.GRADED
        )
        .select_related("learner")
        .order_by("pk")
        # Graded while the review was closed: one graded after the close saw
        # its result at once (and an essay's marking notified it).
        if attempt.graded_at is None
        or attempt.graded_at < quizzes[attempt.assessment_id].closes_at
    ]
    told = set(
        Notification.objects.filter(
            kind="quiz_result",
            dedupe_key__in=[release_key(attempt.pk) for attempt in attempts],
        ).values_list("dedupe_key", flat=True)
    )
    courses = _courses(quizzes.values())
    count = 0
    for attempt in attempts:
        if release_key(attempt.pk) in told:
            continue
        quiz = quizzes[attempt.assessment_id]
        with transaction.atomic():
            count += notify(
                attempt.learner,
                "quiz_result",
                dedupe_key=release_key(attempt.pk),
                url=_review_url(quiz, attempt),
                assessment=quiz.title,
                course=courses.get(quiz.pk, ""),
            )
    return count


def _courses(quizzes) -> dict[int, str]:
    """{quiz id: its course's title}: one query for the lot."""
    parents = {quiz.pk: quiz.path[: -AssessmentPage.steplen] for quiz in quizzes}
    titles = dict(
        CoursePage.objects.filter(path__in=set(parents.values())).values_list(
            "path", "title"
        )
    )
    return {pk: titles.get(path, "") for pk, path in parents.items()}


def _review_url(quiz: AssessmentPage, attempt: Attempt) -> str:
    base = quiz.url or ""
    if not base:
        return ""
    return base + quiz.reverse_subpage("review", args=(attempt.number,))


def remind_essays_waiting(*, now: datetime | None = None) -> int:
    """Tell each course's instructors (listed instructors and the owner of the
    original course) how many answers wait for grading; how many courses."""
    now = now or timezone.now()
    waiting = (
        Attempt.objects.filter(
            status=Attempt.Status.NEEDS_REVIEW, responses__needs_review=True
        )
        .values("assessment__path")
        .annotate(count=Count("responses", filter=Q(responses__needs_review=True)))
    )
    by_course: dict[str, int] = defaultdict(int)
    for row in waiting:
        by_course[row["assessment__path"][: -AssessmentPage.steplen]] += row["count"]
    if not by_course:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("assessments_admin:grading_queue")
    day = now.date().isoformat()
    count = 0
    for course in CoursePage.objects.filter(path__in=list(by_course)).order_by("pk"):
        original = translations.original(course)
        teachers = User.objects.filter(
            Q(pk=original.owner_id) | Q(pk__in=original.instructors.values("pk")),
            is_active=True,
        )
        with transaction.atomic():
            notify_many(
                teachers,
                "essays_waiting",
                dedupe_key=f"essays-waiting:{original.pk}:{day}",
                url=url,
                course=original.title,
                count=by_course[course.path],
            )
        count += 1
    return count
