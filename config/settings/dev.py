from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# runserver serves static files from the finders; nothing is collected.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
