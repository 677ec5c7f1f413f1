import os

from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_wsgi_application()

# gunicorn runs no system checks: a layout that `check` calls an error (a
# content origin that could set the platform's cookies, accounts.checks) stops
# the web process here instead of serving.
_layout_errors = [
    message for message in run_checks(tags=["layout"]) if message.is_serious()
]
if _layout_errors:
    raise ImproperlyConfigured("\n".join(str(error) for error in _layout_errors))
