//! Pushes every article graph of the store to an external engine with the SPARQL 1.1
//! Graph Store HTTP Protocol (<https://www.w3.org/TR/sparql11-http-rdf-update/>):
//! one `PUT URL?graph=IRI` per article, its triples as N-Triples, so a re-run replaces each graph instead of
//! duplicating it. HTTP basic and digest authentication (RFC 7617, RFC 7616 with
//! MD5) are answered when the server asks; the password never appears in messages.

use std::time::Duration;

use cadre_kg::{CadreStore, StoreError};
use md5::{Digest, Md5};
use oxhttp::model::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use oxhttp::model::{Body, HeaderValue, Method, Request, StatusCode};
use oxigraph::model::NamedNode;

/// A user name and password for the target store.
#[derive(Clone)]
pub struct Credentials {
    /// User name.
    pub user: String,
    /// Password (never printed).
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Credentials {{ user: {:?}, password: <hidden> }}",
            self.user
        )
    }
}

/// Why a push failed.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    /// The endpoint URL does not parse or is not http(s).
    #[error("bad endpoint URL {0:?}: give the Graph Store endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth")]
    BadUrl(String),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The connection failed.
    #[error("sending graph {graph} to {url}: {source}")]
    Http {
        /// The graph being sent.
        graph: String,
        /// The endpoint.
        url: String,
        /// The network error.
        source: std::io::Error,
    },
    /// The server wants credentials and none were given.
    #[error("{url} asks for credentials: pass --user and set CADRE_PUSH_PASSWORD")]
    NeedsCredentials {
        /// The endpoint.
        url: String,
    },
    /// The server refused the credentials.
    #[error("{url} refused the credentials of user {user:?}")]
    Refused {
        /// The endpoint.
        url: String,
        /// The user name tried.
        user: String,
    },
    /// The server answered with an error status.
    #[error("{url} answered {status} for graph {graph}: {body}")]
    Status {
        /// The endpoint.
        url: String,
        /// The graph being sent.
        graph: String,
        /// The HTTP status.
        status: StatusCode,
        /// The start of the response body.
        body: String,
    },
}

/// What a push did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PushStats {
    /// Graphs sent.
    pub graphs: usize,
    /// Bytes of N-Triples sent.
    pub bytes: usize,
}

/// Sends each named graph of `store` to the Graph Store endpoint `url`; calls
/// `progress(done, total)` after each graph. Stops at the first failure (graphs
/// already sent stay replaced, which a re-run makes whole).
pub fn push(
    store: &CadreStore,
    url: &str,
    credentials: Option<&Credentials>,
    timeout: Duration,
    mut progress: impl FnMut(usize, usize),
) -> Result<PushStats, PushError> {
    let base = url::Url::parse(url).map_err(|_| PushError::BadUrl(url.into()))?;
    if !matches!(base.scheme(), "http" | "https") {
        return Err(PushError::BadUrl(url.into()));
    }
    let client = oxhttp::Client::new()
        .with_global_timeout(timeout)
        .with_user_agent(concat!("cadre/", env!("CARGO_PKG_VERSION")))
        .expect("valid user agent");
    let graphs = store.graph_names()?;
    let mut auth = Auth::None;
    if let (Some(c), Some(first)) = (credentials, graphs.first()) {
        learn_auth(&client, &base, first, c, &mut auth)?;
    }
    let mut stats = PushStats::default();
    for (i, graph) in graphs.iter().enumerate() {
        let body = store.graph_ntriples(graph)?;
        stats.bytes += body.len();
        put(&client, &base, graph, body, credentials, &mut auth)?;
        stats.graphs += 1;
        progress(i + 1, graphs.len());
    }
    Ok(stats)
}

