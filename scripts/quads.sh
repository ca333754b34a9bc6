#!/usr/bin/env bash
# Quads per article and the top predicates of a store: `scripts/quads.sh [N] [SEED]`
# (default 1000 articles of seed 1; N = sample ingests the bundled sample corpus).
# Writes the corpus (`cadre bench gen`), ingests it into a fresh store, dumps the
# store as N-Quads (`cadre export --format nquads`, every graph, the reference
# graph among them) and prints the quads per article (all quads of the store over
# its article graphs) and the 15 predicates with most quads.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CADRE:-$PWD/target/release/cadre}
n=${1:-1000}
seed=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$n" = sample ]; then
  corpus=$PWD/data/sample
else
  corpus=$work/corpus
  "$bin" bench gen --articles "$n" --seed "$seed" --out "$corpus" >/dev/null
fi
"$bin" ingest --store "$work/store" "$corpus" >/dev/null 2>&1
"$bin" export --store "$work/store" --format nquads --out "$work/all.nq" >/dev/null 2>&1
awk '
  { quads++; pred[$2]++ }
  $NF == "." && $(NF-1) ~ /^<https:\/\/w3id.org\/cadre\/id\/article\// { graphs[$(NF-1)] = 1 }
  END {
    articles = length(graphs)
    printf "%d quads, %d articles, %.1f quads/article\n", quads, articles, quads / articles
    for (p in pred) printf "%d\t%.1f\t%s\n", pred[p], pred[p] / articles, p | "sort -rn | head -15"
  }' "$work/all.nq"
