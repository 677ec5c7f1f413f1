"""The admin's SCORM upload (`packages.upload`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from packages.upload import PackageUploadForm

from .models import ScormPackage
from .services import import_scorm_package


class ScormUploadForm(PackageUploadForm):
    importer = staticmethod(import_scorm_package)
    stored = "package"
    file_label = _("SCORM package")
    file_help = _(
        "A SCORM 1.2 or 2004 .zip with imsmanifest.xml at its root; it is "
        "checked completely before anything is stored."
    )
    title_help = _("Leave blank to use the package's own title.")
    title_missing = _("A package needs a title.")

    class Meta:
        model = ScormPackage
        fields = ["title"]
