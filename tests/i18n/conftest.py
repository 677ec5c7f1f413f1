import pytest
from django.conf import settings

# Addresses without a language (config/urls.py): left as they are.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/i18n/", "/h5p-content/", "/h5p/")


def french_path(path: str) -> str:
    """The French address of `path`: `/en/…` and the old unprefixed ones move
    under `/fr/`; `/fr/…` and the addresses without a language stay."""
    if path.startswith(("/fr/", *UNPREFIXED)) or path == "/fr":
        return path
    if path.startswith("/en/"):
        return "/fr/" + path[len("/en/") :]
    return "/fr" + path if path.startswith("/") else path


def speak_french(client):
    """A French reader: the cookie the header's language switcher sets, and
    the French address of every page asked for (the language prefix decides
    a page's language; `reverse()` in a test gives the English one)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    if getattr(client, "_speaks_french", False):
        return client
    for method in ("get", "post", "head"):
        original = getattr(client, method)

        def french(path, *args, _original=original, **kwargs):
            return _original(french_path(path), *args, **kwargs)

        setattr(client, method, french)
    client._speaks_french = True
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
