"""Preview a quiz, or one question of the bank, as a learner gets it.

The questions are drawn by the quiz's own code (`services.draw_questions`:
random slots, shuffled questions and options) from a seed carried in the
form, answered on the learner's own question template, read back as the
attempt page reads them (`forms.answers_from_post`) and graded on the spot by
`grading.grade`, then shown as the learner's review shows them, with every
key and feedback. Nothing is stored: no Attempt, no Response.

Who may preview: the instructors of the quiz's course (`courses.scope`), or
whoever may edit the page (Wagtail's editors); anyone else gets a 404, as for
every other lookup of the assessments admin.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.query import bounded_int
from courses import translations
from questions.models import Question, QuestionAnswer

from . import grading, selectors, services
from .admin_views import AuthenticatedRequest
from .forms import answers_from_post
from .models import AssessmentPage, Attempt
from .presentation import OptionTokens, ReviewOptions, for_review, for_taking
from .snapshots import build_entry

# A draw is named by a seed of 63 bits, as an attempt's is.
MAX_SEED = 2**63 - 1
EVERYTHING = ReviewOptions(allowed=True, score=True, correct=True, feedback=True)


@dataclass(frozen=True)
class _Draw:
    """What `OptionTokens` reads of an attempt: the preview has no row."""

    pk: str
    seed: int


@dataclass
class _Graded:
    """What `for_review` reads of a stored response, kept in memory."""

    answer: Any
    score: Decimal | None
    max_score: Decimal
    needs_review: bool
    feedback: str
    comment: str = ""


def _decimal(value: Fraction) -> Decimal:
    return Decimal(grading.to_decimal_string(value, places=2))


def _seed(request: AuthenticatedRequest) -> tuple[int, bool]:
    """The posted draw's seed, or a new one (and whether it is new)."""
    if request.method == "POST":
        seed = bounded_int(request.POST.get("seed", ""), low=0, high=MAX_SEED)
        if seed is not None:
            return seed, False
    return secrets.randbits(63), True


def _tokens(seed: int, kind: str) -> OptionTokens:
    return OptionTokens(cast(Attempt, _Draw(pk=f"preview-{kind}", seed=seed)))


def _graded(
    snapshot: list[dict[str, Any]], answers: dict[int, Any], tokens: OptionTokens
) -> tuple[list[dict[str, Any]], grading.AttemptGrade]:
    result = grading.grade(snapshot, {str(slot): a for slot, a in answers.items()})
    by_slot = {s.slot: s for s in result.slots}
    questions = []
    for entry in snapshot:
        slot = by_slot[entry["slot"]]
        response = _Graded(
            answer=answers.get(entry["slot"]),
            score=None if slot.score is None else _decimal(slot.score),
            max_score=_decimal(slot.max_score),
            needs_review=slot.needs_review,
            feedback=slot.feedback,
        )
        questions.append(for_review(entry, response, EVERYTHING, tokens))
    return questions, result


def _problems(snapshot: list[dict[str, Any]], answers: dict[int, Any]) -> list[str]:
    """What the attempt page would refuse (too long, NUL): said, not graded."""
    found = []
    for entry in snapshot:
        if entry["slot"] in answers:
            problem = services._answer_problem(entry, answers[entry["slot"]])
            if problem:
                found.append(problem)
    return found


def _run(
    request: AuthenticatedRequest,
    snapshot: list[dict[str, Any]],
    seed: int,
    kind: str,
) -> dict[str, Any]:
    """The form to answer (GET, or a refused POST) or the graded review."""
    tokens = _tokens(seed, kind)
    answers: dict[int, Any] = {}
    problems: list[str] = []
    if request.method == "POST":
        answers = answers_from_post(snapshot, request.POST, tokens)
        problems = _problems(snapshot, answers)
        if not problems:
            questions, result = _graded(snapshot, answers, tokens)
            return {
                "graded": True,
                "questions": questions,
                "score": _decimal(result.score),
                "max_score": _decimal(result.max_score),
                "percent": _decimal(grading.percent(result.score, result.max_score)),
                "needs_review": result.needs_review,
            }
    return {
        "graded": False,
        "questions": [for_taking(e, answers.get(e["slot"]), tokens) for e in snapshot],
        "problems": problems,
    }


def _previewable(request: AuthenticatedRequest, page_id: int) -> AssessmentPage:
    quiz = get_object_or_404(AssessmentPage, pk=page_id)
    taught = selectors.assessments_taught_by(request.user).filter(pk=quiz.pk).exists()
    if not taught and not quiz.permissions_for_user(request.user).can_edit():
        raise Http404
    return quiz


def preview_quiz(request: AuthenticatedRequest, page_id: int) -> HttpResponse:
    quiz = _previewable(request, page_id)
    seed, fresh = _seed(request)
    context: dict[str, Any] = {
        "quiz": quiz,
        "seed": seed,
        "header_title": _("Preview of %(quiz)s") % {"quiz": quiz.title},
        "edit_url": reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
        "again_url": request.path,
    }
    if request.method == "POST" and fresh:
        # A new draw: nothing posted belongs to it.
        messages.warning(
            request, _("That preview could not be read: here is a new draw.")
        )
        request.method = "GET"
    try:
        snapshot = services.draw_questions(
            assessment=translations.original(quiz),
            seed=seed,
            language=quiz.locale.language_code,
        )
    except services.QuizMisconfigured as problem:
        context["misconfigured"] = str(problem)
        return TemplateResponse(
            request, "assessments/admin/preview.html", context, status=200
        )
    context.update(_run(request, snapshot, seed, "quiz"))
    if context["graded"]:
        pass_mark = quiz.pass_mark
        context["pass_mark"] = pass_mark
        context["passed"] = pass_mark is None or context["percent"] >= pass_mark
    status = 400 if context.get("problems") else 200
    return TemplateResponse(
        request, "assessments/admin/preview.html", context, status=status
    )


def preview_question(request: AuthenticatedRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(
        selectors.scoped(Question, request.user, Question.objects.all()),
        pk=question_id,
    )
    seed, fresh = _seed(request)
    if request.method == "POST" and fresh:
        messages.warning(
            request, _("That preview could not be read: here is a new draw.")
        )
        request.method = "GET"
    options = list(
        QuestionAnswer.objects.filter(question=question).order_by("sort_order", "pk")
    )
    entry = build_entry(
        question,
        options,
        slot=1,
        mark=question.default_mark,
        rng=random.Random(seed),  # noqa: S311 - a shuffle, as a draw makes it
    )
    context: dict[str, Any] = {
        "question": question,
        "seed": seed,
        "header_title": _("Preview of %(question)s") % {"question": question.title},
        "edit_url": reverse("questions:edit", args=[question.pk]),
        "again_url": request.path,
    }
    context.update(_run(request, [entry], seed, "question"))
    status = 400 if context.get("problems") else 200
    return TemplateResponse(
        request, "assessments/admin/preview.html", context, status=status
    )
