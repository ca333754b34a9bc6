//! Gephi exports read back by a real reader (Python networkx) and compared with the store.

mod common;

use std::process::Command;

use common::*;

#[test]
fn graphml_and_csv_agree_with_the_store_and_networkx() {
    let (dir, store) = sample_store();
    let graphml = dir.path().join("g.graphml");
    let csv_dir = dir.path().join("csv");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "graphml",
        "--out",
        s(&graphml),
    ]);
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--out",
        s(&csv_dir),
    ]);

    let entities = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {
             VALUES ?t { cadre:Person cadre:Body cadre:Place cadre:Meeting cadre:Document cadre:Term } ?n a ?t }"],
    )[1][0]
        .parse::<usize>()
        .unwrap();

    let mut nodes = csv::Reader::from_path(csv_dir.join("nodes.csv")).unwrap();
    assert_eq!(
        nodes.headers().unwrap(),
        vec!["Id", "Label", "type", "kind", "code", "date"]
    );
    assert_eq!(nodes.records().count(), entities);
    let mut edges = csv::Reader::from_path(csv_dir.join("edges.csv")).unwrap();
    assert_eq!(
        edges.headers().unwrap(),
        vec!["Source", "Target", "Type", "Label", "Weight", "relation"]
    );
    let edge_rows: Vec<csv::StringRecord> = edges.records().map(Result::unwrap).collect();
    assert!(edge_rows.iter().all(|r| &r[2] == "Directed"));

    let script = r#"
import sys, json, networkx as nx
g = nx.read_graphml(sys.argv[1])
holds = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("relation") == "holds"]
print(json.dumps({
  "nodes": g.number_of_nodes(),
  "edges": g.number_of_edges(),
  "labels": sorted(d.get("label", "") for _, d in g.nodes(data=True)),
  "thinh_holds": sorted(d["label"] + " @ " + g.nodes[v]["label"] for u, v, d in holds
                        if g.nodes[u]["label"] == "Phạm Quang Thịnh"),
  "weights": sorted({type(d["weight"]).__name__ for _, _, d in g.edges(data=True)}),
}, ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .args(["-c", script, s(&graphml)])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "networkx could not read the GraphML (is networkx installed? .ci/run installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["nodes"], entities);
    assert_eq!(report["edges"], edge_rows.len());
    let labels = strings(&report["labels"]);
    assert!(
        labels.contains(&"Huyện ủy Thanh Trì"),
        "Vietnamese labels intact"
    );
    assert!(labels.contains(&"Phạm Quang Thịnh"));
    let holds = strings(&report["thinh_holds"]);
    assert!(holds.contains(&"Bí thư @ Huyện ủy Thanh Trì"), "{holds:?}");
    assert_eq!(
        report["weights"],
        serde_json::json!(["float"]),
        "weight typed as double"
    );
}

fn strings(v: &serde_json::Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}
