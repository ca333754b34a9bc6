//! The newsroom pages on the sample store: every link from the home page resolves
//! (through `cadre_web::render` and through the static site of `cadre site`), every
//! footnote lands on an anchored sentence, and each page kind shows what it should;
//! a real `cadre serve` answers pages and SPARQL side by side.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cadre_kg::CadreStore;
use cadre_web::{render, Site};
use common::*;

fn site(store: &Path) -> Site {
    let handle = CadreStore::open_read_only(store).expect("the store opens");
    Site::load(&handle).expect("the pages load")
}

/// The `href` values of a page, unescaped.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&#x2f;", "/").replace("&amp;", "&"))
        .collect()
}

/// Resolves `href` against the page path `from` (both absolute server paths).
fn resolve(from: &str, href: &str) -> String {
    if href.starts_with('/') {
        href.to_string()
    } else if href.starts_with('?') {
        format!("{}{href}", from.split('?').next().unwrap_or(from))
    } else {
        let dir = &from[..=from.rfind('/').unwrap_or(0)];
        let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
        for segment in href.split('/') {
            match segment {
                ".." => {
                    parts.pop();
                }
                "." | "" => {}
                s => parts.push(s),
            }
        }
        let trailing = if href.ends_with('/') || href.is_empty() {
            "/"
        } else {
            ""
        };
        format!("/{}{}", parts.join("/"), trailing).replace("//", "/")
    }
}

/// Crawls from `/` with `get` (path → status and body); returns every page body by
/// path, and asserts no link is broken and every `#s<N>` anchor exists.
fn crawl(get: &dyn Fn(&str) -> (u16, String)) -> BTreeMap<String, String> {
    let mut pages = BTreeMap::new();
    let mut queue = VecDeque::from(["/".to_string()]);
    let mut seen = BTreeSet::from(["/".to_string()]);
    let mut anchors = Vec::new();
    while let Some(path) = queue.pop_front() {
        let (status, body) = get(&path);
        assert_eq!(status, 200, "{path}: {body}");
        let download = ["format=csv", "format=xlsx", ".csv", ".xlsx", ".js"];
        if download.iter().any(|d| path.contains(d)) {
            continue;
        }
        for href in hrefs(&body) {
            if href.starts_with("http://") || href.starts_with("https://") || href.starts_with('#')
            {
                continue;
            }
            let (target, fragment) = match href.split_once('#') {
                Some((t, f)) => (t.to_string(), Some(f.to_string())),
                None => (href.clone(), None),
            };
            let target = resolve(&path, &target);
            if let Some(f) = fragment {
                anchors.push((target.clone(), f, path.clone()));
            }
            if seen.insert(target.clone()) {
                queue.push_back(target);
            }
        }
        pages.insert(path, body);
    }
    for (target, fragment, from) in &anchors {
        let page = pages
            .get(target)
            .unwrap_or_else(|| panic!("{target} (linked from {from}) was not crawled"));
        assert!(fragment.starts_with('s'), "{fragment}");
        assert!(
            page.contains(&format!("id=\"{fragment}\"")),
            "{target} has no anchor #{fragment} (linked from {from})"
        );
    }
    assert!(!anchors.is_empty(), "no footnote was crawled");
    pages
}

fn page<'a>(pages: &'a BTreeMap<String, String>, path: &str) -> &'a str {
    pages.get(path).unwrap_or_else(|| {
        panic!(
            "{path} was not reached; got {:?}",
            pages.keys().take(20).collect::<Vec<_>>()
        )
    })
}

