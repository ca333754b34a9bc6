#!/usr/bin/env bash
# The benchmark, a command anyone can run: `scripts/bench.sh [N ...]` (default
# N = 10000 100000; `just bench` is the same). For each N it writes a synthetic corpus
# (`cadre bench gen`), then measures in one session, on this machine:
#   - the floor of reading the corpus (cat) and Oxigraph's own bulk load of the
#     N-Quads cadre extracts (`oxigraph load`, PyPI package `oxigraph`, same version
#     as the crate) — the references the ratios are taken against;
#   - extraction (`cadre extract --format jsonl`) on one thread and on all cores;
#   - full ingest (`cadre ingest`: extract, resolve, load) with peak RSS and the
#     store's size on disk;
#   - every saved query's p50/p95 latency (`cadre bench queries`, in-process);
#   - export time per format;
# and, when ../shared/eval/dev is present, underthesea's NER (PyPI, in a virtualenv
# this script makes) over the real dev texts: speed and person F1 beside cadre's.
# Extraction timings are medians of RUNS runs (default 3 up to 20,000 articles, 1
# above); each saved query runs QUERY_RUNS times (default 20). Results and the
# machine description go to BENCHMARKS.md.
# Needs: python3 with venv and pip (PyPI reachable on the first run), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/target/release/cadre
cargo build --release --quiet
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
work=${BENCH_WORK:-$(mktemp -d)}
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
venv=${BENCH_VENV:-$HOME/.cache/cadre-bench/venv}
query_runs=${QUERY_RUNS:-20}
oxigraph_version=$(awk '$0 == "name = \"oxigraph\"" {getline; gsub(/"/, "", $3); print $3}' Cargo.lock)

log() { echo "bench: $*" >&2; }

# The reference tools, installed once into a virtualenv.
if [ ! -x "$venv/bin/oxigraph" ] || ! "$venv/bin/python" -c 'import underthesea' 2>/dev/null; then
  log "installing oxigraph==$oxigraph_version and underthesea into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "oxigraph==$oxigraph_version" underthesea
fi

