//! `cadre push` to a real OpenLink Virtuoso over the Graph Store Protocol (digest
//! auth), then every saved query answered by Virtuoso's /sparql endpoint and by the
//! embedded store, compared. Needs Debian's virtuoso-opensource (`.ci/run` installs
//! it); skipped with a message when `virtuoso-t` is absent.

mod common;

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// A throwaway Virtuoso started by tests/virtuoso/run-virtuoso.sh; stopped on drop.
struct Virtuoso {
    dir: PathBuf,
    http: u16,
}

impl Virtuoso {
    fn start(dir: &Path) -> Self {
        let (http, isql) = (free_port(), free_port());
        let out = Command::new("bash")
            .arg(script())
            .args(["start", s(dir), &http.to_string(), &isql.to_string()])
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "Virtuoso did not start: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        Self {
            dir: dir.to_path_buf(),
            http,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.http)
    }

    /// Runs a query on Virtuoso's /sparql endpoint (GET); SPARQL JSON results.
    fn select(&self, query: &str) -> serde_json::Value {
        let out = Command::new("curl")
            .args(["-sS", "--fail-with-body", "--max-time", "60", "-G"])
            .arg(self.url("/sparql"))
            .arg("--data-urlencode")
            .arg(format!("query={query}"))
            .args(["-H", "Accept: application/sparql-results+json"])
            .output()
            .expect("curl runs");
        assert!(
            out.status.success(),
            "Virtuoso query failed: {}\n{query}",
            String::from_utf8_lossy(&out.stdout)
        );
        serde_json::from_slice(&out.stdout).expect("SPARQL JSON")
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .args(["stop", s(&self.dir)])
            .output();
    }
}

fn script() -> PathBuf {
    root().join("tests/virtuoso/run-virtuoso.sh")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn push(store: &Path, url: &str, password: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cadre"))
        .args(["push", url, "--store", s(store), "--user", "cadre"])
        .env("CADRE_PUSH_PASSWORD", password)
        .env_remove("CADRE_STORE")
        .output()
        .expect("cadre runs")
}

/// The parameters each saved query is compared with (people, bodies and places
/// of the sample corpus).
fn params(name: &str) -> Vec<(&'static str, &'static str)> {
    match name {
        "body-documents" => vec![("body", "Quận ủy Ninh Kiều"), ("year", "2022")],
        "body-terms" => vec![("body", "Đảng bộ Thanh Trì")],
        "career" | "co-chairs" | "person-posts" => vec![("name", "Phạm Quang Thịnh")],
        "claim-evidence" => vec![
            ("name", "Phạm Quang Thịnh"),
            ("post", "Bí thư Huyện ủy Thanh Trì"),
        ],
        "post-holders" => vec![("role", "Bí thư"), ("place", "Thanh Trì")],
        "transfers" => vec![("place", "Quảng Ninh")],
        "higher-officials" | "meetings-per-year" => vec![("place", "Nghệ An")],
        _ => vec![("place", "Hà Nội")],
    }
}

/// The query text with its parameters as a `VALUES` row after the first `WHERE {`
/// (the values are plain literals of the sample corpus, folded as `cadre query`
/// folds them, escaped).
fn with_values(sparql: &str, params: &[(&str, &str)]) -> String {
    if params.is_empty() {
        return sparql.to_string();
    }
    let vars: Vec<String> = params.iter().map(|(k, _)| format!("?{k}")).collect();
    let vals: Vec<String> = params
        .iter()
        .map(|(_, v)| {
            let v = cadre_text::fold_key(v);
            format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
        })
        .collect();
    let at = sparql.find("WHERE {").expect("a WHERE clause") + "WHERE {".len();
    format!(
        "{}\n  VALUES ({}) {{ ({}) }}{}",
        &sparql[..at],
        vars.join(" "),
        vals.join(" "),
        &sparql[at..]
    )
}

/// Rows of SPARQL JSON results as comparable strings: values only (engines differ
/// in datatypes of plain strings and booleans, "1" for true), empty strings as
/// unbound (Virtuoso's GROUP_CONCAT over nothing), concatenated lists sorted (no
/// engine orders GROUP_CONCAT); rows sorted (ties of ORDER BY may differ).
fn normalise(json: &serde_json::Value) -> Vec<BTreeMap<String, String>> {
    let mut rows: Vec<BTreeMap<String, String>> = json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .expect("a binding")
                .iter()
                .filter_map(|(k, v)| {
                    let value = v["value"].as_str().expect("a value");
                    let boolean =
                        v["datatype"].as_str() == Some("http://www.w3.org/2001/XMLSchema#boolean");
                    let value = match (boolean, value) {
                        (true, "1") => "true".to_string(),
                        (true, "0") => "false".to_string(),
                        _ => sorted_list(value),
                    };
                    (!value.is_empty()).then(|| (k.clone(), value))
                })
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

fn sorted_list(value: &str) -> String {
    for sep in [" | ", "; ", ", "] {
        if value.contains(sep) {
            let mut parts: Vec<&str> = value.split(sep).collect();
            parts.sort();
            return parts.join(sep);
        }
    }
    value.to_string()
}

#[test]
fn push_to_virtuoso_and_every_saved_query_answers_the_same() {
    if Command::new("virtuoso-t").arg("-?").output().is_err() {
        eprintln!(
            "virtuoso-t is absent (Debian: apt-get install virtuoso-opensource): push test skipped"
        );
        return;
    }
    let (dir, store) = sample_store();
    let virtuoso = Virtuoso::start(&dir.path().join("virtuoso"));
    let crud = virtuoso.url("/sparql-graph-crud-auth");

    let refused = push(&store, &crud, "wrong password");
    let err = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "{err}{}",
        String::from_utf8_lossy(&refused.stdout)
    );
    assert!(
        err.contains("refused the credentials of user \"cadre\""),
        "{err}"
    );
    assert!(
        !err.contains("wrong password"),
        "the password was echoed: {err}"
    );

    let article_graphs = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), \"https://w3id.org/cadre/id/article/\")) }";
    let local = query_csv(&store, &[article_graphs]);
    for run in 0..2 {
        let out = push(&store, &crud, "cadre-test");
        assert!(
            out.status.success(),
            "push {run} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).starts_with("pushed 13 graphs"),
            "12 article graphs and the reference graph"
        );
        // A second push replaces every graph: the counts do not double.
        let remote = virtuoso.select(article_graphs);
        let row = &remote["results"]["bindings"][0];
        assert_eq!(row["n"]["value"], local[1][0].as_str(), "run {run}");
        assert_eq!(row["graphs"]["value"], "12");
    }

    let mut compared = 0;
    for q in cadre_kg::queries::SAVED {
        let params = params(q.name);
        assert_eq!(
            params.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            q.params(),
            "test parameters of {}",
            q.name
        );
        let mut args = vec![
            "query".to_string(),
            "--store".into(),
            s(&store).into(),
            "--format".into(),
            "json".into(),
            "--saved".into(),
            q.name.into(),
        ];
        for (k, v) in &params {
            args.extend(["--param".into(), format!("{k}={v}")]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let embedded: serde_json::Value = serde_json::from_str(&ok(&args)).unwrap();
        let remote = virtuoso.select(&with_values(q.sparql, &params));
        let (e, r) = (normalise(&embedded), normalise(&remote));
        assert!(
            !e.is_empty(),
            "{} returns nothing on the sample corpus",
            q.name
        );
        assert_eq!(
            e, r,
            "saved query {} differs between cadre and Virtuoso",
            q.name
        );
        compared += 1;
    }
    assert_eq!(compared, cadre_kg::queries::SAVED.len());
}
