"""The anonymous page cache (courses.page_cache): served from the cache, never
stale after a change, never shared with a signed-in visitor."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from courses.page_cache import VERSION_KEY
from questions.services import bump_question_version
from tests.budgets import LARGE, SMALL
from tests.caching.counting import CALLS
from tests.factories import make_bank, make_course, make_question, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["version in cache", "version in database"])
def page_cache(settings, request):
    """Every test twice: the content version in the (shared) cache, as on
    Redis, and in the database, as with caches of each process's own."""
    settings.PAGE_CACHE_TIMEOUT = 600
    settings.PAGE_CACHE_VERSION_IN_CACHE = request.param == "version in cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "tests.caching.counting.CountingCache",
            "LOCATION": "page-cache-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield settings.PAGE_CACHE_VERSION_IN_CACHE
    cache.clear()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


def publish(page):
    page.save_revision().publish()


def test_second_anonymous_visit_is_served_from_the_cache(client, catalog):
    course = make_course(catalog, title="Protection of civilians")
    for url in (catalog.url, course.url):
        first, _ = get(client, url)
        second, html = get(client, url)
        assert first["X-Page-Cache"] == "miss"
        assert second["X-Page-Cache"] == "hit"
        assert "Protection of civilians" in html
        # The outer middleware still answers with its own headers.
        assert "Content-Security-Policy" in second
        assert "csrftoken" not in second.cookies


def test_a_published_change_shows_at_once(client, catalog):
    course = make_course(catalog, title="Old title")
    get(client, catalog.url)
    get(client, course.url)
    course.title = "New title"
    course.summary = "A new summary."
    publish(course)
    for url in (catalog.url, course.url):
        response, html = get(client, url)
        assert response["X-Page-Cache"] == "miss"
        assert "New title" in html
        assert "A new summary." in html
        assert "A summary of Old title." not in html


def test_a_new_lesson_shows_on_the_cached_course_page(client, catalog):
    course = make_course(catalog, lessons=1)
    _, html = get(client, course.url)
    assert "lesson 2" not in html
    lesson = course.get_children().first().specific
    lesson.title = "Lesson renamed"
    publish(lesson)
    _, html = get(client, course.url)
    assert "Lesson renamed" in html


def test_unpublished_course_leaves_catalog_and_its_page(client, catalog):
    course = make_course(catalog, title="Going away")
    get(client, catalog.url)
    get(client, course.url)
    course.unpublish()
    _, html = get(client, catalog.url)
    assert "Going away" not in html
    assert client.get(course.url).status_code == 404


def test_deleted_and_moved_courses_leave_the_cached_catalog(client, catalog):
    gone = make_course(catalog, title="Deleted course")
    moved = make_course(catalog, title="Moved course")
    _, html = get(client, catalog.url)
    assert "Deleted course" in html and "Moved course" in html
    Page.objects.get(pk=gone.pk).delete()
    moved.move(catalog.get_parent(), pos="last-child")
    _, html = get(client, catalog.url)
    assert "Deleted course" not in html
    assert "Moved course" not in html


def test_a_new_course_joins_the_cached_catalog(client, catalog):
    get(client, catalog.url)
    make_course(catalog, title="Brand new course")
    _, html = get(client, catalog.url)
    assert "Brand new course" in html


def test_signed_in_learner_never_gets_the_anonymous_page(client, learner, catalog):
    course = make_course(catalog)
    for url in (catalog.url, course.url):
        get(client, url)
        get(client, url)  # cached now
    client.force_login(learner)
    for url in (catalog.url, course.url):
        response, html = get(client, url)
        assert "X-Page-Cache" not in response
        assert "Log out" in html
    response, html = get(client, course.url)
    assert '<form method="post" class="side-action">' in html  # the learner's CSRF form


def test_signed_in_page_is_never_kept_for_visitors(learner_client, catalog):
    course = make_course(catalog)
    get(learner_client, catalog.url)
    get(learner_client, course.url)
    visitor = Client()
    for url in (catalog.url, course.url):
        response, html = get(visitor, url)
        assert response["X-Page-Cache"] == "miss"
        assert "Log out" not in html
        assert "csrfmiddlewaretoken" not in html


