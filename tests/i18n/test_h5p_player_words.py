"""Every word of the H5P player's own interface (h5p-standalone's
`translations`, H5P core's l10n) is sent in the lesson's language: none is
left in English on a French lesson's player."""

import json

import pytest
from django.utils import translation

from lessons import services as lesson_services
from lessons.h5p.localize import localize
from lessons.views import PLAYER_WORDS
from tests.factories import make_course
from tests.lessons.h5p_zips import shared

pytestmark = pytest.mark.django_db


def player_words(client, url: str, language: str) -> dict[str, str]:
    response = client.get(url, {"lang": language}, HTTP_HOST="h5p.testserver")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    script = html.split('id="h5p-config" type="application/json">')[1]
    return json.loads(script.split("</script>")[0])["options"]["translations"]["H5P"]


def test_the_whole_player_speaks_french(client, catalog, learner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    path = next(p for p in shared("real") if "TrueFalse" in p.name)
    activity = lesson_services.import_h5p_package(source=path).content
    course = make_course(catalog, title="Protection")
    lesson = course.get_children().live().first().specific
    launch = lesson_services.launch_h5p(
        learner=learner, content=activity, lesson=lesson
    )
    url = f"/h5p-content/play/{launch.token}/"
    french = player_words(client, url, "fr")
    english = player_words(client, url, "en")
    assert set(french) == set(english) == set(PLAYER_WORDS)
    with translation.override("en"):
        assert english == {key: str(word) for key, word in PLAYER_WORDS.items()}
    # "Source", the one word both languages share, is the only one alike.
    same = {key for key in french if french[key] == english[key]}
    assert same == {"source"}
    # The player's placeholder survives translation.
    assert ":num" in french["offlineDialogRetryMessage"]


def test_the_content_types_default_words_come_in_the_lessons_language(
    client, catalog, learner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    path = next(p for p in shared("real") if "TrueFalse" in p.name)
    activity = lesson_services.import_h5p_package(source=path).content
    course = make_course(catalog, title="Protection")
    lesson = course.get_children().live().first().specific
    launch = lesson_services.launch_h5p(
        learner=learner, content=activity, lesson=lesson
    )
    page = client.get(
        f"/h5p-content/play/{launch.token}/", {"lang": "fr"}, HTTP_HOST="h5p.testserver"
    ).content.decode()
    # The player asks for the package in the lesson's language.
    assert '"assetsRequestFetchOptions": {"headers": {"X-H5P-Language": "fr"}}' in page
    url = f"/h5p-content/play/{launch.token}/h5p/content/content.json"
    french = client.get(url, HTTP_HOST="h5p.testserver", HTTP_X_H5P_LANGUAGE="fr")
    assert french.status_code == 200
    assert french["Content-Type"] == "application/json"
    assert "X-H5P-Language" in french["Vary"]
    params = french.json()
    # The library's words (left at their defaults) in French, from its
    # language/fr.json; the author's question stays as written.
    assert params["l10n"]["checkAnswer"] == "Vérifier"
    assert params["l10n"]["trueText"] == "Vrai"
    assert params["confirmRetry"]["cancelLabel"] == "Annuler"
    assert params["question"] == "<p>Is this false?</p>\n"
    # The content origin's confinement holds for this answer too.
    assert "frame-ancestors" in french["Content-Security-Policy"]
    # English, an unknown language or no header: the file as uploaded.
    for headers in ({"HTTP_X_H5P_LANGUAGE": "en"}, {"HTTP_X_H5P_LANGUAGE": "xx"}, {}):
        plain = client.get(url, HTTP_HOST="h5p.testserver", **headers)
        assert b"".join(plain.streaming_content).decode().count('"Check"') == 1


def test_localize_keeps_the_authors_words_and_survives_malformed_files():
    semantics = [
        {"name": "label", "type": "text", "default": "Check"},
        {
            "name": "group",
            "type": "group",
            "fields": [{"name": "ok", "type": "text", "default": "OK"}],
        },
        {
            "name": "items",
            "type": "list",
            "field": {"name": "item", "type": "text", "default": "Item"},
        },
    ]
    french = [
        {"default": "Vérifier"},
        {"fields": [{"default": "D’accord"}]},
        {"field": {"default": "Élément"}},
    ]
    assert localize(
        {"label": "Check", "group": "OK", "items": ["Item", "Mine"]}, semantics, french
    ) == {"label": "Vérifier", "group": "D’accord", "items": ["Élément", "Mine"]}
    assert localize({"label": "Look"}, semantics, french) == {"label": "Look"}
    for bad in (None, "x", [1, 2], {"semantics": 3}):
        assert localize({"label": "Check"}, semantics, bad) == {"label": "Check"}
        assert localize({"label": "Check"}, bad, french) == {"label": "Check"}
    assert localize(["not", "a", "dict"], semantics, french) == ["not", "a", "dict"]
