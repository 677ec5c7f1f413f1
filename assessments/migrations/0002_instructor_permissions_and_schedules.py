from django.db import migrations

# Instructors author question banks and mark attempts; which quizzes they may
# edit is decided by Wagtail page permissions, which banks by the views.
INSTRUCTOR_MODEL_PERMISSIONS = {
    "questionbank": ["add", "change", "view"],
    "category": ["add", "change", "delete", "view"],
    "question": ["add", "change", "delete", "view"],
    "extratime": ["add", "change", "delete", "view"],
}
SCHEDULES = [
    # (name, function, minutes): the deadline sweep and the lost-task reconciler.
    ("Submit expired attempts", "assessments.tasks.submit_expired_attempts", 1),
    ("Re-enqueue stuck grading", "assessments.tasks.requeue_stuck_attempts", 5),
]


def grant_and_schedule(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Schedule = apps.get_model("django_q", "Schedule")
    instructors, _ = Group.objects.get_or_create(name="Instructors")
    for model, actions in INSTRUCTOR_MODEL_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="assessments", model=model
        )
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            instructors.permissions.add(permission)
    for name, func, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": "I", "minutes": minutes, "repeats": -1},
        )


def remove_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[name for name, _, _ in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_question_bank_quizzes_attempts"),
        ("accounts", "0002_create_role_groups"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(grant_and_schedule, remove_schedules)]
