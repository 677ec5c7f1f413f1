"""The limit the page benchmarks measure against: a one-file Django app, no
middleware, no installed apps, no database, one view answering "ok". Served by
its own gunicorn with the same worker count as the platform's
(`gunicorn bench.bare_app:application`), so the share of bare a page reaches
is what our project costs on top of Django and gunicorn themselves.

Never imported by the platform's settings (it configures Django itself)."""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-bare-app-not-secret",  # noqa: S106 - answers "ok", no state
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_I18N=False,
    )

from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path


def bare(request: HttpRequest, anything: str = "") -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", bare), path("<path:anything>", bare)]

application = get_wsgi_application()
