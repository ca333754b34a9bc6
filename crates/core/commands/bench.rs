//! `cadre bench`: the pieces of the benchmark that need cadre itself — writing the
//! synthetic corpus and timing the saved queries inside one process (so that the
//! figures are query latencies, not process start-up). `scripts/bench.sh` drives them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use cadre_kg::{queries, CadreStore};
use clap::Subcommand;
use oxigraph::model::Term;
use rayon::prelude::*;

use crate::store;

/// What `cadre bench` does.
#[derive(Subcommand)]
pub(crate) enum BenchTask {
    /// Write a deterministic synthetic corpus (3–10 KB Vietnamese articles built from
    /// the lexicons and the gazetteer), one <id>.txt per article.
    Gen {
        /// How many articles.
        #[arg(long)]
        articles: u64,
        /// The corpus seed: the same seed gives the same bytes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
    },
    /// Time every saved query on a store (parameters picked from the store), inside
    /// one process: median and 95th percentile in milliseconds.
    Queries {
        /// Runs per query after one warm-up run.
        #[arg(long, default_value_t = 20)]
        runs: usize,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
    },
}

/// Runs one benchmark task, printing what it wrote or one tab-separated row per
/// saved query.
pub(crate) fn run(task: BenchTask) -> Result<ExitCode> {
    match task {
        BenchTask::Gen {
            articles,
            seed,
            out,
        } => {
            let bytes = generate(&out, articles, seed)?;
            println!(
                "wrote {articles} articles ({bytes} bytes) to {}",
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        BenchTask::Queries { runs, store: path } => {
            let store = store::open_read_only(&path)?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "query\trows\tp50_ms\tp95_ms")?;
            out.flush()?;
            let params = sample_params(&store)?;
            let shown: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
            eprintln!("parameters: {}", shown.join(", "));
            time_queries(&store, runs, &params, |t| {
                writeln!(
                    out,
                    "{}\t{}\t{:.2}\t{:.2}",
                    t.name, t.rows, t.p50_ms, t.p95_ms
                )?;
                Ok(out.flush()?)
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes `articles` synthetic articles (`<id>.txt`) into `out`, in parallel; the
/// bytes depend only on `seed` and each article's index.
pub fn generate(out: &Path, articles: u64, seed: u64) -> Result<u64> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    (0..articles)
        .into_par_iter()
        .map(|index| {
            let a = cadre_synth::article(seed, index);
            let path = out.join(format!("{}.txt", a.id));
            std::fs::write(&path, a.text.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            Ok(a.text.len() as u64)
        })
        .sum()
}

/// One saved query's timings.
pub struct QueryTiming {
    /// The saved query's name.
    pub name: &'static str,
    /// Rows of its answer.
    pub rows: usize,
    /// Median latency in milliseconds.
    pub p50_ms: f64,
    /// 95th-percentile latency in milliseconds.
    pub p95_ms: f64,
}

/// Runs every saved query `runs` times (after one warm-up run) with `params` (from
/// [`sample_params`]), and hands each query's latency percentiles to `on_timing` as
/// soon as they are measured: on a large store one query can take minutes, and the
/// rows before it are already worth reading.
pub fn time_queries(
    store: &CadreStore,
    runs: usize,
    params: &[(String, String)],
    mut on_timing: impl FnMut(&QueryTiming) -> Result<()>,
) -> Result<()> {
    for q in queries::SAVED {
        let values: Vec<(String, String)> = q
            .params()
            .iter()
            .map(|p| {
                let value = params
                    .iter()
                    .find(|(k, _)| k == p)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                (p.to_string(), value)
            })
            .collect();
        let bound = q.bind(&values);
        let rows = store
            .select(q.sparql, &bound)
            .with_context(|| format!("saved query {}", q.name))?
            .rows
            .len();
        let mut ms: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let start = Instant::now();
                store.select(q.sparql, &bound).map(|_| ())?;
                Ok(start.elapsed().as_secs_f64() * 1000.0)
            })
            .collect::<Result<_, cadre_kg::StoreError>>()?;
        ms.sort_by(f64::total_cmp);
        on_timing(&QueryTiming {
            name: q.name,
            rows,
            p50_ms: percentile(&ms, 0.50),
            p95_ms: percentile(&ms, 0.95),
        })?;
    }
    Ok(())
}

/// The nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Parameter values that exist in the store: the person with the most post
/// holdings, one of their posts with its role, body and place (one with a place
/// when there is one, so the place queries have a place to answer for; among those,
/// one whose body issued a document), and the first year in which that body issued
/// a document.
pub fn sample_params(store: &CadreStore) -> Result<Vec<(String, String)>> {
    const CANDIDATES: usize = 64;
    let top = store.select(include_str!("bench_top_holder.rq"), &[])?;
    let Some(Some(person)) = top.rows.first().and_then(|row| row.first()) else {
        return Ok(Vec::new());
    };
    let posts = store.select(
        include_str!("bench_params.rq"),
        &[("p".to_string(), person.clone())],
    )?;
    let body = posts.variables.iter().position(|v| v == "b");
    let place = posts.variables.iter().position(|v| v == "place");
    let placed = |row: &Vec<Option<Term>>| place.is_some_and(|i| row[i].is_some());
    // The rows with a place come first.
    let any_placed = posts.rows.first().is_some_and(placed);
    let mut chosen = None;
    for row in posts
        .rows
        .iter()
        .filter(|row| !any_placed || placed(row))
        .take(CANDIDATES)
    {
        let Some(Some(b)) = body.map(|i| &row[i]) else {
            continue;
        };
        let year = store.select(
            include_str!("bench_year.rq"),
            &[("b".to_string(), b.clone())],
        )?;
        if let Some(Some(year)) = year.rows.first().and_then(|r| r.first()) {
            chosen = Some((row, Some(year.clone())));
            break;
        }
    }
    let chosen = chosen.or_else(|| posts.rows.first().map(|row| (row, None)));
    let mut params = Vec::new();
    if let Some((row, year)) = chosen {
        for (variable, value) in posts.variables.iter().zip(row) {
            if let Some(Term::Literal(l)) = value {
                params.push((variable.clone(), l.value().to_string()));
            }
        }
        if let Some(Term::Literal(y)) = year {
            params.push(("year".to_string(), y.value().to_string()));
        }
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.50), 10.0);
        assert_eq!(percentile(&v, 0.95), 19.0);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
    }
}
