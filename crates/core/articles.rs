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

/// Extracts one article.
pub(crate) fn extract_one(a: &Article) -> Extraction {
    extract(&ArticleInput {
        id: &a.id,
        text: &a.text,
        url: a.url.as_deref(),
        published: a.published.as_deref(),
    })
}

/// Extracts `articles` in parallel, setting aside (as skipped) any article that
/// yields more than `max_facts` facts: a list or table, not news, that would bloat
/// the store.
pub(crate) fn extract_all(
    articles: &[Article],
    max_facts: usize,
) -> (Vec<Extraction>, Vec<Skipped>) {
    let results: Vec<Result<Extraction, Skipped>> = articles
        .par_iter()
        .map(|a| {
            let x = extract_one(a);
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
