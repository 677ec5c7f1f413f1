"""The report exports and the certificate ZIP exports become rows of the one
`Export` model; their files stay where they are (report-exports/,
certificate-exports/). An export still pending had its task enqueued under a
name that no longer exists: it is marked failed, to be asked for again.
Reversible: the rows go back to the old tables (restored first by the
reversal of reports 0002 and certificates 0006)."""

from django.db import migrations
from django.utils.text import slugify

FORMAT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
STATUS = {"pending": "failed", "ready": "done", "failed": "failed"}
BACK = {"queued": "pending", "running": "pending", "done": "ready", "failed": "failed"}
INTERRUPTED = "Interrupted by an update of the platform; ask for it again."


def report_filename(report, filters, fmt, at):
    stamp = at.strftime("%Y%m%d-%H%M")
    suffix = "-".join(f"{key}-{value}" for key, value in sorted(filters.items()))
    return f"ign-{report}{'-' + suffix if suffix else ''}-{stamp}.{fmt}"


def forward(apps, schema_editor):
    Export = apps.get_model("exports", "Export")
    ReportExport = apps.get_model("reports", "ReportExport")
    CertificateExport = apps.get_model("certificates", "CertificateExport")
    rows = []
    for old in ReportExport.objects.order_by("pk").iterator():
        rows.append(
            Export(
                requested_by_id=old.requested_by_id,
                kind="report",
                params={"report": old.report, "format": old.format, "filters": old.filters},
                label=old.report,
                filename=report_filename(old.report, old.filters, old.format, old.requested_at),
                content_type=FORMAT_TYPES.get(old.format, "application/octet-stream"),
                status=STATUS[old.status],
                requested_at=old.requested_at,
                finished_at=old.finished_at or (old.requested_at if old.status == "pending" else None),
                items=old.rows,
                error=INTERRUPTED if old.status == "pending" else old.error,
                file=old.file.name,
            )
        )
    certificate_exports = CertificateExport.objects.select_related("course", "cohort")
    for old in certificate_exports.order_by("pk").iterator():
        label = " · ".join(
            part for part in (
                old.course.title if old.course_id else None,
                old.cohort.name if old.cohort_id else None,
            ) if part
        )
        rows.append(
            Export(
                requested_by_id=old.requested_by_id,
                kind="certificates",
                params={"course": old.course_id, "cohort": old.cohort_id},
                label=label,
                filename=f"certificates-{slugify(label)}.zip",
                content_type="application/zip",
                status=STATUS[old.status],
                requested_at=old.requested_at,
                finished_at=old.finished_at or (old.requested_at if old.status == "pending" else None),
                items=old.certificates,
                error=INTERRUPTED if old.status == "pending" else "",
                file=old.file.name,
            )
        )
    Export.objects.bulk_create(rows, batch_size=500)


def backward(apps, schema_editor):
    Export = apps.get_model("exports", "Export")
    ReportExport = apps.get_model("reports", "ReportExport")
    CertificateExport = apps.get_model("certificates", "CertificateExport")
    CoursePage = apps.get_model("courses", "CoursePage")
    Cohort = apps.get_model("enrollments", "Cohort")
    courses = set(CoursePage.objects.values_list("pk", flat=True))
    cohorts = set(Cohort.objects.values_list("pk", flat=True))
    for export in Export.objects.filter(kind="report").order_by("pk").iterator():
        ReportExport.objects.create(
            requested_by_id=export.requested_by_id,
            report=export.params.get("report", ""),
            filters=export.params.get("filters", {}),
            format=export.params.get("format", "csv"),
            requested_at=export.requested_at,
            finished_at=export.finished_at,
            status=BACK[export.status],
            rows=export.items,
            error=export.error,
            file=export.file.name,
        )
    for export in Export.objects.filter(kind="certificates").order_by("pk").iterator():
        course = export.params.get("course")
        cohort = export.params.get("cohort")
        course = course if course in courses else None
        cohort = cohort if cohort in cohorts else None
        if course is None and cohort is None:
            continue  # its course and cohort went: the old table refuses it
        CertificateExport.objects.create(
            requested_by_id=export.requested_by_id,
            course_id=course,
            cohort_id=cohort,
            requested_at=export.requested_at,
            finished_at=export.finished_at,
            status=BACK[export.status],
            certificates=export.items,
            file=export.file.name,
        )
    Export.objects.filter(kind__in=("report", "certificates")).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("exports", "0001_add_exports"),
        ("reports", "0001_initial"),
        ("certificates", "0005_certificate_export_by_cohort"),
        ("courses", "0004_add_content_version"),
        ("enrollments", "0008_add_enrollment_status_seen"),
    ]

    operations = [migrations.RunPython(forward, backward)]
