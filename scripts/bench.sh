#!/usr/bin/env bash
# Extraction throughput: runs `cadre extract --format jsonl` over the sample corpus and,
# when present, the shared dev set, five times each, and prints the median MB/s.
# The full benchmark (synthetic corpus, ingest, queries, references) is issue #6.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/cadre
[ -x "$bin" ] || cargo build --release --quiet
run() {
  local name=$1; shift
  local bytes; bytes=$(cat "$@" | wc -c)
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 t1; t0=$(date +%s.%N)
    "$bin" extract --format jsonl "$@" >/dev/null
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  local median; median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf '%-12s %8d bytes  median %.3f s  %.2f MB/s (whole process, incl. start-up)\n' \
    "$name" "$bytes" "$median" "$(echo "$bytes / $median / 1000000" | bc -l)"
}
run sample data/sample/*.txt
if [ -d ../shared/eval/dev ]; then
  run dev ../shared/eval/dev/*.txt
fi
