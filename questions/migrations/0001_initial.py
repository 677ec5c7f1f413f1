"""The question bank moves from `assessments` to `questions`: state only.

The tables keep their names (each model's `db_table`), so nothing is copied
or renamed: Django is told the models now belong to `questions`
(`SeparateDatabaseAndState` with no database operations), and
`assessments.0008_move_question_bank_to_questions` tells it they left
`assessments`, re-pointing the quiz models' foreign keys. 0002 moves the
content types, so permissions, the search index and Wagtail keep theirs.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import modelsearch.index
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables exist, made by the assessments migrations up to here.
        ('assessments', '0007_add_question_import_job'),
        ('courses', '0004_add_content_version'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                        name='Category',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('path', models.CharField(help_text='Nested with "/": "CIMIC/Basics".', max_length=500)),
                        ],
                        options={
                            'verbose_name_plural': 'categories',
                            'db_table': 'assessments_category',
                            'ordering': ['bank__name', 'path'],
                        },
                    ),
                    migrations.CreateModel(
                        name='QuestionBank',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('name', models.CharField(max_length=200, unique=True)),
                            ('description', models.TextField(blank=True)),
                            ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                            ('course', models.ForeignKey(blank=True, help_text='Leave empty for a bank every course may draw from.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='question_banks', to='courses.coursepage')),
                        ],
                        options={
                            'db_table': 'assessments_questionbank',
                            'ordering': ['name'],
                        },
                    ),
                    migrations.CreateModel(
                        name='Question',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('kind', models.CharField(choices=[('single', 'Single choice'), ('multiple', 'Multiple response'), ('truefalse', 'True/false'), ('shortanswer', 'Short answer'), ('numeric', 'Numeric'), ('matching', 'Matching'), ('ordering', 'Ordering'), ('gapfill', 'Fill in the blanks'), ('essay', 'Essay (graded by hand)'), ('description', 'Description (text only)')], max_length=20)),
                            ('title', models.CharField(max_length=255)),
                            ('idnumber', models.CharField(blank=True, help_text='Optional, unique in the bank.', max_length=100, verbose_name='ID number')),
                            ('stem', models.TextField(help_text='For fill in the blanks, mark gap N as {{N}} (from {{1}}).', verbose_name='Question text')),
                            ('general_feedback', models.TextField(blank=True)),
                            ('default_mark', models.DecimalField(decimal_places=3, default=Decimal('1'), max_digits=7, validators=[django.core.validators.MinValueValidator(Decimal('0'))])),
                            ('case_sensitive', models.BooleanField(default=False, help_text='Short answers and gaps: letter case must match.')),
                            ('shuffle_options', models.BooleanField(default=True, help_text='Shuffle choices when the quiz shuffles options.')),
                            ('version', models.PositiveIntegerField(default=1)),
                            ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                            ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                            ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='questions', to='questions.category')),
                            ('bank', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to='questions.questionbank')),
                        ],
                        options={
                            'db_table': 'assessments_question',
                            'ordering': ['bank__name', 'title'],
                        },
                        bases=(modelsearch.index.Indexed, models.Model),
                    ),
                    migrations.AddField(
                        model_name='category',
                        name='bank',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='categories', to='questions.questionbank'),
                    ),
                    migrations.CreateModel(
                        name='QuestionImport',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('uploaded_at', models.DateTimeField(default=django.utils.timezone.now)),
                            ('finished_at', models.DateTimeField(blank=True, null=True)),
                            ('file_name', models.CharField(max_length=255)),
                            ('size', models.PositiveBigIntegerField()),
                            ('bank_name', models.CharField(max_length=200)),
                            ('format', models.CharField(max_length=20)),
                            ('dry_run', models.BooleanField(default=False)),
                            ('data', models.BinaryField(default=bytes)),
                            ('status', models.CharField(choices=[('queued', 'Waiting to start'), ('reading', 'Reading the file'), ('storing', 'Storing the questions'), ('finished', 'Finished'), ('failed', 'Stopped by an unexpected error')], default='queued', max_length=10)),
                            ('questions_found', models.PositiveIntegerField(blank=True, null=True)),
                            ('summary', models.JSONField(default=dict)),
                            ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ],
                        options={
                            'db_table': 'assessments_questionimport',
                            'ordering': ['-uploaded_at'],
                        },
                    ),
                    migrations.CreateModel(
                        name='QuestionTag',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='questions.question')),
                            ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
                        ],
                        options={
                            'db_table': 'assessments_questiontag',
                        },
                    ),
                    migrations.AddField(
                        model_name='question',
                        name='tags',
                        field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='questions.QuestionTag', to='taggit.Tag', verbose_name='Tags'),
                    ),
                    migrations.CreateModel(
                        name='QuestionAnswer',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                            ('text', models.TextField(blank=True)),
                            ('fraction', models.DecimalField(decimal_places=7, default=Decimal('0'), help_text='1 = full marks, -0.5 = minus half.', max_digits=10, validators=[django.core.validators.MinValueValidator(Decimal('-1')), django.core.validators.MaxValueValidator(Decimal('1'))], verbose_name='credit')),
                            ('feedback', models.TextField(blank=True)),
                            ('match', models.CharField(blank=True, help_text='Matching only.', max_length=255)),
                            ('gap', models.PositiveSmallIntegerField(default=0, help_text='Fill in the blanks: the gap (1, 2, …) this answer fills.')),
                            ('value', models.DecimalField(blank=True, decimal_places=7, max_digits=20, null=True)),
                            ('tolerance', models.DecimalField(decimal_places=7, default=Decimal('0'), max_digits=20, validators=[django.core.validators.MinValueValidator(Decimal('0'))])),
                            ('minimum', models.DecimalField(blank=True, decimal_places=7, max_digits=20, null=True)),
                            ('maximum', models.DecimalField(blank=True, decimal_places=7, max_digits=20, null=True)),
                            ('question', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='questions.question')),
                        ],
                        options={
                            'db_table': 'assessments_questionanswer',
                            'ordering': ['sort_order'],
                            'abstract': False,
                            'constraints': [models.CheckConstraint(condition=models.Q(('fraction__gte', -1), ('fraction__lte', 1)), name='answer_fraction_in_range'), models.CheckConstraint(condition=models.Q(('minimum__isnull', True), ('maximum__isnull', True), ('minimum__lte', models.F('maximum')), _connector='OR'), name='answer_range_ordered')],
                        },
                    ),
                    migrations.AddConstraint(
                        model_name='category',
                        constraint=models.UniqueConstraint(fields=('bank', 'path'), name='category_unique_path'),
                    ),
                    migrations.AddConstraint(
                        model_name='category',
                        constraint=models.CheckConstraint(condition=models.Q(('path', ''), _negated=True), name='category_path_not_empty'),
                    ),
                    migrations.AddConstraint(
                        model_name='question',
                        constraint=models.UniqueConstraint(condition=models.Q(('idnumber', ''), _negated=True), fields=('bank', 'idnumber'), name='question_unique_idnumber_in_bank'),
                    ),
                    migrations.AddConstraint(
                        model_name='question',
                        constraint=models.CheckConstraint(condition=models.Q(('default_mark__gte', 0)), name='question_mark_not_negative'),
                    ),
            ],
        ),
    ]
