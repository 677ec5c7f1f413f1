"""Query budgets: a page's query count must stay the same as the data grows."""

from collections.abc import Callable
from typing import cast

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role, User
from tests.factories import UserFactory, fill_catalog

# Two sizes far enough apart that a query a row would show as a different count.
SMALL, LARGE = 10, 60


def warm(client, url: str) -> None:
    """Two requests before the measured one: Wagtail caches the site's root
    paths per process, and the content this process remembers (core.memo) is
    kept from the request after the one that ends the setup's bumps (a test's
    transaction never commits, so that request's end is what releases them)."""
    client.get(url)
    client.get(url)


def queries_for(client, url: str, *, status: int = 200) -> int:
    warm(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == status, response
    return len(captured.captured_queries)


def assert_budget_holds(
    client, catalog, *, url: Callable[[list], str], budget: int, lessons: int = 2
) -> int:
    """Sign a learner in, measure `url` at SMALL and at LARGE enrolled courses:
    within `budget` at the small size and the same count at the large one."""
    learner = cast(User, UserFactory(role=Role.STUDENT))
    client.force_login(learner)
    courses = fill_catalog(catalog, learner, SMALL, lessons=lessons)
    target = url(courses)
    small = queries_for(client, target)
    assert small <= budget, f"{small} queries, budget {budget}"
    fill_catalog(catalog, learner, LARGE - SMALL, lessons=lessons)
    assert queries_for(client, target) == small
    return small
