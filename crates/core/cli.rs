//! The command line: the `cadre` subcommands and their flags as clap reads them, and
//! the flag groups several commands share. Each command's own value types (formats,
//! graph options) live in its module under `commands/`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use cadre_kg::curation::{self, Curation};
use clap::{Parser, Subcommand};

use crate::commands::bench::BenchTask;
use crate::commands::eval::parse_min;
use crate::commands::export::{ExportFormat, GraphOptions};
use crate::commands::extract::ExtractFormat;
use crate::commands::ingest::Compact;
use crate::commands::query::{parse_param, QueryFormat};

/// The whole command line: one subcommand.
#[derive(Parser)]
#[command(
    name = "cadre",
    version,
    about = "Vietnamese political news into a knowledge graph: extract, store, query, export"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands, each with its flags (the doc comments are the `--help` texts).
#[derive(Subcommand)]
pub(crate) enum Command {
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
    /// Write the graph for Gephi (csv, graphml, gexf), as RDF (nquads and trig keep
    /// one named graph per article; turtle is their union) or as an Excel workbook
    /// (xlsx: one sheet per kind — persons, posts held, bodies, meetings, documents,
    /// terms, sources).
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
    pub(crate) max_file_size: u64,
    /// Skip an article that yields more facts (posts, documents, terms, meetings).
    #[arg(long, default_value_t = 5000)]
    pub(crate) max_facts: usize,
}

impl Default for InputLimits {
    fn default() -> Self {
        Self {
            max_file_size: 16,
            max_facts: 5000,
        }
    }
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

/// A timeout in seconds as a duration; 0 means none.
pub(crate) fn seconds(s: f64) -> Result<Option<std::time::Duration>> {
    if !s.is_finite() || s < 0.0 {
        bail!("--timeout must be a number of seconds ≥ 0, got {s}");
    }
    Ok((s > 0.0).then(|| std::time::Duration::from_secs_f64(s)))
}
