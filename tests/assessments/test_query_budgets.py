"""Quiz pages run a fixed number of queries, whatever the size of the quiz, the
number of attempts or the length of the grading queue."""

from typing import cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from assessments import services
from assessments.models import Response
from enrollments.services import enroll
from questions.kinds import Kind
from questions.models import Category, Question, RubricLevel
from tests.budgets import LARGE, SMALL, queries_for
from tests.factories import UserFactory, make_question, make_quiz, teach

pytestmark = pytest.mark.django_db

# Measured; most of each is Wagtail routing (one query per tree level) and the
# session, user and permission lookups every page makes.
BUDGETS = {
    "overview": 17,
    "take": 18,
    "summary": 18,
    "confirm": 18,
    # +7: the next step after the review reads the course's progress under
    # the one rule (the outline, the learner's lesson, quiz and SCORM facts).
    "review": 25,
    "status": 16,
    # The admin's (measured at SMALL and LARGE): session, user, permissions,
    # the user's courses, then the queue's rows (one query with their
    # learners and quizzes); the marking page's response, its snapshot's
    # rubric (one query) and history; the chooser's banks, categories and tags
    # for its filters and one page of rows; the import's job.
    "queue": 11,
    "marking": 12,
    "chooser": 9,
    "import": 10,
}


def grow_quiz(course, bank, size: int):
    questions = [make_question(bank) for _ in range(size)]
    questions += [
        make_question(
            bank, kind=Kind.SHORT_ANSWER, answers=[{"text": "x", "fraction": 1}]
        )
        for _ in range(size)
    ]
    return make_quiz(course, slots=questions)


def finished_attempt(learner, quiz, capture):
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    with capture(execute=True):
        services.submit_attempt(attempt=attempt)
    return attempt


def test_learner_pages_do_not_grow_with_the_quiz(
    client, course, bank, learner, django_capture_on_commit_callbacks
):
    enroll(learner=learner, course=course)
    client.force_login(learner)
    counts = {}
    for size in (2, 40):
        quiz = grow_quiz(course, bank, size)
        done = finished_attempt(learner, quiz, django_capture_on_commit_callbacks)
        open_attempt = services.start_attempt(learner=learner, assessment=quiz)
        base = quiz.url
        counts[size] = {
            "overview": queries_for(client, base),
            "take": queries_for(client, base + f"attempt/{open_attempt.number}/"),
            "summary": queries_for(
                client, base + f"attempt/{open_attempt.number}/summary/"
            ),
            "confirm": queries_for(
                client, base + f"attempt/{open_attempt.number}/confirm/"
            ),
            "review": queries_for(client, base + f"attempt/{done.number}/review/"),
            "status": queries_for(client, base + f"attempt/{done.number}/status/"),
        }
    assert counts[2] == counts[40], counts
    for name, count in counts[2].items():
        assert count <= BUDGETS[name], (name, count)


def test_overview_does_not_grow_with_attempts(
    client, course, quiz, learner, django_capture_on_commit_callbacks
):
    enroll(learner=learner, course=course)
    client.force_login(learner)
    finished_attempt(learner, quiz, django_capture_on_commit_callbacks)
    small = queries_for(client, quiz.url)
    for _ in range(25):
        finished_attempt(learner, quiz, django_capture_on_commit_callbacks)
    assert queries_for(client, quiz.url) == small <= BUDGETS["overview"]


