"""Instructor views in the Wagtail admin: the grading queue, marking and
overriding, regrades and the import form. Every lookup goes through
`selectors`, so an instructor only reaches their own courses (a miss is 404)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from lessons.translatable import translated
from questions import services as bank
from questions.models import (
    Question,
    QuestionImport,
    QuestionTranslation,
    RubricLevel,
    language_name,
    translation_languages,
)

from . import selectors, services
from .admin_forms import (
    GradeForm,
    GradingFilterForm,
    ImportBankForm,
    ImportForm,
    QuestionTranslationForm,
)
from .import_preview import preview as import_preview_rows
from .models import Attempt, Regrade

# The most links the result of an import lists.
IMPORTED_LINKS = 500


class AuthenticatedRequest(HttpRequest):
    """Admin and quiz views run behind a login (or the enrolment gate)."""

    user: User


def _queue_filters(request: AuthenticatedRequest) -> GradingFilterForm:
    """The queue's filters (course, quiz), read from the address: an unknown
    or foreign id is ignored, never an error."""
    return GradingFilterForm(request.GET, user=request.user)


def grading_queue(request: AuthenticatedRequest) -> HttpResponse:
    filters = _queue_filters(request)
    queue = list(selectors.grading_queue(request.user, **filters.selection())[:200])
    return TemplateResponse(
        request,
        "assessments/admin/grading_queue.html",
        {
            "responses": queue,
            "filters": filters,
            "query": filters.query(),
            "header_title": _("Grading queue"),
        },
    )


def grade(request: AuthenticatedRequest, response_id: int) -> HttpResponse:
    response = selectors.response_for_grader(request.user, response_id)
    if response is None:
        raise Http404
    attempt = response.attempt
    entry = next(e for e in attempt.questions_snapshot if e["slot"] == response.slot)
    filters = _queue_filters(request)
    needs_reason = not response.needs_review
    rubric = rubric_of(entry.get("question"))
    form = GradeForm(
        request.POST or None,
        max_score=response.max_score,
        needs_reason=needs_reason,
        rubric=rubric,
        initial={
            "score": None if rubric and response.needs_review else response.score,
            "comment": response.comment,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.grade_response(
                response=response,
                grader=request.user,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
                reason=form.cleaned_data["reason"],
            )
        except (ValueError, services.AttemptRefused) as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(
                request,
                _("Saved the mark for %(learner)s (question %(slot)s).")
                % {"learner": attempt.learner, "slot": response.slot},
            )
            query = filters.query()
            if "next" in request.POST:
                following = (
                    selectors.grading_queue(request.user, **filters.selection())
                    .exclude(pk=response.pk)
                    .first()
                )
                if following is not None:
                    return redirect(
                        reverse("assessments_admin:grade", args=[following.pk]) + query
                    )
                messages.info(request, _("Nothing else is waiting to be marked."))
                return redirect(reverse("assessments_admin:grading_queue") + query)
            if needs_reason:
                return redirect("assessments_admin:attempt", attempt.pk)
            return redirect(reverse("assessments_admin:grading_queue") + query)
    return TemplateResponse(
        request,
        "assessments/admin/grade.html",
        {
            "response": response,
            "attempt": attempt,
            "entry": entry,
            "form": form,
            "query": filters.query(),
            "answer_key": essay_key(entry),
            "header_title": _("Mark question %(number)s") % {"number": response.slot},
        },
    )


def rubric_of(question_id) -> list[tuple[str, list[RubricLevel]]]:
    """The question's rubric: its criteria in order, each with its levels."""
    if not isinstance(question_id, int):
        return []
    grouped: dict[str, list[RubricLevel]] = {}
    for level in RubricLevel.objects.filter(question_id=question_id).order_by(
        "sort_order", "pk"
    ):
        grouped.setdefault(level.criterion, []).append(level)
    return list(grouped.items())


def essay_key(entry: dict) -> dict:
    """What the snapshot holds for the grader: the general feedback (the
    answer key of an essay) and any answers with credit."""
    return {
        "feedback": entry.get("general_feedback", ""),
        "answers": [
            answer
            for answer in entry.get("answers", [])
            if isinstance(answer, dict) and answer.get("text")
        ],
    }


def attempt_detail(request: AuthenticatedRequest, attempt_id: int) -> HttpResponse:
    attempt = get_object_or_404(
        selectors.scoped(Attempt, request.user, Attempt.objects.all()).select_related(
            "learner", "assessment"
        ),
        pk=attempt_id,
    )
    responses = list(
        attempt.responses.prefetch_related(
            "changes__changed_by", "regrades__changed_by"
        ).order_by("slot")
    )
    entries = {e["slot"]: e for e in attempt.questions_snapshot}
    return TemplateResponse(
        request,
        "assessments/admin/attempt.html",
        {
            "attempt": attempt,
            "rows": [(r, entries.get(r.slot, {})) for r in responses],
            "header_title": str(attempt),
        },
    )


