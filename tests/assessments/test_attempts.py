from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments import services
from assessments.models import Attempt, ExtraTime, GradeChange, RegradeEntry, Response
from assessments.signals import attempt_graded
from questions import services as bank
from questions.models import Category
from tests.factories import make_question, make_quiz, teach

pytestmark = pytest.mark.django_db


def answer_key(attempt, slot, *, right=True):
    """The id of a right (or wrong) choice in the attempt's own snapshot."""
    entry = attempt.questions_snapshot[slot - 1]
    return next(c["id"] for c in entry["choices"] if (c["fraction"] == "1") == right)


def slot_of(attempt, question):
    return next(
        e["slot"] for e in attempt.questions_snapshot if e["question"] == question.pk
    )


def test_start_freezes_questions_into_the_snapshot(quiz, learner, single):
    attempt = services.start_attempt(learner=learner, assessment=quiz)

    assert attempt.number == 1
    assert [e["question"] for e in attempt.questions_snapshot] == [
        s.question_id for s in quiz.slots.all()
    ]
    assert attempt.responses.count() == 2
    assert attempt.max_score == Decimal(2)
    single.answers.update(text="<p>Changed</p>")
    attempt.refresh_from_db()
    texts = [c["text"] for c in attempt.questions_snapshot[0]["choices"]]
    assert "<p>Changed</p>" not in texts


def test_start_twice_resumes_the_attempt_in_progress(quiz, learner):
    first = services.start_attempt(learner=learner, assessment=quiz)
    again = services.start_attempt(learner=learner, assessment=quiz)
    assert again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_attempts_allowed_is_enforced(quiz, learner):
    quiz.attempts_allowed = 1
    quiz.save()
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    services.submit_attempt(attempt=attempt)
    with pytest.raises(services.AttemptRefused, match="used all your attempts"):
        services.start_attempt(learner=learner, assessment=quiz)


def test_a_closed_quiz_cannot_be_started(quiz, learner):
    quiz.closes_at = timezone.now() - timedelta(minutes=1)
    quiz.save()
    with pytest.raises(services.AttemptRefused, match="not open"):
        services.start_attempt(learner=learner, assessment=quiz)


def test_random_slot_draws_distinct_questions_from_the_category_tree(
    course, bank, learner
):
    parent = Category.objects.create(bank=bank, path="Law")
    child = Category.objects.create(bank=bank, path="Law/IHL")
    other = Category.objects.create(bank=bank, path="Lawyers")  # prefix, not child
    pool = [make_question(bank, category=parent), make_question(bank, category=child)]
    make_question(bank, category=other)
    quiz = make_quiz(course, slots=[{"category": parent, "count": 2}])

    attempt = services.start_attempt(learner=learner, assessment=quiz)

    drawn = sorted(e["question"] for e in attempt.questions_snapshot)
    assert drawn == sorted(q.pk for q in pool)


def test_random_slot_by_tag_and_too_few_questions(course, bank, learner):
    tagged = make_question(bank, tags=("ihl",))
    make_question(bank)
    quiz = make_quiz(course, slots=[{"tag": "IHL", "count": 1}])
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    assert [e["question"] for e in attempt.questions_snapshot] == [tagged.pk]

    greedy = make_quiz(course, slots=[{"tag": "ihl", "count": 2}])
    with pytest.raises(services.QuizMisconfigured, match="only 1 are available"):
        services.start_attempt(learner=learner, assessment=greedy)


def test_the_seed_reproduces_the_draw_and_the_shuffles(course, bank):
    questions = [make_question(bank) for _ in range(6)]
    category = questions[0].category
    quiz = make_quiz(
        course,
        slots=[{"category": category, "count": 4}],
        shuffle_questions=True,
        shuffle_options=True,
    )
    first = services.draw_questions(assessment=quiz, seed=42)
    assert services.draw_questions(assessment=quiz, seed=42) == first
    others = [services.draw_questions(assessment=quiz, seed=s) for s in range(1, 8)]
    assert any(o != first for o in others)


def test_submit_grades_in_the_background_once(
    quiz, learner, single, short, django_capture_on_commit_callbacks
):
    received = []
    attempt_graded.connect(lambda **kw: received.append(kw["attempt"].pk), weak=False)
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    services.save_answers(
        attempt=attempt,
        answers={
            slot_of(attempt, single): answer_key(attempt, slot_of(attempt, single)),
            slot_of(attempt, short): "  Civil-Military   COOPERATION ",
        },
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.submit_attempt(attempt=attempt) is True
        assert services.submit_attempt(attempt=attempt) is False

    attempt.refresh_from_db()
    assert len([c for c in callbacks if c]) >= 1
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.score == Decimal(2)
    assert attempt.percent == Decimal(100)
    assert attempt.passed is True
    assert received == [attempt.pk]
    # A retried task finds nothing to do.
    assert services.grade_attempt(attempt_id=attempt.pk) is False
    assert received == [attempt.pk]
    attempt.refresh_from_db()
    assert attempt.times_graded == 1


def test_wrong_answers_score_zero_and_keep_feedback(
    quiz, learner, single, django_capture_on_commit_callbacks
):
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    slot = slot_of(attempt, single)
    services.save_answers(
        attempt=attempt, answers={slot: answer_key(attempt, slot, right=False)}
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    response = attempt.responses.get(slot=slot)
    assert response.score == 0
    assert "FEEDBACK-WRONG" in response.feedback
    assert attempt.passed is False


def test_answers_after_the_deadline_are_refused_and_the_attempt_submitted(
    quiz, learner, django_capture_on_commit_callbacks
):
    quiz.time_limit_minutes = 10
    quiz.save()
    start = timezone.now()
    attempt = services.start_attempt(learner=learner, assessment=quiz, now=start)
    assert attempt.deadline_at == start + timedelta(minutes=10)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.AttemptClosed, match="Time is up"),
    ):
        services.save_answers(
            attempt=attempt,
            answers={1: "late"},
            now=start + timedelta(minutes=10, seconds=1),
        )
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.auto_submitted is True
    assert attempt.submitted_at == attempt.deadline_at
    assert not Response.objects.filter(attempt=attempt, answer="late").exists()


