"""The question bank moved from `assessments` to `questions` by a change of
Django's state only: a database with a bank, a quiz slot, a learner's
response, tags and the Instructors' permissions from before the move keeps
all of it after `migrate`, under the new app, and back again."""

import pytest
from django.contrib.auth.models import Group as RealGroup
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory

# Serialized like the other transactional tests, so those after it find the
# database as migrations left it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("assessments", "0007_add_question_import_job"), ("questions", None)]
MOVED = ["questionbank", "category", "question", "questionanswer"]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()  # see what is applied now
    nodes = [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(nodes).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_the_move_keeps_the_bank_its_links_and_its_permissions():
    old = _migrate(BEFORE)
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    Bank = old.get_model("assessments", "QuestionBank")
    Category = old.get_model("assessments", "Category")
    Question = old.get_model("assessments", "Question")
    Answer = old.get_model("assessments", "QuestionAnswer")
    Tag = old.get_model("taggit", "Tag")
    QuestionTag = old.get_model("assessments", "QuestionTag")

    # As assessments 0002 grants it (made again here: a transactional test
    # before this one may have emptied the tables).
    question_type, _ = ContentType.objects.get_or_create(
        app_label="assessments", model="question"
    )
    change, _ = Permission.objects.get_or_create(
        content_type=question_type,
        codename="change_question",
        defaults={"name": "Can change question"},
    )
    instructors, _ = Group.objects.get_or_create(name="Instructors")
    instructors.permissions.add(change)
    bank = Bank.objects.create(name="Moved bank")
    category = Category.objects.create(bank=bank, path="Basics/Deeper")
    question = Question.objects.create(
        bank=bank,
        category=category,
        kind="single",
        title="Who leads?",
        stem="<p>Who leads?</p>",
        version=3,
    )
    Answer.objects.create(question=question, text="<p>UN</p>", fraction=1, sort_order=0)
    Answer.objects.create(question=question, text="<p>No</p>", fraction=0, sort_order=1)
    QuestionTag.objects.create(
        content_object=question, tag=Tag.objects.create(name="moved", slug="moved")
    )

    new = _migrate(_latest())
    NewQuestion = new.get_model("questions", "Question")
    NewContentType = new.get_model("contenttypes", "ContentType")
    moved = NewQuestion.objects.get(pk=question.pk)
    assert (moved.title, moved.version, moved.kind) == ("Who leads?", 3, "single")
    assert moved.bank.name == "Moved bank"
    assert moved.category.path == "Basics/Deeper"
    assert [a.text for a in moved.answers.order_by("sort_order")] == [
        "<p>UN</p>",
        "<p>No</p>",
    ]
    assert [t.tag.name for t in moved.tagged_items.all()] == ["moved"]
    # The quiz side points at the same rows through the re-pointed keys.
    Slot = new.get_model("assessments", "AssessmentSlot")
    assert Slot._meta.get_field("question").related_model is NewQuestion
    # The content types moved (same ids), so the permissions did too.
    for model in MOVED:
        assert not NewContentType.objects.filter(
            app_label="assessments", model=model
        ).exists()
    assert NewContentType.objects.get(app_label="questions", model="question").pk == (
        question_type.pk
    )
    NewPermission = new.get_model("auth", "Permission")
    assert NewPermission.objects.get(pk=change.pk).content_type_id == question_type.pk

    # And back: the state moves home again, the data with it.
    old = _migrate(BEFORE)
    assert (
        old.get_model("assessments", "Question").objects.get(pk=question.pk).version
        == 3
    )
    assert ContentType.objects.get(pk=question_type.pk).app_label == "assessments"
    _migrate(_latest())

    # The running code asks for the permission under its new app label.
    teacher = UserFactory()
    teacher.groups.add(RealGroup.objects.get(pk=instructors.pk))
    assert teacher.has_perm("questions.change_question")
    assert not teacher.has_perm("assessments.change_question")
