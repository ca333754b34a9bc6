//! `cadre`: Vietnamese political news → knowledge graph. Argument parsing and output
//! only; the work is done by the library crates.

mod bench;
mod demo;
mod eval_cmd;
mod input;
mod table;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use cadre_extract::{extract, ArticleInput, Extraction};
use cadre_kg::curation::{self, Curation};
use cadre_kg::store::write_results;
use cadre_kg::{queries, worth_compacting, ArticleGraph, CadreStore, IngestStats, QueryLimits};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, Term};
use oxigraph::sparql::results::QueryResultsFormat;
use rayon::prelude::*;

use crate::input::{collect_files, read_file, Article, Skipped};

/// The environment variable that holds the password of `cadre push`.
const PASSWORD_VAR: &str = "CADRE_PUSH_PASSWORD";

/// Exit code when some inputs were skipped but the rest was processed.
const EXIT_SKIPPED: u8 = 2;

/// Exit code when a query ran out of time (`--timeout`) or was refused because
/// earlier queries that ran out of time still run.
const EXIT_TIMEOUT: u8 = 3;

#[derive(Parser)]
#[command(
    name = "cadre",
    version,
    about = "Vietnamese political news into a knowledge graph: extract, store, query, export"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `cadre bench` does.
#[derive(Subcommand)]
enum BenchTask {
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

#[derive(Subcommand)]
enum Command {
    /// Extract records from articles without a store (for checking and sharding).
    Extract {
        /// Files, folders (.txt, .jsonl, .html and .htm found recursively) or JSONL files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Folder for eval-json (one <id>.json per article); file for the others
        /// (standard output when absent).
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        limits: InputLimits,
        /// Apply this curation file (nquads: the curated article graphs plus the
        /// curation graph).
        #[arg(long)]
        curation: Option<PathBuf>,
    },
    /// Load articles into the store (one named graph per article; re-running replaces).
    Ingest {
        /// Files, folders (.txt, .jsonl, .html and .htm found recursively) or JSONL files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
        #[command(flatten)]
        limits: InputLimits,
        #[command(flatten)]
        curation: CurationArg,
        /// Compact the store after loading: `auto` when this ingest wrote a quarter
        /// of the store or more (a large ingest leaves files that slow every query),
        /// `always`, or `never` (to compact once after several large ingests, with
        /// `--compact always` on the last one).
        #[arg(long, value_enum, default_value_t = Compact::Auto)]
        compact: Compact,
    },
    /// Run SPARQL over the store (the default graph is the union of all article graphs).
    Query {
        /// Inline SPARQL.
        sparql: Option<String>,
        /// Read the query from a file.
        #[arg(short = 'f', long = "file", conflicts_with = "sparql")]
        file: Option<PathBuf>,
        /// Run a saved query by name (see --list).
        #[arg(long, conflicts_with_all = ["sparql", "file"])]
        saved: Option<String>,
        /// A parameter of a saved query, bound as a plain literal: name=value.
        #[arg(long = "param", value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// List the saved queries.
        #[arg(long)]
        list: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        /// Cancel the query after this many seconds (0: never).
        #[arg(long, default_value_t = 60.0)]
        timeout: f64,
        /// Print at most this many rows (a note on standard error says when rows
        /// were left out).
        #[arg(long)]
        limit: Option<usize>,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
    },
    /// Write the graph for Gephi (csv, graphml, gexf) or as RDF (nquads and trig keep
    /// one named graph per article; turtle is their union).
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (a folder for csv: nodes.csv and edges.csv).
        #[arg(long)]
        out: PathBuf,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
        #[command(flatten)]
        graph: GraphOptions,
        #[command(flatten)]
        curation: CurationArg,
    },
    /// Extract and score against gold records (../shared/eval/FORMAT.md), as score.py
    /// does; `--errors` lists every false positive and false negative.
    Eval {
        /// Folder with <id>.gold.json (and, when no PATH is given, <id>.txt).
        gold: PathBuf,
        /// Inputs to extract (default: the .txt files of the gold folder).
        paths: Vec<PathBuf>,
        /// Score only gold ids matching this glob ("00*").
        #[arg(long, default_value = "*")]
        only: String,
        /// List each false positive (FP) and false negative (FN).
        #[arg(long)]
        errors: bool,
        /// Fail (exit 1) when a field's F1 is below a floor: FIELD=F1.
        #[arg(long = "min", value_parser = parse_min)]
        mins: Vec<(String, f64)>,
    },
    /// Benchmark tools: a synthetic corpus, saved-query latencies (scripts/bench.sh
    /// runs the whole benchmark).
    Bench {
        #[command(subcommand)]
        task: BenchTask,
    },
    /// A person's career: one post per line with first and last attestation and the
    /// articles that say so. A text matching several names lists the names; a name
    /// several persons share (homonyms of different provinces, not linked by any
    /// text) lists them with their nodes, provinces and posts: pick one by its node
    /// IRI or --province.
    Person {
        /// Full name, a part of it, or a person node (id/person/…).
        name: String,
        /// Of the persons with this name, the one with posts in this province (its
        /// name, e.g. "Nghệ An", or code, e.g. N22).
        #[arg(long)]
        province: Option<String>,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
        #[command(flatten)]
        curation: CurationArg,
    },
    /// Why a node is one node: the mentions merged into it (article, sentence,
    /// offsets, the name as written) and the rule that merged each one; for a person,
    /// the articles that link it to nodes of other provinces.
    Explain {
        /// An entity IRI, its short form (id/person/…), or a person's name (when
        /// several nodes have it, they are listed).
        node: String,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
    },
    /// Serve the store: HTML pages for every node at / and a SPARQL 1.1 Protocol
    /// endpoint (GET/POST /query; results as JSON, XML, CSV or TSV by the Accept
    /// header). Read-only unless --writable.
    Serve {
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
        /// Address and port to listen on (loopback by default; 0.0.0.0:PORT opens it
        /// to the network).
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// Cancel a query after this many seconds.
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// Accept SPARQL Update on POST /update (takes the store's write lock).
        #[arg(long)]
        writable: bool,
    },
    /// Write the pages of `cadre serve` as a static site (relative links, a prebuilt
    /// search index) that any web host can serve.
    Site {
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
    },
    /// Upload every article graph to an external store with the SPARQL 1.1 Graph
    /// Store Protocol (one PUT per graph: re-running replaces, never duplicates).
    Push {
        /// The Graph Store endpoint, e.g.
        /// http://localhost:8890/sparql-graph-crud-auth (Virtuoso),
        /// http://localhost:3030/DATASET/data (Fuseki).
        url: String,
        /// User name when the endpoint asks for credentials (basic or digest); the
        /// password is read from CADRE_PUSH_PASSWORD only, so it never shows in `ps`
        /// or shell history.
        #[arg(long, env = "CADRE_PUSH_USER")]
        user: Option<String>,
        /// Give up on a request after this many seconds.
        #[arg(long, default_value_t = 120.0)]
        timeout: f64,
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
    },
    /// Ingest the bundled sample corpus and show what cadre does, end to end.
    Demo {
        /// Store folder.
        #[arg(long, env = "CADRE_STORE", default_value = "cadre.db")]
        store: PathBuf,
        /// Folder for the exports.
        #[arg(long, default_value = "cadre-out")]
        out: PathBuf,
        /// Sample corpus folder.
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample"))]
        corpus: PathBuf,
    },
}

