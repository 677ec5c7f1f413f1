"""Every word of the H5P player's own interface (h5p-standalone's
`translations`, H5P core's l10n) is sent in the lesson's language: none is
left in English on a French lesson's player."""

import json

import pytest
from django.utils import translation

from lessons import services as lesson_services
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
