import pytest
from django.core.cache import cache

from accounts.models import Role
from enrollments import cohort_services, services
from enrollments.models import Enrollment
from tests.factories import UserFactory, make_course


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def manager(db, learner, course):
    """A program manager whose cohort holds `learner`, assigned `course`: the
    register shows a manager the certificates of their cohorts' enrolments
    only (`enrollments.scope`)."""
    manager = UserFactory(role=Role.PROGRAM_MANAGER)
    cohort = cohort_services.create_cohort(name="Register intake", managers=[manager])
    cohort_services.add_member(cohort=cohort, learner=learner)
    cohort_services.assign_course(cohort=cohort, course=course, due_at=None)
    # Fixtures run in either order: a course the learner had already
    # completed outside any cohort is this cohort's as well.
    Enrollment.objects.filter(learner=learner, course=course).update(cohort=cohort)
    return manager


@pytest.fixture
def course(catalog):
    return make_course(
        catalog,
        title="CIMIC staff work",
        lessons=2,
        estimated_hours=6,
        certificate_validity_months=24,
        certificate_signatory_name="Col. A. Example",
        certificate_signatory_title="Director of Studies",
    )


def complete_course(learner, course, capture):
    """Enrol and finish every lesson through the services, running the
    on-commit callbacks (and so the sync task cluster) as a real commit would."""
    services.enroll(learner=learner, course=course)
    with capture(execute=True):
        for lesson in course.get_children().live().specific():
            services.complete_lesson(learner=learner, lesson=lesson)


@pytest.fixture
def certificate(learner, course, django_capture_on_commit_callbacks):
    complete_course(learner, course, django_capture_on_commit_callbacks)
    return learner.enrollments.get(course=course).certificate
