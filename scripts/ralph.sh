#!/usr/bin/env bash
# A third-party LRS on loopback for the forwarding tests: ralph-malph (France
# Université Numérique's LRS, file-system backend). `scripts/ralph.sh start DIR
# PORT USER PASSWORD` prints its xAPI endpoint; `stop DIR` stops it and keeps
# DIR's statements (start it again on the same DIR to get them back);
# `stop DIR --remove` removes DIR too. ralph lives in its own virtualenv
# (var/ralph-venv, made on first use from PyPI, version pinned): its
# dependencies (FastAPI, pydantic...) stay out of the project's.
# ralph 5.1's file-system LRS backend creates its statements file on every
# write (operation CREATE), so its second write fails ("already exists and
# overwrite is not allowed"); it is served here with uvicorn in one process
# and that backend's APPEND operation, which its data backend offers. The rest
# (validation, authentication, the same-id conflict check) is ralph's own.
set -euo pipefail
cmd=${1:?usage: ralph.sh start DIR PORT USER PASSWORD | stop DIR [--remove]}
dir=${2:?data directory}
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${RALPH_VENV:-$root/var/ralph-venv}
version=5.1.0

ensure_ralph() {
  [ -x "$venv/bin/ralph" ] && "$venv/bin/ralph" --version 2>/dev/null | grep -q "$version" && return
  echo "::: installing ralph-malph $version into $venv" >&2
  # The project's interpreter (make setup made it) and its uv.
  (cd "$root" && python3 -m uv venv -q --clear -p "$root/.venv/bin/python" "$venv" >&2 \
    && python3 -m uv pip install -q --python "$venv/bin/python" \
      "ralph-malph[lrs,backend-fs,cli]==$version" requests >&2)
  [ -x "$venv/bin/ralph" ] || { echo "ralph-malph did not install into $venv" >&2; exit 1; }
}

case "$cmd" in
  start)
    port=${3:?port}
    user=${4:?user}
    password=${5:?password}
    ensure_ralph
    mkdir -p "$dir/data"
    export RALPH_APP_DIR="$dir/app" RALPH_AUTH_FILE="$dir/auth.json" RALPH_RUNSERVER_BACKEND=fs
    if [ ! -f "$dir/auth.json" ]; then
      "$venv/bin/ralph" auth -u "$user" -p "$password" -s all -w \
        -M "mailto:$user@example.org" >>"$dir/ralph.log" 2>&1
    fi
    export RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH="$dir/data"
    RALPH_PORT=$port setsid "$venv/bin/python" -c '
import os
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend
FSDataBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(os.environ["RALPH_PORT"]))
' >>"$dir/ralph.log" 2>&1 &
    echo $! >"$dir/ralph.pid"
    for _ in $(seq 150); do
      curl -s -o /dev/null "http://127.0.0.1:$port/__heartbeat__" && break
      sleep 0.2
    done
    curl -s -o /dev/null "http://127.0.0.1:$port/__heartbeat__" \
      || { echo "ralph did not start; see $dir/ralph.log" >&2; exit 1; }
    echo "http://127.0.0.1:$port/xAPI"
    ;;
  stop)
    if [ -f "$dir/ralph.pid" ]; then
      pid=$(cat "$dir/ralph.pid")
      kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$dir/ralph.pid"
    fi
    if [ "${3:-}" = "--remove" ]; then rm -rf "$dir"; fi
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
