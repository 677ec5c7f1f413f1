"""A question in French: the model and `translate_question` (what it refuses,
what it cleans, what it never touches), and the admin screen that calls it,
through the real admin URLs."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from courses.services import sync_instructor_permissions
from questions.kinds import Kind
from questions.models import (
    TRANSLATION_TEXT_MAX,
    Question,
    QuestionTranslation,
)
from questions.services import translate_question
from tests.factories import UserFactory, make_bank, make_course, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Translated course", lessons=0)


@pytest.fixture
def bank(course):
    return make_bank("Translated bank", course=course)


@pytest.fixture
def single(bank):
    return make_question(
        bank,
        title="Capital",
        stem="<p>Capital of France?</p>",
        general_feedback="<p>Paris since 987.</p>",
        answers=[
            {"text": "<p>Paris</p>", "fraction": 1, "feedback": "<p>Right</p>"},
            {"text": "<p>Lyon</p>", "fraction": 0, "feedback": "<p>No</p>"},
        ],
    )


def test_a_translation_stores_cleaned_text_keyed_by_answer(single):
    paris, lyon = single.answers.order_by("sort_order")
    translation = translate_question(
        single,
        "fr",
        title="Capitale",
        stem='<p onclick="x()">Capitale de la France ?</p><script>alert(1)</script>',
        general_feedback="<p>Paris depuis 987.</p>",
        answers=[
            {"text": "<p>Paris</p>", "feedback": "<p>Juste</p>"},
            {"feedback": '<a href="javascript:alert(1)">Non</a>'},
        ],
    )
    translation.refresh_from_db()
    assert translation.language == "fr"
    assert translation.title == "Capitale"
    assert translation.stem == "<p>Capitale de la France ?</p>"
    assert translation.answers == {
        f"a{paris.pk}": {"text": "<p>Paris</p>", "feedback": "<p>Juste</p>"},
        # The missing text reads the original's; the bad link lost its URL.
        f"a{lyon.pk}": {"feedback": '<a rel="noopener noreferrer">Non</a>'},
    }


def test_translating_again_replaces_and_touches_no_version_or_key(single):
    before = list(single.answers.values_list("text", "fraction", "feedback"))
    translate_question(single, "fr", stem="<p>Première</p>")
    translate_question(single, "fr", stem="<p>Seconde</p>")
    single.refresh_from_db()
    assert single.version == 1
    assert single.stem == "<p>Capital of France?</p>"
    assert list(single.answers.values_list("text", "fraction", "feedback")) == before
    assert QuestionTranslation.objects.get(question=single).stem == "<p>Seconde</p>"


def test_one_translation_per_question_and_language(single):
    QuestionTranslation.objects.create(question=single, language="fr", stem="x")
    with pytest.raises(IntegrityError):
        QuestionTranslation.objects.create(question=single, language="fr", stem="y")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"language": "de", "stem": "<p>Hallo</p>"}, "cannot be translated into"),
        ({"language": "en", "stem": "<p>Hello</p>"}, "cannot be translated into"),
        ({"language": ["fr"], "stem": "<p>x</p>"}, "cannot be translated into"),
        ({"stem": "<p>x</p>", "answers": [{"text": "un"}]}, "has 2 answers; 1"),
        ({"stem": "<script>x</script>"}, "text is empty"),
        ({"stem": "x" * (TRANSLATION_TEXT_MAX + 1)}, "too long"),
        ({"stem": "<p>x</p>", "title": "t" * 256}, "too long"),
        ({"stem": "<p>x</p>", "answers": [{"colour": "red"}, {}]}, "give only"),
        ({"stem": "<p>x</p>", "answers": [{"text": 3}, {}]}, "must be text"),
        ({"stem": "<p>x</p>", "answers": [{"match": "m"}, {}]}, "only matching"),
        ({"stem": 7}, "must be text"),
    ],
)
def test_bad_translations_are_refused_with_a_reason(single, kwargs, message):
    kwargs = {"language": "fr", **kwargs}
    language = kwargs.pop("language")
    with pytest.raises(ValidationError) as refused:
        translate_question(single, language, **kwargs)
    assert any(message in text for text in refused.value.messages), refused.value
    assert not QuestionTranslation.objects.exists()


def test_accepted_answers_and_gaps_stay_the_originals(bank):
    short = make_question(
        bank,
        kind=Kind.SHORT_ANSWER,
        answers=[{"text": "London", "fraction": 1, "feedback": "<p>Yes</p>"}],
    )
    with pytest.raises(ValidationError, match="accepted answers are not translated"):
        translate_question(short, "fr", stem="<p>?</p>", answers=[{"text": "Londres"}])
    # The same text (as a form sends it back) and the feedback are fine.
    stored = translate_question(
        short,
        "fr",
        stem="<p>Capitale ?</p>",
        answers=[{"text": "London", "feedback": "<p>Oui</p>"}],
    )
    assert list(stored.answers.values()) == [{"feedback": "<p>Oui</p>"}]

    gaps = make_question(
        bank,
        kind=Kind.GAP_FILL,
        stem="<p>{{1}} and {{2}}</p>",
        answers=[
            {"text": "a", "gap": 1, "fraction": 1},
            {"text": "b", "gap": 2, "fraction": 1},
        ],
    )
    with pytest.raises(ValidationError, match="same gaps"):
        translate_question(gaps, "fr", stem="<p>{{1}} et rien</p>")
    assert translate_question(gaps, "fr", stem="<p>{{2}}, puis {{1}}</p>").pk


# --- The admin screen -----------------------------------------------------------


@pytest.fixture
def teacher_client(client, course):
    user = UserFactory(role=Role.INSTRUCTOR)
    course.instructors = [user]
    course.save()
    sync_instructor_permissions(course=course)
    client.force_login(user)
    return client


def url(question: Question, language: str = "fr") -> str:
    return f"/admin/assessments/translate/question/{question.pk}/{language}/"


def test_an_instructor_enters_the_french_version_in_the_admin(teacher_client, single):
    edit = teacher_client.get(f"/admin/questions/edit/{single.pk}/")
    assert url(single) in edit.content.decode()  # the editor links to it
    page = teacher_client.get(url(single))
    assert page.status_code == 200
    assert "Original: Capital of France?" in page.content.decode()
    assert "ckeditor" in page.content.decode().lower()  # the editor's rich text

    response = teacher_client.post(
        url(single),
        {
            "title": "Capitale",
            "stem": "<p>Capitale de la France ?</p>",
            "general_feedback": "",
            "answer_1_text": "<p>Paris</p>",
            "answer_1_feedback": "<p>Juste</p>",
            "answer_2_text": "",
            "answer_2_feedback": "<p>Non</p>",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/questions/edit/{single.pk}/"
    translation = QuestionTranslation.objects.get(question=single, language="fr")
    assert translation.stem == "<p>Capitale de la France ?</p>"
    assert len(translation.answers) == 2
    single.refresh_from_db()
    assert single.version == 1

    # Shown again, filled in, for the next edit.
    assert "Capitale de la France ?" in teacher_client.get(url(single)).content.decode()
    # Deleted from the same screen.
    deleted = teacher_client.post(url(single), {"delete": "1"})
    assert deleted.status_code == 302
    assert not QuestionTranslation.objects.exists()


def test_a_refused_french_version_keeps_what_was_typed(teacher_client, bank):
    gaps = make_question(
        bank,
        kind=Kind.GAP_FILL,
        stem="<p>The {{1}} sea</p>",
        answers=[{"text": "red", "gap": 1, "fraction": 1}],
    )
    response = teacher_client.post(
        url(gaps),
        {"title": "Mer", "stem": "<p>La mer sans trou</p>", "answer_1_feedback": "F"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "same gaps as the original" in body
    assert "La mer sans trou" in body and 'value="Mer"' in body
    assert not QuestionTranslation.objects.exists()
    # An empty text is a form error, not a 500.
    empty = teacher_client.post(url(gaps), {"stem": ""})
    assert empty.status_code == 200
    assert not QuestionTranslation.objects.exists()


def test_the_screen_is_scoped_and_knows_its_languages(teacher_client, catalog, single):
    other = make_question(make_bank("Theirs", course=make_course(catalog, lessons=0)))
    assert teacher_client.get(url(other)).status_code == 404
    assert teacher_client.post(url(other), {"stem": "<p>x</p>"}).status_code == 404
    assert teacher_client.get(url(single, "de")).status_code == 404
    assert teacher_client.get(url(single, "en")).status_code == 404
    assert teacher_client.get(url(single, "x" * 5000)).status_code == 404


def test_the_question_list_shows_which_have_a_french_version(
    teacher_client, bank, single
):
    translate_question(single, "fr", stem="<p>Capitale ?</p>")
    for _ in range(3):
        make_question(bank)

    def listing():
        with CaptureQueriesContext(connection) as captured:
            response = teacher_client.get("/admin/questions/")
        return response, len(captured.captured_queries)

    listing()  # warm: the site's lookup is cached per process
    response, small = listing()
    body = response.content.decode()
    assert "Français" in body
    # One question of four has a French version: one tick, three crosses.
    assert body.count("w-text-positive-100") == 1
    assert body.count("w-text-text-error") == 3
    for _ in range(10):
        translate_question(make_question(bank), "fr", stem="<p>Oui</p>")
    response, large = listing()
    assert large == small  # no query per question, for the column or the rest
