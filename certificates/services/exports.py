"""ZIP exports of certificate PDFs for the register's keepers, built by a
task in the requester's scope; a certificate whose PDF is not rendered yet is
rendered (and kept) as the ZIP is written."""

from __future__ import annotations

import secrets
import tempfile
import zipfile

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django_q.tasks import async_task

from accounts.models import User
from courses.models import CoursePage
from enrollments.models import Cohort

from .. import selectors, tasks
from ..models import CertificateExport
from .storage import certificate_pdf


@transaction.atomic
def request_export(
    *,
    requested_by: User,
    course: CoursePage | None = None,
    cohort: Cohort | None = None,
) -> CertificateExport:
    """Ask for a ZIP of the certificate PDFs of a course, a cohort, or a
    course within a cohort, as the requester's register shows them; built by
    a task."""
    if course is None and cohort is None:
        raise ValueError("Choose a course or a cohort to export.")
    export = CertificateExport.objects.create(
        requested_by=requested_by,
        course=course,
        cohort=cohort,
        requested_at=timezone.now(),
    )
    export_id = export.pk
    transaction.on_commit(lambda: async_task(tasks.build_export, export_id))
    return export


def build_export(*, export_id: int) -> bool:
    """Write the ZIP (one `SERIAL.pdf` per certificate); False if it was built
    already (a retry or a duplicate task). The requester's scope applies when
    it is built: a manager's ZIP holds their cohorts' members only."""
    export = CertificateExport.objects.select_related("requested_by").get(pk=export_id)
    if export.status != CertificateExport.Status.PENDING:
        return False
    rows = (
        selectors.exportable(
            export.requested_by,
            course_id=export.course_id,
            cohort_id=export.cohort_id,
        )
        .only("serial", "pdf")
        .order_by("serial")
    )
    count = 0
    name = f"certificates-{export.pk}-{secrets.token_hex(8)}.zip"
    # On disk, not in memory: a course may hold thousands of certificates.
    with tempfile.TemporaryFile() as buffer:
        try:
            # Stored, not deflated: the PDFs are compressed already.
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
                for certificate in rows.iterator(chunk_size=500):
                    with certificate_pdf(certificate=certificate).open("rb") as handle:
                        archive.writestr(f"{certificate.serial}.pdf", handle.read())
                    count += 1
        except OSError:
            CertificateExport.objects.filter(
                pk=export.pk, status=CertificateExport.Status.PENDING
            ).update(status=CertificateExport.Status.FAILED, finished_at=timezone.now())
            raise
        buffer.seek(0)
        export.file.save(name, File(buffer), save=False)
    changed = CertificateExport.objects.filter(
        pk=export.pk, status=CertificateExport.Status.PENDING
    ).update(
        status=CertificateExport.Status.READY,
        file=export.file.name,
        certificates=count,
        finished_at=timezone.now(),
    )
    if not changed:  # a duplicate finished first; keep its file
        export.file.storage.delete(export.file.name or name)
    return bool(changed)
