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
