"""Keeps the H5P content origin and the platform apart on one server.

On the content origin's host only `/h5p-content/` and `/package-content/`
(SCORM, served by the packages app) are served, so package JavaScript cannot
reach a platform page there; on every other host they do not exist. Both
misses are plain 404s.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

CONTENT_PREFIXES = ("/h5p-content/", "/package-content/")


def content_host() -> str:
    return urlsplit(settings.H5P_CONTENT_ORIGIN).netloc.lower()


class ContentOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = content_host()
        if host:
            on_content_host = request.get_host().lower() == host
            if on_content_host != request.path.startswith(CONTENT_PREFIXES):
                raise Http404("Not here.")
        return self.get_response(request)