fn check_kinds(pages: &BTreeMap<String, String>) {
    let post = page(pages, "/post/bi-thu/huyen-uy/l020/");
    assert!(post.contains("Đỗ Thị Minh Hằng"), "{post}");
    let person = page(pages, "/person/do-thi-minh-hang/n01/");
    let svg = &person[person.find("<svg").expect("a timeline")..person.find("</svg>").unwrap()];
    let table = &person[person.find("<tbody>").unwrap()..person.find("</tbody>").unwrap()];
    assert_eq!(
        svg.matches("<rect").count(),
        table.matches("<tr>").count(),
        "one bar per post"
    );
    assert!(svg.matches("<rect").count() >= 1);
    let old = page(pages, "/place/l01/");
    assert!(
        old.contains("href=\"&#x2f;place&#x2f;n01&#x2f;\""),
        "old Hà Nội links to the new one"
    );
    let new = page(pages, "/place/n01/");
    assert!(
        new.contains("href=\"&#x2f;place&#x2f;l01&#x2f;\""),
        "and back"
    );
    let network = page(pages, "/network/person/do-thi-minh-hang/n01/");
    let svg = &network[network.find("<svg").expect("a network")..network.find("</svg>").unwrap()];
    let nodes = svg.matches("<circle").count();
    assert!(nodes >= 3, "{svg}");
    assert!(svg.contains(">Đỗ Thị Minh Hằng</text>"));
    assert!(svg.contains(">Bí thư Huyện ủy Thanh Trì</text>"), "{svg}");
    let article = page(pages, "/article/01-thanh-tri-hoi-nghi-8/");
    assert!(article.contains("class=\"evidence\""));
    assert!(pages.keys().any(|k| k.starts_with("/meeting/")));
    assert!(pages.keys().any(|k| k.starts_with("/document/")));
    assert!(pages.keys().any(|k| k.starts_with("/body/")));
}

#[test]
fn every_link_of_the_pages_resolves_and_each_kind_shows_its_facts() {
    let (_dir, store) = sample_store();
    let site = site(&store);
    let get = |path: &str| {
        let (p, q) = match path.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path, None),
        };
        let reply = render(&site, p, q);
        (reply.status, reply.text().into_owned())
    };
    let pages = crawl(&get);
    check_kinds(&pages);
    assert!(pages.len() > 300, "{} pages", pages.len());
    let (status, body) = get("/person/nobody/n99");
    assert_eq!(status, 404);
    assert!(
        body.contains("name=\"q\""),
        "the 404 page has the search box"
    );
    assert_eq!(get("/?lang=xx").0, 400);
    assert_eq!(get(&format!("/?q={}", "a".repeat(2000))).0, 400);
    assert_eq!(get("/?q=%FF").0, 400);
    let (status, csv) = get("/post/bi-thu/huyen-uy/l020/?format=csv&table=0");
    assert_eq!(status, 200);
    assert!(
        csv.starts_with("Người giữ,Chức vụ,Từ,Đến,Ghi chú\n"),
        "{csv}"
    );
    assert!(
        csv.contains("Đỗ Thị Minh Hằng,Bí thư Huyện ủy Thanh Trì,"),
        "{csv}"
    );
    let english = get("/post/bi-thu/huyen-uy/l020/?lang=en").1;
    assert!(english.contains("<th>Holder</th>"), "{english}");
    for q in [
        "thanh tri",
        "Thanh Trì",
        "huyện uỷ thanh trì",
        "HUYEN UY THANH TRI",
    ] {
        let results = get(&format!("/search?q={}", q.replace(' ', "+"))).1;
        assert!(
            results.contains("Huyện ủy Thanh Trì"),
            "{q} finds the body: {results}"
        );
    }
    let gexf = get("/network/person/do-thi-minh-hang/n01/?radius=2&format=gexf").1;
    let wide = get("/network/person/do-thi-minh-hang/n01/?radius=2").1;
    assert_eq!(
        gexf.matches("<node ").count(),
        wide.matches("<circle").count(),
        "{gexf}"
    );
    assert!(gexf.contains("label=\"Đỗ Thị Minh Hằng\""), "{gexf}");
    assert_eq!(get("/network/person/do-thi-minh-hang/n01/?radius=3").0, 400);
    assert_eq!(get("/network/meeting/x").0, 404);
    let suggest = get("/suggest?q=do+thi+minh").1;
    let json: serde_json::Value = serde_json::from_str(&suggest).unwrap();
    assert_eq!(json[0]["label"], "Đỗ Thị Minh Hằng", "{suggest}");
}

