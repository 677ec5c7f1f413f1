"""Preview as a learner: a quiz drawn as for a new attempt, or one bank
question, answered and graded on the spot; nothing stored; instructors of the
course and page editors only."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from assessments.models import Attempt, Response
from questions.kinds import Kind
from tests.factories import UserFactory, make_bank, make_course, make_question, teach

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(course):
    user = UserFactory(role=Role.INSTRUCTOR)
    teach(course, user)
    return user


def _form(html: str) -> dict[str, str]:
    """The preview form's hidden fields, and each question's radio names to
    the token of the option whose text is shown after it."""
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
    )
    return fields


def _choice(html: str, slot: int, text: str) -> str:
    match = re.search(
        rf'name="q{slot}" value="([^"]+)"> <span><p>{re.escape(text)}</p></span>', html
    )
    assert match, f"no option {text!r} in question {slot}"
    return match.group(1)


def _slot_of(html: str, stem: str) -> int:
    match = re.search(
        rf'id="q(\d+)" data-slot="\d+">(?:(?!</fieldset>).)*{re.escape(stem)}',
        html,
        re.S,
    )
    assert match, stem
    return int(match.group(1))


def test_a_teacher_answers_the_quiz_and_sees_feedback_with_nothing_stored(
    client, teacher, quiz
):
    client.force_login(teacher)
    url = reverse("quiz_preview:quiz", args=[quiz.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Capital of France?" in html and "What does CIMIC stand for?" in html
    assert 'name="flag"' not in html  # a preview has nothing to flag
    capital = _slot_of(html, "Capital of France?")
    acronym = _slot_of(html, "What does CIMIC stand for?")
    data = _form(html)
    data[f"q{capital}"] = _choice(html, capital, "Paris")
    data[f"q{acronym}"] = "Civil-military cooperation"
    before = (Attempt.objects.count(), Response.objects.count())

    graded = client.post(url, data)

    assert graded.status_code == 200
    body = graded.content.decode()
    assert "FEEDBACK-RIGHT" in body and "FEEDBACK-SHORT" in body
    assert "GENERAL-FEEDBACK" in body
    assert "2\xa0/\xa02 · 100\xa0%" in body
    assert "passed" in body
    assert (Attempt.objects.count(), Response.objects.count()) == before == (0, 0)


def test_a_wrong_answer_is_graded_wrong_with_its_feedback(client, teacher, quiz):
    client.force_login(teacher)
    url = reverse("quiz_preview:quiz", args=[quiz.pk])
    html = client.get(url).content.decode()
    capital = _slot_of(html, "Capital of France?")
    data = _form(html)
    data[f"q{capital}"] = _choice(html, capital, "Lyon")
    body = client.post(url, data).content.decode()
    assert "FEEDBACK-WRONG" in body
    assert "not passed" in body
    assert not Attempt.objects.exists()


def test_the_same_seed_draws_the_same_questions_in_the_same_order(
    client, teacher, course, bank
):
    questions = [make_question(bank, stem=f"<p>Stem {n}</p>") for n in range(6)]
    from tests.factories import make_quiz

    quiz = make_quiz(course, slots=questions, shuffle_questions=True)
    client.force_login(teacher)
    url = reverse("quiz_preview:quiz", args=[quiz.pk])
    html = client.get(url).content.decode()
    seed = _form(html)["seed"]
    order = re.findall(r"<p>(Stem \d)</p>", html)
    answered = client.post(url, {"seed": seed}).content.decode()
    assert re.findall(r"<p>(Stem \d)</p>", answered) == order


def test_a_bad_seed_is_a_new_draw_not_an_error(client, teacher, quiz):
    client.force_login(teacher)
    url = reverse("quiz_preview:quiz", args=[quiz.pk])
    for seed in ("", "x", "-1", "9" * 40):
        response = client.post(url, {"seed": seed, "q1": "whatever"})
        assert response.status_code == 200
        assert b"Check my answers" in response.content


def test_an_overlong_answer_is_refused_not_graded(client, teacher, quiz):
    client.force_login(teacher)
    url = reverse("quiz_preview:quiz", args=[quiz.pk])
    html = client.get(url).content.decode()
    acronym = _slot_of(html, "What does CIMIC stand for?")
    data = _form(html)
    data[f"q{acronym}"] = "x" * 5000
    response = client.post(url, data)
    assert response.status_code == 400
    assert b"Nothing was graded" in response.content


def test_a_quiz_without_questions_says_so(client, teacher, course):
    from tests.factories import make_quiz

    empty = make_quiz(course, slots=[])
    client.force_login(teacher)
    response = client.get(reverse("quiz_preview:quiz", args=[empty.pk]))
    assert response.status_code == 200
    assert b"no questions yet" in response.content


def test_an_essay_waits_for_marking_in_the_preview(client, teacher, course, essay):
    from tests.factories import make_quiz

    quiz = make_quiz(course, slots=[essay])
    client.force_login(teacher)
    url = reverse("quiz_preview:quiz", args=[quiz.pk])
    data = _form(client.get(url).content.decode())
    data["q1"] = "My reflection."
    body = client.post(url, data).content.decode()
    assert "essays wait for marking" in body
    assert not Response.objects.exists()


def test_another_instructor_or_a_learner_gets_404(client, quiz, catalog, learner):
    other = UserFactory(role=Role.INSTRUCTOR)
    teach(make_course(catalog, title="Other", lessons=0), other)
    url = reverse("quiz_preview:quiz", args=[quiz.pk])
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.post(url, {"seed": "1"}).status_code == 404
    client.force_login(learner)
    assert client.get(url).status_code in (302, 403, 404)


def test_an_admin_previews_any_quiz(admin_client, quiz):
    response = admin_client.get(reverse("quiz_preview:quiz", args=[quiz.pk]))
    assert response.status_code == 200


def test_the_quiz_editor_offers_the_preview(client, teacher, quiz):
    client.force_login(teacher)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert reverse("quiz_preview:quiz", args=[quiz.pk]) in editor.content.decode()


def test_a_bank_question_previews_alone(client, teacher, short):
    client.force_login(teacher)
    url = reverse("quiz_preview:question", args=[short.pk])
    assert (
        url in client.get(reverse("questions:edit", args=[short.pk])).content.decode()
    )
    data = _form(client.get(url).content.decode())
    data["q1"] = "civil-military cooperation"
    body = client.post(url, data).content.decode()
    assert "FEEDBACK-SHORT" in body
    assert not Attempt.objects.exists()


def test_a_question_of_another_course_is_404(client, teacher, catalog):
    elsewhere = make_bank("Elsewhere", course=make_course(catalog, lessons=0))
    question = make_question(elsewhere, kind=Kind.SINGLE)
    client.force_login(teacher)
    url = reverse("quiz_preview:question", args=[question.pk])
    assert client.get(url).status_code == 404


# Measured: session, user, the quiz and its scope check, its original, the
# draw version; the draw itself is cached as for learners.
PREVIEW_BUDGET = 13


def test_the_preview_does_not_grow_with_the_quiz(client, teacher, course, bank):
    from tests.budgets import queries_for
    from tests.factories import make_quiz

    client.force_login(teacher)
    counts = []
    for size in (2, 30):
        quiz = make_quiz(course, slots=[make_question(bank) for _ in range(size)])
        counts.append(queries_for(client, reverse("quiz_preview:quiz", args=[quiz.pk])))
    assert counts[0] == counts[1], counts
    assert counts[0] <= PREVIEW_BUDGET, counts
