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
    cargo clippy --release --all-targets -- -D warnings

# Extraction scores on the development set (needs ../shared).
eval:
    cargo build --release
    rm -rf target/eval && target/release/cadre extract --format eval-json --out target/eval ../shared/eval/dev/*.txt
    python3 ../shared/eval/score.py ../shared/eval/dev target/eval

# Extraction throughput on the dev set plus the sample corpus (see BENCHMARKS.md).
bench:
    cargo build --release
    scripts/bench.sh
