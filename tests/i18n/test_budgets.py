"""Pages served in French keep the query budgets of their English selves, at
both data sizes, but for one query: the menu reads the French home page (the
site's root is English; `home.languages.site_root`). Translating the
interface costs no query."""

import pytest

from tests.budgets import assert_budget_holds
from tests.courses.test_catalog import CATALOG_BUDGET
from tests.courses.test_course_page import COURSE_BUDGET
from tests.enrollments.test_dashboard import DASHBOARD_BUDGET
from tests.lessons.test_lesson_page import LESSON_BUDGET

from .conftest import speak_french

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        (lambda courses: "/courses/?language=en&q=course", CATALOG_BUDGET + 1),
        # The course page and dashboard: +1 more for the discussions panel and
        # the announcements, which read the translation's original.
        (lambda courses: courses[0].url, COURSE_BUDGET + 2),
        (lambda courses: courses[0].get_children().live()[1].url, LESSON_BUDGET + 1),
        (lambda courses: "/dashboard/", DASHBOARD_BUDGET + 2),
    ],
    ids=["catalog", "course", "lesson", "dashboard"],
)
def test_french_pages_keep_their_query_budgets(client, catalog, url, budget):
    speak_french(client)
    assert_budget_holds(client, catalog, url=url, budget=budget, lessons=3)
