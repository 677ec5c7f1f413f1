from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from reports.api import api as reports_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # CKEditor 5's upload endpoint; staff only (the toolbar offers no upload).
    path("ckeditor5/", include("django_ckeditor_5.urls")),
    # The header's language switcher posts here (Django's set_language: CSRF,
    # a cookie, back to `next`); LocaleMiddleware reads the cookie on every page.
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("", include("enrollments.urls")),
    path("certificates/", include("certificates.urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", reports_api.urls),
    path("", include("lessons.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
