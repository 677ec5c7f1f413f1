"""Quizzes through the real UI: an instructor imports a bank and builds a timed
quiz with a random slot in the Wagtail admin; a learner takes it (and runs out
of time on a second attempt); the instructor marks the essay and regrades."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from assessments.models import AssessmentPage, Attempt
from courses.services import sync_instructor_permissions
from enrollments.services import enroll
from questions.models import Category, Question
from tests.factories import PASSWORD, UserFactory, make_course, make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GIFT = """$CATEGORY: CMCoord/Principles

::Neutrality:: Humanitarian actors do not take sides in hostilities. {TRUE}

::Last resort:: Under the Oslo Guidelines, military assets are used in disaster relief {
=only as a last resort
~first, as they are fastest
~whenever the military offers them}

::Escorts:: Armed escorts for humanitarian convoys are {
=the exception
~the rule}

$CATEGORY: CMCoord/Reflection

::Dilemma:: Describe a civil-military dilemma you have faced. {}
"""


def log_in(page, base, email, *, admin=False):
    page.context.clear_cookies()
    if admin:
        page.goto(base + "/admin/login/")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(base + "/admin/")
    else:
        page.goto(base + "/en/accounts/login/")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()


def test_quiz_journeys(live_server, page, tmp_path):
    base = live_server.url
    _, catalog = make_site()
    course = make_course(catalog, title="Humanitarian civil-military coordination")
    teacher = UserFactory(email="teacher@example.org", role=Role.INSTRUCTOR)
    course.instructors = [teacher]
    course.save()
    sync_instructor_permissions(course=course)
    learner = UserFactory(email="learner@example.org", role=Role.STUDENT)
    enroll(learner=learner, course=course)

    quiz = an_instructor_imports_a_bank_and_builds_a_timed_quiz(
        page, base, course, tmp_path
    )
    a_learner_takes_the_quiz(page, base, quiz)
    the_learner_runs_out_of_time(page, base, quiz)
    the_instructor_marks_the_essay_and_regrades(page, base, quiz)
    assert page.console_errors == []


def an_instructor_imports_a_bank_and_builds_a_timed_quiz(page, base, course, tmp_path):
    log_in(page, base, "teacher@example.org", admin=True)
    gift = tmp_path / "cmcoord.gift"
    gift.write_text(GIFT)
    page.get_by_role("link", name="Import questions").click()
    page.set_input_files("input[name=file]", str(gift))
    page.get_by_role("button", name="Upload and preview").click()
    # The preview: each question, then the bank, made on purpose.
    expect(page.locator("main h2").first).to_have_text("4 questions in the file")
    expect(page.locator(".import-preview")).to_contain_text("Dilemma")
    page.get_by_label("A new bank").check()
    page.get_by_label("Name of the new bank").fill("CMCoord")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#import-result")).to_contain_text("Imported 4 questions")
    expect(page.locator(".import-questions")).to_contain_text("Dilemma")

    principles = Category.objects.get(path="CMCoord/Principles")
    an_instructor_writes_a_question_in_ckeditor(page, base, principles)
    essay = Question.objects.get(title="Dilemma")

    page.goto(f"{base}/admin/pages/add/assessments/assessmentpage/{course.pk}/")
    page.fill("#id_title", "CMCoord check")
    # Slot 1 (the form starts with one): two questions drawn from a category;
    # only the random slot's fields show, with the size of its pool.
    page.locator("input[name=slots-0-source][value=random]").check()
    expect(page.locator("#id_slots-0-category")).to_be_visible()
    page.select_option("select[name=slots-0-category]", str(principles.pk))
    page.fill("input[name=slots-0-count]", "2")
    expect(page.locator("#inline_child_slots-0 .slot-pool")).to_have_text(
        "This category holds 4 questions."
    )
    # Slot 2: the essay, fixed, through the chooser filtered by type.
    page.get_by_role("button", name="Add question slot").last.click()
    expect(page.locator("#id_slots-1-category")).to_be_hidden()
    page.locator("#inline_child_slots-1 [data-chooser-action-choose]").first.click()
    page.locator(".modal-content select[name=kind]").select_option("essay")
    page.locator(".modal-content a", has_text="Dilemma").click()
    expect(page.locator("#inline_child_slots-1")).to_contain_text("Dilemma")
    assert essay.kind == "essay"
    page.get_by_role("tab", name="Settings").click()
    page.fill("#id_time_limit_minutes", "20")
    page.fill("#id_pass_mark", "50")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.locator("button.w-dropdown__toggle:has-text('More actions')").last.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{course.pk}/$"))
    quiz = AssessmentPage.objects.get(title="CMCoord check")
    assert quiz.live and quiz.time_limit_minutes == 20
    assert quiz.slots.count() == 2
    return quiz


def an_instructor_writes_a_question_in_ckeditor(page, base, category):
    page.goto(base + "/admin/questions/new/")
    page.select_option("#id_bank", str(category.bank_id))
    page.select_option("#id_category", str(category.pk))
    page.select_option("#id_kind", "single")
    page.fill("#id_title", "Coordination platform")
    stem = page.locator(".ck-editor__editable").first
    stem.click()
    page.keyboard.type(
        "Which platform coordinates civil-military dialogue in a UN-led response?"
    )
    for text, credit in (("UN-CMCoord", "1"), ("A press office", "0")):
        page.get_by_role("button", name="Add answer").last.click()
        form = page.locator("[id^=inline_child_answers-]:visible").last
        form.locator(".ck-editor__editable").first.click()
        page.keyboard.type(text)
        form.locator("input[name$=-fraction]").fill(credit)
    page.get_by_role("button", name="Create").first.click()
    expect(page.locator(".messages")).to_contain_text("Coordination platform")
    question = Question.objects.get(title="Coordination platform")
    assert "UN-led response" in question.stem
    assert [a.text for a in question.answers.all()] == [
        "<p>UN-CMCoord</p>",
        "<p>A press office</p>",
    ]


def a_learner_takes_the_quiz(page, base, quiz):
    log_in(page, base, "learner@example.org")
    page.goto(base + quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator("#time-left")).to_have_text(re.compile(r"^(19|20):\d\d$"))
    questions = page.locator("fieldset.question")
    expect(questions).to_have_count(3)
    # Answer every choice question with its first option, and write the essay.
    for index in range(3):
        question = questions.nth(index)
        if question.locator("textarea").count():
            question.locator("textarea").fill("Sharing a road with an armed convoy.")
            # The limit, counted as the server counts, by the page's script.
            expect(question.locator(".char-count")).to_have_text(
                "36 of 20,000 characters"
            )
            assert question.locator("textarea").get_attribute("maxlength") == "20000"
        elif question.locator("input[type=radio]").count():
            question.locator("input[type=radio]").first.check()
    expect(page.locator("#autosave-status")).to_have_text(re.compile(r"^Saved \d"))
    attempt = Attempt.objects.get(assessment=quiz, number=1)
    saved = list(attempt.responses.values_list("answer", flat=True))
    assert sum(answer is not None for answer in saved) == 3

    page.get_by_role("button", name="Finish attempt…").click()
    expect(page.get_by_role("cell", name="Answer saved")).to_have_count(3)
    page.get_by_role("button", name="Submit all and finish").click()
    page.get_by_role("button", name="Submit now").click()
    expect(page.locator("#attempt-state")).to_have_text("Waiting for the instructor")
    # The key stays hidden until the essay is marked.
    expect(page.locator(".badge")).to_have_count(0)


def the_learner_runs_out_of_time(page, base, quiz):
    page.goto(base + quiz.url)
    page.get_by_role("button", name="Start a new attempt").click()
    expect(page.locator("#time-left")).to_be_visible()
    attempt = Attempt.objects.get(assessment=quiz, number=2)
    # Twenty minutes is long for a test: move the server's deadline closer.
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline_at=timezone.now() + timedelta(seconds=3)
    )
    page.reload()
    page.locator("fieldset.question input[type=radio]").first.check()
    expect(page.locator("#autosave-status")).to_have_text(re.compile(r"^Saved \d"))
    # The page hands the attempt in by itself when the timer reaches zero.
    expect(page.locator("#attempt-state")).to_be_visible(timeout=15_000)
    expect(page.locator(".attempt-facts")).to_contain_text("time ran out")
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.status != Attempt.Status.IN_PROGRESS


def the_instructor_marks_the_essay_and_regrades(page, base, quiz):
    log_in(page, base, "teacher@example.org", admin=True)
    page.get_by_role("link", name="Grading queue", exact=True).click()
    first = page.get_by_role("link", name="Mark").first
    first.click()
    expect(page.locator("#learner-answer")).to_contain_text("armed convoy")
    page.fill("input[name=score]", "1")
    page.fill("textarea[name=comment]", "A real dilemma, well told.")
    page.get_by_role("button", name="Save mark").click()
    expect(page.locator(".messages")).to_contain_text("Saved the mark")
    attempt = Attempt.objects.get(assessment=quiz, number=1)
    assert attempt.status == Attempt.Status.GRADED

    # The key of one drawn question was wrong: make every choice right, regrade.
    drawn = next(
        e for e in attempt.questions_snapshot if e["type"] in ("single", "truefalse")
    )
    question = Question.objects.get(pk=drawn["question"])
    question.answers.update(fraction=1)
    page.goto(f"{base}/admin/assessments/regrade/question/{question.pk}/")
    page.get_by_role("button", name="Start a dry run").click()
    expect(page.locator("#regrade-status")).to_contain_text("Dry run ready")
    page.get_by_role("button", name="Apply the regrade").click()
    expect(page.locator("#regrade-status")).to_contain_text("Applied")

    log_in(page, base, "learner@example.org")
    page.goto(base + quiz.url + f"attempt/{attempt.number}/review/")
    expect(page.locator("#attempt-state")).to_have_text("Graded")
    expect(page.locator("#attempt-score")).to_be_visible()
    expect(page.locator(".comment")).to_contain_text("A real dilemma")
