"""A quiz's slots and questions are read through the cache under the draw
version (assessments.services.draw_questions): every change an instructor
makes reaches the next attempt started, and attempts already started keep
what they were given. The draw version is the draw's own: editing a question
leaves the catalog's page cache version alone, and publishing other pages
leaves the draws cached."""

import pytest

from assessments import services
from assessments.models import AssessmentSlot
from courses.page_cache import content_version
from questions.models import Category, QuestionBank
from questions.services import bump_question_version, import_questions
from tests.factories import UserFactory, make_course, make_question, make_quiz

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


def test_editing_what_a_quiz_draws_leaves_the_page_cache_version_alone(course, bank):
    question = make_question(bank)
    quiz = make_quiz(course, slots=[question])
    pages, draws = content_version(), services.draw_version()

    question.stem = "<p>Reworded</p>"
    question.save()
    option = question.answers.first()
    option.text = "<p>Reworded option</p>"
    option.save()
    bump_question_version(question=question)
    Category.objects.create(bank=bank, path="New")
    slot = quiz.slots.get()
    slot.mark = 2
    slot.save()
    gift = "$CATEGORY: Imported\n\n::One:: Is water wet? {T}\n"
    assert import_questions(gift.encode(), bank_name="Import", format="gift").ok

    assert content_version() == pages
    assert services.draw_version() >= draws + 6


def test_publishing_an_unrelated_page_leaves_the_draws_cached(
    course, bank, catalog, django_assert_max_num_queries
):
    quiz = make_quiz(course, slots=[make_question(bank), make_question(bank)])
    start(quiz)  # the draw is cached
    pages, draws = content_version(), services.draw_version()

    other = make_course(catalog, title="Another course", lessons=1)
    other.title = "Another course, renamed"
    other.save_revision().publish()

    assert content_version() > pages
    assert services.draw_version() == draws
    # Per start: the learner's standing, then the transaction; nothing drawn
    # is read again.
    learner = UserFactory()
    with django_assert_max_num_queries(5) as queries:
        services.start_attempt(learner=learner, assessment=quiz)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "assessments_assessmentslot" not in sql
    assert "assessments_questionanswer" not in sql
    assert "assessments_question" not in sql.replace("assessments_questionanswer", "")


def test_an_edited_question_a_quiz_draws_reaches_the_next_attempt(
    course, bank, catalog
):
    question = make_question(bank)
    quiz = make_quiz(course, slots=[question])
    assert start(quiz).questions_snapshot[0]["version"] == 1
    make_course(catalog, title="Unrelated", lessons=1)  # draws stay cached

    bump_question_version(question=question)

    assert start(quiz).questions_snapshot[0]["version"] == 2


def test_publishing_the_quiz_with_new_slots_reaches_the_next_attempt(course, bank):
    first, second = make_question(bank), make_question(bank)
    quiz = make_quiz(course, slots=[first])
    assert start(quiz).questions_snapshot[0]["question"] == first.pk

    quiz.slots = [AssessmentSlot(question=second)]
    quiz.save_revision().publish()

    assert start(quiz).questions_snapshot[0]["question"] == second.pk
