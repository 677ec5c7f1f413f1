"""The question chooser of a quiz slot (a Wagtail chooser viewset), and the
size of a random slot's pool.

The chooser lists the questions of the banks the user may use (as every
admin view of the bank does), searched by words of the title or text and
filtered by bank, category, tag and type. Each question appears once:
the tag filter is an `EXISTS`, never a join that repeats a question with
two tags.
"""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from taggit.models import Tag
from wagtail.admin.auth import user_passes_test
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.query import bounded_int
from questions.models import Category, Question, QuestionBank, QuestionTag
from questions.sanitize import plain_text

from . import selectors

SEARCH_MAX = 100
TAG_MAX = 100
TEXT_EXCERPT = 120


def _tags_in(banks) -> QuerySet[Tag]:
    return (
        Tag.objects.filter(
            Exists(
                QuestionTag.objects.filter(
                    tag=OuterRef("pk"), content_object__bank__in=banks
                )
            )
        )
        .order_by("name")
        .only("name")
    )


class QuestionFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        max_length=SEARCH_MAX,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Words of the title or text")}),
    )
    bank = forms.ModelChoiceField(
        label=_("Bank"),
        queryset=QuestionBank.objects.none(),
        required=False,
        empty_label=_("All banks"),
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("All categories"),
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )
    tag = forms.ChoiceField(
        label=_("Tag"),
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types"))] + list(Question.KindChoices.choices),
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        banks = selectors.banks_for(user)
        self.fields["bank"].queryset = banks  # type: ignore[attr-defined]
        self.fields["category"].queryset = Category.objects.filter(  # type: ignore[attr-defined]
            bank__in=banks
        ).select_related("bank")
        self.fields["tag"].choices = [("", _("All tags"))] + [  # type: ignore[attr-defined]
            (name, name) for name in _tags_in(banks).values_list("name", flat=True)
        ]

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("q"):
            words = data["q"].split()[:10]
            for word in words:
                objects = objects.filter(
                    Q(title__icontains=word) | Q(stem__icontains=word)
                )
            self.is_searching = True
            self.search_query = data["q"]
        if data.get("bank"):
            objects = objects.filter(bank=data["bank"])
        if data.get("category"):
            objects = objects.in_category(data["category"])
        if data.get("tag"):
            objects = objects.filter(
                Exists(
                    QuestionTag.objects.filter(
                        content_object=OuterRef("pk"), tag__name=data["tag"]
                    )
                )
            )
        if data.get("kind"):
            objects = objects.filter(kind=data["kind"])
        return objects


class _ScopedChooserMixin:
    filter_form_class = QuestionFilterForm

    def get_object_list(self):
        return selectors.scoped(
            Question,
            self.request.user,  # type: ignore[attr-defined]
            Question.objects.select_related("bank"),
        )

    def get_filter_form(self):
        return QuestionFilterForm(self.request.GET, user=self.request.user)  # type: ignore[attr-defined]

    @property
    def columns(self):
        return [
            self.title_column,  # type: ignore[attr-defined]
            Column("kind", label=_("Type"), accessor="get_kind_display"),
            Column(
                "stem",
                label=_("Question text"),
                accessor=lambda question: Truncator(plain_text(question.stem)).chars(
                    TEXT_EXCERPT
                ),
            ),
            Column("bank", label=_("Bank"), accessor="bank"),
        ]


class QuestionChooseView(_ScopedChooserMixin, ChooseView):
    template_name = "assessments/admin/question_chooser.html"


class QuestionChooseResultsView(_ScopedChooserMixin, ChooseResultsView):
    pass


class QuestionChosenView(ChosenView):
    def get_object(self, pk):
        if bounded_int(str(pk)) is None:
            raise Http404
        return get_object_or_404(
            selectors.scoped(Question, self.request.user, Question.objects.all()),
            pk=pk,
        )


class QuestionCreateView(chooser_views.CreateView):
    """The chooser has no "Create" tab (questions are made in the bank's
    editor); Wagtail still routes `create/`, whose POST would fail on the
    missing form: answer 404 instead."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class QuestionChooserViewSet(ChooserViewSet):
    model = Question
    create_view_class = QuestionCreateView
    icon = "help"
    choose_one_text = _("Choose a question")
    choose_another_text = _("Choose another question")
    edit_item_text = _("Edit this question")
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView
    chosen_view_class = QuestionChosenView
    per_page = 20


question_chooser_viewset = QuestionChooserViewSet("question_chooser")


def pool_size(*, user, category: Category | None, tag: str) -> int:
    """How many questions a random slot of `category` (and below) and/or
    `tag` could draw, among the banks the user may use."""
    questions = selectors.scoped(Question, user, Question.objects.drawable())
    if category is not None:
        questions = questions.in_category(category)  # type: ignore[attr-defined]  # QuestionQuerySet
    if tag:
        questions = questions.filter(
            Exists(
                QuestionTag.objects.filter(
                    content_object=OuterRef("pk"), tag__name__iexact=tag
                )
            )
        )
    return questions.count()


def _is_instructor(user) -> bool:
    return user.has_perm("questions.change_question")


@require_GET
@user_passes_test(_is_instructor)
def slot_pool(request):
    """The size of a random slot's pool, for the quiz editor
    (static/js/quiz-slots.js): {"count": n, "text": "…"}."""
    category = None
    raw = request.GET.get("category", "")
    if raw:
        pk = bounded_int(raw)
        if pk is None:
            raise Http404
        category = get_object_or_404(
            selectors.scoped(Category, request.user, Category.objects.all()), pk=pk
        )
    tag = request.GET.get("tag", "").strip()[:TAG_MAX]
    if category is None and not tag:
        return JsonResponse({"count": None, "text": ""})
    count = pool_size(user=request.user, category=category, tag=tag)
    if category is not None and tag:
        text = ngettext(
            "This category holds %(count)d question with this tag.",
            "This category holds %(count)d questions with this tag.",
            count,
        )
    elif category is not None:
        text = ngettext(
            "This category holds %(count)d question.",
            "This category holds %(count)d questions.",
            count,
        )
    else:
        text = ngettext(
            "This tag holds %(count)d question.",
            "This tag holds %(count)d questions.",
            count,
        )
    return JsonResponse({"count": count, "text": text % {"count": count}})
