from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware as BaseCSP
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.utils.translation import get_language, get_language_from_path
from django.utils.translation import gettext as _


class ContentSecurityPolicyMiddleware(BaseCSP):
    """Django's CSP middleware, with the admin's looser policy on admin paths."""

    def process_response(self, request, response):
        if request.path.startswith(settings.CSP_ADMIN_PATH_PREFIXES):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return super().process_response(request, response)


class RefuseNulMiddleware:
    """A NUL character in the address (path or query string) is refused with a
    400 before any view runs: PostgreSQL refuses it in any text, so a view that
    passed it on would fail with a 500, and no page has a use for it. Form
    fields refuse it themselves (Django's `ProhibitNullCharactersValidator`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "\x00" in unquote_plus(query):
            message = _("The address contains a NUL character, which no page accepts.")
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, without its guess on a 404: Django sends any unknown address
    without a language prefix to the same address under the reader's
    language, so a 404 of the API (`/api/v1/…`, no prefix) became a 302 to a
    page. Addresses from before the prefixes have their own permanent move
    (`home.languages.legacy_redirect`); a 404 stays a 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and not get_language_from_path(
            request.path_info
        ):
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
