//! `cadre serve`: the SPARQL 1.1 Protocol endpoint read with curl and with a real
//! SPARQL client library (Python SPARQLWrapper), and the store lock it holds.

mod common;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A running `cadre serve`, killed on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(store: &std::path::Path, extra: &[&str]) -> Self {
        let addr = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_cadre"))
            .args(["serve", "--store", s(store), "--bind", &addr.to_string()])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cadre serve starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(addr).is_err() {
            assert!(
                Instant::now() < deadline,
                "cadre serve did not listen on {addr}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        wait_for_pages(&addr.to_string(), deadline);
        Self { child, addr }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}

/// curl with `args`; returns (HTTP status, content type, body).
fn curl(args: &[&str]) -> (u16, String, String) {
    let out = Command::new("curl")
        .args(["-sS", "-o", "-", "-w", "\n%{http_code} %{content_type}"])
        .args(args)
        .output()
        .expect("curl runs");
    assert!(
        out.status.success(),
        "curl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let (body, meta) = text.rsplit_once('\n').expect("status line");
    let (code, media) = meta.split_once(' ').unwrap_or((meta, ""));
    (
        code.parse().expect("status"),
        media.to_string(),
        body.to_string(),
    )
}

const CHAIRS: &str = "PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?m a cadre:Meeting ; cadre:chairedBy ?p }";

#[test]
fn serve_answers_the_sparql_protocol_like_cadre_query() {
    let (_dir, store) = sample_store();
    let expected = query_csv(&store, &[CHAIRS])[1][0].clone();
    assert!(expected.parse::<usize>().unwrap() > 3);
    let server = Server::start(&store, &[]);
    let query_url = server.url("/query");

    // GET with each result format the Accept header asks for.
    let get = |accept: &str| {
        curl(&[
            "-G",
            &query_url,
            "--data-urlencode",
            &format!("query={CHAIRS}"),
            "-H",
            &format!("Accept: {accept}"),
        ])
    };
    let (status, media, body) = get("application/sparql-results+json");
    assert_eq!(
        (status, media.as_str()),
        (200, "application/sparql-results+json")
    );
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        json["results"]["bindings"][0]["n"]["value"],
        expected.as_str()
    );
    let (_, media, body) = get("application/sparql-results+xml");
    assert_eq!(media, "application/sparql-results+xml");
    assert!(body.contains(&format!(">{expected}</literal>")), "{body}");
    let (_, media, body) = get("text/csv");
    assert_eq!(
        (media.as_str(), body.as_str()),
        (
            "text/csv; charset=utf-8",
            format!("n\r\n{expected}\r\n").as_str()
        )
    );
    let (_, media, body) = get("text/tab-separated-values");
    assert_eq!(media, "text/tab-separated-values; charset=utf-8");
    assert!(body.starts_with("?n\n"), "{body}");

    // POST, form-encoded and direct; Vietnamese text intact.
    let names = "PREFIX cadre: <https://w3id.org/cadre/ontology#> SELECT ?name WHERE { ?p a cadre:Person ; cadre:name ?name } ORDER BY ?name";
    let (status, _, form) = curl(&[
        &query_url,
        "--data-urlencode",
        &format!("query={names}"),
        "-H",
        "Accept: text/csv",
    ]);
    assert_eq!(status, 200);
    let (_, _, direct) = curl(&[
        &query_url,
        "-H",
        "Content-Type: application/sparql-query",
        "-H",
        "Accept: text/csv",
        "--data-binary",
        names,
    ]);
    assert_eq!(form, direct);
    let cli: Vec<String> = query_csv(&store, &[names])
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let served: Vec<&str> = form.trim_end().split("\r\n").collect();
    assert_eq!(served, cli);
    assert!(served
        .iter()
        .any(|n| n.contains('ễ') || n.contains('ạ') || n.contains('ư')));

    // Errors: syntax with its position, read-only, unknown resource.
    let (status, _, body) = curl(&[
        "-G",
        &query_url,
        "--data-urlencode",
        "query=SELECT * WHERE { ?s ?p }",
    ]);
    assert_eq!(status, 400);
    assert!(body.contains("line 1, column 25"), "{body}");
    let (status, _, _) = curl(&[
        &server.url("/update"),
        "-H",
        "Content-Type: application/sparql-update",
        "--data-binary",
        "CLEAR ALL",
    ]);
    assert_eq!(status, 403);
    let (status, _, _) = curl(&[&server.url("/nothing")]);
    assert_eq!(status, 404);
}

#[test]
fn a_sparql_client_library_reads_the_endpoint() {
    let (_dir, store) = sample_store();
    let expected = query_csv(&store, &[CHAIRS])[1][0].clone();
    let server = Server::start(&store, &[]);
    let script = r#"
import json, sys
from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV
endpoint = SPARQLWrapper(sys.argv[1])
endpoint.setQuery(sys.argv[2])
out = {}
endpoint.setReturnFormat(JSON)
out["json"] = endpoint.query().convert()["results"]["bindings"][0]["n"]["value"]
endpoint.setMethod("POST")
endpoint.setReturnFormat(XML)
doc = endpoint.query().convert()
out["xml"] = doc.getElementsByTagName("literal")[0].firstChild.data
endpoint.setQuery("ASK { ?s ?p ?o }")
endpoint.setReturnFormat(JSON)
out["ask"] = endpoint.query().convert()["boolean"]
print(json.dumps(out))
"#;
    let out = Command::new("python3")
        .args(["-c", script, &server.url("/query"), CHAIRS])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "SPARQLWrapper failed (.ci/run installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["json"], expected.as_str());
    assert_eq!(got["xml"], expected.as_str());
    assert_eq!(got["ask"], true);
}

#[test]
fn a_store_in_use_is_refused_at_once_with_who_holds_it() {
    let (_dir, store) = sample_store();
    let server = Server::start(&store, &[]);
    let started = Instant::now();
    let out = cadre(&["ingest", "--store", s(&store), s(&sample())]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "ingest waited for the lock"
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is in use by"), "{err}");
    assert!(err.contains("cadre serve"), "{err}");
    assert!(err.contains(&format!("pid {}", server.child.id())), "{err}");
    // Readers share the store with the server.
    let rows = query_csv(&store, &[CHAIRS]);
    assert_eq!(rows.len(), 2);
    drop(server);
    // A writable server excludes readers, naming itself.
    let server = Server::start(&store, &["--writable"]);
    let out = cadre(&["query", "--store", s(&store), "ASK {}"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cadre serve") && err.contains("writing"),
        "{err}"
    );
    let (status, _, _) = curl(&[
        &server.url("/update"),
        "-H",
        "Content-Type: application/sparql-update",
        "--data-binary",
        "INSERT DATA { GRAPH <urn:x-test:g> { <urn:x-test:a> <urn:x-test:b> \"c\" } }",
    ]);
    assert_eq!(status, 204);
    let (_, _, body) = curl(&[
        "-G",
        &server.url("/query"),
        "--data-urlencode",
        "query=SELECT ?o WHERE { <urn:x-test:a> ?p ?o }",
        "-H",
        "Accept: text/csv",
    ]);
    assert_eq!(body, "o\r\nc\r\n");
}

#[test]
fn a_runaway_query_gets_503_on_time_while_others_are_answered() {
    let (_dir, store) = sample_store();
    let server = Server::start(&store, &["--timeout", "2"]);
    let runaway_url = server.url("/query");
    let runaway = std::thread::spawn(move || {
        let started = Instant::now();
        let answer = curl(&[
            "--data-urlencode",
            "query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
            &runaway_url,
        ]);
        (answer, started.elapsed())
    });
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let (status, _, body) = curl(&[
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        &format!("query={CHAIRS}"),
        &server.url("/query"),
    ]);
    let quick = started.elapsed();
    assert_eq!(status, 200, "{body}");
    assert!(body.starts_with("n\r\n"), "{body}");
    assert!(
        quick < Duration::from_secs(1),
        "the cheap query took {quick:?}"
    );
    let ((status, _, body), took) = runaway.join().unwrap();
    assert_eq!(status, 503, "{body}");
    assert!(
        took < Duration::from_secs(3),
        "the runaway answered after {took:?}"
    );
}

/// Starts `cadre serve` on `store`, waits for its `pages ready` line and returns it.
fn pages_ready_line(store: &std::path::Path) -> String {
    use std::io::{BufRead, BufReader};
    let addr = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cadre"))
        .args(["serve", "--store", s(store), "--bind", &addr.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cadre serve starts");
    let lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut ready = String::new();
    for line in lines {
        let line = line.unwrap();
        if line.starts_with("pages ready") || line.starts_with("cadre:") {
            ready = line;
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    ready
}

#[test]
fn the_pages_are_kept_between_runs_until_the_store_changes() {
    let (dir, store) = sample_store();
    let cache = store.join("cadre-pages.bin");
    let first = pages_ready_line(&store);
    assert!(first.contains("kept in"), "{first}");
    assert!(cache.exists());
    let second = pages_ready_line(&store);
    assert!(
        second.contains("from "),
        "an unchanged store reads the cache: {second}"
    );

    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(
        extra.join("moi.txt"),
        "Ngày 3/4/2024, Huyện ủy Thanh Trì tổ chức hội nghị. Đồng chí Lê Văn Mới, \
         Phó Bí thư Huyện ủy Thanh Trì chủ trì hội nghị.",
    )
    .unwrap();
    ok(&["ingest", "--store", s(&store), s(&extra)]);
    let third = pages_ready_line(&store);
    assert!(
        third.contains("kept in"),
        "a changed store is read again: {third}"
    );
    let server = Server::start(&store, &[]);
    let search = server.url("/search");
    let (status, _, body) = curl(&["-G", &search, "--data-urlencode", "q=le van moi"]);
    assert_eq!(status, 200);
    assert!(
        body.contains("Lê Văn Mới"),
        "the new article's person is on the pages"
    );
}
