"""Wires H5P activities and the library store into the Wagtail admin."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import H5PUploadForm
from .models import H5PContent, H5PLibrary, H5PStatement


class H5PContentViewSet(SnippetViewSet):
    model = H5PContent
    icon = "pick"
    menu_label = _("H5P activities")
    list_display = ["title", "main_library", "uploaded_by", "created_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("package"),
            FieldPanel("title"),
            FieldPanel("upgrade_libraries", permission="lessons.upgrade_h5plibrary"),
        ],
        base_form_class=H5PUploadForm,
    )


class H5PLibraryViewSet(ModelViewSet):
    model = H5PLibrary
    icon = "code"
    menu_label = _("H5P libraries")
    list_display = ["machine_name", "version", "title", "runnable", "updated_at"]
    search_fields = ["machine_name", "title"]
    form_fields = ["title"]
    add_to_admin_menu = False
    inspect_view_enabled = True


class H5PStatementViewSet(ModelViewSet):
    """Accepted xAPI statements, for export (CSV/XLSX from the listing). Only
    those granted `view_h5pstatement` (admins) see it."""

    model = H5PStatement
    icon = "list-ul"
    menu_label = _("xAPI statements")
    list_display = ["stored_at", "verb", "object_iri", "raw_score", "max_score"]
    list_export = [
        "stored_at",
        "launch.learner.email",
        "launch.content.title",
        "launch.lesson.title",
        "verb",
        "object_iri",
        "raw_score",
        "max_score",
        "scaled_score",
        "statement",
    ]
    export_filename = "h5p-statements"
    list_filter = ["verb"]
    form_fields = ["verb"]
    add_to_admin_menu = False

    def get_queryset(self, request):
        return H5PStatement.objects.select_related(
            "launch__learner", "launch__content", "launch__lesson"
        ).order_by("-stored_at")


class H5PViewSetGroup(ViewSetGroup):
    menu_label = _("H5P")
    menu_icon = "pick"
    menu_order = 250
    items = (H5PContentViewSet, H5PLibraryViewSet, H5PStatementViewSet)


register_snippet(H5PViewSetGroup)


@hooks.register("insert_editor_js")
def flush_rich_text_on_save():
    """A rich-text block typed and saved at once keeps its text
    (static/js/draftail-flush.js says why it was lost)."""
    return format_html(
        '<script src="{}" defer></script>', static("js/draftail-flush.js")
    )
