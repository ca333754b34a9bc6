//! RDF dumps parsed by an independent parser (rapper, from Debian's raptor2-utils).

mod common;

use std::process::Command;

use common::*;

fn rapper_count(syntax: &str, path: &std::path::Path) -> usize {
    let out = Command::new("rapper")
        .args(["-i", syntax, "-c", s(path)])
        .output()
        .expect("rapper runs (.ci/run installs raptor2-utils)");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "rapper rejected {}: {report}",
        path.display()
    );
    report
        .split("returned ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {report}"))
}

#[test]
fn nquads_trig_and_turtle_parse_with_rapper() {
    let (dir, store) = sample_store();
    let count = |sparql: &str| -> usize { query_csv(&store, &[sparql])[1][0].parse().unwrap() };
    let quads = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let triples =
        count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
    for (format, syntax, expected) in [
        ("nquads", "nquads", quads),
        ("trig", "trig", quads),
        ("turtle", "turtle", triples),
    ] {
        let out = dir.path().join(format!("dump.{format}"));
        ok(&[
            "export",
            "--store",
            s(&store),
            "--format",
            format,
            "--out",
            s(&out),
        ]);
        assert_eq!(rapper_count(syntax, &out), expected, "{format}");
    }
}

/// Two machines each extract a disjoint half of the corpus; their N-Quads, merged,
/// are the graph of one run: the same lines as one extract over everything and as
/// the dump of a store that ingested everything.
#[test]
fn sharded_extracts_merge_into_the_graph_of_one_run() {
    let (dir, store) = sample_store();
    let mut files: Vec<_> = std::fs::read_dir(sample())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (odd, even): (Vec<_>, Vec<_>) = files.iter().enumerate().partition(|(i, _)| i % 2 == 1);
    let extract = |name: &str, part: &[(usize, &std::path::PathBuf)]| {
        let out = dir.path().join(name);
        let mut args = vec!["extract", "--format", "nquads", "--out", s(&out)];
        args.extend(part.iter().map(|(_, p)| s(p)));
        ok(&args);
        std::fs::read_to_string(out).unwrap()
    };
    let a = extract("a.nq", &odd);
    let b = extract("b.nq", &even);
    let all: Vec<(usize, &std::path::PathBuf)> = files.iter().enumerate().collect();
    let whole = extract("all.nq", &all);
    let mut merged: Vec<&str> = a.lines().chain(b.lines()).collect();
    merged.sort_unstable();
    merged.dedup();
    let whole_lines: Vec<&str> = whole.lines().collect();
    assert!(whole_lines.len() > 1000);
    assert_eq!(merged, whole_lines, "merged shards differ from one run");
    let dump = dump_nquads(&store, &dir.path().join("store.nq"), &[]);
    assert_eq!(dump, whole);
    assert_eq!(
        rapper_count("nquads", &dir.path().join("all.nq")),
        whole_lines.len()
    );
}
