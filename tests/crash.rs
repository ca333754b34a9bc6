//! Crash safety: `cadre ingest` killed with SIGKILL at several points of a large
//! batch leaves a store that opens, holds only whole articles, and ends, after the
//! same ingest is run again, byte-identical to an uninterrupted run.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

/// A corpus of `n` distinct articles: the sample articles, each copy with its own
/// closing sentence.
fn corpus(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut texts: Vec<String> = std::fs::read_dir(sample())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    for i in 0..n {
        let text = format!(
            "{}\nBản tin số {i} của phóng viên thường trú.\n",
            texts[i % texts.len()]
        );
        std::fs::write(dir.join(format!("a{i:05}.txt")), text).unwrap();
    }
}

/// The graph of the places' gazetteer facts.
const REFERENCE: &str = "https://w3id.org/cadre/id/reference";

/// Quads per named graph.
fn graphs(store: &Path) -> BTreeMap<String, usize> {
    query_csv(
        store,
        &["SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"],
    )[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].parse().unwrap()))
        .collect()
}

fn dump(store: &Path, out: &Path) -> Vec<u8> {
    dump_nquads(store, out, &[]).into_bytes()
}

#[test]
fn a_killed_ingest_leaves_whole_articles_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    corpus(&inputs, 768);

    let reference = dir.path().join("reference");
    let started = std::time::Instant::now();
    ok(&["ingest", "--store", s(&reference), s(&inputs)]);
    let full_run = started.elapsed();
    let expected = graphs(&reference);
    assert_eq!(
        expected.len(),
        769,
        "768 article graphs and the reference graph"
    );
    let expected_dump = dump(&reference, &dir.path().join("reference.nq"));

    // Kill times are searched, not fixed: a kill that lands before the first commit
    // moves the next one later, a kill after the last commit moves it earlier, so a
    // slow or fast machine still gets kills inside the batch.
    let (mut early, mut late) = (std::time::Duration::ZERO, full_run);
    let mut delay = full_run / 2;
    let mut partial_seen = 0;
    let mut kills = 0;
    let mut seen = Vec::new();
    while kills < 12 && !(partial_seen >= 2 && kills >= 3) {
        let store = dir.path().join(format!("killed-{kills}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_cadre"))
            .args(["ingest", "--store", s(&store), s(&inputs)])
            .env_remove("CADRE_STORE")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();

        // The store opens (the lock died with the process) and holds whole articles.
        let mut articles = 0;
        if store.join("CURRENT").exists() {
            let got = graphs(&store);
            for (g, n) in &got {
                if g == REFERENCE {
                    // Each batch adds the places it names, in its own commit.
                    assert!(n <= &expected[g], "{n} reference quads");
                    continue;
                }
                assert_eq!(Some(n), expected.get(g), "article graph {g} half-written");
                articles += 1;
            }
        }
        seen.push((delay, articles));
        if articles == 0 {
            early = delay;
        } else if articles == expected.len() - 1 {
            late = delay;
        } else {
            partial_seen += 1;
        }
        if articles == 0 || articles == expected.len() - 1 {
            delay = (early + late) / 2;
        }
        // Running the same ingest again completes it, byte for byte.
        ok(&["ingest", "--store", s(&store), s(&inputs)]);
        assert_eq!(
            dump(&store, &dir.path().join(format!("killed-{kills}.nq"))),
            expected_dump,
            "re-run after kill {kills} differs from an uninterrupted run"
        );
        std::fs::remove_dir_all(&store).unwrap();
        kills += 1;
    }
    assert!(
        partial_seen > 0,
        "no kill landed mid-batch (full run took {full_run:?}; kill delays and articles \
         found: {seen:?}); the test proved nothing"
    );
}
