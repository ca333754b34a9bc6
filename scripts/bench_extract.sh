#!/usr/bin/env bash
# Extraction speed on real text, a command anyone can run:
#   scripts/bench_extract.sh [COPIES] [REFERENCE_BINARY]
# (default 12 copies, no reference). It replicates ../shared/eval/dev/corpus.jsonl
# COPIES times (each copy of each article gets a unique id, and a unique tail of
# zero-width characters that normalisation removes, so no copy is skipped as a
# duplicate and every copy extracts exactly like the original),
# then times, in the same session and on one thread (RAYON_NUM_THREADS=1):
#   - `cat` of the file (the floor of reading it);
#   - `cadre extract --format jsonl` of this checkout (target/release/cadre);
#   - the same command with REFERENCE_BINARY (the previous engine, e.g. main's
#     binary copied to /tmp/cadre-ref), when given.
# Each time is the median of RUNS runs (default 5). Prints one Markdown table row per
# binary: seconds, MB/s, and the ratios to cat and to the reference.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-12}
reference=${2:-}
runs=${RUNS:-5}
corpus=${CORPUS:-../shared/eval/dev/corpus.jsonl}
bin=$PWD/target/release/cadre
[ -f "$corpus" ] || { echo "bench_extract: $corpus not found" >&2; exit 1; }
[ -z "$reference" ] || [ -x "$reference" ] || { echo "bench_extract: $reference is not executable" >&2; exit 1; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
big=$work/corpus.jsonl

python3 - "$corpus" "$copies" "$big" <<'EOF'
import json, sys
source, copies, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [l for l in open(source, encoding="utf-8") if l.strip()]
with open(target, "w", encoding="utf-8") as out:
    for copy in range(copies):
        for line in lines:
            record = json.loads(line)
            record["id"] = f"{record['id']}-{copy}"
            if copy:
                tail = format(copy, "b").translate({48: "\u200b", 49: "\u200c"})
                record["text"] += "\u200d" + tail
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
EOF
bytes=$(stat -c %s "$big")

# Median wall-clock seconds of RUNS runs of a command (its output discarded).
median_seconds() {
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    python3 -c "print($end - $start)"
  done | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

export RAYON_NUM_THREADS=1
cat_s=$(median_seconds cat "$big")
new_s=$(median_seconds "$bin" extract --format jsonl "$big")
ref_s=""
[ -z "$reference" ] || ref_s=$(median_seconds "$reference" extract --format jsonl "$big")

python3 - "$bytes" "$copies" "$runs" "$cat_s" "$new_s" "$ref_s" <<'EOF'
import sys
size, copies, runs, cat_s, new_s = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
ref_s = float(sys.argv[6]) if sys.argv[6] else None
mb = size / 1e6
print(f"corpus: {copies} copies, {mb:.2f} MB; median of {runs} runs, one thread")
print("| binary | seconds | MB/s | ÷ cat | ÷ reference |")
print("|---|---|---|---|---|")
print(f"| cat | {cat_s:.3f} | {mb / cat_s:.0f} | 1 | |")
def row(name, s):
    vs_ref = f"{s / ref_s:.2f}" if ref_s else ""
    print(f"| {name} | {s:.3f} | {mb / s:.1f} | {s / cat_s:.0f} | {vs_ref} |")
if ref_s:
    row("reference", ref_s)
row("cadre (this checkout)", new_s)
EOF
