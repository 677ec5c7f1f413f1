"""The browser fixtures (Chromium through Playwright) for test_xss_browser.py,
and the security world shared by the access tests."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from tests.browser.conftest import browser, page  # noqa: F401
from tests.factories import make_site

from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction rolled back at its end;
    each test's own transaction nests inside it."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            _, catalog = make_site()
            yield build_world(catalog)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()
