# Recipes for cadre. Plain equivalents are in README.md.

# Ingest the sample corpus into ./cadre.db and show the graph.
demo:
    scripts/demo.sh

# Every test and lint gate (release profile: RocksDB builds once).
test:
    scripts/test.sh

# Formatting and clippy only.
lint:
    cargo fmt --all --check
    cargo clippy --release --workspace --all-targets -- -D warnings

# Extraction scores on the development set (needs ../shared); add --errors for a list.
eval *ARGS:
    cargo run --release --quiet -- eval ../shared/eval/dev {{ARGS}}

# The benchmark at 10k and 100k synthetic articles (writes BENCHMARKS.md); sizes may be given.
bench *SIZES:
    scripts/bench.sh {{SIZES}}
