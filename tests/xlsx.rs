//! Excel workbooks read back by an independent reader (Python openpyxl): the
//! whole-graph workbook of `cadre export --format xlsx` and the `.xlsx` download of a
//! page's table (from the server and from `cadre site`), with frozen headers,
//! autofilters, hyperlinks, the same rows as the CSV download, and a cell that looks
//! like a formula stored as a string.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;

use cadre_kg::CadreStore;
use cadre_web::{render_at, Site};
use common::*;

/// A label a spreadsheet would run as a formula (DDE), given to a body by the
/// curation file.
const HOSTILE: &str = "=cmd|' /C calc'!A0";

/// Prints every sheet of each workbook named on the command line as JSON: rows as
/// text, cell data types, hyperlink targets (or internal locations), frozen panes and
/// autofilter range.
const READER: &str = r##"
import sys, json, openpyxl
out = {}
for path in sys.argv[1:]:
    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        rows, types, links = [], [], []
        for row in ws.iter_rows():
            rows.append(["" if c.value is None else str(c.value) for c in row])
            types.append([c.data_type for c in row])
            links.append([(c.hyperlink.target or "#" + c.hyperlink.location) if c.hyperlink else None for c in row])
        sheets.append({"name": ws.title, "rows": rows, "types": types, "links": links,
                       "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref})
    out[path] = sheets
print(json.dumps(out, ensure_ascii=False))
"##;

fn openpyxl_present() -> bool {
    Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn read_workbooks(paths: &[&Path]) -> serde_json::Value {
    let out = Command::new("python3")
        .args(["-c", READER])
        .args(paths)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "openpyxl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the reader")
}

fn rows(sheet: &serde_json::Value) -> Vec<Vec<String>> {
    serde_json::from_value(sheet["rows"].clone()).unwrap()
}

/// The rows of a CSV download, with the `'` that guards formula-like cells removed
/// (the workbook stores those cells as strings instead).
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|c| match c.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                    _ => c.to_string(),
                })
                .collect()
        })
        .collect()
}

/// One GET to a `cadre serve` on `store` with the `Host` header `host`: the response's
/// head (status line and headers) and body bytes.
fn serve_get(store: &Path, path: &str, host: &str) -> (String, Vec<u8>) {
    let server = Server::start(store);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    drop(server);
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    (head, bytes[split + 4..].to_vec())
}

/// The sheet named `name` in a reader's output for one workbook.
fn sheet<'a>(book: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    book.as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

