"""The moved models' content types follow them to `questions`, so that their
permissions (the Instructors group's, given by assessments 0002), Wagtail's
search index entries and tags keep pointing at them. Django would otherwise
create new `questions` content types next to stale `assessments` ones."""

from django.db import migrations

MOVED = [
    "questionbank",
    "category",
    "questiontag",
    "question",
    "questionanswer",
    "questionimport",
]


def move(apps, schema_editor, source="assessments", target="questions"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label=target, model=model).exists():
            continue  # already there (made by post_migrate before this ran)
        ContentType.objects.filter(app_label=source, model=model).update(
            app_label=target
        )


def move_back(apps, schema_editor):
    move(apps, schema_editor, source="questions", target="assessments")


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("assessments", "0008_move_question_bank_to_questions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move, move_back)]
