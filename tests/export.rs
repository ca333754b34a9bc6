//! Gephi exports read back by real readers (Python networkx and igraph, xmllint) and
//! compared with the store.

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
             { ?n cadre:orgName ?org } UNION { ?n cadre:documentType ?type }
             UNION { VALUES ?t { cadre:Person cadre:Place cadre:Meeting cadre:Term } ?n a ?t } }"],
    )[1][0]
        .parse::<usize>()
        .unwrap();

    let mut nodes = csv::Reader::from_path(csv_dir.join("nodes.csv")).unwrap();
    assert_eq!(
        nodes.headers().unwrap(),
        vec![
            "Id",
            "Label",
            "type",
            "kind",
            "code",
            "date",
            "timeset",
            "degree",
            "weighted_degree",
            "betweenness",
            "pagerank",
            "component",
            "community"
        ]
    );
    assert_eq!(nodes.records().count(), entities);
    let mut edges = csv::Reader::from_path(csv_dir.join("edges.csv")).unwrap();
    assert_eq!(
        edges.headers().unwrap(),
        vec!["Source", "Target", "Type", "Label", "Weight", "relation", "timeset"]
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
    let report = run_python(script, &[s(&graphml)]);
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

fn run_python(script: &str, args: &[&str]) -> serde_json::Value {
    let out = Command::new("python3")
        .args(["-c", script])
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python reader failed (.ci/run installs networkx and igraph): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the reader")
}

fn well_formed(path: &std::path::Path) {
    let out = Command::new("xmllint")
        .args(["--noout", s(path)])
        .output()
        .expect("xmllint runs (.ci/run installs libxml2-utils)");
    assert!(
        out.status.success(),
        "{} is not well-formed XML: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn gexf_graphml_agree_across_readers_with_time_and_metrics() {
    let (dir, store) = sample_store();
    let gexf = dir.path().join("g.gexf");
    let graphml = dir.path().join("g.graphml");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "gexf",
        "--out",
        s(&gexf),
    ]);
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "graphml",
        "--out",
        s(&graphml),
    ]);
    well_formed(&gexf);
    well_formed(&graphml);
    let script = r#"
import sys, json, networkx as nx, igraph as ig
x = nx.read_gexf(sys.argv[1])
m = nx.read_graphml(sys.argv[2])
i = ig.Graph.Read_GraphML(sys.argv[2])
thinh = [d for _, d in x.nodes(data=True) if d.get("label") == "Phạm Quang Thịnh"][0]
print(json.dumps({
  "gexf": [x.number_of_nodes(), x.number_of_edges()],
  "graphml": [m.number_of_nodes(), m.number_of_edges()],
  "igraph": [i.vcount(), i.ecount()],
  "igraph_labels": "Huyện ủy Thanh Trì" in i.vs["label"],
  "thinh": {k: thinh.get(k) for k in ("start", "end", "degree", "component")},
  "pagerank_sum": sum(d["pagerank"] for _, d in m.nodes(data=True)),
}, ensure_ascii=False))
"#;
    let r = run_python(script, &[s(&gexf), s(&graphml)]);
    assert_eq!(r["gexf"], r["graphml"]);
    assert_eq!(r["igraph"], r["graphml"]);
    assert_eq!(r["igraph_labels"], true);
    assert_eq!(r["thinh"]["start"], "2021-12-22");
    assert_eq!(r["thinh"]["end"], "2025-07-25");
    assert!(r["thinh"]["degree"].as_i64().unwrap() >= 5);
    let pr = r["pagerank_sum"].as_f64().unwrap();
    assert!((pr - 1.0).abs() < 0.01, "PageRank sums to {pr}");
}

#[test]
fn people_network_links_co_chairs_by_article_count() {
    let (dir, store) = sample_store();
    let gexf = dir.path().join("people.gexf");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--graph",
        "people",
        "--format",
        "gexf",
        "--out",
        s(&gexf),
    ]);
    well_formed(&gexf);
    let script = r#"
import sys, json, networkx as nx
g = nx.read_gexf(sys.argv[1])
label = {n: d["label"] for n, d in g.nodes(data=True)}
edges = [(sorted([label[u], label[v]]), d["relation"], d["weight"]) for u, v, d in g.edges(data=True)]
types = sorted({d.get("type") for _, d in g.nodes(data=True)})
community = {n.rsplit("/person/", 1)[-1]: d["community"] for n, d in g.nodes(data=True)}
print(json.dumps({"edges": edges, "types": types, "directed": g.is_directed(),
                  "community": community}, ensure_ascii=False))
