#!/usr/bin/env bash
# ADL's xAPI LRS conformance suite (1,365 tests for xAPI 1.0.3) against our LRS
# at /xapi/, end to end: copy the suite (read-only in ../shared) to a temporary
# folder, install its npm dependencies there, migrate a throw-away SQLite
# database, create a client, start runserver, run the suite, stop the server.
# Writes {"total", "passed", "failed", "version"} to var/lrs-conformance.json
# and exits non-zero when a test fails (or the run breaks).
#   SUITE=path (default ../shared/tools/lrs-conformance-test-suite)
#   PORT=8106  GREP=pattern (only matching tests)  KEEP=1 (keep the temp folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
suite=${SUITE:-$root/../shared/tools/lrs-conformance-test-suite}
[ -d "$suite" ] || suite=/work/shared/tools/lrs-conformance-test-suite
port=${PORT:-8106}
python=$root/.venv/bin/python
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

cp -r "$suite" "$work/suite"
(cd "$work/suite" && npm install --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) \
  || { cat "$work/npm.log"; exit 2; }

export DJANGO_SETTINGS_MODULE=config.settings.dev SQLITE_PATH=$work/lrs.sqlite3
cd "$root"
"$python" manage.py migrate -v0 >/dev/null 2>&1
credentials=$("$python" manage.py xapi_client conformance 2>/dev/null | tail -1)
key=$(printf '%s' "$credentials" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["key"])')
secret=$(printf '%s' "$credentials" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

"$python" manage.py runserver "127.0.0.1:$port" --noreload >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$port/xapi/about" >/dev/null 2>&1 && break
  sleep 1
done

args=(-e "http://127.0.0.1:$port/xapi" -a -u "$key" -p "$secret" -x 1.0.3 -z)
[ -n "${GREP:-}" ] && args+=(-g "$GREP")
set +e
(cd "$work/suite" && node bin/console_runner.js "${args[@]}") >"$work/run.log" 2>&1
set -e
mkdir -p "$root/var"
summary=$(grep -E '^\{"total"' "$work/run.log" | tail -1 || true)
if [ -z "$summary" ]; then
  tail -40 "$work/run.log"
  echo '{"error": "the suite did not run"}' >"$root/var/lrs-conformance.json"
  exit 2
fi
printf '%s\n' "$summary" >"$root/var/lrs-conformance.json"
cp "$work/run.log" "$root/var/lrs-conformance.log"
echo "$summary"
failed=$(printf '%s' "$summary" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["failed"])')
[ "$failed" -eq 0 ]
