"""Settings for `make bench`: the dev settings on a throwaway SQLite file under
bench/results/, and a django-q2 cluster tuned for latency on the ORM broker.

BENCH_DATABASE_URL (e.g. a scratch PostgreSQL database) replaces the SQLite
file; BENCH_REDIS_URL (a scratch Redis) gives the cache and the sessions
`make run-prod` has. DATABASE_URL and REDIS_URL are ignored, so a benchmark
never writes to a real database.
"""

import os
from pathlib import Path

from config.settings.base import sqlite_database, url_database
from config.settings.dev import *  # noqa: F403
from config.settings.dev import INSTALLED_APPS, LOGGING, Q_CLUSTER

RESULTS_DIR = Path(__file__).resolve().parent / "results"
BENCH_DB_PATH = RESULTS_DIR / "bench.sqlite3"

_url = os.environ.get("BENCH_DATABASE_URL", "")
# The settings a DATABASE_URL or the SQLite default gets (config.settings.base).
DATABASES = {
    "default": url_database(_url) if _url else sqlite_database(str(BENCH_DB_PATH))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS = list(dict.fromkeys([*INSTALLED_APPS, "django.contrib.postgres"]))

_redis = os.environ.get("BENCH_REDIS_URL", "")
if _redis:
    # As config.settings.production on Redis; the task broker stays the ORM.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis,
            "KEY_PREFIX": "ign-bench",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    PAGE_CACHE_VERSION_IN_CACHE = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    PAGE_CACHE_VERSION_IN_CACHE = False

# Production-like: no query log kept in memory, only warnings logged.
DEBUG = False
# The platform's URLs plus a bare view (bench/urls.py) for the page benchmarks.
ROOT_URLCONF = "bench.urls"
LOGGING = {
    **LOGGING,
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
MEDIA_ROOT = RESULTS_DIR / "media"
# Certificate e-mails are part of the work measured, but not printed.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# The ORM broker sleeps `poll` seconds each time it finds the queue empty
# (django-q2's default is 0.2 s); two workers for the two cores it is sized for.
Q_CLUSTER = {
    key: value for key, value in Q_CLUSTER.items() if key not in {"redis", "sync"}
}
Q_CLUSTER.update(
    {
        "name": "ign-bench",
        "workers": int(os.environ.get("BENCH_Q_WORKERS", "2")),
        "orm": "default",
        "poll": float(os.environ.get("BENCH_Q_POLL", "0.05")),
    }
)
