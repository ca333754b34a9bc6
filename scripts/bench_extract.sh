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
# Each time is the median of RUNS runs (default 5), wall clock and CPU (user + system,
# GNU time). Prints one Markdown table row per binary: seconds, MB/s, and the ratios
# to cat and to the reference.
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

# Median wall-clock and CPU (user + system) seconds of RUNS runs of a command (its
# output discarded), as "WALL CPU": on a shared machine the CPU time is the steadier.
median_seconds() {
  local times=$work/times
  : >"$times"
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$start $end $(cat "$work/cpu")" >>"$times"
  done
  local wall cpu
  wall=$(awk '{print $2 - $1}' "$times" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  cpu=$(awk '{print $3 + $4}' "$times" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  echo "$wall $cpu"
}

export RAYON_NUM_THREADS=1
cat_s=$(median_seconds cat "$big")
new_s=$(median_seconds "$bin" extract --format jsonl "$big")
ref_s=""
[ -z "$reference" ] || ref_s=$(median_seconds "$reference" extract --format jsonl "$big")

python3 - "$bytes" "$copies" "$runs" "$cat_s" "$new_s" "$ref_s" <<'EOF'
import sys
size, copies, runs = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cat_s, new_s = [float(x) for x in sys.argv[4].split()], [float(x) for x in sys.argv[5].split()]
ref_s = [float(x) for x in sys.argv[6].split()] if sys.argv[6] else None
mb = size / 1e6
print(f"corpus: {copies} copies, {mb:.2f} MB; median of {runs} runs, one thread")
print("| binary | wall s | MB/s (wall) | CPU s | MB/s (CPU) | wall ÷ cat | CPU ÷ reference |")
print("|---|---|---|---|---|---|---|")
def row(name, s):
    vs_ref = f"{s[1] / ref_s[1]:.2f}" if ref_s else ""
    cpu_rate = f"{mb / s[1]:.1f}" if s[1] > 0 else "—"
    print(f"| {name} | {s[0]:.3f} | {mb / s[0]:.1f} | {s[1]:.2f} | {cpu_rate} | {s[0] / cat_s[0]:.0f} | {vs_ref} |")
row("cat", cat_s)
if ref_s:
    row("reference", ref_s)
row("cadre (this checkout)", new_s)
EOF
