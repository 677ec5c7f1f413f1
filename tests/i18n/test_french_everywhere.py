"""The verification page, the error pages and the sign-up, login and
password-reset pages speak French to a French reader, with no English word of
the interface in what they show; their links lead to the French pages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.views import defaults

from accounts.models import User
from enrollments import services
from tests.factories import PASSWORD, make_course

from .conftest import speak_french
from .english import english_left, visible_text

pytestmark = pytest.mark.django_db


def french(path_name: str, *args) -> str:
    with translation.override("fr"):
        return reverse(path_name, args=args)


@pytest.fixture
def certificate(learner, catalog, django_capture_on_commit_callbacks):
    course = make_course(
        catalog,
        title="Protection des civils",
        lessons=1,
        certificate_validity_months=24,
    )
    services.enroll(learner=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(
            learner=learner, lesson=course.get_children().live().specific().first()
        )
    return learner.enrollments.get(course=course).certificate


def test_the_detector_finds_english_and_spares_french():
    assert english_left("<p>Page not found</p>") == ["Page not found"]
    assert english_left('<nav aria-label="Main"></nav>') == ["Main"]
    assert english_left("<script>var Home = 1</script><p>Accueil</p>") == []
    assert english_left("<p>Cours valide, Certificat</p>") == []
    assert english_left("<p>Course X</p>", allowed=("Course X",)) == []


@pytest.mark.parametrize("route", ["certificates:verify", "certificates_short:verify"])
def test_the_verification_page_is_all_french(client, certificate, route):
    response = client.get(french(route, certificate.verification_code))
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    html = response.content.decode()
    assert '<html lang="fr">' in html
    text = visible_text(html)
    with translation.override("fr"):
        completed = date_format(certificate.completed_at, "j F Y")
        expires = date_format(certificate.expires_at, "j F Y")
    assert f"Terminé le {completed}" in text
    assert f"Valable jusqu’au {expires}" in text
    assert "Vérification de certificat" in text
    assert english_left(html, (certificate.learner_name,)) == []


def test_the_old_short_addresses_move_to_the_english_page(client, certificate):
    code = certificate.verification_code
    for old in (f"/c/{code}/", f"/C/{code}/", f"/certificates/verify/{code}/"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == f"/en{old}"


def test_a_french_404_is_french_and_links_to_french_pages(client, home, catalog):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Page introuvable" in html
    assert 'href="/fr/"' in html
    assert 'href="/en/' not in html.split('class="language-switcher"')[0]
    assert english_left(html) == []


def test_an_english_404_links_to_english_pages(client, home, catalog):
    html = client.get("/en/no-such-page/").content.decode()
    assert "Page not found" in html
    assert f'href="{catalog.url}"' in html


@pytest.mark.parametrize(
    ("view", "argument", "status"),
    [
        (defaults.bad_request, Exception("bad"), 400),
        (defaults.permission_denied, PermissionDenied(), 403),
        (defaults.page_not_found, Exception("missing"), 404),
    ],
)
def test_the_error_pages_speak_french(home, catalog, view, argument, status):
    request = RequestFactory().get("/fr/somewhere/")
    request.user = AnonymousUser()
    request.session = {}
    with translation.override("fr"):
        request.LANGUAGE_CODE = "fr"
        response = view(request, argument)
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert 'href="/fr/"' in html
    assert english_left(html) == []


def test_the_server_error_page_speaks_french():
    request = RequestFactory().get("/fr/somewhere/")
    with translation.override("fr"):
        response = defaults.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="fr">' in html
    with translation.override("fr"):
        assert translation.gettext("Something went wrong") in html
    assert 'href="/fr/"' in html
    assert english_left(html) == []


@pytest.mark.parametrize(
    "name",
    ["accounts:login", "accounts:signup", "accounts:password_reset"],
)
def test_account_pages_have_no_english_word(client, home, name):
    response = speak_french(client).get(french(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    # The language names are each in their own language in the sign-up's
    # choice (English, Français), as in the switcher.
    assert english_left(html) == []


def test_signing_up_in_french_saves_french(client, home):
    response = client.post(
        french("accounts:signup"),
        {
            "display_name": "Anne Exemple",
            "email": "anne@example.org",
            "password1": "a-long-unusual-pass-77",
            "password2": "a-long-unusual-pass-77",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="anne@example.org").language == "fr"


def test_the_sign_up_form_offers_the_language_read_in_and_takes_another(client):
    html = client.get(french("accounts:signup")).content.decode()
    assert '<option value="fr" selected>' in html
    client.post(
        french("accounts:signup"),
        {
            "display_name": "Bob Example",
            "email": "bob@example.org",
            "password1": "a-long-unusual-pass-77",
            "password2": "a-long-unusual-pass-77",
            "language": "en",
        },
    )
    assert User.objects.get(email="bob@example.org").language == "en"


def test_each_login_keeps_the_language_it_was_made_in(client, learner):
    assert learner.language == "en"
    response = client.post(
        french("accounts:login"), {"username": learner.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.language == "fr"
    client.logout()
    with translation.override("en"):
        english_login = reverse("accounts:login")
    client.post(english_login, {"username": learner.email, "password": PASSWORD})
    learner.refresh_from_db()
    assert learner.language == "en"


def test_a_bad_language_at_sign_up_is_refused(client):
    response = client.post(
        french("accounts:signup"),
        {
            "display_name": "Eve",
            "email": "eve@example.org",
            "password1": "a-long-unusual-pass-77",
            "password2": "a-long-unusual-pass-77",
            "language": "x" * 500,
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="eve@example.org").exists()
