"""The instructor's journey in the Wagtail admin: a course and its lesson, a
question bank imported from GIFT, a timed quiz drawing from it, an H5P package
uploaded, and the student's essay marked in the grading queue."""

import re
from pathlib import Path

from playwright.sync_api import expect

from assessments.models import AssessmentPage, Attempt
from courses.models import CourseIndexPage, CoursePage
from demo.management.commands.seed_demo import DEMO_PASSWORD
from lessons.models import H5PContent, LessonPage
from questions.models import Category

from .student import EMAIL

INSTRUCTOR = "instructor@example.org"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "testdata"
GIFT = """$CATEGORY: Evacuation/Planning

::Assembly point:: Civilians gather at the assembly point before an evacuation. {TRUE}

::Lead:: In a non-combatant evacuation the lead belongs to {
=the civilian authorities of the evacuating state
~the first unit on the ground}
"""


def log_in_to_admin(page, base: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


def _rich_text(page, field: str, text: str) -> None:
    page.locator(f"[data-contentpath={field}] [contenteditable=true]").first.click()
    page.keyboard.type(text)
    # Draftail copies its content into the hidden input a moment later.
    expect(page.locator(f"#id_{field}")).to_have_value(re.compile(re.escape(text)))


def _save_and_publish(page, parent_pk: int) -> None:
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.locator("button.w-dropdown__toggle:has-text('More actions')").last.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{parent_pk}/$"))


def builds_a_course_with_a_lesson(journey, base: str) -> CoursePage:
    page = journey.page
    log_in_to_admin(page, base, INSTRUCTOR)
    journey.step("admin-dashboard")
    catalog = CourseIndexPage.objects.get(locale__language_code="en")
    page.goto(f"{base}/admin/pages/add/courses/coursepage/{catalog.pk}/")
    page.fill("#id_title", "Non-combatant evacuation support")
    page.fill("#id_summary", "How the force supports an evacuation of civilians.")
    _rich_text(page, "description", "Planning, assembly points and hand-over.")
    journey.step("course-form")
    _save_and_publish(page, catalog.pk)
    course = CoursePage.objects.get(title="Non-combatant evacuation support")
    assert course.live
    journey.step("course-published")

    page.goto(f"{base}/admin/pages/add/lessons/lessonpage/{course.pk}/")
    page.fill("#id_title", "Assembly points")
    page.locator("[data-contentpath=body] button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Heading").click()
    heading = page.locator("input[name='body-0-value']")
    heading.fill("Choose the assembly point with the authorities")
    expect(heading).to_have_value("Choose the assembly point with the authorities")
    journey.step("lesson-form")
    _save_and_publish(page, course.pk)
    lesson = LessonPage.objects.child_of(course).get()
    assert lesson.live and "assembly point" in str(lesson.body)
    journey.step("lesson-published")
    return course


def imports_a_bank_and_builds_a_quiz(journey, base: str, course, tmp_path) -> None:
    page = journey.page
    gift = tmp_path / "evacuation.gift"
    gift.write_text(GIFT)
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Import questions").click()
    page.set_input_files("input[name=file]", str(gift))
    journey.step("import-form")
    page.get_by_role("button", name="Upload and preview").click()
    # The preview lists each question; the bank is made on purpose.
    expect(page.locator(".import-preview")).to_be_visible()
    page.get_by_label("A new bank").check()
    page.get_by_label("Name of the new bank").fill("Evacuation")
    journey.step("import-preview")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#import-result")).to_contain_text("Imported 2 questions")
    journey.step("bank-imported")

    planning = Category.objects.get(path="Evacuation/Planning")
    page.goto(f"{base}/admin/pages/add/assessments/assessmentpage/{course.pk}/")
    page.fill("#id_title", "Evacuation check")
    page.locator("input[name=slots-0-source][value=random]").check()
    page.select_option("select[name=slots-0-category]", str(planning.pk))
    page.fill("input[name=slots-0-count]", "2")
    page.get_by_role("tab", name="Settings").click()
    page.fill("#id_time_limit_minutes", "15")
    page.fill("#id_pass_mark", "50")
    journey.step("quiz-form")
    _save_and_publish(page, course.pk)
    quiz = AssessmentPage.objects.get(title="Evacuation check")
    assert quiz.live and quiz.time_limit_minutes == 15 and quiz.slots.count() == 1
    journey.step("quiz-published")


def uploads_an_h5p_package(journey, base: str) -> None:
    page = journey.page
    package = SHARED / "h5p" / "real" / "H5P.TrueFalse__h5p-standalone-test.h5p"
    page.goto(base + "/admin/snippets/lessons/h5pcontent/add/")
    page.set_input_files("input[name=package]", str(package))
    page.fill("input[name=title]", "Evacuation true or false")
    journey.step("h5p-form")
    page.get_by_role("button", name="Save").first.click()
    expect(page.locator(".messages")).to_contain_text("Evacuation true or false")
    assert H5PContent.objects.filter(title="Evacuation true or false").exists()
    journey.step("h5p-uploaded")


def marks_the_essay(journey, base: str, quiz) -> None:
    page = journey.page
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Grading queue", exact=True).click()
    journey.step("grading-queue")
    page.get_by_role("link", name="Mark").first.click()
    expect(page.locator("#learner-answer")).to_contain_text("cluster coordinator")
    page.fill("input[name=score]", "1")
    page.fill("textarea[name=comment]", "Meeting the coordinator first: right.")
    journey.step("marking")
    page.get_by_role("button", name="Save mark").click()
    expect(page.locator(".messages")).to_contain_text("Saved the mark")
    journey.step("marked")
    attempt = Attempt.objects.get(assessment=quiz, learner__email=EMAIL)
    assert attempt.status == Attempt.Status.GRADED and attempt.passed
