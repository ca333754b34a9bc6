#!/usr/bin/env bash
# Sets up a fresh machine if needed, then runs every test (unit, end-to-end, golden,
# scoring against ../shared when present) and the lint gates, all in the release
# profile so RocksDB is built once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
cargo fmt --all --check
cargo clippy --release --workspace --all-targets -- -D warnings
cargo test --release --workspace
