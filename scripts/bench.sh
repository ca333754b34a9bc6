#!/usr/bin/env bash
# Extraction throughput, a command anyone can run: `cadre extract --format eval-json`
# over the bundled sample corpus and, when present, the shared dev set (each repeated
# REPEAT times into one folder so that start-up does not dominate), on one thread and
# on all cores, against the floor of reading the same files (`cat`). Medians of 5
# runs. Writes the table to BENCHMARKS.md with the machine description.
# The full benchmark (synthetic corpus of any size, ingest, queries, references) is
# issue #6.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/cadre
[ -x "$bin" ] || cargo build --release --quiet
REPEAT=${REPEAT:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | sed -n 3p; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

corpus() {
  local name=$1; shift
  local dir="$work/$name"
  mkdir -p "$dir"
  for i in $(seq 1 "$REPEAT"); do
    for f in "$@"; do cp "$f" "$dir/$(basename "$f" .txt)_$i.txt"; done
  done
  echo "$dir"
}

row() {
  local name=$1 dir=$2
  local bytes files cat_t one_t all_t
  bytes=$(cat "$dir"/* | wc -c)
  files=$(ls "$dir" | wc -l)
  cat_t=$(for _ in 1 2 3 4 5; do seconds cat "$dir"/*; done | median)
  one_t=$(for _ in 1 2 3 4 5; do RAYON_NUM_THREADS=1 seconds "$bin" extract --format eval-json --out "$work/out" "$dir"; done | median)
  all_t=$(for _ in 1 2 3 4 5; do seconds "$bin" extract --format eval-json --out "$work/out" "$dir"; done | median)
  printf '| %s | %d | %.1f | %.3f | %.3f (%.2f MB/s) | %.3f (%.2f MB/s) | %.0f× |\n' \
    "$name" "$files" "$(echo "$bytes / 1000000" | bc -l)" "$cat_t" \
    "$one_t" "$(echo "$bytes / $one_t / 1000000" | bc -l)" \
    "$all_t" "$(echo "$bytes / $all_t / 1000000" | bc -l)" \
    "$(echo "$one_t / $cat_t" | bc -l)"
}

{
  echo "# Benchmarks"
  echo
  echo "Regenerate with \`scripts/bench.sh\` (or \`just bench\`). Machine: $(nproc) cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;"
  echo "run on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo
  echo "## Extraction throughput"
  echo
  echo "Median of 5 runs of \`cadre extract --format eval-json\` (whole process: start-up,"
  echo "reading, extraction, writing one JSON per article), against \`cat\` of the same"
  echo "files in the same session. Each corpus is its articles repeated $REPEAT times."
  echo
  echo "| corpus | files | MB | cat (s) | 1 thread (s) | all cores (s) | 1 thread ÷ cat |"
  echo "|---|---|---|---|---|---|---|"
  row sample "$(corpus sample data/sample/*.txt)"
  if [ -d ../shared/eval/dev ]; then
    row dev "$(corpus dev ../shared/eval/dev/*.txt)"
  fi
  echo
  echo "Targets of issue #6 (≥ 50 MB/s per core, 100k-article ingest, query latencies,"
  echo "references to Oxigraph's bulk loader and underthesea) are not measured yet."
} | tee BENCHMARKS.md
