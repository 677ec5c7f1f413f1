import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.settings.base import url_database

ROOT = Path(__file__).resolve().parents[2]


# The documented production layout: the H5P content origin on a registrable
# domain of its own (docs/deployment.md).
PRODUCTION = {
    "DJANGO_SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8" * 4,
    "DJANGO_ALLOWED_HOSTS": "academy.example.org,academy-h5p.example.net",
    "WAGTAILADMIN_BASE_URL": "https://academy.example.org",
    "H5P_PLATFORM_ORIGIN": "https://academy.example.org",
    "H5P_CONTENT_ORIGIN": "https://academy-h5p.example.net",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "academy.example.org"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "x" * 60}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_fails_fast_without_its_secrets(env, missing):
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr


def test_production_check_deploy_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


SIBLING_LAYOUT = {
    **PRODUCTION,
    "DJANGO_ALLOWED_HOSTS": "academy.example.org,h5p.academy.example.org",
    "H5P_CONTENT_ORIGIN": "https://h5p.academy.example.org",
}


def test_production_refuses_a_content_origin_beside_the_platform():
    result = run_manage("check", **SIBLING_LAYOUT)
    assert result.returncode != 0
    assert (
        "The H5P content host h5p.academy.example.org and the platform host "
        "academy.example.org share the registrable domain example.org"
    ) in result.stderr


def test_production_web_processes_refuse_to_start_beside_the_platform():
    # gunicorn runs no system checks; config.wsgi runs the layout ones.
    result = run_python("import config.wsgi", **SIBLING_LAYOUT)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "h5p.academy.example.org" in result.stderr
    assert run_python("import config.wsgi", **PRODUCTION).returncode == 0


def test_production_refuses_to_start_without_a_content_origin():
    result = run_manage("check", **{**PRODUCTION, "H5P_CONTENT_ORIGIN": ""})
    assert result.returncode != 0
    assert "H5P_CONTENT_ORIGIN is not set" in result.stderr


COOKIES = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_SECURE, "
    "s.CSRF_COOKIE_NAME, s.CSRF_COOKIE_SECURE)"
)


def test_production_cookies_carry_the_host_prefix():
    result = run_python(COOKIES, **PRODUCTION)
    assert result.stdout.split() == [
        "__Host-sessionid",
        "True",
        "__Host-csrftoken",
        "True",
    ]


def test_make_run_prod_over_http_keeps_cookies_a_browser_accepts():
    # Browsers drop a __Host- cookie that is not Secure, and over plain HTTP
    # it cannot be; `make run-prod`'s layout passes the checks as it is.
    local = {
        **PRODUCTION,
        "DJANGO_LOCAL_HTTP": "true",
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://localhost:8000",
        "H5P_PLATFORM_ORIGIN": "http://localhost:8000",
        "H5P_CONTENT_ORIGIN": "http://127.0.0.1:8000",
    }
    result = run_python(COOKIES, **local)
    assert result.stdout.split() == ["sessionid", "False", "csrftoken", "False"]
    result = run_manage("check", **local)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite pragmas apply only when DATABASE_URL is unset",
)
def test_sqlite_runs_in_wal_with_a_busy_timeout():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_a_postgresql_url_runs_without_the_jit_unless_it_says_otherwise(monkeypatch):
    monkeypatch.delenv("DATABASE_HEALTH_CHECKS", raising=False)
    database = url_database("postgres://ign:pw@db.example.org:5433/ign")
    assert database["OPTIONS"] == {"options": "-c jit=off"}
    assert database["CONN_MAX_AGE"] == 60
    # No health check (a round trip) before each request unless asked (issue 18).
    assert database["CONN_HEALTH_CHECKS"] is False
    monkeypatch.setenv("DATABASE_HEALTH_CHECKS", "true")
    assert url_database("postgres://ign@db/ign")["CONN_HEALTH_CHECKS"] is True
    chosen = url_database("postgres://ign@db/ign?options=-c%20jit%3Don")
    assert chosen["OPTIONS"] == {"options": "-c jit=on"}
    assert "OPTIONS" not in url_database("sqlite:////tmp/x.sqlite3")


@pytest.mark.django_db
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="checks the PostgreSQL session (CI runs the suite on PostgreSQL too)",
)
def test_postgresql_sessions_run_without_the_jit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client, site):
    policy = client.get("/").headers["Content-Security-Policy"]
    # The nonce appears only when a template used it; none needs to here.
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert client.get("/").headers["X-Content-Type-Options"] == "nosniff"
