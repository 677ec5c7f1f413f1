"""Finding courses (issue 19, item 5): learning paths in the catalog and on the
home page, topic chips that filter, the sort orders, and odd input answered
with a message instead of an error."""

import datetime

import pytest
from django.utils import timezone

from courses.models import CoursePage
from tests.budgets import queries_for
from tests.factories import TopicFactory, make_course, make_path, translate

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [course.title for course in response.context["courses"]]


def path_titles(response) -> list[str]:
    return [path.title for path in response.context["paths"]]


def test_learning_paths_are_listed_in_the_catalog_with_their_course_count(
    client, catalog
):
    courses = [make_course(catalog, title=f"Step {n}") for n in (1, 2)]
    make_path(catalog, courses, title="CIMIC Staff Officer")
    response = client.get("/en/courses/")
    assert path_titles(response) == ["CIMIC Staff Officer"]
    assert response.context["paths"][0].course_count == 2
    html = response.content.decode()
    assert "Learning paths" in html
    assert "2 courses" in html


def test_a_search_finds_paths_by_their_words_and_course_filters_hide_them(
    client, catalog
):
    course = make_course(catalog, title="Step one", level="advanced")
    make_path(catalog, [course], title="CIMIC Staff Officer")
    make_path(catalog, [course], title="Protection adviser")
    assert path_titles(client.get("/en/courses/?q=cimic")) == ["CIMIC Staff Officer"]
    assert path_titles(client.get("/en/courses/?level=advanced")) == []
    # Paths head the first page only.
    for number in range(13):
        make_course(catalog, title=f"Module {number:02d}")
    assert path_titles(client.get("/en/courses/?page=2")) == []


def test_a_path_is_shown_once_in_the_readers_language(client, catalog):
    course = make_course(catalog, title="Step one")
    path = make_path(catalog, [course], title="CIMIC Staff Officer")
    translate(path, title="Parcours CIMIC")
    assert path_titles(client.get("/fr/courses/")) == ["Parcours CIMIC"]
    assert path_titles(client.get("/en/courses/")) == ["CIMIC Staff Officer"]


def test_the_home_page_shows_the_learning_paths(client, catalog):
    course = make_course(catalog, title="Step one")
    make_path(catalog, [course], title="CIMIC Staff Officer")
    html = client.get("/en/").content.decode()
    assert "Learning paths" in html
    assert "CIMIC Staff Officer" in html


def test_topic_chips_link_to_the_catalog_filtered_by_that_topic(client, catalog):
    poc = TopicFactory(name="Protection of civilians", slug="protection-of-civilians")
    course = make_course(catalog, title="PoC basics", topics=(poc,))
    make_course(catalog, title="Other")
    href = 'href="/en/courses/?topic=protection-of-civilians"'
    assert href in client.get("/en/courses/").content.decode()
    assert href in client.get("/en/").content.decode()
    assert href in client.get(course.url).content.decode()
    assert titles(client.get("/en/courses/?topic=protection-of-civilians")) == [
        "PoC basics"
    ]


def test_sort_by_newest_and_by_shortest(client, catalog):
    now = timezone.now()
    for title, hours, days_ago in (("Alpha", 6, 1), ("Bravo", 2, 3), ("Charlie", 4, 2)):
        course = make_course(catalog, title=title, estimated_hours=hours)
        CoursePage.objects.filter(pk=course.pk).update(
            first_published_at=now - datetime.timedelta(days=days_ago)
        )
    assert titles(client.get("/en/courses/")) == ["Alpha", "Bravo", "Charlie"]
    assert titles(client.get("/en/courses/?sort=newest")) == [
        "Alpha",
        "Charlie",
        "Bravo",
    ]
    assert titles(client.get("/en/courses/?sort=shortest")) == [
        "Bravo",
        "Charlie",
        "Alpha",
    ]


def test_a_search_sorted_by_shortest_keeps_only_the_hits(client, catalog):
    make_course(catalog, title="Protection long", estimated_hours=9)
    make_course(catalog, title="Protection short", estimated_hours=1)
    make_course(catalog, title="Disaster response", estimated_hours=2)
    assert titles(client.get("/en/courses/?q=protection&sort=shortest")) == [
        "Protection short",
        "Protection long",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"q": "protection " * 40}, "longer than 200 characters"),
        ({"topic": "no-such-topic"}, "That topic does not exist"),
        ({"topic": "x" * 5000}, "That topic does not exist"),
        ({"level": "expert"}, "That level is not one we offer"),
        ({"language": "xx"}, "That language is not one we offer"),
        ({"duration": "forever"}, "That duration is not one we offer"),
        ({"sort": "'; drop table"}, "That order is not one we offer"),
    ],
)
def test_odd_input_is_answered_with_a_message_not_an_error(
    client, catalog, query, message
):
    make_course(catalog, title="Protection of civilians")
    response = client.get("/en/courses/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert titles(response) == ["Protection of civilians"]


def test_the_filters_apply_on_change_with_a_script_and_keep_their_button(
    client, catalog
):
    html = client.get("/en/courses/").content.decode()
    assert "data-autosubmit" in html
    assert "js/catalog-filters.js" in html
    assert ">Apply</button>" in html
    assert 'maxlength="200"' in html
    # On a phone the filters fold under "Filters"; opened on a wide screen.
    assert '<details class="filter-more" data-open-wide>' in html
    assert '<details class="filter-more" data-open-wide open>' in (
        client.get("/en/courses/?level=advanced").content.decode()
    )


def test_sorting_and_paths_do_not_change_the_query_count(client, catalog):
    course = make_course(catalog, title="Step one")
    make_path(catalog, [course], title="CIMIC Staff Officer")
    base = queries_for(client, "/en/courses/")
    assert queries_for(client, "/en/courses/?sort=newest") == base
    for number in range(5):
        make_path(catalog, [course], title=f"Path {number}")
    assert queries_for(client, "/en/courses/?sort=shortest") == base
