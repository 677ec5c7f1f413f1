"""Wires SCORM packages and cmi5 courses into the Wagtail admin."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .cmi5 import admin_views as cmi5_admin_views
from .cmi5.forms import Cmi5UploadForm
from .cmi5.models import Cmi5ActivityPage, Cmi5Course
from .scorm.forms import ScormUploadForm
from .scorm.models import ScormPackage
from .upload import PackageInspectView, UploadView


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
    add_view_class = UploadView
    inspect_view_class = PackageInspectView
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
    add_view_class = UploadView
    inspect_view_class = PackageInspectView
    edit_handler = ObjectList(
        [FieldPanel("package"), FieldPanel("title")],
        base_form_class=Cmi5UploadForm,
    )


register_snippet(Cmi5CourseViewSet)


@hooks.register("register_admin_urls")
def register_cmi5_admin_urls():
    urls = [path("waive/<id:page_id>/", cmi5_admin_views.waive_units, name="waive")]
    return [path("cmi5/", include((urls, "cmi5_admin"), namespace="cmi5_admin"))]


@hooks.register("register_page_header_buttons")
def cmi5_waive_button(page, user, view_name, next_url=None):
    """ "Waive units" in a cmi5 activity page's header menu, for whoever may
    edit it."""
    if isinstance(page.specific_deferred, Cmi5ActivityPage) and (
        page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Waive units for a learner"),
            reverse("cmi5_admin:waive", args=[page.pk]),
            icon_name="check",
            priority=80,
        )


@hooks.register("insert_global_admin_css")
def package_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin-packages.css")
    )
