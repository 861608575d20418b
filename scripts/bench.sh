#!/usr/bin/env bash
# The serving benchmarks of docs/performance.md in one run: a synthetic base (`trustkb gen`),
# start-up time, wrk under load on the pages and the API, exports, resident memory; one table.
#
# Usage: scripts/bench.sh [VENDORS] [RUNS]      (defaults: 10000 vendors, 3 runs per target)
# Env:   BENCH_DATABASE=postgres://...  benchmark on PostgreSQL instead of a temporary SQLite
#        BENCH_DURATION=10s (wrk duration)  BENCH_CONNECTIONS=64  BENCH_PORT=18940
set -euo pipefail
cd "$(dirname "$0")/.."

VENDORS="${1:-10000}"
RUNS="${2:-3}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
PORT="${BENCH_PORT:-18940}"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
fi

cargo build --quiet --release --bin trustkb
BIN="$PWD/target/release/trustkb"
DB="${BENCH_DATABASE:-sqlite://$WORK/kb.db}"
BASE="http://127.0.0.1:$PORT"
ADMIN=admin@localhost
PASSWORD='Correct-Horse-Battery-9'
export TRUSTKB_SECRET_KEY="${TRUSTKB_SECRET_KEY:-bench-secret-key-0123456789abcdef-0123456789}"

calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

serve() {
    "$BIN" serve --database "$DB" --bind "127.0.0.1:$PORT" \
        --admin-email "$ADMIN" --admin-password "$PASSWORD" >>"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
}

wait_up() {
    for _ in $(seq 1 2000); do
        curl -sf "$BASE/healthz" >/dev/null 2>&1 && return 0
        sleep 0.005
    done
    echo "the server did not start; its log:" >&2
    cat "$WORK/server.log" >&2
    exit 1
}

stop() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

# 1. The base: migrated and seeded by a first start, then the synthetic vendors.
serve
wait_up
stop
GEN_START=$(date +%s.%N)
TRUSTKB_PROGRESS=lines "$BIN" gen --vendors "$VENDORS" --seed 2021 --database "$DB" >"$WORK/gen.log" 2>&1
GEN_SECONDS=$(calc "$(date +%s.%N) - $GEN_START")

# 2. Start-up to serving on the existing base, RUNS times.
STARTUPS=()
for _ in $(seq 1 "$RUNS"); do
    START=$(date +%s.%N)
    serve
    wait_up
    STARTUPS+=("$(calc "($(date +%s.%N) - $START) * 1000")")
    stop
done
serve
wait_up

# Credentials: an API token, and a browser session signed in through the form.
TOKEN="$("$BIN" token create --database "$DB" "$ADMIN" --name bench | grep -o 'tkb_[A-Za-z0-9_-]*' | head -n 1)"
JAR="$WORK/cookies"
LOGIN_PAGE="$(curl -s -c "$JAR" "$BASE/login")"
CSRF="$(printf '%s' "$LOGIN_PAGE" | grep -o 'name="csrf_token" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')"
curl -s -b "$JAR" -c "$JAR" -o /dev/null \
    --data-urlencode "csrf_token=$CSRF" --data-urlencode "email=$ADMIN" \
    --data-urlencode "password=$PASSWORD" "$BASE/login"
SESSION="$(awk '$6 == "trustkb_session" {print $6 "=" $7}' "$JAR")"
[ -n "$SESSION" ] || { echo "could not sign in for the page benchmarks" >&2; exit 1; }
VENDOR="$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/vendors?limit=1&q=syn" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])' 2>/dev/null \
    || curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/vendors?limit=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')"

