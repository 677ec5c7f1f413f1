"""The header's language switcher, browser negotiation, and the catalog's
language filter; the addresses from before the language prefixes move
permanently to their English ones."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import make_course

from .conftest import speak_french

pytestmark = pytest.mark.django_db


def test_the_switcher_links_to_the_same_view_in_the_other_language(client, catalog):
    body = client.get("/en/accounts/login/").content.decode()
    assert 'href="/fr/accounts/login/" hreflang="fr" lang="fr"' in body
    body = client.get("/fr/accounts/login/").content.decode()
    assert 'href="/en/accounts/login/" hreflang="en" lang="en"' in body


def test_the_language_is_the_addresses(client, catalog):
    make_course(catalog, title="CIMIC basics")
    french = client.get("/fr/accounts/login/")
    assert french["Content-Language"] == "fr"
    assert "Se connecter" in french.content.decode()
    # A cookie saying French does not turn an English address French.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    english = client.get("/en/accounts/login/")
    assert english["Content-Language"] == "en"
    assert "Forgotten your password" in english.content.decode()


def test_the_set_language_view_needs_no_csrf_token_and_refuses_a_foreign_next(
    catalog,
):
    # No token in the shared header, so anonymous pages stay cacheable; a
    # language preference grants nothing a forged post could abuse.
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert browser.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    client = Client()
    response = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_root_goes_to_the_readers_language(client, home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == (
        "/fr/"
    )
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")["Location"] == (
        "/en/"
    )
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/en/"


def test_a_signed_in_readers_saved_language_decides_the_root(client, home, learner):
    learner.language = "fr"
    learner.save(update_fields=["language"])
    client.force_login(learner)
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/fr/"


@pytest.mark.parametrize("url", ["/courses/", "/accounts/login/", "/accounts/signup/"])
def test_old_addresses_move_permanently_to_english(client, catalog, url):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == "/en" + url
    assert client.get("/en" + url).status_code == 200
    french = client.get("/fr" + url)
    assert french.status_code == 200
    assert french["Content-Language"] == "fr"


def test_the_catalog_filters_by_course_language(client, catalog):
    make_course(catalog, title="Protection des civils", language="fr")
    make_course(catalog, title="Protection of civilians", language="en")
    speak_french(client)
    response = client.get("/courses/?language=fr")
    assert [c.title for c in response.context["courses"]] == ["Protection des civils"]
    body = response.content.decode()
    assert '<option value="fr" selected>Français</option>' in body
    assert "1 cours" in body
    response = client.get("/courses/?language=en")
    assert [c.title for c in response.context["courses"]] == ["Protection of civilians"]
