"""Wires the question bank, marking, regrades and imports into the Wagtail admin.

Every viewset here narrows its queryset with `selectors.scoped`, so an
instructor lists, edits and deletes only what belongs to their courses (or the
shared banks); anything else is a 404.
"""

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem as ListMenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import models as generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from core.query import bounded_int
from questions.models import (
    Category,
    Question,
    QuestionBank,
    QuestionTranslation,
    language_name,
    translation_languages,
)

from . import admin_views, choosers, selectors
from .admin_forms import QuestionForm, ScopedChoicesForm
from .models import AssessmentPage, Attempt, ExtraTime


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.scoped(
            self.model, self.request.user, super().get_base_queryset()
        )


class _ScopedObjectMixin:
    def get_object(self, queryset=None):
        queryset = selectors.scoped(
            self.model, self.request.user, self.model._default_manager.all()
        )
        return get_object_or_404(
            queryset, pk=unquote(str(self.kwargs[self.pk_url_kwarg]))
        )


class ScopedEditView(_ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(_ScopedObjectMixin, generic.DeleteView):
    def form_valid(self, form):
        # A bank with questions, a category with questions, a question already
        # asked: the database protects them; say so instead of a 500.
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "“%(object)s” is still in use, so it cannot be deleted: "
                    "delete or move what uses it first."
                )
                % {"object": self.object},
            )
            return redirect(self.get_success_url())


class ScopedInspectView(_ScopedObjectMixin, generic.InspectView):
    pass


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView


class QuestionBankViewSet(ScopedViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = _("Banks")
    list_display = ["name", "course", "created_at"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("course"), FieldPanel("description")],
        base_form_class=ScopedChoicesForm,
    )


class CategoryViewSet(ScopedViewSet):
    model = Category
    icon = "folder-inverse"
    list_display = ["__str__"]
    list_filter = ["bank"]
    edit_handler = ObjectList(
        [FieldPanel("bank"), FieldPanel("path")], base_form_class=ScopedChoicesForm
    )


def _translated(language: str) -> str:
    """The name of the list's annotation: has the question a translation?"""
    return f"translated_{language}"


class QuestionIndexView(ScopedIndexView):
    def get_base_queryset(self):
        # Whether each question has a translation, in the list's one query.
        translated = {
            _translated(code): Exists(
                QuestionTranslation.objects.filter(
                    question=OuterRef("pk"), language=code
                )
            )
            for code, _name in translation_languages()
        }
        return (
            super()
            .get_base_queryset()
            # The category's name says its bank: one join, not a query a row.
            .select_related("bank", "category__bank")
            .annotate(**translated)
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListMenuItem(
                _("Regrade attempts"),
                url=reverse("assessments_admin:regrade_question", args=[instance.pk]),
                icon_name="resubmit",
                priority=50,
            )
        )
        for code, _name in translation_languages():
            buttons.append(
                ListMenuItem(
                    capfirst(
                        _("%(language)s version") % {"language": language_name(code)}
                    ),
                    url=reverse(
                        "assessments_admin:translate_question",
                        args=[instance.pk, code],
                    ),
                    icon_name="globe",
                    priority=60,
                )
            )
        return buttons


class QuestionEditView(ScopedEditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Regrade attempts"),
                url=reverse(
                    "assessments_admin:regrade_question", args=[self.object.pk]
                ),
                icon_name="resubmit",
                priority=30,
            )
        )
        buttons.append(
            Button(
                _("Preview as a learner"),
                url=reverse("quiz_preview:question", args=[self.object.pk]),
                icon_name="view",
                priority=35,
            )
        )
        for code, _name in translation_languages():
            buttons.append(
                Button(
                    capfirst(
                        _("%(language)s version") % {"language": language_name(code)}
                    ),
                    url=reverse(
                        "assessments_admin:translate_question",
                        args=[self.object.pk, code],
                    ),
                    icon_name="globe",
                    priority=40,
                )
            )
        return buttons


class QuestionViewSet(ScopedViewSet):
    model = Question
    icon = "help"
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    list_display = [
        "title",
        "kind",
        "bank",
        "category",
        *(
            BooleanColumn(_translated(code), label=name)
            for code, name in translation_languages()
        ),
        "updated_at",
    ]
    list_filter = ["bank", "kind"]
    # No `search_fields`: the model's own index (title and stem) answers. Named
    # fields become column filters the SQLite full-text table does not have.
    copy_view_enabled = True
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionForm)


