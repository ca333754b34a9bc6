#!/usr/bin/env bash
# Checks that a change to the extractor changed no output:
#   scripts/compare_extract.sh REFERENCE_BINARY [SYNTHETIC_ARTICLES]
# runs REFERENCE_BINARY (the previous engine) and this checkout's target/release/cadre
# over the same inputs and diffs their outputs, `--format eval-json` and the full
# `--format jsonl` (evidence offsets included):
#   - the development texts of ../shared/eval/dev outside the held-out batches
#     (`g*`, `i*`), as .txt files and as their JSONL records (with URLs);
#   - SYNTHETIC_ARTICLES (default 500) articles of `cadre bench gen`, seeds 1 and 2;
#   - the whole development set, held-out batches included: only whether the two
#     outputs' checksums agree is printed, never the outputs or a diff.
# Exits non-zero when any output differs.
set -euo pipefail
cd "$(dirname "$0")/.."
reference=${1:?usage: scripts/compare_extract.sh REFERENCE_BINARY [SYNTHETIC_ARTICLES]}
synthetic=${2:-500}
dev=${DEV:-../shared/eval/dev}
bin=$PWD/target/release/cadre
[ -d "$dev" ] || { echo "compare_extract: $dev not found" >&2; exit 1; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# The inputs that may be read and diffed: no file of a held-out batch.
mkdir -p "$work/open/txt" "$work/all"
cp "$dev"/*.txt "$work/all/"
for f in "$dev"/*.txt; do
  case $(basename "$f") in
    g* | i*) ;;
    *) cp "$f" "$work/open/txt/" ;;
  esac
done
python3 - "$dev/corpus.jsonl" "$work/open/corpus.jsonl" <<'EOF'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip() and json.loads(line)["id"][0] not in "gi":
            out.write(line)
EOF
"$bin" bench gen --articles "$synthetic" --seed 1 --out "$work/synth1" >/dev/null
"$bin" bench gen --articles "$synthetic" --seed 2 --out "$work/synth2" >/dev/null

# Runs both binaries on INPUT in FORMAT; OUT/ref and OUT/new hold the outputs.
run_both() {
  local format=$1 input=$2 out=$3
  mkdir -p "$out"
  for side in ref new; do
    local b=$bin
    [ "$side" = new ] || b=$reference
    if [ "$format" = eval-json ]; then
      RAYON_NUM_THREADS=2 "$b" extract --format eval-json --out "$out/$side" "$input" >/dev/null 2>&1
    else
      RAYON_NUM_THREADS=2 "$b" extract --format "$format" --out "$out/$side.jsonl" "$input" >/dev/null 2>&1
      sort "$out/$side.jsonl" >"$out/$side.sorted"
    fi
  done
}

compare_open() {
  local name=$1 format=$2 input=$3
  local out=$work/out/$name-$format
  run_both "$format" "$input" "$out"
  local a=$out/ref.sorted b=$out/new.sorted
  [ "$format" != eval-json ] || { a=$out/ref; b=$out/new; }
  local n
  if [ "$format" = eval-json ]; then n=$(find "$a" -name '*.json' | wc -l); else n=$(wc -l <"$a"); fi
  if diff -r "$a" "$b" >"$out.diff"; then
    echo "same      $name ($format, $n articles)"
  else
    echo "DIFFERENT $name ($format): $(wc -l <"$out.diff") diff lines, first ones:"
    head -20 "$out.diff"
    status=1
  fi
}

for format in eval-json jsonl; do
  compare_open dev-txt "$format" "$work/open/txt"
  compare_open dev-jsonl "$format" "$work/open/corpus.jsonl"
  compare_open synthetic-seed1 "$format" "$work/synth1"
  compare_open synthetic-seed2 "$format" "$work/synth2"
done

# The whole set, held-out batches included: checksums only.
for format in eval-json jsonl; do
  for input in "$work/all" "$dev/corpus.jsonl"; do
    out=$work/out/all-$format-$(basename "$input")
    run_both "$format" "$input" "$out"
    if [ "$format" = eval-json ]; then
      ref_sum=$(cd "$out/ref" && find . -type f | sort | xargs sha256sum | sha256sum)
      new_sum=$(cd "$out/new" && find . -type f | sort | xargs sha256sum | sha256sum)
    else
      ref_sum=$(sha256sum <"$out/ref.sorted")
      new_sum=$(sha256sum <"$out/new.sorted")
    fi
    if [ "$ref_sum" = "$new_sum" ]; then
      echo "same      whole dev set incl. held-out, $(basename "$input") ($format), checksums"
    else
      echo "DIFFERENT whole dev set incl. held-out, $(basename "$input") ($format), checksums"
      status=1
    fi
  done
done
exit $status
