"""The admin's rich-text editor speaks French to a French reader: CKEditor 5's
own translation is loaded, and our heading names are translated."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory, make_bank, make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_ckeditor_is_in_french_for_a_french_reader(live_server, page):
    base = live_server.url
    make_site()
    make_bank("Banque")
    UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    host = live_server.url.split("//")[1].split(":")[0]
    page.context.add_cookies(
        [
            {
                "name": settings.LANGUAGE_COOKIE_NAME,
                "value": "fr",
                "domain": host,
                "path": "/",
            }
        ]
    )
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "admin@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")
    page.goto(base + "/admin/questions/new/")
    editor = page.locator(".ck-editor").first
    expect(editor.locator(".ck-heading-dropdown")).to_contain_text("Paragraphe")
    # CKEditor's own words, from its French translation file.
    expect(editor.get_by_role("button", name="Gras")).to_be_visible()
    expect(editor.get_by_role("button", name="Italique")).to_be_visible()
    assert not [e for e in page.console_errors if "ckeditor" in e.lower()]
