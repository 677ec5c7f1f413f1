"""Enrollment.last_seen_at, the reports' denormalised last lesson activity,
stays equal to the latest LessonProgress.last_seen_at of the enrolment."""

from datetime import timedelta

import pytest
from django.db.models import Max
from django.utils import timezone

from enrollments import services
from enrollments.models import Enrollment, LessonProgress
from tests.factories import make_course

pytestmark = pytest.mark.django_db


def latest_progress(enrollment):
    return LessonProgress.objects.filter(enrollment=enrollment).aggregate(
        latest=Max("last_seen_at")
    )["latest"]


def test_a_new_enrolment_has_not_been_seen(learner, catalog):
    enrollment = services.enroll(learner=learner, course=make_course(catalog))
    assert enrollment.last_seen_at is None


def test_viewing_and_completing_lessons_keep_last_seen(learner, catalog):
    course = make_course(catalog, lessons=2)
    enrollment = services.enroll(learner=learner, course=course)
    first, second = (p.specific for p in course.get_children())
    services.record_lesson_view(enrollment=enrollment, lesson=first)
    enrollment.refresh_from_db()
    assert enrollment.last_seen_at is not None
    assert enrollment.last_seen_at == latest_progress(enrollment)
    seen_first = enrollment.last_seen_at
    # Within LAST_SEEN_PRECISION the stamp stays (no write a lesson)...
    services.complete_lesson(learner=learner, lesson=second)
    enrollment.refresh_from_db()
    assert enrollment.last_seen_at == seen_first
    assert (
        latest_progress(enrollment) - enrollment.last_seen_at
        < services.LAST_SEEN_PRECISION
    )
    # ...and once it is older, the next view moves it to the progress's time.
    stale = timezone.now() - services.LAST_SEEN_PRECISION - timedelta(seconds=1)
    Enrollment.objects.filter(pk=enrollment.pk).update(last_seen_at=stale)
    enrollment.refresh_from_db()
    services.record_lesson_view(enrollment=enrollment, lesson=first)
    enrollment.refresh_from_db()
    assert enrollment.last_seen_at > seen_first
    assert enrollment.last_seen_at == latest_progress(enrollment)


def test_refresh_recomputes_from_progress_written_directly(learner, catalog):
    course = make_course(catalog, lessons=2)
    enrollment = services.enroll(learner=learner, course=course)
    other = services.enroll(learner=learner, course=make_course(catalog))
    first, second = (p.specific for p in course.get_children())
    now = timezone.now()
    LessonProgress.objects.bulk_create(
        LessonProgress(
            enrollment=enrollment,
            lesson=lesson,
            first_seen_at=now - timedelta(days=days),
            last_seen_at=now - timedelta(days=days),
        )
        for lesson, days in ((first, 9), (second, 4))
    )
    Enrollment.objects.filter(pk=other.pk).update(last_seen_at=now)
    assert services.refresh_last_seen(enrollment_ids=[enrollment.pk]) == 1
    enrollment.refresh_from_db()
    assert enrollment.last_seen_at == now - timedelta(days=4)
    # Everything: an enrolment without progress has not been seen.
    assert services.refresh_last_seen() == 2
    other.refresh_from_db()
    assert other.last_seen_at is None