/// Bounds on what one input may cost: a file too large, or an article yielding an
/// absurd number of facts, is skipped with a message.
#[derive(clap::Args, Clone, Copy, Debug)]
pub(crate) struct InputLimits {
    /// Skip text files (and JSONL records) larger than this many MiB.
    #[arg(long, default_value_t = 16)]
    max_file_size: u64,
    /// Skip an article that yields more facts (posts, documents, terms, meetings).
    #[arg(long, default_value_t = 5000)]
    max_facts: usize,
}

impl Default for InputLimits {
    fn default() -> Self {
        Self {
            max_file_size: 16,
            max_facts: 5000,
        }
    }
}

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

/// The curation file of a store command.
#[derive(clap::Args, Clone, Default)]
pub(crate) struct CurationArg {
    /// The curation file (CSV: action,subject,object,value,note); default
    /// <store>/curation.csv when it exists.
    #[arg(long, env = "CADRE_CURATION")]
    curation: Option<PathBuf>,
}

impl CurationArg {
    /// The curation in effect for `store`: the file given, else `<store>/curation.csv`,
    /// else none.
    pub(crate) fn load(&self, store: &Path) -> Result<Curation> {
        let default = store.join(curation::FILE_NAME);
        let path = match &self.curation {
            Some(p) => p.clone(),
            None if default.is_file() => default,
            None => return Ok(Curation::default()),
        };
        Curation::load(&path).with_context(|| format!("curation file {}", path.display()))
    }
}

