#!/usr/bin/env bash
# Builds and runs every fuzz target of fuzz/ (cargo fuzz, libFuzzer) for a bounded time each,
# then prints target / executions / exec/s / new corpus units / findings (docs/robustness.md).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, every target)
# Exits non-zero when a target crashed, timed out or ran out of memory; the input that did it
# is left in fuzz/artifacts/TARGET/. Reproduce one with:
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --debug-assertions TARGET fuzz/artifacts/TARGET/crash-...
# Works on the stable toolchain (RUSTC_BOOTSTRAP=1 lets it take cargo fuzz's -Z flags);
# FUZZ_TOOLCHAIN=nightly uses nightly instead. Installs cargo-fuzz when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true

toolchain="${FUZZ_TOOLCHAIN:-stable}"
if [ "$toolchain" = stable ]; then
  export RUSTC_BOOTSTRAP=1
fi
# Others compile on the same cores: one job, at low priority; a target dir of its own.
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
export CARGO_TARGET_DIR="$PWD/fuzz/target"

if ! cargo fuzz --version >/dev/null 2>&1; then
  nice cargo install cargo-fuzz --locked
fi

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo "+$toolchain" fuzz list)
fi

flags=(--debug-assertions)
nice cargo "+$toolchain" fuzz build "${flags[@]}"

mkdir -p fuzz/work/logs
rows=()
failed=0
for target in "${targets[@]}"; do
  work="fuzz/work/$target"
  artifacts="fuzz/artifacts/$target"
  mkdir -p "$work" "$artifacts" "fuzz/corpus/$target"
  before="$(find "$artifacts" -type f | wc -l)"
  log="fuzz/work/logs/$target.log"
  echo "== $target: ${seconds}s" >&2
  status=0
  # New inputs go to fuzz/work/TARGET (kept between runs); the seeds in fuzz/corpus/TARGET
  # are only read.
  nice cargo "+$toolchain" fuzz run "${flags[@]}" "$target" "$work" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  after="$(find "$artifacts" -type f | wc -l)"
  found=$((after - before))
  stat() { grep -o "stat::$1: *[0-9]*" "$log" | tail -1 | grep -o '[0-9]*$' || echo '?'; }
  execs="$(stat number_of_executed_units)"
  rate="$(stat average_exec_per_sec)"
  units="$(stat new_units_added)"
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    failed=1
    tail -n 40 "$log" >&2
    ls -t "$artifacts" | head -n "$((found > 0 ? found : 1))" | sed "s|^|$artifacts/|" >&2
  fi
  rows+=("$target|$execs|$rate|$units|$found|$status")
done

printf '\n%-16s %12s %8s %10s %9s %6s\n' target executions exec/s new-units findings exit
for row in "${rows[@]}"; do
  IFS='|' read -r target execs rate units found status <<<"$row"
  printf '%-16s %12s %8s %10s %9s %6s\n' "$target" "$execs" "$rate" "$units" "$found" "$status"
done
echo "logs: fuzz/work/logs/TARGET.log; findings: fuzz/artifacts/TARGET/"
exit "$failed"
