from django.db import migrations


class Migration(migrations.Migration):
    # Its rows are exports.Export rows now (exports 0002 copied them).
    dependencies = [
        ("certificates", "0005_certificate_export_by_cohort"),
        ("exports", "0002_copy_report_and_certificate_exports"),
    ]

    operations = [migrations.DeleteModel(name="CertificateExport")]
