from django.db import migrations

# Instructors upload H5P activities and see the library store; the store
# itself changes only through uploads.
INSTRUCTOR_MODEL_PERMISSIONS = {
    "h5pcontent": ["add", "change", "view"],
    "h5plibrary": ["view"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    instructors, _ = Group.objects.get_or_create(name="Instructors")
    for model, actions in INSTRUCTOR_MODEL_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="lessons", model=model
        )
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            instructors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0002_h5p_libraries_contents_launches_results"),
        ("accounts", "0002_create_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
