"""A certificate speaks its learner's language (`User.language`, saved at
sign-up and at each login), whatever the language of the request or task that
issues it: its PDF (words, dates, the course's French title when the course
has a French version), its e-mails and their links. The PDF is offered in the
other language on request, same serial, code and validity."""

import re

import pypdfium2
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts.models import User
from certificates import services as certificate_services
from certificates.models import Certificate
from enrollments import services
from tests.factories import UserFactory, make_course

from .conftest import speak_french

pytestmark = pytest.mark.django_db

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def text_of(data: bytes) -> str:
    """The page's text as a reader's PDF viewer extracts it."""
    page = pypdfium2.PdfDocument(data)[0]
    return page.get_textpage().get_text_range()


def pdf_text(certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        return text_of(handle.read())


def earn(learner, course, capture):
    services.enroll(learner=learner, course=course)
    with capture(execute=True):
        for lesson in course.get_children().live().specific():
            services.complete_lesson(learner=learner, lesson=lesson)
    return learner.enrollments.get(course=course).certificate


def french_version(course, title: str):
    french = course.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    french.title = title
    french.save()
    return french


@pytest.fixture
def french_reader(db):
    return UserFactory(language="fr")


def assert_french_pdf(text: str, certificate) -> None:
    for french in (
        "Certificat de réussite",
        "Il est certifié que",
        "a suivi avec succès le cours",
        "heures d’étude",
        "Terminé le",
        "Valable jusqu’au",
        "Délivré par",
        "Scannez ou consultez pour vérifier",
        f"/fr/certificates/verify/{certificate.verification_code}/",
    ):
        assert french in text, french
    for english in ("Certificate of Completion", "hours of study", "Completed on"):
        assert english not in text
    completed = certificate.completed_at
    assert f"Terminé le {completed.day} {MONTHS[completed.month - 1]} " in text


def test_a_french_readers_certificate_is_in_french_with_the_french_title(
    french_reader, catalog, django_capture_on_commit_callbacks
):
    course = make_course(
        catalog,
        title="Protection of civilians",
        lessons=1,
        estimated_hours=6,
        certificate_validity_months=24,
    )
    french_version(course, "Protection des civils")
    mail.outbox.clear()
    # Issued from an English request or task: the learner's language decides.
    with translation.override("en"):
        certificate = earn(french_reader, course, django_capture_on_commit_callbacks)
    assert certificate.language == "fr"
    text = pdf_text(certificate)
    assert_french_pdf(text, certificate)
    assert "6 heures d’étude" in text
    assert "Protection des civils" in text
    assert "Protection of civilians" not in text
    (message,) = mail.outbox
    assert message.subject == "Votre certificat pour Protection of civilians"
    assert "Félicitations : vous avez terminé Protection of civilians." in message.body
    assert "Chacun peut le vérifier à l’adresse" in message.body
    # The links lead to the French pages.
    assert "http://testserver/fr/certificates/\n" in message.body
    assert f"/fr/certificates/verify/{certificate.verification_code}/" in message.body
    assert "/en/" not in message.body


def test_an_english_readers_certificate_stays_english_in_a_french_request(
    learner, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1, estimated_hours=1)
    mail.outbox.clear()
    with translation.override("fr"):
        certificate = earn(learner, course, django_capture_on_commit_callbacks)
    assert certificate.language == "en"
    text = pdf_text(certificate)
    assert "Certificate of Completion" in text
    assert "1 hour of study" in text
    assert "Certificat de réussite" not in text
    (message,) = mail.outbox
    assert message.subject == "Your certificate for CIMIC basics"
    assert "Congratulations" in message.body
    assert "http://testserver/en/certificates/" in message.body


def test_the_other_language_is_offered_and_changes_nothing(
    learner, learner_client, catalog, django_capture_on_commit_callbacks
):
    course = make_course(
        catalog, title="CIMIC basics", lessons=1, certificate_validity_months=12
    )
    french_version(course, "Les bases du CIMIC")
    certificate = earn(learner, course, django_capture_on_commit_callbacks)
    before = Certificate.objects.filter(pk=certificate.pk).values().get()
    page = learner_client.get(reverse("certificates:mine")).content.decode()
    url = reverse("certificates:download_in", args=[certificate.pk, "fr"])
    assert f'href="{url}"' in page
    assert "PDF in French" in page
    response = learner_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response.content)
    assert_french_pdf(text, certificate)
    assert "Les bases du CIMIC" in text
    assert certificate.serial in text
    # Same certificate: serial, code, validity and stored PDF unchanged.
    assert Certificate.objects.filter(pk=certificate.pk).values().get() == before
    # Its own language is its stored PDF.
    own = learner_client.get(
        reverse("certificates:download_in", args=[certificate.pk, "en"])
    )
    with certificate.pdf.open("rb") as handle:
        assert own.content == handle.read()


