from django.apps import AppConfig


class EnrollmentsConfig(AppConfig):
    name = "enrollments"
    verbose_name = "Enrolments and progress"

    def ready(self) -> None:
        from lessons.signals import h5p_activity_completed

        from .receivers import on_h5p_activity_completed

        h5p_activity_completed.connect(
            on_h5p_activity_completed, dispatch_uid="enrollments.h5p_completion"
        )
