"""An H5P activity set to complete its lesson does so, through the lessons
signal and a task, when the learner completes or passes it."""

import json

import pytest
from django.urls import reverse

from enrollments import services as enrollment_services
from enrollments.models import LessonProgress
from lessons import services
from lessons.models import H5PLaunch
from tests.factories import make_course, translate_course
from tests.lessons.h5p_zips import build, valid_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def statement(launch, *, raw, maximum=4, success=None):
    result = {"completion": True, "score": {"raw": raw, "max": maximum, "min": 0}}
    if success is not None:
        result["success"] = success
    return {
        "actor": {"mbox": f"mailto:{launch.learner.email}", "objectType": "Agent"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": services.activity_iri(launch.content)},
        "result": result,
    }


def setup_lesson(learner_client, learner, catalog, rule):
    content = services.import_h5p_package(source=build(valid_files())).content
    course = make_course(catalog)
    enrollment_services.enroll(learner=learner, course=course)
    lesson = course.get_children().live().first().specific
    lesson.body.append(
        ("h5p", {"activity": content, "completes_lesson": rule, "pass_mark": 75})
    )
    lesson.save_revision().publish()
    learner_client.get(lesson.url)
    return lesson, H5PLaunch.objects.get()


def post(client, launch, body, capture):
    with capture(execute=True):
        response = client.post(
            reverse("lessons:h5p_xapi", args=[launch.token]),
            data=json.dumps(body),
            content_type="application/json",
        )
    assert response.status_code == 201, response.content


def completed(lesson):
    return LessonProgress.objects.filter(
        lesson=lesson, completed_at__isnull=False
    ).exists()


def test_passing_completes_the_lesson_when_set_on_passing(
    learner_client, learner, catalog, django_capture_on_commit_callbacks
):
    lesson, launch = setup_lesson(learner_client, learner, catalog, "passed")
    post(
        learner_client,
        launch,
        statement(launch, raw=2),
        django_capture_on_commit_callbacks,
    )
    assert not completed(lesson)  # 50% is under the pass mark of 75%
    post(
        learner_client,
        launch,
        statement(launch, raw=3),
        django_capture_on_commit_callbacks,
    )
    assert completed(lesson)


def test_completion_is_enough_when_set_on_completion(
    learner_client, learner, catalog, django_capture_on_commit_callbacks
):
    lesson, launch = setup_lesson(learner_client, learner, catalog, "completed")
    post(
        learner_client,
        launch,
        statement(launch, raw=0, success=False),
        django_capture_on_commit_callbacks,
    )
    assert completed(lesson)


def test_an_activity_set_to_never_leaves_the_lesson_alone(
    learner_client, learner, catalog, django_capture_on_commit_callbacks
):
    lesson, launch = setup_lesson(learner_client, learner, catalog, "never")
    post(
        learner_client,
        launch,
        statement(launch, raw=4),
        django_capture_on_commit_callbacks,
    )
    assert not completed(lesson)


def test_an_activity_in_the_french_lesson_completes_the_original(
    learner_client, learner, catalog, django_capture_on_commit_callbacks
):
    """Launched from the French lesson, the launch, the result and the
    completion are the original lesson's (`courses.translations`)."""
    content = services.import_h5p_package(source=build(valid_files())).content
    course = make_course(catalog, lessons=2)
    enrollment_services.enroll(learner=learner, course=course)
    lesson = course.get_children().live().first().specific
    lesson.body.append(
        ("h5p", {"activity": content, "completes_lesson": "completed", "pass_mark": 75})
    )
    lesson.save_revision().publish()
    french = translate_course(course)
    fr_lesson = french.get_children().live().first().specific
    assert learner_client.get(fr_lesson.url).status_code == 200
    launch = H5PLaunch.objects.get()
    assert launch.lesson_id == lesson.pk
    post(
        learner_client,
        launch,
        statement(launch, raw=1),
        django_capture_on_commit_callbacks,
    )
    assert completed(lesson)
    assert not LessonProgress.objects.filter(lesson=fr_lesson).exists()
    page = learner_client.get(fr_lesson.url)
    assert page.context["h5p_results"][content.pk].last_raw == 1
