from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrollmentsConfig(AppConfig):
    name = "enrollments"
    verbose_name = _("Enrolments and progress")

    def ready(self) -> None:
        from . import (
            audience,
            receivers,  # noqa: F401
            review_next,  # noqa: F401
        )

        audience.register()
