"""Settings shared by every environment; dev, test and production refine them."""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.contrib.messages import constants as message_constants
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours, in layer order (top first); import-linter enforces it.
    "demo",
    "reports",
    "certificates",
    "exports",
    "discussions",
    "enrollments",
    "assessments",
    "questions",
    "packages",
    "lessons",
    "courses",
    "home",
    "notifications",
    "xapi",
    "accounts",
    # Translating pages and snippets in the admin (wagtail_localize.locales
    # replaces wagtail.locales).
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "django_q",
    "django_ckeditor_5",
    "axes",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The Wagtail site from the cache (after CommonMiddleware checked the host).
    "home.sites.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.RefuseNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Anonymous catalog and course pages from the cache (courses.page_cache);
    # inside the CSRF and CSP middleware, so a cached page gets fresh headers.
    "courses.page_cache.AnonymousPageCacheMiddleware",
    # Last, so throttled logins are answered before anything else runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "wagtail.contrib.settings.context_processors.settings",
                "notifications.context_processors.bell",
            ],
        },
    },
]


# SQLite unless DATABASE_URL says otherwise. WAL lets readers run beside the one
# writer; IMMEDIATE takes the write lock at BEGIN so two writers queue on the busy
# timeout instead of failing with "database is locked" on lock upgrade.
def sqlite_database(path: str) -> dict[str, Any]:
    """The SQLite settings every SQLite database here uses (the reliability
    tests hammer one of their own with them)."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # Kept between requests: opening the file and running the PRAGMAs
        # below on every request doubled the cost of a page-cache hit (issue 18).
        "CONN_MAX_AGE": int(os.environ.get("SQLITE_CONN_MAX_AGE", "600")),
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA busy_timeout=20000"
            ),
        },
    }


def url_database(url: str) -> dict[str, Any]:
    """A DATABASE_URL's settings: persistent connections, not checked before
    each request's first query unless DATABASE_HEALTH_CHECKS says so (the check
    is a round trip to the server on every request; a connection that died is
    dropped at the end of the request that found it, as Django does for any
    error). On PostgreSQL the JIT compiler is off: our queries are short, and
    compiling a large export's query cost a third of its time (bench/exports.py
    with BENCH_DATABASE_URL, figure "export CSV (N rows)" in
    bench/results/latest.md). An `options` in the URL's query string replaces
    this."""
    database: dict[str, Any] = dict(
        dj_database_url.parse(
            url,
            conn_max_age=60,
            conn_health_checks=env_bool("DATABASE_HEALTH_CHECKS"),
        )
    )
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    return database


DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES: dict[str, Any]
if DATABASE_URL:
    DATABASES = {"default": url_database(DATABASE_URL)}
else:
    DATABASES = {
        "default": sqlite_database(
            os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
        )
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL full-text fields on PostgreSQL.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with a user's own and group permissions in one query.
    "accounts.backends.PermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "enrollments:dashboard"
LOGOUT_REDIRECT_URL = "/"

# Login throttling: five failures per account and address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# Failures count against the account login would sign in to, whatever the case
# the address was typed in.
AXES_USERNAME_CALLABLE = "accounts.throttling.login_identity"
# ... and against the client's address, an IPv6 client's /64 as a whole.
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Our own translations (French); Django and Wagtail bring theirs.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = BASE_DIR / "var" / "static"
# var/build/static: what `make setup` compiles (css/ign.css from static/scss/).
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "var" / "build" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "IGN Academy <academy@example.org>"
)

# Demo accounts with a published password must never exist in production.
DEMO_DATA_ALLOWED = True

WAGTAIL_SITE_NAME = "IGN Academy"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Where the IRIs of the platform's own xAPI activities start (xapi/own.py):
# set once per deployment and never changed, or every record gets new ids.
XAPI_ACTIVITY_BASE = os.environ.get(
    "XAPI_ACTIVITY_BASE", WAGTAILADMIN_BASE_URL.rstrip("/") + "/xapi/activities"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# English and French content: each page and topic has its counterpart in the
# other locale (wagtail-localize keeps the trees in step); URLs start with the
# language (/en/…, /fr/…; config/urls.py).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Nothing is fetched from the internet at run time, avatars included.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]

# django-q2: the ORM broker needs nothing beside the database; REDIS_URL switches
# to Redis for several workers.
REDIS_URL = os.environ.get("REDIS_URL", "")
Q_CLUSTER: dict = {
    "name": "ign",
    "workers": int(os.environ.get("Q_WORKERS", "2")),
    "timeout": 120,
    "retry": 180,
    "max_attempts": 3,
    "queue_limit": 100,
    "catch_up": False,
    "label": "Tasks",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# Django's cache: local memory in each process, Redis (shared) when REDIS_URL
# is set. The anonymous page cache is correct with either: its entries are
# keyed by a content version kept in the database.
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ign",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# Sessions read from the shared cache (and written through to the database)
# when there is one: a query less on every signed-in request. Not with the
# per-process cache, where a session logged out in one worker would live on in
# the others' copies.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Seconds an anonymous catalog or course page may be served from the cache
# (0 turns the page cache off). Publishing, unpublishing, moving or deleting
# a page replaces it at once; the limit bounds changes no signal reports.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# Where the page cache's content version lives (courses.page_cache): in the
# cache when every process shares it (a hit is then one cache read and no
# query), else in the database, so processes with caches of their own agree.
PAGE_CACHE_VERSION_IN_CACHE = bool(REDIS_URL)

# Public certificate verification: lookups per client address per minute before
# a 429, so verification codes cannot be guessed by brute force.
CERTIFICATE_VERIFY_RATE = int(os.environ.get("CERTIFICATE_VERIFY_RATE", "30"))
# Learners are e-mailed this many days before a certificate expires.
CERTIFICATE_REMINDER_DAYS = int(os.environ.get("CERTIFICATE_REMINDER_DAYS", "30"))

# Notification e-mails (notifications.delivery): a failed send is tried again
# after RETRY seconds, doubling each time up to RETRY_MAX, and given up after
# MAX_ATTEMPTS; a worker holds a row it sends for LEASE seconds.
NOTIFICATION_RETRY_SECONDS = int(os.environ.get("NOTIFICATION_RETRY_SECONDS", "60"))
NOTIFICATION_RETRY_MAX_SECONDS = int(
    os.environ.get("NOTIFICATION_RETRY_MAX_SECONDS", str(6 * 3600))
)
NOTIFICATION_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATION_MAX_ATTEMPTS", "10"))
NOTIFICATION_LEASE_SECONDS = int(os.environ.get("NOTIFICATION_LEASE_SECONDS", "300"))
# Learners are reminded this many days before a cohort due date or quiz close.
DEADLINE_REMINDER_DAYS = int(os.environ.get("DEADLINE_REMINDER_DAYS", "3"))

# Strict on the platform origin: no inline script or style without the nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "frame-src": [
        CSP.SELF,
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Wagtail's admin relies on inline scripts and styles; it gets its own policy,
# still closed to other origins.
SECURE_CSP_ADMIN = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.SELF, "https:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
CSP_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# Production turns these on; `accounts.checks` then refuses session and CSRF
# cookies without the __Host- prefix, and an H5P content origin that shares a
# registrable domain with the platform (it could set cookies for it).
HOST_ONLY_COOKIES_REQUIRED = False
SEPARATE_CONTENT_SITE_REQUIRED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail runs its reference-index tasks through django.tasks; one line each
    # is noise.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# Question-bank text is edited with CKEditor 5 (django-ckeditor-5). No image
# upload in the toolbar: pictures belong in Wagtail's image library; whatever
# is stored is cleaned with nh3 (`questions.sanitize`).
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "code",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "insertTable",
                "|",
                "undo",
                "redo",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": _("Paragraph")},
                {"model": "heading3", "view": "h3", "title": _("Heading")},
            ]
        },
        # Loads CKEditor's own French (dist/translations/fr.js) with the editor;
        # CKEDITOR_5_USER_LANGUAGE then picks the reader's language per page.
        "language": ["fr"],
    },
}
CKEDITOR_5_USER_LANGUAGE = True
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_CONFIGS["inline"] = CKEDITOR_5_CONFIGS["default"]

# Question import (GIFT, Moodle XML): a file up to QUESTION_IMPORT_SYNC_BYTES is
# imported inside the request; a larger one by a task, the instructor following
# its progress; one above QUESTION_IMPORT_MAX_BYTES is refused at upload.
QUESTION_IMPORT_SYNC_BYTES = int(
    os.environ.get("QUESTION_IMPORT_SYNC_BYTES", str(256 * 1024))
)
QUESTION_IMPORT_MAX_BYTES = int(
    os.environ.get("QUESTION_IMPORT_MAX_BYTES", str(10 * 1024 * 1024))
)

# H5P: package limits (checked while reading, before anything is stored) and the
# separate origin the player runs on, so package JavaScript never shares the
# platform's origin or cookies. In development: another host name of the same
# server (the platform is localhost, the content 127.0.0.1).
H5P_MAX_ENTRIES = int(os.environ.get("H5P_MAX_ENTRIES", "5000"))
H5P_MAX_UNCOMPRESSED_BYTES = int(
    os.environ.get("H5P_MAX_UNCOMPRESSED_BYTES", str(200 * 1024 * 1024))
)
H5P_MAX_FILE_BYTES = int(os.environ.get("H5P_MAX_FILE_BYTES", str(50 * 1024 * 1024)))
H5P_MAX_UPLOAD_BYTES = int(
    os.environ.get("H5P_MAX_UPLOAD_BYTES", str(100 * 1024 * 1024))
)
# A launch token (the player's only credential on the content origin) works for
# this many seconds; reloading the lesson page opens a new launch.
H5P_LAUNCH_LIFETIME = int(os.environ.get("H5P_LAUNCH_LIFETIME", str(12 * 3600)))
# Saved player state per learner and activity: pieces, and bytes in all.
H5P_STATE_MAX_KEYS = int(os.environ.get("H5P_STATE_MAX_KEYS", "20"))
H5P_STATE_MAX_BYTES = int(os.environ.get("H5P_STATE_MAX_BYTES", str(1024 * 1024)))
H5P_CONTENT_ORIGIN = os.environ.get("H5P_CONTENT_ORIGIN", "").rstrip("/")
# The origin allowed to frame the player and receive its messages.
H5P_PLATFORM_ORIGIN = os.environ.get(
    "H5P_PLATFORM_ORIGIN", WAGTAILADMIN_BASE_URL
).rstrip("/")
H5P_PLAYER_DIR = BASE_DIR / "node_modules" / "h5p-standalone" / "dist"
# SCORM packages (packages.scorm): the same kind of bounds as H5P's, and how
# long a launch's signed token opens the content and takes commits.
SCORM_MAX_ENTRIES = int(os.environ.get("SCORM_MAX_ENTRIES", "10000"))
SCORM_MAX_UNCOMPRESSED_BYTES = int(
    os.environ.get("SCORM_MAX_UNCOMPRESSED_BYTES", str(500 * 1024 * 1024))
)
SCORM_MAX_FILE_BYTES = int(
    os.environ.get("SCORM_MAX_FILE_BYTES", str(200 * 1024 * 1024))
)
SCORM_MAX_UPLOAD_BYTES = int(
    os.environ.get("SCORM_MAX_UPLOAD_BYTES", str(300 * 1024 * 1024))
)
SCORM_LAUNCH_LIFETIME = int(os.environ.get("SCORM_LAUNCH_LIFETIME", str(12 * 3600)))
SCORM_PLAYER_DIR = BASE_DIR / "node_modules" / "scorm-again" / "dist"
if H5P_CONTENT_ORIGIN:
    SECURE_CSP["frame-src"].append(H5P_CONTENT_ORIGIN)  # type: ignore[attr-defined]
MIDDLEWARE.insert(1, "lessons.h5p.middleware.ContentOriginMiddleware")

# Messages carry Bootstrap's alert names (base.html: `alert alert-<tag>`).
MESSAGE_TAGS = {
    message_constants.DEBUG: "secondary",
    message_constants.INFO: "info",
    message_constants.SUCCESS: "success",
    message_constants.WARNING: "warning",
    message_constants.ERROR: "danger",
}
