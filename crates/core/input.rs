//! Reading inputs: files, folders (recursively) and JSONL records, each turned into an
//! article or a one-line reason why it was skipped.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// An article read from an input.
#[derive(Debug, Clone)]
pub struct Article {
    /// Identifier: file stem or JSONL `id`.
    pub id: String,
    /// Text.
    pub text: String,
    /// URL from JSONL metadata.
    pub url: Option<String>,
    /// Publication date from JSONL metadata.
    pub published: Option<String>,
}

/// An input that could not be read as an article, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    /// The file (and line, for JSONL).
    pub source: String,
    /// One-line reason.
    pub reason: String,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

/// Bounds on what one input may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest text file (or JSONL record) read, in bytes.
    pub max_bytes: u64,
}

/// Files under `paths`: files as given, folders walked recursively for `.txt`,
/// `.jsonl` and saved pages (`.html`, `.htm`), each folder's entries sorted so runs
/// are reproducible. A folder or file
/// reached twice (a symbolic-link loop, or the same file given twice) is read once.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut walk = Walk::default();
    for p in paths {
        walk.visit(p, true);
    }
    (walk.files, walk.skipped)
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    skipped: Vec<Skipped>,
    seen: std::collections::HashMap<PathBuf, PathBuf>,
}

impl Walk {
    fn skip(&mut self, p: &Path, reason: String) {
        self.skipped.push(Skipped {
            source: p.display().to_string(),
            reason,
        });
    }

    fn visit(&mut self, p: &Path, explicit: bool) {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => return self.skip(p, format!("cannot read: {e}")),
        };
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !meta.is_dir() && !explicit && ext != "txt" && ext != "jsonl" && !is_page(p) {
            return;
        }
        let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if let Some(first) = self.seen.get(&real) {
            let what = if meta.is_dir() {
                "folder already read (a symbolic-link loop?)"
            } else {
                "file already read"
            };
            let reason = format!("{what} as {}", first.display());
            return self.skip(p, reason);
        }
        self.seen.insert(real, p.to_path_buf());
        if !meta.is_dir() {
            self.files.push(p.to_path_buf());
            return;
        }
        match std::fs::read_dir(p) {
            Err(e) => self.skip(p, format!("cannot list folder: {e}")),
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for c in children {
                    self.visit(&c, false);
                }
            }
        }
    }
}