/// Learns the server's authentication before the first upload with a body-less
/// HEAD, answered with the credentials if the server challenges it. A server may
/// hang up on a refused PUT before reading its body (Virtuoso does), which would
/// leave no answer to read; a HEAD's refusal arrives whole. A server that does not
/// challenge a HEAD is left to challenge the first PUT.
fn learn_auth(
    client: &oxhttp::Client,
    base: &url::Url,
    graph: &NamedNode,
    credentials: &Credentials,
    auth: &mut Auth,
) -> Result<(), PushError> {
    let target = graph_target(base, graph);
    let http = |source| PushError::Http {
        graph: graph.as_str().into(),
        url: base.to_string(),
        source,
    };
    for _ in 0..2 {
        let mut request = Request::builder().method(Method::HEAD).uri(target.as_str());
        if let Some(value) = authorization(auth, Some(credentials), &target, "HEAD") {
            request = request.header(AUTHORIZATION, value);
        }
        let request = request
            .body(Body::default())
            .map_err(|e| http(std::io::Error::other(e)))?;
        let response = client.request(request).map_err(http)?;
        if response.status() != StatusCode::UNAUTHORIZED {
            return Ok(());
        }
        if !matches!(auth, Auth::None) {
            return Err(PushError::Refused {
                url: base.to_string(),
                user: credentials.user.clone(),
            });
        }
        *auth = choose_auth(&challenges(&response));
    }
    Ok(())
}

/// The authentication learnt from the server's first challenge, reused for the
/// following requests.
enum Auth {
    None,
    Basic,
    Digest(DigestChallenge),
}

fn put(
    client: &oxhttp::Client,
    base: &url::Url,
    graph: &NamedNode,
    body: Vec<u8>,
    credentials: Option<&Credentials>,
    auth: &mut Auth,
) -> Result<(), PushError> {
    let target = graph_target(base, graph);
    let url_text = base.to_string();
    let http = |source| PushError::Http {
        graph: graph.as_str().into(),
        url: url_text.clone(),
        source,
    };
    // Attempts: the first learns the server's challenge; a server that refuses a
    // request may close the connection before the body is sent (the send then fails
    // with a broken pipe or reset), so such a send is tried again to read its answer.
    let mut challenged = false;
    for attempt in 0..MAX_ATTEMPTS {
        let mut request = Request::builder()
            .method(Method::PUT)
            .uri(target.as_str())
            .header(CONTENT_TYPE, "application/n-triples");
        if let Some(value) = authorization(auth, credentials, &target, "PUT") {
            request = request.header(AUTHORIZATION, value);
        }
        let request = request
            .body(Body::from(body.clone()))
            .map_err(|e| http(std::io::Error::other(e)))?;
        let response = match client.request(request) {
            Ok(response) => response,
            Err(e) if closed_by_server(&e) && attempt + 1 < MAX_ATTEMPTS => continue,
            Err(e) => return Err(http(e)),
        };
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        if status == StatusCode::UNAUTHORIZED && !challenged {
            challenged = true;
            if credentials.is_none() {
                return Err(PushError::NeedsCredentials { url: url_text });
            }
            // A first challenge, or a new nonce for an expired one: answer it once.
            *auth = choose_auth(&challenges(&response));
            continue;
        }
        if status == StatusCode::UNAUTHORIZED {
            return Err(match credentials {
                Some(c) => PushError::Refused {
                    url: url_text,
                    user: c.user.clone(),
                },
                None => PushError::NeedsCredentials { url: url_text },
            });
        }
        let text = response.into_body().to_string().unwrap_or_default();
        return Err(PushError::Status {
            url: url_text,
            graph: graph.as_str().into(),
            status,
            body: text
                .chars()
                .take(300)
                .collect::<String>()
                .trim()
                .to_string(),
        });
    }
    Err(http(std::io::Error::new(
        std::io::ErrorKind::ConnectionAborted,
        format!("the server closed the connection {MAX_ATTEMPTS} times"),
    )))
}

/// How many times one graph is sent at most (challenge, answer, closed connections).
const MAX_ATTEMPTS: usize = 4;

/// Did the server close the connection while the request was being sent?
fn closed_by_server(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{BrokenPipe, ConnectionAborted, ConnectionReset};
    matches!(e.kind(), BrokenPipe | ConnectionReset | ConnectionAborted)
}

