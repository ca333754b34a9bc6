//! Saved web pages as input: `.html`/`.htm` files found in folders beside `.txt`
//! files give their main text, canonical URL (the outlet's place) and publication date;
//! a page without article text is skipped with its reason and the batch goes on.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/html").join(name)
}

fn record(out: &Path, id: &str) -> Value {
    let path = out.join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} was written: {e}", path.display()));
    serde_json::from_str(&text).expect("eval-json")
}

/// The positions of the person called `name` in an eval-json record.
fn positions(record: &Value, name: &str) -> Vec<Value> {
    record["persons"]
        .as_array()
        .expect("persons")
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} is among the persons: {record:#}"))["positions"]
        .as_array()
        .expect("positions")
        .clone()
}

fn has_post(record: &Value, name: &str, role: &str, org: &str, place: &str) {
    let posts = positions(record, name);
    assert!(
        posts
            .iter()
            .any(|p| p["role"] == role && p["org"] == org && p["place"] == place),
        "{name}: no {role} {org} {place} in {posts:#?}"
    );
}

#[test]
fn pages_and_texts_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(inputs.join("2024")).unwrap();
    std::fs::copy(
        fixture("thanhtri-portal.html"),
        inputs.join("2024/thanhtri-portal.html"),
    )
    .unwrap();
    std::fs::copy(
        fixture("baonghean-tinh-uy.html"),
        inputs.join("baonghean.HTM"),
    )
    .unwrap();
    std::fs::copy(
        sample().join("05-nghe-an-hoi-nghi-tinh-uy-12.txt"),
        inputs.join("nghe-an.txt"),
    )
    .unwrap();
    let out = dir.path().join("out");
    ok(&[
        "extract",
        "--format",
        "eval-json",
        "--out",
        s(&out),
        s(&inputs),
    ]);
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["baonghean.json", "nghe-an.json", "thanhtri-portal.json"]
    );

    // The district portal: the text never names Thanh Trì; its URL does.
    let portal = record(&out, "thanhtri-portal");
    assert_eq!(portal["published"], "2024-03-12");
    has_post(&portal, "Trần Minh Khôi", "Bí thư", "Huyện ủy", "Thanh Trì");
    has_post(
        &portal,
        "Trần Minh Khôi",
        "Ủy viên Ban Chấp hành",
        "Thành ủy",
        "Hà Nội",
    );
    has_post(
        &portal,
        "Phạm Thị Thu Hằng",
        "Phó Bí thư Thường trực",
        "Huyện ủy",
        "Thanh Trì",
    );
    has_post(&portal, "Đỗ Văn Tuấn", "Chủ tịch", "UBND", "Thanh Trì");
    let names: Vec<&str> = portal["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(!names.contains(&"Hồng Nhung"), "{names:?}");
    let plenum = portal["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["ordinal"] == 15)
        .unwrap_or_else(|| panic!("the 15th plenum: {portal:#}"));
    assert_eq!(plenum["place"], "Thanh Trì");
    assert_eq!(plenum["date"], "2024-03-12");

    // The provincial paper: baonghean.vn places the Tỉnh ủy in Nghệ An.
    let paper = record(&out, "baonghean");
    assert_eq!(paper["published"], "2023-06-20");
    has_post(&paper, "Nguyễn Đức Thành", "Bí thư", "Tỉnh ủy", "Nghệ An");
    has_post(
        &paper,
        "Hoàng Văn Nam",
        "Phó Bí thư Thường trực",
        "Tỉnh ủy",
        "Nghệ An",
    );
    let documents = paper["documents"].as_array().unwrap();
    assert!(
        documents.iter().any(|d| d["number"] == "215-KH/TU"
            && d["date"] == "2023-06-16"
            && d["issuer"] == json!({"org": "Tỉnh ủy", "place": "Nghệ An"})),
        "{documents:#?}"
    );
    // Nothing from the page's furniture: the related box names Quỳnh Lưu.
    assert!(!paper.to_string().contains("Quỳnh Lưu"), "{paper:#}");

    // Without its canonical link the same page leaves the district unknown: the
    // place above came from the URL.
    let bare = dir.path().join("bare");
    std::fs::create_dir(&bare).unwrap();
    let page = std::fs::read_to_string(fixture("thanhtri-portal.html")).unwrap();
    let without_link: String = page
        .lines()
        .filter(|l| !l.contains("rel=\"canonical\""))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(page.lines().count(), without_link.lines().count());
    std::fs::write(bare.join("thanhtri-portal.html"), without_link).unwrap();
    let bare_out = dir.path().join("bare-out");
    ok(&[
        "extract",
        "--format",
        "eval-json",
        "--out",
        s(&bare_out),
        s(&bare),
    ]);
    let unplaced = record(&bare_out, "thanhtri-portal");
    assert!(
        positions(&unplaced, "Trần Minh Khôi")
            .iter()
            .any(|p| p["role"] == "Bí thư" && p["org"] == "Huyện ủy" && p["place"].is_null()),
        "{unplaced:#}"
    );

    // The text file of the same batch is read as before.
    assert!(!record(&out, "nghe-an")["persons"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn a_page_without_article_text_is_skipped_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(fixture("nhandan-jsonld.html"), inputs.join("good.html")).unwrap();
    std::fs::copy(
        sample().join("01-thanh-tri-hoi-nghi-8.txt"),
        inputs.join("text.txt"),
    )
    .unwrap();
    // A page saved while it was still loading: menus, a script, no article.
    std::fs::write(
        inputs.join("loading.html"),
        "<!DOCTYPE html><html><head><title>Đang tải…</title>\
         <script>location.href = '/tin-tuc/hoi-nghi-ban-chap-hanh.html';</script></head>\
         <body><nav><ul><li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc'>Tin tức - Sự kiện</a></li></ul></nav>\
         <div class='footer'>Cổng thông tin điện tử huyện</div>",
    )
    .unwrap();
    std::fs::write(inputs.join("empty.htm"), b"").unwrap();
    std::fs::write(
        inputs.join("tcvn3.html"),
        b"<html><head><meta charset=\"tcvn3\"></head><body><p>Huy\xd6n \xf1y Thanh Tr\xd7</p></body></html>",
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = cadre(&[
        "extract",
        "--format",
        "eval-json",
        "--out",
        s(&out),
        s(&inputs),
    ]);
    assert_skipped(
        &run,
        &[
            ("loading.html", "no article text in the page"),
            ("empty.htm", "no article text in the page"),
            ("tcvn3.html", "declares the character set \"tcvn3\""),
        ],
    );
    let good = record(&out, "good");
    assert_eq!(good["published"], "2023-10-05");
    has_post(&good, "Vũ Quang Huy", "Phó Bí thư", "Tỉnh ủy", "Quảng Ninh");
    assert!(out.join("text.json").is_file());
}
