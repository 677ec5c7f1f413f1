"""Report exports and certificate ZIP exports made before the exports app
become `Export` rows on `migrate`, their files where they were, and go back
to their old tables on the way down."""

from datetime import UTC, datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory, make_course, make_site

# Serialized like the other transactional tests, so those after it find the
# database as migrations left it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("exports", "0001_add_exports"),
    ("reports", "0001_initial"),
    ("certificates", "0005_certificate_export_by_cohort"),
]
ASKED = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()  # see what is applied now
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_the_old_exports_become_exports_with_their_files_and_come_back():
    manager = UserFactory()
    course = make_course(make_site()[1], title="Protecting heritage", lessons=1)
    csv_name = default_storage.save("report-exports/abc/old.csv", ContentFile(b"a,b"))
    zip_name = default_storage.save("certificate-exports/old.zip", ContentFile(b"PK"))

    old = _migrate(BEFORE)
    ReportExport = old.get_model("reports", "ReportExport")
    CertificateExport = old.get_model("certificates", "CertificateExport")
    Cohort = old.get_model("enrollments", "Cohort")
    cohort = Cohort.objects.create(name="Spring intake")
    ReportExport.objects.create(
        requested_by_id=manager.pk,
        report="enrollments",
        filters={"cohort": str(cohort.pk)},
        format="csv",
        requested_at=ASKED,
        finished_at=ASKED,
        status="ready",
        rows=12,
        file=csv_name,
    )
    ReportExport.objects.create(
        requested_by_id=manager.pk,
        report="courses",
        format="xlsx",
        requested_at=ASKED,
    )
    CertificateExport.objects.create(
        requested_by_id=manager.pk,
        course_id=course.pk,
        cohort_id=cohort.pk,
        requested_at=ASKED,
        finished_at=ASKED,
        status="ready",
        certificates=3,
        file=zip_name,
    )

    new = _migrate(_latest())
    Export = new.get_model("exports", "Export")
    report = Export.objects.get(kind="report", params__report="enrollments")
    assert report.params == {
        "report": "enrollments",
        "format": "csv",
        "filters": {"cohort": str(cohort.pk)},
    }
    assert (report.status, report.items, report.file.name) == ("done", 12, csv_name)
    assert report.filename == f"ign-enrollments-cohort-{cohort.pk}-20260304-0930.csv"
    assert report.content_type == "text/csv; charset=utf-8"
    assert report.requested_by_id == manager.pk and report.requested_at == ASKED
    with report.file.open("rb") as handle:
        assert handle.read() == b"a,b"
    # Its task was enqueued under a name that is gone: asked for again.
    pending = Export.objects.get(kind="report", params__report="courses")
    assert pending.status == "failed" and "ask for it again" in pending.error
    zipped = Export.objects.get(kind="certificates")
    assert zipped.params == {"course": course.pk, "cohort": cohort.pk}
    assert zipped.label == "Protecting heritage · Spring intake"
    assert zipped.filename == "certificates-protecting-heritage-spring-intake.zip"
    assert (zipped.status, zipped.items, zipped.file.name) == ("done", 3, zip_name)

    old = _migrate(BEFORE)
    assert not old.get_model("exports", "Export").objects.exists()
    back = old.get_model("reports", "ReportExport").objects.get(report="enrollments")
    assert (back.status, back.rows, back.file.name) == ("ready", 12, csv_name)
    assert back.filters == {"cohort": str(cohort.pk)} and back.format == "csv"
    zip_back = old.get_model("certificates", "CertificateExport").objects.get()
    assert (zip_back.course_id, zip_back.cohort_id) == (course.pk, cohort.pk)
    assert (zip_back.status, zip_back.certificates) == ("ready", 3)
    _migrate(_latest())
