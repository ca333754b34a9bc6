#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test cadre: Debian's libclang-dev
# (Oxigraph's RocksDB is built through bindgen); with the argument `test`, also
# xmllint, rapper and Python networkx and igraph (tests read the exports back with
# them), curl, Python SPARQLWrapper (tests read `cadre serve` with them) and OpenLink
# Virtuoso (tests push to it). Rust itself must be there.
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

if ! have_libclang; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing libclang-dev (needed by Oxigraph's RocksDB build)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libclang-dev >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libclang-dev >/dev/null
  else
    echo "setup: libclang is missing; install it (Debian/Ubuntu: apt-get install libclang-dev," >&2
    echo "       Fedora: dnf install clang-devel, macOS: xcode-select --install) and re-run" >&2
    exit 1
  fi
fi

# The rest is for the tests only (`scripts/setup.sh test`).
[ "${1:-}" = test ] || exit 0

# Independent checkers of the exports: xmllint (XML well-formedness) and rapper (RDF).
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} (for the export, serve and push tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing ${missing[*]} (Debian: apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# Independent readers of the exports: networkx (GraphML, GEXF) and python-igraph;
# a SPARQL client library for the endpoint: SPARQLWrapper.
for module in networkx igraph SPARQLWrapper; do
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    echo "setup: installing Python $module (for the export and serve tests)"
    python3 -m pip install --quiet "$module" 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages "$module"
  fi
done
