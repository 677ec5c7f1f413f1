"""The header's language switcher, browser negotiation, and the catalog's
language filter; every stable URL stays where it was."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import make_course

from .conftest import speak_french

pytestmark = pytest.mark.django_db


def test_the_switcher_posts_to_set_language(client, catalog):
    body = client.get("/courses/").content.decode()
    assert '<form method="post" action="/i18n/setlang/"' in body
    assert '<input type="hidden" name="next" value="/courses/">' in body
    assert '<option value="fr" lang="fr">Français</option>' in body


def test_switching_to_french_and_back(client, catalog):
    make_course(catalog, title="CIMIC basics")
    response = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "/courses/?level=advanced"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/courses/?level=advanced"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    body = client.get("/courses/").content.decode()
    assert "Tous les thèmes" in body
    assert '<option value="fr" lang="fr" selected>Français</option>' in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/courses/"})
    assert "All topics" in client.get("/courses/").content.decode()


def test_the_switcher_needs_no_csrf_token_and_refuses_a_foreign_next(catalog):
    # No token in the shared header, so anonymous pages stay cacheable; a
    # language preference grants nothing a forged post could abuse.
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert browser.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert "csrfmiddlewaretoken" not in browser.get("/courses/").content.decode()
    client = Client()
    response = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_language_we_do_not_offer_leaves_the_site_in_english(client, catalog):
    client.post("/i18n/setlang/", {"language": "de", "next": "/courses/"})
    response = client.get("/courses/")
    assert response["Content-Language"] == "en"
    assert "All topics" in response.content.decode()


def test_the_browser_language_is_used_until_one_is_chosen(client, catalog):
    body = client.get("/courses/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content
    assert "Tous les thèmes" in body.decode()
    body = client.get("/courses/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").content
    assert "All topics" in body.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/courses/"})
    body = client.get("/courses/", HTTP_ACCEPT_LANGUAGE="fr").content
    assert "All topics" in body.decode()


@pytest.mark.parametrize(
    "url", ["/", "/courses/", "/accounts/login/", "/accounts/signup/"]
)
def test_stable_urls_answer_in_both_languages_at_the_same_address(client, catalog, url):
    assert client.get(url).status_code == 200
    speak_french(client)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    # No /fr/ prefix: the language is the visitor's, not the address's.
    assert client.get("/fr" + url).status_code == 404


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