/// Whether a file is a saved web page (`.html` or `.htm`, any case).
fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Drops articles whose id an earlier article of the batch already has (they would
/// replace each other's graph) or whose text is the same as an earlier one's (the
/// same article saved under two names), saying which one was kept. Texts are compared
/// with the kept article they hash like, so no text is held twice.
pub fn drop_duplicates(articles: Vec<(String, Article)>) -> (Vec<Article>, Vec<Skipped>) {
    use std::collections::hash_map::{DefaultHasher, Entry, HashMap};
    use std::hash::{Hash, Hasher};
    let mut ids: HashMap<String, String> = HashMap::new();
    // Text hash → the source and index in `kept` of the first article with it.
    let mut texts: HashMap<u64, (String, usize)> = HashMap::new();
    let mut kept: Vec<Article> = Vec::new();
    let mut skipped = Vec::new();
    for (source, a) in articles {
        let mut h = DefaultHasher::new();
        a.text.trim().hash(&mut h);
        let digest = h.finish();
        let reason = match (ids.entry(a.id.clone()), texts.get(&digest)) {
            (Entry::Occupied(first), _) => Some(format!(
                "id {:?} is already used by {}; rename one of them",
                a.id,
                first.get()
            )),
            (_, Some((first, i))) if kept[*i].text.trim() == a.text.trim() => {
                Some(format!("same text as {first} (a duplicate article)"))
            }
            (Entry::Vacant(v), _) => {
                v.insert(source.clone());
                texts
                    .entry(digest)
                    .or_insert_with(|| (source.clone(), kept.len()));
                None
            }
        };
        match reason {
            Some(reason) => skipped.push(Skipped { source, reason }),
            None => kept.push(a),
        }
    }
    (kept, skipped)
}

/// Reads one file into articles (several for JSONL), each with its source (file, or
/// file:line), reporting what was skipped. A saved web page gives its main text, with
/// its canonical URL and publication date (see `cadre_html::read_page`).
pub fn read_file(path: &Path, limits: &Limits) -> (Vec<(String, Article)>, Vec<Skipped>) {
    let source = path.display().to_string();
    let fail = |reason: String| {
        (
            vec![],
            vec![Skipped {
                source: source.clone(),
                reason,
            }],
        )
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        return match std::fs::File::open(path) {
            Ok(f) => read_jsonl(&source, std::io::BufReader::new(f), limits),
            Err(e) => fail(format!("cannot read: {e}")),
        };
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > limits.max_bytes {
        return fail(format!(
            "{} bytes, above the limit of {} (raise --max-file-size if it is one article)",
            size, limits.max_bytes
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read: {e}")),
    };
    if let Some(kind) = binary_kind(&bytes) {
        return fail(format!("{kind}, not text (extract its text first)"));
    }
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_string();
    let article = if is_page(path) {
        cadre_html::read_page(&bytes)
            .map(|page| Article {
                id,
                text: page.text,
                url: page.canonical_url,
                published: page.published,
            })
            .map_err(|e| e.to_string())
    } else {
        cadre_text::decode(&bytes)
            .map(|text| Article {
                id,
                text,
                url: None,
                published: None,
            })
            .map_err(|e| e.to_string())
    };
    match article {
        Err(reason) => fail(reason),
        Ok(article) => match check_article(&article.text) {
            Ok(()) => (vec![(source, article)], vec![]),
            Err(reason) => fail(reason),
        },
    }
}

/// The kind of a binary file recognised by its first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\xd0\xcf\x11\xe0", "an old Office document"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Reads JSONL records line by line (a large file is never held whole), each line
/// bounded by `limits.max_bytes`.
fn read_jsonl(
    source: &str,
    mut reader: impl std::io::BufRead,
    limits: &Limits,
) -> (Vec<(String, Article)>, Vec<Skipped>) {
    use std::io::{BufRead, Read};
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    let mut line = Vec::new();
    for n in 1.. {
        line.clear();
        let read = (&mut reader)
            .take(limits.max_bytes + 1)
            .read_until(b'\n', &mut line);
        let at = format!("{source}:{n}");
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                skipped.push(Skipped {
                    source: at,
                    reason: format!("cannot read: {e}"),
                });
                break;
            }
        }
        if line.len() as u64 > limits.max_bytes && !line.ends_with(b"\n") {
            skipped.push(Skipped {
                source: at,
                reason: format!(
                    "record longer than the limit of {} bytes (--max-file-size)",
                    limits.max_bytes
                ),
            });
            let mut rest = Vec::new();
            if reader.read_until(b'\n', &mut rest).is_err() {
                break;
            }
            continue;
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            skipped.push(Skipped {
                source: at,
                reason: "bad JSONL record: not UTF-8".into(),
            });
            continue;
        };
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(text) {
            Err(e) => skipped.push(Skipped {
                source: at,
                reason: format!("bad JSONL record: {e}"),
            }),
            Ok(r) => match check_id(&r.id).and_then(|()| check_article(&r.text)) {
                Err(reason) => skipped.push(Skipped { source: at, reason }),
                Ok(()) => articles.push((
                    at,
                    Article {
                        id: r.id,
                        text: r.text,
                        url: r.url,
                        published: r
                            .published
                            .filter(|p| p.len() >= 10 && p.is_char_boundary(10))
                            .map(|p| p[..10].to_string()),
                    },
                )),
            },
        }
    }
    (articles, skipped)
}

/// An id names output files and IRIs: 1–200 characters, no path separator, no
/// control character, not "." or "..".
fn check_id(id: &str) -> Result<(), String> {
    let bad = id.is_empty()
        || id.chars().count() > 200
        || id == "."
        || id == ".."
        || id.chars().any(|c| c == '/' || c == '\\' || c.is_control());
    if bad {
        return Err(format!(
            "bad JSONL record: id {:?} must be 1–200 characters without '/', '\\' or control characters",
            id.chars().take(60).collect::<String>()
        ));
    }
    Ok(())
}

/// An article needs some words: at least 20 letters.
fn check_article(text: &str) -> Result<(), String> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).take(20).count();
    if letters < 20 {
        return Err("not an article: no text (fewer than 20 letters)".into());
    }
    Ok(())
}
