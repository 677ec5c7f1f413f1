"""Through the real services: what the pages show (`progress_for_courses`)
and what completion decides (`completion_inputs` + `is_complete`) agree, for
lessons only, a required quiz (failed, then passed), an optional quiz and a
quiz added after enrolment."""

import pytest

from courses.models import CourseOptionalItem
from enrollments import completion, selectors, services
from enrollments.models import Enrollment
from tests.enrollments.test_completion_rule import finish_lessons, take
from tests.factories import make_bank, make_course, make_question, make_quiz

pytestmark = pytest.mark.django_db


def shown(learner, course):
    return selectors.progress_for_courses(learner, [course])[course.pk]


def decided(learner, course):
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    return completion.is_complete(*selectors.completion_inputs(enrollment))


def check(learner, course):
    course.refresh_from_db()
    progress = shown(learner, course)
    complete = decided(learner, course)
    assert progress.rule.complete is complete
    assert (progress.percent == 100) is complete
    assert (progress.next_entry is None) is complete
    return progress


def quiz_of(course, **fields):
    question = make_question(make_bank(course=course))
    return make_quiz(course, slots=[question], pass_mark=50, **fields)


def test_lessons_then_a_failed_then_a_passed_quiz(
    catalog, learner, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Civil-military basics", lessons=2)
    quiz = quiz_of(course, title="Knowledge check")
    lessons = [p.specific for p in course.get_children().live()][:2]
    services.enroll(learner=learner, course=course)
    progress = check(learner, course)
    assert [e.page.title for e in progress.outline][-1] == "Knowledge check"
    assert progress.next_entry.page.pk == lessons[0].pk

    finish_lessons(learner, lessons, django_capture_on_commit_callbacks)
    progress = check(learner, course)
    assert (progress.completed, progress.total, progress.percent) == (2, 3, 66)
    assert progress.next_entry.page.pk == quiz.pk and progress.next_entry.is_quiz

    take(quiz, learner, right=False, capture=django_capture_on_commit_callbacks)
    progress = check(learner, course)
    assert progress.outline[-1].state == completion.FAILED
    assert progress.outline[-1].score == 0

    take(quiz, learner, right=True, capture=django_capture_on_commit_callbacks)
    progress = check(learner, course)
    assert progress.outline[-1].state == completion.PASSED
    assert progress.is_completed and progress.percent == 100


def test_an_optional_quiz_is_listed_not_counted(
    catalog, learner, django_capture_on_commit_callbacks
):
    course = make_course(catalog, lessons=1)
    quiz = quiz_of(course)
    CourseOptionalItem.objects.create(course=course, page=quiz)
    services.enroll(learner=learner, course=course)
    finish_lessons(
        learner,
        [course.get_children().first().specific],
        django_capture_on_commit_callbacks,
    )
    progress = check(learner, course)
    assert progress.outline[-1].optional and progress.total == 1
    assert progress.is_completed


def test_a_quiz_added_after_enrolment_is_counted(
    catalog, learner, django_capture_on_commit_callbacks
):
    course = make_course(catalog, lessons=2)
    services.enroll(learner=learner, course=course)
    finish_lessons(
        learner,
        [course.get_children().first().specific],
        django_capture_on_commit_callbacks,
    )
    assert check(learner, course).percent == 50
    quiz_of(course, title="Added later")
    progress = check(learner, course)
    assert (progress.completed, progress.total, progress.percent) == (1, 3, 33)


def test_a_translation_shows_its_originals_outline_with_an_untranslated_quiz(
    catalog, learner, django_capture_on_commit_callbacks
):
    from tests.factories import translate_course

    course = make_course(catalog, title="Liaison", lessons=2)
    french = translate_course(course)
    quiz = quiz_of(course, title="English-only check")  # not translated
    services.enroll(learner=learner, course=course)
    finish_lessons(
        learner,
        [p.specific for p in course.get_children().live()][:2],
        django_capture_on_commit_callbacks,
    )
    english = check(learner, course)
    shown_fr = shown(learner, french)
    assert [e.page.title for e in shown_fr.outline] == [
        "[fr] Liaison lesson 1",
        "[fr] Liaison lesson 2",
        "English-only check",
    ]
    assert (
        (shown_fr.completed, shown_fr.total, shown_fr.percent)
        == (
            english.completed,
            english.total,
            english.percent,
        )
        == (2, 3, 66)
    )
    assert shown_fr.next_entry.page.pk == quiz.pk
