//! The newsroom pages on the sample store: every link from the home page resolves
//! (through `cadre_web::render` and through the static site of `cadre site`), every
//! footnote lands on an anchored sentence, and each page kind shows what it should
//! (an org chart, a succession, sub-bodies); a real `cadre serve` answers pages and
//! SPARQL side by side; Chromium renders each page kind and shows hostile text as text.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

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

/// The part of `html` from `start` to the next `end` after it (`start` included).
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let after = from + start.len();
    let to = html[after..].find(end).map_or(html.len(), |i| after + i);
    &html[from..to]
}

/// The rows of the table headed `title`, as the text of their cells (tags removed).
fn rows(html: &str, title: &str) -> Vec<Vec<String>> {
    let section = between(html, &format!("<h2>{title}</h2>"), "</section>");
    let body = between(section, "<tbody>", "</tbody>");
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td>")
                .skip(1)
                .map(|cell| {
                    let cell = cell.split("</td>").next().unwrap_or("");
                    let cell = cell.split("<sup>").next().unwrap_or("");
                    let mut text = String::new();
                    let mut tag = false;
                    for c in cell.chars() {
                        match c {
                            '<' => tag = true,
                            '>' => tag = false,
                            c if !tag => text.push(c),
                            _ => {}
                        }
                    }
                    text
                })
                .collect()
        })
        .collect()
}

/// The text of footnote `n` of a page.
fn footnote(html: &str, n: &str) -> String {
    between(html, &format!("<li id=\"fn{n}\">"), "</li>").to_string()
}

