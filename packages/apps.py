from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    default = True
    name = "packages"
    verbose_name = _("SCORM and cmi5 packages")
