//! cadre's newsroom interface: a page for every node of the graph (person, post,
//! body, place, meeting, document, article …), search with or without diacritics,
//! a CSV and an Excel (`.xlsx`) download of every table, a static-site writer, and the
//! whole graph as one workbook (`workbook`, for `cadre export --format xlsx`).
//!
//! [`Site::load`] reads the store once (the whole union graph and the search index);
//! [`render`] maps one request to one response without sockets, like
//! `cadre_protocol::respond`, and [`serve`] puts both behind one HTTP server: the
//! SPARQL endpoint keeps `/query`, `/sparql` and `/update`, the pages take the rest.
//! The server answers SPARQL as soon as it listens; until the pages are loaded they
//! answer [`loading_reply`]. Nothing a request sends changes the store.

pub mod leadership;
pub mod model;
pub mod network;
pub mod pages;
pub mod search;
pub mod site;
pub mod succession;
pub mod workbook;
pub mod xlsx;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use cadre_kg::iri::ID;
use cadre_kg::{CadreStore, StoreError};
use oxhttp::model::header::{CONTENT_DISPOSITION, CONTENT_TYPE, HOST, RETRY_AFTER};
use oxhttp::model::{Body, Request, Response, StatusCode};

use crate::model::Graph;
use crate::search::Index;

pub use pages::{Lang, Links};

/// The loaded graph and its search index: what every page reads.
#[derive(Debug)]
pub struct Site {
    /// The union graph.
    pub graph: Graph,
    /// The search index.
    pub index: Index,
    /// How many nodes of each kind (`person`, …) the graph has.
    pub counts: std::collections::BTreeMap<String, usize>,
    /// The articles, newest first.
    pub articles: Vec<String>,
}

/// Why the pages could not be built or served.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Reading the store failed.
    #[error("reading the store: {0}")]
    Store(#[from] StoreError),
    /// Writing a file of the static site failed.
    #[error("writing {path}: {source}")]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The server could not start.
    #[error(transparent)]
    Serve(#[from] cadre_protocol::ServeError),
    /// A workbook could not be written (a sheet over Excel's row limit).
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// Where [`Site::load_cached`] found its graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cached {
    /// Read from the cache file, which matched the store.
    Read,
    /// Loaded from the store and written to the cache file.
    Written,
    /// Loaded from the store; the cache could not be written (the reason).
    NotWritten(String),
}

/// The first line of a cache file: its format, and the version of cadre that wrote it.
fn cache_header() -> String {
    format!("cadre-pages 1 {}\n", env!("CARGO_PKG_VERSION"))
}

impl Site {
    /// Loads the graph of `store` and indexes it for search.
    pub fn load(store: &CadreStore) -> Result<Self, WebError> {
        Ok(Self::of(Graph::load(store)?))
    }

    /// Loads the graph from `cache` when the file was written for this `stamp` of the
    /// store (`cadre_kg::content_stamp`: what the store's files are) by this version
    /// of cadre; otherwise from the store, and then writes the cache (to a temporary
    /// file renamed into place, so a reader never meets half a file). A stale cache,
    /// or a damaged one (its checksum differs), is not read: the store is.
    pub fn load_cached(
        store: &CadreStore,
        cache: &Path,
        stamp: &str,
    ) -> Result<(Self, Cached), WebError> {
        let head = format!("{}{stamp}\n", cache_header());
        if let Some(graph) = read_cache(cache, &head) {
            return Ok((Self::of(graph), Cached::Read));
        }
        let graph = Graph::load(store)?;
        let written = match write_cache(cache, &head, &graph) {
            Ok(()) => Cached::Written,
            Err(e) => Cached::NotWritten(e.to_string()),
        };
        Ok((Self::of(graph), written))
    }

    /// Indexes a loaded graph for search and the home page.
    fn of(graph: Graph) -> Self {
        let index = Index::build(&graph);
        let mut counts = std::collections::BTreeMap::new();
        let mut articles = Vec::new();
        for iri in graph.nodes() {
            *counts.entry(model::kind(iri).to_string()).or_default() += 1;
            if model::kind(iri) == "article" {
                articles.push(iri.to_string());
            }
        }
        articles.sort_by(|a, b| {
            let date = |i: &str| graph.text(i, "articleDate").unwrap_or("").to_string();
            date(b).cmp(&date(a)).then(a.cmp(b))
        });
        Self {
            graph,
            index,
            counts,
            articles,
        }
    }
}

/// The graph of the cache file at `path` when it starts with `head`.
fn read_cache(path: &Path, head: &str) -> Option<Graph> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut start = vec![0u8; head.len()];
    reader.read_exact(&mut start).ok()?;
    if start != head.as_bytes() {
        return None;
    }
    model::read_graph(&mut reader).ok()
}

