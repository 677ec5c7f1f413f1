"""A quiz read in French: the snapshot takes the questions' French texts,
everything grading reads stays the original's, so the same answers grade the
same in English and in French, before and after a regrade; the learner's
pages show the French text and still no key."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from accounts.models import User
from assessments import selectors, services
from assessments.models import Attempt, Response
from enrollments.services import enroll
from questions.kinds import Kind
from questions.models import QuestionAnswer, QuestionTranslation
from questions.services import translate_question
from tests.factories import UserFactory, make_question, make_quiz
from tests.security.test_answer_keys import assert_no_key, every_kind

pytestmark = pytest.mark.django_db

# What a learner reads; everything else of an entry is the key or its ids.
DISPLAY = {"title", "stem", "general_feedback", "text", "feedback", "language"}
# Accepted answers are the key: their "text" is compared, never translated.
KEY_LISTS = {"accepted", "gaps", "numeric"}
# Kinds whose snapshot holds answers' feedback.
WITH_FEEDBACK = {
    Kind.SINGLE,
    Kind.MULTIPLE,
    Kind.TRUE_FALSE,
    Kind.SHORT_ANSWER,
    Kind.NUMERIC,
    Kind.GAP_FILL,
}


def translate_all(questions) -> None:
    """Every question in French: "FR-" before each text a learner reads."""
    for question in questions:
        answers = []
        for answer in question.answers.order_by("sort_order", "pk"):
            item: dict[str, str] = {"feedback": f"<p>FR-fb-{answer.pk}</p>"}
            if question.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.MATCHING):
                item["text"] = f"<p>FR-{answer.pk}</p>" if answer.text else ""
            if question.kind in (Kind.TRUE_FALSE, Kind.ORDERING):
                item["text"] = f"FR-{answer.pk}"
            if question.kind == Kind.MATCHING:
                item["match"] = f"FR-match-{answer.pk}"
            if question.kind in (Kind.ESSAY, Kind.DESCRIPTION):
                item = {}
            answers.append(item)
        stem = "<p>FR {{1}} ici.</p>" if question.kind == Kind.GAP_FILL else None
        translate_question(
            question,
            "fr",
            title=f"FR-title-{question.pk}",
            stem=stem or f"<p>FR-stem-{question.pk}</p>",
            general_feedback=f"<p>FR-general-{question.pk}</p>",
            answers=answers,
        )


def key_of(value: Any, inside: str = "") -> Any:
    """An entry with what the learner reads taken out: ids, credits, accepted
    answers, numbers, gaps, the order; texts of accepted answers stay."""
    if isinstance(value, dict):
        return {
            name: key_of(item, name if name in KEY_LISTS else inside)
            for name, item in value.items()
            if name not in DISPLAY or (name == "text" and inside in KEY_LISTS)
        }
    if isinstance(value, list):
        return [key_of(item, inside) for item in value]
    return value


def texts(entry: dict[str, Any]) -> str:
    return repr(entry)


@pytest.fixture
def questions(bank):
    made = every_kind(bank)
    translate_all(made)
    return made


def test_a_french_snapshot_has_the_french_texts_and_the_same_key(course, questions):
    quiz = make_quiz(course, slots=questions, shuffle_options=True)
    english = services.draw_questions(assessment=quiz, seed=42)
    french = services.draw_questions(assessment=quiz, seed=42, language="fr")

    assert [key_of(e) for e in french] == [key_of(e) for e in english]
    for en, fr in zip(english, french, strict=True):
        pk = fr["question"]
        assert fr["language"] == "fr" and "language" not in en
        assert fr["title"] == f"FR-title-{pk}"
        if fr["type"] == Kind.GAP_FILL:
            assert fr["stem"] == "<p>FR {{1}} ici.</p>"
        else:
            assert fr["stem"] == f"<p>FR-stem-{pk}</p>"
        assert fr["general_feedback"] == f"<p>FR-general-{pk}</p>"
        if fr["type"] in WITH_FEEDBACK:
            assert "FR-fb-" in texts(fr) and "FR-fb-" not in texts(en)
    by_kind = {e["type"]: e for e in french}
    assert all(c["text"].startswith("FR-") for c in by_kind[Kind.TRUE_FALSE]["choices"])
    assert all(p["text"].startswith("<p>FR-") for p in by_kind[Kind.MATCHING]["pairs"])
    assert all(
        t["text"].startswith("FR-match-") for t in by_kind[Kind.MATCHING]["targets"]
    )
    assert all(i["text"].startswith("FR-") for i in by_kind[Kind.ORDERING]["items"])
    # The accepted answers are the original's.
    assert by_kind[Kind.SHORT_ANSWER]["accepted"][0]["text"] == "ACCEPT-SHORT"
    assert by_kind[Kind.GAP_FILL]["gaps"][0]["accepted"][0]["text"] == "ACCEPT-GAP"
    assert by_kind[Kind.NUMERIC]["numeric"][0]["value"] == "73915"


def test_an_untranslated_question_reads_as_the_original(course, bank, single):
    quiz = make_quiz(course, slots=[single])
    french = services.draw_questions(assessment=quiz, seed=1, language="fr")
    english = services.draw_questions(assessment=quiz, seed=1)
    assert french == english


def test_translating_never_changes_a_stored_snapshot(course, enrolled, single):
    quiz = make_quiz(course, slots=[single])
    attempt = services.start_attempt(learner=enrolled, assessment=quiz)
    stored = Attempt.objects.get(pk=attempt.pk).questions_snapshot
    translate_question(single, "fr", stem="<p>Capitale ?</p>")
    assert Attempt.objects.get(pk=attempt.pk).questions_snapshot == stored
    single.refresh_from_db()
    assert single.version == 1


def answers_for(snapshot: list[dict[str, Any]]) -> dict[int, Any]:
    """The same answers, given by ids (which a French attempt shares): the
    right ones for some kinds, wrong or partial for the others."""
    given: dict[int, Any] = {}
    for entry in snapshot:
        kind, slot = entry["type"], entry["slot"]
        if kind == Kind.SINGLE:
            given[slot] = entry["choices"][0]["id"]
        elif kind == Kind.MULTIPLE:
            given[slot] = [c["id"] for c in entry["choices"]][:2]
        elif kind == Kind.TRUE_FALSE:
            given[slot] = entry["choices"][1]["id"]
        elif kind == Kind.SHORT_ANSWER:
            given[slot] = "accept-short"
        elif kind == Kind.NUMERIC:
            given[slot] = "73915"
        elif kind == Kind.MATCHING:
            pairs = [p["id"] for p in entry["pairs"]]
            targets = [t["id"] for t in entry["targets"]]
            given[slot] = dict(zip(pairs, targets, strict=True))
        elif kind == Kind.ORDERING:
            given[slot] = [i["id"] for i in entry["items"]]
        elif kind == Kind.GAP_FILL:
            given[slot] = ["ACCEPT-GAP"]
        elif kind == Kind.ESSAY:
            given[slot] = "Mon essai."
    return given


def take(quiz, language: str, questions_answers=None) -> Attempt:
    learner = cast(User, UserFactory())
    enroll(learner=learner, course=quiz.get_parent().specific)
    attempt = services.start_attempt(
        learner=learner, assessment=quiz, language=language
    )
    services.save_answers(
        attempt=attempt,
        answers=questions_answers or answers_for(attempt.questions_snapshot),
    )
    services.submit_attempt(attempt=attempt)
    services.grade_attempt(attempt_id=attempt.pk)
    return Attempt.objects.get(pk=attempt.pk)


def scores(attempt: Attempt) -> list[tuple[int, Decimal | None, bool]]:
    return list(
        Response.objects.filter(attempt=attempt)
        .order_by("slot")
        .values_list("slot", "score", "needs_review")
    )


def test_the_same_answers_grade_the_same_in_english_and_in_french(course, questions):
    quiz = make_quiz(course, slots=questions)  # no shuffling: same slots
    english = take(quiz, "en")
    french = take(quiz, "fr", answers_for(english.questions_snapshot))
    assert english.language == "en" and french.language == "fr"
    assert french.questions_snapshot != english.questions_snapshot
    assert scores(french) == scores(english)
    assert (french.score, french.max_score, french.status) == (
        english.score,
        english.max_score,
        english.status,
    )
    assert Decimal(0) < english.score < english.max_score
    # The feedback a French learner gets is the French one.
    single_slot = next(
        e["slot"] for e in french.questions_snapshot if e["type"] == Kind.SINGLE
    )
    feedback = Response.objects.get(attempt=french, slot=single_slot).feedback
    assert feedback.startswith("<p>FR-fb-")


def test_a_regraded_french_attempt_keeps_its_french_text(
    client, course, questions, instructor, django_capture_on_commit_callbacks
):
    single = next(q for q in questions if q.kind == Kind.SINGLE)
    course.instructors = [instructor]
    course.save()
    quiz = make_quiz(course, slots=[single])
    right, wrong = single.answers.order_by("sort_order", "pk")
    english = take(quiz, "en", {1: f"a{right.pk}"})
    french = take(quiz, "fr", {1: f"a{right.pk}"})
    assert scores(english) == scores(french) == [(1, Decimal(1), False)]
    # The author makes the second choice the right one.
    QuestionAnswer.objects.filter(pk=right.pk).update(fraction=0)
    QuestionAnswer.objects.filter(pk=wrong.pk).update(fraction=1)
    single.version += 1
    single.save(update_fields=["version"])
    with django_capture_on_commit_callbacks(execute=True):
        regrade = services.plan_regrade(question=single, requested_by=instructor)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.apply_regrade(regrade=regrade)

    assert scores(english) == scores(french)
    assert scores(french)[0][1] == Decimal(0)
    regraded = selectors.regraded_keys(Attempt.objects.get(pk=french.pk))[1].key
    assert regraded["stem"] == f"<p>FR-stem-{single.pk}</p>"
    assert all(c["text"].startswith("<p>FR-") for c in regraded["choices"])
    assert {c["id"]: c["fraction"] for c in regraded["choices"]} == {
        f"a{right.pk}": "0",
        f"a{wrong.pk}": "1",
    }
    feedback = Response.objects.get(attempt=french).feedback
    assert feedback.startswith("<p>FR-fb-")
    english_key = selectors.regraded_keys(Attempt.objects.get(pk=english.pk))[1].key
    assert english_key["stem"] == single.stem
    # The snapshot is what the learner saw, and review shows it in French.
    french.refresh_from_db()
    assert french.questions_snapshot[0]["stem"] == f"<p>FR-stem-{single.pk}</p>"
    client.force_login(french.learner)
    review = client.get(f"{quiz.url}attempt/{french.number}/review/")
    assert review.status_code == 200
    body = review.content.decode()
    assert f"FR-stem-{single.pk}" in body and f"FR-{right.pk}" in body
    assert single.stem not in body and "Alpha" not in body


def test_a_french_start_reads_all_translations_in_one_query(course, bank, learner):
    counts = {}
    for size in (2, 12):
        made = [make_question(bank) for _ in range(size)]
        translate_all(made)
        quiz = make_quiz(course, slots=made)
        services.start_attempt(learner=UserFactory(), assessment=quiz, language="fr")
        with CaptureQueriesContext(connection) as captured:
            attempt = services.start_attempt(
                learner=UserFactory(), assessment=quiz, language="fr"
            )
        reads = [
            q["sql"]
            for q in captured.captured_queries
            if QuestionTranslation._meta.db_table in q["sql"]
        ]
        assert len(reads) == 1
        counts[size] = len(captured.captured_queries)
        assert all("FR-stem" in e["stem"] for e in attempt.questions_snapshot)
    assert counts[2] == counts[12]
    # An English start reads none.
    with CaptureQueriesContext(connection) as captured:
        services.start_attempt(learner=UserFactory(), assessment=quiz, language="en")
    assert not any(
        QuestionTranslation._meta.db_table in q["sql"]
        for q in captured.captured_queries
    )


def test_the_language_defaults_to_the_quiz_pages_and_is_bounded(
    course, single, learner
):
    quiz = make_quiz(course, slots=[single])
    assert quiz.locale == Locale.get_default()
    assert services.start_attempt(learner=learner, assessment=quiz).language == "en"
    for given, stored in (
        ("fr-ca", "fr"),
        ("FR", "fr"),
        ("de", "en"),
        ("x" * 999, "en"),
    ):
        attempt = services.start_attempt(
            learner=UserFactory(), assessment=quiz, language=given
        )
        assert attempt.language == stored


def french_quiz(quiz):
    """The quiz's French page (and its course's), published."""
    french = quiz.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    # The parents missing in French are made aliases (live copies).
    french.specific.save_revision().publish()
    french.refresh_from_db()
    return french.specific


def test_the_french_page_starts_a_french_attempt_and_shows_no_key(
    client, course, questions, learner
):
    quiz = make_quiz(course, slots=questions, review_when="never", layout="all")
    page = french_quiz(quiz)
    assert page.url.startswith("/fr/")
    enroll(learner=learner, course=page.get_parent().specific)
    enroll(learner=learner, course=course)
    client.force_login(learner)

    started = client.post(page.url + "start/")
    assert started.status_code == 302, started
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.language == "fr"
    body = client.get(started["Location"]).content.decode()
    for entry in attempt.questions_snapshot:
        if entry["type"] != Kind.GAP_FILL:
            assert f"FR-stem-{entry['question']}" in body
    assert "Which one?" not in body  # the English stems
    single = next(q for q in questions if q.kind == Kind.SINGLE)
    for answer in single.answers.all():  # the French options
        assert f"FR-{answer.pk}</p>" in body
    assert_no_key(started["Location"], body)
    assert "FR-fb-" not in body and "FR-general-" not in body
