//! `cadre bench`: the synthetic corpus is deterministic, sized like real articles and
//! yields a graph, and the saved-query timer finds parameters that answer.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// File name → bytes of every file in `dir`.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_synthetic_corpus_is_deterministic_and_sized_like_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("c"),
    );
    let out = ok(&[
        "bench",
        "gen",
        "--articles",
        "40",
        "--seed",
        "7",
        "--out",
        s(&a),
    ]);
    assert!(out.starts_with("wrote 40 articles ("), "{out}");
    ok(&[
        "bench",
        "gen",
        "--articles",
        "40",
        "--seed",
        "7",
        "--out",
        s(&b),
    ]);
    ok(&[
        "bench",
        "gen",
        "--articles",
        "40",
        "--seed",
        "8",
        "--out",
        s(&c),
    ]);
    let (a, b, c) = (files(&a), files(&b), files(&c));
    assert_eq!(a.len(), 40);
    assert!(a.contains_key("synth-000000.txt") && a.contains_key("synth-000039.txt"));
    assert_eq!(a, b, "the same seed gives the same bytes");
    assert_ne!(a, c, "another seed gives another corpus");
    for (name, bytes) in &a {
        assert!(
            (3_000..=10_000).contains(&bytes.len()),
            "{name}: {} bytes",
            bytes.len()
        );
        assert!(std::str::from_utf8(bytes).is_ok(), "{name} is not UTF-8");
    }
}

#[test]
fn a_synthetic_store_answers_every_saved_query_in_the_timer() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let store = dir.path().join("store");
    ok(&["bench", "gen", "--articles", "60", "--out", s(&corpus)]);
    let ingested = ok(&["ingest", "--store", s(&store), s(&corpus)]);
    assert!(ingested.starts_with("ingested 60 articles"), "{ingested}");
    assert!(
        ingested.contains("; store compacted in "),
        "a fresh store is compacted: {ingested}"
    );
    // The corpus is extractable: officials with posts, meetings and documents.
    let counts = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#> \
           SELECT (COUNT(DISTINCT ?h) AS ?holdings) (COUNT(DISTINCT ?m) AS ?meetings) \
                  (COUNT(DISTINCT ?d) AS ?documents) \
           WHERE { { ?h cadre:holder ?p } UNION { ?m a cadre:Meeting } \
                   UNION { ?d cadre:documentType ?type } }"],
    );
    let n: Vec<usize> = counts[1].iter().map(|v| v.parse().unwrap()).collect();
    assert!(n[0] >= 60, "holdings {n:?}");
    assert!(n[1] >= 20, "meetings {n:?}");
    assert!(n[2] >= 20, "documents {n:?}");

    let table = ok(&["bench", "queries", "--store", s(&store), "--runs", "2"]);
    let rows: BTreeMap<&str, usize> = table
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), 4, "{l}");
            let p50: f64 = cells[2].parse().unwrap();
            let p95: f64 = cells[3].parse().unwrap();
            assert!(p50 > 0.0 && p95 >= p50, "{l}");
            (cells[0], cells[1].parse().unwrap())
        })
        .collect();
    assert_eq!(table.lines().next(), Some("query\trows\tp50_ms\tp95_ms"));
    let saved = ok(&["query", "--list"]).lines().count();
    assert_eq!(rows.len(), saved, "{table}");
    // Parameters come from the store, so the person and post queries answer.
    for q in ["career", "person-posts", "claim-evidence", "post-holders"] {
        assert!(rows[q] > 0, "{q} answered nothing:\n{table}");
    }

    // Ten changed articles are under a quarter of the store: no compaction, unless
    // asked for.
    let changed = dir.path().join("changed");
    ok(&[
        "bench",
        "gen",
        "--articles",
        "10",
        "--seed",
        "2",
        "--out",
        s(&changed),
    ]);
    let small = ok(&["ingest", "--store", s(&store), s(&changed)]);
    assert!(
        small.starts_with("ingested 10 articles (0 unchanged,") && !small.contains("compacted"),
        "{small}"
    );
    let again = ok(&[
        "ingest",
        "--store",
        s(&store),
        "--compact",
        "always",
        s(&corpus),
    ]);
    assert!(
        again.starts_with("ingested 60 articles (50 unchanged,")
            && again.contains("; store compacted in "),
        "{again}"
    );
}