def regrade_question(request: AuthenticatedRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(
        selectors.scoped(Question, request.user, Question.objects.all()),
        pk=question_id,
    )
    if request.method == "POST":
        regrade = services.plan_regrade(question=question, requested_by=request.user)
        messages.info(request, _("Working out which attempts would change…"))
        return redirect("assessments_admin:regrade", regrade.pk)
    return TemplateResponse(
        request,
        "assessments/admin/regrade_question.html",
        {
            "question": question,
            "regrades": selectors.scoped(
                Regrade, request.user, question.regrades.all()
            )[:10],
            "header_title": _("Regrade: %(title)s") % {"title": question.title},
        },
    )


def translate_question(
    request: AuthenticatedRequest, question_id: int, language: str
) -> HttpResponse:
    """The question's text in `language` (one of the translation languages,
    else 404): entered beside the original, stored by
    `questions.services.translate_question`; a refusal shows its reasons
    above the form, with what was typed kept."""
    question = get_object_or_404(
        selectors.scoped(Question, request.user, Question.objects.all()),
        pk=question_id,
    )
    languages = dict(translation_languages())
    if language not in languages:
        raise Http404
    answers = list(question.answers.order_by("sort_order", "pk"))
    existing = QuestionTranslation.objects.filter(
        question=question, language=language
    ).first()
    edit_url = reverse("questions:edit", args=[question.pk])
    if request.method == "POST" and "delete" in request.POST:
        if bank.delete_translation(question, language):
            messages.success(
                request,
                _("Deleted the %(language)s version.")
                % {"language": language_name(language)},
            )
        return redirect(edit_url)
    form = QuestionTranslationForm(
        request.POST or None, question=question, answers=answers, existing=existing
    )
    if request.method == "POST" and form.is_valid():
        try:
            bank.translate_question(question, language, **form.translation())
        except ValidationError as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Saved the %(language)s version of “%(title)s”.")
                % {"language": language_name(language), "title": question.title},
            )
            return redirect(edit_url)
    return TemplateResponse(
        request,
        "assessments/admin/translate_question.html",
        {
            "question": question,
            "form": form,
            "existing": existing,
            "edit_url": edit_url,
            "language_name": language_name(language),
            "header_title": capfirst(
                _("%(language)s version: %(title)s")
                % {"language": language_name(language), "title": question.title}
            ),
        },
    )


def regrade_detail(request: AuthenticatedRequest, regrade_id: int) -> HttpResponse:
    regrade = get_object_or_404(
        selectors.scoped(Regrade, request.user, Regrade.objects.all()).select_related(
            "question"
        ),
        pk=regrade_id,
    )
    return TemplateResponse(
        request,
        "assessments/admin/regrade.html",
        {
            "regrade": regrade,
            "stale": regrade.question_version != regrade.question.version,
            "header_title": _("Regrade: %(title)s") % {"title": regrade.question.title},
        },
    )


@require_POST
def regrade_apply(request: AuthenticatedRequest, regrade_id: int) -> HttpResponse:
    regrade = get_object_or_404(
        selectors.scoped(Regrade, request.user, Regrade.objects.all()), pk=regrade_id
    )
    if services.apply_regrade(regrade=regrade):
        messages.success(request, _("Applying the regrade in the background."))
    else:
        messages.warning(request, _("This regrade is not waiting to be applied."))
    return redirect("assessments_admin:regrade", regrade.pk)


def _can_import(user: User) -> None:
    if not user.has_perm("questions.add_question"):
        raise PermissionDenied


def import_questions(request: AuthenticatedRequest) -> HttpResponse:
    """Step 1: upload the file once. A small file is read at once (its errors
    shown here); the file is kept server-side, bounded, until imported."""
    _can_import(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(settings.QUESTION_IMPORT_MAX_BYTES + 1)
        format = form.cleaned_data["format"] or bank.detect_format(upload.name)
        if len(data) <= settings.QUESTION_IMPORT_SYNC_BYTES:
            try:
                bank.check_file(data, format)
            except bank.ImportFailed as failure:
                errors = [translated(e.message, _) for e in failure.errors]
        if not errors:
            job = bank.keep_for_preview(
                uploaded_by=request.user,
                data=data,
                file_name=upload.name,
                format=format,
            )
            return redirect("assessments_admin:import_preview", job.pk)
    return TemplateResponse(
        request,
        "assessments/admin/import.html",
        {
            "form": form,
            "errors": errors,
            "header_title": _("Import questions"),
        },
    )


def import_preview(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    """Step 2: what the file holds, with warnings; choose the bank; import."""
    _can_import(request.user)
    job: QuestionImport = get_object_or_404(
        selectors.question_imports_of(request.user).defer(None),
        pk=job_id,
        status=QuestionImport.Status.PREVIEW,
    )
    form = ImportBankForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        bank.confirm_import(job, bank_name=form.bank_name())
        return redirect("assessments_admin:import_job", job.pk)
    rows, count, large = [], None, job.size > settings.QUESTION_IMPORT_SYNC_BYTES
    if not large:
        parsed = bank.parse(bytes(job.data), job.format)
        rows, count = import_preview_rows(parsed), len(parsed)
    return TemplateResponse(
        request,
        "assessments/admin/import_preview.html",
        {
            "job": job,
            "form": form,
            "rows": rows,
            "count": count,
            "large": large,
            "warnings": sum(1 for row in rows if row.warnings),
            "header_title": _("Import of %(file)s") % {"file": job.file_name},
        },
    )


def import_job(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    """Step 3: the result, its counts and links to the imported questions
    (or the progress of a large file's import)."""
    job: QuestionImport = get_object_or_404(
        selectors.question_imports_of(request.user).exclude(
            status=QuestionImport.Status.PREVIEW
        ),
        pk=job_id,
    )
    summary = job.summary
    questions = selectors.scoped(
        Question,
        request.user,
        Question.objects.filter(pk__in=job.question_ids[:IMPORTED_LINKS]),
    ).order_by("pk")
    kinds = dict(Question.KindChoices.choices)
    return TemplateResponse(
        request,
        "assessments/admin/import_job.html",
        {
            "job": job,
            "summary": summary,
            "errors": [translated(e, _) for e in bank.load_errors(summary)],
            "by_kind": [
                (kinds.get(kind, kind), count)
                for kind, count in sorted((summary.get("by_kind") or {}).items())
            ],
            "questions": questions,
            "more_questions": max(0, len(job.question_ids) - IMPORTED_LINKS),
            "header_title": _("Import of %(file)s") % {"file": job.file_name},
        },
    )