/// The new sections of place, post and body pages, with links written by `link`
/// (the server's absolute `/person/…/` or the static site's relative form): the org
/// chart of Nghệ An, the stated and derived successions, the boards of a Tỉnh ủy.
fn check_leadership(pages: &BTreeMap<String, String>, link: &dyn Fn(&str, &str) -> String) {
    let place = page(pages, "/place/l40/");
    let chart = between(place, "<figure class=\"org\"", "</figure>");
    let boxes: Vec<&str> = chart
        .split("<section class=\"org-body\">")
        .skip(1)
        .collect();
    let groups: Vec<&str> = boxes
        .iter()
        .map(|b| between(b, "<p class=\"org-group\">", "</p>"))
        .collect();
    assert_eq!(
        &groups[..3],
        [
            "<p class=\"org-group\">Cấp ủy Đảng",
            "<p class=\"org-group\">Hội đồng nhân dân",
            "<p class=\"org-group\">Ủy ban nhân dân"
        ],
        "party committee, council, committee: {chart}"
    );
    let seat = between(boxes[0], "<li class=\"org-seat\">", "</li>");
    assert!(
        seat.contains(&format!(
            "<a href=\"{}\">Bí thư</a>",
            link("/place/l40/", "/post/bi-thu/tinh-uy/l40/")
        )),
        "{seat}"
    );
    let holder = format!(
        "<span class=\"org-holder\"><a href=\"{}\">Phan Đình Khang</a><sup><a href=\"#fn",
        link("/place/l40/", "/person/phan-dinh-khang/n40/")
    );
    assert!(seat.contains(&holder), "{seat}");
    let n = between(seat, "<sup><a href=\"#fn", "\"")["<sup><a href=\"#fn".len()..].to_string();
    assert!(
        footnote(place, &n).contains("Phan Đình Khang"),
        "the footnote cites the sentence: {}",
        footnote(place, &n)
    );
    let council = boxes[1];
    assert!(council.contains(">Nguyễn Hữu Lộc</a>"), "{council}");
    let bodies = rows(place, "Cơ quan tại địa phương");
    assert!(
        bodies.contains(&vec![
            "Ban Tổ chức Tỉnh ủy Nghệ An".into(),
            "Ban, cơ quan của cấp ủy".into()
        ]),
        "{bodies:?}"
    );
    assert_eq!(rows(place, "Đơn vị trực thuộc"), [["Nghi Lộc"]]);

    let stated = page(pages, "/post/bi-thu/huyen-uy/l429/");
    assert_eq!(
        rows(stated, "Những người giữ chức vụ qua các thời kỳ"),
        [
            [
                "1",
                "Nguyễn Khắc Diệu",
                "2023-03-20",
                "2023-03-20",
                "",
                "",
                "Võ Trọng Nghĩa"
            ],
            [
                "2",
                "Võ Trọng Nghĩa",
                "2023-03-20",
                "2023-03-20",
                "",
                "Nguyễn Khắc Diệu",
                ""
            ],
        ]
    );
    let thay = between(stated, "<td>2</td>", "</tr>");
    let predecessor = format!(
        "<a href=\"{}\">Nguyễn Khắc Diệu</a><sup><a href=\"#fn",
        link(
            "/post/bi-thu/huyen-uy/l429/",
            "/person/nguyen-khac-dieu/n40/"
        )
    );
    assert!(thay.contains(&predecessor), "{thay}");
    let n = between(&thay[thay.find(&predecessor).unwrap()..], "#fn", "\"")[3..].to_string();
    assert!(
        footnote(stated, &n).contains("thay đồng chí Nguyễn Khắc Diệu"),
        "the link cites the 'thay' sentence: {}",
        footnote(stated, &n)
    );
    let derived = page(pages, "/post/chu-tich/ubnd/l314/");
    let succession = rows(derived, "Những người giữ chức vụ qua các thời kỳ");
    assert_eq!(succession[0][1], "Hoàng Văn Quyết");
    assert_eq!(
        succession[0][6],
        "Nguyễn Đăng Khoa (suy ra từ ngày ghi nhận)"
    );
    assert_eq!(
        succession[1][5],
        "Hoàng Văn Quyết (suy ra từ ngày ghi nhận)"
    );
    assert!(derived.contains(&format!(
        "<a href=\"{}\">Hoàng Văn Quyết (suy ra từ ngày ghi nhận)</a>",
        link("/post/chu-tich/ubnd/l314/", "/person/hoang-van-quyet/n31/")
    )));

    let body = page(pages, "/body/tinh-uy/l40/");
    let subs = rows(body, "Các cơ quan trực thuộc");
    assert!(
        subs.contains(&vec![
            "Ban Tổ chức Tỉnh ủy Nghệ An".into(),
            "Ban, cơ quan của cấp ủy".into(),
            "Bùi Thị Thanh Vân".into()
        ]),
        "{subs:?}"
    );
    assert!(body.contains(&format!(
        "<a href=\"{}\">Ban Tổ chức Tỉnh ủy Nghệ An</a>",
        link("/body/tinh-uy/l40/", "/body/ban-to-chuc-tinh-uy/l40/")
    )));
    let standing = rows(body, "Thường trực và Ban Thường vụ");
    assert!(standing.contains(&vec![
        "Thường trực".into(),
        "Phan Đình Khang".into(),
        "Bí thư Tỉnh ủy Nghệ An".into()
    ]));
    assert!(standing.contains(&vec![
        "Ban Thường vụ".into(),
        "Bùi Thị Thanh Vân".into(),
        "Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An".into()
    ]));
    assert_eq!(
        rows(body, "Nhiệm kỳ"),
        [["Đảng bộ Nghệ An khóa XIX", "2020", "2025"]],
        "a Tỉnh ủy's terms are its Đảng bộ's"
    );
    let board = page(pages, "/body/ban-to-chuc-tinh-uy/l40/");
    let under = between(board, "<dt>Trực thuộc</dt>", "</dd>");
    assert!(
        under.contains(&format!(
            "<a href=\"{}\">Tỉnh ủy Nghệ An</a>",
            link("/body/ban-to-chuc-tinh-uy/l40/", "/body/tinh-uy/l40/")
        )),
        "{under}"
    );
}

