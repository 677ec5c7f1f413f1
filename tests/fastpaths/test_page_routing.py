"""Routing from the site root by url_path (home.routing) finds what Wagtail's
step-by-step routing finds, in a fixed number of queries."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.routing import route_below
from tests.factories import make_course, make_lesson, make_quiz

pytestmark = pytest.mark.django_db


def described(args):
    # A routable page's (view, args, kwargs): bound methods of two instances of
    # one page compare unequal, their names do not.
    return (args[0].__name__, *args[1:]) if args else args


def wagtail_route(home, path):
    components = [c for c in path.split("/") if c]
    try:
        page, args, kwargs = Page.route(home, RequestFactory().get(path), components)
    except Http404:
        return None
    return page.pk, type(page), described(args), kwargs


def our_route(home, path):
    components = [c for c in path.split("/") if c]
    try:
        page, args, kwargs = route_below(home, RequestFactory().get(path), components)
    except Http404:
        return None
    return page.pk, type(page), described(args), kwargs


def test_every_path_routes_as_wagtail_routes_it(home, catalog):
    course = make_course(catalog, title="Mapping", lessons=2)
    make_lesson(course, title="Mapping draft", live=False)
    quiz = make_quiz(course, title="Mapping quiz")
    draft_course = make_course(catalog, title="Draft course", lessons=1)
    draft_course.unpublish()
    paths = [
        "/",
        "/courses/",
        "/courses/mapping/",
        "/courses/mapping/mapping-lesson-1/",
        "/courses/mapping/mapping-draft/",
        "/courses/mapping/mapping-quiz/",
        "/courses/mapping/mapping-quiz/start/",
        "/courses/mapping/mapping-quiz/attempt/1/",
        "/courses/mapping/mapping-quiz/no-such-view/",
        "/courses/mapping/mapping-lesson-1/extra/",
        "/courses/mapping/nothing-here/",
        "/courses/draft-course/",
        "/courses/draft-course/draft-course-lesson-1/",
        "/nowhere/",
        "/nowhere/courses/",
    ]
    routes = {path: our_route(home, path) for path in paths}
    assert routes == {path: wagtail_route(home, path) for path in paths}
    assert routes["/courses/mapping/mapping-quiz/start/"][0] == quiz.pk
    assert routes["/courses/mapping/mapping-draft/"] is None
    # A live lesson in an unpublished course: Wagtail routes through drafts.
    assert routes["/courses/draft-course/draft-course-lesson-1/"] is not None


def test_a_deeper_page_costs_no_more_queries(home, catalog):
    course = make_course(catalog, title="Depth", lessons=1)
    counts = []
    for path in ("/courses/", "/courses/depth/", "/courses/depth/depth-lesson-1/"):
        components = [c for c in path.split("/") if c]
        with CaptureQueriesContext(connection) as captured:
            page = route_below(home, RequestFactory().get(path), components)[0]
        counts.append(len(captured.captured_queries))
        # The parent rides along, as under Wagtail's routing.
        with CaptureQueriesContext(connection) as captured:
            assert page.get_parent().pk == page.get_parent(update=True).pk
        assert len(captured.captured_queries) == 1
    assert counts == [2, 2, 2]
    assert course.pk