def test_extra_time_and_the_close_date_shape_the_deadline(quiz, learner):
    now = timezone.now()
    quiz.time_limit_minutes = 30
    quiz.closes_at = now + timedelta(hours=2)
    quiz.save()
    ExtraTime.objects.create(assessment=quiz, learner=learner, minutes=15)
    attempt = services.start_attempt(learner=learner, assessment=quiz, now=now)
    assert attempt.deadline_at == now + timedelta(minutes=45)

    quiz.closes_at = now + timedelta(minutes=20)
    quiz.save()
    services.submit_attempt(attempt=attempt)
    second = services.start_attempt(learner=learner, assessment=quiz, now=now)
    assert second.deadline_at == quiz.closes_at


def test_the_sweep_submits_attempts_whose_learner_never_returned(
    quiz, learner, django_capture_on_commit_callbacks
):
    quiz.time_limit_minutes = 5
    quiz.save()
    start = timezone.now() - timedelta(minutes=6)
    attempt = services.start_attempt(learner=learner, assessment=quiz, now=start)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.submit_expired_attempts() == 1
        assert services.submit_expired_attempts() == 0
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.auto_submitted


def test_stuck_submitted_attempts_are_requeued_and_graded(quiz, learner):
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    # As if the broker lost the task: submitted without grading.
    Attempt.objects.filter(pk=attempt.pk).update(
        status=Attempt.Status.SUBMITTED,
        submitted_at=timezone.now() - timedelta(minutes=10),
    )
    assert services.requeue_stuck_attempts() == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED


def test_an_essay_waits_for_the_instructor_then_the_grade_is_final(
    course, single, essay, learner, instructor, django_capture_on_commit_callbacks
):
    quiz = make_quiz(course, slots=[single, essay])
    received = []
    attempt_graded.connect(lambda **kw: received.append(kw["attempt"].pk), weak=False)
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    services.save_answers(
        attempt=attempt,
        answers={
            slot_of(attempt, single): answer_key(attempt, slot_of(attempt, single)),
            slot_of(attempt, essay): "Coordination saves lives.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.NEEDS_REVIEW
    assert attempt.passed is None
    assert received == []

    response = attempt.responses.get(slot=slot_of(attempt, essay))
    with django_capture_on_commit_callbacks(execute=True):
        services.grade_response(
            response=response, grader=instructor, score=Decimal(4), comment="Good"
        )
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.score == Decimal(5)
    assert attempt.max_score == Decimal(6)
    assert received == [attempt.pk]
    change = GradeChange.objects.get(response=response)
    assert (change.source, change.old_score, change.new_score, change.changed_by) == (
        "manual",
        None,
        Decimal(4),
        instructor,
    )


def test_an_override_needs_a_reason_and_is_audited(
    quiz, learner, instructor, django_capture_on_commit_callbacks
):
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_attempt(attempt=attempt)
    response = attempt.responses.get(slot=1)
    with pytest.raises(ValueError, match="Say why"):
        services.grade_response(response=response, grader=instructor, score=Decimal(1))
    with pytest.raises(ValueError, match="between 0 and 1"):
        services.grade_response(
            response=response, grader=instructor, score=Decimal(2), reason="x"
        )
    services.grade_response(
        response=response, grader=instructor, score=Decimal(1), reason="Appeal upheld"
    )
    attempt.refresh_from_db()
    assert attempt.score == Decimal(1)
    change = GradeChange.objects.get(response=response)
    assert (change.source, change.old_score, change.reason) == (
        "override",
        Decimal(0),
        "Appeal upheld",
    )


def test_regrade_dry_run_reports_then_apply_changes_scores(
    quiz, single, learner, instructor, django_capture_on_commit_callbacks
):
    teach(quiz.get_parent().specific, instructor)
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    slot = slot_of(attempt, single)
    wrong = answer_key(attempt, slot, right=False)
    services.save_answers(attempt=attempt, answers={slot: wrong})
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.score == 0

    # The key was wrong: "Lyon" also deserves full marks.
    single.answers.filter(text="<p>Lyon</p>").update(fraction=1)
    bank.bump_question_version(question=single)
    single.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        regrade = services.plan_regrade(question=single, requested_by=instructor)
    regrade.refresh_from_db()
    assert regrade.status == "planned"
    assert regrade.attempts_checked == 1
    assert [(c["attempt"], c["old"], c["new"]) for c in regrade.changes] == [
        (attempt.pk, "0", "1")
    ]
    attempt.refresh_from_db()
    assert attempt.score == 0  # a dry run changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        assert services.apply_regrade(regrade=regrade) is True
    regrade.refresh_from_db()
    attempt.refresh_from_db()
    assert regrade.status == "applied"
    assert attempt.score == Decimal(1)
    # The snapshot stays what the learner saw; the new key is in the history.
    entry = attempt.questions_snapshot[slot - 1]
    assert [c["fraction"] for c in entry["choices"]].count("1") == 1
    assert RegradeEntry.objects.filter(response__attempt=attempt).count() == 1
    assert all(c["fraction"] == "1" for c in regrade.key["choices"])
    assert GradeChange.objects.filter(source="regrade").count() == 1
    assert services.apply_regrade(regrade=regrade) is False
