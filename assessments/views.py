"""The learner's side of a quiz: overview, start, take, autosave, submit, review.

These are AssessmentPage's routes (the page is its own controller; the routes
call in here). The enrolment gate runs before any of them (enrollments'
`before_serve_page` hook). Attempts are looked up by (quiz, learner, number):
another learner's attempt is a 404.

A quiz read in another language is a translation of the original page, which
holds the attempts (`courses.translations`): every route reads and writes the
original's, and links and shows the page it was reached through.
"""

from __future__ import annotations

from fractions import Fraction

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks

from accounts.models import User
from core.query import bounded_int
from courses import translations

from . import grading, selectors, services
from .forms import answers_from_post
from .hooks import REVIEW_NEXT_STEP, NextStep
from .models import AssessmentPage, Attempt, Layout
from .presentation import (
    OptionTokens,
    for_review,
    for_taking,
    is_answered,
    review_options,
)


class AuthenticatedRequest(HttpRequest):
    """Admin and quiz views run behind a login (or the enrolment gate)."""

    user: User


def _attempt(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> Attempt:
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Attempt,
        assessment_id=translations.original_id(page),
        learner=request.user,
        number=number,
    )


def _url(page: AssessmentPage, request: AuthenticatedRequest, route: str, *args) -> str:
    return page.get_url(request) + page.reverse_subpage(route, args=args)


def overview(request: AuthenticatedRequest, page: AssessmentPage) -> HttpResponse:
    context = page.get_context(request)
    now = timezone.now()
    if request.user.is_authenticated:
        quiz = translations.original(page)
        attempts = list(
            Attempt.objects.filter(assessment=quiz, learner=request.user).order_by(
                "number"
            )
        )
        final = [
            Fraction(a.percent)
            for a in attempts
            if a.status == "graded" and a.percent is not None
        ]
        combined = grading.combine(grading.GradingMethod(quiz.grading_method), final)
        left = services.attempts_left(learner=request.user, assessment=quiz)
        in_progress = next((a for a in attempts if a.status == "in_progress"), None)
        context.update(
            attempts=[(a, review_options(a, quiz, now)) for a in attempts],
            in_progress=in_progress,
            attempts_left=left,
            can_start=in_progress is not None
            or (quiz.is_open(now) and (left is None or left > 0)),
            combined_percent=(
                None if combined is None else grading.to_decimal_string(combined, 2)
            ),
        )
    context.update(is_open=page.is_open(now), now=now)
    return TemplateResponse(request, "assessments/assessment_page.html", context)


@require_POST
def start(request: AuthenticatedRequest, page: AssessmentPage) -> HttpResponse:
    try:
        attempt = services.start_attempt(
            learner=request.user,
            assessment=translations.original(page),
            language=translation.get_language(),
        )
    except (services.AttemptRefused, services.QuizMisconfigured) as refusal:
        messages.error(request, str(refusal))
        return redirect(page.get_url(request))
    return redirect(_url(page, request, "take", attempt.number))


