#!/usr/bin/env bash
# A local PostgreSQL on loopback: `scripts/postgres.sh start DIR PORT` prints a
# DATABASE_URL (database `ign`, created if missing; an existing DIR is started
# again with its data); `scripts/postgres.sh stop DIR` stops it and removes DIR
# (tests, CI); `scripts/postgres.sh halt DIR` stops it and keeps the data
# (`make run-prod`). PostgreSQL refuses to run as root, so as root the server
# runs as the `postgres` user.
set -euo pipefail
cmd=${1:?usage: postgres.sh start DIR PORT | stop DIR | halt DIR}
dir=${2:?data directory}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# As root the server runs as `postgres`, which must reach DIR. Where a folder
# above DIR is private to root (a checkout under /root, a `mktemp -d`), the
# server's files go to a folder of their own under /var/tmp, named after DIR,
# so the same DIR always finds the same data.
if [ "$(id -u)" -eq 0 ]; then
  dir=$(realpath -m "$dir")
  mkdir -p "$(dirname "$dir")"
  if ! runuser -u postgres -- test -x "$(dirname "$dir")"; then
    dir=/var/tmp/ign-postgres-$(printf '%s' "$dir" | sha256sum | cut -c1-16)
  fi
fi

pg_bin() {
  command -v "$1" 2>/dev/null && return
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] && [ -x "$found/$1" ] && { echo "$found/$1"; return; }
  echo "PostgreSQL server binary '$1' not found (apt-get install postgresql)" >&2
  exit 1
}

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg "$(pg_bin initdb)" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
    fi
    # 200 connections: the live-server tests open one a concurrent request.
    as_pg "$(pg_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" \
      start >/dev/null
    if ! as_pg "$(pg_bin psql)" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'ign'" | grep -q 1; then
      as_pg "$(pg_bin createdb)" -h 127.0.0.1 -p "$port" -U postgres ign
    fi
    echo "postgres://postgres@127.0.0.1:$port/ign"
    ;;
  halt)
    as_pg "$(pg_bin pg_ctl)" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  stop)
    as_pg "$(pg_bin pg_ctl)" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