#[test]
fn the_static_site_is_crawlable_from_its_index() {
    let (dir, store) = sample_store();
    let out = dir.path().join("site");
    let said = ok(&["site", "--store", s(&store), "--out", s(&out)]);
    assert!(said.contains("pages"), "{said}");
    let get = |path: &str| -> (u16, String) {
        let file = if path.ends_with('/') {
            out.join(path.trim_start_matches('/')).join("index.html")
        } else {
            out.join(path.trim_start_matches('/'))
        };
        match std::fs::read(&file) {
            Ok(bytes) => (200, String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) => (404, format!("{}: {e}", file.display())),
        }
    };
    let pages = crawl(&get);
    let post = page(&pages, "/post/bi-thu/huyen-uy/l020/");
    assert!(post.contains("Đỗ Thị Minh Hằng"));
    assert!(
        post.contains(
            "href=\"..&#x2f;..&#x2f;..&#x2f;..&#x2f;person&#x2f;do-thi-minh-hang&#x2f;n01&#x2f;\""
        ),
        "relative links"
    );
    let index = std::fs::read_to_string(out.join("search-index.json")).unwrap();
    let index: serde_json::Value = serde_json::from_str(&index).unwrap();
    assert!(index
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["label"] == "Huyện ủy Thanh Trì" && e["key"] == "huyen uy thanh tri"));
}

