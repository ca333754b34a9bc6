//! The SPARQL 1.1 Protocol endpoint (<https://www.w3.org/TR/sparql11-protocol/>) on
//! the embedded store: queries by GET (`?query=`) and POST (form-encoded or
//! `application/sparql-query`), results in JSON, XML, CSV or TSV (triples in Turtle,
//! N-Triples or RDF/XML) chosen by the `Accept` header; updates only when the
//! endpoint was started writable. The default graph is the union of the article
//! graphs, as for `cadre query`.
//!
//! [`respond`] maps one request to one response and does no network I/O, so it is
//! tested without sockets; [`serve`] runs it behind oxhttp's threaded server.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use cadre_kg::store::write_results;
use cadre_kg::{CadreStore, QueryLimits, QueryOutput, ResultKind, StoreError};
use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

/// How the endpoint behaves.
#[derive(Debug, Clone, Copy)]
pub struct EndpointConfig {
    /// Answer 503 when a query runs longer than this; the query is abandoned on its
    /// worker thread (see `CadreStore::query`), and the server keeps answering.
    pub timeout: Duration,
    /// Accept SPARQL Update requests.
    pub writable: bool,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
}

impl Default for EndpointConfig {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            writable: false,
            max_body: 10 << 20,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Binding or running the listener failed.
    #[error("listening on {addr}: {source}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// The socket error.
        source: std::io::Error,
    },
}

/// Serves `store` on `addr` until the process ends; `on_ready` runs once the socket
/// is bound (the binary prints the URL there).
pub fn serve(
    store: Arc<CadreStore>,
    addr: SocketAddr,
    config: EndpointConfig,
    on_ready: impl FnOnce(),
) -> Result<(), ServeError> {
    let server = oxhttp::Server::new(move |request| respond(&store, request, &config))
        .bind(addr)
        .with_global_timeout(config.timeout + Duration::from_secs(30))
        .with_max_concurrent_connections(128);
    let listening = server
        .spawn()
        .map_err(|source| ServeError::Listen { addr, source })?;
    on_ready();
    listening
        .join()
        .map_err(|source| ServeError::Listen { addr, source })
}

/// One request → one response.
pub fn respond(
    store: &CadreStore,
    request: &mut Request<Body>,
    config: &EndpointConfig,
) -> Response<Body> {
    match route(store, request, config) {
        Ok(response) => response,
        Err((status, message)) => text(status, message),
    }
}

type Failure = (StatusCode, String);

fn route(
    store: &CadreStore,
    request: &mut Request<Body>,
    config: &EndpointConfig,
) -> Result<Response<Body>, Failure> {
    let path = request.uri().path().to_string();
    match path.as_str() {
        "/" => Ok(text(
            StatusCode::OK,
            format!(
                "cadre SPARQL endpoint\n\nGET or POST /query (SPARQL 1.1 Protocol); the default graph is the union of the article graphs.\nUpdates: {}.\n",
                if config.writable {
                    "POST /update (application/sparql-update or update=…)"
                } else {
                    "disabled (start with --writable to allow them)"
                }
            ),
        )),
        "/query" | "/sparql" => {
            let query = read_operation(request, config, "query", "application/sparql-query")?;
            let accept = header(request, ACCEPT);
            run_query(store, &query, accept.as_deref(), config)
        }
        "/update" => {
            if !config.writable {
                return Err((
                    StatusCode::FORBIDDEN,
                    "this endpoint is read-only (start cadre serve with --writable)".into(),
                ));
            }
            if request.method() != Method::POST {
                return Err((
                    StatusCode::METHOD_NOT_ALLOWED,
                    "updates must be sent with POST".into(),
                ));
            }
            let update = read_operation(request, config, "update", "application/sparql-update")?;
            store.update(&update).map_err(store_failure)?;
            Ok(Response::builder()
                .status(StatusCode::NO_CONTENT)
                .body(Body::empty())
                .expect("valid response"))
        }
        _ => Err((StatusCode::NOT_FOUND, format!("no resource at {path}; try /query"))),
    }
}

