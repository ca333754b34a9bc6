//! `cadre extract`: articles to records without a store, for checking and sharding.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use cadre_kg::curation::Curation;
use cadre_kg::ArticleGraph;
use clap::ValueEnum;

use crate::articles::{extract_all, read_inputs};
use crate::cli::InputLimits;
use crate::output::{exit_for, report, to_file_or_stdout};

/// What `cadre extract` writes.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExtractFormat {
    /// One FORMAT.md record per article, in --out DIR as <id>.json.
    EvalJson,
    /// One full extraction (with evidence) per line.
    Jsonl,
    /// The RDF quads the store would hold.
    Nquads,
}

/// Extracts `paths` and writes them in `format` to `out` (a folder for eval-json,
/// else a file or standard output), applying the curation file when one is given.
pub(crate) fn run(
    paths: &[PathBuf],
    format: ExtractFormat,
    out: Option<&Path>,
    limits: &InputLimits,
    curation: Option<&Path>,
) -> Result<ExitCode> {
    let curation = match curation {
        Some(p) => Curation::load(p).with_context(|| format!("curation file {}", p.display()))?,
        None => Curation::default(),
    };
    let (articles, mut skipped) = read_inputs(paths, limits);
    let (extractions, too_big) = extract_all(&articles, limits.max_facts);
    skipped.extend(too_big);
    report(&skipped);
    match format {
        ExtractFormat::EvalJson => {
            let dir = out.context("--format eval-json needs --out DIR")?;
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            for x in &extractions {
                let path = dir.join(format!("{}.json", x.id));
                let json = serde_json::to_string_pretty(&cadre_extract::eval::to_eval_json(x))?;
                std::fs::write(&path, json + "\n")
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
        ExtractFormat::Jsonl => {
            let mut w = to_file_or_stdout(out)?;
            for x in &extractions {
                serde_json::to_writer(&mut w, x)?;
                writeln!(w)?;
            }
        }
        ExtractFormat::Nquads => {
            let mut w = to_file_or_stdout(out)?;
            let mut lines: Vec<String> = extractions
                .iter()
                .flat_map(|x| {
                    let graph = ArticleGraph::map(x, &curation);
                    graph.quads.into_iter().chain(graph.reference)
                })
                .chain(curation.graph_quads())
                .map(|q| format!("{q} .\n"))
                .collect();
            lines.sort();
            lines.dedup();
            for l in lines {
                w.write_all(l.as_bytes())?;
            }
        }
    }
    Ok(exit_for(&skipped))
}
