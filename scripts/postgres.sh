#!/usr/bin/env bash
# A throw-away PostgreSQL for tests: `scripts/postgres.sh start DIR PORT` prints a
# DATABASE_URL; `scripts/postgres.sh stop DIR` removes it. PostgreSQL refuses to
# run as root, so as root the server runs as the `postgres` user.
set -euo pipefail
cmd=${1:?usage: postgres.sh start DIR PORT | stop DIR}
dir=${2:?data directory}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

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
    as_pg "$(pg_bin initdb)" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
    as_pg "$(pg_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/ign"
    ;;
  stop)
    as_pg "$(pg_bin pg_ctl)" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
