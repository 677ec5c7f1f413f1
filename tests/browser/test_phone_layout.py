"""A course page on a 390x844 phone: the header takes at most a fifth of the
screen, the language switcher is one control of links, the menu opens from a
button, and the page offers exactly one primary action, above the fold."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.factories import PASSWORD, UserFactory, make_course, make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}


def _primary_actions(page):
    """The visible buttons and links that act on the course (enrol, start,
    continue, take the quiz), wherever they sit on the page."""
    main = page.get_by_role("main")
    return main.get_by_role("button", name="Enrol").or_(
        main.get_by_role(
            "link", name=re.compile(r"^(Start the course|Continue: |Take the quiz: )")
        )
    )


def _check_one_action_above_the_fold(page, label):
    actions = _primary_actions(page)
    expect(actions).to_have_count(1)
    expect(actions.first).to_contain_text(label)
    box = actions.first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box


def test_phone_header_menu_and_one_primary_action(live_server, browser):
    _, catalog = make_site()
    course = make_course(catalog, title="Liaison on a phone", lessons=2)
    UserFactory(email="phone@example.org", role=Role.STUDENT)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + course.url)
    header = page.locator("header").first.bounding_box()
    assert header is not None and header["height"] <= 0.2 * PHONE["height"], header
    switcher = page.locator("header a[hreflang]")
    assert switcher.count() >= 1
    assert page.locator("header select").count() == 0
    nav = page.get_by_role("navigation", name="Account")
    expect(nav).to_be_hidden()
    page.locator("header summary:visible").first.click()
    expect(nav).to_be_visible()
    page.locator("header summary:visible").first.click()
    # A visitor: one Enrol, which leads to the login page.
    _check_one_action_above_the_fold(page, "Enrol")

    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail").fill("phone@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + course.url)
    _check_one_action_above_the_fold(page, "Enrol")
    _primary_actions(page).first.click()
    expect(page.locator(".messages")).to_contain_text("enrolled")
    _check_one_action_above_the_fold(page, "Start the course")

    context.close()
