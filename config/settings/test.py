import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, DATABASES, Q_CLUSTER, REDIS_URL, SECURE_CSP

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# One folder per pytest-xdist worker (inherited by the processes a test starts).
MEDIA_ROOT = (
    BASE_DIR / "var" / f"test-media-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
)
# The PostgreSQL and Redis pass shares one Redis between the pytest-xdist
# workers, each with a database of its own. Each worker caches in a Redis
# database of its own (gw0 in 2, gw1 in 3, ...; a lone process in 1), so
# another worker's cached Wagtail site paths never name pages this one lacks,
# and its cache.clear() (FLUSHDB) never empties this one's. Sessions stay in
# the database, so query counts are those of the SQLite pass.
if REDIS_URL:
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    _index = int(_worker[2:]) + 2 if _worker[2:].isdigit() else 1
    _redis = urlsplit(REDIS_URL)._replace(path=f"/{_index % 16}")
    CACHES = {"default": {**CACHES["default"], "LOCATION": urlunsplit(_redis)}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Tasks run in-process; tests still go through async_task and on_commit.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The anonymous page cache is off: tests build pages with factories between
# requests; tests/caching turns it on.
PAGE_CACHE_TIMEOUT = 0
# Wagtail 8 autosaves the editor every 500 ms; in browser tests that background
# save races the explicit Save/Publish clicks, so tests save explicitly only.
WAGTAIL_AUTOSAVE_INTERVAL = 0

# A file, not memory: with an in-memory SQLite database Django's live server
# shares one connection across its request threads, and the admin's concurrent
# requests (autosave, editing sessions, publish) then collide on it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One file per test process, so concurrent runs in one checkout never share it.
    (BASE_DIR / "var").mkdir(exist_ok=True)
    _name = f"test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / _name)}
# A host name of its own for the H5P content origin in client tests; browser
# tests point it at the live server's other host name.
H5P_CONTENT_ORIGIN = "http://h5p.testserver"
H5P_PLATFORM_ORIGIN = "http://testserver"
ALLOWED_HOSTS += ["h5p.testserver"]
SECURE_CSP["frame-src"].append(H5P_CONTENT_ORIGIN)  # type: ignore[attr-defined]