/// The query (or update) text of a request: the `name` parameter of the URL or of a
/// form-encoded body, or the whole body when it has the direct `direct_type`.
fn read_operation(
    request: &mut Request<Body>,
    config: &EndpointConfig,
    name: &str,
    direct_type: &str,
) -> Result<String, Failure> {
    let url_params: Vec<(String, String)> = request
        .uri()
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let (text, dataset) = match *request.method() {
        Method::GET | Method::HEAD => (param(&url_params, name), dataset_params(&url_params)),
        Method::POST => {
            let content_type = header(request, CONTENT_TYPE).unwrap_or_default();
            let media = content_type
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let body = read_body(request, config.max_body)?;
            if media == "application/x-www-form-urlencoded" {
                let form: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes())
                    .into_owned()
                    .collect();
                let dataset = dataset_params(&form) || dataset_params(&url_params);
                (param(&form, name), dataset)
            } else if media == direct_type {
                (Some(body), dataset_params(&url_params))
            } else {
                return Err((
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "send the {name} as application/x-www-form-urlencoded or {direct_type}, not {content_type:?}"
                    ),
                ));
            }
        }
        _ => {
            return Err((
                StatusCode::METHOD_NOT_ALLOWED,
                "use GET or POST".to_string(),
            ))
        }
    };
    if dataset {
        return Err((
            StatusCode::BAD_REQUEST,
            "default-graph-uri and named-graph-uri are not supported: the default graph is the union of the article graphs; use GRAPH in the query".into(),
        ));
    }
    text.ok_or_else(|| {
        (
            StatusCode::BAD_REQUEST,
            format!("missing the {name} parameter"),
        )
    })
}

fn param(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn dataset_params(params: &[(String, String)]) -> bool {
    params.iter().any(|(k, _)| {
        matches!(
            k.as_str(),
            "default-graph-uri" | "named-graph-uri" | "using-graph-uri" | "using-named-graph-uri"
        )
    })
}

fn read_body(request: &mut Request<Body>, max: usize) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    request
        .body_mut()
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| (StatusCode::BAD_REQUEST, format!("reading the body: {e}")))?;
    if bytes.len() > max {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {max} bytes"),
        ));
    }
    String::from_utf8(bytes).map_err(|_| (StatusCode::BAD_REQUEST, "the body is not UTF-8".into()))
}

fn header(request: &Request<Body>, name: oxhttp::model::header::HeaderName) -> Option<String> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn store_failure(e: StoreError) -> Failure {
    let status = match e {
        StoreError::Syntax(_) => StatusCode::BAD_REQUEST,
        StoreError::Timeout(_) | StoreError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, e.to_string())
}

fn run_query(
    store: &CadreStore,
    query: &str,
    accept: Option<&str>,
    config: &EndpointConfig,
) -> Result<Response<Body>, Failure> {
    let limits = QueryLimits {
        timeout: Some(config.timeout),
        max_rows: None,
    };
    let output = store.query(query, &[], &limits).map_err(store_failure)?;
    let (bytes, media) = match output.kind {
        ResultKind::Graph => {
            let format =
                negotiate(accept, GRAPH_TYPES).ok_or_else(|| not_acceptable(GRAPH_TYPES))?;
            (graph_bytes(&output, format)?, format.media_type())
        }
        ResultKind::Solutions | ResultKind::Boolean => {
            let format =
                negotiate(accept, RESULT_TYPES).ok_or_else(|| not_acceptable(RESULT_TYPES))?;
            (results_bytes(&output, format)?, format.media_type())
        }
    };
    let content_type = match media {
        "text/csv" | "text/tab-separated-values" | "text/turtle" => {
            format!("{media}; charset=utf-8")
        }
        other => other.to_string(),
    };
    Ok(Response::builder()
        .status(StatusCode::OK)
        .header(
            CONTENT_TYPE,
            HeaderValue::from_str(&content_type).expect("ASCII media type"),
        )
        .body(Body::from(bytes))
        .expect("valid response"))
}

/// A result or RDF format and the media types that ask for it.
trait Negotiable: Copy {
    fn media_type(self) -> &'static str;
}

impl Negotiable for QueryResultsFormat {
    fn media_type(self) -> &'static str {
        QueryResultsFormat::media_type(self)
    }
}

impl Negotiable for RdfFormat {
    fn media_type(self) -> &'static str {
        RdfFormat::media_type(self)
    }
}

/// Result formats, the first being the default; each with the media types that
/// select it.
const RESULT_TYPES: &[(QueryResultsFormat, &[&str])] = &[
    (
        QueryResultsFormat::Json,
        &["application/sparql-results+json", "application/json"],
    ),
    (
        QueryResultsFormat::Xml,
        &[
            "application/sparql-results+xml",
            "application/xml",
            "text/xml",
        ],
    ),
    (QueryResultsFormat::Csv, &["text/csv"]),
    (QueryResultsFormat::Tsv, &["text/tab-separated-values"]),
];