/// Digest if the server offers it, else Basic.
/// The `Graph Store` URL of one graph: the endpoint with `?graph=IRI`.
fn graph_target(base: &url::Url, graph: &NamedNode) -> url::Url {
    let mut target = base.clone();
    target
        .query_pairs_mut()
        .append_pair("graph", graph.as_str());
    target
}

/// The `WWW-Authenticate` challenges of a response.
fn challenges(response: &oxhttp::model::Response<Body>) -> Vec<String> {
    response
        .headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect()
}

fn choose_auth(challenges: &[String]) -> Auth {
    challenges
        .iter()
        .find_map(|c| DigestChallenge::parse(c).map(Auth::Digest))
        .unwrap_or(Auth::Basic)
}

fn authorization(
    auth: &mut Auth,
    credentials: Option<&Credentials>,
    target: &url::Url,
    method: &str,
) -> Option<HeaderValue> {
    let credentials = credentials?;
    let value = match auth {
        Auth::None => return None,
        Auth::Basic => format!(
            "Basic {}",
            base64(format!("{}:{}", credentials.user, credentials.password).as_bytes())
        ),
        Auth::Digest(challenge) => {
            let uri = match target.query() {
                Some(q) => format!("{}?{q}", target.path()),
                None => target.path().to_string(),
            };
            challenge.count += 1;
            let cnonce = hex(&Md5::digest(format!(
                "{:?}{}",
                std::time::SystemTime::now(),
                challenge.count
            )))[..16]
                .to_string();
            challenge.answer(method, &uri, credentials, &cnonce)
        }
    };
    HeaderValue::from_str(&value).ok()
}

/// A `WWW-Authenticate: Digest …` challenge and the nonce count used with it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DigestChallenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    qop_auth: bool,
    count: u32,
}

impl DigestChallenge {
    /// Parses a Digest challenge with MD5 (the default algorithm); other schemes and
    /// algorithms give `None`.
    fn parse(header: &str) -> Option<Self> {
        let rest = header.trim();
        let (scheme, params) = rest.split_once(char::is_whitespace)?;
        if !scheme.eq_ignore_ascii_case("digest") {
            return None;
        }
        let params = auth_params(params);
        let get = |k: &str| {
            params
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.clone())
        };
        if get("algorithm").is_some_and(|a| !a.eq_ignore_ascii_case("md5")) {
            return None;
        }
        Some(Self {
            realm: get("realm").unwrap_or_default(),
            nonce: get("nonce")?,
            opaque: get("opaque"),
            qop_auth: get("qop").is_some_and(|q| q.split(',').any(|x| x.trim() == "auth")),
            count: 0,
        })
    }

    /// The `Authorization` header value for one request (RFC 7616 §3.4).
    fn answer(&self, method: &str, uri: &str, c: &Credentials, cnonce: &str) -> String {
        let ha1 = hex(&Md5::digest(format!(
            "{}:{}:{}",
            c.user, self.realm, c.password
        )));
        let ha2 = hex(&Md5::digest(format!("{method}:{uri}")));
        let nc = format!("{:08x}", self.count);
        let mut header = if self.qop_auth {
            let response = hex(&Md5::digest(format!(
                "{ha1}:{}:{nc}:{cnonce}:auth:{ha2}",
                self.nonce
            )));
            format!(
                "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\", algorithm=MD5",
                c.user, self.realm, self.nonce
            )
        } else {
            let response = hex(&Md5::digest(format!("{ha1}:{}:{ha2}", self.nonce)));
            format!(
                "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", response=\"{response}\", algorithm=MD5",
                c.user, self.realm, self.nonce
            )
        };
        if let Some(opaque) = &self.opaque {
            header.push_str(&format!(", opaque=\"{opaque}\""));
        }
        header
    }
}

