"""seed_demo's French: the translated pages are wagtail-localize translations of
the English ones (same translation key, progress complete), French topics,
courses that exist only in French, the figures the note gives, and a second
run that changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from assessments.models import AssessmentPage
from courses.models import CourseIndexPage, CoursePage, Topic
from demo.content import french
from demo.management.commands.seed_demo import FRENCH_ONLY, french_counts
from home.models import EventPage, HomePage, PublicationPage, StandardPage
from lessons.models import LessonPage

pytestmark = pytest.mark.django_db

# The figures the note gives: the home, 5 network pages, the catalog, 2
# indexes, 4 events, 4 publications, 4 courses with 16 lessons, 1 quiz.
TRANSLATED_PAGES = 1 + 5 + 1 + 2 + 4 + 4 + 4 + 16 + 1
CATALOG_EN = 12
CATALOG_FR = 4 + 2


@pytest.fixture
def seeded(db):
    call_command("seed_demo", verbosity=0)
    return Locale.objects.get(language_code="fr")


def test_every_network_page_and_the_home_are_in_french(seeded, client):
    fr = seeded
    for model in (HomePage, StandardPage, EventPage, PublicationPage):
        for page in model.objects.filter(locale__language_code="en"):
            translated = page.get_translation(fr)
            assert translated.live, page.title
            assert translated.title != page.title or page.title == "IGN Academy"
    home = HomePage.objects.get(locale=fr)
    assert home.hero_title == french.HOME["hero_title"]
    why = StandardPage.objects.get(locale=fr, slug="why-ign")
    assert why.title == "Pourquoi IGN"
    assert "Les crises ignorent les frontières" in str(why.body[0].value)
    response = client.get("/fr/why-ign/")
    assert response.status_code == 200
    assert "La compréhension mutuelle se construit" in response.content.decode()
    catalog = CourseIndexPage.objects.get(locale=fr)
    assert catalog.title == "Cours"
    assert client.get(catalog.url).status_code == 200


def test_translations_are_wagtail_localize_translations_at_100_percent(seeded):
    fr = seeded
    translations = Translation.objects.filter(target_locale=fr)
    assert translations.count() == TRANSLATED_PAGES
    for translation in translations.select_related("source"):
        segments = StringSegment.objects.filter(source=translation.source).values_list(
            "string_id", "context_id"
        )
        done = StringTranslation.objects.filter(locale=fr).values_list(
            "translation_of_id", "context_id"
        )
        assert set(segments) <= set(done), translation.source.object_repr


def test_four_courses_lessons_and_the_quiz_in_french(seeded):
    fr = seeded
    for slug, item in french.COURSES.items():
        english = CoursePage.objects.get(locale__language_code="en", slug=slug)
        course = english.get_translation(fr).specific
        assert course.live and course.title == item["title"]
        assert course.slug == english.slug
        assert {t.locale_id for t in course.topics.all()} == {fr.pk}
        lessons = LessonPage.objects.live().child_of(course)
        assert lessons.count() == LessonPage.objects.child_of(english).count()
        for lesson in lessons:
            assert lesson.title == item["lessons"][lesson.slug]["title"]
    quiz = AssessmentPage.objects.get(locale=fr, slug="knowledge-check")
    original = quiz.get_translation(Locale.get_default())
    assert quiz.title == "Test de connaissances"
    # The same questions: the key is the same in both languages.
    # In the quiz's order (the demo's slots share a sort order: then by id).
    assert [s.question_id for s in quiz.slots.order_by("sort_order", "pk")] == [
        s.question_id for s in original.slots.order_by("sort_order", "pk")
    ]
    lesson = LessonPage.objects.get(
        locale=fr, slug="cmi-and-cimic-two-terms-one-relationship"
    )
    text = " ".join(str(block.value) for block in lesson.body)
    assert "La coopération civilo-militaire (CIMIC)" in text
    assert "Why the vocabulary matters" not in text
    # The H5P activity (seed_demo's, in this first lesson) stays, its title
    # in French.
    h5p = [block.value for block in lesson.body if block.block_type == "h5p"]
    assert h5p and h5p[0]["title"] == "Vérifiez vos acquis"


def test_topics_and_courses_only_in_french(seeded):
    fr = seeded
    english = Topic.objects.filter(locale=Locale.get_default())
    assert Topic.objects.filter(locale=fr).count() == english.count()
    poc = Topic.objects.get(locale=fr, slug="protection-of-civilians")
    assert poc.name == "Protection des civils"
    assert poc.translation_key == english.get(slug=poc.slug).translation_key
    catalog = CourseIndexPage.objects.get(locale=fr)
    for item in FRENCH_ONLY:
        course = CoursePage.objects.live().child_of(catalog).get(slug=item["slug"])
        assert course.locale == fr
        assert course.get_translation_or_none(Locale.get_default()) is None
        assert LessonPage.objects.live().child_of(course).count() == len(
            item["lessons"]
        )
        assert {t.locale_id for t in course.topics.all()} == {fr.pk}
    quiz = AssessmentPage.objects.live().get(slug="test-de-connaissances")
    assert quiz.locale == fr and quiz.slots.count() == 4


def test_the_figures_the_note_gives_and_a_second_run(seeded):
    line = (
        f"Catalogue entries: {CATALOG_EN} courses in English, {CATALOG_FR} in "
        f"French (2 only in French); pages translated into French: "
        f"{TRANSLATED_PAGES}."
    )
    assert french_counts() == line
    before = (
        Page.objects.count(),
        Topic.objects.count(),
        StringTranslation.objects.count(),
    )
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert line in out.getvalue()
    assert "Translated" not in out.getvalue()
    assert (
        Page.objects.count(),
        Topic.objects.count(),
        StringTranslation.objects.count(),
    ) == before


def test_a_page_reshaped_by_an_editor_stays_untranslated(seeded):
    """The French text no longer fits the English page: that page is left
    alone with a warning, and the rest of the seed goes on."""
    partners = StandardPage.objects.get(locale__language_code="en", slug="partners")
    partners.get_translation(seeded).delete()
    partners.body = partners.body.raw_data[:-1]  # an editor removed a block
    partners.save_revision().publish()
    out, err = StringIO(), StringIO()
    call_command("seed_demo", stdout=out, stderr=err)
    assert "Not translated into French: 'Partners'" in err.getvalue()
    assert partners.get_translation_or_none(seeded) is None
    assert f"pages translated into French: {TRANSLATED_PAGES - 1}." in out.getvalue()