/// Which network to export, and how to cut it (graph formats only).
#[derive(clap::Args, Clone, Default)]
struct GraphOptions {
    /// Projection: kg (all entities), people (officials linked by co-chairing and
    /// shared bodies), affiliation (officials ↔ bodies).
    #[arg(long = "graph", value_enum, default_value_t = GraphKind::Kg)]
    kind: GraphKind,
    /// Keep what is attested on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Keep what is attested on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Keep what belongs to bodies in this place or under it ("Hà Nội").
    #[arg(long)]
    place: Option<String>,
    /// Keep what belongs to bodies of this kind (party_committee, state, front, …).
    #[arg(long)]
    body_kind: Option<String>,
    /// Drop edges supported by fewer articles.
    #[arg(long, default_value_t = 0.0)]
    min_weight: f64,
    /// Start CSV files with a UTF-8 byte-order mark (for spreadsheet programs).
    #[arg(long)]
    bom: bool,
}

#[derive(Clone, Copy, ValueEnum, Default)]
enum GraphKind {
    #[default]
    Kg,
    People,
    Affiliation,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// One FORMAT.md record per article, in --out DIR as <id>.json.
    EvalJson,
    /// One full extraction (with evidence) per line.
    Jsonl,
    /// The RDF quads the store would hold.
    Nquads,
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Csv,
    Graphml,
    Gexf,
    Nquads,
    Trig,
    Turtle,
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected name=value, got {s:?}"))?;
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("bad parameter name {k:?}"));
    }
    Ok((k.to_string(), v.to_string()))
}

