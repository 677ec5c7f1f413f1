#!/usr/bin/env bash
# A Redis for the task broker, on loopback: `scripts/redis.sh start DIR PORT`
# prints a REDIS_URL; `scripts/redis.sh stop DIR` stops it and removes DIR.
# Installs Debian's redis-server when it is missing. No persistence: the broker
# only carries task messages, and the reconciler re-enqueues lost gradings.
set -euo pipefail
cmd=${1:?usage: redis.sh start DIR PORT | stop DIR}
dir=${2:?data directory}

ensure_redis() {
  command -v redis-server >/dev/null 2>&1 && return
  echo "::: installing redis-server" >&2
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq redis-server >&2
}

case "$cmd" in
  start)
    port=${3:?port}
    ensure_redis
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --protected-mode yes \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
      --save "" --appendonly no --daemonize yes >/dev/null
    for _ in $(seq 100); do
      redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && break
      sleep 0.1
    done
    redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG \
      || { echo "redis did not start; see $dir/redis.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "redis://127.0.0.1:$port/0"
    ;;
  stop)
    if [ -f "$dir/redis.pid" ]; then
      pid=$(cat "$dir/redis.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
