//! `cadre query`: SPARQL over the store, inline, from a file or saved, printed as an
//! aligned table or in a SPARQL results format.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use cadre_kg::store::write_results;
use cadre_kg::{queries, CadreStore, QueryLimits};
use clap::ValueEnum;
use oxigraph::model::{Literal, Term};
use oxigraph::sparql::results::QueryResultsFormat;

use crate::cli::seconds;
use crate::{store, table};

/// How `cadre query` prints its answer. CSV and TSV are the W3C SPARQL results
/// formats (the bytes `cadre serve` answers with), for programs: they are not
/// guarded against spreadsheet formulas (`cadre export --format csv` is).
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
}

/// Reads `--param name=value`: a SPARQL variable name and its value.
pub(crate) fn parse_param(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected name=value, got {s:?}"))?;
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("bad parameter name {k:?}"));
    }
    Ok((k.to_string(), v.to_string()))
}

/// Prints the saved queries (`--list`): name, title and parameters.
pub(crate) fn list() {
    for q in queries::SAVED {
        let params = q
            .params()
            .iter()
            .map(|p| format!(" --param {p}=…"))
            .collect::<String>();
        println!("{:<16} {}{}", q.name, q.title(), params);
    }
}

/// The query text and its bound parameters, from inline SPARQL, a file or a saved
/// query's name; parameters bind as plain literals, and a saved query needs all of
/// its own.
pub(crate) fn resolve(
    sparql: Option<String>,
    file: Option<PathBuf>,
    saved: Option<String>,
    params: &[(String, String)],
) -> Result<(String, Vec<(String, Term)>)> {
    let plain = || -> Vec<(String, Term)> {
        params
            .iter()
            .map(|(k, v)| (k.clone(), Literal::new_simple_literal(v).into()))
            .collect()
    };
    Ok(match (sparql, file, saved) {
        (Some(q), _, _) => (q, plain()),
        (_, Some(f), _) => (
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?,
            plain(),
        ),
        (_, _, Some(name)) => {
            let q = queries::saved(&name)
                .with_context(|| format!("no saved query {name:?} (see cadre query --list)"))?;
            for p in q.params() {
                if !params.iter().any(|(k, _)| k == p) {
                    bail!("saved query {name} needs --param {p}=VALUE");
                }
            }
            (q.sparql.to_string(), q.bind(params))
        }
        _ => bail!("give a SPARQL query, -f FILE or --saved NAME"),
    })
}

/// Runs `text` with `bound` on the store at `store_path` and prints the answer on
/// standard output.
pub(crate) fn run(
    text: &str,
    bound: &[(String, Term)],
    format: QueryFormat,
    timeout: f64,
    limit: Option<usize>,
    store_path: &Path,
) -> Result<ExitCode> {
    let limits = QueryLimits {
        timeout: seconds(timeout)?,
        max_rows: limit,
    };
    let store = store::open_read_only(store_path)?;
    let stdout = std::io::stdout();
    print_query(&store, text, bound, &limits, format, &mut stdout.lock())?;
    Ok(ExitCode::SUCCESS)
}

/// Runs a query and prints it in `format`.
pub(crate) fn print_query(
    store: &CadreStore,
    sparql: &str,
    bound: &[(String, Term)],
    limits: &QueryLimits,
    format: QueryFormat,
    out: &mut impl Write,
) -> Result<()> {
    let result = store.query(sparql, bound, limits)?;
    if result.truncated {
        eprintln!(
            "note: stopped after {} rows (--limit); more results exist",
            result.rows.len()
        );
    }
    let results_format = match format {
        QueryFormat::Table => {
            let rows: Vec<Vec<String>> = result
                .rows
                .iter()
                .map(|r| r.iter().map(table::cell).collect())
                .collect();
            write!(out, "{}", table::render(&result.variables, &rows, 80))?;
            writeln!(out, "({} rows)", rows.len())?;
            return Ok(());
        }
        QueryFormat::Csv => QueryResultsFormat::Csv,
        QueryFormat::Tsv => QueryResultsFormat::Tsv,
        QueryFormat::Json => QueryResultsFormat::Json,
    };
    write_results(&result, results_format, out)?;
    Ok(())
}
