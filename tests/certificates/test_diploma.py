"""Issue 19 item 7: the certificate PDF reads as a diploma (emblem, serial,
hours, topics, signatory with signature), in the learner's language; the
verification page shows the serial; a revoked certificate's PDF is stamped
REVOKED with its reason and the learner sees why."""

import io

import pypdfium2 as pdfium
import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from pypdfium2 import raw as pdfium_c
from wagtail.images import get_image_model

from certificates import services
from courses.models import Topic
from tests.factories import UserFactory

from .conftest import complete_course

pytestmark = pytest.mark.django_db


def text_of(data: bytes) -> str:
    page = pdfium.PdfDocument(data)[0]
    return " ".join(page.get_textpage().get_text_range().split())


def images_in(data: bytes) -> int:
    page = pdfium.PdfDocument(data)[0]
    return sum(
        1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
    )


def stored(certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def wagtail_image(fmt: str = "PNG", size=(400, 120)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (20, 30, 90)).save(buffer, fmt)
    extension = "gif" if fmt == "GIF" else "png"
    return get_image_model().objects.create(
        title="Signature", file=ImageFile(buffer, name=f"signature.{extension}")
    )


def downloaded(client, certificate) -> bytes:
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_the_pdf_is_a_diploma_with_serial_hours_topics_and_signatory(
    learner, course, django_capture_on_commit_callbacks
):
    topic = Topic.objects.create(name="Protection of civilians", slug="poc")
    course.topics.add(topic)
    course.certificate_signature = wagtail_image()
    course.save_revision().publish()
    complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = learner.enrollments.get(course=course).certificate
    data = stored(certificate)
    text = text_of(data)
    assert "Certificate of Completion" in text
    # The serial twice: top corner and under the QR code.
    assert text.count(certificate.serial) == 2
    assert "6 hours of study" in text
    assert "Topics: Protection of civilians" in text
    assert "Col. A. Example" in text and "Director of Studies" in text
    assert "REVOKED" not in text
    # The network's emblem and the signature.
    assert images_in(data) == 2


def test_without_signature_image_the_emblem_is_the_only_image(certificate):
    data = stored(certificate)
    assert images_in(data) == 1
    assert "Col. A. Example" in text_of(data)


def test_a_french_learner_gets_a_french_diploma(
    course, django_capture_on_commit_callbacks
):
    learner = UserFactory(language="fr")
    complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = learner.enrollments.get(course=course).certificate
    text = text_of(stored(certificate))
    assert "Certificat de réussite" in text
    assert "6 heures d\u2019étude" in text
    assert f"Numéro {certificate.serial}" in text


def test_the_verification_page_shows_the_serial(certificate, client):
    body = client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    ).content.decode()
    assert "Serial number" in body
    assert f'<dd class="certificate-serial">{certificate.serial}</dd>' in body


def test_a_revoked_certificate_is_stamped_and_the_learner_sees_why(
    certificate, learner_client
):
    manager = UserFactory(is_superuser=True)
    services.revoke_certificate(
        certificate=certificate, revoked_by=manager, reason="Graded against a bad key"
    )
    # The stored file (what exports and e-mails carry) is stamped.
    text = text_of(stored(certificate))
    assert "REVOKED on" in text and "no longer valid" in text
    assert "Graded against a bad key" in text
    # So is the download, and the other language's.
    assert "REVOKED" in text_of(downloaded(learner_client, certificate))
    french = learner_client.get(
        reverse("certificates:download_in", args=[certificate.pk, "fr"])
    ).content
    assert "RÉVOQUÉ" in text_of(french)
    # The learner's list says it is revoked and why, and offers no valid PDF.
    body = learner_client.get(reverse("certificates:mine")).content.decode()
    assert "this certificate is no longer valid" in body
    assert "Graded against a bad key" in body
    assert "Download the revoked PDF" in body
    assert ">Download PDF<" not in body and "PDF in French" not in body
    # The verification page gives the reason too.
    page = learner_client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    ).content.decode()
    assert "Graded against a bad key" in page


def test_an_old_unstamped_file_is_not_served_for_a_revoked_certificate(
    certificate, learner_client
):
    """A revocation recorded before stamping existed kept its valid-looking
    file: the download renders the stamped one instead."""
    from django.utils import timezone

    from certificates.models import Certificate

    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoke_reason="Fraud"
    )
    assert "REVOKED" not in text_of(stored(certificate))
    response = learner_client.get(
        reverse("certificates:download", args=[certificate.pk])
    )
    assert "revoked" in response["Content-Disposition"]
    text = text_of(response.content)
    assert "REVOKED" in text and "Fraud" in text


def test_reissuing_removes_the_stamp(certificate):
    services.revoke_certificate(
        certificate=certificate, revoked_by=UserFactory(), reason="Mistake"
    )
    services.reissue_certificate(certificate=certificate)
    assert "REVOKED" not in text_of(stored(certificate))


def test_the_signature_must_be_png_or_jpeg_and_have_a_signatory(course):
    course.certificate_signature = wagtail_image("GIF")
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "certificate_signature" in error.value.message_dict
    course.certificate_signature = wagtail_image(size=(2400, 300))
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "certificate_signature" in error.value.message_dict
    course.certificate_signature = wagtail_image()
    course.certificate_signatory_name = ""
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "certificate_signatory_name" in error.value.message_dict
    course.certificate_signatory_name = "Col. A. Example"
    course.full_clean()