/// RDF formats for CONSTRUCT and DESCRIBE, the first being the default.
const GRAPH_TYPES: &[(RdfFormat, &[&str])] = &[
    (RdfFormat::Turtle, &["text/turtle", "application/x-turtle"]),
    (
        RdfFormat::NTriples,
        &["application/n-triples", "text/plain"],
    ),
    (
        RdfFormat::RdfXml,
        &["application/rdf+xml", "application/xml", "text/xml"],
    ),
];

/// The supported format that the `Accept` header prefers (highest q, then the
/// header's order); the default when the header is absent or accepts anything.
fn negotiate<F: Negotiable>(accept: Option<&str>, table: &[(F, &[&str])]) -> Option<F> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return Some(table[0].0);
    };
    let mut best: Option<(f32, usize, F)> = None;
    for (order, item) in accept.split(',').enumerate() {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|v| v.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        let found = if media == "*/*" || media == "application/*" || media == "text/*" {
            table
                .iter()
                .find(|(f, _)| {
                    media == "*/*" || f.media_type().starts_with(&media[..media.len() - 1])
                })
                .map(|(f, _)| *f)
        } else {
            table
                .iter()
                .find(|(_, types)| types.contains(&media.as_str()))
                .map(|(f, _)| *f)
        };
        if let Some(f) = found {
            let better = best
                .as_ref()
                .is_none_or(|(bq, bo, _)| q > *bq || (q == *bq && order < *bo));
            if better {
                best = Some((q, order, f));
            }
        }
    }
    best.map(|(_, _, f)| f)
}

fn not_acceptable<F: Negotiable>(table: &[(F, &[&str])]) -> Failure {
    let offered: Vec<&str> = table.iter().map(|(f, _)| f.media_type()).collect();
    (
        StatusCode::NOT_ACCEPTABLE,
        format!(
            "no acceptable format; this answer is offered as {}",
            offered.join(", ")
        ),
    )
}

fn results_bytes(output: &QueryOutput, format: QueryResultsFormat) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let written = if output.kind == ResultKind::Boolean {
        let value = matches!(&output.rows[0][0], Some(Term::Literal(l)) if l.value() == "true");
        QueryResultsSerializer::from_format(format)
            .serialize_boolean_to_writer(&mut bytes, value)
            .map(|_| ())
            .map_err(StoreError::from)
    } else {
        write_results(output, format, &mut bytes)
    };
    written.map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(bytes)
}

fn graph_bytes(output: &QueryOutput, format: RdfFormat) -> Result<Vec<u8>, Failure> {
    let internal = |e: std::io::Error| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    let mut writer = RdfSerializer::from_format(format).for_writer(Vec::new());
    for row in &output.rows {
        let (Some(s), Some(Term::NamedNode(p)), Some(o)) = (&row[0], &row[1], &row[2]) else {
            continue;
        };
        let subject = match s {
            Term::NamedNode(n) => NamedOrBlankNode::from(n.clone()),
            Term::BlankNode(b) => NamedOrBlankNode::from(b.clone()),
            _ => continue,
        };
        writer
            .serialize_triple(&Triple::new(subject, p.clone(), o.clone()))
            .map_err(internal)?;
    }
    writer.finish().map_err(internal)
}

