"""A graded attempt as xAPI statements (xapi/own.py): the quiz attempted (at
its start), each question answered with its score (at its answer), then
passed or failed with the score (at its grading). A task, enqueued once the
grade is final (`services._announce`, and once a chunk after a regrade); a
regrade that changes the grade writes new result statements (their ids carry
how many times the attempt was graded), the earlier ones stay as history.

Nothing of the answer key goes out: a question's statement carries its score,
not the learner's choice or the right one."""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from xapi import own

from .models import Attempt, Response


def record_attempts(attempt_ids: Sequence[int]) -> list[str]:
    attempts = list(
        Attempt.objects.filter(pk__in=list(attempt_ids), status=Attempt.Status.GRADED)
        .select_related("learner", "assessment")
        .defer("questions_snapshot")
        .order_by("pk")
    )
    if not attempts:
        return []
    responses: dict[int, list[Response]] = {}
    for response in (
        Response.objects.filter(attempt__in=attempts)
        .only(
            "pk",
            "attempt_id",
            "slot",
            "question_id",
            "answered_at",
            "score",
            "max_score",
        )
        .order_by("attempt_id", "slot")
    ):
        responses.setdefault(response.attempt_id, []).append(response)
    quizzes: dict[int, dict] = {}
    courses: dict[int, dict] = {}
    statements: list[dict] = []
    for attempt in attempts:
        quiz = attempt.assessment
        if quiz.pk not in quizzes:
            quizzes[quiz.pk] = own.page_activity("assessment", quiz)
            parent = quiz.get_parent()
            courses[quiz.pk] = own.page_activity("course", parent) if parent else {}
        statements += _attempt_statements(
            attempt, responses.get(attempt.pk, []), quizzes[quiz.pk], courses[quiz.pk]
        )
    return own.write(statements)


def _attempt_statements(
    attempt: Attempt, responses: list[Response], quiz: dict, course: dict
) -> list[dict]:
    learner = attempt.learner
    parents = [quiz, course] if course else [quiz]
    out = [
        own.statement(
            f"attempt:{attempt.pk}:attempted",
            user=learner,
            verb="attempted",
            obj=quiz,
            timestamp=attempt.started_at,
            parents=[course] if course else None,
            language=attempt.language or None,
        )
    ]
    for response in responses:
        if response.answered_at is None or response.score is None:
            continue
        question = own.activity("question", f"{response.question_id}")
        answered: dict[str, Any] = {
            "score": own.score(response.score, response.max_score)
        }
        if response.max_score:
            answered["success"] = Decimal(response.score) >= Decimal(response.max_score)
        out.append(
            own.statement(
                f"response:{response.pk}:answered:{attempt.times_graded}",
                user=learner,
                verb="answered",
                obj=question,
                timestamp=response.answered_at,
                result={k: v for k, v in answered.items() if v is not None},
                parents=parents,
            )
        )
    graded_at = attempt.graded_at or attempt.submitted_at or attempt.started_at
    verb = (
        "scored"
        if attempt.passed is None
        else ("passed" if attempt.passed else "failed")
    )
    result: dict[str, Any] = {"completion": True}
    score = own.score(attempt.score, attempt.max_score)
    if score:
        result["score"] = score
    if attempt.passed is not None:
        result["success"] = bool(attempt.passed)
    out.append(
        own.statement(
            f"attempt:{attempt.pk}:result:{attempt.times_graded}",
            user=learner,
            verb=verb,
            obj=quiz,
            timestamp=graded_at,
            result=result,
            parents=[course] if course else None,
        )
    )
    return out