"#;
    let r = run_python(script, &[s(&gexf)]);
    assert_eq!(r["types"], serde_json::json!(["Person"]));
    assert_eq!(r["directed"], false);
    let co_chair = r["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e[0] == serde_json::json!(["Phạm Quang Thịnh", "Đỗ Thị Minh Hằng"])
                && e[1] == "co_chair"
        })
        .unwrap_or_else(|| panic!("no co-chair edge: {}", r["edges"]));
    assert_eq!(co_chair[2], 2.0, "two articles report them co-chairing");
    let c = &r["community"];
    // Community by node: Phạm Quang Thịnh has a Hà Nội node and a Quảng Ninh one.
    assert_eq!(
        c["pham-quang-thinh/n01"], c["do-thi-minh-hang/n01"],
        "Thanh Trì's leaders form one community: {c}"
    );
    assert_ne!(
        c["pham-quang-thinh/n01"], c["phan-dinh-khang/n40"],
        "Nghệ An's leaders form another: {c}"
    );
}

#[test]
fn filters_cut_by_place_time_and_weight_and_csv_has_bom_and_timeset() {
    let (dir, store) = sample_store();
    let csv_dir = dir.path().join("nghe-an");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--out",
        s(&csv_dir),
        "--place",
        "Nghệ An",
        "--bom",
    ]);
    let bytes = std::fs::read(csv_dir.join("nodes.csv")).unwrap();
    assert!(
        bytes.starts_with("\u{FEFF}Id,Label".as_bytes()),
        "BOM then header"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let bodies: Vec<String> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[2] == "Body")
        .map(|r| r[1].to_string())
        .collect();
    assert!(!bodies.is_empty());
    assert!(
        bodies
            .iter()
            .all(|b| b.ends_with("Nghệ An") || b.ends_with("Nghi Lộc")),
        "bodies outside Nghệ An: {bodies:?}"
    );

    let later = dir.path().join("later");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--out",
        s(&later),
        "--from",
        "2024-01-01",
        "--min-weight",
        "1",
    ]);
    let mut edges = csv::Reader::from_path(later.join("edges.csv")).unwrap();
    assert_eq!(edges.headers().unwrap().get(6), Some("timeset"));
    let rows: Vec<csv::StringRecord> = edges.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for r in rows.iter().filter(|r| !r[6].is_empty()) {
        let end = r[6]
            .trim_start_matches("<[")
            .trim_end_matches("]>")
            .split(", ")
            .nth(1)
            .unwrap()
            .to_string();
        assert!(
            end.as_str() >= "2024-01-01",
            "edge attested only before the cut: {r:?}"
        );
    }
}

/// `UPDATE_GOLDEN=1 cargo test --release --test export` rewrites the golden exports.
#[test]
fn sample_exports_match_golden_files() {
    let (dir, store) = sample_store();
    let golden = root().join("tests/golden/exports");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let cases: [(&str, &[&str]); 3] = [
        ("people.gexf", &["--graph", "people", "--format", "gexf"]),
        (
            "affiliation.graphml",
            &["--graph", "affiliation", "--format", "graphml"],
        ),
        ("kg.graphml", &["--format", "graphml"]),
    ];
    for (name, args) in cases {
        let out = dir.path().join(name);
        let mut full = vec!["export", "--store", s(&store), "--out", s(&out)];
        full.extend_from_slice(args);
        ok(&full);
        let got = std::fs::read_to_string(&out).unwrap();
        if update {
            std::fs::write(golden.join(name), &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(golden.join(name)).unwrap_or_default();
        assert!(
            got == want,
            "{name} differs from tests/golden/exports/{name}"
        );
    }
}

/// Gephi Lite's readers (tests/js: graphology-gexf, graphology-graphml), when node
/// and the packages are there (`scripts/setup.sh test` runs `npm ci` in tests/js).
fn gephi_lite_reader() -> Option<std::path::PathBuf> {
    let js = root().join("tests/js");
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: node not found (Gephi Lite's readers run on it)");
        return None;
    }
    if !js.join("node_modules/graphology-gexf").is_dir() {
        eprintln!(
            "skipped: tests/js/node_modules missing (scripts/setup.sh test runs npm ci there)"
        );
        return None;
    }
    Some(js.join("read.js"))
}

/// Reads an export with Gephi Lite's parser for `format`; the summary of tests/js/read.js.
fn read_with_gephi_lite(
    reader: &std::path::Path,
    format: &str,
    file: &std::path::Path,
) -> serde_json::Value {
    let out = Command::new("node")
        .args([s(reader), format, s(file), "Phạm Quang Thịnh"])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "graphology-{format} could not read {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from tests/js/read.js")
}

#[test]
fn gephi_lite_reads_every_graph_export_with_names_counts_and_time() {
    let Some(reader) = gephi_lite_reader() else {
        return;
    };
    let (dir, store) = sample_store();
    let csv_dir = dir.path().join("csv");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--out",
        s(&csv_dir),
    ]);
    let csv_nodes = csv::Reader::from_path(csv_dir.join("nodes.csv"))
        .unwrap()
        .records()
        .count();
    let csv_edges = csv::Reader::from_path(csv_dir.join("edges.csv"))
        .unwrap()
        .records()
        .count();
    let node_names = [
        "betweenness",
        "code",
        "community",
        "component",
        "date",
        "degree",
        "end",
        "kind",
        "label",
        "pagerank",
        "start",
        "type",
        "weighted_degree",
    ];
    for format in ["gexf", "graphml"] {
        let file = dir.path().join(format!("kg.{format}"));
        ok(&[
            "export",
            "--store",
            s(&store),
            "--format",
            format,
            "--out",
            s(&file),
        ]);
        let r = read_with_gephi_lite(&reader, format, &file);
        assert_eq!(r["nodes"], csv_nodes, "{format}: nodes as in nodes.csv");
        assert_eq!(r["edges"], csv_edges, "{format}: edges as in edges.csv");
        assert_eq!(
            r["node_attributes"],
            serde_json::json!(node_names),
            "{format}"
        );
        assert_eq!(
            r["edge_attributes"],
            serde_json::json!(["end", "label", "relation", "start", "weight"]),
            "{format}"
        );
        // Phạm Quang Thịnh has a Hà Nội node and a Quảng Ninh one.
        let spells: Vec<(String, String, String)> = r["named"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                (
                    n["type"].to_string(),
                    n["start"].to_string(),
                    n["end"].to_string(),
                )
            })
            .collect();
        assert!(
            spells.contains(&(
                "\"Person\"".into(),
                "\"2021-12-22\"".into(),
                "\"2025-07-25\"".into()
            )),
            "{format}: {spells:?}"
        );
        assert!(
            r["named"][0]["pagerank"].is_f64(),
            "{format}: measures are numbers"
        );
    }

    let people = dir.path().join("people.gexf");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--graph",
        "people",
        "--format",
        "gexf",
        "--out",
        s(&people),
    ]);
    let script = r#"
