"""Issue 16: a question of a shared bank is asked in other courses' quizzes. A
regrade is planned and applied only over the attempts its requester may see
(quizzes of the courses they teach, `selectors.scoped`); the others stay as
they are and the regrade says how many were left out."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import Role
from assessments import services
from assessments.models import Attempt, GradeChange, RegradeEntry
from questions import services as bank
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
    teach,
)

pytestmark = pytest.mark.django_db


def wrong_attempt(quiz, learner, capture):
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    entry = attempt.questions_snapshot[0]
    wrong = next(c["id"] for c in entry["choices"] if c["fraction"] != "1")
    services.save_answers(attempt=attempt, answers={1: wrong})
    with capture(execute=True):
        services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.score == 0
    return attempt


@pytest.fixture
def shared(catalog, django_capture_on_commit_callbacks):
    """One question of a bank shared by all instructors, asked in a quiz of
    each of two courses with different instructors; a wrong attempt in each."""
    mine = make_course(catalog, title="Mine", lessons=1)
    theirs = make_course(catalog, title="Theirs", lessons=1)
    teacher = UserFactory(role=Role.INSTRUCTOR)
    colleague = UserFactory(role=Role.INSTRUCTOR)
    teach(mine, teacher)
    teach(theirs, colleague)
    question = make_question(
        make_bank("Shared bank"),
        title="Capital",
        answers=[
            {"text": "<p>Paris</p>", "fraction": 1},
            {"text": "<p>Lyon</p>", "fraction": 0},
        ],
    )
    capture = django_capture_on_commit_callbacks
    inside = wrong_attempt(
        make_quiz(mine, title="Mine quiz", slots=[question]),
        UserFactory(role=Role.STUDENT, email="inside@example.org"),
        capture,
    )
    outside = wrong_attempt(
        make_quiz(theirs, title="Their quiz", slots=[question]),
        UserFactory(role=Role.STUDENT, email="outside@example.org"),
        capture,
    )
    # The key was wrong: Lyon deserves full marks too.
    question.answers.update(fraction=1)
    bank.bump_question_version(question=question)
    question.refresh_from_db()
    return question, teacher, colleague, inside, outside


def test_a_regrade_plans_and_applies_only_the_requesters_attempts(
    shared, django_capture_on_commit_callbacks
):
    question, teacher, _colleague, inside, outside = shared
    with django_capture_on_commit_callbacks(execute=True):
        regrade = services.plan_regrade(question=question, requested_by=teacher)
    regrade.refresh_from_db()
    assert regrade.status == "planned"
    assert (regrade.attempts_checked, regrade.attempts_left_out) == (1, 1)
    assert [c["attempt"] for c in regrade.changes] == [inside.pk]
    assert "outside@example.org" not in str(regrade.changes)

    snapshot = Attempt.objects.get(pk=outside.pk).questions_snapshot
    with django_capture_on_commit_callbacks(execute=True):
        assert services.apply_regrade(regrade=regrade) is True
    regrade.refresh_from_db()
    assert regrade.status == "applied" and regrade.attempts_left_out == 1
    inside.refresh_from_db()
    outside.refresh_from_db()
    assert inside.score == Decimal(1)
    assert outside.score == 0  # another course's grade is not touched
    assert not GradeChange.objects.filter(response__attempt=outside).exists()
    assert outside.questions_snapshot == snapshot  # nor its record
    assert not RegradeEntry.objects.filter(response__attempt=outside).exists()
    assert RegradeEntry.objects.filter(response__attempt=inside).count() == 1


def test_the_dry_run_page_counts_the_left_out_and_names_none_of_them(
    client, shared, django_capture_on_commit_callbacks
):
    question, teacher, colleague, _inside, _outside = shared
    client.force_login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("assessments_admin:regrade_question", args=[question.pk])
        )
    page = client.get(response.url).content.decode()
    assert "inside@example.org" in page
    assert "outside@example.org" not in page
    assert "1 attempt in a course its requester does not teach" in page
    # The colleague sharing the bank can neither read nor apply it.
    regrade = question.regrades.get()
    client.force_login(colleague)
    detail = reverse("assessments_admin:regrade", args=[regrade.pk])
    assert client.get(detail).status_code == 404
    apply = reverse("assessments_admin:regrade_apply", args=[regrade.pk])
    assert client.post(apply).status_code == 404
    regrade.refresh_from_db()
    assert regrade.status == "planned"


def test_an_admins_regrade_reaches_every_course(
    shared, django_capture_on_commit_callbacks
):
    question, _teacher, _colleague, inside, outside = shared
    admin = UserFactory(is_superuser=True, is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        regrade = services.plan_regrade(question=question, requested_by=admin)
    regrade.refresh_from_db()
    assert (regrade.attempts_checked, regrade.attempts_left_out) == (2, 0)
    assert {c["attempt"] for c in regrade.changes} == {inside.pk, outside.pk}
