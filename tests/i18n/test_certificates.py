"""A certificate speaks its course's language: its PDF and its e-mails,
whatever the language of the request or task that issues them."""

import re
import zlib

import pytest
from django.core import mail
from django.utils import translation

from certificates import services as certificate_services
from enrollments import services
from tests.factories import make_course

pytestmark = pytest.mark.django_db


def pdf_text(certificate) -> str:
    """The page's text, line by line, read from its content streams: the
    strings shown with Tj, unescaped (ReportLab writes non-ASCII characters of
    the standard fonts as octal escapes of their WinAnsi, that is cp1252, code)."""
    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    streams = re.findall(rb"stream\r?\n(.*?)endstream", data, re.S)
    content = b"".join(zlib.decompressobj().decompress(s) for s in streams)
    lines = []
    for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", content, re.S):
        raw = re.sub(
            rb"\\([0-7]{1,3}|.)",
            lambda m: (
                bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit() else m.group(1)
            ),
            literal,
        )
        lines.append(raw.decode("cp1252"))
    return "\n".join(lines)


def earn(learner, course, capture):
    services.enroll(learner=learner, course=course)
    with capture(execute=True):
        for lesson in course.get_children().live().specific():
            services.complete_lesson(learner=learner, lesson=lesson)
    return learner.enrollments.get(course=course).certificate


def test_a_french_courses_certificate_is_in_french(
    learner, catalog, django_capture_on_commit_callbacks
):
    course = make_course(
        catalog,
        title="Protection des civils",
        language="fr",
        lessons=1,
        estimated_hours=6,
        certificate_validity_months=24,
    )
    mail.outbox.clear()
    # Issued from an English request or task: the course decides.
    with translation.override("en"):
        certificate = earn(learner, course, django_capture_on_commit_callbacks)
    text = pdf_text(certificate)
    for french in (
        "Certificat de réussite",
        "Il est certifié que",
        "a suivi avec succès le cours",
        "6 heures d’étude",
        "Terminé le",
        "Valable jusqu’au",
        "Délivré par",
        "Scannez ou consultez pour vérifier",
    ):
        assert french in text, french
    for english in ("Certificate of Completion", "hours of study", "Completed on"):
        assert english not in text
    months = [
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
    completed = certificate.completed_at
    assert f"Terminé le {completed.day} {months[completed.month - 1]}" in text
    (message,) = mail.outbox
    assert message.subject == "Votre certificat pour Protection des civils"
    assert "Félicitations : vous avez terminé Protection des civils." in message.body
    assert "Il est valable jusqu’au" in message.body


def test_an_english_courses_certificate_stays_english_in_a_french_request(
    learner, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1, estimated_hours=1)
    mail.outbox.clear()
    with translation.override("fr"):
        certificate = earn(learner, course, django_capture_on_commit_callbacks)
    text = pdf_text(certificate)
    assert "Certificate of Completion" in text
    assert "1 hour of study" in text
    assert "Certificat de réussite" not in text
    (message,) = mail.outbox
    assert message.subject == "Your certificate for CIMIC basics"
    assert "Congratulations" in message.body


def test_the_revocation_email_is_in_the_courses_language(
    learner, manager, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Protection des civils", language="fr")
    certificate = earn(learner, course, django_capture_on_commit_callbacks)
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
