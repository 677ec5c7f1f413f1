"""seed_demo's question banks and quizzes: imported through the real GIFT
importer, placed in courses the demo instructor teaches, and usable by the
demo student."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from assessments import selectors, services
from assessments.models import AssessmentPage, AssessmentSlot, Attempt
from demo.content.quizzes import BANKS, QUIZZES
from enrollments.models import Enrollment
from questions.kinds import Kind
from questions.models import Category, Question, QuestionAnswer, QuestionBank
from questions.services import import_questions

pytestmark = pytest.mark.django_db

QUIZ = {item["slug"]: item for item in QUIZZES}


@pytest.fixture
def seeded(db):
    """The whole demo, loaded the way `make` loads it (into an empty database)."""
    out = StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)
    return out.getvalue()


def quiz(slug: str) -> AssessmentPage:
    """The English quiz (the Knowledge check has a French translation)."""
    return AssessmentPage.objects.live().get(slug=slug, locale__language_code="en")


def test_seed_prints_what_it_added(seeded):
    for item in BANKS:
        assert f"Added question bank {item['name']!r}" in seeded
    for item in QUIZZES:
        assert f"Added quiz {item['title']!r}" in seeded
    assert "3 quizzes" in seeded


def test_demo_gift_is_accepted_by_the_importer(seeded):
    for item in BANKS:
        summary = import_questions(
            item["gift"].encode(), bank_name="Dry run", format="gift", dry_run=True
        )
        assert summary.ok, summary.errors
        bank = QuestionBank.objects.get(name=item["name"])
        assert bank.questions.count() == summary.imported + len(item["extra"])
        assert set(summary.categories) <= set(
            bank.categories.values_list("path", flat=True)
        )
    assert not QuestionBank.objects.filter(name="Dry run").exists()


def test_seed_makes_one_bank_per_quiz_course(seeded):
    for item in BANKS:
        bank = QuestionBank.objects.get(name=item["name"])
        assert bank.course.slug == item["course"]
        assert bank.name == bank.course.title
        assert bank.categories.count() >= 2
        # Every question a quiz names by id exists.
        assert not bank.questions.filter(idnumber="").exists()


def test_seed_banks_cover_every_kind_and_feature(seeded):
    questions = Question.objects.all()
    assert set(questions.values_list("kind", flat=True)) == {
        "single",
        "multiple",
        "truefalse",
        "shortanswer",
        "numeric",
        "matching",
        "ordering",
        "gapfill",
        "essay",
    }
    answers = QuestionAnswer.objects.all()
    # Multiple response: partial credit, and a wrong choice that costs marks.
    multiple = answers.filter(question__kind=Kind.MULTIPLE)
    assert multiple.filter(fraction__gt=0, fraction__lt=1).exists()
    assert multiple.filter(fraction__lt=0).exists()
    # True/false with feedback; short answers with alternatives.
    assert answers.filter(question__kind=Kind.TRUE_FALSE).exclude(feedback="").exists()
    assert any(
        q.answers.filter(fraction=1).count() >= 2
        for q in questions.filter(kind=Kind.SHORT_ANSWER)
    )
    assert answers.filter(question__kind=Kind.NUMERIC, tolerance__gt=0).exists()
    assert answers.filter(question__kind=Kind.MATCHING).exclude(match="").count() >= 3
    assert questions.filter(kind=Kind.ESSAY).count() == 1
    assert questions.exclude(general_feedback="").exists()
    assert Question.tags.through.objects.exists()

    ordering = questions.get(kind=Kind.ORDERING)
    items = [a.text for a in ordering.answers.order_by("sort_order")]
    assert items[0].startswith("UN General Assembly resolution 46/182")
    assert items[-1].startswith("The NATO Policy for the Protection of Civilians")
    gapfill = questions.get(kind=Kind.GAP_FILL)
    assert "{{1}}" in gapfill.stem and "{{2}}" in gapfill.stem
    assert set(gapfill.answers.values_list("gap", flat=True)) == {1, 2}
    assert gapfill.answers.filter(gap=2, text="last").exists()


def test_seed_puts_each_quiz_at_the_end_of_its_course(seeded):
    for item in QUIZZES:
        page = quiz(item["slug"])
        course = page.get_parent().specific
        assert course.slug == item["course"]
        assert course.outline()[-1].pk == page.pk
        assert page.get_latest_revision() is not None
        assert page.title == item["title"]


def test_the_knowledge_check(seeded):
    page = quiz("knowledge-check")
    assert page.pass_mark == 70
    assert page.attempts_allowed is None
    assert page.grading_method == "highest"
    assert page.time_limit_minutes is None
    assert page.review_when == "immediately"
    assert page.review_show_score and page.review_show_correct
    assert page.review_show_feedback
    slots = list(page.slots.all())
    assert len(slots) >= 8
    assert all(not slot.is_random for slot in slots)
    kinds = {slot.question.kind for slot in slots}
    assert {"ordering", "gapfill", "matching", "multiple", "numeric"} <= kinds


def test_the_timed_quiz(seeded):
    page = quiz("timed-quiz")
    assert page.time_limit_minutes == 10
    assert page.attempts_allowed == 2
    assert page.shuffle_questions and page.shuffle_options
    assert page.review_when == "immediately"
    assert page.review_show_score and not page.review_show_correct
    random_slots = [s for s in page.slots.all() if s.is_random]
    assert [(s.category.path, s.count) for s in random_slots] == [("IHL", 3)]
    assert page.slots.filter(question__isnull=False).count() >= 3
    # The draw never runs short, whatever the seed.
    ihl = Question.objects.in_category(random_slots[0].category)
    fixed = page.slots.filter(question__isnull=False).count()
    for seed in range(25):
        snapshot = services.draw_questions(assessment=page, seed=seed)
        ids = [entry["question"] for entry in snapshot]
        assert len(ids) == len(set(ids)) == fixed + 3
        assert ihl.filter(pk__in=ids).count() == 3


def test_the_essay_quiz(seeded):
    page = quiz("assignment-escort-request")
    assert page.attempts_allowed == 1
    assert page.review_when == "immediately"
    essay = page.slots.get(question__kind=Kind.ESSAY)
    assert essay.mark == 5


def test_the_student_can_start_every_demo_quiz(seeded, client):
    student = User.objects.get(email="student@example.org")
    client.force_login(student)
    now = timezone.now()
    for item in QUIZZES:
        page = quiz(item["slug"])
        assert client.get(page.url).status_code == 200
        assert Enrollment.objects.filter(
            learner=student, course=page.get_parent(), status="active"
        ).exists()
        attempt = services.start_attempt(learner=student, assessment=page, now=now)
        expected = sum(slot.count if slot.is_random else 1 for slot in page.slots.all())
        assert len(attempt.questions_snapshot) == expected
        assert attempt.responses.count() == expected
        if page.time_limit_minutes:
            assert attempt.deadline_at == now + timedelta(minutes=10)
        else:
            assert attempt.deadline_at is None


def test_the_instructor_edits_the_quizzes_and_marks_the_essay(seeded, client):
    instructor = User.objects.get(email="instructor@example.org")
    student = User.objects.get(email="student@example.org")
    for item in QUIZZES:
        page = quiz(item["slug"])
        assert page.get_parent().specific.instructors.filter(pk=instructor.pk).exists()
        assert page.permissions_for_user(instructor).can_edit()
        assert page.permissions_for_user(instructor).can_publish()
        assert selectors.assessments_taught_by(instructor).filter(pk=page.pk).exists()
        bank = QuestionBank.objects.get(name=item["bank"])
        assert selectors.banks_for(instructor).filter(pk=bank.pk).exists()
    client.force_login(instructor)
    edit = client.get(f"/admin/pages/{quiz('timed-quiz').pk}/edit/")
    assert edit.status_code == 200

    page = quiz("assignment-escort-request")
    attempt = services.start_attempt(learner=student, assessment=page)
    essay_slot = next(
        e["slot"] for e in attempt.questions_snapshot if e["type"] == "essay"
    )
    services.save_answers(
        attempt=attempt,
        answers={essay_slot: "Escorts are a last resort; the NGO decides."},
    )
    services.submit_attempt(attempt=attempt)
    assert services.grade_attempt(attempt_id=attempt.pk)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.NEEDS_REVIEW
    response = selectors.grading_queue(instructor).get()
    assert response.slot == essay_slot
    services.grade_response(response=response, grader=instructor, score=Decimal(4))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    with pytest.raises(services.AttemptRefused):
        services.start_attempt(learner=student, assessment=page)


def test_a_second_run_adds_nothing(seeded):
    models = (
        QuestionBank,
        Category,
        Question,
        QuestionAnswer,
        AssessmentPage,
        AssessmentSlot,
        Enrollment,
        Page,
    )
    counts = [model.objects.count() for model in models]
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert [model.objects.count() for model in models] == counts
    assert "Added" not in out.getvalue()
    assert "Enrolled" not in out.getvalue()
    assert "No new question banks or quizzes." in out.getvalue()


def test_a_deleted_quiz_comes_back_from_its_bank(seeded):
    page = quiz("knowledge-check")
    slots = page.slots.count()
    # The demo cohort's learners have attempts, which protect the page.
    Attempt.objects.filter(assessment=page).delete()
    page.delete()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Added quiz 'Knowledge check'" in out.getvalue()
    assert "Added question bank" not in out.getvalue()
    assert quiz("knowledge-check").slots.count() == slots
