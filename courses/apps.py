from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        from core import memo

        from . import page_cache, receivers

        receivers.connect()
        memo.set_version_source(page_cache.version_token)
        request_started.connect(memo.request_started, dispatch_uid="memo-start")
        request_finished.connect(memo.request_finished, dispatch_uid="memo-finish")
