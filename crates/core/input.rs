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

/// Files under `paths`: files as given, folders walked recursively for `.txt` and
/// `.jsonl`, each folder's entries sorted so runs are reproducible.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        walk(p, true, &mut files, &mut skipped, 0);
    }
    (files, skipped)
}

fn walk(
    p: &Path,
    explicit: bool,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
    depth: usize,
) {
    if depth > 64 {
        skipped.push(Skipped {
            source: p.display().to_string(),
            reason: "folder nesting deeper than 64 levels (symlink loop?)".into(),
        });
        return;
    }
    match std::fs::metadata(p) {
        Err(e) => skipped.push(Skipped {
            source: p.display().to_string(),
            reason: format!("cannot read: {e}"),
        }),
        Ok(m) if m.is_dir() => match std::fs::read_dir(p) {
            Err(e) => skipped.push(Skipped {
                source: p.display().to_string(),
                reason: format!("cannot list folder: {e}"),
            }),
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for c in children {
                    walk(&c, false, files, skipped, depth + 1);
                }
            }
        },
        Ok(_) => {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if explicit || ext == "txt" || ext == "jsonl" {
                files.push(p.to_path_buf());
            }
        }
    }
}

/// Reads one file into articles (several for JSONL), reporting what was skipped.
pub fn read_file(path: &Path) -> (Vec<Article>, Vec<Skipped>) {
    let source = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                vec![],
                vec![Skipped {
                    source,
                    reason: format!("cannot read: {e}"),
                }],
            );
        }
    };
    let text = match cadre_text::decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return (
                vec![],
                vec![Skipped {
                    source,
                    reason: e.to_string(),
                }],
            )
        }
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        return read_jsonl(&source, &text);
    }
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_string();
    match check_article(&text) {
        Ok(()) => (
            vec![Article {
                id,
                text,
                url: None,
                published: None,
            }],
            vec![],
        ),
        Err(reason) => (vec![], vec![Skipped { source, reason }]),
    }
}

fn read_jsonl(source: &str, text: &str) -> (Vec<Article>, Vec<Skipped>) {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{source}:{}", n + 1);
        match serde_json::from_str::<Record>(line) {
            Err(e) => skipped.push(Skipped {
                source: at,
                reason: format!("bad JSONL record: {e}"),
            }),
            Ok(r) => match check_article(&r.text) {
                Err(reason) => skipped.push(Skipped { source: at, reason }),
                Ok(()) => articles.push(Article {
                    id: r.id,
                    text: r.text,
                    url: r.url,
                    published: r
                        .published
                        .filter(|p| p.len() >= 10)
                        .map(|p| p[..10].to_string()),
                }),
            },
        }
    }
    (articles, skipped)
}

/// An article needs some words: at least 20 letters.
fn check_article(text: &str) -> Result<(), String> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).take(20).count();
    if letters < 20 {
        return Err("not an article: no text (fewer than 20 letters)".into());
    }
    Ok(())
}