def take(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> HttpResponse:
    attempt = _attempt(request, page, number)
    now = timezone.now()
    if (
        attempt.status == Attempt.Status.IN_PROGRESS
        and attempt.deadline_at
        and (now >= attempt.deadline_at)
    ):
        services.submit_attempt(attempt=attempt, now=now, auto=True)
        messages.warning(request, _("Time is up: your attempt was submitted."))
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return redirect(_url(page, request, "review", attempt.number))

    snapshot = attempt.questions_snapshot
    tokens = OptionTokens(attempt)
    per_page = page.layout == Layout.ONE_PER_PAGE
    pages = len(snapshot) if per_page else 1
    current = _page_number(request, pages)
    posted: dict[int, object] = {}
    problems: dict[int, str] = {}
    if request.method == "POST":
        posted = answers_from_post(snapshot, request.POST, tokens)
        try:
            services.save_answers(attempt=attempt, answers=posted)
        except services.AttemptClosed as closed:
            messages.warning(request, str(closed))
            return redirect(_url(page, request, "review", attempt.number))
        except services.AnswersRefused as refusal:
            # Shown again as typed, with the reasons, so nothing is lost.
            problems = refusal.problems
        except services.AttemptRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(request.get_full_path())
        if not problems:
            back_to = _flag_or_keep(request, attempt)
            if back_to is not None:
                return redirect(
                    _url(page, request, "take", attempt.number)
                    + f"?page={current}#q{back_to}"
                )
            target = request.POST.get("go", "")
            if target == "summary":
                return redirect(_url(page, request, "summary", attempt.number))
            current = _page_number_from(target, pages, current)
            return redirect(
                _url(page, request, "take", attempt.number) + f"?page={current}"
            )

    stored = {
        slot: (answer, flagged)
        for slot, answer, flagged in attempt.responses.values_list(
            "slot", "answer", "flagged"
        )
    }
    answers = {slot: answer for slot, (answer, _f) in stored.items()} | posted
    flagged = {slot for slot, (_a, flag) in stored.items() if flag}
    shown = snapshot[current - 1 : current] if per_page else snapshot
    questions = [for_taking(e, answers.get(e["slot"]), tokens) for e in shown]
    for question in questions:
        question["error"] = problems.get(question["slot"], "")
        question["flagged"] = question["slot"] in flagged
    context = page.get_context(request)
    context.update(
        attempt=attempt,
        questions=questions,
        problems=list(problems.values()),
        page_number=current,
        pages=range(1, pages + 1),
        page_count=pages,
        per_page=per_page,
        navigator=_navigator(snapshot, answers, flagged, per_page, current),
        seconds_left=attempt.seconds_left(now),
        save_url=_url(page, request, "save", attempt.number),
        summary_url=_url(page, request, "summary", attempt.number),
    )
    return TemplateResponse(
        request, "assessments/attempt.html", context, status=400 if problems else 200
    )


def _flag_or_keep(request: AuthenticatedRequest, attempt: Attempt) -> int | None:
    """A flag button ("flag" = "<slot>:1" or "<slot>:0") or an ordering's
    "Keep this order" ("keep" = slot) was pressed: the slot to return to."""
    raw = request.POST.get("flag", "")
    if raw:
        slot_text, _sep, value = raw.partition(":")
        slot = bounded_int(slot_text, low=1, high=_MAX_SLOT)
        if slot is not None:
            services.set_flag(attempt=attempt, slot=slot, flagged=value == "1")
            return slot
    return bounded_int(request.POST.get("keep", ""), low=1, high=_MAX_SLOT)


# Slots are small numbers (PositiveSmallIntegerField).
_MAX_SLOT = 32767


def _navigator(
    snapshot: list[dict],
    answers: dict[int, object],
    flagged: set[int],
    per_page: bool,
    current: int,
) -> list[dict]:
    """One entry per question (descriptions are not questions): its number,
    page, and whether it is answered, flagged, on the page shown."""
    return [
        {
            "slot": entry["slot"],
            "page": index if per_page else 1,
            "answered": is_answered(answers.get(entry["slot"])),
            "flagged": entry["slot"] in flagged,
            "current": per_page and index == current,
        }
        for index, entry in enumerate(snapshot, start=1)
        if entry["type"] != "description"
    ]


def _page_number(request: AuthenticatedRequest, pages: int) -> int:
    return _page_number_from(request.GET.get("page", ""), pages, 1)


def _page_number_from(raw: str, pages: int, default: int) -> int:
    number = bounded_int(raw, low=1)
    return default if number is None else min(pages, number)


@require_POST
def save(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> JsonResponse:
    """Autosave from the attempt page's script: the same form, posted in the
    background. Replies with what the timer needs and nothing about answers."""
    attempt = _attempt(request, page, number)
    answers = answers_from_post(
        attempt.questions_snapshot, request.POST, OptionTokens(attempt)
    )
    try:
        saved = services.save_answers(attempt=attempt, answers=answers)
    except services.AttemptClosed as closed:
        return JsonResponse(
            {
                "ok": False,
                "error": str(closed),
                "redirect": _url(page, request, "review", attempt.number),
            },
            status=409,
        )
    except services.AttemptRefused as refusal:
        return JsonResponse({"ok": False, "error": str(refusal)}, status=400)
    return JsonResponse(
        {
            "ok": True,
            "saved": saved,
            "seconds_left": attempt.seconds_left(timezone.now()),
        }
    )


def summary(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> HttpResponse:
    attempt = _attempt(request, page, number)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return redirect(_url(page, request, "review", attempt.number))
    context = page.get_context(request)
    context.update(_finishing(request, page, attempt))
    return TemplateResponse(request, "assessments/summary.html", context)


def confirm(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> HttpResponse:
    """ "Submit all and finish" without a script: a page that asks before the
    attempt is handed in (with a script, a dialog on the summary asks)."""
    attempt = _attempt(request, page, number)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return redirect(_url(page, request, "review", attempt.number))
    context = page.get_context(request)
    context.update(_finishing(request, page, attempt))
    return TemplateResponse(request, "assessments/confirm.html", context)


def _finishing(
    request: AuthenticatedRequest, page: AssessmentPage, attempt: Attempt
) -> dict:
    """What the summary and the confirmation show: each question's state,
    the unanswered and flagged ones, the time left."""
    stored = {
        slot: (answer, flagged)
        for slot, answer, flagged in attempt.responses.values_list(
            "slot", "answer", "flagged"
        )
    }
    answers = {slot: answer for slot, (answer, _f) in stored.items()}
    flagged = {slot for slot, (_a, flag) in stored.items() if flag}
    rows = _navigator(
        attempt.questions_snapshot,
        answers,
        flagged,
        page.layout == Layout.ONE_PER_PAGE,
        0,
    )
    return {
        "attempt": attempt,
        "rows": rows,
        "unanswered": [row for row in rows if not row["answered"]],
        "flagged": [row for row in rows if row["flagged"]],
        "seconds_left": attempt.seconds_left(timezone.now()),
        "take_url": _url(page, request, "take", attempt.number),
        "confirm_url": _url(page, request, "confirm", attempt.number),
        "submit_url": _url(page, request, "submit", attempt.number),
    }


@require_POST
def submit(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> HttpResponse:
    attempt = _attempt(request, page, number)
    if attempt.status == Attempt.Status.IN_PROGRESS:
        answers = answers_from_post(
            attempt.questions_snapshot, request.POST, OptionTokens(attempt)
        )
        try:
            if answers:
                services.save_answers(attempt=attempt, answers=answers)
            services.submit_attempt(attempt=attempt)
            messages.success(request, _("Your attempt was submitted."))
        except services.AttemptClosed as closed:
            messages.warning(request, str(closed))
        except services.AttemptRefused as refusal:
            # Not handed in: the learner fixes the answer on the attempt page.
            messages.error(request, str(refusal))
            return redirect(_url(page, request, "take", attempt.number))
    return redirect(_url(page, request, "review", attempt.number))


def review(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> HttpResponse:
    attempt = _attempt(request, page, number)
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return redirect(_url(page, request, "take", attempt.number))
    options = review_options(attempt, translations.original(page), timezone.now())
    context = page.get_context(request)
    grading_now = attempt.status == Attempt.Status.SUBMITTED
    context.update(
        attempt=attempt,
        options=options,
        grading_now=grading_now,
        status_url=_url(page, request, "status", attempt.number),
        review_url=_url(page, request, "review", attempt.number),
        next_step=None if grading_now else _next_step(request, page, attempt),
    )
    if options.allowed:
        responses = {r.slot: r for r in attempt.responses.all()}
        regraded = selectors.regraded_keys(attempt)
        tokens = OptionTokens(attempt)
        context["questions"] = [
            for_review(
                entry,
                responses[entry["slot"]],
                options,
                tokens,
                regraded.get(entry["slot"]),
            )
            for entry in attempt.questions_snapshot
        ]
    return TemplateResponse(request, "assessments/review.html", context)


@require_GET
def status(
    request: AuthenticatedRequest, page: AssessmentPage, number: int
) -> JsonResponse:
    """The attempt's grading state, for the review page's script to poll: the
    owner's only (another learner's attempt is a 404), and nothing about
    answers or keys."""
    attempt = _attempt(request, page, number)
    response = JsonResponse(
        {
            "status": attempt.status,
            "ready": attempt.status
            not in (Attempt.Status.IN_PROGRESS, Attempt.Status.SUBMITTED),
            "review_url": _url(page, request, "review", attempt.number),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


def _next_step(
    request: AuthenticatedRequest, page: AssessmentPage, attempt: Attempt
) -> NextStep:
    """The first provider's answer (REVIEW_NEXT_STEP), else back to the
    course."""
    for provider in hooks.get_hooks(REVIEW_NEXT_STEP):
        step = provider(request, page, attempt)
        if step is not None:
            return step
    course = page.get_parent()
    return NextStep(
        kind="course", text=_("Back to the course"), url=course.get_url(request)
    )
