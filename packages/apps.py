from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    default = True
    name = "packages"
    verbose_name = _("SCORM and cmi5 packages")

    def ready(self) -> None:
        # Registers cmi5 auth tokens with the LRS (xapi.launches).
        from .cmi5 import launch  # noqa: F401
