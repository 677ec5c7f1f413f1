"""The certificate's PDF: a rendering of the record, stored once and reused.

Issuing stores no PDF: `render_certificate_pdfs` (its own task, enqueued on
commit by issuing) or the first download or export renders it. Rendering is
idempotent: a certificate that has a PDF keeps it, and two renders racing keep
the first stored (a conditional update) while the loser deletes its file.
Reissue and renewal replace the PDF (`store_pdf`), since what it says changed;
so does revocation, with a PDF stamped REVOKED (and a download of a revoked
certificate renders it stamped whatever was stored).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile

from core.tasks import Call, enqueue_on_commit
from courses import translations
from courses.models import CoursePage
from enrollments.models import Enrollment

from .. import pdf, tasks
from ..models import Certificate
from .codes import verification_qr_data, verification_url


def course_title_in(
    certificate: Certificate, course: CoursePage | None, language: str
) -> str:
    """The title the PDF prints in `language`: what was printed at issue when
    the course speaks `language` (or has no version in it, or for a path);
    otherwise its translation's title (one query)."""
    if course is None:
        return certificate.course_title
    found = (
        CoursePage.objects.filter(
            translation_key=course.translation_key,
            locale__language_code=language,
        )
        .values_list("pk", "title")
        .first()
    )
    if found is None or found[0] == course.pk:
        return certificate.course_title
    return found[1]


def render_pdf(
    certificate: Certificate, course: CoursePage | None, language: str = ""
) -> bytes:
    """The certificate's PDF in `language` (its own by default). `course`
    gives the signatory, logo and translated title; None for a path
    certificate."""
    language = language or certificate.language
    logo = course.certificate_logo if course is not None else None
    revoked_on = certificate.revoked_at.date() if certificate.revoked_at else None
    content = pdf.CertificateContent(
        learner_name=certificate.learner_name,
        course_title=course_title_in(certificate, course, language),
        completed_on=certificate.completed_at.date(),
        hours=certificate.hours,
        serial=certificate.serial,
        verification_url=verification_url(certificate.verification_code, language),
        qr_data=verification_qr_data(certificate.verification_code),
        signatory_name=course.certificate_signatory_name if course else "",
        signatory_title=course.certificate_signatory_title if course else "",
        expires_on=certificate.expires_at.date() if certificate.expires_at else None,
        logo_path=logo.file.path if logo is not None else None,
        kind="course" if course is not None else "learning path",
        language=language,
        topics=_topics(course, language),
        signature=_signature(course),
        revoked_on=revoked_on,
        revoke_reason=certificate.revoke_reason if revoked_on else "",
    )
    return pdf.render(content)


def _topics(course: CoursePage | None, language: str) -> tuple[str, ...]:
    """The course's topics' names in `language` (at most 2 queries)."""
    if course is None:
        return ()
    topics = list(course.topics.select_related("locale").order_by("name"))
    if not topics:
        return ()
    return tuple(topic.name for topic in translations.in_language(topics, language))


def _signature(course: CoursePage | None) -> bytes | None:
    """The signatory's signature image's bytes, when the course has one and a
    signatory to sign (read through the storage: works on object storage)."""
    if course is None or not course.certificate_signature_id:
        return None
    if not course.certificate_signatory_name:
        return None
    image = course.certificate_signature
    assert image is not None
    with image.file.open("rb") as handle:
        return handle.read()


def _pdf_file(
    certificate: Certificate, course: CoursePage | None
) -> tuple[str, ContentFile]:
    """The stored PDF: in the certificate's language."""
    # A random part, so a reissued PDF never reuses the old file's name.
    name = f"{certificate.serial}-{secrets.token_hex(8)}.pdf"
    return name, ContentFile(render_pdf(certificate, course))


def course_of(certificate: Certificate) -> CoursePage | None:
    """The course whose signatory, logo and language the PDF shows; None for
    a path certificate."""
    if certificate.enrollment_id is None:
        return None
    return CoursePage.objects.select_related(
        "certificate_logo", "certificate_signature"
    ).get(
        pk=Enrollment.objects.filter(pk=certificate.enrollment_id).values("course_id")[
            :1
        ]
    )


def store_pdf(certificate: Certificate, course: CoursePage | None) -> None:
    """Render and store a new PDF for a saved certificate; the old file goes."""
    old = certificate.pdf.name
    name, file = _pdf_file(certificate, course)
    certificate.pdf.save(name, file, save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old:
        certificate.pdf.storage.delete(old)


def render_certificate_pdf(*, certificate_id: int) -> Certificate:
    """The certificate with its PDF, rendered and stored now if it has none."""
    certificate = Certificate.objects.get(pk=certificate_id)
    if certificate.pdf:
        return certificate
    name, file = _pdf_file(certificate, course_of(certificate))
    certificate.pdf.save(name, file, save=False)
    stored = certificate.pdf.name or name
    if not Certificate.objects.filter(pk=certificate.pk, pdf="").update(pdf=stored):
        # Another render (or a reissue) stored one first: keep theirs.
        certificate.pdf.storage.delete(stored)
        certificate.refresh_from_db()
    return certificate


def render_certificate_pdfs(*, certificate_ids: Sequence[int]) -> int:
    """`render_certificate_pdf` for each; how many have a PDF now."""
    return sum(
        bool(render_certificate_pdf(certificate_id=pk).pdf)
        for pk in certificate_ids
        if Certificate.objects.filter(pk=pk).exists()
    )


class UnknownLanguage(Exception):
    """Not one of the site's languages."""


def certificate_pdf_in(*, certificate: Certificate, language: str) -> bytes:
    """The certificate's PDF in `language`: its stored one in its own
    language; in the other, rendered now and not stored (same serial, code
    and validity: the certificate is unchanged)."""
    if language not in dict(settings.LANGUAGES):
        raise UnknownLanguage(language)
    if certificate.revoked_at is not None:
        return revoked_pdf(certificate=certificate, language=language)
    if language == certificate.language:
        with certificate_pdf(certificate=certificate).open("rb") as handle:
            return handle.read()
    return render_pdf(certificate, course_of(certificate), language)


def revoked_pdf(*, certificate: Certificate, language: str = "") -> bytes:
    """A revoked certificate's PDF, stamped REVOKED with its date and reason,
    rendered now (whatever file was stored before it was revoked)."""
    return render_pdf(certificate, course_of(certificate), language)


def certificate_pdf(*, certificate: Certificate) -> FieldFile:
    """The certificate's stored PDF, rendered first if it has none yet (its
    task has not run): a download never waits for the queue."""
    if not certificate.pdf:
        certificate = render_certificate_pdf(certificate_id=certificate.pk)
    return certificate.pdf


def render_task(certificate_ids: Sequence[int]) -> Call:
    """The task that renders these certificates' PDFs: one for the lot."""
    ids = list(certificate_ids)
    if len(ids) == 1:
        return tasks.render_certificate_pdf, (ids[0],)
    return tasks.render_certificate_pdfs, (ids,)


def render_on_commit(certificate_ids: Sequence[int]) -> None:
    """Enqueue the rendering of these certificates' PDFs once the rows are
    committed."""
    if certificate_ids:
        enqueue_on_commit(render_task(certificate_ids))
