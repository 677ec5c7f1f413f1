from django.db import migrations

ROLES = ["Students", "Instructors", "Program managers"]
INSTRUCTOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    # Instructors author in the Wagtail admin; students and managers never do.
    instructors = groups["Instructors"]
    instructors.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, model, codenames in INSTRUCTOR_COLLECTION_PERMISSIONS:
        # Model permissions are normally made after migrations; make them now,
        # as Wagtail's own migrations do, so a fresh database gets them.
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            GroupCollectionPermission.objects.get_or_create(
                group=instructors, collection=root, permission=permission
            )


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
