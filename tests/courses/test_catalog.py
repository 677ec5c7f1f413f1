import pytest

from enrollments import services
from tests.budgets import assert_budget_holds, queries_for
from tests.factories import TopicFactory, make_course, translate

pytestmark = pytest.mark.django_db

# 22: + the cards' languages and the search hits in the reader's language
# (courses.translations), and the active locale; 24: + the progress rule's
# facts on the cards (the quizzes and optional items of the courses shown).
CATALOG_BUDGET = 25  # +1: the outline's SCORM activities (signed-in progress)


def titles(response) -> list[str]:
    return [course.title for course in response.context["courses"]]


def test_catalog_lists_live_courses_alphabetically(client, catalog):
    make_course(catalog, title="Protection of civilians")
    make_course(catalog, title="Cultural property protection")
    draft = make_course(catalog, title="Unfinished draft")
    draft.unpublish()
    response = client.get("/en/courses/")
    assert titles(response) == [
        "Cultural property protection",
        "Protection of civilians",
    ]


def test_search_finds_words_in_summary_and_description(client, catalog):
    make_course(
        catalog,
        title="Liaison and engagement",
        summary="Working with key leaders.",
        description="<p>Interpreters, tribal elders and municipal councils.</p>",
    )
    make_course(catalog, title="Disaster response", summary="Floods and earthquakes.")
    assert titles(client.get("/en/courses/?q=interpreters")) == [
        "Liaison and engagement"
    ]
    assert titles(client.get("/en/courses/?q=earthquakes")) == ["Disaster response"]
    response = client.get("/en/courses/?q=submarine")
    assert titles(response) == []
    assert "No course matches" in response.content.decode()


def test_filters_combine_with_search(client, catalog):
    poc = TopicFactory(name="Protection of civilians")
    make_course(catalog, title="PoC basics", topics=(poc,), level="introductory")
    make_course(catalog, title="PoC advanced", topics=(poc,), level="advanced")
    long_one = make_course(
        catalog, title="Protection of civilians", topics=(poc,), estimated_hours=10
    )
    translate(long_one, title="Protection des civils")
    make_course(catalog, title="Other", level="advanced")
    assert titles(client.get(f"/en/courses/?topic={poc.slug}&level=advanced")) == [
        "PoC advanced"
    ]
    # Available in French, shown in the reader's language.
    assert titles(client.get("/en/courses/?language=fr")) == ["Protection of civilians"]
    assert titles(client.get("/en/courses/?duration=long")) == [
        "Protection of civilians"
    ]
    assert titles(client.get("/en/courses/?q=PoC&level=introductory")) == ["PoC basics"]


def test_unknown_filter_values_are_ignored_not_errors(client, catalog):
    make_course(catalog, title="Anything")
    response = client.get(
        "/en/courses/?level=expert&language=xx&duration=forever&page=z"
    )
    assert response.status_code == 200
    assert titles(response) == ["Anything"]


def test_catalog_paginates_and_keeps_filters_in_page_links(client, catalog):
    for number in range(14):
        make_course(catalog, title=f"Module {number:02d}", lessons=0, level="advanced")
    first = client.get("/en/courses/?level=advanced")
    assert len(titles(first)) == 12
    assert "level=advanced&amp;page=2" in first.content.decode()
    second = client.get("/en/courses/?level=advanced&page=2")
    assert titles(second) == ["Module 12", "Module 13"]


def test_cards_show_the_signed_in_learners_progress(client, catalog, learner):
    course = make_course(catalog, title="Progress course", lessons=4)
    services.enroll(learner=learner, course=course)
    lesson = course.get_children().first().specific
    services.complete_lesson(learner=learner, lesson=lesson)
    client.force_login(learner)
    html = client.get("/en/courses/").content.decode()
    assert "Your progress: 25 %" in html
    client.logout()
    assert "Your progress" not in client.get("/en/courses/").content.decode()


def test_catalog_query_budget_does_not_grow(client, catalog):
    assert_budget_holds(
        client,
        catalog,
        url=lambda courses: "/en/courses/?q=course",
        budget=CATALOG_BUDGET,
    )
    # The learning paths head the first page only: one query fewer after it.
    assert queries_for(client, "/en/courses/?page=3") == (
        queries_for(client, "/en/courses/") - 1
    )


@pytest.mark.parametrize(
    "query",
    [
        '"protection',
        'protection"',
        '"protection of"',
        "protection*",
        "(protection",
        "protection:",
        "-protection",
        "^protection",
    ],
)
def test_search_syntax_characters_are_plain_text(client, catalog, query):
    """Quotes, stars, brackets and operators are the search engine's syntax
    (SQLite FTS5, PostgreSQL tsquery); typed into the box they are words."""
    make_course(catalog, title="Protection of civilians")
    make_course(catalog, title="Disaster response")
    response = client.get("/en/courses/", {"q": query})
    assert response.status_code == 200
    assert titles(response) == ["Protection of civilians"]


def test_search_with_a_nul_is_refused_with_a_message(client, catalog):
    make_course(catalog, title="Protection of civilians")
    response = client.get("/en/courses/?q=protection%00")
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
