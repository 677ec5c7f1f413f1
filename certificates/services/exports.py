"""ZIP exports of certificate PDFs for the register's keepers: the
"certificates" kind of the exports app, which queues, stores and serves them.
Built in the requester's scope; a certificate whose PDF is not rendered yet is
rendered (and kept) as the ZIP is written."""

from __future__ import annotations

import zipfile
from typing import IO

from django.utils.text import slugify

from accounts.models import User
from courses.models import CoursePage
from enrollments.models import Cohort
from exports import registry as export_registry
from exports import services as export_services
from exports.models import Export

from .. import selectors
from .storage import certificate_pdf

KIND = "certificates"


def request_export(
    *,
    requested_by: User,
    course: CoursePage | None = None,
    cohort: Cohort | None = None,
) -> Export:
    """Ask for a ZIP of the certificate PDFs of a course, a cohort, or a
    course within a cohort, as the requester's register shows them; built by
    a task."""
    if course is None and cohort is None:
        raise ValueError("Choose a course or a cohort to export.")
    label = " · ".join(str(part) for part in (course, cohort) if part is not None)
    return export_services.request_export(
        user=requested_by,
        kind=KIND,
        params={
            "course": course.pk if course is not None else None,
            "cohort": cohort.pk if cohort is not None else None,
        },
        label=label,
        filename=f"certificates-{slugify(label)}.zip",
        content_type="application/zip",
    )


def build_zip(export: Export, out: IO[bytes]) -> int:
    """Write the ZIP (one `SERIAL.pdf` per certificate); how many PDFs. The
    requester's scope applies when it is built: a manager's ZIP holds their
    cohorts' members only."""
    rows = (
        selectors.exportable(
            export.requested_by,
            course_id=export.params.get("course"),
            cohort_id=export.params.get("cohort"),
        )
        .only("serial", "pdf")
        .order_by("serial")
    )
    count = 0
    # Stored, not deflated: the PDFs are compressed already.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for certificate in rows.iterator(chunk_size=500):
            with certificate_pdf(certificate=certificate).open("rb") as handle:
                archive.writestr(f"{certificate.serial}.pdf", handle.read())
            count += 1
    return count


def register() -> None:
    export_registry.register(
        export_registry.Kind(name=KIND, build=build_zip, may_use=selectors.can_manage)
    )