/// Writes `graph` after `head` to `path`, through a temporary file beside it.
fn write_cache(path: &Path, head: &str, graph: &Graph) -> std::io::Result<()> {
    use std::io::Write;
    let temporary = path.with_extension(format!("tmp{}", std::process::id()));
    let written = (|| {
        let mut out =
            std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&temporary)?);
        out.write_all(head.as_bytes())?;
        model::write_graph(graph, &mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// The longest query string accepted, in bytes.
pub const MAX_QUERY: usize = 1024;

/// Where links in a spreadsheet point when the request does not say which host it
/// reached: `cadre serve`'s default address.
pub const DEFAULT_ORIGIN: &str = "http://127.0.0.1:7878";

/// A page's answer: status, media type and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Media type with charset.
    pub media: &'static str,
    /// The body (UTF-8 text, or the bytes of an `.xlsx` file).
    pub body: Vec<u8>,
    /// The file name a download is saved under (`table-0.csv`), for downloads only.
    pub attachment: Option<String>,
}

impl Reply {
    /// A reply that is shown, not saved.
    pub fn new(status: u16, media: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            media,
            body: body.into(),
            attachment: None,
        }
    }

    /// The body as text (binary bodies lossily).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}

/// The formats a table downloads in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// `format=csv`.
    Csv,
    /// `format=xlsx`: an Excel workbook of one sheet.
    Xlsx,
}

/// A table download: which table of the page, in which format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Download {
    /// The format.
    pub format: TableFormat,
    /// The table's index on the page (`table=N`, 0 when absent).
    pub table: usize,
}

/// The parameters a page accepts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Params {
    /// `lang=en` (English labels); Vietnamese otherwise.
    pub lang: Lang,
    /// `format=csv` or `format=xlsx` with `table=N`: the N-th table of the page as a
    /// file.
    pub download: Option<Download>,
    /// `q=`: a search.
    pub query: Option<String>,
    /// `format=gexf`: a network page's subgraph as GEXF.
    pub gexf: bool,
    /// `radius=1|2`: a network page's radius (1 when absent).
    pub radius: Option<usize>,
    /// Not a query parameter: the scheme and host the request reached
    /// (`http://host:port`), which spreadsheet hyperlinks start with
    /// ([`DEFAULT_ORIGIN`] when unknown).
    pub origin: Option<String>,
}

/// Parses a query string: over-long, badly encoded, unknown or repeated parameters and
/// bad values are refused (the message says why).
pub fn parse_params(raw: Option<&str>) -> Result<Params, String> {
    let raw = raw.unwrap_or("");
    if raw.len() > MAX_QUERY {
        return Err(format!("the query string is longer than {MAX_QUERY} bytes"));
    }
    let mut params = Params::default();
    let mut format = None;
    let mut table = None;
    let mut seen = Vec::new();
    for (key, value) in url::form_urlencoded::parse(raw.as_bytes()) {
        if key.contains('\u{FFFD}') || value.contains('\u{FFFD}') {
            return Err("the query string is not UTF-8".into());
        }
        if seen.contains(&key) {
            return Err(format!("the parameter {key} is repeated"));
        }
        seen.push(key.clone());
        match key.as_ref() {
            "lang" => {
                params.lang = match value.as_ref() {
                    "vi" => Lang::Vi,
                    "en" => Lang::En,
                    _ => return Err("lang must be vi or en".into()),
                }
            }
            "format" if value == "csv" => format = Some(TableFormat::Csv),
            "format" if value == "xlsx" => format = Some(TableFormat::Xlsx),
            "format" if value == "gexf" => params.gexf = true,
            "format" => return Err("format must be csv, xlsx or gexf".into()),
            "radius" => {
                params.radius = match value.as_ref() {
                    "1" => Some(1),
                    "2" => Some(2),
                    _ => return Err("radius must be 1 or 2".into()),
                }
            }
            "table" => {
                table = Some(
                    value
                        .parse::<usize>()
                        .map_err(|_| "table must be a number".to_string())?,
                )
            }
            "q" => params.query = Some(value.into_owned()),
            other => return Err(format!("unknown parameter {other}")),
        }
    }
    params.download = match (format, table) {
        (Some(format), table) => Some(Download {
            format,
            table: table.unwrap_or(0),
        }),
        (None, Some(_)) => return Err("table is only used with format=csv or xlsx".into()),
        (None, None) => None,
    };
    Ok(params)
}