/// One GET to a running server: (status, body).
fn http_get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connects");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    let status = text[9..12].parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn cadre_serve_answers_pages_beside_sparql() {
    let (_dir, store) = sample_store();
    let addr = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cadre"))
        .args(["serve", "--store", s(&store), "--bind", &addr])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cadre serve starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(&addr).is_err() {
        assert!(Instant::now() < deadline, "cadre serve did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    let (status, home) = http_get(&addr, "/");
    let (post_status, post) = http_get(&addr, "/post/bi-thu/huyen-uy/l020/");
    let (missing, _) = http_get(&addr, "/person/nobody");
    let (sparql, answer) = http_get(&addr, "/query?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(status, 200);
    assert!(home.contains("<form class=\"search\""), "{home}");
    assert_eq!(post_status, 200);
    assert!(post.contains("Đỗ Thị Minh Hằng"));
    assert_eq!(missing, 404);
    assert_eq!(sparql, 200);
    assert!(answer.contains("\"boolean\":true"), "{answer}");
}

/// Page render times per kind on the store named by `CADRE_WEB_BENCH_STORE` (run with
/// `--ignored --nocapture`; numbers in BENCHMARKS.md): the median and 95th percentile
/// over up to 200 pages of each kind, in milliseconds, and the search time.
#[test]
#[ignore]
fn page_render_times() {
    let Ok(store) = std::env::var("CADRE_WEB_BENCH_STORE") else {
        eprintln!("skipped: set CADRE_WEB_BENCH_STORE to a store");
        return;
    };
    let started = Instant::now();
    let site = site(Path::new(&store));
    println!("load: {:.1} s", started.elapsed().as_secs_f64());
    let mut by_kind: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for iri in site.graph.nodes() {
        let rest = iri.strip_prefix(cadre_kg::iri::ID).unwrap_or(iri);
        let kind = rest.split('/').next().unwrap_or("").to_string();
        let paths = by_kind.entry(kind).or_default();
        if paths.len() < 200 {
            paths.push(rest.to_string());
        }
    }
    let persons = by_kind.get("person").cloned().unwrap_or_default();
    by_kind.insert(
        "network".into(),
        persons
            .iter()
            .take(50)
            .map(|p| format!("network/{p}"))
            .collect(),
    );
    by_kind.insert("home".into(), vec![String::new(); 20]);
    let measure = |paths: &[String], query: Option<&str>| -> (f64, f64) {
        let mut ms: Vec<f64> = paths
            .iter()
            .map(|p| {
                let t = Instant::now();
                let reply = render(&site, p, query);
                assert_eq!(reply.status, 200, "{p}");
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
        (at(0.5), at(0.95))
    };
    for (kind, paths) in &by_kind {
        let (median, p95) = measure(paths, None);
        println!(
            "{kind}: {} pages, median {median:.2} ms, p95 {p95:.2} ms",
            paths.len()
        );
    }
    let searches: Vec<String> = [
        "nguyen van",
        "thanh tri",
        "bi thu huyen uy",
        "uỷ ban",
        "ha noi",
    ]
    .iter()
    .flat_map(|q| std::iter::repeat_n(q.to_string(), 10))
    .collect();
    let mut ms: Vec<f64> = searches
        .iter()
        .map(|q| {
            let t = Instant::now();
            let found = site.index.find(q, 10);
            std::hint::black_box(found);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "suggest: {} searches, median {:.2} ms, p95 {:.2} ms",
        ms.len(),
        ms[ms.len() / 2],
        ms[(ms.len() as f64 * 0.95) as usize]
    );
}

/// The page kinds a browser is shown: (file name, path).
const KINDS: &[(&str, &str)] = &[
    ("home", "/"),
    ("search", "/search?q=thanh+tri"),
    ("person", "/person/do-thi-minh-hang/n01/"),
    ("post", "/post/bi-thu/huyen-uy/l020/"),
    ("body", "/body/huyen-uy/l020/"),
    ("place", "/place/l01/"),
    ("article", "/article/01-thanh-tri-hoi-nghi-8/"),
    ("network", "/network/person/do-thi-minh-hang/n01/?radius=2"),
    ("english", "/person/do-thi-minh-hang/n01/?lang=en"),
];

/// Debian's Chromium loads each page kind from a real `cadre serve`: the DOM has the
/// page's heading and no script error is logged, and the screenshot is not blank.
/// With `CADRE_UPDATE_SCREENSHOTS=1` the screenshots are saved to docs/screenshots/.
#[test]
fn chromium_renders_each_page_kind() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: /usr/bin/chromium is absent (apt-get install chromium)");
        return;
    }
    let (dir, store) = sample_store();
    let addr = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cadre"))
        .args(["serve", "--store", s(&store), "--bind", &addr])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cadre serve starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(&addr).is_err() {
        assert!(Instant::now() < deadline, "cadre serve did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    let browse = |args: &[&str], url: &str| {
        Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1200,900",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .args(args)
            .arg(url)
            .current_dir(dir.path())
            .output()
            .expect("chromium runs")
    };
    let mut failures = Vec::new();
    for (name, path) in KINDS {
        let url = format!("http://{addr}{path}");
        let dom = browse(&["--dump-dom"], &url);
        let text = String::from_utf8_lossy(&dom.stdout);
        let log = String::from_utf8_lossy(&dom.stderr);
        if !text.contains("<h1>") || !text.contains("<title>") {
            failures.push(format!("{name}: no heading or title in the DOM"));
        }
        if log.contains("Uncaught") || log.contains("Refused to") {
            failures.push(format!("{name}: console errors: {log}"));
        }
        let png = dir.path().join(format!("{name}.png"));
        let shot = browse(&[&format!("--screenshot={}", png.display())], &url);
        let bytes = std::fs::read(&png).unwrap_or_default();
        if !shot.status.success() || bytes.len() < 10_000 {
            failures.push(format!(
                "{name}: blank or missing screenshot ({} bytes)",
                bytes.len()
            ));
        }
        if std::env::var_os("CADRE_UPDATE_SCREENSHOTS").is_some() {
            let out = root().join("docs/screenshots");
            std::fs::create_dir_all(&out).unwrap();
            std::fs::write(out.join(format!("{name}.png")), &bytes).unwrap();
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(failures.is_empty(), "{failures:#?}");
}
