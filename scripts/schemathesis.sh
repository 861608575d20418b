#!/usr/bin/env bash
# Runs schemathesis (from PyPI) against a fresh trustkb server's OpenAPI document with an
# API token: fails on any 5xx, any answer outside the document, or fewer than MIN requests.
# Usage: scripts/schemathesis.sh [MAX_EXAMPLES_PER_OPERATION]   (default 25)
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLES="${1:-25}"
MIN_REQUESTS="${SCHEMATHESIS_MIN_REQUESTS:-1000}"
VENV="${SCHEMATHESIS_VENV:-$PWD/target/schemathesis-venv}"
WORK="$(mktemp -d)"
PORT="${SCHEMATHESIS_PORT:-18931}"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -x "$VENV/bin/st" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis>=4.3,<5"
fi

cargo build --quiet --bin trustkb
BIN="$PWD/target/debug/trustkb"
DB="sqlite://$WORK/kb.db"
"$BIN" serve --database "$DB" --bind "127.0.0.1:$PORT" \
    --admin-email admin@localhost --admin-password 'Correct-Horse-Battery-9' \
    >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
    sleep 0.2
done
TOKEN="$("$BIN" token create --database "$DB" admin@localhost --name schemathesis \
    | grep -o 'tkb_[A-Za-z0-9_-]*' | head -n 1)"

set +e
"$VENV/bin/st" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --header "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples "$EXAMPLES" \
    --seed "${SCHEMATHESIS_SEED:-20261127}" \
    --workers 1 \
    --report ndjson --report-ndjson-path "$WORK/events.ndjson" \
    --warnings off
STATUS=$?
set -e

read -r REQUESTS SERVER_ERRORS < <(python3 - "$WORK/events.ndjson" <<'PY'
import json, sys
requests = server_errors = 0
def walk(value):
    global requests, server_errors
    if isinstance(value, dict):
        response = value.get("response")
        if isinstance(value.get("request"), dict) and isinstance(response, dict):
            requests += 1
            if int(response.get("status_code", 0)) >= 500:
                server_errors += 1
        for v in value.values():
            walk(v)
    elif isinstance(value, list):
        for v in value:
            walk(v)
for line in open(sys.argv[1]):
    try:
        walk(json.loads(line))
    except ValueError:
        pass
print(requests, server_errors)
PY
)
echo "schemathesis: $REQUESTS requests (at least $MIN_REQUESTS required), $SERVER_ERRORS answered 5xx, exit status $STATUS"
if [ "$SERVER_ERRORS" -ne 0 ]; then
    echo "schemathesis: the server answered 5xx" >&2
    STATUS=1
fi
if [ "$STATUS" -ne 0 ]; then
    echo "--- server log (last 40 lines) ---" >&2
    tail -n 40 "$WORK/server.log" >&2
    exit "$STATUS"
fi
if [ "$REQUESTS" -lt "$MIN_REQUESTS" ]; then
    echo "schemathesis: too few requests" >&2
    exit 1
fi
