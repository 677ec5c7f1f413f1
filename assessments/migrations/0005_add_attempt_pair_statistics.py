"""PostgreSQL statistics on how many distinct (learner, quiz) pairs attempts
have. Without them the planner multiplies guesses and expects a few hundred
pairs where there are tens of thousands, so the at-risk "failed twice" page
hashed every graded attempt and sorted the groups (~300 ms at 200,000
attempts) instead of reading attempt_status_learner in order and stopping
after a page (~1 ms). Nothing on other databases (SQLite has no such
statistics and reads the index in order anyway)."""

from django.db import migrations

NAME = "assessments_attempt_pairs"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {NAME} (ndistinct) "
            "ON learner_id, assessment_id FROM assessments_attempt"
        )
        # The statistics count from the next ANALYZE; take it now.
        schema_editor.execute("ANALYZE assessments_attempt")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("assessments", "0004_add_report_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
