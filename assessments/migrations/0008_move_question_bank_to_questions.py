"""The question bank's models leave `assessments` for `questions`: state only
(see questions/migrations/0001_initial.py). The quiz models' foreign keys are
re-pointed to `questions`; the database columns and constraints do not change.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0007_add_question_import_job"),
        ("questions", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="category",
                    name="category_unique_path",
                ),
                migrations.RemoveConstraint(
                    model_name="category",
                    name="category_path_not_empty",
                ),
                migrations.AlterField(
                    model_name="assessmentslot",
                    name="category",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Random: draw from this category and the ones below it.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="questions.category",
                    ),
                ),
                migrations.RemoveConstraint(
                    model_name="question",
                    name="question_unique_idnumber_in_bank",
                ),
                migrations.RemoveConstraint(
                    model_name="question",
                    name="question_mark_not_negative",
                ),
                migrations.RemoveField(
                    model_name="questiontag",
                    name="content_object",
                ),
                migrations.AlterField(
                    model_name="assessmentslot",
                    name="question",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="questions.question",
                    ),
                ),
                migrations.AlterField(
                    model_name="regrade",
                    name="question",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="regrades",
                        to="questions.question",
                    ),
                ),
                migrations.AlterField(
                    model_name="response",
                    name="question",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="questions.question",
                    ),
                ),
                migrations.RemoveConstraint(
                    model_name="questionanswer",
                    name="answer_fraction_in_range",
                ),
                migrations.RemoveConstraint(
                    model_name="questionanswer",
                    name="answer_range_ordered",
                ),
                migrations.RemoveField(
                    model_name="questionbank",
                    name="course",
                ),
                migrations.RemoveField(
                    model_name="questiontag",
                    name="tag",
                ),
                migrations.RemoveField(
                    model_name="category",
                    name="bank",
                ),
                migrations.RemoveField(
                    model_name="question",
                    name="bank",
                ),
                migrations.RemoveField(
                    model_name="question",
                    name="category",
                ),
                migrations.RemoveField(
                    model_name="question",
                    name="tags",
                ),
                migrations.RemoveField(
                    model_name="questionanswer",
                    name="question",
                ),
                migrations.DeleteModel(
                    name="QuestionImport",
                ),
                migrations.DeleteModel(
                    name="QuestionBank",
                ),
                migrations.DeleteModel(
                    name="Category",
                ),
                migrations.DeleteModel(
                    name="QuestionTag",
                ),
                migrations.DeleteModel(
                    name="Question",
                ),
                migrations.DeleteModel(
                    name="QuestionAnswer",
                ),
            ],
        ),
    ]
