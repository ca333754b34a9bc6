#!/usr/bin/env bash
# Sets up a fresh machine if needed, builds cadre and runs the demo on the bundled
# sample corpus: store in ./cadre.db, exports in ./cadre-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo run --release --quiet -- demo "$@"
