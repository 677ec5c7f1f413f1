# The browser fixtures (Chromium through Playwright) for test_xss_browser.py.
from tests.browser.conftest import browser, page  # noqa: F401
