"""Production: fails fast on missing secrets; `check --deploy` is clean."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env_bool, env_list
from .media import media_storage

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production.")

DEBUG = False
DEMO_DATA_ALLOWED = False
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host-: browsers take these cookies only host-only, Secure, on Path=/, so no
# other host (a sibling subdomain included) can set or shadow them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
HOST_ONLY_COOKIES_REQUIRED = True
# The H5P content origin on another registrable domain (accounts.checks).
SEPARATE_CONTENT_SITE_REQUIRED = True
# Wagtail's live preview frames pages on our own origin, so SAMEORIGIN, not DENY;
# CSP frame-ancestors 'self' says the same to modern browsers.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# `make run-prod` on one's own machine: plain HTTP on localhost, so no HTTPS
# redirect, HSTS or secure-only cookies, and so no __Host- names either (a
# browser drops a __Host- cookie that is not Secure). Only this explicit flag
# turns them off; `check --deploy` reports it if it is ever set on a real server.
LOCAL_HTTP = env_bool("DJANGO_LOCAL_HTTP")
if LOCAL_HTTP:
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    SESSION_COOKIE_NAME = "sessionid"
    CSRF_COOKIE_NAME = "csrftoken"
    HOST_ONLY_COOKIES_REQUIRED = False
# Several web processes (and machines) share one cache, so the certificate
# verification rate limit counts every request of an address, not a process's.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ign-cache",
        }
    }
STORAGES = {
    # MEDIA_S3_BUCKET puts uploads on object storage (docs/deployment.md).
    "default": media_storage(os.environ),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
