#!/usr/bin/env bash
# What every reader of the store shows, from two binaries, compared:
# `scripts/compare_readers.sh BEFORE AFTER` (two cadre binaries). Each ingests the
# bundled sample into a fresh store, then writes 14 saved queries over five places
# and three people, `cadre person` of three people, `cadre explain` of every person,
# body, place, post, meeting, document and term node, the exports (graphml, gexf,
# csv, xlsx, the people and affiliation projections, a `--from` cut) and `cadre
# site`; the script ends with `diff -r` of the two folders (exit 0 when identical).
# Run it when the graph's layout changes: the layout may change, what users see may
# not, unless on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

outputs() {
  local bin=$1 out=$2
  mkdir -p "$out"
  local store=$work/store-$(basename "$out")
  "$bin" ingest --store "$store" data/sample >/dev/null 2>&1
  saved() {
    local name=$1; shift
    local args=() file=$name
    for p in "$@"; do args+=(--param "$p"); file+="-$p"; done
    "$bin" query --store "$store" --format csv --saved "$name" "${args[@]}" >"$out/query-${file//\//_}.csv" 2>&1
  }
  for place in "Hà Nội" "Thanh Trì" "Nghệ An" "Quảng Ninh" "Ninh Kiều"; do
    for q in meeting-chairs concurrent-posts transfers meetings-per-year higher-officials successions leadership; do
      saved "$q" "place=$place"
    done
    saved post-holders "role=Bí thư" "place=$place"
    saved post-holders "role=Chủ tịch" "place=$place"
  done
  for name in "Phạm Quang Thịnh" "Lưu Đức Thành" "Nguyễn Văn Hùng"; do
    for q in career co-chairs person-posts; do saved "$q" "name=$name"; done
    saved claim-evidence "name=$name" "post=Bí thư Huyện ủy Thanh Trì"
    "$bin" person --store "$store" "$name" >"$out/person-$name.txt" 2>&1 || true
  done
  saved body-documents "body=Quận ủy Ninh Kiều" year=2022
  saved body-terms "body=Đảng bộ Thanh Trì"
  "$bin" query --store "$store" --format tsv \
    'SELECT DISTINCT ?n WHERE { GRAPH ?g { ?n ?p ?o } FILTER(REGEX(STR(?n), "/id/(person|body|place|post|meeting|document|term)/")) } ORDER BY ?n' |
    tail -n +2 | tr -d '<>\r' | while read -r node; do
      "$bin" explain --store "$store" "$node" 2>&1
    done >"$out/explain.txt"
  for format in graphml gexf csv xlsx; do
    "$bin" export --store "$store" --format "$format" --out "$out/export.$format" >/dev/null
  done
  for projection in people affiliation; do
    "$bin" export --store "$store" --format graphml --graph "$projection" --out "$out/export-$projection.graphml" >/dev/null
  done
  "$bin" export --store "$store" --format gexf --from 2021-01-01 --out "$out/export-from-2021.gexf" >/dev/null
  "$bin" site --store "$store" --out "$out/site" >/dev/null
}

outputs "$1" "$work/before"
outputs "$2" "$work/after"
echo "$(grep -c '^https://' "$work/after/explain.txt") nodes explained, $(find "$work/after/site" -type f | wc -l) site files" >&2
diff -r "$work/before" "$work/after" && echo "identical"