class ExtraTimeViewSet(ScopedViewSet):
    model = ExtraTime
    icon = "time"
    menu_label = _("Extra time")
    list_display = ["learner", "assessment", "minutes", "reason"]
    edit_handler = ObjectList(
        [
            FieldPanel("assessment"),
            FieldPanel("learner"),
            FieldPanel("minutes"),
            FieldPanel("reason"),
        ],
        base_form_class=ScopedChoicesForm,
    )


class AttemptIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("learner", "assessment")

    def get_edit_url(self, instance):
        return reverse("assessments_admin:attempt", args=[instance.pk])


class PageChoiceField(ModelChoiceField):
    """A choice of page by id. A page's id reaches the query through its
    `page_ptr` relation, which Django does not check against the column's
    range: a number past it is refused here, as any unknown choice is."""

    def to_python(self, value):
        if value not in self.empty_values and bounded_int(str(value)) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class PageChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = PageChoiceField


class AttemptFilterSet(WagtailFilterSet):
    assessment = PageChoiceFilter(queryset=AssessmentPage.objects.all())

    class Meta:
        model = Attempt
        fields = ["status", "assessment"]


class AttemptViewSet(ScopedViewSet):
    model = Attempt
    icon = "tasks"
    index_view_class = AttemptIndexView
    list_display = [
        "__str__",
        "status",
        "percent",
        "passed",
        "submitted_at",
    ]
    filterset_class = AttemptFilterSet
    search_fields = ["learner__email", "learner__display_name"]
    add_view_enabled = False
    form_fields = ["status"]  # unused: attempts change only through the services


class QuestionBankGroup(ViewSetGroup):
    menu_label = _("Question bank")
    menu_icon = "help"
    menu_order = 250
    items = (
        QuestionViewSet("questions"),
        CategoryViewSet("question_categories"),
        QuestionBankViewSet("question_banks"),
        AttemptViewSet("quiz_attempts"),
        ExtraTimeViewSet("quiz_extra_time"),
    )


@hooks.register("register_admin_viewset")
def register_question_bank():
    return QuestionBankGroup()


@hooks.register("register_admin_viewset")
def register_question_chooser():
    return choosers.question_chooser_viewset


@hooks.register("insert_editor_js")
def quiz_slot_js():
    # Shows a quiz slot's fields for its kind, and a random slot's pool size.
    return format_html(
        '<script src="{}" data-pool-url="{}" defer></script>',
        static("js/quiz-slots.js"),
        reverse("assessments_admin:slot_pool"),
    )


@hooks.register("insert_global_admin_css")
def quiz_slot_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin-quiz-slots.css")
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("slot-pool/", choosers.slot_pool, name="slot_pool"),
        path("grading/", admin_views.grading_queue, name="grading_queue"),
        path("grading/<id:response_id>/", admin_views.grade, name="grade"),
        path("attempts/<id:attempt_id>/", admin_views.attempt_detail, name="attempt"),
        path(
            "regrade/question/<id:question_id>/",
            admin_views.regrade_question,
            name="regrade_question",
        ),
        path(
            "translate/question/<id:question_id>/<slug:language>/",
            admin_views.translate_question,
            name="translate_question",
        ),
        path("regrade/<id:regrade_id>/", admin_views.regrade_detail, name="regrade"),
        path(
            "regrade/<id:regrade_id>/apply/",
            admin_views.regrade_apply,
            name="regrade_apply",
        ),
        path("import/", admin_views.import_questions, name="import"),
        path("import/<id:job_id>/", admin_views.import_job, name="import_job"),
        path(
            "import/<id:job_id>/preview/",
            admin_views.import_preview,
            name="import_preview",
        ),
    ]
    return [
        path(
            "assessments/",
            include((urls, "assessments_admin"), namespace="assessments_admin"),
        )
    ]


class InstructorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("questions.change_question")


@hooks.register("register_admin_menu_item")
def register_grading_menu_item():
    return InstructorMenuItem(
        _("Grading queue"),
        reverse("assessments_admin:grading_queue"),
        icon_name="edit",
        order=260,
    )


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return InstructorMenuItem(
        _("Import questions"),
        reverse("assessments_admin:import"),
        icon_name="upload",
        order=270,
    )


# The learner's-eye preview registers its own addresses and menu items.
from . import preview_hooks  # noqa: E402, F401