fn text(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    let mut message = message.into();
    if !message.ends_with('\n') {
        message.push('\n');
    }
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(message))
        .expect("valid response")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_extract::{extract, ArticleInput};

    fn store() -> (tempfile::TempDir, CadreStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        let text = "Ngày 5/3/2024, đồng chí Nguyễn Văn An, Bí thư Huyện ủy Thanh Trì chủ trì Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12.";
        store
            .ingest(
                &[extract(&ArticleInput {
                    id: "t1",
                    text,
                    url: None,
                    published: None,
                })],
                &cadre_kg::curation::Curation::default(),
            )
            .unwrap();
        (dir, store)
    }

    fn call(
        store: &CadreStore,
        request: Request<Body>,
        config: &EndpointConfig,
    ) -> (StatusCode, String, String) {
        let mut request = request;
        let response = respond(store, &mut request, config);
        let status = response.status();
        let media = response
            .headers()
            .get(CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        (status, media, response.into_body().to_string().unwrap())
    }

    fn get(query: &str, accept: Option<&str>) -> Request<Body> {
        let encoded: String = url::form_urlencoded::byte_serialize(query.as_bytes()).collect();
        let mut b = Request::builder().uri(format!("http://localhost/query?query={encoded}"));
        if let Some(a) = accept {
            b = b.header(ACCEPT, a);
        }
        b.body(Body::empty()).unwrap()
    }

    const NAMES: &str = "PREFIX cadre: <https://w3id.org/cadre/ontology#> SELECT ?name WHERE { ?p a cadre:Person ; cadre:name ?name }";

    #[test]
    fn get_query_answers_in_the_negotiated_format() {
        let (_d, store) = store();
        let config = EndpointConfig::default();
        let (status, media, body) = call(&store, get(NAMES, None), &config);
        assert_eq!(status, StatusCode::OK);
        assert_eq!(media, "application/sparql-results+json");
        assert!(body.contains("\"value\":\"Nguyễn Văn An\""), "{body}");
        let (_, media, body) = call(&store, get(NAMES, Some("text/csv")), &config);
        assert_eq!(media, "text/csv; charset=utf-8");
        assert_eq!(body, "name\r\nNguyễn Văn An\r\n");
        let (_, media, body) = call(
            &store,
            get(NAMES, Some("text/html;q=0.9, application/sparql-results+xml;q=0.5, text/tab-separated-values;q=0.8")),
            &config,
        );
        assert_eq!(media, "text/tab-separated-values; charset=utf-8");
        assert_eq!(body, "?name\n\"Nguyễn Văn An\"\n");
        let (status, _, _) = call(&store, get(NAMES, Some("image/png")), &config);
        assert_eq!(status, StatusCode::NOT_ACCEPTABLE);
    }

    #[test]
    fn post_forms_and_direct_bodies_are_queries() {
        let (_d, store) = store();
        let config = EndpointConfig::default();
        let form: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("query", "ASK { ?s ?p ?o }")
            .finish();
        let request = Request::builder()
            .method(Method::POST)
            .uri("http://localhost/sparql")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/sparql-results+xml")
            .body(Body::from(form))
            .unwrap();
        let (status, media, body) = call(&store, request, &config);
        assert_eq!(
            (status, media.as_str()),
            (StatusCode::OK, "application/sparql-results+xml")
        );
        assert!(body.contains("<boolean>true</boolean>"), "{body}");
        let request = Request::builder()
            .method(Method::POST)
            .uri("http://localhost/query")
            .header(CONTENT_TYPE, "application/sparql-query")
            .header(ACCEPT, "application/n-triples")
            .body(Body::from("CONSTRUCT { ?p <http://example.org/n> ?name } WHERE { ?p <https://w3id.org/cadre/ontology#name> ?name }"))
            .unwrap();
        let (status, media, body) = call(&store, request, &config);
        assert_eq!(
            (status, media.as_str()),
            (StatusCode::OK, "application/n-triples")
        );
        assert!(
            body.contains("<http://example.org/n> \"Nguyễn Văn An\" ."),
            "{body}"
        );
    }

    #[test]
    fn errors_have_the_right_status() {
        let (_d, store) = store();
        let config = EndpointConfig::default();
        let (status, _, body) = call(&store, get("SELECT * WHERE { ?s ?p }", None), &config);
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("line 1, column 25"), "{body}");
        let update = Request::builder()
            .method(Method::POST)
            .uri("http://localhost/update")
            .header(CONTENT_TYPE, "application/sparql-update")
            .body(Body::from("CLEAR ALL"))
            .unwrap();
        let (status, _, _) = call(&store, update, &config);
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _, _) = call(
            &store,
            Request::builder()
                .uri("http://localhost/query")
                .body(Body::empty())
                .unwrap(),
            &config,
        );
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _, body) = call(
            &store,
            get("SELECT * WHERE { ?s ?p ?o }", None).map(|b| b),
            &EndpointConfig {
                timeout: Duration::from_secs(30),
                ..config
            },
        );
        assert_eq!(status, StatusCode::OK, "{body}");
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        let quick = EndpointConfig {
            timeout: Duration::from_millis(50),
            ..config
        };
        let (status, _, _) = call(&store, get(slow, None), &quick);
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    }

    #[test]
    fn a_writable_endpoint_runs_updates() {
        let (_d, store) = store();
        let config = EndpointConfig {
            writable: true,
            ..EndpointConfig::default()
        };
        let update = Request::builder()
            .method(Method::POST)
            .uri("http://localhost/update")
            .header(CONTENT_TYPE, "application/sparql-update")
            .body(Body::from("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> \"c\" } }"))
            .unwrap();
        let (status, _, _) = call(&store, update, &config);
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, _, body) = call(
            &store,
            get(
                "SELECT ?o WHERE { <http://example.org/a> ?p ?o }",
                Some("text/csv"),
            ),
            &config,
        );
        assert_eq!(body, "o\r\nc\r\n");
    }
}
