//! Bad input in a batch: a clear one-line message naming the file, the rest goes on.

mod common;

use common::*;

#[test]
fn bad_files_are_skipped_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(
        sample().join("01-thanh-tri-hoi-nghi-8.txt"),
        inputs.join("good.txt"),
    )
    .unwrap();
    std::fs::write(inputs.join("latin1.txt"), b"Huy\xean \xfby Thanh Tr\xec").unwrap();
    std::fs::write(inputs.join("empty.txt"), b"").unwrap();
    std::fs::write(inputs.join("bad.jsonl"), "{\"id\": 1}\n").unwrap();
    let store = dir.path().join("store");
    let out = cadre(&["ingest", "--store", s(&store), s(&inputs)]);
    assert_skipped(
        &out,
        &[
            ("latin1.txt", "not UTF-8"),
            ("empty.txt", "not an article"),
            ("bad.jsonl:1", "bad JSONL record"),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("ingested 1 articles"), "{stdout}");
}

#[test]
fn jsonl_records_are_named_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(sample().join("05-nghe-an-hoi-nghi-tinh-uy-12.txt")).unwrap();
    let record = serde_json::json!({"id": "rec-1", "url": "https://example.org/a", "text": text});
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(&jsonl, format!("{record}\n")).unwrap();
    let out = dir.path().join("out");
    ok(&[
        "extract",
        "--format",
        "eval-json",
        "--out",
        s(&out),
        s(&jsonl),
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("rec-1.json")).unwrap()).unwrap();
    assert_eq!(json["id"], "rec-1");
}
