import re

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.views import media
from reports.api import api as reports_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # CKEditor 5's upload endpoint; staff only (the toolbar offers no upload).
    path("ckeditor5/", include("django_ckeditor_5.urls")),
    # The header's language switcher posts here (Django's set_language: CSRF,
    # a cookie, back to `next`); LocaleMiddleware reads the cookie on every page.
    # The language switcher posts without a CSRF token: a language preference
    # grants nothing, and a token in the header would make every anonymous
    # page uncacheable (courses.page_cache never keeps a CSRF-bearing page).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("accounts/", include("accounts.urls")),
    path("", include("enrollments.urls")),
    path("certificates/", include("certificates.urls")),
    path("", include("certificates.short_urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", reports_api.urls),
    path("", include("lessons.urls")),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    # Pictures only, sandboxed (config.views.media); H5P package files are
    # served only from the content origin.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", media)
    ]

urlpatterns += [path("", include(wagtail_urls))]