/// One request (path and raw query string) → one reply. Pure: reads `site` only.
/// Spreadsheet hyperlinks point at [`DEFAULT_ORIGIN`].
pub fn render(site: &Site, path: &str, query: Option<&str>) -> Reply {
    render_at(site, None, path, query)
}

/// [`render`] for a request that reached `origin` (`http://host:port`), which the
/// hyperlinks of a spreadsheet download start with.
pub fn render_at(site: &Site, origin: Option<&str>, path: &str, query: Option<&str>) -> Reply {
    let params = match parse_params(query) {
        Ok(p) => Params {
            origin: origin.map(str::to_string),
            ..p
        },
        Err(message) => {
            return pages::error_page(400, &message, &Params::default());
        }
    };
    let trimmed = path.trim_matches('/');
    match trimmed {
        "" => pages::home(site, &params),
        "search" => pages::search_page(site, &params),
        "suggest" => Reply::new(
            200,
            "application/json",
            search_json(
                site,
                params.query.as_deref().unwrap_or(""),
                &Links::server(params.lang),
            ),
        ),
        "search.js" => Reply::new(
            200,
            "text/javascript; charset=utf-8",
            pages::SCRIPT.to_string(),
        ),
        _ if trimmed.starts_with("network/") => {
            let iri = format!("{ID}{}", &trimmed["network/".len()..]);
            if !site.graph.has(&iri) || !network::CENTRES.contains(&model::kind(&iri)) {
                return pages::error_page(404, trimmed, &params);
            }
            pages::network_page(site, &iri, &params, &Links::server(params.lang))
        }
        _ => {
            let iri = format!("{ID}{trimmed}");
            if trimmed.contains("//") || !site.graph.has(&iri) {
                return pages::error_page(404, trimmed, &params);
            }
            pages::node_page(site, &iri, &params, &Links::server(params.lang))
        }
    }
}

/// Search suggestions as JSON: `[{"label", "kind", "href", "key"}]`, at most 10.
pub fn search_json(site: &Site, query: &str, links: &Links) -> String {
    let found: Vec<serde_json::Value> = site
        .index
        .find(query, 10)
        .into_iter()
        .map(|e| {
            serde_json::json!({
                "label": e.label,
                "kind": e.kind,
                "key": e.key,
                "href": links.node(&e.iri),
            })
        })
        .collect();
    serde_json::Value::Array(found).to_string()
}

/// What a page answers while the server still reads the store (minutes for a large
/// archive): 503 with `Retry-After`, in both languages, reloading itself every five
/// seconds, so a browser opened early lands on the page it asked for.
pub fn loading_reply() -> Reply {
    Reply::new(
        503,
        "text/html; charset=utf-8",
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"refresh\" content=\"5\"><title>cadre</title></head><body>\
         <p>Đang nạp dữ liệu vào các trang; trang sẽ tự tải lại.</p>\
         <p lang=\"en\">The pages are still loading the store; this page reloads itself. \
         The SPARQL endpoint (<a href=\"/query\">/query</a>) already answers.</p></body></html>",
    )
}

