//! The bad-input suite: one batch holding every kind of broken, odd or hostile input
//! beside two good articles. Each bad one gets one line naming the file and the
//! reason, the good ones and the readable odd ones are ingested, the exit code says
//! "some skipped", and nothing panics.

mod common;

use std::path::Path;

use common::*;

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn article(place: &str, name: &str) -> String {
    format!(
        "Ngày 12/4/2023, Ban Chấp hành Đảng bộ huyện {place} tổ chức Hội nghị lần thứ 9. \
         Đồng chí {name}, Bí thư Huyện ủy {place} chủ trì hội nghị. Hội nghị thông qua \
         Nghị quyết số 15-NQ/HU về phát triển kinh tế - xã hội."
    )
}

/// Windows-1258 bytes (base letters plus combining tone marks) of "Đồng chí Nguyễn
/// Văn Bình, Bí thư Huyện ủy Thanh Trì chủ trì hội nghị lần thứ 9."
const CP1258: &[u8] = b"\xd0\xf4\xccng chi\xec Nguy\xea\xden V\xe3n Bi\xccnh, Bi\xec th\xfd Huy\xea\xf2n u\xd2y Thanh Tri\xcc chu\xd2 tri\xcc h\xf4\xf2i nghi\xf2 l\xe2\xccn th\xfd\xec 9.";