/// A link as the server writes it: the absolute path, escaped.
fn absolute(_from: &str, to: &str) -> String {
    to.replace('/', "&#x2f;")
}

/// A link as the static site writes it: relative to the page, escaped.
fn relative(from: &str, to: &str) -> String {
    let depth = from.trim_matches('/').split('/').count();
    format!("{}{}", "../".repeat(depth), to.trim_start_matches('/')).replace('/', "&#x2f;")
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
    check_leadership(&pages, &absolute);
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
    assert_eq!(
        csv,
        "Thứ tự,Người giữ,Từ,Đến,Ghi chú,Thay (người tiền nhiệm),Người kế nhiệm\n\
         1,Phạm Quang Thịnh,2021-12-22,2025-07-25,nguyên,,Đỗ Thị Minh Hằng\n\
         2,Đỗ Thị Minh Hằng,2024-04-12,2025-07-25,nguyên,Phạm Quang Thịnh,\n"
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
    check_leadership(&pages, &relative);
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
    let server = Server::start(&store);
    let addr = server.addr.clone();
    let (status, home) = http_get(&addr, "/");
    let (post_status, post) = http_get(&addr, "/post/bi-thu/huyen-uy/l020/");
    let (missing, _) = http_get(&addr, "/person/nobody");
    let (sparql, answer) = http_get(&addr, "/query?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D");
    drop(server);
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
    ("place", "/place/l40/"),
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
    let server = Server::start(&store);
    let addr = server.addr.clone();
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
    drop(server);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Invented articles whose text, URL and (through the curation file) a name carry
/// markup, event handlers and `javascript:` URLs. The text writes its tags as
/// entities, which the reader decodes after stripping markup, so they reach the store
/// as the characters `<script>`.
const HOSTILE_ARTICLES: &str = concat!(
    r#"{"id": "tin-doc-hai", "url": "javascript:window.__pwned='url'", "published": "2024-03-06", "text": "Huyện ủy Thanh Trì &lt;script&gt;window.__pwned='title'&lt;/script&gt; họp\n\nNgày 5/3/2024, đồng chí Nguyễn Văn An&quot;&gt;&lt;img src=x onerror=window.__pwned='img'&gt;, Bí thư Huyện ủy Thanh Trì &lt;script&gt;alert('text')&lt;/script&gt; chủ trì Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12. Xem javascript:window.__pwned='link' để biết thêm."}"#,
    "\n",
    r#"{"id": "tin-doc-hai-2", "url": "https://example.org/tin?a=1&b=\"><img src=x onerror=window.__pwned='href'>", "published": "2024-03-07", "text": "Huyện ủy Thanh Trì họp Thường trực\n\nNgày 6/3/2024, đồng chí Nguyễn Văn An chủ trì họp Thường trực Huyện ủy Thanh Trì &lt;iframe src=javascript:alert('frame')&gt;&lt;/iframe&gt; bàn công tác cán bộ."}"#,
    "\n"
);

/// The name the curation file gives the official of the hostile articles.
const HOSTILE_NAME: &str =
    "Nguyễn Văn An\"><img src=x onerror=window.__pwned='name'><script>alert('name')</script>";

/// Hostile text in a real browser: Chromium (through playwright-core, tests/js/browse.js,
/// with the Content-Security-Policy bypassed so escaping alone is tested) loads the
/// article, person and search pages of a store holding the hostile articles: the
/// payloads show as text, no script of theirs runs (window.__pwned stays unset, no
/// dialog opens), they make no element (img, iframe, handler attribute, script) and no
/// `javascript:` link.
#[test]
fn chromium_shows_hostile_text_as_text() {
    let chromium = Path::new("/usr/bin/chromium");
    let js = root().join("tests/js");
    if !chromium.exists() || !js.join("node_modules/playwright-core").is_dir() {
        eprintln!(
            "skipped: needs /usr/bin/chromium and tests/js/node_modules (scripts/setup.sh test)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hostile.jsonl");
    std::fs::write(&input, HOSTILE_ARTICLES).unwrap();
    let curation = dir.path().join("curation.csv");
    let mut rules = csv::Writer::from_path(&curation).unwrap();
    rules
        .write_record(["action", "subject", "object", "value", "note"])
        .unwrap();
    rules
        .write_record([
            "rename",
            "Nguyễn Văn An",
            "",
            HOSTILE_NAME,
            "a hostile name",
        ])
        .unwrap();
    rules.flush().unwrap();
    let store = dir.path().join("store");
    ok(&[
        "ingest",
        "--store",
        s(&store),
        "--curation",
        s(&curation),
        s(&input),
    ]);
    let person = {
        let site = site(&store);
        let persons: Vec<String> = site
            .graph
            .nodes()
            .into_iter()
            .filter(|n| n.contains("/person/") && site.graph.label(n) == HOSTILE_NAME)
            .map(|n| n.trim_start_matches(cadre_kg::iri::ID).to_string())
            .collect();
        assert_eq!(persons.len(), 1, "{persons:?}");
        format!("/{}/", persons[0])
    };
    let server = Server::start(&store);
    let paths = [
        "/article/tin-doc-hai/",
        "/article/tin-doc-hai-2/",
        person.as_str(),
        "/search?q=nguyen+van+an",
        "/search?q=%3Cscript%3Ewindow.__pwned%3D%27q%27%3C%2Fscript%3E",
    ];
    let out = Command::new("node")
        .arg(js.join("browse.js"))
        .arg(chromium)
        .arg(format!("http://{}", server.addr))
        .args(paths)
        .output()
        .expect("node runs");
    drop(server);
    assert!(
        out.status.success(),
        "browse.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("JSON from tests/js/browse.js");
    assert_eq!(reports.len(), paths.len());
    for r in &reports {
        let path = &r["path"];
        assert_eq!(r["status"], 200, "{path}");
        assert_eq!(r["pwned"], serde_json::Value::Null, "{path}: a payload ran");
        assert_eq!(
            r["dialogs"],
            serde_json::json!([]),
            "{path}: a dialog opened"
        );
        assert_eq!(r["errors"], serde_json::json!([]), "{path}");
        assert_eq!(r["images"], 0, "{path}: the text made an <img>");
        assert_eq!(r["frames"], 0, "{path}: the text made an <iframe>");
        assert_eq!(r["handlers"], 0, "{path}: an on* attribute exists");
        assert_eq!(r["javascriptLinks"], 0, "{path}: a javascript: link exists");
        assert_eq!(
            r["scripts"],
            serde_json::json!(["/search.js"]),
            "{path}: only the site's script"
        );
    }
    let text = |i: usize| reports[i]["text"].as_str().unwrap().to_string();
    let article = text(0);
    for shown in [
        "Huyện ủy Thanh Trì <script>window.__pwned='title'</script> họp",
        "Nguyễn Văn An\"><img src=x onerror=window.__pwned='img'>",
        "<script>alert('text')</script>",
        "javascript:window.__pwned='url'",
    ] {
        assert!(
            article.contains(shown),
            "{shown} is shown as text: {article}"
        );
    }
    assert_eq!(
        reports[0]["heading"],
        "Huyện ủy Thanh Trì <script>window.__pwned='title'</script> họp"
    );
    let linked = text(1);
    assert!(
        linked
            .contains("https://example.org/tin?a=1&b=\"><img src=x onerror=window.__pwned='href'>"),
        "{linked}"
    );
    assert!(
        linked.contains("<iframe src=javascript:alert('frame')></iframe>"),
        "{linked}"
    );
    assert_eq!(reports[2]["heading"], HOSTILE_NAME);
    assert!(text(3).contains(HOSTILE_NAME), "{}", text(3));
    assert!(
        reports[4]["title"]
            .as_str()
            .unwrap()
            .contains("<script>window.__pwned='q'</script>"),
        "{}",
        reports[4]["title"]
    );
}
