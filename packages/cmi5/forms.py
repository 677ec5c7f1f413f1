"""The admin's cmi5 upload (`packages.upload`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from packages.upload import PackageUploadForm

from .models import Cmi5Course
from .services import import_cmi5_course


class Cmi5UploadForm(PackageUploadForm):
    importer = staticmethod(import_cmi5_course)
    stored = "course"
    file_label = _("cmi5 course")
    file_help = _(
        "A .zip with cmi5.xml at its root, or a cmi5.xml whose units live "
        "on other sites; it is checked completely before anything is stored."
    )
    accept = ".zip,.xml"
    title_help = _("Leave blank to use the course structure's own title.")
    title_missing = _("A course needs a title.")

    class Meta:
        model = Cmi5Course
        fields = ["title"]
