"""Issue 17, item 8: a regrade never rewrites what was asked. Each regraded
response gets a history line (the key version and score before and after, the
key now in effect, who and when); the snapshot stays what the learner saw, and
review shows it with the corrected key and score."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments import selectors, services
from assessments.models import GradeChange, RegradeEntry
from questions import services as bank
from tests.factories import teach

pytestmark = pytest.mark.django_db


def submitted(quiz, learner, question, capture, *, right):
    """A graded attempt whose answer to `question` is right (or wrong) under
    the key it was asked with."""
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    entry = next(e for e in attempt.questions_snapshot if e["question"] == question.pk)
    choice = next(c["id"] for c in entry["choices"] if (c["fraction"] == "1") == right)
    services.save_answers(attempt=attempt, answers={entry["slot"]: choice})
    with capture(execute=True):
        services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    return attempt, entry["slot"]


def correct_the_key(question, *, lyon_right=True):
    """The author's edit: Lyon deserves full marks too (or no longer), and the
    stem is reworded on the way."""
    question.answers.filter(text="<p>Lyon</p>").update(fraction=int(lyon_right))
    question.stem = "<p>Which city is the capital of France?</p>"
    question.save()
    bank.bump_question_version(question=question)
    question.refresh_from_db()


def regrade(question, requester, capture):
    with capture(execute=True):
        planned = services.plan_regrade(question=question, requested_by=requester)
    with capture(execute=True):
        assert services.apply_regrade(regrade=planned) is True
    planned.refresh_from_db()
    assert planned.status == "applied"
    return planned


@pytest.fixture
def wrong(quiz, single, enrolled, instructor, django_capture_on_commit_callbacks):
    """An attempt that chose Lyon, wrong under the key it was asked with."""
    teach(quiz.get_parent().specific, instructor)
    attempt, slot = submitted(
        quiz, enrolled, single, django_capture_on_commit_callbacks, right=False
    )
    assert attempt.score == 0
    return attempt, slot


def test_a_regrade_appends_history_and_leaves_the_snapshot_as_asked(
    wrong, single, instructor, django_capture_on_commit_callbacks
):
    attempt, slot = wrong
    asked = attempt.questions_snapshot
    correct_the_key(single)

    applied = regrade(single, instructor, django_capture_on_commit_callbacks)

    attempt.refresh_from_db()
    assert attempt.questions_snapshot == asked  # what the learner saw
    assert attempt.score == Decimal(1)  # the grade follows the corrected key
    line = RegradeEntry.objects.get(response__attempt=attempt)
    assert line.response.slot == slot  # the other question has no line
    assert (
        line.regrade,
        line.old_version,
        line.new_version,
        line.old_score,
        line.new_score,
        line.changed_by,
    ) == (applied, 1, 2, Decimal(0), Decimal(1), instructor)
    assert line.changed_at is not None
    # The corrected key, stored once on the regrade.
    assert applied.key["version"] == 2
    assert all(c["fraction"] == "1" for c in applied.key["choices"])
    assert applied.key["stem"] == "<p>Which city is the capital of France?</p>"
    # Under it, this slot keeps its mark and the order the learner saw.
    seen = asked[slot - 1]
    now = selectors.regraded_keys(attempt)[slot].key
    assert (now["slot"], now["mark"]) == (slot, seen["mark"])
    assert [c["id"] for c in now["choices"]] == [c["id"] for c in seen["choices"]]
    assert all(c["fraction"] == "1" for c in now["choices"])
    assert GradeChange.objects.filter(source="regrade").count() == 1


def test_a_second_regrade_appends_a_second_line(
    wrong, single, instructor, django_capture_on_commit_callbacks
):
    attempt, _slot = wrong
    asked = attempt.questions_snapshot
    correct_the_key(single)
    first = regrade(single, instructor, django_capture_on_commit_callbacks)
    correct_the_key(single, lyon_right=False)  # the correction was wrong
    second = regrade(single, instructor, django_capture_on_commit_callbacks)

    attempt.refresh_from_db()
    assert attempt.score == 0
    assert attempt.questions_snapshot == asked
    lines = list(RegradeEntry.objects.filter(response__attempt=attempt))
    assert [
        (
            line.regrade,
            line.old_version,
            line.new_version,
            line.old_score,
            line.new_score,
        )
        for line in lines
    ] == [
        (first, 1, 2, Decimal(0), Decimal(1)),
        (second, 2, 3, Decimal(1), Decimal(0)),
    ]


def test_an_unchanged_score_still_records_the_key_in_effect(
    quiz, single, enrolled, instructor, django_capture_on_commit_callbacks
):
    teach(quiz.get_parent().specific, instructor)
    attempt, _slot = submitted(
        quiz, enrolled, single, django_capture_on_commit_callbacks, right=True
    )
    correct_the_key(single)
    applied = regrade(single, instructor, django_capture_on_commit_callbacks)

    assert applied.changes == []
    line = RegradeEntry.objects.get(response__attempt=attempt)
    assert (line.old_score, line.new_score) == (Decimal(1), Decimal(1))
    assert line.new_version == 2
    assert not GradeChange.objects.exists()


def test_a_dry_run_writes_no_history(
    wrong, single, instructor, django_capture_on_commit_callbacks
):
    correct_the_key(single)
    with django_capture_on_commit_callbacks(execute=True):
        planned = services.plan_regrade(question=single, requested_by=instructor)
    planned.refresh_from_db()
    assert planned.status == "planned" and len(planned.changes) == 1
    assert not RegradeEntry.objects.exists()


def test_review_shows_what_was_asked_with_the_corrected_key_and_score(
    client,
    quiz,
    wrong,
    single,
    enrolled,
    instructor,
    django_capture_on_commit_callbacks,
):
    attempt, _slot = wrong
    client.force_login(enrolled)
    review = quiz.url + quiz.reverse_subpage("review", args=[attempt.number])
    before = client.get(review).content.decode()
    assert before.count('aria-hidden="true">✓</span>correct</span>') == 1  # Paris
    assert "Regraded on" not in before

    correct_the_key(single)
    regrade(single, instructor, django_capture_on_commit_callbacks)

    page = client.get(review).content.decode()
    assert "Capital of France?" in page  # the stem the learner read
    assert "Which city is the capital of France?" not in page
    assert "Regraded on" in page
    # Paris and Lyon are both right under the key the score follows now.
    assert page.count('aria-hidden="true">✓</span>correct</span>') == 2
    assert '<dd id="attempt-score"><span class="grade">1\xa0/\xa02 · 50\xa0%' in page


def test_the_attempt_admin_page_lists_the_history(
    client, wrong, single, instructor, django_capture_on_commit_callbacks
):
    attempt, _slot = wrong
    correct_the_key(single)
    regrade(single, instructor, django_capture_on_commit_callbacks)

    client.force_login(instructor)
    page = client.get(
        reverse("assessments_admin:attempt", args=[attempt.pk])
    ).content.decode()
    assert 'class="regrade-history"' in page
    assert f"Regrade by {instructor}" in page
    assert "key version 1 → 2, 0 → 1" in page


def test_a_regrade_whose_completion_step_is_lost_leaves_it_to_the_reconciler(
    wrong, single, instructor, django_capture_on_commit_callbacks
):
    """The regrade's chunk marks the attempts it rescores as waiting for the
    completion step, as grading does: a worker lost after the chunk commits
    and before `attempts_regraded` reaches the enrolments task loses nothing."""
    from enrollments import services as enrollment_services

    attempt, _ = wrong
    correct_the_key(single)
    with django_capture_on_commit_callbacks(execute=True):
        planned = services.plan_regrade(question=single, requested_by=instructor)
    planned.refresh_from_db()
    planned.status = "applying"
    planned.save(update_fields=["status"])
    # The chunk runs; its commit callbacks (the signal) are dropped.
    with django_capture_on_commit_callbacks(execute=False) as dropped:
        services.run_regrade(regrade_id=planned.pk, apply=True)
    assert dropped  # the signal that was lost
    attempt.refresh_from_db()
    assert attempt.score == Decimal(1) and attempt.completion_pending is True
    enrollment_services.update_completion_after_attempts(attempt_ids=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.completion_pending is False
