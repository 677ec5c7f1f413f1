"""Wires the learner's-eye preview (`preview`) into the admin: its addresses,
the quiz editor's action menu and the question editor's header. Kept apart
from `wagtail_hooks` (imported at its end), so the bank's views and these
change independently."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from . import preview
from .models import AssessmentPage


@hooks.register("register_admin_urls")
def register_preview_urls():
    urls = [
        path("quiz/<id:page_id>/", preview.preview_quiz, name="quiz"),
        path("question/<id:question_id>/", preview.preview_question, name="question"),
    ]
    return [
        path(
            "assessments/preview/",
            include((urls, "quiz_preview"), namespace="quiz_preview"),
        )
    ]


class PreviewAsLearnerMenuItem(ActionMenuItem):
    """ "Preview as a learner" in a saved quiz's action menu."""

    name = "action-preview-as-learner"
    label = _("Preview as a learner")
    icon_name = "view"
    order = 60

    def is_shown(self, context):
        page = context.get("page")
        return (
            context.get("view") == "edit"
            and page is not None
            and isinstance(page.specific_deferred, AssessmentPage)
        )

    def get_url(self, context):
        return reverse("quiz_preview:quiz", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_preview_menu_item():
    return PreviewAsLearnerMenuItem()