def test_the_other_language_pdf_is_the_owners_only(
    learner, client, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1)
    certificate = earn(learner, course, django_capture_on_commit_callbacks)
    url = reverse("certificates:download_in", args=[certificate.pk, "fr"])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(learner)
    for language in ("de", "xx", "FR", "e" * 200):
        bad = reverse("certificates:download_in", args=[certificate.pk, language])
        assert client.get(bad).status_code == 404
    missing = reverse("certificates:download_in", args=[certificate.pk + 999, "fr"])
    assert client.get(missing).status_code == 404


def test_a_french_learners_page_offers_the_english_pdf(
    french_reader, client, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1)
    certificate = earn(french_reader, course, django_capture_on_commit_callbacks)
    client.force_login(french_reader)
    speak_french(client)
    with translation.override("fr"):
        mine = reverse("certificates:mine")
        url = reverse("certificates:download_in", args=[certificate.pk, "en"])
    page = client.get(mine).content.decode()
    assert f'href="{url}"' in page
    with translation.override("fr"):
        label = translation.gettext("PDF in English")
    assert f'href="{url}" hreflang="en">{label}</a>' in page
    text = text_of(client.get(url).content)
    assert "Certificate of Completion" in text
    assert "CIMIC basics" in text


def test_the_revocation_email_is_in_the_learners_language(
    french_reader, manager, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Protection des civils")
    certificate = earn(french_reader, course, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        certificate_services.revoke_certificate(
            certificate=certificate, revoked_by=manager, reason="Erreur de saisie"
        )
    (message,) = mail.outbox
    assert message.subject == (
        "Votre certificat pour Protection des civils a été révoqué"
    )
    assert "Motif : Erreur de saisie" in message.body
    assert "responsable de programme" in message.body


def test_the_expiry_reminder_follows_the_learners_language_today(
    learner, catalog, django_capture_on_commit_callbacks
):
    """Issued in English; the learner has since switched to French: the
    reminder goes out in French (the PDF keeps its language)."""
    course = make_course(
        catalog, title="CIMIC basics", lessons=1, certificate_validity_months=1
    )
    certificate = earn(learner, course, django_capture_on_commit_callbacks)
    User.objects.filter(pk=learner.pk).update(language="fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert certificate_services.remind_expiring(days=60) == 1
    (message,) = mail.outbox
    assert message.subject == "Votre certificat pour CIMIC basics expire bientôt"
    assert "/fr/certificates/" in message.body
    certificate.refresh_from_db()
    assert certificate.language == "en"


def test_the_password_reset_email_is_in_the_users_language(client):
    UserFactory(email="oubli@example.org", language="fr")
    client.post(reverse("accounts:password_reset"), {"email": "oubli@example.org"})
    (message,) = mail.outbox
    with translation.override("fr"):
        assert message.subject == translation.gettext("Reset your IGN Academy password")
    assert message.subject != "Reset your IGN Academy password"
    assert re.search(r"http://testserver/fr/accounts/reset/\S+/", message.body)
    assert "Someone asked" not in message.body
