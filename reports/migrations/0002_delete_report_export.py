from django.db import migrations


class Migration(migrations.Migration):
    # Its rows are exports.Export rows now (exports 0002 copied them).
    dependencies = [
        ("reports", "0001_initial"),
        ("exports", "0002_copy_report_and_certificate_exports"),
    ]

    operations = [migrations.DeleteModel(name="ReportExport")]
