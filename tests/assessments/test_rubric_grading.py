"""Marking essays in the admin: the rubric beside the answer computes the
score, "save and next" walks the queue with its filters kept in the address,
a score error is shown once, another course's essay is a 404, and the learner
is still notified."""

import re
from decimal import Decimal
from fractions import Fraction

import pytest

from accounts.models import Role
from assessments import services
from assessments.grading import rubric_score
from courses.services import sync_instructor_permissions
from notifications.models import Notification
from questions.kinds import Kind
from questions.models import RubricLevel
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)

pytestmark = pytest.mark.django_db
QUEUE = "/admin/assessments/grading/"


def test_rubric_score_scales_the_chosen_points_to_the_mark():
    # Two criteria worth 4 and 2; levels 3 and 2 chosen: 5 of 6, on a mark of 12.
    assert rubric_score(
        [Fraction(3), Fraction(2)], [Fraction(4), Fraction(2)], Fraction(12)
    ) == Fraction(10)
    assert rubric_score([Fraction(0)], [Fraction(4)], Fraction(5)) == 0
    assert rubric_score([Fraction(0)], [Fraction(0)], Fraction(5)) == 0
    with pytest.raises(ValueError):
        rubric_score([Fraction(1)], [], Fraction(5))


@pytest.fixture
def teacher(course):
    user = UserFactory(role=Role.INSTRUCTOR)
    course.instructors = [user]
    course.save()
    sync_instructor_permissions(course=course)
    return user


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture
def rubric(essay):
    essay.general_feedback = "<p>KEY: name the three CIMIC functions.</p>"
    essay.save()
    rows = [
        ("Content", "Missing", 0),
        ("Content", "Partial", 2),
        ("Content", "Complete", 4),
        ("Clarity", "Unclear", 0),
        ("Clarity", "Clear", 1),
    ]
    return [
        RubricLevel.objects.create(
            question=essay, criterion=c, level=lv, points=p, sort_order=i
        )
        for i, (c, lv, p) in enumerate(rows)
    ]


def submitted(quiz, learners, capture):
    responses = []
    for learner in learners:
        attempt = services.start_attempt(learner=learner, assessment=quiz)
        services.save_answers(attempt=attempt, answers={1: f"Essay by {learner.email}"})
        with capture(execute=True):
            services.submit_attempt(attempt=attempt)
        responses.append(attempt.responses.get())
    return responses


def test_the_rubric_beside_the_essay_computes_the_score_and_save_and_next(
    teacher_client, course, catalog, essay, rubric, django_capture_on_commit_callbacks
):
    quiz = make_quiz(course, slots=[essay])
    other = make_quiz(
        course,
        slots=[make_question(make_bank(course=course), kind=Kind.ESSAY, answers=[])],
    )
    learners = [UserFactory() for _ in range(3)]
    first, second = submitted(quiz, learners[:2], django_capture_on_commit_callbacks)
    (elsewhere,) = submitted(other, learners[2:], django_capture_on_commit_callbacks)

    queue = teacher_client.get(QUEUE, {"quiz": quiz.pk}).content.decode()
    assert learners[0].email in queue and learners[2].email not in queue
    assert f'href="/admin/assessments/grading/{first.pk}/?quiz={quiz.pk}"' in queue

    url = f"{QUEUE}{first.pk}/?quiz={quiz.pk}"
    page = teacher_client.get(url).content.decode()
    # The answer key and the rubric beside the answer.
    assert "KEY: name the three CIMIC functions." in page
    assert "Complete (4 points)" in page and "Clear (1 point)" in page
    content, clarity = "rubric_1", "rubric_2"
    with django_capture_on_commit_callbacks(execute=True):
        saved = teacher_client.post(
            url,
            {content: rubric[1].pk, clarity: rubric[4].pk, "score": "", "next": "1"},
        )
    # Partial (2) + Clear (1) = 3 of 5 rubric points, on a mark of 5: 3.
    first.refresh_from_db()
    assert first.score == Decimal("3")
    # The next essay of the same quiz, the filter kept; not the other quiz's.
    assert saved["Location"] == f"{QUEUE}{second.pk}/?quiz={quiz.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        last = teacher_client.post(
            saved["Location"],
            {content: rubric[2].pk, clarity: rubric[4].pk, "next": "1"},
        )
    second.refresh_from_db()
    assert second.score == Decimal("5")
    assert last["Location"] == f"{QUEUE}?quiz={quiz.pk}"
    # The learners are still told their essay was graded.
    assert (
        Notification.objects.filter(
            kind="essay_graded", recipient__in=learners[:2]
        ).count()
        == 2
    )
    elsewhere.refresh_from_db()
    assert elsewhere.needs_review


