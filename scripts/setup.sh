#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test cadre: Debian's libclang-dev
# (Oxigraph's RocksDB is built through bindgen); with the argument `test`, also
# xmllint, rapper, Python networkx, igraph and openpyxl (tests read the exports back
# with them), Gephi Lite's readers graphology-gexf and graphology-graphml (npm ci in
# tests/js, when node is there), curl, Python SPARQLWrapper (tests read `cadre serve`
# with them), Chromium (tests load the pages headless) and OpenLink
# Virtuoso (tests push to it). Rust itself must be there. Every missing Debian package
# is installed in one apt-get run, and every missing Python module in one pip run.
set -euo pipefail

# libclang itself (libclang.so / libclang-N.so), not libclang-cpp, which a fresh
# Debian image may already carry without the library bindgen loads.
have_libclang() {
  [ -n "${LIBCLANG_PATH:-}" ] && return 0
  compgen -G "/usr/lib/llvm-*/lib/libclang.so*" >/dev/null \
    || compgen -G "/usr/lib/*/libclang-[0-9]*.so*" >/dev/null
}

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install Rust (https://rustup.rs) first" >&2
  exit 1
fi

missing=()
have_libclang || missing+=(libclang-dev)
if [ "${1:-}" = test ]; then
  # Independent checkers of the exports: xmllint (XML well-formedness) and rapper (RDF).
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # Debian's Chromium: tests/web.rs loads each page kind headless (skipped without it).
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=()
    if [ "$(id -u)" != 0 ]; then
      if ! command -v sudo >/dev/null 2>&1; then
        echo "setup: missing ${missing[*]}; run as root or install them (apt-get install ${missing[*]})" >&2
        exit 1
      fi
      sudo=(sudo)
    fi
    echo "setup: installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing ${missing[*]}; install libclang yourself (Fedora: dnf install clang-devel," >&2
    echo "       macOS: xcode-select --install) and, for the tests, xmllint, rapper, curl, Virtuoso" >&2
    exit 1
  fi
fi

# The rest is for the tests only (`scripts/setup.sh test`).
[ "${1:-}" = test ] || exit 0

# Independent readers of the exports: networkx (GraphML, GEXF), python-igraph and
# openpyxl (the .xlsx workbooks); a SPARQL client library for the endpoint: SPARQLWrapper.
modules=()
for module in networkx igraph SPARQLWrapper openpyxl; do
  python3 -c "import $module" >/dev/null 2>&1 || modules+=("$module")
done
if [ ${#modules[@]} -gt 0 ]; then
  echo "setup: installing Python ${modules[*]} (for the export, xlsx and serve tests)"
  python3 -m pip install --quiet "${modules[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${modules[@]}"
fi

# Gephi Lite's readers (graphology-gexf, graphology-graphml), pinned by
# tests/js/package-lock.json; the export tests skip them without node.
if command -v npm >/dev/null 2>&1; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  echo "setup: npm ci in tests/js (Gephi Lite's readers, for the export tests)"
  (cd "$root/tests/js" && npm ci --no-audit --no-fund --silent)
else
  echo "setup: node/npm not found; the Gephi Lite export test will be skipped"
fi
