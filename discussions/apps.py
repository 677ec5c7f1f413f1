from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    default = True
    name = "discussions"
    verbose_name = _("Discussions")

    def ready(self):
        from . import receivers

        receivers.connect()
