"""Instructor views in the Wagtail admin: the grading queue, marking and
overriding, regrades and the import form. Every lookup goes through
`selectors`, so an instructor only reaches their own courses (a miss is 404)."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.models import User
from lessons.translatable import translated
from questions import services as bank
from questions.models import (
    Question,
    QuestionImport,
    QuestionTranslation,
    language_name,
    translation_languages,
)

from . import selectors, services
from .admin_forms import GradeForm, ImportForm, QuestionTranslationForm
from .models import Attempt, Regrade


class AuthenticatedRequest(HttpRequest):
    """Admin and quiz views run behind a login (or the enrolment gate)."""

    user: User


def grading_queue(request: AuthenticatedRequest) -> HttpResponse:
    queue = list(selectors.grading_queue(request.user)[:200])
    return TemplateResponse(
        request,
        "assessments/admin/grading_queue.html",
        {"responses": queue, "header_title": _("Grading queue")},
    )


def grade(request: AuthenticatedRequest, response_id: int) -> HttpResponse:
    response = selectors.response_for_grader(request.user, response_id)
    if response is None:
        raise Http404
    attempt = response.attempt
    entry = next(e for e in attempt.questions_snapshot if e["slot"] == response.slot)
    needs_reason = not response.needs_review
    form = GradeForm(
        request.POST or None,
        max_score=response.max_score,
        needs_reason=needs_reason,
        initial={"score": response.score, "comment": response.comment},
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
            if needs_reason:
                return redirect("assessments_admin:attempt", attempt.pk)
            return redirect("assessments_admin:grading_queue")
    return TemplateResponse(
        request,
        "assessments/admin/grade.html",
        {
            "response": response,
            "attempt": attempt,
            "entry": entry,
            "form": form,
            "header_title": _("Mark question %(number)s") % {"number": response.slot},
        },
    )


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


def import_questions(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("questions.add_question"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        options = {
            "bank_name": form.cleaned_data["bank"],
            "format": form.cleaned_data["format"] or bank.detect_format(upload.name),
            "dry_run": form.cleaned_data["dry_run"],
        }
        if upload.size > settings.QUESTION_IMPORT_SYNC_BYTES:
            job = bank.start_import(
                uploaded_by=request.user,
                data=upload.read(settings.QUESTION_IMPORT_MAX_BYTES + 1),
                file_name=upload.name,
                **options,
            )
            return redirect("assessments_admin:import_job", job.pk)
        summary = bank.import_questions(
            upload.read(settings.QUESTION_IMPORT_MAX_BYTES + 1), **options
        )
        if summary.ok and not summary.dry_run:
            messages.success(
                request,
                ngettext(
                    "Imported %(count)s question into %(bank)s.",
                    "Imported %(count)s questions into %(bank)s.",
                    summary.imported,
                )
                % {"count": summary.imported, "bank": summary.bank},
            )
            return redirect(reverse("assessments_admin:import"))
    return TemplateResponse(
        request,
        "assessments/admin/import.html",
        {
            "form": form,
            "summary": summary,
            "errors": [translated(e, _) for e in summary.errors] if summary else [],
            "summary_json": json.dumps(summary.as_json(), indent=2) if summary else "",
            "header_title": _("Import questions"),
        },
    )


def import_job(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    job: QuestionImport = get_object_or_404(
        selectors.question_imports_of(request.user), pk=job_id
    )
    summary = job.summary
    errors_en = bank.load_errors(summary)
    return TemplateResponse(
        request,
        "assessments/admin/import_job.html",
        {
            "job": job,
            "summary": summary,
            "errors": [translated(e, _) for e in errors_en],
            "summary_json": (
                json.dumps({**summary, "errors": errors_en}, indent=2)
                if summary
                else ""
            ),
            "header_title": _("Import of %(file)s") % {"file": job.file_name},
        },
    )
