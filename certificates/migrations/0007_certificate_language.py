"""A certificate's language: the learner's saved language from now on. Those
issued before spoke their course's language (a path's: English); they keep
it, so their stored PDF and the new field agree."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def keep_the_course_language(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    Enrollment = apps.get_model("enrollments", "Enrollment")
    Certificate.objects.filter(enrollment__isnull=False).update(
        language=Subquery(
            Enrollment.objects.filter(pk=OuterRef("enrollment_id")).values(
                "course__language"
            )[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0006_delete_certificate_export"),
        ("enrollments", "0003_add_path_completion"),
        ("courses", "0007_topic_translatable"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("fr", "Français")],
                default="en",
                max_length=8,
            ),
        ),
        migrations.RunPython(keep_the_course_language, migrations.RunPython.noop),
    ]
