"""The platform's own records reach the built-in LRS as xAPI statements:
lesson experienced and completed, course completed, quiz attempted, answered,
passed or failed with scores, certificate earned; each once, whatever the
retries; with activity IRIs that stay the same across languages; queued for
every external LRS; readable by an LRS client through /xapi/statements."""

import json

import pytest

from assessments import services as assessments
from assessments import statements as attempt_statements
from certificates.models import Certificate
from enrollments import services as enrollments
from enrollments import statements as progress_statements
from enrollments.models import Cohort, Enrollment, LessonProgress
from lessons.models import LessonPage
from tests.factories import (
    make_bank,
    make_course,
    make_question,
    make_quiz,
    translate,
)
from xapi import own
from xapi.models import Forwarder, OutboxEntry, Statement

from .conftest import LRS, make_client

pytestmark = pytest.mark.django_db

VERB = "http://adlnet.gov/expapi/verbs/"


def verbs(learner) -> list[str]:
    return [
        row["verb"]["id"].rsplit("/", 1)[-1]
        for row in Statement.objects.order_by("pk").values_list("statement", flat=True)
        if row["actor"]["account"]["name"] == str(learner.pk)
    ]


def test_a_course_walked_through_is_recorded_once(
    catalog, learner, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Liaison basics", lessons=2)
    forwarder = Forwarder.objects.create(
        name="Org LRS", endpoint="http://127.0.0.1:9/xapi", username="k", password="s"
    )
    # The learner's cohort's LRS gets the same; another cohort's, nothing.
    unit, elsewhere = (
        Forwarder.objects.create(
            name=name,
            endpoint="http://127.0.0.1:9/xapi",
            username="k",
            password="s",
            scope=Forwarder.Scope.ORGANISATIONS,
        )
        for name in ("Unit LRS", "Other unit LRS")
    )
    cohort = Cohort.objects.create(name="Unit")
    cohort.members.add(learner)
    cohort.forwarders.add(unit)
    Cohort.objects.create(name="Other unit").forwarders.add(elsewhere)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enrollments.enroll(learner=learner, course=course)
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    for lesson in lessons:
        with django_capture_on_commit_callbacks(execute=True):
            enrollments.record_lesson_view(enrollment=enrollment, lesson=lesson)
        with django_capture_on_commit_callbacks(execute=True):
            enrollments.record_lesson_view(enrollment=enrollment, lesson=lesson)
        with django_capture_on_commit_callbacks(execute=True):
            enrollments.complete_lesson(learner=learner, lesson=lesson)
        with django_capture_on_commit_callbacks(execute=True):
            enrollments.complete_lesson(learner=learner, lesson=lesson)

    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert sorted(verbs(learner)) == sorted(
        # Each lesson experienced and completed, the course completed, its
        # certificate earned.
        ["experienced", "completed"] * 2 + ["completed", "earned"]
    )
    stored = list(Statement.objects.values_list("statement", flat=True))
    course_iri = f"{own.base()}/course/{course.translation_key}"
    course_statement = next(
        s
        for s in stored
        if s["object"]["id"] == course_iri and "completed" in s["verb"]["id"]
    )
    assert course_statement["result"] == {"completion": True}
    assert course_statement["actor"]["account"] == {
        "homePage": own.home_page(),
        "name": str(learner.pk),
    }
    assert "mbox" not in json.dumps(stored)
    assert learner.email not in json.dumps(stored)
    lesson_statement = next(
        s for s in stored if s["object"]["id"].endswith(str(lessons[0].translation_key))
    )
    assert lesson_statement["context"]["contextActivities"]["parent"][0]["id"] == (
        course_iri
    )
    # Run again (a retried task): nothing stored twice.
    count = Statement.objects.count()
    progress = LessonProgress.objects.filter(enrollment=enrollment)
    for row in progress:
        progress_statements.lesson_experienced(row.pk)
        progress_statements.lesson_completed(row.pk)
    progress_statements.course_completed(enrollment.pk)
    assert Statement.objects.count() == count
    # Every one queued once for the external LRS.
    assert OutboxEntry.objects.filter(forwarder=forwarder).count() == count
    assert OutboxEntry.objects.filter(forwarder=unit).count() == count
    assert not OutboxEntry.objects.filter(forwarder=elsewhere).exists()
    certificate = Certificate.objects.get(enrollment=enrollment)
    earned = next(s for s in stored if s["verb"]["id"].endswith("/earned"))
    assert earned["object"]["id"] == f"{own.base()}/certificate/{certificate.serial}"


def test_a_graded_quiz_is_attempted_answered_and_passed_with_scores(
    catalog, learner, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Quiz course", lessons=0)
    bank = make_bank("Bank", course=course)
    right = make_question(bank, title="Right one")
    wrong = make_question(bank, title="Wrong one")
    quiz = make_quiz(course, title="Check", slots=[right, wrong], pass_mark=50)
    enrollments.enroll(learner=learner, course=course)
    attempt = assessments.start_attempt(learner=learner, assessment=quiz)
    choices = {}
    for entry in attempt.questions_snapshot:
        want = "1" if entry["question"] == right.pk else "0"
        choices[entry["slot"]] = next(
            c["id"] for c in entry["choices"] if c["fraction"] == want
        )
    assessments.save_answers(attempt=attempt, answers=choices)
    with django_capture_on_commit_callbacks(execute=True):
        assessments.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.passed is True

    mine = [
        s
        for s in Statement.objects.order_by("pk").values_list("statement", flat=True)
        if s["object"]["id"].startswith(own.base())
        and s["verb"]["id"] in {VERB + v for v in ("attempted", "answered", "passed")}
    ]
    by_verb: dict[str, list[dict]] = {}
    for item in mine:
        by_verb.setdefault(item["verb"]["id"].rsplit("/", 1)[-1], []).append(item)
    assert len(by_verb["attempted"]) == 1
    assert len(by_verb["answered"]) == 2
    assert sorted(a["result"]["success"] for a in by_verb["answered"]) == [False, True]
    passed = by_verb["passed"][0]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {
        "raw": float(attempt.score),
        "min": 0.0,
        "max": float(attempt.max_score),
        "scaled": 0.5,
    }
    assert passed["object"]["id"] == f"{own.base()}/assessment/{quiz.translation_key}"
    # The answer key stays out: no response, no choice's text.
    assert all("response" not in item.get("result", {}) for item in mine)
    text = json.dumps(mine)
    for entry in attempt.questions_snapshot:
        for choice in entry["choices"]:
            assert json.dumps(choice["text"])[1:-1] not in text
    # Retried: stored once.
    count = Statement.objects.count()
    attempt_statements.record_attempts([attempt.pk])
    assert Statement.objects.count() == count


def test_english_and_french_pages_are_one_activity_named_in_both(catalog):
    course = make_course(catalog, title="Civil-military basics", lessons=0)
    french = translate(course, title="Les bases civilo-militaires")
    english_activity = own.page_activity("course", course)
    french_activity = own.page_activity("course", french)
    assert english_activity == french_activity
    assert english_activity["definition"]["name"] == {
        "en": "Civil-military basics",
        "fr": "Les bases civilo-militaires",
    }


def test_an_lrs_client_reads_the_platforms_statements(
    client, catalog, learner, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Read back", lessons=1)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enrollments.enroll(learner=learner, course=course)
    lesson = LessonPage.objects.child_of(course).first()
    with django_capture_on_commit_callbacks(execute=True):
        enrollments.record_lesson_view(enrollment=enrollment, lesson=lesson)
    lrs_client, secret = make_client("reader")
    lrs = LRS(client, lrs_client.key, secret)
    response = lrs.get(
        "statements",
        {"activity": f"{own.base()}/lesson/{lesson.translation_key}"},
    )
    assert response.status_code == 200
    found = response.json()["statements"]
    assert [s["verb"]["id"] for s in found] == [VERB + "experienced"]
    assert found[0]["authority"]["account"]["name"] == "platform"
