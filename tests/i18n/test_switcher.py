"""Addresses in two languages (home.languages, config/urls.py): every page
under /en/ or /fr/, the switcher and the hreflang links to the same page in
the other language (or to a page saying it is not translated), `/` to the
reader's language, and every address from before the prefixes moved for good
to its English one."""

import re

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale

from tests.factories import make_course

pytestmark = pytest.mark.django_db


def translate(page, title, **fields):
    """The French translation of `page` (its parents translated first)."""
    french = page.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    french.title = title
    for name, value in fields.items():
        setattr(french, name, value)
    french.save_revision().publish()
    french.refresh_from_db()
    return french


def links(body: str) -> dict[str, str]:
    """hreflang → href of the page's <link rel="alternate"> elements."""
    return dict(
        re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', body)
    )


def switcher(body: str) -> dict[str, str]:
    nav = body.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {
        lang: href
        for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)
    }


def test_the_switcher_goes_to_the_french_translation_of_the_page(client, catalog):
    course = make_course(catalog, title="Protection of civilians", lessons=1)
    french = translate(course, "Protection des civils")
    body = client.get(course.url).content.decode()
    assert course.url.startswith("/en/") and french.url.startswith("/fr/")
    assert switcher(body) == {"fr": french.url}
    assert links(body) == {
        "en": f"http://testserver{course.url}",
        "fr": f"http://testserver{french.url}",
    }
    french_body = client.get(french.url).content.decode()
    assert '<html lang="fr">' in french_body
    assert "Protection des civils" in french_body
    assert switcher(french_body) == {"en": course.url}


def test_a_page_without_translation_says_so_and_offers_the_catalog(client, catalog):
    course = make_course(catalog, title="English only", lessons=1)
    french_catalog = translate(catalog, "Cours")
    body = client.get(course.url).content.decode()
    target = switcher(body)["fr"]
    assert target.startswith("/fr/untranslated/?next=")
    assert "fr" not in links(body)  # no hreflang to a page that does not exist
    response = client.get(target)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert f'href="{course.url}"' in page  # back to the English page
    assert f'href="{french_catalog.url}"' in page  # the French catalog


def test_the_untranslated_page_refuses_a_foreign_next(client, catalog):
    for foreign in ("https://evil.example/", "//evil.example/x", "javascript:x"):
        response = client.get("/fr/untranslated/", {"next": foreign})
        assert response.status_code == 200
        body = response.content.decode()
        assert f'href="{foreign}"' not in body
        assert "Retour à la page" not in body and "Back to the page" not in body


def test_views_switch_to_the_same_view_in_the_other_language(client, catalog):
    body = client.get("/en/accounts/login/").content.decode()
    assert switcher(body) == {"fr": "/fr/accounts/login/"}
    french = client.get("/fr/accounts/login/")
    assert french["Content-Language"] == "fr"
    assert switcher(french.content.decode()) == {"en": "/en/accounts/login/"}


@pytest.mark.parametrize(
    ("accept", "cookie", "home"),
    [
        ("fr-FR,fr;q=0.9", None, "/fr/"),
        ("de-DE,de;q=0.9", None, "/en/"),
        ("", None, "/en/"),
        ("fr", "en", "/en/"),
        ("en", "fr", "/fr/"),
    ],
)
def test_the_root_sends_readers_to_their_language(catalog, accept, cookie, home):
    client = Client(HTTP_ACCEPT_LANGUAGE=accept)
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == home
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    "old",
    [
        "/courses/",
        "/courses/?level=advanced&page=2",
        "/dashboard/",
        "/accounts/login/?next=/dashboard/",
        "/certificates/verify/ABCD-EFGH/",
        "/c/abcd-efgh/",
        "/C/ABCD-EFGH/",
        "/reports/",
        "/why-ign/",
    ],
)
def test_old_addresses_move_permanently_to_english(client, catalog, old):
    response = client.get(old, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 301
    assert response["Location"] == "/en" + old


def test_an_old_form_post_keeps_its_method(client, catalog):
    response = client.post("/learning/lessons/1/complete/")
    assert response.status_code == 308
    assert response["Location"] == "/en/learning/lessons/1/complete/"


@pytest.mark.parametrize("url", ["/api/v1/no-such", "/h5p-content/nothing", "/fr/x/"])
def test_addresses_without_a_language_keep_their_404(client, catalog, url):
    assert client.get(url).status_code == 404


def test_the_api_and_the_admin_keep_their_addresses(client, catalog):
    assert client.get("/api/v1/reports/courses").status_code == 401
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_set_language_still_moves_to_the_other_language(client, catalog):
    translate(catalog, "Cours")
    response = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "/en/accounts/login/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_the_french_home_is_the_translation_of_the_site_root(client, home, catalog):
    french_home = translate(home, "IGN Académie", hero_title="Apprendre la CMI")
    response = client.get("/fr/")
    assert response.status_code == 200
    assert "Apprendre la CMI" in response.content.decode()
    assert french_home.url == "/fr/"
    assert home.url == "/en/"


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


def test_a_signed_in_readers_saved_language_decides_the_root(client, home, learner):
    learner.language = "fr"
    learner.save(update_fields=["language"])
    client.force_login(learner)
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/fr/"
