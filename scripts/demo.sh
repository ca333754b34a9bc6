#!/usr/bin/env bash
# Sets up a fresh machine if needed, builds cadre and runs the demo on the bundled
# sample corpus: store in ./cadre.db, exports in ./cadre-out/. Ends by printing how to
# open the pages in a browser; with --serve it starts `cadre serve` there instead
# (Ctrl-C stops it). Other arguments go to `cadre demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
serve=no
store=${CADRE_STORE:-cadre.db}
args=()
previous=
for arg in "$@"; do
  case "$arg" in
    --serve) serve=yes; continue ;;
    --store=*) store=${arg#--store=} ;;
    *) [ "$previous" = --store ] && store=$arg ;;
  esac
  args+=("$arg")
  previous=$arg
done
echo "== demo: checking the machine (scripts/setup.sh)"
scripts/setup.sh
if [ ! -x target/release/cadre ]; then
  echo "== demo: first build of cadre in release mode: RocksDB's C++ is compiled once, which takes 15 minutes or more on two cores; cargo's progress follows"
else
  echo "== demo: building cadre (only what changed)"
fi
cargo build --release
echo "== demo: running cadre demo on data/sample"
target/release/cadre demo "${args[@]}"
port=7878
if [ "$serve" = yes ]; then
  echo "== demo: serving the pages at http://127.0.0.1:$port/ (Ctrl-C stops)"
  exec target/release/cadre serve --store "$store" --bind "127.0.0.1:$port"
fi
echo
echo "== demo: to browse the graph, run"
echo "     target/release/cadre serve --store $store"
echo "   and open http://127.0.0.1:$port/ (or run scripts/demo.sh --serve)"
