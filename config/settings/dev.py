import os

from .base import *  # noqa: F403
from .base import SECURE_CSP, env_list

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# runserver serves static files from the finders; nothing is collected.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# The H5P player's own origin: same server, another host name.
H5P_CONTENT_ORIGIN = os.environ.get("H5P_CONTENT_ORIGIN", "http://127.0.0.1:8000")
SECURE_CSP["frame-src"].append(H5P_CONTENT_ORIGIN)  # type: ignore[attr-defined]
