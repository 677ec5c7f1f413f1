"""Settings for `make bench`: the dev settings on a throwaway SQLite file under
bench/results/, and a django-q2 cluster tuned for latency on the ORM broker.

BENCH_DATABASE_URL (e.g. a scratch PostgreSQL database) replaces the SQLite
file; BENCH_REDIS_URL (a scratch Redis) gives the cache and the sessions
`make run-prod` has. DATABASE_URL and REDIS_URL are ignored, so a benchmark
never writes to a real database.
"""

import os
from pathlib import Path

import dj_database_url

from config.settings.dev import *  # noqa: F403
from config.settings.dev import INSTALLED_APPS, LOGGING, Q_CLUSTER

RESULTS_DIR = Path(__file__).resolve().parent / "results"
BENCH_DB_PATH = RESULTS_DIR / "bench.sqlite3"

_url = os.environ.get("BENCH_DATABASE_URL", "")
if _url:
    # As config.settings.base: persistent connections, checked before reuse.
    DATABASES = {
        "default": dj_database_url.parse(_url, conn_max_age=60, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        INSTALLED_APPS = list(
            dict.fromkeys([*INSTALLED_APPS, "django.contrib.postgres"])
        )
else:
    # As config.settings.base configures SQLite, on a file of our own.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(BENCH_DB_PATH),
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
    }

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
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

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