def test_a_partial_rubric_is_refused_beside_the_criterion(
    teacher_client, course, essay, rubric, django_capture_on_commit_callbacks
):
    quiz = make_quiz(course, slots=[essay])
    (response,) = submitted(quiz, [UserFactory()], django_capture_on_commit_callbacks)
    page = teacher_client.post(f"{QUEUE}{response.pk}/", {"rubric_1": rubric[2].pk})
    assert page.status_code == 200
    errors = page.context["form"].errors
    assert errors == {
        "rubric_2": ["Choose a level for each criterion, or type the score."]
    }
    # A level of another criterion (or question) is not one of the choices.
    page = teacher_client.post(
        f"{QUEUE}{response.pk}/", {"rubric_1": rubric[4].pk, "rubric_2": 999999}
    )
    assert page.status_code == 200
    assert "rubric_1" in page.context["form"].errors


def test_a_score_error_is_shown_once_beside_the_field(
    teacher_client, course, essay, django_capture_on_commit_callbacks
):
    quiz = make_quiz(course, slots=[essay])
    (response,) = submitted(quiz, [UserFactory()], django_capture_on_commit_callbacks)
    body = teacher_client.post(
        f"{QUEUE}{response.pk}/", {"score": "9", "comment": ""}
    ).content.decode()
    assert body.count("The score cannot be more than 5.") == 1


def test_an_instructor_cannot_grade_another_courses_essay(
    teacher_client, catalog, django_capture_on_commit_callbacks
):
    elsewhere = make_course(catalog, title="Elsewhere", lessons=0)
    essay = make_question(make_bank(course=elsewhere), kind=Kind.ESSAY, answers=[])
    quiz = make_quiz(elsewhere, slots=[essay])
    (response,) = submitted(quiz, [UserFactory()], django_capture_on_commit_callbacks)
    assert teacher_client.get(f"{QUEUE}{response.pk}/").status_code == 404
    assert (
        teacher_client.post(f"{QUEUE}{response.pk}/", {"score": "1"}).status_code == 404
    )
    response.refresh_from_db()
    assert response.needs_review
    # A filter naming their quiz is ignored, never an error or a leak.
    queue = teacher_client.get(QUEUE, {"quiz": quiz.pk, "course": "9" * 30})
    assert queue.status_code == 200


def test_the_rubric_is_read_from_the_live_question(
    teacher_client, course, essay, rubric, django_capture_on_commit_callbacks
):
    """The rubric is the question's as it is now, not a copy taken when the
    essay was submitted: a level renamed and a criterion added after the
    submission are what the grader sees and marks with."""
    quiz = make_quiz(course, slots=[essay])
    (response,) = submitted(quiz, [UserFactory()], django_capture_on_commit_callbacks)
    rubric[2].level = "Thorough"
    rubric[2].save()
    sources = RubricLevel.objects.create(
        question=essay, criterion="Sources", level="Cited", points=5, sort_order=9
    )
    url = f"{QUEUE}{response.pk}/"
    page = teacher_client.get(url).content.decode()
    assert "Thorough (4 points)" in page and "Complete (4 points)" not in page
    assert "Sources" in page and "Cited (5 points)" in page
    with django_capture_on_commit_callbacks(execute=True):
        saved = teacher_client.post(
            url,
            {
                "rubric_1": rubric[2].pk,
                "rubric_2": rubric[3].pk,
                "rubric_3": sources.pk,
            },
        )
    assert saved.status_code == 302
    response.refresh_from_db()
    # Thorough 4 + Unclear 0 + Cited 5 = 9 of 10 rubric points, on a mark of 5.
    assert response.score == Decimal("4.5")


def test_the_grade_page_in_french(
    teacher, teacher_client, course, essay, rubric, django_capture_on_commit_callbacks
):
    """The admin follows the grader's language: the rubric, the labels of
    the score, the comment and the buttons are French."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "fr"
    profile.save()
    quiz = make_quiz(course, slots=[essay])
    (response,) = submitted(quiz, [UserFactory()], django_capture_on_commit_callbacks)
    page = teacher_client.get(f"{QUEUE}{response.pk}/").content.decode()
    labels = {
        name: " ".join(text.split())
        for name, text in re.findall(
            r'<label[^>]*for="id_(\w+)"[^>]*>(.*?)<', page, flags=re.S
        )
    }
    assert labels["score"] == "Note" and labels["comment"] == "Commentaire"
    for french in (
        "Grille d\u2019évaluation",
        "Enregistrer la note",
        "Enregistrer et corriger la suivante",
        "Corrigé et consignes de correction",
        "Complete (4 points)",
    ):
        assert french in page, french
    for english in ("Save mark", "Answer key", "Back to the queue", "Rubric<"):
        assert english not in page, english
