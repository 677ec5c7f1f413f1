"""What every signed-in page reads alike is remembered in process memory under
the content version (core.memo): the main menu, the home page in the reader's
language, a page's translations and originals, the course outlines, and
whether any page has a view restriction. Each goes the moment the content
changes, and a change not yet committed is never kept."""

from typing import cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from accounts.models import Role, User
from core import memo
from enrollments import services
from home.models import StandardPage
from lessons.models import LessonPage
from tests.budgets import warm
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


@pytest.fixture
def lesson_url(catalog, learner, learner_client):
    course = make_course(catalog, title="Liaison", lessons=2)
    services.enroll(learner=learner, course=course)
    url = LessonPage.objects.child_of(course).live().first().url
    warm(learner_client, url)
    return url


def test_a_remembered_lesson_page_reads_no_menu_locale_or_restriction(
    learner_client, lesson_url
):
    sql = _queries(learner_client, lesson_url)
    assert not [q for q in sql if "wagtailcore_pageviewrestriction" in q]
    assert not [q for q in sql if "wagtailcore_locale" in q]
    assert not [q for q in sql if "auth_permission" in q]
    # The main menu (the home page's children in the menu) is not read again.
    assert not [q for q in sql if '"show_in_menus" = ' in q]


def test_a_restriction_added_after_takes_effect_at_once(
    learner_client, lesson_url, catalog
):
    restricted = catalog.get_children().get(title="Liaison")
    PageViewRestriction.objects.create(
        page=restricted,
        restriction_type=PageViewRestriction.PASSWORD,
        password="shared-secret",
    )
    response = learner_client.get(lesson_url)
    assert response.status_code == 200
    assert b"shared-secret" not in response.content
    assert b'name="password"' in response.content  # Wagtail's password form
    PageViewRestriction.objects.all().delete()
    response = learner_client.get(lesson_url)
    assert b'name="password"' not in response.content


def test_a_page_added_to_the_menu_shows_on_the_next_view(
    home, learner_client, lesson_url
):
    assert b"Why IGN" not in learner_client.get(lesson_url).content
    home.add_child(
        instance=StandardPage(title="Why IGN", slug="why-ign", show_in_menus=True)
    )
    assert b'href="/en/why-ign/"' in learner_client.get(lesson_url).content


def test_the_authoring_link_is_the_logins_answer(client, catalog, lesson_url):
    author = cast(User, UserFactory(role=Role.INSTRUCTOR))
    client.force_login(author)
    assert b'href="/admin/"' in client.get(catalog.url).content
    student = cast(User, UserFactory(role=Role.STUDENT))
    client.force_login(student)
    html = client.get(catalog.url).content
    assert b'href="/admin/"' not in html


class TestRemember:
    """The memo itself, on a version source of the test's own."""

    @pytest.fixture(autouse=True)
    def version(self):
        from courses.page_cache import version_token

        box = {"version": 1}
        memo.set_version_source(lambda: box["version"])
        yield box
        memo.set_version_source(version_token)

    def test_computes_once_a_version(self, version):
        calls = []

        def compute() -> int:
            calls.append(1)
            return len(calls)

        assert memo.remember("k", compute) == 1
        assert memo.remember("k", compute) == 1
        version["version"] = 2
        assert memo.remember("k", compute) == 2
        assert len(calls) == 2

    def test_a_held_memo_keeps_nothing_until_released(self, version):
        memo.hold()
        assert memo.remember("k", lambda: "uncommitted") == "uncommitted"
        memo.release()
        assert memo.remember("k", lambda: "committed") == "committed"
        assert memo.remember("k", lambda: "again") == "committed"

    def test_each_computes_only_the_missing_together(self, version):
        asked: list[list[str]] = []

        def compute(names: list[str]) -> dict[str, str]:
            asked.append(names)
            return {name: name.upper() for name in names}

        assert memo.remember_each(["a", "b"], compute) == {"a": "A", "b": "B"}
        assert memo.remember_each(["b", "c"], compute) == {"b": "B", "c": "C"}
        assert asked == [["a", "b"], ["c"]]

    def test_an_entry_is_used_for_max_age_at_most(self, version, monkeypatch):
        monkeypatch.setattr(memo, "MAX_AGE", 0.0)
        assert memo.remember("k", lambda: "first") == "first"
        assert memo.remember("k", lambda: "second") == "second"
