"""A SCORM activity in the course outline and the completion rule."""

import pytest

from enrollments import completion, selectors
from enrollments import services as enrollment_services
from enrollments.models import Enrollment
from packages.models import ScormAttempt
from packages.scorm import services
from tests.factories import make_course

from .scorm_zips import shared_package

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def complete_scorm(learner, page):
    attempt = services.current_attempt(learner, page)
    outcome = services.commit(
        attempt_id=attempt.pk,
        learner_id=learner.pk,
        item=page.package.scos()[0]["identifier"],
        data={"cmi.completion_status": "completed", "cmi.success_status": "passed"},
        final=True,
    )
    assert outcome.ok


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_outline_counts_the_activity_and_completion_agrees(catalog, learner):
    course = make_course(catalog, title="Golf", lessons=1)
    result = services.import_scorm_package(
        source=shared_package("RuntimeBasicCalls_SCORM20043rdEdition.zip")
    )
    page = services.place_in_course(package=result.package, course=course)
    enrollment_services.enroll(learner=learner, course=course)
    lesson = (
        course.get_children()
        .live()
        .type(__import__("lessons.models", fromlist=["LessonPage"]).LessonPage)
        .first()
        .specific
    )
    enrollment_services.complete_lesson(learner=learner, lesson=lesson)

    progress = selectors.progress_for_courses(learner, [course])[course.pk]
    entries = {entry.page.pk: entry for entry in progress.outline}
    assert entries[page.pk].is_scorm and not entries[page.pk].completed
    assert progress.rule.total == 2 and progress.rule.done == 1
    enrollment = Enrollment.objects.get()
    assert enrollment.status == Enrollment.Status.ACTIVE

    services.current_attempt(learner, page)
    progress = selectors.progress_for_courses(learner, [course])[course.pk]
    assert entries[page.pk].status.item.kind == completion.LESSON
    progress = selectors.progress_for_courses(learner, [course])[course.pk]
    assert progress.outline[1].state == completion.IN_PROGRESS

    complete_scorm(learner, page)
    assert ScormAttempt.objects.get().completion_status == "completed"
    progress = selectors.progress_for_courses(learner, [course])[course.pk]
    assert progress.rule.done == 2 and progress.rule.complete
    requirements, record = selectors.completion_inputs(Enrollment.objects.get())
    assert page.pk in requirements.lesson_ids
    assert page.pk in record.completed_lesson_ids
    # The signal's task completed the course: progress and completion agree.
    assert Enrollment.objects.get().status == Enrollment.Status.COMPLETED


def test_the_course_page_shows_the_activity_in_its_outline(client, catalog, learner):
    course = make_course(catalog, title="Golf", lessons=1)
    result = services.import_scorm_package(
        source=shared_package("RuntimeBasicCalls_SCORM12.zip")
    )
    page = services.place_in_course(package=result.package, course=course)
    enrollment_services.enroll(learner=learner, course=course)
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert page.title in html and "SCORM activity" in html
