import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from django_ckeditor_5.permissions import check_upload_permission
from django_ckeditor_5.views import upload_file as ckeditor_upload
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.views import media
from home import languages
from reports.api import api as reports_api


def _with_a_file(view):
    def upload(request: HttpRequest) -> HttpResponse:
        if "upload" not in request.FILES:
            message = _("No file was sent.")
            return JsonResponse({"error": {"message": message}}, status=400)
        return view(request)

    return upload


urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # CKEditor 5's upload endpoint; staff only (the toolbar offers no upload).
    # A post without a file is a 400 here (the library's view reads it blindly).
    path(
        "ckeditor5/image_upload/",
        require_POST(check_upload_permission(_with_a_file(ckeditor_upload))),
        name="ck_editor_5_upload_file",
    ),
    # The header's language switcher posts here (Django's set_language: CSRF,
    # a cookie, back to `next`); LocaleMiddleware reads the cookie on every page.
    # The language switcher posts without a CSRF token: a language preference
    # grants nothing, and a token in the header would make every anonymous
    # page uncacheable (courses.page_cache never keeps a CSRF-bearing page).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("api/v1/", reports_api.urls),
    # The learning record store (xAPI 1.0.3): an API for machines, without a
    # language; its views are CSRF-exempt and authenticate by HTTP Basic.
    # Clients that add their own slash to the endpoint (cmi5 AUs given
    # ".../xapi/") reach it too.
    re_path(r"^xapi/+", include("xapi.urls")),
    # The H5P content origin (its own host in production) and the player's
    # xAPI endpoint: addresses held by running players, without a language.
    path("", include("lessons.urls")),
    path("", include("packages.urls")),
    path("", languages.language_root, name="language_root"),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    # Pictures only, sandboxed (config.views.media); H5P package files are
    # served only from the content origin.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", media)
    ]

# Everything people read is under its language: /en/…, /fr/… (home.languages).
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("", include("enrollments.urls")),
    path("certificates/", include("certificates.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("certificates.short_urls")),
    path("reports/", include("reports.urls")),
    path("discussions/", include("discussions.urls")),
    path("untranslated/", languages.untranslated, name="untranslated"),
    # The catalog in this language, for code below `courses` (sign-up).
    path("catalog/", languages.catalog, name="catalog"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
# Addresses from before the language prefixes (bookmarks, e-mails, the QR
# codes printed on certificates) move permanently to their English ones.
urlpatterns += [re_path(r"^(?P<path>.+)$", languages.legacy_redirect)]
