//! Helpers shared by the end-to-end tests of the `cadre` binary.
#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled sample corpus.
pub fn sample() -> PathBuf {
    root().join("data/sample")
}

/// `../shared` beside the repository, when present.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.is_dir().then_some(p)
}

/// Runs `cadre` with `args`.
pub fn cadre(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cadre"))
        .args(args)
        .env_remove("CADRE_STORE")
        .output()
        .expect("cadre runs")
}

/// Runs `cadre` and asserts success; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let out = cadre(args);
    assert!(
        out.status.success(),
        "cadre {args:?} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A store in a fresh temporary folder, with the sample corpus ingested.
pub fn sample_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    ok(&["ingest", "--store", s(&store), s(&sample())]);
    (dir, store)
}

/// Exports the store as sorted N-Quads to `out` (with `extra` arguments, such as
/// `--curation FILE`) and returns the dump.
pub fn dump_nquads(store: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["export", "--store", s(store)];
    args.extend_from_slice(extra);
    args.extend(["--format", "nquads", "--out", s(out)]);
    ok(&args);
    std::fs::read_to_string(out).expect("the dump was written")
}

/// A path as `&str`.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Query results as CSV rows (header first).
pub fn query_csv(store: &Path, args: &[&str]) -> Vec<Vec<String>> {
    let mut full = vec!["query", "--store", s(store), "--format", "csv"];
    full.extend_from_slice(args);
    let text = ok(&full);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("csv row").iter().map(str::to_string).collect())
        .collect()
}

/// Runs a saved query with `name=value` parameters; CSV rows, header first.
pub fn saved(store: &Path, name: &str, params: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec!["--saved", name];
    for p in params {
        args.extend(["--param", p]);
    }
    query_csv(store, &args)
}

/// Extracts `paths` as eval-json into a fresh temporary folder.
pub fn extract_eval(paths: &[&Path]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut args = vec!["extract", "--format", "eval-json", "--out", s(dir.path())];
    args.extend(paths.iter().map(|p| s(p)));
    ok(&args);
    dir
}

/// Scores `pred` against `gold` with the shared scorer and `--min FIELD=F1` floors;
/// `None` when `../shared` (where the scorer lives) is absent.
pub fn score(gold: &Path, pred: &Path, extra: &[&str]) -> Option<Output> {
    let shared = shared()?;
    Some(
        Command::new("python3")
            .arg(shared.join("eval/score.py"))
            .args([gold, pred])
            .args(extra)
            .output()
            .expect("python3 runs"),
    )
}

/// Asserts that a run skipped exactly the inputs `expected` lists, as (file, reason)
/// fragments of its `skipped: ` lines, and exited 2 (some inputs skipped).
pub fn assert_skipped(out: &Output, expected: &[(&str, &str)]) {
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code 2 = some inputs skipped"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let skipped: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("skipped: "))
        .collect();
    assert_eq!(skipped.len(), expected.len(), "{stderr}");
    for (file, reason) in expected {
        assert!(
            skipped
                .iter()
                .any(|l| l.contains(file) && l.contains(reason)),
            "{file}: {reason}\n{stderr}"
        );
    }
}

/// A `cadre serve` on a free loopback port, ended when dropped.
pub struct Server {
    child: std::process::Child,
    /// The `host:port` it listens on.
    pub addr: String,
}

impl Server {
    /// Starts `cadre serve --store STORE` and waits until it accepts connections.
    pub fn start(store: &Path) -> Self {
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .to_string();
        let child = Command::new(env!("CARGO_BIN_EXE_cadre"))
            .args(["serve", "--store", s(store), "--bind", &addr])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cadre serve starts");
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(&addr).is_err() {
            assert!(Instant::now() < deadline, "cadre serve did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        wait_for_pages(&addr, deadline);
        Self { child, addr }
    }
}

/// Waits until the pages of the `cadre serve` at `addr` are loaded: the server
/// listens (and answers SPARQL) at once, and its pages answer 503 while it reads the
/// store.
pub fn wait_for_pages(addr: &str, deadline: Instant) {
    use std::io::{Read, Write};
    loop {
        let mut status = String::new();
        if let Ok(mut stream) = TcpStream::connect(addr) {
            let request = format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
            if stream.write_all(request.as_bytes()).is_ok() {
                let mut head = [0u8; 12];
                if stream.read_exact(&mut head).is_ok() {
                    status = String::from_utf8_lossy(&head[9..12]).into_owned();
                }
            }
        }
        if !status.is_empty() && status != "503" {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the pages of cadre serve did not load ({status})"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