/// `name=value` and `name="quoted, value"` pairs of an authentication header.
fn auth_params(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let name: String = chars.by_ref().take_while(|c| *c != '=').collect();
        if name.trim().is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    other => value.push(other),
                }
            }
        } else {
            while let Some(c) = chars.peek().copied() {
                if c == ',' {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        out.push((name.trim().to_string(), value.trim().to_string()));
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads one request's head (up to the blank line) from `stream`; returns its
    /// Content-Length.
    fn read_head(stream: &mut std::net::TcpStream) -> usize {
        use std::io::Read;
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap() == 1 {
            head.push(byte[0]);
        }
        String::from_utf8_lossy(&head)
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            })
            .unwrap_or(0)
    }

    #[test]
    fn a_server_that_hangs_up_on_wrong_credentials_is_a_refusal_not_a_success() {
        use std::io::Write;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let challenge = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            // 1: the challenge; 2: hang up after the head, before the body;
            // 3: the answer to the credentials, a refusal.
            for hang_up in [false, true, false] {
                let (mut stream, _) = listener.accept().unwrap();
                let length = read_head(&mut stream);
                if hang_up {
                    stream.shutdown(std::net::Shutdown::Both).unwrap();
                    continue;
                }
                std::io::copy(
                    &mut std::io::Read::take(&mut stream, length as u64),
                    &mut std::io::sink(),
                )
                .unwrap();
                stream.write_all(challenge.as_bytes()).unwrap();
                let _ = stream.shutdown(std::net::Shutdown::Write);
            }
        });
        let client = oxhttp::Client::new().with_global_timeout(Duration::from_secs(10));
        let base = url::Url::parse(&format!("http://127.0.0.1:{port}/store")).unwrap();
        let graph = NamedNode::new_unchecked("https://example.org/g");
        let credentials = Credentials {
            user: "cadre".into(),
            password: "wrong".into(),
        };
        // Large enough that the hang-up breaks the upload.
        let body = vec![b'#'; 8 << 20];
        let result = put(
            &client,
            &base,
            &graph,
            body,
            Some(&credentials),
            &mut Auth::None,
        );
        server.join().unwrap();
        assert!(
            matches!(&result, Err(PushError::Refused { user, .. }) if user == "cadre"),
            "{result:?}"
        );
    }

    #[test]
    fn digest_answer_matches_rfc_2617_example() {
        // RFC 2617 §3.5: Mufasa / "Circle Of Life" on GET /dir/index.html.
        let challenge = DigestChallenge::parse(
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        )
        .unwrap();
        let mut challenge = challenge;
        challenge.count = 1;
        let c = Credentials {
            user: "Mufasa".into(),
            password: "Circle Of Life".into(),
        };
        let header = challenge.answer("GET", "/dir/index.html", &c, "0a4f113b");
        assert!(
            header.contains(r#"response="6629fae49393a05397450978507c4ef1""#),
            "{header}"
        );
        assert!(header.contains("nc=00000001"));
        assert!(header.contains(r#"opaque="5ccc069c403ebaf9f0171e9517f40e41""#));
    }

    #[test]
    fn challenges_choose_digest_over_basic() {
        let auth = choose_auth(&[
            r#"Basic realm="x""#.to_string(),
            r#"Digest realm="v", nonce="n1", stale=TRUE"#.to_string(),
        ]);
        match auth {
            Auth::Digest(d) => {
                assert_eq!((d.realm.as_str(), d.nonce.as_str()), ("v", "n1"));
                assert!(!d.qop_auth);
            }
            _ => panic!("expected digest"),
        }
        assert!(matches!(
            choose_auth(&[r#"Basic realm="x""#.into()]),
            Auth::Basic
        ));
        assert!(
            DigestChallenge::parse(r#"Digest realm="r", nonce="n", algorithm=SHA-256"#).is_none()
        );
    }

    #[test]
    fn base64_pads_like_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(
            base64(b"Aladdin:open sesame"),
            "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
    }

    #[test]
    fn credentials_never_print_the_password() {
        let c = Credentials {
            user: "dba".into(),
            password: "s3cret".into(),
        };
        assert!(!format!("{c:?}").contains("s3cret"));
    }
}
