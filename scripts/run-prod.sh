#!/usr/bin/env bash
# `make run-prod`: the production settings on this machine, over plain HTTP at
# http://localhost:8000: gunicorn, two qcluster workers, PostgreSQL and Redis.
# Without DATABASE_URL / REDIS_URL, a PostgreSQL and a Redis of our own run on
# loopback (data in var/prod/, kept between runs) and are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
state=var/prod
mkdir -p "$state"

export DJANGO_SETTINGS_MODULE=config.settings.production
# Local mode only: plain HTTP on localhost (see config/settings/production.py).
export DJANGO_LOCAL_HTTP=${DJANGO_LOCAL_HTTP:-true}
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://localhost:8000}
export H5P_PLATFORM_ORIGIN=${H5P_PLATFORM_ORIGIN:-http://localhost:8000}
export H5P_CONTENT_ORIGIN=${H5P_CONTENT_ORIGIN:-http://127.0.0.1:8000}
export MEDIA_ROOT=${MEDIA_ROOT:-$PWD/var/media}
# Mail goes nowhere unless an SMTP server is configured.
export EMAIL_HOST=${EMAIL_HOST:-localhost}
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
  # One random key per checkout, kept so sessions survive a restart.
  [ -s "$state/secret_key" ] || (umask 077 && $PY -c \
    "import secrets; print(secrets.token_urlsafe(50))" >"$state/secret_key")
  DJANGO_SECRET_KEY=$(cat "$state/secret_key")
  export DJANGO_SECRET_KEY
fi

cleanup() {
  [ -n "${own_redis:-}" ] && scripts/redis.sh stop "$state/redis"
  [ -n "${own_pg:-}" ] && scripts/postgres.sh halt "$state/pg"
  return 0
}
trap cleanup EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  echo "::: starting PostgreSQL on 127.0.0.1:${PROD_PG_PORT:-55440} ($state/pg)"
  DATABASE_URL=$(scripts/postgres.sh start "$PWD/$state/pg" "${PROD_PG_PORT:-55440}")
  own_pg=1
  export DATABASE_URL
fi
if [ -z "${REDIS_URL:-}" ]; then
  echo "::: starting Redis on 127.0.0.1:${PROD_REDIS_PORT:-56440}"
  REDIS_URL=$(scripts/redis.sh start "$PWD/$state/redis" "${PROD_REDIS_PORT:-56440}")
  own_redis=1
  export REDIS_URL
fi

echo "::: collectstatic, migrate"
$PY manage.py collectstatic --noinput -v 0
$PY manage.py migrate --noinput -v 0
# The demo (with its published passwords) is never loaded by the production
# settings; locally it is seeded with the development settings, once.
DJANGO_SETTINGS_MODULE=config.settings.dev $PY manage.py seed_demo --if-empty

echo "::: serving http://localhost:8000 (gunicorn, two qcluster workers); Ctrl-C stops"
# honcho stops every process when one exits or on Ctrl-C; the trap then stops
# the PostgreSQL and Redis started here.
.venv/bin/honcho start -f Procfile.prod