/// Serves the SPARQL endpoint and the pages of `site` on `addr` until the process
/// ends; `on_ready` runs once the socket is bound. `site` may still be empty then
/// (the caller loads it beside the server): pages answer [`loading_reply`] until it
/// is set.
pub fn serve(
    store: Arc<CadreStore>,
    site: Arc<OnceLock<Site>>,
    addr: SocketAddr,
    config: cadre_protocol::EndpointConfig,
    on_ready: impl FnOnce(),
) -> Result<(), WebError> {
    let server = oxhttp::Server::new(move |request: &mut Request<Body>| {
        let path = request.uri().path().to_string();
        if matches!(path.as_str(), "/query" | "/sparql" | "/update") {
            return cadre_protocol::respond(&store, request, &config);
        }
        let origin = request
            .headers()
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .and_then(origin_of_host)
            .unwrap_or_else(|| format!("http://{addr}"));
        let reply = match site.get() {
            Some(site) => render_at(site, Some(&origin), &path, request.uri().query()),
            None => loading_reply(),
        };
        to_response(reply)
    })
    .bind(addr)
    .with_global_timeout(config.timeout + Duration::from_secs(30))
    .with_max_concurrent_connections(128);
    let listening = server
        .spawn()
        .map_err(|source| cadre_protocol::ServeError::Listen { addr, source })?;
    on_ready();
    listening
        .join()
        .map_err(|source| cadre_protocol::ServeError::Listen { addr, source })?;
    Ok(())
}

/// The origin of a request's `Host` header, when it is a plain host name or address
/// with an optional port (anything else is ignored).
fn origin_of_host(host: &str) -> Option<String> {
    let plain = !host.is_empty()
        && host.len() <= 255
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    plain.then(|| format!("http://{host}"))
}