import sys, json, networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))
"#;
    let nx = run_python(script, &[s(&people)]);
    let r = read_with_gephi_lite(&reader, "gexf", &people);
    assert_eq!([&r["nodes"], &r["edges"]], [&nx["nodes"], &nx["edges"]]);
    assert!(r["node_attributes"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("community")));
}

/// An invented article: a district party committee meeting in Cầu Giấy, Hà Nội.
const CAU_GIAY: &str = "Quận Cầu Giấy: Hội nghị Ban Chấp hành Đảng bộ quận lần thứ 5\n\
Ngày đăng 15/03/2022 | 09:00\n\n\
Ngày 14/3, Ban Chấp hành Đảng bộ quận Cầu Giấy khóa XXV, nhiệm kỳ 2020-2025 tổ chức Hội nghị lần thứ 5. \
Đồng chí Trần Văn Bình - Bí thư Quận ủy Cầu Giấy và đồng chí Hoàng Thị Lan - Phó Bí thư Quận ủy, \
Chủ tịch UBND quận Cầu Giấy chủ trì hội nghị.\n";

#[test]
fn csv_export_writes_formula_like_labels_as_text_and_keeps_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("cau-giay-hoi-nghi-5.txt"), CAU_GIAY).unwrap();
    let curation = dir.path().join("curation.csv");
    std::fs::write(
        &curation,
        "action,subject,object,value,note\n\
         rename,Trần Văn Bình,,\"=HYPERLINK(\"\"https://example.org\"\";\"\"Xem\"\")\",\n\
         rename,Hoàng Thị Lan,,@SUM(1+1),\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    let with_curation = ["--store", s(&store), "--curation", s(&curation)];
    ok(&[&["ingest"], &with_curation[..], &[s(&corpus)]].concat());
    let out = dir.path().join("csv");
    ok(&[
        &["export"],
        &with_curation[..],
        &["--format", "csv", "--out", s(&out)],
    ]
    .concat());

    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    let line = |label: &str| -> String {
        nodes
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("no node labelled {label}:\n{nodes}"))
            .to_string()
    };
    let hyperlink = line("HYPERLINK");
    assert!(
        hyperlink.starts_with("https://w3id.org/cadre/id/person/")
            && hyperlink
                .contains(",\"'=HYPERLINK(\"\"https://example.org\"\";\"\"Xem\"\")\",Person,"),
        "{hyperlink}"
    );
    let sum = line("SUM");
    assert!(sum.contains(",'@SUM(1+1),Person,"), "{sum}");

    let mut reader = csv::Reader::from_reader(nodes.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let labels: Vec<&str> = rows
        .iter()
        .filter(|r| &r[2] == "Person")
        .map(|r| &r[1])
        .collect();
    assert_eq!(labels.len(), 2, "two persons, both renamed: {labels:?}");
    assert!(labels.contains(&"'=HYPERLINK(\"https://example.org\";\"Xem\")"));
    assert!(labels.contains(&"'@SUM(1+1)"));
    for r in &rows {
        assert!(r[0].starts_with("https://w3id.org/cadre/id/"), "{r:?}");
        assert!(r[7].parse::<u64>().is_ok(), "degree is a number: {r:?}");
        assert!(r[10].parse::<f64>().is_ok(), "pagerank is a number: {r:?}");
    }
    let mut edges = csv::Reader::from_path(out.join("edges.csv")).unwrap();
    for r in edges.records().map(Result::unwrap) {
        assert!(r[4].parse::<f64>().is_ok(), "Weight is a number: {r:?}");
    }
}
