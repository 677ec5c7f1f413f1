from django.db import migrations

# E-mails due (new ones are also enqueued on commit; this run picks up
# retries after a mail server outage) and the daily digest.
SCHEDULES = [
    ("Notification e-mails due", "notifications.tasks.deliver_due", 1),
    ("Notification daily digests", "notifications.tasks.send_digests", 24 * 60),
]


def schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": "I", "minutes": minutes, "repeats": -1},
        )


def unschedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[name for name, _, _ in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_notification_rows_and_preferences"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