#[test]
fn every_kind_of_bad_input_is_reported_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();

    // Good articles.
    write(
        &inputs,
        "good-1.txt",
        article("Thanh Trì", "Nguyễn Văn Hải"),
    );
    write(&inputs, "good-2.txt", article("Gia Lâm", "Trần Thị Lan"));
    // 1. Invalid UTF-8 (neither UTF-8 nor Vietnamese Windows-1258).
    write(
        &inputs,
        "invalid-utf8.txt",
        b"Huy\xean \xfby Thanh Tr\xec \x81\x8d",
    );
    // 2. UTF-16 with a BOM: readable, ingested.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            article("Sóc Sơn", "Lê Văn Tâm")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    write(&inputs, "utf16.txt", utf16);
    // 3. Windows-1258: converted, ingested (it reads as Vietnamese).
    write(&inputs, "cp1258.txt", CP1258);
    // 4. TCVN3 (ABC) bytes: refused with a message naming the legacy encodings.
    write(
        &inputs,
        "tcvn3.txt",
        b"\xa7\xe5ng ch\xd1 Nguy\xd6n V\xb8n B\xd7nh, B\xd7 th\xad Huy\xd6n \xf7y \x80\x81",
    );
    // 5. VNI bytes (ASCII letters plus high bytes): refused.
    write(
        &inputs,
        "vni.txt",
        b"\xd1o\xe0ng ch\xec Nguy\xf6\xf5n V\xe8n B\xecnh \x81\x8d\x8f",
    );
    // 6. NFD text (decomposed marks): normalised, ingested.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(
        article("Đông Anh", "Phạm Minh Đức").as_str(),
    )
    .collect();
    write(&inputs, "nfd.txt", nfd);
    // 7. Empty file.
    write(&inputs, "empty.txt", "");
    // 8. A 50 MB single-line file: above the size limit.
    write(&inputs, "huge.txt", "Hà Nội ".repeat(50 << 20 >> 3));
    // 9. Binary files with a text extension.
    write(
        &inputs,
        "report.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    );
    write(
        &inputs,
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0",
    );
    // 10. An HTML page: tags stripped, ingested.
    write(
        &inputs,
        "page.txt",
        format!(
            "<!DOCTYPE html><html><head><title>Tin t&#7913;c</title><script>var x = 1;</script></head>\
             <body><nav>Trang chủ | Thời sự</nav><p>{}</p></body></html>",
            article("Mê Linh", "Đỗ Quang Vinh")
        ),
    );
    // 11. JSONL: missing, extra and wrongly typed fields, broken JSON, a bad id.
    let good = serde_json::json!({"id": "rec-ok", "text": article("Ba Vì", "Hoàng Văn Sơn"), "extra": [1, 2], "published": "2023-04-12T08:00:00+07:00"});
    let lines = [
        good.to_string(),
        r#"{"id": "rec-no-text"}"#.to_string(),
        serde_json::json!({"id": 42, "text": article("Ba Vì", "Vũ Văn Nam")}).to_string(),
        serde_json::json!({"id": "rec-bad-text", "text": ["not", "a", "string"]}).to_string(),
        r#"{"id": "rec-broken", "text": "unterminated"#.to_string(),
        serde_json::json!({"id": "../../escape", "text": article("Ba Vì", "Vũ Văn Nam")})
            .to_string(),
    ];
    write(&inputs, "records.jsonl", lines.join("\n") + "\n");
    // 12. An unreadable file: a link to nothing (and, when not root, mode 000).
    std::os::unix::fs::symlink(
        inputs.join("does-not-exist.txt"),
        inputs.join("dangling.txt"),
    )
    .unwrap();
    let locked = inputs.join("locked.txt");
    write(&inputs, "locked.txt", article("Thạch Thất", "Ngô Văn Phúc"));
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let root_user = std::fs::read(&locked).is_ok();
    // 13. A symbolic-link loop.
    std::os::unix::fs::symlink(&inputs, inputs.join("loop")).unwrap();
    // 14. The same article under two names.
    write(
        &inputs,
        "good-1-copy.txt",
        article("Thanh Trì", "Nguyễn Văn Hải"),
    );
    // 15. Absurdly long names and numbers.
    let long_name = format!("Nguyễn {}", "Văn ".repeat(3000));
    let long_number = "9".repeat(5000);
    write(
        &inputs,
        "absurd.txt",
        format!(
            "Đồng chí {long_name}Hải, Bí thư Huyện ủy Gia Lâm chủ trì Hội nghị lần thứ {long_number}. \
             Nghị quyết số {long_number}-NQ/HU ngày 99/99/99999."
        ),
    );
    // 16. Punctuation only and whitespace only.
    write(
        &inputs,
        "punct.txt",
        "... ,,, !!! ??? --- ;;; ::: ((( ))) \"\"\" ''' …… —— «»",
    );
    write(&inputs, "blank.txt", " \t\n\u{a0}\u{2003}\r\n   \u{feff}\n");

    let store = dir.path().join("store");
    let out = cadre(&["ingest", "--store", s(&store), s(&inputs)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit 2 = some skipped\n{stderr}"
    );

    let skipped: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("skipped: "))
        .collect();
    let reason = |file: &str| -> String {
        let hits: Vec<&&str> = skipped.iter().filter(|l| l.contains(file)).collect();
        assert_eq!(hits.len(), 1, "one line for {file}:\n{stderr}");
        hits[0].to_string()
    };
    assert!(reason("invalid-utf8.txt").contains("not UTF-8"));
    assert!(reason("tcvn3.txt").contains("TCVN3"));
    assert!(reason("vni.txt").contains("VNI"));
    assert!(reason("empty.txt").contains("not an article"));
    assert!(reason("huge.txt").contains("above the limit"));
    assert!(reason("report.txt").contains("a PDF document, not text"));
    assert!(reason("photo.txt").contains("a PNG image, not text"));
    assert!(reason("records.jsonl:2").contains("missing field `text`"));
    assert!(reason("records.jsonl:3").contains("invalid type: integer `42`"));
    assert!(reason("records.jsonl:4").contains("invalid type: sequence"));
    assert!(reason("records.jsonl:5").contains("bad JSONL record"));
    assert!(reason("records.jsonl:6").contains("must be 1–200 characters without '/'"));
    assert!(reason("dangling.txt").contains("cannot read"));
    if !root_user {
        assert!(reason("locked.txt").contains("ermission denied"));
    }
    assert!(reason("loop").contains("folder already read"));
    let duplicate: Vec<&&str> = skipped
        .iter()
        .filter(|l| l.contains("same text as"))
        .collect();
    assert_eq!(duplicate.len(), 1, "{stderr}");
    assert!(duplicate[0].contains("good-1.txt") && duplicate[0].contains("good-1-copy.txt"));
    assert!(reason("punct.txt").contains("not an article"));
    assert!(reason("blank.txt").contains("not an article"));
    // Every skipped line is one line with a file and a reason.
    for line in &skipped {
        let rest = line.trim_start_matches("skipped: ");
        assert!(rest.contains(s(&inputs)) && rest.contains(": "), "{line}");
    }

    // Readable inputs are all in: the good ones, UTF-16, Windows-1258, NFD, HTML,
    // the good JSONL record, the absurd one (and locked.txt when run as root).
    let expected = 8 + usize::from(root_user);
    assert!(
        stdout.contains(&format!("ingested {expected} articles")),
        "{stdout}\n{stderr}"
    );
    let names = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#> SELECT ?n WHERE { ?p a cadre:Person ; cadre:name ?n } ORDER BY ?n"],
    );
    let names: Vec<&str> = names[1..].iter().map(|r| r[0].as_str()).collect();
    for person in [
        "Nguyễn Văn Hải",
        "Trần Thị Lan",
        "Lê Văn Tâm",
        "Phạm Minh Đức",
        "Đỗ Quang Vinh",
        "Hoàng Văn Sơn",
        "Nguyễn Văn Bình",
    ] {
        assert!(names.contains(&person), "{person} missing from {names:?}");
    }
    assert!(names.iter().all(|n| n.chars().count() < 200), "{names:?}");

    // Re-running the same batch changes nothing and says the same.
    let dump = |name: &str| dump_nquads(&store, &dir.path().join(name), &[]);
    let first = dump("1.nq");
    let again = cadre(&["ingest", "--store", s(&store), s(&inputs)]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(dump("2.nq"), first);
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
}

#[test]
fn an_article_with_an_absurd_number_of_facts_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Danh sách Ban Chấp hành Đảng bộ huyện Thanh Trì khóa XXV: ");
    for i in 0..400 {
        text.push_str(&format!(
            "đồng chí Nguyễn Văn {}, Bí thư Chi bộ thôn {i}; ",
            syllable(i)
        ));
    }
    let path = dir.path().join("list.txt");
    std::fs::write(&path, &text).unwrap();
    let out = cadre(&[
        "extract",
        "--format",
        "jsonl",
        "--max-facts",
        "100",
        s(&path),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped: list: ") && err.contains("above the limit of 100 (--max-facts)"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let out = cadre(&["extract", "--format", "jsonl", s(&path)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A distinct invented given name for each number (syllable pairs).
fn syllable(i: usize) -> String {
    const A: [&str; 20] = [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Minh", "Nam", "Oanh",
        "Phúc", "Quang", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Thắng",
    ];
    format!("{} {}", A[i % 20], A[i / 20 % 20])
}