fn parse_min(s: &str) -> Result<(String, f64), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FIELD=F1, got {s:?}"))?;
    if !cadre_extract::eval::FIELDS.contains(&k) {
        return Err(format!("unknown field {k:?}"));
    }
    let v: f64 = v.parse().map_err(|_| format!("bad F1 {v:?}"))?;
    Ok((k.to_string(), v))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped early (`cadre query … | head`) is not a failure; a
        // network peer that closed the connection is.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) && !e
                .chain()
                .any(|c| c.downcast_ref::<cadre_protocol::PushError>().is_some()) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", error_chain(&e));
            let timed_out = e.chain().any(|c| {
                matches!(
                    c.downcast_ref::<cadre_kg::StoreError>(),
                    Some(cadre_kg::StoreError::Timeout(_) | cadre_kg::StoreError::Busy(_))
                )
            });
            if timed_out {
                ExitCode::from(EXIT_TIMEOUT)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// The error and its causes joined by ": ", leaving out a cause that its wrapper's
/// message already quotes (library errors often repeat their source).
fn error_chain(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !parts.last().is_some_and(|p| p.ends_with(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract {
            paths,
            format,
            out,
            limits,
            curation,
        } => {
            let curation = match curation {
                Some(p) => {
                    Curation::load(&p).with_context(|| format!("curation file {}", p.display()))?
                }
                None => Curation::default(),
            };
            cmd_extract(&paths, format, out.as_deref(), &limits, &curation)
        }
        Command::Ingest {
            paths,
            store,
            limits,
            curation,
            compact,
        } => {
            let curation = curation.load(&store)?;
            let store_handle = open_store(&store)?;
            let (summary, skipped) = ingest(&store_handle, &paths, &limits, &curation, compact)?;
            println!("{summary}");
            Ok(exit_for(&skipped))
        }
        Command::Query {
            sparql,
            file,
            saved,
            params,
            list,
            format,
            timeout,
            limit,
            store,
        } => {
            if list {
                for q in queries::SAVED {
                    let params = q
                        .params()
                        .iter()
                        .map(|p| format!(" --param {p}=…"))
                        .collect::<String>();
                    println!("{:<16} {}{}", q.name, q.title(), params);
                }
                return Ok(ExitCode::SUCCESS);
            }
            let plain = || -> Vec<(String, Term)> {
                params
                    .iter()
                    .map(|(k, v)| (k.clone(), Literal::new_simple_literal(v).into()))
                    .collect()
            };
            let (text, bound) = match (sparql, file, saved) {
                (Some(q), _, _) => (q, plain()),
                (_, Some(f), _) => (
                    std::fs::read_to_string(&f)
                        .with_context(|| format!("reading {}", f.display()))?,
                    plain(),
                ),
                (_, _, Some(name)) => {
                    let q = queries::saved(&name).with_context(|| {
                        format!("no saved query {name:?} (see cadre query --list)")
                    })?;
                    for p in q.params() {
                        if !params.iter().any(|(k, _)| k == p) {
                            bail!("saved query {name} needs --param {p}=VALUE");
                        }
                    }
                    (q.sparql.to_string(), q.bind(&params))
                }
                _ => bail!("give a SPARQL query, -f FILE or --saved NAME"),
            };
            let limits = QueryLimits {
                timeout: seconds(timeout)?,
                max_rows: limit,
            };
            let store = open_store_read_only(&store)?;
            let stdout = std::io::stdout();
            print_query(&store, &text, &bound, &limits, format, &mut stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            out,
            store,
            graph,
            curation,
        } => {
            let curation = curation.load(&store)?;
            let handle = open_store_read_only(&store)?;
            if !handle.curation_matches(&curation)? {
                bail!(
                    "the curation differs from the one {} was built with; run cadre ingest again to apply it",
                    store.display()
                );
            }
            export(&handle, format, &out, &graph)?;
            println!("wrote {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { store, out, corpus } => demo::run(&store, &out, &corpus),
        Command::Serve {
            store,
            bind,
            timeout,
            writable,
        } => {
            let handle = if writable {
                open_store(&store)?
            } else {
                open_store_read_only(&store)?
            };
            let config = cadre_protocol::EndpointConfig {
                timeout: seconds(timeout)?.context("--timeout must be above 0")?,
                writable,
                ..Default::default()
            };
            let site = cadre_web::Site::load(&handle).context("loading the pages")?;
            cadre_web::serve(
                std::sync::Arc::new(handle),
                std::sync::Arc::new(site),
                bind,
                config,
                || {
                    eprintln!(
                        "serving {} at http://{bind}/ (pages) and http://{bind}/query (SPARQL; {}; Ctrl-C stops)",
                        store.display(),
                        if writable { "read-write" } else { "read-only" }
                    );
                },
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Site { out, store } => {
            let handle = open_store_read_only(&store)?;
            let site = cadre_web::Site::load(&handle).context("loading the pages")?;
            let written = cadre_web::site::write(&site, &out)?;
            println!(
                "wrote {} pages and {} CSV tables to {} (open {}/index.html)",
                written.pages,
                written.tables,
                out.display(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Push {
            url,
            user,
            timeout,
            store,
        } => {
            let credentials = match user {
                Some(user) => Some(cadre_protocol::Credentials {
                    user,
                    password: std::env::var(PASSWORD_VAR).with_context(|| {
                        format!("--user is given but {PASSWORD_VAR} is not set")
                    })?,
                }),
                None => None,
            };
            let handle = open_store_read_only(&store)?;
            let total = handle.article_count()?;
            let bar = progress(total, "push");
            let stats = cadre_protocol::push(
                &handle,
                &url,
                credentials.as_ref(),
                seconds(timeout)?.context("--timeout must be above 0")?,
                |done, _| bar.set_position(done as u64),
            )?;
            bar.finish_and_clear();
            println!(
                "pushed {} graphs ({} bytes of N-Triples) to {url}",
                stats.graphs, stats.bytes
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { task } => match task {
            BenchTask::Gen {
                articles,
                seed,
                out,
            } => {
                let bytes = bench::generate(&out, articles, seed)?;
                println!(
                    "wrote {articles} articles ({bytes} bytes) to {}",
                    out.display()
                );
                Ok(ExitCode::SUCCESS)
            }
            BenchTask::Queries { runs, store } => {
                let store = open_store_read_only(&store)?;
                let mut out = std::io::stdout().lock();
                writeln!(out, "query\trows\tp50_ms\tp95_ms")?;
                out.flush()?;
                let params = bench::sample_params(&store)?;
                let shown: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
                eprintln!("parameters: {}", shown.join(", "));
                bench::time_queries(&store, runs, &params, |t| {
                    writeln!(
                        out,
                        "{}\t{}\t{:.2}\t{:.2}",
                        t.name, t.rows, t.p50_ms, t.p95_ms
                    )?;
                    Ok(out.flush()?)
                })?;
                Ok(ExitCode::SUCCESS)
            }
        },
        Command::Person {
            name,
            province,
            store,
            curation,
        } => {
            let curation = curation.load(&store)?;
            let handle = open_store_read_only(&store)?;
            if !handle.curation_matches(&curation)? {
                eprintln!(
                    "warning: the curation differs from the one {} was built with; run cadre ingest again to apply it",
                    store.display()
                );
            }
            person(
                &handle,
                &name,
                province.as_deref(),
                &mut std::io::stdout().lock(),
            )
        }
        Command::Explain { node, store } => {
            let handle = open_store_read_only(&store)?;
            explain(&handle, &node, &mut std::io::stdout().lock())
        }
        Command::Eval {
            gold,
            paths,
            only,
            errors,
            mins,
        } => {
            let ok = eval_cmd::run(&gold, &paths, &only, errors, &mins)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

fn open_store(path: &Path) -> Result<CadreStore> {
    CadreStore::open(path).with_context(|| format!("opening store {}", path.display()))
}

fn open_store_read_only(path: &Path) -> Result<CadreStore> {
    if !path.exists() {
        bail!(
            "no store at {} (run cadre ingest first, or pass --store)",
            path.display()
        );
    }
    CadreStore::open_read_only(path).with_context(|| format!("opening store {}", path.display()))
}

fn exit_for(skipped: &[Skipped]) -> ExitCode {
    if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    }
}

fn report(skipped: &[Skipped]) {
    for s in skipped {
        eprintln!("skipped: {}: {}", s.source, s.reason);
    }
}

/// Reads every input in parallel; returns articles in input order (without
/// duplicates) plus what was skipped.
fn read_inputs(paths: &[PathBuf], limits: &InputLimits) -> (Vec<Article>, Vec<Skipped>) {
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

fn extract_one(a: &Article) -> Extraction {
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
fn extract_all(articles: &[Article], max_facts: usize) -> (Vec<Extraction>, Vec<Skipped>) {
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

fn progress(len: usize, what: &str) -> ProgressBar {
    let bar = on_terminal(ProgressBar::new(len as u64));
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {msg} [{bar:30}] {pos}/{len} ({per_sec}, eta {eta})",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// A spinner on standard error, with elapsed time, for a step of unknown length.
fn spinner(what: &str) -> ProgressBar {
    let bar = on_terminal(ProgressBar::new_spinner());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("valid template"),
    );
    bar.set_message(what.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// `bar` drawn on standard error when it is a terminal, hidden otherwise.
fn on_terminal(bar: ProgressBar) -> ProgressBar {
    bar.set_draw_target(if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    });
    bar
}

/// Extracts and loads `paths` into `store` in whole-article batches; returns a summary.
///
/// Two stages overlap: this thread extracts and maps one batch (in parallel) while a
/// writer thread loads the batch before it, so extraction hides behind the loader.
fn ingest(
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
    let bar = progress(articles.len(), "ingest");
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
        let spinner = spinner("compacting the store");
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

fn cmd_extract(
    paths: &[PathBuf],
    format: ExtractFormat,
    out: Option<&Path>,
    limits: &InputLimits,
    curation: &Curation,
) -> Result<ExitCode> {
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
            let mut w = output(out)?;
            for x in &extractions {
                serde_json::to_writer(&mut w, x)?;
                writeln!(w)?;
            }
        }
        ExtractFormat::Nquads => {
            let mut w = output(out)?;
            let mut lines: Vec<String> = extractions
                .iter()
                .flat_map(|x| {
                    let graph = ArticleGraph::map(x, curation);
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

fn output(out: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

/// A timeout in seconds as a duration; 0 means none.
fn seconds(s: f64) -> Result<Option<std::time::Duration>> {
    if !s.is_finite() || s < 0.0 {
        bail!("--timeout must be a number of seconds ≥ 0, got {s}");
    }
    Ok((s > 0.0).then(|| std::time::Duration::from_secs_f64(s)))
}

/// Runs a query and prints it in `format`.
fn print_query(
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

/// The person whose folded name is `?needle` (an index lookup).
const PERSON_EXACT: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT DISTINCT ?name WHERE { GRAPH ?g { ?p cadre:key ?needle ; cadre:name ?name } }
ORDER BY ?name LIMIT 1
"#;

/// People whose folded name contains `?needle`, with their number of post holdings.
const PEOPLE_NAMED: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT ?name (COUNT(DISTINCT ?h) AS ?posts) WHERE {
  GRAPH ?g { ?p a cadre:Person ; cadre:key ?key ; cadre:name ?name }
  FILTER (CONTAINS(?key, ?needle))
  OPTIONAL { ?h cadre:holder ?p }
} GROUP BY ?name ORDER BY ?name
"#;

/// The person nodes of the folded name `?needle`, each with its number of holdings.
const NODES_NAMED: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT ?node (COUNT(DISTINCT ?h) AS ?posts) WHERE {
  GRAPH ?g { ?node a cadre:Person ; cadre:key ?needle }
  OPTIONAL { ?h cadre:holder ?node }
} GROUP BY ?node ORDER BY ?node
"#;

/// The links (`cadre:sameAsPerson`) between the person nodes of the folded name
/// `?needle`: every node of a linked person has the name, so one hop from each finds
/// them all.
const LINKS_NAMED: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT DISTINCT ?node ?other WHERE { GRAPH ?g { ?node cadre:key ?needle ; cadre:sameAsPerson ?other } }
"#;

/// The folded name of the person node `?node`.
const NODE_KEY: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT ?key ?name WHERE { GRAPH ?g { ?node a cadre:Person ; cadre:key ?key ; cadre:name ?name } }
ORDER BY ?key LIMIT 1
"#;

/// One person: a person node and the nodes texts link to it (all of one name).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    /// The nodes, sorted.
    nodes: Vec<String>,
    /// Post holdings over all nodes.
    posts: u64,
}

impl Candidate {
    /// The provinces of its nodes (names), or "no province".
    fn provinces(&self) -> String {
        let names: Vec<String> = self
            .nodes
            .iter()
            .filter_map(|n| cadre_kg::persons::province_name(n))
            .collect();
        if names.is_empty() {
            "no province".to_string()
        } else {
            names.join(", ")
        }
    }

    /// Whether one of its nodes is in the province the user named (folded name or
    /// code).
    fn in_province(&self, wanted: &str) -> bool {
        let wanted = cadre_text::fold_key(wanted);
        self.nodes.iter().any(|n| {
            cadre_kg::persons::province_name(n).is_some_and(|p| cadre_text::fold_key(&p) == wanted)
                || n.rsplit('/').next() == Some(cadre_text::ascii_slug(&wanted).as_str())
        })
    }
}

/// Groups person nodes `(node, posts)` into candidates: the connected components of
/// the links `(node, node)`, in the order of their smallest node.
fn candidates(nodes: &[(String, u64)], links: &[(String, String)]) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for (node, posts) in nodes {
        let linked: Vec<usize> = found
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                links.iter().any(|(a, b)| {
                    (a == node && c.nodes.contains(b)) || (b == node && c.nodes.contains(a))
                })
            })
            .map(|(i, _)| i)
            .collect();
        let mut joined = Candidate {
            nodes: vec![node.clone()],
            posts: *posts,
        };
        for i in linked.into_iter().rev() {
            let c = found.remove(i);
            joined.nodes.extend(c.nodes);
            joined.posts += c.posts;
        }
        joined.nodes.sort();
        found.push(joined);
    }
    found.sort_by(|a, b| a.nodes.cmp(&b.nodes));
    found
}

/// One line of a career: a post with its first and last current attestation (each
/// a date and the source of the article's date), whether a later article calls it
/// former, and the source articles.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CareerLine {
    post: String,
    first: (String, String),
    last: (String, String),
    later_former: bool,
    sources: std::collections::BTreeSet<String>,
}

/// The rows of the saved query `career` (columns named in `variables`) for the nodes
/// of one person, one line per post (a post held as two nodes joins), in time order.
fn career_lines(
    rows: &[Vec<Option<Term>>],
    variables: &[String],
    nodes: &[String],
) -> Vec<CareerLine> {
    let column = |name: &str| {
        variables
            .iter()
            .position(|v| v == name)
            .expect("career names its columns")
    };
    let [post, first, last, later_former, sources, node, first_source, last_source] = [
        "post",
        "first",
        "last",
        "later_former",
        "sources",
        "node",
        "first_source",
        "last_source",
    ]
    .map(column);
    let mut lines: Vec<CareerLine> = Vec::new();
    for r in rows
        .iter()
        .filter(|r| nodes.contains(&table::cell(&r[node])))
    {
        let line = CareerLine {
            post: table::cell(&r[post]),
            first: (table::cell(&r[first]), table::cell(&r[first_source])),
            last: (table::cell(&r[last]), table::cell(&r[last_source])),
            later_former: table::cell(&r[later_former]) == "1",
            sources: table::cell(&r[sources])
                .split(", ")
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
        };
        match lines.iter_mut().find(|l| l.post == line.post) {
            Some(l) => {
                l.first = l.first.clone().min(line.first);
                l.last = l.last.clone().max(line.last);
                l.later_former |= line.later_former;
                l.sources.extend(line.sources);
            }
            None => lines.push(line),
        }
    }
    lines.sort_by(|a, b| (&a.first, &a.post).cmp(&(&b.first, &b.post)));
    lines
}

/// A career date as `cadre person` prints it: the day, month or year the article's
/// date gives, marked with its source unless it is the publication date ("2020
/// (term)").
fn career_date((date, source): &(String, String)) -> String {
    match source.as_str() {
        "" | "metadata" | "stamp" => date.clone(),
        other => format!("{date} ({other})"),
    }
}

/// The legend of the source markers that [`career_date`] writes.
const DATE_LEGEND: &str = "dates: a day, or the month or year when that is all an article tells; \
(url) from its address, (meeting) the meeting it reports, (text) the latest date it \
writes, (term) the year of the terms it names; unmarked: its publication date";

/// An IRI in its short form `id/…`.
fn short(iri: &str) -> String {
    iri.strip_prefix(cadre_kg::iri::ID)
        .map_or_else(|| iri.to_string(), |rest| format!("id/{rest}"))
}

/// The folded name and the name a person is looked up by: the name of a node given
/// as an IRI, else the exact name, else the one name containing the text; `Err` with
/// the exit code after listing the names when several contain it.
fn person_name(
    store: &CadreStore,
    query: &str,
    out: &mut impl Write,
) -> Result<std::result::Result<String, ExitCode>> {
    if cadre_kg::iri::is_iri(query) {
        let node = [(
            "node".to_string(),
            Term::from(oxigraph::model::NamedNode::new(cadre_kg::iri::node(query))?),
        )];
        let found = store.select(NODE_KEY, &node)?;
        return match found.rows.first() {
            Some(r) => Ok(Ok(table::cell(&r[1]))),
            None => bail!("no person node {query} in the store"),
        };
    }
    let needle = [(
        "needle".to_string(),
        Term::from(Literal::new_simple_literal(cadre_text::fold_key(query))),
    )];
    if let Some(r) = store.select(PERSON_EXACT, &needle)?.rows.first() {
        return Ok(Ok(table::cell(&r[0])));
    }
    let found = store.select(PEOPLE_NAMED, &needle)?;
    match found.rows.as_slice() {
        [] => bail!("no person named {query:?} in the store"),
        [only] => Ok(Ok(table::cell(&only[0]))),
        rows => {
            writeln!(
                out,
                "{} people match {query:?}; give the full name:",
                rows.len()
            )?;
            for r in rows {
                writeln!(
                    out,
                    "  {}  ({} posts)",
                    table::cell(&r[0]),
                    table::cell(&r[1])
                )?;
            }
            Ok(Err(ExitCode::from(EXIT_SKIPPED)))
        }
    }
}

/// Prints a career timeline, or the candidates when the name is ambiguous: several
/// names contain the text, or several persons (unlinked nodes) share the name. A
/// node IRI or `province` picks one.
fn person(
    store: &CadreStore,
    query: &str,
    province: Option<&str>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let name = match person_name(store, query, out)? {
        Ok(name) => name,
        Err(code) => return Ok(code),
    };
    let needle = [(
        "needle".to_string(),
        Term::from(Literal::new_simple_literal(cadre_text::fold_key(&name))),
    )];
    let nodes: Vec<(String, u64)> = store
        .select(NODES_NAMED, &needle)?
        .rows
        .iter()
        .map(|r| {
            let posts = table::cell(&r[1]).parse().unwrap_or_default();
            (table::cell(&r[0]), posts)
        })
        .collect();
    let links: Vec<(String, String)> = store
        .select(LINKS_NAMED, &needle)?
        .rows
        .iter()
        .map(|r| (table::cell(&r[0]), table::cell(&r[1])))
        .collect();
    let all = candidates(&nodes, &links);
    let picked: Vec<&Candidate> = all
        .iter()
        .filter(|c| !cadre_kg::iri::is_iri(query) || c.nodes.contains(&cadre_kg::iri::node(query)))
        .filter(|c| province.is_none_or(|p| c.in_province(p)))
        .collect();
    let chosen = match picked.as_slice() {
        [one] => *one,
        [] => bail!(
            "no person named {name:?} in {}",
            province.unwrap_or("the store")
        ),
        many => {
            writeln!(
                out,
                "{} people are named {name:?}; pick one by its node or --province:",
                many.len()
            )?;
            for c in many {
                let nodes: Vec<String> = c.nodes.iter().map(|n| short(n)).collect();
                writeln!(
                    out,
                    "  {}  {}  ({} posts)",
                    nodes.join(" = "),
                    c.provinces(),
                    c.posts
                )?;
            }
            return Ok(ExitCode::from(EXIT_SKIPPED));
        }
    };
    let q = queries::saved("career").expect("saved query");
    let career = store.select(q.sparql, &q.bind(&[("name".into(), name.clone())]))?;
    writeln!(out, "{name}")?;
    let nodes: Vec<String> = chosen.nodes.iter().map(|n| short(n)).collect();
    writeln!(out, "  {} ({})", nodes.join(" = "), chosen.provinces())?;
    let mut marked = false;
    for line in career_lines(&career.rows, &career.variables, &chosen.nodes) {
        let first = Some(career_date(&line.first))
            .filter(|d| d != "~")
            .unwrap_or_default();
        let last = career_date(&line.last);
        marked |= first.ends_with(')') || last.ends_with(')');
        let span = if first == last {
            first
        } else {
            format!("{first} → {last}")
        };
        let former = if line.later_former {
            " (later: nguyên)"
        } else {
            ""
        };
        let sources: Vec<String> = line.sources.into_iter().collect();
        writeln!(
            out,
            "  {span:<25} {}{former}   [{}]",
            line.post,
            sources.join(", ")
        )?;
    }
    if marked {
        writeln!(out, "  ({DATE_LEGEND})")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints why a node is one node: its kind's rule, curation rules, and each mention
/// with the rule that merged it.
fn explain(store: &CadreStore, node: &str, out: &mut impl Write) -> Result<ExitCode> {
    let iri = if cadre_kg::iri::is_iri(node) {
        cadre_kg::iri::node(node)
    } else {
        let needle = [(
            "needle".to_string(),
            Term::from(Literal::new_simple_literal(cadre_text::fold_key(node))),
        )];
        let nodes: Vec<String> = store
            .select(NODES_NAMED, &needle)?
            .rows
            .iter()
            .map(|r| table::cell(&r[0]))
            .collect();
        match nodes.as_slice() {
            [] => bail!("no person named {node:?} in the store"),
            [one] => one.clone(),
            many => {
                writeln!(
                    out,
                    "{} person nodes are named {node:?}; explain one of them:",
                    many.len()
                )?;
                for n in many {
                    writeln!(out, "  {}", short(n))?;
                }
                return Ok(ExitCode::from(EXIT_SKIPPED));
            }
        }
    };
    let Some(e) = cadre_kg::explain::explain(store, &iri)? else {
        bail!("no node {iri} in the store");
    };
    writeln!(out, "{}", e.iri)?;
    writeln!(out, "  kind: {} (one node per {})", e.kind, e.rule)?;
    if !e.labels.is_empty() {
        writeln!(out, "  labels: {}", e.labels.join(" | "))?;
    }
    for rule in &e.curation {
        writeln!(out, "  {rule}")?;
    }
    let mut articles: Vec<&str> = e.mentions.iter().map(|m| m.article.as_str()).collect();
    articles.dedup();
    writeln!(
        out,
        "  {} mentions in {} articles:",
        e.mentions.len(),
        articles.len()
    )?;
    for m in &e.mentions {
        let published = m
            .published
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let written = m
            .written
            .as_deref()
            .map(|w| format!(" as {w:?}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  - {}{published}, sentence {}, characters {}–{}{written}: {}",
            m.article, m.sentence, m.start, m.end, m.rule
        )?;
        if let Some(via) = &m.via {
            writeln!(out, "      via {via}")?;
        }
        writeln!(out, "      “{}”", m.text)?;
    }
    if !e.links.is_empty() {
        writeln!(
            out,
            "  linked to other nodes of the same person ({}):",
            cadre_kg::iri::LINK_RULE
        )?;
    }
    for l in &e.links {
        writeln!(
            out,
            "  - {} in {}, sentence {}, characters {}–{}",
            l.via.as_deref().unwrap_or_default(),
            l.article,
            l.sentence,
            l.start,
            l.end
        )?;
        writeln!(out, "      “{}”", l.text)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn export(
    store: &CadreStore,
    format: ExportFormat,
    out: &Path,
    options: &GraphOptions,
) -> Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    let file = || -> Result<std::io::BufWriter<std::fs::File>> {
        Ok(std::io::BufWriter::new(
            std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?,
        ))
    };
    let network = || -> Result<cadre_graph::Projected> {
        let projection = match options.kind {
            GraphKind::Kg => cadre_graph::Projection::Kg,
            GraphKind::People => cadre_graph::Projection::People,
            GraphKind::Affiliation => cadre_graph::Projection::Affiliation,
        };
        let filter = cadre_graph::Filter {
            from: options.from.clone(),
            to: options.to.clone(),
            place: options.place.clone(),
            body_kind: options.body_kind.clone(),
            min_weight: options.min_weight,
        };
        let mut p = cadre_graph::project(store, projection, &filter)?;
        cadre_graph::compute_metrics(&mut p);
        Ok(p)
    };
    match format {
        ExportFormat::Csv => cadre_graph::write_csv(&network()?, out, options.bom)?,
        ExportFormat::Graphml => cadre_graph::write_graphml(&network()?, file()?)?,
        ExportFormat::Gexf => cadre_graph::write_gexf(&network()?, file()?)?,
        ExportFormat::Nquads => file()?.write_all(store.sorted_nquads()?.as_bytes())?,
        ExportFormat::Trig => store.dump(RdfFormat::TriG, file()?)?,
        ExportFormat::Turtle => store.dump_union_turtle(file()?)?,
    }
    Ok(())
}
