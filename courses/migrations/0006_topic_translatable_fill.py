from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    """Every topic so far is English: the default locale, a key of its own."""

    dependencies = [("courses", "0005_topic_translatable_bootstrap")]

    operations = [BootstrapTranslatableModel("courses.Topic")]
