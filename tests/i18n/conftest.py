import pytest
from django.conf import settings


def speak_french(client):
    """The cookie the header's language switcher sets."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return client


@pytest.fixture
def french_client(client):
    return speak_french(client)


@pytest.fixture
def french_learner_client(learner_client):
    return speak_french(learner_client)


def assert_french(response, french: tuple[str, ...], english: tuple[str, ...]):
    """The page is served in French: its French strings present, the English
    ones they replace gone."""
    assert response.status_code == 200, response
    assert response["Content-Language"] == "fr"
    body = response.content.decode()
    assert '<html lang="fr">' in body
    for text in french:
        assert text in body, f"{text!r} missing from {response.request['PATH_INFO']}"
    for text in english:
        assert text not in body, (
            f"{text!r} still in English on {response.request['PATH_INFO']}"
        )
