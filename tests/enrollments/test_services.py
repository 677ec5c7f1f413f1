import pytest

from enrollments import services
from enrollments.models import Enrollment, LessonProgress
from tests.factories import make_course

pytestmark = pytest.mark.django_db


def test_enrol_twice_makes_one_enrollment(learner, catalog):
    course = make_course(catalog)
    first = services.enroll(learner=learner, course=course)
    second = services.enroll(learner=learner, course=course)
    assert first.pk == second.pk
    assert Enrollment.objects.count() == 1


def test_unenrol_is_idempotent_and_keeps_the_record(learner, catalog):
    course = make_course(catalog)
    services.enroll(learner=learner, course=course)
    services.unenroll(learner=learner, course=course)
    services.unenroll(learner=learner, course=course)
    enrollment = Enrollment.objects.get()
    assert enrollment.status == Enrollment.Status.WITHDRAWN
    assert enrollment.withdrawn_at is not None


def test_unenrol_without_enrollment_does_nothing(learner, catalog):
    services.unenroll(learner=learner, course=make_course(catalog))
    assert not Enrollment.objects.exists()


def test_database_refuses_a_second_enrollment(learner, catalog):
    from django.db import IntegrityError

    course = make_course(catalog)
    services.enroll(learner=learner, course=course)
    with pytest.raises(IntegrityError):
        Enrollment.objects.create(
            learner=learner,
            course=course,
            enrolled_at=Enrollment.objects.get().enrolled_at,
        )


def test_complete_lesson_twice_keeps_the_first_time(learner, catalog):
    course = make_course(catalog)
    services.enroll(learner=learner, course=course)
    lesson = course.get_children().first().specific
    first = services.complete_lesson(learner=learner, lesson=lesson)
    second = services.complete_lesson(learner=learner, lesson=lesson)
    assert first.completed_at == second.completed_at
    assert LessonProgress.objects.count() == 1


def test_completing_every_lesson_completes_the_course(learner, catalog):
    course = make_course(catalog, lessons=2)
    services.enroll(learner=learner, course=course)
    first, second = (p.specific for p in course.get_children())
    services.complete_lesson(learner=learner, lesson=first)
    assert Enrollment.objects.get().status == Enrollment.Status.ACTIVE
    services.complete_lesson(learner=learner, lesson=second)
    enrollment = Enrollment.objects.get()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at is not None


def test_withdrawn_learners_cannot_complete_lessons(learner, catalog):
    course = make_course(catalog)
    services.enroll(learner=learner, course=course)
    services.unenroll(learner=learner, course=course)
    with pytest.raises(services.NotEnrolled):
        services.complete_lesson(
            learner=learner, lesson=course.get_children().first().specific
        )
