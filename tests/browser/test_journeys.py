"""The foundation's journeys, as a new user and an instructor live them."""

import re
import time

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from courses.models import CourseIndexPage, CoursePage
from enrollments.models import Enrollment, LessonProgress
from lessons.models import LessonPage
from tests.e2e.mailbox import open_verification_link

# The live server needs a transactional database, which is emptied after each
# test, Wagtail's root page included; both journeys therefore share one test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_foundation_journeys(live_server, page):
    call_command("seed_demo", verbosity=0)
    a_new_user_browses_signs_up_enrols_learns_and_resumes(live_server.url, page)
    an_instructor_creates_and_publishes_a_course_with_a_lesson(live_server.url, page)


def a_new_user_browses_signs_up_enrols_learns_and_resumes(base, page):
    page.goto(base + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("link", name="Browse the courses").click()
    expect(page).to_have_url(base + "/en/courses/")

    page.get_by_role("searchbox", name="Search").fill("cultural property")
    page.get_by_role("button", name="Apply").click()
    first_card = page.locator(".course-card h3 a").first
    expect(first_card).to_contain_text("Cultural Property")
    course_title = first_card.inner_text()

    page.goto(base + "/en/accounts/signup/")
    page.get_by_label("Full name").fill("Lt. Sam Rivera")
    page.get_by_label("E-mail address").fill("sam.rivera@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-unusual-pass-77")
    page.get_by_label("Password confirmation").fill("a-long-unusual-pass-77")
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator(".messages")).to_contain_text("Your account is ready")
    # A new account enrols once its address is confirmed: the e-mail's link.
    confirmed = open_verification_link(page, base, "sam.rivera@example.org")
    assert "address is confirmed" in confirmed

    page.goto(base + "/en/courses/?q=cultural+property")
    page.get_by_role("link", name=course_title).first.click()
    page.get_by_role("button", name="Enrol").click()
    expect(page.locator(".messages")).to_contain_text("You are enrolled")
    page.get_by_role("link", name="Start the course").click()
    first_lesson = page.url
    expect(page.locator(".eyebrow")).to_contain_text("Step 1 of")
    page.get_by_role("button", name="Mark complete and continue").click()
    expect(page.locator(".eyebrow")).to_contain_text("Step 2 of")
    second_lesson = page.url
    assert second_lesson != first_lesson

    page.get_by_role("link", name="My learning").click()
    expect(page.locator(".dashboard-item").first).to_contain_text(course_title)
    expect(page.locator(".dashboard-item").first).to_contain_text("1 of")
    page.locator(".dashboard-item").first.get_by_role(
        "link", name=re.compile("^Continue: ")
    ).click()
    assert page.url == second_lesson

    enrollment = Enrollment.objects.get(learner__email="sam.rivera@example.org")
    assert enrollment.course.title == course_title
    assert (
        LessonProgress.objects.filter(
            enrollment=enrollment, completed_at__isnull=False
        ).count()
        == 1
    )
    assert page.console_errors == []


def _rich_text(page, field: str, text: str) -> None:
    page.locator(f"[data-contentpath={field}] [contenteditable=true]").first.click()
    page.keyboard.type(text)
    # Draftail copies its content into the form's hidden input a moment later;
    # saving before that (easy under load) would save the field empty.
    expect(page.locator(f"#id_{field}")).to_have_value(re.compile(re.escape(text)))


def _publish(page) -> None:
    page.locator("button.w-dropdown__toggle:has-text('More actions')").last.click()
    page.locator("button[name=action-publish]").click()


def an_instructor_creates_and_publishes_a_course_with_a_lesson(base, page):
    page.context.clear_cookies()
    catalog = CourseIndexPage.objects.get(locale__language_code="en")
    title = f"Liaison in flood response {int(time.time())}"

    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "instructor@example.org")
    page.fill("input[name=password]", "demo-pass-2026")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")

    page.goto(f"{base}/admin/pages/add/courses/coursepage/{catalog.pk}/")
    page.fill("#id_title", title)
    page.fill(
        "#id_summary", "How liaison officers connect relief agencies and the force."
    )
    _rich_text(
        page, "description", "Liaison in practice, from first call to hand-over."
    )
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    course = CoursePage.objects.get(title=title)
    assert not course.live
    _publish(page)
    page.wait_for_url(re.compile(rf"/admin/pages/{catalog.pk}/$"))

    page.goto(f"{base}/admin/pages/add/lessons/lessonpage/{course.pk}/")
    page.fill("#id_title", "First contact with relief agencies")
    page.locator("[data-contentpath=body] button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Heading").click()
    # The block's own field, not whatever text box is last (the block chooser's
    # search box may still be in the page while it closes).
    heading = page.locator("input[name='body-0-value']")
    heading.fill("Call the coordination cell first")
    expect(heading).to_have_value("Call the coordination cell first")
    # Draft first, then publish from the edit view, as for the course: Wagtail's
    # autosave may already have turned the create form into an edit form.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    _publish(page)
    page.wait_for_url(re.compile(rf"/admin/pages/{course.pk}/$"))

    course.refresh_from_db()
    assert course.live
    lesson = LessonPage.objects.child_of(course).get()
    assert lesson.live
    assert "coordination cell" in str(lesson.body), [b.block_type for b in lesson.body]
    # The public sees the new course in the catalog.
    page.goto(base + "/en/courses/?q=flood")
    expect(page.locator(".course-card h3 a").first).to_have_text(title)
    # Another instructor's course stays closed to them.
    other = (
        CoursePage.objects.exclude(instructors__email="instructor@example.org")
        .exclude(pk=course.pk)
        .first()
    )
    response = page.goto(f"{base}/admin/pages/{other.pk}/edit/")
    assert response.url.endswith("/admin/") or response.status == 403
