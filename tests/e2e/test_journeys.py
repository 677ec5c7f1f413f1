"""Whole journeys in Chromium, chained as they happen: an instructor builds a
course in the admin; a student signs up and takes another course to its quiz
(by keyboard alone); the instructor marks two essays with a rubric; the
student gets results, certificate and PDF; a program manager revokes it in
the register. axe-core runs on every key page and each is seen at 390 px wide
(var/e2e/); on the admin views, axe looks at our own content."""

import pytest
from django.core.management import call_command

from accounts.models import User
from courses.models import CourseIndexPage

from . import instructor, manager, student
from .course import add_a_rubric_and_a_second_essay, build_course

# The live server needs a transactional database, emptied after each test:
# the journeys share one test (as tests/browser/test_journeys.py does).
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_journeys(origins, page, evidence, tmp_path):
    base, _ = origins
    call_command("seed_demo", verbosity=0)
    taught = build_course(
        CourseIndexPage.objects.get(locale__language_code="en"),
        User.objects.get(email=instructor.INSTRUCTOR),
    )
    add_a_rubric_and_a_second_essay(taught)
    # The desktop: screenshots and axe at 1366 x 900 (each key page is
    # seen at 390 px too, by the evidence's phone check).
    page.set_viewport_size({"width": 1366, "height": 900})
    try:
        learner = evidence.journey("student", page)
        student.signs_up_browses_and_enrols(learner, base)
        student.plays_the_h5p_activity_and_reads_the_lessons(learner)
        student.takes_the_timed_quiz_by_keyboard(learner)

        manages = evidence.journey("manager", page)
        context = {}
        for step in manager.FIRST_STEPS:
            step(manages, base, context)

        teacher = evidence.journey("instructor", page)
        course = instructor.builds_a_course_with_a_lesson(teacher, base)
        quiz = instructor.imports_a_bank_and_builds_a_quiz(
            teacher, base, course, tmp_path
        )
        instructor.previews_the_quiz_as_a_learner(teacher, base, quiz)
        instructor.imports_moodles_gift_with_its_warnings(teacher, base)
        instructor.uploads_an_h5p_package(teacher, base)
        instructor.marks_two_essays_with_a_rubric(teacher, base, taught.quiz)

        verification = student.sees_results_and_certificate(learner, base, taught.quiz)

        context["verification"] = verification
        for step in manager.STEPS:
            step(manages, base, context)
        assert page.console_errors == []
    finally:
        # Players save their state every few seconds; none may write while the
        # database is emptied after the test.
        page.goto("about:blank")
        evidence.write()

    assert evidence.serious() == {}, "axe: serious or critical violations"
    assert evidence.too_wide() == {}, "wider than a 390 px phone"
    assert set(evidence.axe) >= KEY_PAGES


KEY_PAGES = {
    "home",
    "catalog",
    "course",
    "lesson",
    "h5p-lesson",
    "quiz-overview",
    "attempt",
    "summary",
    "review",
    "dashboard",
    "certificates",
    "verification",
    "login",
    "signup",
    "certificate-register",
    # The instructor's admin views (our own content, without Wagtail's chrome).
    "admin-dashboard",
    "question-chooser",
    "quiz-preview",
    "quiz-preview-feedback",
    "import-preview-warnings",
    "moodle-imported",
    "grading-queue",
    "marking-1",
    "marking-2",
}