def test_grading_queue_and_marking_do_not_grow_with_pending_essays(
    client, course, essay, instructor, django_capture_on_commit_callbacks
):
    """SMALL then LARGE essays waiting: the queue and the marking page of
    the oldest (with its rubric) run the same queries."""
    teach(course, instructor)
    for order, (criterion, level, points) in enumerate(
        [("Ideas", "Few", 0), ("Ideas", "Many", 2), ("Style", "Clear", 1)]
    ):
        RubricLevel.objects.create(
            question=essay,
            criterion=criterion,
            level=level,
            points=points,
            sort_order=order,
        )
    quiz = make_quiz(course, slots=[essay])
    client.force_login(instructor)

    def pending(count):
        for _ in range(count):
            learner = UserFactory()
            attempt = services.start_attempt(learner=learner, assessment=quiz)
            services.save_answers(attempt=attempt, answers={1: "An essay."})
            with django_capture_on_commit_callbacks(execute=True):
                services.submit_attempt(attempt=attempt)

    queue = "/admin/assessments/grading/"
    pending(SMALL)
    oldest = Response.objects.filter(needs_review=True).order_by("pk").first()
    marking = f"/admin/assessments/grading/{oldest.pk}/?quiz={quiz.pk}"
    small = {
        "queue": queries_for(client, queue),
        "marking": queries_for(client, marking),
    }
    assert b"Start marking" in client.get(queue).content
    assert b"grading-rubric" in client.get(marking).content
    pending(LARGE - SMALL)
    assert Response.objects.filter(needs_review=True).count() == LARGE
    large = {
        "queue": queries_for(client, queue),
        "marking": queries_for(client, marking),
    }
    assert large == small
    assert small["queue"] <= BUDGETS["queue"], small
    assert small["marking"] <= BUDGETS["marking"], small


def test_the_question_chooser_does_not_grow_with_the_bank(
    client, course, bank, instructor
):
    """The slot's question chooser, SMALL then LARGE questions (more than a
    page), each with tags: the same queries, the listing and its results."""
    teach(course, instructor)
    client.force_login(instructor)

    def questions(count):
        for number in range(count):
            make_question(bank, title=f"Question {number}", tags=("cimic", "liaison"))

    choose = reverse("question_chooser:choose")
    results = reverse("question_chooser:choose_results") + "?tag=cimic"
    questions(SMALL)
    small = (queries_for(client, choose), queries_for(client, results))
    questions(LARGE - SMALL)
    assert (queries_for(client, choose), queries_for(client, results)) == small
    assert max(small) <= BUDGETS["chooser"], small


def test_the_import_preview_does_not_grow_with_the_file(client, course, instructor):
    teach(course, instructor)
    client.force_login(instructor)

    def preview(count) -> str:
        gift = "\n\n".join(
            f"::Question {n}:: Is {n} a number? {{TRUE}}" for n in range(count)
        )
        response = client.post(
            "/admin/assessments/import/",
            {"file": SimpleUploadedFile("bank.gift", gift.encode(), "text/plain")},
        )
        assert response.status_code == 302
        return response["Location"]

    small_url = preview(SMALL)
    assert f"{SMALL} questions in the file" in client.get(small_url).content.decode()
    small = queries_for(client, small_url)
    large_url = preview(LARGE)
    assert f"{LARGE} questions in the file" in client.get(large_url).content.decode()
    assert queries_for(client, large_url) == small <= BUDGETS["import"]


START_BUDGET = 15  # measured: the active locale, routing, session, user, the
# course's and quiz's originals (courses.translations), enrolment, view
# restrictions, the learner's standing, then begin, attempt, responses, commit


def start_queries(client, quiz) -> int:
    learner = cast(User, UserFactory())
    enroll(learner=learner, course=quiz.get_parent().specific)
    client.force_login(learner)
    url = quiz.url + quiz.reverse_subpage("start")
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url)
    assert response.status_code == 302 and "/attempt/1/" in response["Location"]
    return len(captured.captured_queries)


def test_starting_does_not_grow_with_the_quiz(client, course, bank):
    """A class starting together: after the first start, the others read no
    slot, question or option, however long the quiz."""
    counts = {}
    for size in (2, 40):
        quiz = make_quiz(course, slots=[make_question(bank) for _ in range(size)])
        start_queries(client, quiz)  # the first learner reads the quiz
        counts[size] = start_queries(client, quiz)
    assert counts[2] == counts[40] <= START_BUDGET, counts


def test_a_random_draw_reads_its_questions_together(client, course, bank):
    """A start drawing questions no one has drawn yet reads them in two
    queries (questions, options), not one a question, whatever the pool."""
    category = Category.objects.create(bank=bank, path="Pool")
    for size in (8, 80):
        for _ in range(size - Question.objects.filter(category=category).count()):
            make_question(bank, category=category)
        quiz = make_quiz(course, slots=[{"category": category, "count": 6}])
        start_queries(client, quiz)  # the slot's pool is cached
        assert start_queries(client, quiz) <= START_BUDGET + 2
