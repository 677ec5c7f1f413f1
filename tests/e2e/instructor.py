"""The instructor's journey in the Wagtail admin: the dashboard's course home,
a course and its lesson, a question bank imported from GIFT, a timed quiz
with a random slot and a question picked in the chooser, previewed as a
learner, Moodle's own GIFT fixture imported with its warnings shown first, an
H5P package uploaded, and two essays (the student's and a second learner's)
marked with a rubric through "save and mark the next"."""

import re
from pathlib import Path

from playwright.sync_api import expect

from assessments.models import AssessmentPage, Attempt
from courses.models import CourseIndexPage, CoursePage
from demo.management.commands.seed_demo import DEMO_PASSWORD
from lessons.models import H5PContent, LessonPage
from questions.models import Category

from .course import SECOND_ANSWER, SECOND_LEARNER, TITLE
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
    # The course home: the courses taught, with their numbers and links.
    home = page.locator("#course-home-section")
    expect(home).to_contain_text("Your courses")
    expect(home).to_contain_text(TITLE)
    journey.admin_page("admin-dashboard")
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


def imports_a_bank_and_builds_a_quiz(journey, base: str, course, tmp_path):
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
    # A random slot: its category chosen, the editor says how many it holds.
    page.locator("input[name=slots-0-source][value=random]").check()
    expect(page.locator("select[name=slots-0-question]")).to_be_hidden()
    page.select_option("select[name=slots-0-category]", str(planning.pk))
    page.fill("input[name=slots-0-count]", "2")
    expect(page.locator("[data-inline-panel-child] .slot-pool").first).to_have_text(
        "This category holds 2 questions."
    )
    # A second slot, a fixed question picked in the question chooser.
    page.get_by_role("button", name="Add question slot").click()
    second = page.locator("[data-inline-panel-child]").nth(1)
    second.locator("input[name=slots-1-source][value=question]").check()
    second.get_by_role("button", name="Choose a question").click()
    chooser = page.locator(".modal-content")
    chooser.get_by_label("Type").select_option(label="Single choice")
    chooser.get_by_label("Search term").fill("cluster lead")
    results = chooser.locator("[data-chooser-modal-choice]")
    expect(results).to_have_count(1)
    expect(results).to_have_text("Cluster lead")
    journey.admin_page("question-chooser", within="{include: [['.modal-content']]}")
    results.click()
    expect(page.locator(".modal-content")).to_be_hidden()
    expect(second).to_contain_text("Cluster lead")
    page.get_by_role("tab", name="Settings").click()
    page.fill("#id_time_limit_minutes", "15")
    page.fill("#id_pass_mark", "50")
    journey.step("quiz-form")
    _save_and_publish(page, course.pk)
    quiz = AssessmentPage.objects.get(title="Evacuation check")
    assert quiz.live and quiz.time_limit_minutes == 15
    slots = list(quiz.slots.order_by("sort_order"))
    assert [(s.source, s.category_id, s.count) for s in slots] == [
        ("random", planning.pk, 2),
        ("question", None, 1),
    ]
    assert slots[1].question.title == "Cluster lead"
    journey.step("quiz-published")
    return quiz


def previews_the_quiz_as_a_learner(journey, base: str, quiz) -> None:
    page = journey.page
    page.goto(f"{base}/admin/pages/{quiz.pk}/edit/")
    page.locator("button.w-dropdown__toggle").filter(
        has_text=re.compile("actions", re.I)
    ).last.click()
    page.get_by_role("link", name="Preview as a learner").click()
    page.wait_for_url(re.compile(rf"/admin/assessments/preview/quiz/{quiz.pk}/$"))
    preview = page.locator(".quiz-preview")
    # The two questions drawn from the category and the one picked.
    expect(preview).to_contain_text("Which agency leads the global shelter cluster")
    expect(preview).to_contain_text("Civilians gather at the assembly point")
    expect(preview).to_contain_text("In a non-combatant evacuation the lead")
    journey.admin_page("quiz-preview")
    page.get_by_label("UNHCR", exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("#preview-result")).to_be_visible()
    journey.admin_page("quiz-preview-feedback")


def imports_moodles_gift_with_its_warnings(journey, base: str) -> None:
    """Moodle's own GIFT fixture, with its quirks: the preview says what is
    odd before anything is imported."""
    page = journey.page
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Import questions").click()
    page.set_input_files(
        "input[name=file]", str(SHARED / "gift" / "moodle" / "questions.gift.txt")
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.locator(".import-preview")).to_be_visible()
    expect(page.locator("main")).to_contain_text("9 questions in the file")
    expect(page.locator("#import-warnings")).to_contain_text(
        "4 questions have a warning"
    )
    expect(page.locator(".import-preview__warning").first).to_be_visible()
    expect(page.locator(".import-preview")).to_contain_text(
        "Another question of the file has the same name"
    )
    # The screenshot shows the warning count and the first rows.
    page.evaluate("window.scrollTo(0, 0)")
    journey.admin_page("import-preview-warnings")
    page.get_by_label("A new bank").check()
    page.get_by_label("Name of the new bank").fill("Moodle fixtures")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#import-result")).to_contain_text("Imported 9 questions")
    journey.admin_page("moodle-imported")


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


def marks_two_essays_with_a_rubric(journey, base: str, quiz) -> None:
    """The queue filtered by the quiz, then each essay marked with the
    rubric and "save and mark the next": the student's (good) and a second
    learner's (not)."""
    page = journey.page
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Grading queue", exact=True).click()
    page.select_option("select[name=quiz]", str(quiz.pk))
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("main tbody tr")).to_have_count(2)
    journey.admin_page("grading-queue")
    page.get_by_role("link", name="Start marking").click()
    marked = set()
    for number in (1, 2):
        answer = page.locator("#learner-answer")
        expect(answer).not_to_have_text("")
        if "cluster coordinator" in answer.inner_text():
            who, levels = EMAIL, ("Applied (2 points)", "Clear (1 point)")
            comment = "Meeting the coordinator first: right."
        else:
            expect(answer).to_contain_text(SECOND_ANSWER)
            who, levels = SECOND_LEARNER, ("Missing (0 points)", "Unclear (0 points)")
            comment = "The cluster chooses sites with the authorities, not the police."
        expect(page.locator(".grading-rubric")).to_contain_text("Coordination")
        for level in levels:
            page.get_by_label(level, exact=True).check()
        page.get_by_label("Comment").fill(comment)
        journey.admin_page(f"marking-{number}")
        page.get_by_role("button", name="Save and mark the next").click()
        marked.add(who)
    assert marked == {EMAIL, SECOND_LEARNER}
    expect(page.locator(".messages")).to_contain_text(
        "Nothing else is waiting to be marked."
    )
    journey.step("marked")
    attempt = Attempt.objects.get(assessment=quiz, learner__email=EMAIL)
    assert attempt.status == Attempt.Status.GRADED and attempt.passed
    second = Attempt.objects.get(assessment=quiz, learner__email=SECOND_LEARNER)
    assert second.status == Attempt.Status.GRADED
    (essay,) = [r for r in second.responses.all() if r.answer == SECOND_ANSWER]
    assert essay.score == 0 and "police" in essay.comment