# 3. wrk: requests per second and p99 latency, RUNS runs per target, in one session.
to_ms() { # wrk latency ("812.00us", "3.41ms", "1.02s") in milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
declare -A RPS P99
TARGETS=(healthz vendor_list vendor_page dashboard search vendor_api)
path_of() {
    case "$1" in
        healthz) echo "/healthz" ;;
        vendor_list) echo "/vendors" ;;
        vendor_page) echo "/vendors/$VENDOR" ;;
        dashboard) echo "/" ;;
        search) echo "/search?q=breach" ;;
        vendor_api) echo "/api/v1/vendors/$VENDOR" ;;
    esac
}
PEAK_KB=0
for run in $(seq 1 "$RUNS"); do
    for target in "${TARGETS[@]}"; do
        path="$(path_of "$target")"
        if [[ "$path" == /api/* ]]; then header="Authorization: Bearer $TOKEN"; else header="Cookie: $SESSION"; fi
        status="$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$BASE$path")"
        [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
        out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "$BASE$path")"
        RPS[$target]+="$(printf '%s' "$out" | awk '/Requests\/sec/ {print $2}') "
        P99[$target]+="$(to_ms "$(printf '%s' "$out" | awk '$1 == "99%" {print $2}')") "
        rss="$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
        [ "$rss" -gt "$PEAK_KB" ] && PEAK_KB="$rss"
    done
done

# 4. Exports: one vendor's PDF, the portfolio workbook (kept until the base changes), and the
#    workbook built again after a write (a vendor added through the API), which is the cost
#    the target is about.
time_of() { curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $SESSION" "$BASE$1"; }
PDFS=() XLSXS=() BUILT_XLSXS=()
for _ in $(seq 1 "$RUNS"); do
    PDFS+=("$(calc "$(time_of "/vendors/$VENDOR/report.pdf") * 1000")")
    XLSXS+=("$(calc "$(time_of /exports/portfolio.xlsx) * 1000")")
done
for run in $(seq 1 "$RUNS"); do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' \
        -d "{\"slug\": \"bench-write-$run\", \"name\": \"Bench write $run\", \"tier\": \"low\", \"status\": \"active\"}" \
        "$BASE/api/v1/vendors")"
    [ "$status" = 201 ] || { echo "the write before the workbook answered $status" >&2; exit 1; }
    BUILT_XLSXS+=("$(calc "$(time_of /exports/portfolio.xlsx) * 1000")")
done
EXPORTS_PEAK_KB="$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
AFTER_KB="$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")"

# 5. One table: median [min, max] of the runs.
stats() { # values... -> "median [min, max]"
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%.1f [%.1f, %.1f]", m, v[1], v[NR] }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
HEALTH_RPS="$(median ${RPS[healthz]})"
echo
echo "trustkb benchmarks: $VENDORS vendors, $(echo "$DB" | cut -d: -f1), $(nproc) CPUs, wrk -t2 -c$CONNECTIONS -d$DURATION, $RUNS runs, $(date -u +%F)"
echo
printf '| %-34s | %-28s | %-24s | %-12s |\n' "measure" "median [min, max]" "target" "ratio"
printf '|%s|%s|%s|%s|\n' "------------------------------------" "------------------------------" "--------------------------" "--------------"
printf '| %-34s | %-28s | %-24s | %-12s |\n' "trustkb gen ($VENDORS vendors)" "$(printf '%.1f s' "$GEN_SECONDS")" "seconds" ""
printf '| %-34s | %-28s | %-24s | %-12s |\n' "start-up to serving (ms)" "$(stats "${STARTUPS[@]}")" "< 1000" ""
for target in "${TARGETS[@]}"; do
    rps_median="$(median ${RPS[$target]})"
    ratio="$(awk "BEGIN { printf \"%.2f\", $rps_median / $HEALTH_RPS }")"
    goal="p99 < 20 ms"
    case "$target" in
        healthz) goal="baseline" ;;
        search) goal="p99 < 10 ms" ;;
        vendor_page | vendor_api) goal="≥ 0.5 × healthz, p99 < 20 ms" ;;
    esac
    [ "$target" = vendor_api ] && goal="≥ 0.5 × healthz"
    printf '| %-34s | %-28s | %-24s | %-12s |\n' "$target $(path_of "$target" | cut -c1-20) req/s" "$(stats ${RPS[$target]})" "$goal" "${ratio}×"
    printf '| %-34s | %-28s | %-24s | %-12s |\n' "$target p99 (ms)" "$(stats ${P99[$target]})" "" ""
done
printf '| %-34s | %-28s | %-24s | %-12s |\n' "vendor PDF (ms)" "$(stats "${PDFS[@]}")" "< 200" ""
printf '| %-34s | %-28s | %-24s | %-12s |\n' "portfolio XLSX, after a write (ms)" "$(stats "${BUILT_XLSXS[@]}")" "< 3000" ""
printf '| %-34s | %-28s | %-24s | %-12s |\n' "portfolio XLSX, kept (ms)" "$(stats "${XLSXS[@]}")" "" ""
printf '| %-34s | %-28s | %-24s | %-12s |\n' "peak resident memory under load" "$((PEAK_KB / 1024)) MiB" "< 150 MiB" ""
printf '| %-34s | %-28s | %-24s | %-12s |\n' "peak, exports and writes included" "$((EXPORTS_PEAK_KB / 1024)) MiB" "" ""
printf '| %-34s | %-28s | %-24s | %-12s |\n' "resident after them" "$((AFTER_KB / 1024)) MiB" "" ""
