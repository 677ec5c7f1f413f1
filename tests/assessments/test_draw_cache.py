"""A quiz's slots and questions are read through the cache under the content
version (assessments.services.draw_questions): every change an instructor
makes reaches the next attempt started, and attempts already started keep
what they were given."""

import pytest

from assessments import services
from questions.models import Category, QuestionBank
from questions.services import bump_question_version, import_questions
from tests.factories import UserFactory, make_question, make_quiz

pytestmark = pytest.mark.django_db


def start(quiz):
    return services.start_attempt(learner=UserFactory(), assessment=quiz)


def test_an_edited_question_reaches_the_next_attempt(course, bank):
    question = make_question(bank)
    quiz = make_quiz(course, slots=[question])
    before = start(quiz)

    question.stem = "<p>Which one, now?</p>"
    question.save()
    option = question.answers.get(fraction=1)
    option.text = "<p>Right, reworded</p>"
    option.save()
    after = start(quiz)

    assert after.questions_snapshot[0]["stem"] == "<p>Which one, now?</p>"
    texts = {c["text"] for c in after.questions_snapshot[0]["choices"]}
    assert "<p>Right, reworded</p>" in texts
    before.refresh_from_db()
    assert before.questions_snapshot[0]["stem"] == "<p>Which one?</p>"


def test_a_changed_slot_reaches_the_next_attempt(course, bank):
    first, second = make_question(bank), make_question(bank)
    quiz = make_quiz(course, slots=[first])
    assert start(quiz).questions_snapshot[0]["question"] == first.pk

    slot = quiz.slots.get()
    slot.question = second
    slot.save()

    assert start(quiz).questions_snapshot[0]["question"] == second.pk


def test_a_random_slot_draws_from_the_category_as_it_is_now(course, bank):
    category = Category.objects.create(bank=bank, path="Drawn")
    old = make_question(bank, category=category)
    quiz = make_quiz(course, slots=[{"category": category, "count": 1}])
    assert start(quiz).questions_snapshot[0]["question"] == old.pk

    new = make_question(bank, category=category)
    old.category = Category.objects.create(bank=bank, path="Retired")
    old.save()

    assert start(quiz).questions_snapshot[0]["question"] == new.pk


def test_a_key_edit_is_snapshotted_with_the_new_version(course, bank):
    question = make_question(bank)
    quiz = make_quiz(course, slots=[question])
    assert start(quiz).questions_snapshot[0]["version"] == 1

    bump_question_version(question=question)

    assert start(quiz).questions_snapshot[0]["version"] == 2


def test_imported_questions_can_be_drawn_with_their_options(course):
    gift = "$CATEGORY: Imported\n\n::First:: Is water wet? {T}\n"
    assert import_questions(gift.encode(), bank_name="Import", format="gift").ok
    category = Category.objects.get(bank__name="Import", path="Imported")
    quiz = make_quiz(course, slots=[{"category": category, "count": 1}])
    start(quiz)  # the category's pool is now cached

    more = "$CATEGORY: Imported\n\n::Second:: Is fire cold? {F}\n"
    assert import_questions(more.encode(), bank_name="Import", format="gift").ok
    bank = QuestionBank.objects.get(name="Import")
    second = bank.questions.get(title="Second")

    drawn = {
        seed: services.draw_questions(assessment=quiz, seed=seed)[0]
        for seed in range(20)
    }
    entries = [e for e in drawn.values() if e["question"] == second.pk]
    assert entries, "the imported question is never drawn"
    assert len(entries[0]["choices"]) == 2  # true and false


def test_a_class_starting_together_reads_the_questions_once(
    course, bank, django_assert_max_num_queries
):
    quiz = make_quiz(course, slots=[make_question(bank), make_question(bank)])
    start(quiz)
    learners = [UserFactory() for _ in range(3)]
    # Per start: the learner's standing (one query), then the transaction
    # (begin, attempt, responses, commit); no slot, question or option query.
    with django_assert_max_num_queries(3 * 5) as queries:
        for learner in learners:
            services.start_attempt(learner=learner, assessment=quiz)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "assessments_question" not in sql.replace("assessments_questionanswer", "")
    assert "assessments_questionanswer" not in sql
    assert "assessments_assessmentslot" not in sql