fn to_response(reply: Reply) -> Response<Body> {
    let mut response = Response::builder()
        .status(StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header(CONTENT_TYPE, reply.media);
    if reply.status == 503 {
        response = response.header(RETRY_AFTER, "5");
    }
    if let Some(name) = &reply.attachment {
        response = response.header(
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        );
    }
    response
        .header(
            "content-security-policy",
            "default-src 'self'; style-src 'unsafe-inline'; img-src 'self'",
        )
        .header("x-content-type-options", "nosniff")
        .body(Body::from(reply.body))
        .expect("valid response")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_are_checked() {
        let p = parse_params(Some("lang=en&format=csv&table=2")).unwrap();
        let csv = Download {
            format: TableFormat::Csv,
            table: 2,
        };
        assert_eq!((p.lang, p.download), (Lang::En, Some(csv)));
        let p = parse_params(Some("format=xlsx")).unwrap();
        let xlsx = Download {
            format: TableFormat::Xlsx,
            table: 0,
        };
        assert_eq!(p.download, Some(xlsx));
        assert!(parse_params(Some("table=1")).is_err());
        assert!(parse_params(Some("format=xls")).is_err());
        assert_eq!(
            parse_params(Some("q=Thanh+Tr%C3%AC"))
                .unwrap()
                .query
                .as_deref(),
            Some("Thanh Trì")
        );
        assert!(parse_params(Some("lang=fr")).is_err());
        assert!(parse_params(Some("q=%FF%FE")).is_err());
        assert!(parse_params(Some("q=a&q=b")).is_err());
        assert!(parse_params(Some("evil=1")).is_err());
        assert!(parse_params(Some(&"q=a".repeat(400))).is_err());
    }

    #[test]
    fn only_plain_host_headers_make_an_origin() {
        assert_eq!(
            origin_of_host("localhost:7878").as_deref(),
            Some("http://localhost:7878")
        );
        assert_eq!(
            origin_of_host("[::1]:80").as_deref(),
            Some("http://[::1]:80")
        );
        assert_eq!(origin_of_host("evil\"><x"), None);
        assert_eq!(origin_of_host("a/b"), None);
        assert_eq!(origin_of_host(""), None);
    }
}

#[cfg(test)]
mod hostile {
    use super::*;
    use cadre_extract::{extract, ArticleInput};

    /// An invented article whose text, title line and URL carry markup and script.
    const TEXT: &str = "Bí thư <script>alert(1)</script> \"><img src=x onerror=alert(1)>\n\nNgày 5/3/2024, đồng chí Nguyễn Văn An\"><img src=x onerror=alert(1)>, Bí thư Huyện ủy Thanh Trì <script>alert(2)</script> chủ trì Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12.";

    fn hostile_site(url: &str) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        store
            .ingest(
                &[extract(&ArticleInput {
                    id: "hostile",
                    text: TEXT,
                    url: Some(url),
                    published: Some("2024-03-06"),
                })],
                &cadre_kg::curation::Curation::default(),
            )
            .unwrap();
        // The extractor drops tags from article text; a store written by another tool
        // may still hold them, so a title and a name with markup are added as well.
        store
            .update(
                "INSERT DATA { GRAPH <https://w3id.org/cadre/id/article/hostile> { \
                 <https://w3id.org/cadre/id/article/hostile> <https://w3id.org/cadre/ontology#title> \"Tin <script>alert(2)</script>\" . \
                 <https://w3id.org/cadre/id/person/x> <https://w3id.org/cadre/ontology#name> \"X\\\"><img src=x onerror=alert(1)>\" } }",
            )
            .unwrap();
        let site = Site::load(&store).unwrap();
        (dir, site)
    }

    #[test]
    fn the_cache_is_read_only_for_the_stamp_it_was_written_for() {
        let (dir, site) = hostile_site("https://example.org/a");
        let store = CadreStore::open_read_only(dir.path()).unwrap();
        let cache = dir.path().join("pages.bin");
        let pages = |site: &Site| -> Vec<String> {
            let nodes = site.graph.nodes();
            nodes
                .iter()
                .map(|iri| {
                    render(site, iri.strip_prefix(ID).unwrap(), None)
                        .text()
                        .into_owned()
                })
                .collect()
        };
        let expected = pages(&site);
        assert!(expected.len() > 5);

        let (first, how) = Site::load_cached(&store, &cache, "stamp one").unwrap();
        assert_eq!(how, Cached::Written);
        assert_eq!(pages(&first), expected);
        let (again, how) = Site::load_cached(&store, &cache, "stamp one").unwrap();
        assert_eq!(how, Cached::Read);
        assert_eq!(pages(&again), expected);
        assert_eq!(again.counts, site.counts);

        let (_, how) = Site::load_cached(&store, &cache, "stamp two").unwrap();
        assert_eq!(how, Cached::Written, "another stamp reads the store");
        let bytes = std::fs::read(&cache).unwrap();
        std::fs::write(&cache, &bytes[..bytes.len() / 2]).unwrap();
        let (cut, how) = Site::load_cached(&store, &cache, "stamp two").unwrap();
        assert_eq!(how, Cached::Written, "half a file reads the store");
        assert_eq!(pages(&cut), expected);

        let mut damaged = bytes.clone();
        let at = damaged.len() - 20;
        damaged[at..].fill(0xff);
        std::fs::write(&cache, &damaged).unwrap();
        let (_, how) = Site::load_cached(&store, &cache, "stamp two").unwrap();
        assert_eq!(how, Cached::Written, "numbers out of range read the store");
        let mut flipped = bytes.clone();
        let at = flipped.len() / 2;
        flipped[at] ^= 0x01;
        std::fs::write(&cache, &flipped).unwrap();
        let (_, how) = Site::load_cached(&store, &cache, "stamp two").unwrap();
        assert_eq!(how, Cached::Written, "a flipped bit reads the store");
        std::fs::write(&cache, &bytes).unwrap();
        let (_, how) = Site::load_cached(&store, &cache, "stamp two").unwrap();
        assert_eq!(how, Cached::Read, "the file as written is read");

        let blocked = dir.path().join("no-such-folder").join("pages.bin");
        let (_, how) = Site::load_cached(&store, &blocked, "stamp two").unwrap();
        assert!(matches!(how, Cached::NotWritten(_)), "{how:?}");
    }

    /// The whole answer to a plain GET of `path` (status line, headers, body).
    fn get(addr: SocketAddr, path: &str) -> String {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn sparql_answers_at_once_and_pages_say_they_are_loading_until_the_site_is_set() {
        let (dir, _) = hostile_site("https://example.org/a");
        let store = Arc::new(CadreStore::open_read_only(dir.path()).unwrap());
        let site = Arc::new(OnceLock::new());
        let addr = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap();
        let (ready, listening) = std::sync::mpsc::channel();
        let (server_store, server_site) = (Arc::clone(&store), Arc::clone(&site));
        std::thread::spawn(move || {
            let config = cadre_protocol::EndpointConfig::default();
            serve(server_store, server_site, addr, config, move || {
                ready.send(()).unwrap()
            })
        });
        listening.recv_timeout(Duration::from_secs(10)).unwrap();

        let page = get(addr, "/person/x/");
        assert!(page.starts_with("HTTP/1.1 503"), "{page}");
        assert!(page.to_lowercase().contains("retry-after: 5"), "{page}");
        assert!(page.contains("Đang nạp dữ liệu"), "{page}");
        let ask = get(addr, "/query?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D");
        assert!(ask.starts_with("HTTP/1.1 200"), "{ask}");
        assert!(ask.contains("true"), "{ask}");

        site.set(Site::load(&store).unwrap()).unwrap();
        let page = get(addr, "/person/x/");
        assert!(page.starts_with("HTTP/1.1 200"), "{page}");
        assert!(
            page.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{page}"
        );
    }

    #[test]
    fn hostile_text_and_urls_are_shown_as_text() {
        let (_d, site) = hostile_site("javascript:alert(document.cookie)");
        let mut checked = 0;
        for iri in site.graph.nodes() {
            let path = iri.strip_prefix(ID).unwrap();
            let reply = render(&site, path, None);
            assert_eq!(reply.status, 200, "{path}");
            let body = reply.text();
            assert!(!body.contains("<script>alert"), "{path}: {body}");
            assert!(!body.contains("<img"), "{path}: {body}");
            assert!(!body.contains("href=\"javascript:"), "{path}: {body}");
            checked += 1;
        }
        assert!(checked > 5);
        let article = render(&site, "article/hostile", None).text().into_owned();
        assert!(
            article.contains("javascript:alert(document.cookie)"),
            "the URL is shown as text: {article}"
        );
        assert!(
            article.contains("Tin &lt;script&gt;alert(2)&lt;&#x2f;script&gt;"),
            "{article}"
        );
        assert!(article.contains("Nguyễn Văn An&quot;&gt;"), "{article}");
        let person = render(&site, "person/x", None).text().into_owned();
        assert!(
            person.contains("X&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            "{person}"
        );
        let csv = render(&site, "article/hostile", Some("format=csv&table=0"))
            .text()
            .into_owned();
        assert_eq!(csv.lines().next(), Some("Thuộc tính,Giá trị"));
        let xlsx = render(&site, "article/hostile", Some("format=xlsx&table=0"));
        assert_eq!((xlsx.status, &xlsx.body[..2]), (200, &b"PK"[..]));
        assert_eq!(xlsx.attachment.as_deref(), Some("table-0.xlsx"));
        assert_eq!(
            render(&site, "article/hostile", Some("format=xlsx&table=99")).status,
            400
        );
        let (_d2, linked) = hostile_site("https://example.org/a?b=1&c=\"><img>");
        let article = render(&linked, "article/hostile", None).text().into_owned();
        assert!(
            article.contains(
                "href=\"https:&#x2f;&#x2f;example.org&#x2f;a?b=1&amp;c=&quot;&gt;&lt;img&gt;\""
            ),
            "{article}"
        );
    }

    #[test]
    fn spreadsheet_formulas_are_written_as_text() {
        let table = pages::Table {
            columns: vec!["=name".into()],
            rows: vec![
                vec![pages::Cell {
                    text: "=HYPERLINK(\"x\")".into(),
                    ..Default::default()
                }],
                vec![pages::Cell {
                    text: "+1".into(),
                    ..Default::default()
                }],
                vec![pages::Cell {
                    text: "-1".into(),
                    ..Default::default()
                }],
                vec![pages::Cell {
                    text: "@SUM".into(),
                    ..Default::default()
                }],
                vec![pages::Cell {
                    text: "Hà Nội".into(),
                    ..Default::default()
                }],
            ],
            ..Default::default()
        };
        assert_eq!(
            pages::csv(&table),
            "'=name\n\"'=HYPERLINK(\"\"x\"\")\"\n'+1\n'-1\n'@SUM\nHà Nội\n"
        );
    }
}