def test_visitor_with_a_message_is_not_served_or_kept(client, catalog):
    get(client, catalog.url)  # cached
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(constants.INFO, "You have been logged out.")
    carrier = Client()
    response_with_cookie = carrier.get(catalog.url)  # a plain response to carry it
    storage.update(response_with_cookie)
    carrier.cookies.update(response_with_cookie.cookies)
    response, html = get(carrier, catalog.url)
    assert "X-Page-Cache" not in response
    assert "You have been logged out." in html
    response, html = get(Client(), catalog.url)
    assert "You have been logged out." not in html


def test_searches_are_not_kept(client, catalog):
    make_course(catalog, title="Cultural property protection")
    url = catalog.url + "?q=cultural"
    get(client, url)
    response, html = get(client, url)
    assert "X-Page-Cache" not in response
    assert "Cultural property protection" in html


def test_language_is_part_of_the_key(client, catalog):
    """The address carries the language (`/en/`, `/fr/`): the French catalog
    is kept apart from the English one, each in its own language."""
    french = translate(catalog, title="Catalogue des cours")
    get(client, catalog.url)
    response = client.get(french.url, headers={"accept-language": "en"})
    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Language"] == "fr"
    response, html = get(client, french.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Catalogue des cours" in html
    response, html = get(client, catalog.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Catalogue des cours" not in html


def test_enrol_from_a_cached_page_asks_to_log_in(client, catalog):
    course = make_course(catalog)
    get(client, course.url)
    _, html = get(client, course.url)
    assert f'action="{reverse("accounts:login")}"' in html
    assert "csrfmiddlewaretoken" not in html


def cached_hit(client, url):
    """A cached anonymous request: its queries and its cache calls."""
    CALLS.clear()
    with CaptureQueriesContext(connection) as queries:
        response, _ = get(client, url)
    assert response["X-Page-Cache"] == "hit"
    return len(queries), list(CALLS)


@pytest.mark.parametrize("page", ["catalog", "course"])
def test_cached_hit_costs_one_round_trip_at_two_sizes(
    client, catalog, page, page_cache
):
    """With the version in the cache, a hit is one cache call and no query;
    in the database, one query (the version) and one cache call."""
    courses = [make_course(catalog, lessons=1) for _ in range(SMALL)]
    url = catalog.url if page == "catalog" else courses[0].url
    expected = (0, ["get_many"]) if page_cache else (1, ["get"])
    get(client, url)
    assert cached_hit(client, url) == expected
    courses += [make_course(catalog, lessons=1) for _ in range(LARGE - SMALL)]
    get(client, url)
    assert cached_hit(client, url) == expected


@pytest.mark.parametrize("url", ["/i18n/setlang/", "/courses/"])
def test_redirects_skip_the_cache_and_the_site(client, catalog, url):
    """The language switcher's redirect, an address without its language."""
    CALLS.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (301, 302)
    assert CALLS == []
    assert [q for q in queries if "wagtailcore_site" in q["sql"]] == []


def test_the_h5p_content_origin_skips_the_cache_and_the_site(client, settings):
    CALLS.clear()
    response = client.get("/en/", headers={"host": "h5p.testserver"})
    assert response.status_code in (200, 404)
    assert CALLS == []


def test_a_lost_version_token_never_serves_a_stale_page(client, catalog, page_cache):
    """The cache flushed or the token evicted: the next visit renders anew
    and the one after is a hit again."""
    course = make_course(catalog, title="Kept course")
    get(client, course.url)
    from django.core.cache import cache

    cache.delete(VERSION_KEY)
    response, _ = get(client, course.url)
    assert response["X-Page-Cache"] == ("miss" if page_cache else "hit")
    response, _ = get(client, course.url)
    assert response["X-Page-Cache"] == "hit"


def test_editing_a_question_keeps_the_cached_catalog(client, catalog):
    """The quiz draw has its own version: the bank's edits leave the page
    cache's alone."""
    course = make_course(catalog, title="Kept course")
    get(client, catalog.url)
    get(client, course.url)

    question = make_question(make_bank("Bank", course=course))
    question.stem = "<p>Edited</p>"
    question.save()
    bump_question_version(question=question)

    for url in (catalog.url, course.url):
        response, html = get(client, url)
        assert response["X-Page-Cache"] == "hit"
        assert "Kept course" in html


def test_a_restriction_makes_the_cached_anonymous_page_stale(client, catalog):
    """Wagtail's privacy dialog saves the restriction, not the page: the
    restriction's own save bumps the version (courses.receivers)."""
    course = make_course(catalog, title="Open course", lessons=1)
    client.get(course.url)
    assert client.get(course.url)["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(course.url)
    assert response.status_code == 302
    assert "/login" in response["Location"]