# Runs a command; prints "SECONDS MAX_RSS_KIB" (its output goes to $work/last.out).
timed() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/last.out" 2>"$work/last.err" || {
    cat "$work/last.err" >&2
    return 1
  }
  cat "$work/time"
}
seconds() { timed "$@" | cut -d' ' -f1; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
calc() { python3 -c "print(f'{$1:$2}')"; }

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
declare -A ingest_s extract1_s

size_rows=()
ingest_rows=()
query_rows=()
export_rows=()
for n in "${sizes[@]}"; do
  runs=${RUNS:-$([ "$n" -le 20000 ] && echo 3 || echo 1)}
  corpus=$work/corpus-$n
  rm -rf "$corpus"
  log "N=$n: generating"
  gen_s=$(seconds "$bin" bench gen --articles "$n" --seed 1 --out "$corpus")
  bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  mb=$(calc "$bytes / 1e6" .1f)

  log "N=$n: cat floor, extraction ($runs runs each)"
  cat_s=$(for _ in $(seq "$runs"); do seconds sh -c "find '$corpus' -name '*.txt' -print0 | xargs -0 cat >/dev/null"; done | median)
  one_s=$(for _ in $(seq "$runs"); do RAYON_NUM_THREADS=1 seconds "$bin" extract --format jsonl --out "$work/x.jsonl" "$corpus"; done | median)
  all_s=$(for _ in $(seq "$runs"); do seconds "$bin" extract --format jsonl --out "$work/x.jsonl" "$corpus"; done | median)
  extract1_s[$n]=$one_s
  size_rows+=("| $n | $mb | $(calc "$gen_s" .1f) | $(calc "$cat_s" .2f) | $(calc "$one_s" .1f) ($(calc "$bytes / $one_s / 1e6" .2f) MB/s) | $(calc "$all_s" .1f) ($(calc "$bytes / $all_s / 1e6" .2f) MB/s) | $(calc "$one_s / $cat_s" .0f)× |")

  log "N=$n: N-Quads, Oxigraph's load, cadre ingest"
  nq_s=$(seconds "$bin" extract --format nquads --out "$work/x.nq" "$corpus")
  rm -rf "$work/oxi"
  read -r oxi_s oxi_rss < <(timed "$venv/bin/oxigraph" load --location "$work/oxi" --file "$work/x.nq")
  rm -rf "$work/store"
  read -r ing_s ing_rss < <(timed "$bin" ingest --store "$work/store" "$corpus")
  ingest_s[$n]=$ing_s
  quads=$(grep -o '[0-9]* quads written' "$work/last.out" "$work/last.err" | grep -o '^[^ ]*' | grep -o '[0-9]*$' | head -1)
  store_mb=$(calc "$(du -sb "$work/store" | cut -f1) / 1e6" .0f)
  oxi_mb=$(calc "$(du -sb "$work/oxi" | cut -f1) / 1e6" .0f)
  ingest_rows+=("| $n | $(calc "$ing_s" .1f) | $(calc "$n / $ing_s" .0f) | $(calc "$quads / $ing_s" .0f) | $(calc "$ing_rss / 1024" .0f) | $store_mb | $(calc "$nq_s + $oxi_s" .1f) ($(calc "$nq_s" .1f) + $(calc "$oxi_s" .1f)) | $(calc "$oxi_rss / 1024" .0f) | $oxi_mb | $(calc "$ing_s / ($nq_s + $oxi_s)" .2f) | $(calc "$ing_s / $oxi_s" .2f) |")

  log "N=$n: saved queries"
  "$bin" bench queries --store "$work/store" --runs "$query_runs" >"$work/queries.tsv"
  while IFS=$'\t' read -r name rows p50 p95; do
    [ "$name" = query ] && continue
    query_rows+=("| $n | $name | $rows | $p50 | $p95 |")
  done <"$work/queries.tsv"

  log "N=$n: exports"
  row="| $n |"
  for format in graphml gexf csv nquads; do
    rm -rf "$work/export"
    out=$work/export.$format
    [ "$format" = csv ] && out=$work/export
    row+=" $(calc "$(seconds "$bin" export --store "$work/store" --format "$format" --out "$out")" .1f) |"
  done
  export_rows+=("$row")
  rm -rf "$corpus" "$work/store" "$work/oxi" "$work/x.nq" "$work/x.jsonl" "$work/export" "$work"/export.*
done

# Growth exponent between the smallest and largest N: time ∝ N^k.
exponent() {
  local a=${sizes[0]} b=${sizes[-1]}
  [ "$a" = "$b" ] && { echo "–"; return; }
  python3 -c "import math; print(f'{math.log($2 / $1) / math.log($b / $a):.2f}')"
}

underthesea_rows=()
dev=../shared/eval/dev
if [ -d "$dev" ]; then
  log "underthesea NER over the dev texts"
  mkdir -p "$work/uts" "$work/cadre-dev"
  read -r uts_s _ < <(timed "$venv/bin/python" scripts/underthesea_persons.py "$dev" "$work/uts")
  read -r cadre_s _ < <(timed "$bin" extract --format eval-json --out "$work/cadre-dev" "$dev"/*.txt)
  f1() { python3 ../shared/eval/score.py "$dev" "$1" --json | python3 -c 'import json, sys; print("%.3f" % json.load(sys.stdin)["persons"]["f1"])'; }
  dev_mb=$(calc "$(cat "$dev"/*.txt | wc -c) / 1e6" .2f)
  underthesea_rows+=("| cadre extract (all cores) | $(calc "$cadre_s" .2f) | $(f1 "$work/cadre-dev") |")
  underthesea_rows+=("| underthesea NER (PER entities) | $(calc "$uts_s" .2f) | $(f1 "$work/uts") |")
  uts_ratio=$(calc "$uts_s / $cadre_s" .0f)
fi

{
  echo "# Benchmarks"
  echo
  echo "Regenerate with \`scripts/bench.sh\` (or \`just bench\`; \`scripts/bench.sh 1000\` for a"
  echo "quick run). Machine: $machine; run on $(date -u +%Y-%m-%d), commit"
  echo "$(git rev-parse --short HEAD 2>/dev/null || echo unknown). Corpus: \`cadre bench gen --seed 1\`"
  echo "(synthetic articles of 3–10 KB). Times are wall-clock seconds of the whole process."
  echo
  echo "## Extraction"
  echo
  echo "\`cadre extract --format jsonl\` (median of 3 runs up to 20,000 articles, one run"
  echo "above), against the floor of reading the same files with \`cat\`."
  echo
  echo "| articles | MB | generate (s) | cat (s) | 1 thread (s) | all cores (s) | 1 thread ÷ cat |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${size_rows[@]}"
  echo
  echo "## Ingest"
  echo
  echo "\`cadre ingest\` into a fresh store (extract, resolve, load, then compact: a fresh"
  echo "ingest writes the whole store), against Oxigraph's own bulk load (\`oxigraph load\`"
  echo "$oxigraph_version from PyPI, which does not compact) of the N-Quads cadre extracts from"
  echo "the same corpus (extraction to N-Quads + load). RSS is the peak resident set."
  echo
  echo "| articles | ingest (s) | articles/s | quads/s | peak RSS (MiB) | store (MB) | extract N-Quads + oxigraph load (s) | oxigraph RSS (MiB) | oxigraph store (MB) | ingest ÷ (extract + load) | ingest ÷ load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ingest_rows[@]}"
  echo
  if [ ${#sizes[@]} -gt 1 ]; then
    echo "Growth from ${sizes[0]} to ${sizes[-1]} articles (time ∝ N^k): ingest k = $(exponent "${ingest_s[${sizes[0]}]}" "${ingest_s[${sizes[-1]}]}"), extraction on one thread k = $(exponent "${extract1_s[${sizes[0]}]}" "${extract1_s[${sizes[-1]}]}")."
    echo
  fi
  echo "## Saved queries"
  echo
  echo "\`cadre bench queries\`: each saved query run $query_runs times in one process after a"
  echo "warm-up, with parameters picked from the store (the person with most holdings, one"
  echo "of their posts, its body, place and a year of its documents). Milliseconds."
  echo
  echo "| articles | query | rows | p50 (ms) | p95 (ms) |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${query_rows[@]}"
  echo
  echo "## Exports"
  echo
  echo "\`cadre export\` of the \`kg\` projection (metrics included), seconds."
  echo
  echo "| articles | graphml | gexf | csv | nquads |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${export_rows[@]}"
  if [ ${#underthesea_rows[@]} -gt 0 ]; then
    echo
    echo "## underthesea"
    echo
    echo "The real dev texts ($dev_mb MB, ../shared/eval/dev): cadre's whole extraction against"
    echo "underthesea's NER (its PER entities as persons, \`scripts/underthesea_persons.py\`),"
    echo "person F1 by score.py. underthesea takes ${uts_ratio}× cadre's time."
    echo
    echo "| tool | seconds | person F1 |"
    echo "|---|---|---|"
    printf '%s\n' "${underthesea_rows[@]}"
  fi
  if [ -f scripts/bench-notes.md ]; then
    echo
    cat scripts/bench-notes.md
  fi
} >BENCHMARKS.md
cat BENCHMARKS.md
