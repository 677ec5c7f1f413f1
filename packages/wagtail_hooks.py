"""Wires SCORM packages and cmi5 courses into the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .cmi5.forms import Cmi5UploadForm
from .cmi5.models import Cmi5Course
from .scorm.forms import ScormUploadForm
from .scorm.models import ScormPackage


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    icon = "folder-open-inverse"
    menu_label = _("SCORM packages")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "version", "uploaded_by", "created_at"]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "version", "organization", "warnings"]
    edit_handler = ObjectList(
        [FieldPanel("package"), FieldPanel("title")],
        base_form_class=ScormUploadForm,
    )


register_snippet(ScormPackageViewSet)


class Cmi5CourseViewSet(SnippetViewSet):
    model = Cmi5Course
    icon = "folder-open-inverse"
    menu_label = _("cmi5 courses")
    menu_order = 261
    add_to_admin_menu = True
    list_display = ["title", "course_iri", "uploaded_by", "created_at"]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "course_iri", "file_count", "warnings"]
    edit_handler = ObjectList(
        [FieldPanel("package"), FieldPanel("title")],
        base_form_class=Cmi5UploadForm,
    )


register_snippet(Cmi5CourseViewSet)
