from django.apps import AppConfig


class EnrollmentsConfig(AppConfig):
    name = "enrollments"
    verbose_name = "Enrolments and progress"

    def ready(self) -> None:
        from . import receivers  # noqa: F401
