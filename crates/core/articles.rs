//! Reading and extracting many articles in parallel (rayon), for the commands that
//! take input files: `extract`, `ingest` and `eval`.

use std::path::PathBuf;

use cadre_extract::{extract, ArticleInput, Extraction};
use rayon::prelude::*;

use crate::cli::InputLimits;
use crate::input::{self, collect_files, read_file, Article, Skipped};

/// Reads every input in parallel; returns articles in input order (without
/// duplicates) plus what was skipped.
pub(crate) fn read_inputs(paths: &[PathBuf], limits: &InputLimits) -> (Vec<Article>, Vec<Skipped>) {
    let (files, mut skipped) = collect_files(paths);
    let file_limits = input::Limits {
        max_bytes: limits.max_file_size.saturating_mul(1 << 20),
    };
    let results: Vec<_> = files
        .par_iter()
        .map(|f| read_file(f, &file_limits))
        .collect();
    let mut sourced = Vec::new();
    for (a, s) in results {
        sourced.extend(a);
        skipped.extend(s);
    }
    let (articles, duplicates) = input::drop_duplicates(sourced);
    skipped.extend(duplicates);
    (articles, skipped)
}

/// Extracts one article, turning a panic of the extractor (a bug in cadre) into that
/// article's error, so that one article never stops a batch.
pub(crate) fn extract_guarded(a: &Article) -> Result<Extraction, Skipped> {
    guarded(&a.id, || {
        extract(&ArticleInput {
            id: &a.id,
            text: &a.text,
            url: a.url.as_deref(),
            published: a.published.as_deref(),
        })
    })
}

/// Runs `f` for the article `id`; a panic becomes a [`Skipped`] that names it, with
/// the panic's message.
fn guarded<T>(id: &str, f: impl FnOnce() -> T) -> Result<T, Skipped> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|m| m.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Skipped {
            source: id.to_string(),
            reason: format!(
                "the extractor failed on this article (a bug in cadre; please report it with the article): {message}"
            ),
        }
    })
}

/// Extracts `articles` in parallel, setting aside (as skipped) any article that
/// yields more than `max_facts` facts: a list or table, not news, that would bloat
/// the store, and any the extractor fails on ([`extract_guarded`]).
pub(crate) fn extract_all(
    articles: &[Article],
    max_facts: usize,
) -> (Vec<Extraction>, Vec<Skipped>) {
    let results: Vec<Result<Extraction, Skipped>> = articles
        .par_iter()
        .map(|a| {
            let x = extract_guarded(a)?;
            let facts = x
                .persons
                .iter()
                .map(|p| p.positions.len().max(1))
                .sum::<usize>()
                + x.documents.len()
                + x.terms.len()
                + x.meetings.len();
            if facts > max_facts {
                Err(Skipped {
                    source: a.id.clone(),
                    reason: format!(
                        "{facts} facts in one article, above the limit of {max_facts} (--max-facts)"
                    ),
                })
            } else {
                Ok(x)
            }
        })
        .collect();
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    for r in results {
        match r {
            Ok(x) => kept.push(x),
            Err(s) => skipped.push(s),
        }
    }
    (kept, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_article_s_error() {
        let failed = guarded("a-1", || -> u32 { panic!("slice index out of range") }).unwrap_err();
        assert_eq!(failed.source, "a-1");
        assert!(
            failed.reason.ends_with("slice index out of range"),
            "{}",
            failed.reason
        );
        assert_eq!(guarded("a-2", || 7).unwrap(), 7);
    }
}
