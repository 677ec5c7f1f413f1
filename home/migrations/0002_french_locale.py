from django.db import migrations


def add_french(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="fr")


class Migration(migrations.Migration):
    """French beside English (the default locale Wagtail created): pages and
    topics get their French counterparts in it."""

    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_french, migrations.RunPython.noop)]
