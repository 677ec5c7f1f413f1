"""Real-browser tests: Playwright for Python driving Debian's Chromium."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]

# Playwright's sync API runs an event loop in this thread; the test's own ORM
# calls are still synchronous and made between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# One browser a test, started after the test database is ready: a session-wide
# Playwright loop, set up before it, would hide the serialized copy of the
# database (Django keeps it on a context-local connection) and leave the
# migrations' data (Wagtail's root page, groups) unrestored.
@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: (
            page.console_errors.append(message.text)
            if message.type == "error"
            else None
        ),
    )
    page.set_default_timeout(15_000)
    yield page
    context.close()