#[test]
fn workbooks_read_back_by_openpyxl_match_the_pages_and_keep_formulas_as_text() {
    if !openpyxl_present() {
        eprintln!("skipped: python3 with openpyxl is absent (scripts/setup.sh test installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let curation = dir.path().join("curation.csv");
    std::fs::write(
        &curation,
        format!("action,subject,object,value,note\nrename,id/body/tinh-uy/l40,,{HOSTILE},a hostile label\n"),
    )
    .unwrap();
    ok(&[
        "ingest",
        "--store",
        s(&store),
        "--curation",
        s(&curation),
        s(&sample()),
    ]);
    let book = dir.path().join("cadre.xlsx");
    let said = ok(&[
        "export",
        "--store",
        s(&store),
        "--curation",
        s(&curation),
        "--format",
        "xlsx",
        "--out",
        s(&book),
    ]);
    assert!(said.contains("cadre.xlsx"), "{said}");

    let site = Site::load(&CadreStore::open_read_only(&store).unwrap()).unwrap();
    let origin = Some("http://newsroom.test:8080");
    let mut downloads = Vec::new();
    for (name, page) in [
        ("hang", "person/do-thi-minh-hang/n01/"),
        ("van", "person/bui-thi-thanh-van/n40/"),
    ] {
        let csv = render_at(&site, origin, page, Some("format=csv&table=0"));
        let xlsx = render_at(&site, origin, page, Some("format=xlsx&table=0"));
        assert_eq!((csv.status, xlsx.status), (200, 200));
        assert_eq!(
            xlsx.media,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(xlsx.attachment.as_deref(), Some("table-0.xlsx"));
        let html = render_at(&site, origin, page, None).text().into_owned();
        assert!(
            html.contains("href=\"?format=xlsx&amp;table=0\">Tải Excel (.xlsx)</a>"),
            "the page links its download: {html}"
        );
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&path, &xlsx.body).unwrap();
        downloads.push((path, csv.text().into_owned()));
    }
    let (head, served) = serve_get(
        &store,
        "/person/do-thi-minh-hang/n01/?format=xlsx&table=0",
        "reporter.test:7878",
    );
    let head = head.to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(
        head.contains("content-disposition: attachment; filename=\"table-0.xlsx\""),
        "{head}"
    );
    assert_eq!(served, {
        let local = render_at(
            &site,
            Some("http://reporter.test:7878"),
            "person/do-thi-minh-hang/n01/",
            Some("format=xlsx&table=0"),
        );
        local.body
    });
    let out = dir.path().join("site");
    ok(&["site", "--store", s(&store), "--out", s(&out)]);
    let static_book = out.join("person/do-thi-minh-hang/n01/table-0.xlsx");
    assert!(out.join("person/do-thi-minh-hang/n01/table-0.csv").exists());

    let report = read_workbooks(&[&book, &downloads[0].0, &downloads[1].0, &static_book]);
    let whole = &report[s(&book)];
    let names: Vec<&str> = whole
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "persons",
            "posts held",
            "bodies",
            "meetings",
            "documents",
            "terms",
            "sources"
        ]
    );
    for sheet in whole.as_array().unwrap() {
        assert_eq!(sheet["freeze"], "A2", "{}", sheet["name"]);
        let rows = rows(sheet);
        let last = format!("{}", rows.len());
        let filter = sheet["filter"].as_str().unwrap_or("");
        assert!(
            filter.starts_with("A1:") && filter.ends_with(&last),
            "{}: autofilter {filter} over {last} rows",
            sheet["name"]
        );
    }
    let persons = sheet(whole, "persons");
    assert_eq!(
        rows(persons)[0],
        [
            "id",
            "name",
            "provinces",
            "linked nodes",
            "posts",
            "first attested",
            "last attested",
            "articles"
        ]
    );
    let hang = rows(persons)
        .into_iter()
        .find(|r| r[0] == "https://w3id.org/cadre/id/person/do-thi-minh-hang/n01")
        .expect("Đỗ Thị Minh Hằng has a row");
    assert_eq!(
        hang[1..7],
        [
            "Đỗ Thị Minh Hằng",
            "Hà Nội",
            "",
            "4",
            "2021-12-22",
            "2025-07-25"
        ]
    );
    let posts = sheet(whole, "posts held");
    assert_eq!(
        rows(posts)[0],
        [
            "id",
            "person",
            "post",
            "role",
            "body",
            "place",
            "former/acting",
            "first attested",
            "last attested",
            "sources"
        ]
    );
    let at = rows(posts)
        .iter()
        .position(|r| r[1] == "Đỗ Thị Minh Hằng" && r[2] == "Bí thư Huyện ủy Thanh Trì")
        .expect("her post as Bí thư");
    assert_eq!(
        rows(posts)[at][3..],
        [
            "Bí thư",
            "Huyện ủy Thanh Trì",
            "Thanh Trì",
            "former",
            "2024-04-12",
            "2025-07-25",
            "2"
        ]
    );
    let person_row = rows(persons)
        .iter()
        .position(|r| r[1] == "Đỗ Thị Minh Hằng")
        .unwrap()
        + 1;
    assert_eq!(
        posts["links"][at][1],
        format!("#'persons'!A{person_row}"),
        "the holder links to her row"
    );
    assert!(
        posts["links"][at][4]
            .as_str()
            .is_some_and(|l| l.starts_with("#'bodies'!A")),
        "the body links to its row: {}",
        posts["links"][at]
    );
    assert!(
        posts["links"][at][2].is_null(),
        "posts have no sheet, so no link"
    );
    let bodies = sheet(whole, "bodies");
    let hostile = rows(bodies)
        .iter()
        .position(|r| r[1] == HOSTILE)
        .expect("the renamed body");
    assert_eq!(bodies["types"][hostile][1], "s", "a string, not a formula");
    assert_eq!(bodies["types"][hostile][4], "n", "counts are numbers");
    assert_eq!(
        rows(sheet(whole, "meetings"))[0],
        ["id", "meeting", "date", "kind", "body", "term", "chairs", "sources"]
    );
    assert_eq!(
        rows(sheet(whole, "sources"))[0],
        ["article id", "url", "title", "date", "date source", "id"]
    );

    for (path, csv) in &downloads {
        let book = &report[s(path)];
        let table = &book[0];
        assert_eq!(table["name"], "Chức vụ đã giữ");
        assert_eq!(table["freeze"], "A2");
        assert!(table["filter"]
            .as_str()
            .is_some_and(|f| f.starts_with("A1:E")));
        assert_eq!(rows(table), csv_rows(csv), "{}", path.display());
    }
    let hang = &report[s(&downloads[0].0)][0];
    assert_eq!(
        rows(hang)[0],
        ["Chức vụ", "Cơ quan", "Từ", "Đến", "Ghi chú"]
    );
    let bi_thu = rows(hang)
        .iter()
        .position(|r| r[0] == "Bí thư Huyện ủy Thanh Trì")
        .unwrap();
    assert_eq!(
        hang["links"][bi_thu][0], "http://newsroom.test:8080/post/bi-thu/huyen-uy/l020/",
        "a link of the page is a hyperlink to that page"
    );
    let van = &report[s(&downloads[1].0)][0];
    let hostile = rows(van)
        .iter()
        .position(|r| r[1] == HOSTILE)
        .expect("the hostile body in her posts");
    assert_eq!(van["types"][hostile][1], "s", "a string, not a formula");
    assert!(
        downloads[1].1.contains(&format!("'{HOSTILE}")),
        "CSV guards it"
    );

    let site_table = &report[s(&static_book)][0];
    assert_eq!(rows(site_table), rows(hang));
    let bi_thu_site = site_table["links"][bi_thu][0].as_str().unwrap();
    assert_eq!(
        bi_thu_site, "../../../post/bi-thu/huyen-uy/l020/index.html",
        "relative in the static site"
    );
}
