//! `cadre ingest`: extract articles and load them into the store, one named graph
//! per article, then compact the store when the ingest was large.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use cadre_kg::curation::Curation;
use cadre_kg::{worth_compacting, ArticleGraph, CadreStore, IngestStats};
use clap::ValueEnum;
use rayon::prelude::*;

use crate::articles::{extract_all, read_inputs};
use crate::cli::{CurationArg, InputLimits};
use crate::input::Skipped;
use crate::output::{exit_for, report};
use crate::{progress, store};

/// When `cadre ingest` compacts the store (`CadreStore::compact`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Compact {
    /// When the ingest wrote a quarter of the store or more (`worth_compacting`).
    Auto,
    /// After every ingest that wrote anything.
    Always,
    /// Never.
    Never,
}

/// Ingests `paths` into the store at `store_path` and prints the summary.
pub(crate) fn run(
    paths: &[PathBuf],
    store_path: &Path,
    limits: &InputLimits,
    curation: &CurationArg,
    compact: Compact,
) -> Result<ExitCode> {
    let curation = curation.load(store_path)?;
    let handle = store::open(store_path)?;
    let (summary, skipped) = ingest(&handle, paths, limits, &curation, compact)?;
    println!("{summary}");
    Ok(exit_for(&skipped))
}

/// Extracts and loads `paths` into `store` in whole-article batches; returns a summary.
///
/// Two stages overlap: this thread extracts and maps one batch (in parallel) while a
/// writer thread loads the batch before it, so extraction hides behind the loader.
pub(crate) fn ingest(
    store: &CadreStore,
    paths: &[PathBuf],
    limits: &InputLimits,
    curation: &Curation,
    compact: Compact,
) -> Result<(String, Vec<Skipped>)> {
    const BATCH: usize = 256;
    let (articles, mut skipped) = read_inputs(paths, limits);
    report(&skipped);
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    store.check_curation(curation, &ids)?;
    let bar = progress::bar(articles.len(), "ingest");
    let (batches, received) = std::sync::mpsc::sync_channel::<(usize, Vec<ArticleGraph>)>(1);
    let loaded = std::thread::scope(|scope| {
        let writer = scope.spawn(|| -> Result<IngestStats> {
            let mut total = IngestStats::default();
            for (read, graphs) in received {
                let stats = store.load_graphs(graphs).context("writing to the store")?;
                total.quads += stats.quads;
                total.articles += stats.articles;
                total.unchanged += stats.unchanged;
                bar.inc(read as u64);
            }
            Ok(total)
        });
        for chunk in articles.chunks(BATCH) {
            let (extractions, too_big) = extract_all(chunk, limits.max_facts);
            report(&too_big);
            skipped.extend(too_big);
            let graphs = extractions
                .par_iter()
                .map(|x| ArticleGraph::map(x, curation))
                .collect();
            if batches.send((chunk.len(), graphs)).is_err() {
                break; // the writer stopped on an error, which its result carries
            }
        }
        drop(batches);
        writer.join().expect("the writer thread does not panic")
    })?;
    bar.finish_and_clear();
    store
        .refresh_reference(curation)
        .context("writing the reference graph")?;
    store
        .record_curation(curation)
        .context("writing the curation graph")?;
    let in_store = store.article_count()?;
    let mut summary = format!(
        "ingested {} articles ({} unchanged, {} quads written; {in_store} articles in store); {} skipped",
        loaded.articles,
        loaded.unchanged,
        loaded.quads,
        skipped.len()
    );
    if !curation.rules().is_empty() {
        summary.push_str(&format!("; curation: {} rules", curation.rules().len()));
    }
    let written = loaded.articles - loaded.unchanged;
    let compacting = match compact {
        Compact::Auto => worth_compacting(written, in_store),
        Compact::Always => written > 0,
        Compact::Never => false,
    };
    if compacting {
        let spinner = progress::spinner("compacting the store");
        let started = std::time::Instant::now();
        store.compact().context("compacting the store")?;
        spinner.finish_and_clear();
        summary.push_str(&format!(
            "; store compacted in {:.1} s",
            started.elapsed().as_secs_f64()
        ));
    }
    Ok((summary, skipped))
}
