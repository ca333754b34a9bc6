//! The embedded Oxigraph store: whole-article ingest, SPARQL over the union of article
//! graphs, and dumps.
//!
//! Invariants: a batch's new graphs land in one atomic step (Oxigraph's bulk loader
//! ingests its files at commit), so an article is never half written; ingesting the
//! same article again leaves the store unchanged.

use std::io::Write;
use std::path::Path;

use cadre_extract::Extraction;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator, Variable,
};
use oxigraph::store::Store;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;
use thiserror::Error;

use crate::curation::Curation;
use crate::iri;
use crate::lock::{Access, LockError, StoreLock};

/// Errors of the store layer.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The store could not be opened, read or written.
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// The SPARQL text does not parse.
    #[error("SPARQL syntax error {0}")]
    Syntax(SyntaxError),
    /// The query failed while running.
    #[error("query failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// Writing results failed.
    #[error("writing results: {0}")]
    Io(#[from] std::io::Error),
    /// Serialising RDF failed.
    #[error("writing RDF: {0}")]
    Serialize(String),
    /// A SPARQL Update failed while running.
    #[error("update failed: {0}")]
    Update(String),
    /// The query ran longer than its timeout and was cancelled.
    #[error("query cancelled after {0:?} (raise --timeout, or narrow the query)")]
    Timeout(Duration),
    /// The store was made by another version of cadre, whose graph layout this one
    /// does not read.
    #[error("{path} was made by {made} (store format {found}; this cadre reads format {FORMAT_VERSION}); ingest the articles again into a new store (remove the folder or pass another --store)",
        path = path.display(),
        made = if found.is_some_and(|f| f > FORMAT_VERSION) { "a newer cadre" } else { "an older cadre" },
        found = found.map_or_else(|| "none".to_string(), |f| f.to_string()))]
    Format {
        /// The store folder.
        path: std::path::PathBuf,
        /// The format it declares (`None`: made before formats were recorded).
        found: Option<u32>,
    },
    /// Too many queries abandoned at their deadline still run; a query with a
    /// timeout waits for one of them to end.
    #[error("{0} earlier queries that ran out of time still run; try again when they end")]
    Busy(usize),
    /// Another process holds the store, or its lock could not be taken.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// The curation changed, and articles outside the ingest were mapped under the
    /// old one.
    #[error(
        "the curation changed ({rules}) and {n} article(s) in the store were mapped under the old one but are not in this ingest: {shown}; ingest them again with it (or the whole archive)",
        n = articles.len(),
        shown = list_some(articles)
    )]
    StaleCuration {
        /// The changed rules, in words.
        rules: String,
        /// Ids of the articles to ingest again.
        articles: Vec<String>,
    },
}

/// The first few items of a list, with a count of the rest.
fn list_some(items: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut text = items
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        text.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    text
}

/// A SPARQL syntax error with its position and the offending line, caret below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the error, when the parser gave one.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the error.
    pub column: Option<usize>,
    /// The parser's message without its position prefix.
    pub message: String,
    /// The query line and a caret under the column.
    pub excerpt: String,
}

impl SyntaxError {
    /// Reads the position out of a parser message ("error at 3:14: expected …")
    /// and quotes the line of `sparql` it points to.
    pub fn new(sparql: &str, parser_message: &str) -> Self {
        let position = parser_message
            .strip_prefix("error at ")
            .and_then(|rest| rest.split_once(": "))
            .and_then(|(pos, msg)| {
                let (l, c) = pos.split_once(':')?;
                Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?, msg))
            });
        match position {
            Some((line, column, msg)) => {
                let text = sparql.lines().nth(line.saturating_sub(1)).unwrap_or("");
                let caret = " ".repeat(column.saturating_sub(1)) + "^";
                Self {
                    line: Some(line),
                    column: Some(column),
                    message: msg.to_string(),
                    excerpt: format!("{text}\n{caret}"),
                }
            }
            None => Self {
                line: None,
                column: None,
                message: parser_message.to_string(),
                excerpt: String::new(),
            },
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(
                f,
                "at line {l}, column {c}: {}\n{}",
                self.message, self.excerpt
            ),
            _ => write!(f, ": {}", self.message),
        }
    }
}

/// What one ingest call did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestStats {
    /// Articles whose graph was written.
    pub articles: usize,
    /// Quads written (after the graph replacement).
    pub quads: usize,
    /// Articles whose graph the store already held exactly (not written again).
    pub unchanged: usize,
}

/// One article's graph, mapped and ready to load: the unit that
/// [`CadreStore::load_graphs`] writes whole or not at all. Mapping is pure, so callers
/// build these in parallel.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleGraph {
    /// The article id (its graph is `iri::article(id)`).
    pub id: String,
    /// The quads of its graph.
    pub quads: Vec<Quad>,
    /// The reference graph's quads for the places and roles it names
    /// ([`Curation::reference_quads`]), which the store holds once for all articles.
    pub reference: Vec<Quad>,
}

impl ArticleGraph {
    /// Maps an extraction under `curation`.
    pub fn map(x: &Extraction, curation: &Curation) -> Self {
        let quads = curation.article_quads(x);
        let reference = curation.reference_quads(&crate::mapping::referenced(&quads));
        Self {
            id: x.id.clone(),
            quads,
            reference,
        }
    }
}

/// Whether an ingest that wrote `written` article graphs into a store that now holds
/// `in_store` articles should compact it ([`CadreStore::compact`]): when it wrote at
/// least a quarter of the store. A large ingest leaves many unmerged files behind,
/// while a small one adds a few that RocksDB's background compaction merges during
/// later writes, and compacting a large store for it would cost minutes.
pub fn worth_compacting(written: usize, in_store: usize) -> bool {
    written > 0 && written.saturating_mul(4) >= in_store
}

/// A table of query results: variable names and rows of terms (`None` = unbound).
#[derive(Debug, Clone, PartialEq)]
pub struct QueryOutput {
    /// What the query returned: solutions, a boolean (one `ask` cell) or triples
    /// (rows of subject, predicate, object).
    pub kind: ResultKind,
    /// Column names.
    pub variables: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Option<Term>>>,
    /// Whether rows were left out because of [`QueryLimits::max_rows`].
    pub truncated: bool,
}

/// The form of a query's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKind {
    /// SELECT: a table.
    Solutions,
    /// ASK: one boolean.
    Boolean,
    /// CONSTRUCT or DESCRIBE: triples.
    Graph,
}

/// Bounds on one query: a wall-clock timeout and a maximum number of rows read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueryLimits {
    /// Cancel the query after this long.
    pub timeout: Option<Duration>,
    /// Stop reading results after this many rows.
    pub max_rows: Option<usize>,
}

/// The embedded store, with the cross-process lock that guards it (see [`crate::lock`]).
pub struct CadreStore {
    store: Store,
    /// Queries abandoned at their deadline that still run (see [`CadreStore::query`]).
    abandoned: Arc<AtomicUsize>,
    _lock: StoreLock,
}

impl CadreStore {
    /// Opens (or creates) a read-write store in `path`; fails at once when another
    /// process uses it.
    /// process uses it. A new store records [`FORMAT_VERSION`]; an existing one must
    /// declare it ([`StoreError::Format`] otherwise).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let lock = StoreLock::acquire(path, Access::Write)?;
        let store = Store::open(path)?;
        match read_format(path)? {
            Some(FORMAT_VERSION) => {}
            None if store.is_empty()? => {
                std::fs::write(path.join(FORMAT_FILE), format!("{FORMAT_VERSION}\n"))?;
            }
            found => {
                return Err(StoreError::Format {
                    path: path.to_path_buf(),
                    found,
                })
            }
        }
        Ok(Self {
            store,
            abandoned: Arc::default(),
            _lock: lock,
        })
    }

    /// Opens an existing store read-only; fails at once when a writer holds it, and
    /// with [`StoreError::Format`] when it does not declare [`FORMAT_VERSION`].
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let lock = StoreLock::acquire(path, Access::Read)?;
        let found = read_format(path)?;
        if found != Some(FORMAT_VERSION) {
            return Err(StoreError::Format {
                path: path.to_path_buf(),
                found,
            });
        }
        Ok(Self {
            store: Store::open_read_only(path)?,
            abandoned: Arc::default(),
            _lock: lock,
        })
    }

    /// Writes each article's graph, mapped under `curation`, replacing any earlier
    /// version of it; [`load_graphs`](Self::load_graphs) with the mapping done here.
    pub fn ingest(
        &self,
        batch: &[Extraction],
        curation: &Curation,
    ) -> Result<IngestStats, StoreError> {
        self.load_graphs(
            batch
                .iter()
                .map(|x| ArticleGraph::map(x, curation))
                .collect(),
        )
    }

    /// Writes mapped article graphs, replacing any earlier version of each. The
    /// curation graph itself is written by [`record_curation`](Self::record_curation),
    /// after the last batch. An article whose graph the store already holds exactly
    /// is left alone, so re-running an ingest over a grown archive writes only what
    /// is new or changed.
    ///
    /// Earlier versions of the batch's graphs are removed in one transaction, then the
    /// new graphs are written by Oxigraph's bulk loader, whose files are ingested in
    /// one atomic step at commit: the store holds either the whole batch or none of
    /// it (after a crash between the two steps, a replaced article is missing until
    /// the same ingest runs again; it is never half there). The batch is handed to
    /// the loader in two halves, so its two builder threads share the work.
    pub fn load_graphs(&self, batch: Vec<ArticleGraph>) -> Result<IngestStats, StoreError> {
        let mut stats = IngestStats {
            articles: batch.len(),
            ..IngestStats::default()
        };
        // Per article: None when the store lacks its graph, else whether it holds it
        // exactly as mapped now.
        let held = batch
            .iter()
            .map(|a| {
                let graph = NamedNode::new_unchecked(iri::article(&a.id));
                if self.store.contains_named_graph(&graph)? {
                    self.holds_graph(&a.quads).map(Some)
                } else {
                    Ok(None)
                }
            })
            .collect::<Result<Vec<Option<bool>>, StoreError>>()?;
        let mut replaced = Vec::new();
        let mut changed = Vec::with_capacity(batch.len());
        for (a, held) in batch.into_iter().zip(held) {
            match held {
                Some(true) => stats.unchanged += 1,
                Some(false) => {
                    replaced.push(NamedNode::new_unchecked(iri::article(&a.id)));
                    changed.push(a);
                }
                None => changed.push(a),
            }
        }
        if !replaced.is_empty() {
            let mut txn = self.store.start_transaction()?;
            for graph in &replaced {
                txn.remove_named_graph(graph)?;
            }
            txn.commit()?;
        }
        let mut seen = std::collections::HashSet::new();
        let reference: Vec<Quad> = changed
            .iter()
            .flat_map(|a| &a.reference)
            .filter(|q| seen.insert(*q))
            .cloned()
            .collect();
        stats.quads = changed.iter().map(|a| a.quads.len()).sum::<usize>() + reference.len();
        let half = changed.len() / 2;
        let mut loader = self.store.bulk_loader().with_num_threads(2);
        let mut graphs = changed.into_iter();
        let mut first: Vec<Quad> = graphs.by_ref().take(half).flat_map(|a| a.quads).collect();
        first.extend(reference);
        loader.load_quads(first)?;
        loader.load_quads(graphs.flat_map(|a| a.quads))?;
        loader.commit()?;
        Ok(stats)
    }

    /// Makes the reference graph that of the gazetteer and `curation`: when it does
    /// not carry [`Curation::reference_digest`] as its one digest (a batch was
    /// ingested under another gazetteer, roles table or curation), rebuilds it in one
    /// transaction from the places the article graphs locate bodies in and the roles
    /// they name. Returns whether it did.
    /// Batches add the facts of the places and roles they name as they load
    /// ([`load_graphs`](Self::load_graphs)), so an ingest under an unchanged gazetteer
    /// and curation writes each fact once and rebuilds nothing.
    pub fn refresh_reference(&self, curation: &Curation) -> Result<bool, StoreError> {
        let graph = NamedNode::new_unchecked(iri::reference_graph());
        let digest = NamedNode::new_unchecked(iri::term("contentDigest"));
        let mut stored = Vec::new();
        for q in self.store.quads_for_pattern(
            Some(graph.as_ref().into()),
            Some(digest.as_ref()),
            None,
            Some(graph.as_ref().into()),
        ) {
            stored.push(q?.object);
        }
        let expected = curation.reference_digest();
        let current = matches!(stored.as_slice(), [Term::Literal(l)] if l.value() == expected);
        if current || stored.is_empty() && self.article_count()? == 0 {
            return Ok(false);
        }
        let referenced = self.referenced(&graph)?;
        let mut txn = self.store.start_transaction()?;
        txn.remove_named_graph(&graph)?;
        for q in curation.reference_quads(&referenced) {
            txn.insert(&q);
        }
        txn.commit()?;
        Ok(true)
    }

    /// What the article graphs name that the reference graph (`graph`) describes
    /// ([`crate::mapping::Referenced`]): the objects of `cadre:locatedIn` and
    /// `cadre:role`, and the bodies located in a place the 2025 reform changed, with
    /// their organisation and kind.
    fn referenced(&self, graph: &NamedNode) -> Result<crate::mapping::Referenced, StoreError> {
        let mut quads = Vec::new();
        for predicate in ["locatedIn", "role", "orgName", "bodyKind"] {
            let predicate = NamedNode::new_unchecked(iri::term(predicate));
            for q in self
                .store
                .quads_for_pattern(None, Some(predicate.as_ref()), None, None)
            {
                let q = q?;
                if q.graph_name != graph.as_ref().into() {
                    quads.push(q);
                }
            }
        }
        Ok(crate::mapping::referenced(&quads))
    }

    /// Merges the store's files: a full compaction of every index (Oxigraph's
    /// `optimize`). Each bulk-loaded batch lands as new files over the whole key
    /// range, which RocksDB's background compaction cannot merge as fast as a large
    /// ingest adds them; every look-up then probes each file. Compacting once after
    /// such an ingest makes queries several times faster (40x at 100k articles, see
    /// BENCHMARKS.md) and the store smaller. It rewrites the store, so it takes time in
    /// proportion to its size: [`worth_compacting`] says when an ingest should pay it.
    pub fn compact(&self) -> Result<(), StoreError> {
        Ok(self.store.optimize()?)
    }

    /// Whether the store already holds the article graph `quads` exactly: it holds
    /// their content digest (the last quad, see [`crate::mapping::with_digest`]), and
    /// graphs are only ever written whole. An article ingested again unchanged is then
    /// left alone: one look-up instead of a removal and a load.
    fn holds_graph(&self, quads: &[Quad]) -> Result<bool, StoreError> {
        let digest = iri::term("contentDigest");
        match quads.last() {
            Some(q) if q.predicate.as_str() == digest => Ok(self.store.contains(q)?),
            _ => Ok(false),
        }
    }

    /// The quads of the curation graph the store holds.
    fn stored_curation(&self) -> Result<Vec<Quad>, StoreError> {
        let graph = NamedNode::new_unchecked(Curation::graph_iri());
        self.store
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Whether the store was built with `curation` (the same rules, lines and notes).
    pub fn curation_matches(&self, curation: &Curation) -> Result<bool, StoreError> {
        let sorted = |quads: Vec<Quad>| {
            let mut lines: Vec<String> = quads.iter().map(Quad::to_string).collect();
            lines.sort();
            lines
        };
        Ok(sorted(self.stored_curation()?) == sorted(curation.graph_quads()))
    }

    /// Before an ingest of the articles `ids` under `curation`: fails when a rule
    /// changed since the store's curation was recorded and an article graph outside
    /// `ids` depends on it (it cites a changed or removed rule, or holds the node of a
    /// new one), so the store never mixes two curations.
    pub fn check_curation(&self, curation: &Curation, ids: &[&str]) -> Result<(), StoreError> {
        let diff = curation.diff(&self.stored_curation()?);
        if diff.is_empty() {
            return Ok(());
        }
        let batch: std::collections::HashSet<String> =
            ids.iter().map(|id| iri::article(id)).collect();
        let curation_graph = Curation::graph_iri();
        // The reference graph is rebuilt under the new curation by
        // `refresh_reference`, so it never makes an ingest stale.
        let reference_graph = iri::reference_graph();
        let mut stale = std::collections::BTreeSet::new();
        let mut keep = |graph: oxigraph::model::GraphName| {
            if let oxigraph::model::GraphName::NamedNode(g) = graph {
                if g.as_str() != curation_graph
                    && g.as_str() != reference_graph
                    && !batch.contains(g.as_str())
                {
                    let id = g.as_str().rsplit('/').next().unwrap_or_default();
                    stale.insert(id.to_string());
                }
            }
        };
        let curated_by = NamedNode::new_unchecked(iri::term("curatedBy"));
        for old in &diff.removed {
            let rule: Term = NamedNode::new_unchecked(old).into();
            for q in self.store.quads_for_pattern(
                None,
                Some(curated_by.as_ref()),
                Some(rule.as_ref()),
                None,
            ) {
                keep(q?.graph_name);
            }
        }
        let persons = if diff.added.iter().any(|r| r.names_a_person()) {
            self.person_nodes()?
        } else {
            Vec::new()
        };
        for rule in &diff.added {
            let only = (rule.action == crate::curation::Action::Split)
                .then(|| NamedNode::new_unchecked(iri::article(&rule.object)));
            let mut nodes = vec![rule.node()];
            if rule.names_a_person() {
                nodes.extend(persons.iter().filter(|p| rule.applies_to(p)).cloned());
            }
            for node in nodes {
                let node = NamedNode::new_unchecked(node);
                for q in self.store.quads_for_pattern(
                    Some(node.as_ref().into()),
                    None,
                    None,
                    only.as_ref().map(|g| g.as_ref().into()),
                ) {
                    keep(q?.graph_name);
                }
            }
        }
        if stale.is_empty() {
            return Ok(());
        }
        let mut changed: Vec<String> = diff
            .added
            .iter()
            .map(|r| format!("line {}", r.line))
            .collect();
        if changed.len() < diff.removed.len() {
            changed.push(format!("{} rule(s) removed or changed", diff.removed.len()));
        }
        Err(StoreError::StaleCuration {
            rules: changed.join(", "),
            articles: stale.into_iter().collect(),
        })
    }

    /// The IRIs of every person node, sorted.
    fn person_nodes(&self) -> Result<Vec<String>, StoreError> {
        let rdf_type = NamedNode::new_unchecked(iri::RDF_TYPE);
        let person: Term = NamedNode::new_unchecked(iri::term("Person")).into();
        let mut nodes = std::collections::BTreeSet::new();
        for q in
            self.store
                .quads_for_pattern(None, Some(rdf_type.as_ref()), Some(person.as_ref()), None)
        {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = q?.subject {
                nodes.insert(n.into_string());
            }
        }
        Ok(nodes.into_iter().collect())
    }

    /// Replaces the curation graph with `curation`'s in one transaction, when it
    /// differs; returns whether it did.
    pub fn record_curation(&self, curation: &Curation) -> Result<bool, StoreError> {
        if self.curation_matches(curation)? {
            return Ok(false);
        }
        let graph = NamedNode::new_unchecked(Curation::graph_iri());
        let mut txn = self.store.start_transaction()?;
        txn.remove_named_graph(&graph)?;
        for q in curation.graph_quads() {
            txn.insert(&q);
        }
        txn.commit()?;
        Ok(true)
    }

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Runs a SELECT, ASK, CONSTRUCT or DESCRIBE query over the union of all article
    /// graphs without limits; see [`CadreStore::query`].
    pub fn select(
        &self,
        sparql: &str,
        params: &[(String, Term)],
    ) -> Result<QueryOutput, StoreError> {
        self.query(sparql, params, &QueryLimits::default())
    }

    /// Runs a query over the union of all article graphs, binding `params` as
    /// variables: the values join the WHERE pattern as a `VALUES` table built from
    /// terms, never spliced into the query text, so a name with quotes or braces
    /// cannot change the query. At most `limits.max_rows` rows are read (`truncated`
    /// says so). `SERVICE` calls to other endpoints are not made.
    ///
    /// With `limits.timeout`, the answer comes within it whatever the query does:
    /// Oxigraph checks its cancellation only between solutions, so the query runs on
    /// a worker thread that is cancelled and abandoned at the deadline (it stops at
    /// its next solution). At most [`MAX_ABANDONED`] abandoned workers run at once;
    /// beyond that a query with a timeout is refused ([`StoreError::Busy`]) until
    /// one of them ends.
    pub fn query(
        &self,
        sparql: &str,
        params: &[(String, Term)],
        limits: &QueryLimits,
    ) -> Result<QueryOutput, StoreError> {
        let parsed = spargebra::SparqlParser::new()
            .parse_query(sparql)
            .map_err(|e| StoreError::Syntax(SyntaxError::new(sparql, &e.to_string())))?;
        let query = bind_params(parsed, params);
        let Some(timeout) = limits.timeout else {
            return evaluate(&self.store, query, limits, &CancellationToken::new());
        };
        let running = self.abandoned.load(Ordering::SeqCst);
        if running >= MAX_ABANDONED {
            return Err(StoreError::Busy(running));
        }
        let token = CancellationToken::new();
        let state = Arc::new(AtomicU8::new(RUNNING));
        let (send, receive) = mpsc::channel();
        let worker = {
            let (store, token, state, abandoned, limits) = (
                self.store.clone(),
                token.clone(),
                Arc::clone(&state),
                Arc::clone(&self.abandoned),
                *limits,
            );
            move || {
                let result = evaluate(&store, query, &limits, &token);
                // Release the store before answering: once answered, the process may
                // exit, and RocksDB must not be closing on this thread meanwhile.
                drop(store);
                let finished =
                    state.compare_exchange(RUNNING, DONE, Ordering::SeqCst, Ordering::SeqCst);
                if finished.is_err() {
                    abandoned.fetch_sub(1, Ordering::SeqCst);
                }
                let _ = send.send(result);
            }
        };
        std::thread::Builder::new()
            .name("cadre-query".into())
            .spawn(worker)?;
        match receive.recv_timeout(timeout) {
            Ok(result) => result,
            Err(_) => {
                token.cancel();
                self.abandoned.fetch_add(1, Ordering::SeqCst);
                let gave_up =
                    state.compare_exchange(RUNNING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst);
                if gave_up.is_err() {
                    // The worker finished in the meantime: nothing is left running.
                    self.abandoned.fetch_sub(1, Ordering::SeqCst);
                }
                Err(StoreError::Timeout(timeout))
            }
        }
    }

    /// How many queries abandoned at their deadline are still running.
    pub fn abandoned_queries(&self) -> usize {
        self.abandoned.load(Ordering::SeqCst)
    }

    /// Runs a SPARQL Update as one transaction (for an endpoint started writable).
    pub fn update(&self, sparql: &str) -> Result<(), StoreError> {
        let parsed = spargebra::SparqlParser::new()
            .parse_update(sparql)
            .map_err(|e| StoreError::Syntax(SyntaxError::new(sparql, &e.to_string())))?;
        SparqlEvaluator::new()
            .for_update(parsed)
            .on_store(&self.store)
            .execute()
            .map_err(|e| StoreError::Update(e.to_string()))
    }

    /// The IRIs of the named graphs (one per article), sorted.
    pub fn graph_names(&self) -> Result<Vec<NamedNode>, StoreError> {
        let mut names = Vec::new();
        for g in self.store.named_graphs() {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = g? {
                names.push(n);
            }
        }
        names.sort();
        Ok(names)
    }

    /// The triples of one named graph as N-Triples, sorted: the body of a Graph Store
    /// Protocol PUT (every engine reads it, and no prefixed name can be misread).
    pub fn graph_ntriples(&self, graph: &NamedNode) -> Result<Vec<u8>, StoreError> {
        let mut triples: Vec<oxigraph::model::Triple> = Vec::new();
        for quad in self
            .store
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        {
            triples.push(quad?.into());
        }
        triples.sort_by_cached_key(|t| t.to_string());
        let mut writer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        for t in &triples {
            writer.serialize_triple(t)?;
        }
        Ok(writer.finish()?)
    }

    /// The quads of one graph (a named graph, or the default graph for `None`),
    /// streamed in index order: for readers that load the whole store into memory
    /// (the web pages' graph), a share of the graphs per thread, without holding the
    /// results of a query over all of it at once.
    pub fn graph_quads<'a>(
        &'a self,
        graph: Option<&'a NamedNode>,
    ) -> impl Iterator<Item = Result<Quad, StoreError>> + 'a {
        let name = match graph {
            Some(g) => GraphNameRef::from(g.as_ref()),
            None => GraphNameRef::DefaultGraph,
        };
        self.store
            .quads_for_pattern(None, None, None, Some(name))
            .map(|q| q.map_err(StoreError::from))
    }

    /// Every quad of the store as sorted N-Quads lines: a canonical dump whose bytes
    /// depend only on the content.
    pub fn sorted_nquads(&self) -> Result<String, StoreError> {
        let mut lines: Vec<String> = Vec::new();
        for quad in self.store.iter() {
            lines.push(format!("{} .\n", quad?));
        }
        lines.sort();
        Ok(lines.concat())
    }

    /// Writes the store in an RDF dataset format (N-Quads, TriG).
    pub fn dump(&self, format: RdfFormat, out: impl Write) -> Result<(), StoreError> {
        self.store
            .dump_to_writer(RdfSerializer::from_format(format), out)
            .map_err(|e| StoreError::Serialize(e.to_string()))?;
        Ok(())
    }

    /// Writes the union of all article graphs as Turtle (each triple once, sorted),
    /// with the `cadre:` and `rdfs:` prefixes: the knowledge graph without provenance
    /// graphs, for tools that read triples only.
    pub fn dump_union_turtle(&self, out: impl Write) -> Result<(), StoreError> {
        let mut triples = std::collections::BTreeMap::new();
        for quad in self.store.iter() {
            let triple = oxigraph::model::Triple::from(quad?);
            triples.insert(triple.to_string(), triple);
        }
        let serializer = RdfSerializer::from_format(RdfFormat::Turtle)
            .with_prefix("cadre", iri::ONTOLOGY)
            .and_then(|s| s.with_prefix("id", iri::ID))
            .and_then(|s| s.with_prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#"))
            .map_err(|e| StoreError::Serialize(e.to_string()))?;
        let mut writer = serializer.for_writer(out);
        for t in triples.values() {
            writer.serialize_triple(t)?;
        }
        writer.finish()?;
        Ok(())
    }

    /// The quads of the named graphs (articles and curation) with this predicate, and
    /// this object when one is given, as (subject, object, graph): one sequential scan
    /// of Oxigraph's predicate–object–subject–graph index, in that index's order (by
    /// the stored encoding of the object, then of the subject, then of the graph),
    /// which is the order in which SPARQL evaluation meets the same pattern. Only the
    /// subject, the graph and an object not given are decoded. Projections read the
    /// store this way and join in memory instead of joining in SPARQL.
    pub fn quads_with_predicate<'a>(
        &'a self,
        predicate: NamedNodeRef<'_>,
        object: Option<NamedNodeRef<'a>>,
    ) -> Result<impl Iterator<Item = Result<[Term; 3], StoreError>> + 'a, StoreError> {
        let pattern = match object {
            Some(o) => format!("SELECT ?s ?g WHERE {{ GRAPH ?g {{ ?s {predicate} {o} }} }}"),
            None => format!("SELECT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s {predicate} ?o }} }}"),
        };
        let QueryResults::Solutions(solutions) = SparqlEvaluator::new()
            .parse_query(&pattern)
            .map_err(|e| StoreError::Syntax(SyntaxError::new(&pattern, &e.to_string())))?
            .on_store(&self.store)
            .execute()?
        else {
            unreachable!("a SELECT query gives solutions");
        };
        Ok(solutions.map(move |solution| {
            let solution = solution?;
            let mut values = solution.values().iter();
            let mut next = || {
                values.next().cloned().flatten().ok_or_else(|| {
                    StoreError::Evaluation(QueryEvaluationError::Unexpected(
                        "a variable of a quad pattern is unbound".into(),
                    ))
                })
            };
            let subject = next()?;
            let object = match object {
                Some(o) => Term::from(o.into_owned()),
                None => next()?,
            };
            Ok([subject, object, next()?])
        }))
    }

    /// Number of article graphs (named graphs other than the curation and reference
    /// graphs).
    pub fn article_count(&self) -> Result<usize, StoreError> {
        let (curation, reference) = (Curation::graph_iri(), iri::reference_graph());
        let mut n = 0;
        for g in self.store.named_graphs() {
            if !matches!(g?, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str() == curation || n.as_str() == reference)
            {
                n += 1;
            }
        }
        Ok(n)
    }
}

/// `query` with its WHERE pattern replaced by `f(pattern)`, whatever its form.
fn map_pattern(
    query: spargebra::Query,
    f: impl FnOnce(spargebra::algebra::GraphPattern) -> spargebra::algebra::GraphPattern,
) -> spargebra::Query {
    use spargebra::Query;
    match query {
        Query::Select {
            dataset,
            pattern,
            base_iri,
        } => Query::Select {
            dataset,
            pattern: f(pattern),
            base_iri,
        },
        Query::Construct {
            template,
            dataset,
            pattern,
            base_iri,
        } => Query::Construct {
            template,
            dataset,
            pattern: f(pattern),
            base_iri,
        },
        Query::Describe {
            dataset,
            pattern,
            base_iri,
        } => Query::Describe {
            dataset,
            pattern: f(pattern),
            base_iri,
        },
        Query::Ask {
            dataset,
            pattern,
            base_iri,
        } => Query::Ask {
            dataset,
            pattern: f(pattern),
            base_iri,
        },
    }
}

/// A term pattern with a parameter variable replaced by the parameter's value.
fn substitute_term(
    term: spargebra::term::TermPattern,
    params: &[(String, Term)],
) -> spargebra::term::TermPattern {
    use spargebra::term::TermPattern;
    let TermPattern::Variable(v) = &term else {
        return term;
    };
    match params.iter().find(|(name, _)| name == v.as_str()) {
        Some((_, Term::NamedNode(n))) => TermPattern::NamedNode(n.clone()),
        Some((_, Term::Literal(l))) => TermPattern::Literal(l.clone()),
        _ => term,
    }
}

/// Replaces parameters in every triple pattern and path of `pattern`, recursively.
fn substitute_pattern(
    pattern: spargebra::algebra::GraphPattern,
    params: &[(String, Term)],
) -> spargebra::algebra::GraphPattern {
    use spargebra::algebra::GraphPattern;
    let sub = |inner: Box<GraphPattern>| Box::new(substitute_pattern(*inner, params));
    match pattern {
        GraphPattern::Bgp { patterns } => GraphPattern::Bgp {
            patterns: patterns
                .into_iter()
                .map(|t| spargebra::term::TriplePattern {
                    subject: substitute_term(t.subject, params),
                    predicate: t.predicate,
                    object: substitute_term(t.object, params),
                })
                .collect(),
        },
        GraphPattern::Path {
            subject,
            path,
            object,
        } => GraphPattern::Path {
            subject: substitute_term(subject, params),
            path,
            object: substitute_term(object, params),
        },
        GraphPattern::Join { left, right } => GraphPattern::Join {
            left: sub(left),
            right: sub(right),
        },
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => GraphPattern::LeftJoin {
            left: sub(left),
            right: sub(right),
            expression,
        },
        GraphPattern::Lateral { left, right } => GraphPattern::Lateral {
            left: sub(left),
            right: sub(right),
        },
        GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
            expr,
            inner: sub(inner),
        },
        GraphPattern::Union { left, right } => GraphPattern::Union {
            left: sub(left),
            right: sub(right),
        },
        GraphPattern::Graph { name, inner } => GraphPattern::Graph {
            name,
            inner: sub(inner),
        },
        GraphPattern::Extend {
            inner,
            variable,
            expression,
        } => GraphPattern::Extend {
            inner: sub(inner),
            variable,
            expression,
        },
        GraphPattern::Minus { left, right } => GraphPattern::Minus {
            left: sub(left),
            right: sub(right),
        },
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
            inner: sub(inner),
            expression,
        },
        GraphPattern::Project { inner, variables } => GraphPattern::Project {
            inner: sub(inner),
            variables,
        },
        GraphPattern::Distinct { inner } => GraphPattern::Distinct { inner: sub(inner) },
        GraphPattern::Reduced { inner } => GraphPattern::Reduced { inner: sub(inner) },
        GraphPattern::Slice {
            inner,
            start,
            length,
        } => GraphPattern::Slice {
            inner: sub(inner),
            start,
            length,
        },
        GraphPattern::Group {
            inner,
            variables,
            aggregates,
        } => GraphPattern::Group {
            inner: sub(inner),
            variables,
            aggregates,
        },
        GraphPattern::Service {
            name,
            inner,
            silent,
        } => GraphPattern::Service {
            name,
            inner: sub(inner),
            silent,
        },
        values @ GraphPattern::Values { .. } => values,
    }
}

/// The layout of the graphs a store holds (IRIs, graphs, properties). Bump it when
/// that layout changes, so stores made before say so instead of answering wrongly.
/// 2: evidence cites `cadre:Sentence` nodes; places and 2025 change events live in
/// the reference graph. 3: roles (class, label, key) live in the reference graph.
/// 4: articles, posts, holdings, person links and bodies state no implied
/// `rdf:type`. 5: an evidence span is one `cadre:span` literal ("start-end").
/// 6: bodies state no class either. 7: nor do documents. 8: a body's 2025 change
/// event and successor bodies live in the reference graph. 9: the graph names a
/// fact's article (no `cadre:mentionedIn`, `citedIn`, `reportedIn`, `inArticle`);
/// a holding's date is its article's and its role and body are its post's (no
/// `cadre:attestedOn`, `organisation` or `role` on holdings).
pub const FORMAT_VERSION: u32 = 9;

/// The file beside the store's data that holds its [`FORMAT_VERSION`].
pub const FORMAT_FILE: &str = "cadre-format";

/// What the data files of the store in `path` are, as text: one line per file
/// (name, size, modification time in nanoseconds), sorted, leaving out cadre's own
/// files (their names start with `cadre`) and RocksDB's info logs and lock. Every
/// write to the store adds to a log or writes new files, so a cache built from the
/// store stays valid exactly while this text is the same.
pub fn content_stamp(path: &Path) -> Result<String, StoreError> {
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("cadre") || name.starts_with("LOG") || name == "LOCK" {
            continue;
        }
        let meta = entry.metadata()?;
        let modified = meta
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        lines.push(format!("{name} {} {modified}", meta.len()));
    }
    lines.sort();
    Ok(lines.join("\n"))
}

/// The format a store folder declares: `None` when it has no format file (a store
/// made before formats were recorded, or a new folder); an unreadable number counts
/// as none.
fn read_format(path: &Path) -> Result<Option<u32>, StoreError> {
    match std::fs::read_to_string(path.join(FORMAT_FILE)) {
        Ok(text) => Ok(text.trim().parse().ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// States of a query worker: running, finished (its answer was sent), abandoned at
/// its deadline (it then releases its place in [`CadreStore::abandoned_queries`]).
const RUNNING: u8 = 0;
const DONE: u8 = 1;
const ABANDONED: u8 = 2;

/// How many queries abandoned at their deadline may still run before queries with a
/// timeout are refused: each holds a core until Oxigraph reaches its next solution.
pub const MAX_ABANDONED: usize = 2;

/// Evaluates a parsed query on `store` over the union of its graphs, reading at most
/// `limits.max_rows` rows; `token` cancels it.
fn evaluate(
    store: &Store,
    query: spargebra::Query,
    limits: &QueryLimits,
    token: &CancellationToken,
) -> Result<QueryOutput, StoreError> {
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .for_query(query);
    prepared.dataset_mut().set_default_graph_as_union();
    let timed_out = |e: QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled => StoreError::Timeout(limits.timeout.unwrap_or_default()),
        other => StoreError::Evaluation(other),
    };
    let max = limits.max_rows.unwrap_or(usize::MAX);
    let mut truncated = false;
    match prepared.on_store(store).execute().map_err(timed_out)? {
        QueryResults::Solutions(solutions) => {
            let variables: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            let mut rows = Vec::new();
            for solution in solutions {
                if rows.len() == max {
                    truncated = true;
                    break;
                }
                let solution = solution.map_err(timed_out)?;
                rows.push(
                    variables
                        .iter()
                        .map(|v| solution.get(v.as_str()).cloned())
                        .collect(),
                );
            }
            Ok(QueryOutput {
                kind: ResultKind::Solutions,
                variables,
                rows,
                truncated,
            })
        }
        QueryResults::Boolean(b) => Ok(QueryOutput {
            kind: ResultKind::Boolean,
            variables: vec!["ask".into()],
            rows: vec![vec![Some(Literal::from(b).into())]],
            truncated,
        }),
        QueryResults::Graph(triples) => {
            let mut rows = Vec::new();
            for t in triples {
                if rows.len() == max {
                    truncated = true;
                    break;
                }
                let t = t.map_err(timed_out)?;
                rows.push(vec![
                    Some(t.subject.into()),
                    Some(t.predicate.into()),
                    Some(t.object),
                ]);
            }
            Ok(QueryOutput {
                kind: ResultKind::Graph,
                variables: vec!["subject".into(), "predicate".into(), "object".into()],
                rows,
                truncated,
            })
        }
    }
}

/// Binds `params` into the algebra of `query` (the semantics of SPARQL SEP-0007):
/// every triple pattern and path that uses a parameter gets its value as a constant,
/// and a one-row `VALUES` table joined below projection, ordering, grouping, BIND and
/// FILTER keeps the variable bound for expressions and results. The constants matter:
/// Oxigraph plans joins from the patterns' shapes, and a pattern with a constant
/// object is planned as the index lookup it is.
fn bind_params(query: spargebra::Query, params: &[(String, Term)]) -> spargebra::Query {
    use spargebra::algebra::GraphPattern;
    use spargebra::term::GroundTerm;
    if params.is_empty() {
        return query;
    }
    let query = map_pattern(query, |pattern| substitute_pattern(pattern, params));
    let variables: Vec<Variable> = params
        .iter()
        .map(|(n, _)| Variable::new_unchecked(n.clone()))
        .collect();
    let row: Vec<Option<GroundTerm>> = params
        .iter()
        .map(|(_, t)| match t {
            Term::NamedNode(n) => Some(GroundTerm::NamedNode(n.clone())),
            Term::Literal(l) => Some(GroundTerm::Literal(l.clone())),
            _ => None,
        })
        .collect();
    let values = GraphPattern::Values {
        variables,
        bindings: vec![row],
    };
    fn wrap(p: GraphPattern, values: GraphPattern) -> GraphPattern {
        let boxed = |inner: Box<GraphPattern>| Box::new(wrap(*inner, values.clone()));
        match p {
            GraphPattern::Project { inner, variables } => GraphPattern::Project {
                inner: boxed(inner),
                variables,
            },
            GraphPattern::Distinct { inner } => GraphPattern::Distinct {
                inner: boxed(inner),
            },
            GraphPattern::Reduced { inner } => GraphPattern::Reduced {
                inner: boxed(inner),
            },
            GraphPattern::Slice {
                inner,
                start,
                length,
            } => GraphPattern::Slice {
                inner: boxed(inner),
                start,
                length,
            },
            GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
                inner: boxed(inner),
                expression,
            },
            GraphPattern::Group {
                inner,
                variables,
                aggregates,
            } => GraphPattern::Group {
                inner: boxed(inner),
                variables,
                aggregates,
            },
            GraphPattern::Extend {
                inner,
                variable,
                expression,
            } => GraphPattern::Extend {
                inner: boxed(inner),
                variable,
                expression,
            },
            GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
                expr,
                inner: boxed(inner),
            },
            other => GraphPattern::Join {
                left: Box::new(values),
                right: Box::new(other),
            },
        }
    }
    map_pattern(query, |pattern| wrap(pattern, values))
}

/// Writes query results as SPARQL JSON, CSV or TSV (the W3C result formats).
pub fn write_results(
    output: &QueryOutput,
    format: QueryResultsFormat,
    out: impl Write,
) -> Result<(), StoreError> {
    let variables: Vec<Variable> = output
        .variables
        .iter()
        .map(|v| Variable::new_unchecked(v.clone()))
        .collect();
    let mut ser = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(out, variables.clone())?;
    for row in &output.rows {
        ser.serialize(
            variables
                .iter()
                .zip(row)
                .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
        )?;
    }
    ser.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::article_quads;
    use crate::test_support::article;

    fn count(store: &CadreStore) -> usize {
        let out = store
            .select(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                &[],
            )
            .unwrap();
        match &out.rows[0][0] {
            Some(Term::Literal(l)) => l.value().parse().unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn syntax_errors_point_at_line_and_column() {
        let e = SyntaxError::new("SELECT *\nWHERE { ?s ?p }", "error at 2:15: expected ?o");
        assert_eq!((e.line, e.column), (Some(2), Some(15)));
        assert_eq!(
            e.to_string(),
            "at line 2, column 15: expected ?o\nWHERE { ?s ?p }\n              ^"
        );
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        match store.select("SELECT * WHERE { ?s ?p }", &[]) {
            Err(StoreError::Syntax(e)) => assert_eq!((e.line, e.column), (Some(1), Some(25))),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parameters_become_constants_in_patterns_and_stay_bound_in_results() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        store
            .ingest(
                &[article("a", "Nguyễn Văn An"), article("b", "Trần Thị Bình")],
                &Curation::default(),
            )
            .unwrap();
        let key = Term::from(Literal::new_simple_literal("trần thị bình"));
        let out = store
            .select(
                "PREFIX cadre: <https://w3id.org/cadre/ontology#>
                 SELECT ?who ?name WHERE {
                   GRAPH ?g { ?p cadre:key ?who ; cadre:name ?name }
                   FILTER (STRLEN(?who) > 0)
                 }",
                &[("who".to_string(), key.clone())],
            )
            .unwrap();
        assert_eq!(out.rows.len(), 1, "{:?}", out.rows);
        assert_eq!(out.rows[0][0], Some(key));
        assert_eq!(
            out.rows[0][1],
            Some(Term::from(Literal::new_simple_literal("Trần Thị Bình")))
        );
        let parsed = spargebra::SparqlParser::new()
            .parse_query("SELECT * WHERE { ?s ?p ?who }")
            .unwrap();
        let bound = bind_params(
            parsed,
            &[("who".to_string(), Literal::new_simple_literal("x").into())],
        );
        assert!(
            bound.to_string().contains("?s ?p \"x\""),
            "the pattern holds the constant: {bound}"
        );
    }

    #[test]
    fn limits_cut_rows_and_cancel_slow_queries() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        store
            .ingest(
                &[article("a", "Nguyễn Văn An"), article("b", "Trần Thị Bình")],
                &Curation::default(),
            )
            .unwrap();
        let limits = QueryLimits {
            timeout: None,
            max_rows: Some(3),
        };
        let out = store
            .query("SELECT * WHERE { ?s ?p ?o }", &[], &limits)
            .unwrap();
        assert_eq!(out.rows.len(), 3);
        assert!(out.truncated);
        let limits = QueryLimits {
            timeout: Some(Duration::from_millis(50)),
            max_rows: None,
        };
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        assert!(matches!(
            store.query(slow, &[], &limits),
            Err(StoreError::Timeout(_))
        ));
    }

    /// Queries abandoned at their deadline are counted; past [`MAX_ABANDONED`] a
    /// query with a timeout is refused at once, one without runs as before.
    #[test]
    fn abandoned_queries_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        store
            .ingest(
                &[article("a", "Nguyễn Văn An"), article("b", "Trần Thị Bình")],
                &Curation::default(),
            )
            .unwrap();
        let limits = QueryLimits {
            timeout: Some(Duration::from_millis(100)),
            max_rows: None,
        };
        let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }";
        for _ in 0..MAX_ABANDONED {
            let started = std::time::Instant::now();
            assert!(matches!(
                store.query(runaway, &[], &limits),
                Err(StoreError::Timeout(_))
            ));
            assert!(started.elapsed() < Duration::from_millis(600));
        }
        assert_eq!(store.abandoned_queries(), MAX_ABANDONED);
        assert!(matches!(
            store.query("ASK { ?s ?p ?o }", &[], &limits),
            Err(StoreError::Busy(n)) if n == MAX_ABANDONED
        ));
        let out = store
            .query("ASK { ?s ?p ?o }", &[], &QueryLimits::default())
            .unwrap();
        assert_eq!(out.rows[0][0], Some(Literal::from(true).into()));
    }

    /// Two ingests naming one place and one role leave one copy of their facts, in
    /// the reference graph; a new curation rebuilds that graph once.
    #[test]
    fn the_reference_graph_is_written_once_and_rebuilt_under_a_new_curation() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        let curation = Curation::default();
        for name in ["Nguyễn Văn An", "Trần Thị Bình"] {
            store.ingest(&[article(name, name)], &curation).unwrap();
        }
        let labels_of = |node: &str| -> Vec<(String, String)> {
            store
                .select(
                    &format!("SELECT ?g ?l WHERE {{ GRAPH ?g {{ <https://w3id.org/cadre/id/{node}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }} ORDER BY ?g ?l"),
                    &[],
                )
                .unwrap()
                .rows
                .iter()
                .map(|r| match (&r[0], &r[1]) {
                    (Some(Term::NamedNode(g)), Some(Term::Literal(l))) => {
                        (g.as_str().to_string(), l.value().to_string())
                    }
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let labels = || labels_of("place/l020");
        let reference = iri::reference_graph();
        assert_eq!(labels(), [(reference.clone(), "Thanh Trì".to_string())]);
        assert_eq!(
            labels_of("role/bi-thu"),
            [(reference.clone(), "Bí thư".to_string())]
        );
        let successors = || {
            store
                .select(
                    &format!(
                        "SELECT ?b ?n WHERE {{ GRAPH <{reference}> {{ ?b <{}> ?n }} }} ORDER BY ?b ?n",
                        iri::term("succeededBy")
                    ),
                    &[],
                )
                .unwrap()
                .rows
        };
        let before = successors();
        assert!(!before.is_empty(), "Thanh Trì's bodies have successors");
        assert!(!store.refresh_reference(&curation).unwrap());
        let renamed = Curation::parse(
            "action,subject,object,value,note\nrename,id/place/l020,,Huyện Thanh Trì (cũ),\nrename,id/role/bi-thu,,Bí thư (cấp ủy),\n",
        )
        .unwrap();
        assert!(store.refresh_reference(&renamed).unwrap());
        assert_eq!(
            labels(),
            [(reference.clone(), "Huyện Thanh Trì (cũ)".to_string())]
        );
        assert_eq!(
            labels_of("role/bi-thu"),
            [(reference.clone(), "Bí thư (cấp ủy)".to_string())]
        );
        // A rebuild reads the bodies back from the article graphs.
        assert_eq!(successors(), before);
        assert!(!store.refresh_reference(&renamed).unwrap());
        assert!(store.refresh_reference(&curation).unwrap());
        assert_eq!(
            labels_of("role/bi-thu"),
            [(reference, "Bí thư".to_string())]
        );
    }

    /// An article ingested again unchanged is left alone; a changed one replaces its
    /// earlier graph, which leaves nothing behind.
    #[test]
    fn the_content_stamp_changes_with_the_data_and_not_with_reading_or_cadre_files() {
        let dir = tempfile::tempdir().unwrap();
        let curation = Curation::default();
        {
            let store = CadreStore::open(dir.path()).unwrap();
            store
                .ingest(&[article("a", "Nguyễn Văn An")], &curation)
                .unwrap();
        }
        let stamp = content_stamp(dir.path()).unwrap();
        assert!(stamp.lines().any(|l| l.starts_with("CURRENT ")), "{stamp}");
        assert!(
            !stamp.contains("cadre"),
            "cadre's own files are left out: {stamp}"
        );
        {
            let store = CadreStore::open_read_only(dir.path()).unwrap();
            assert!(count(&store) > 0);
        }
        std::fs::write(dir.path().join("cadre-pages.bin"), "a cache").unwrap();
        assert_eq!(content_stamp(dir.path()).unwrap(), stamp);
        {
            let store = CadreStore::open(dir.path()).unwrap();
            store
                .ingest(&[article("b", "Trần Thị Bình")], &curation)
                .unwrap();
        }
        assert_ne!(content_stamp(dir.path()).unwrap(), stamp);
    }

    #[test]
    fn unchanged_articles_are_skipped_and_changed_ones_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        let curation = Curation::default();
        let first = store
            .ingest(&[article("a", "Nguyễn Văn An")], &curation)
            .unwrap();
        assert_eq!((first.articles, first.unchanged), (1, 0));
        let n = count(&store);
        assert_eq!(first.quads, n);
        let again = store
            .ingest(&[article("a", "Nguyễn Văn An")], &curation)
            .unwrap();
        assert_eq!((again.articles, again.unchanged, again.quads), (1, 1, 0));
        assert_eq!(count(&store), n);
        let changed = store
            .ingest(&[article("a", "Trần Thị Bình")], &curation)
            .unwrap();
        assert_eq!((changed.unchanged, changed.quads), (0, count(&store)));
        let names = store
            .select(
                "PREFIX cadre: <https://w3id.org/cadre/ontology#>
                 SELECT ?name WHERE { GRAPH ?g { ?p cadre:name ?name } }",
                &[],
            )
            .unwrap();
        assert_eq!(
            names.rows,
            vec![vec![Some(Term::from(Literal::new_simple_literal(
                "Trần Thị Bình"
            )))]]
        );
    }

    /// Compaction rewrites the store's files, never its content; an ingest pays it
    /// only when it wrote a quarter of the store or more.
    #[test]
    fn compaction_keeps_every_quad_and_follows_ingest_size() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        for i in 0..4 {
            store
                .ingest(
                    &[article(&format!("a{i}"), "Nguyễn Văn An")],
                    &Curation::default(),
                )
                .unwrap();
        }
        let dump = |store: &CadreStore| {
            let mut out = Vec::new();
            store.dump(RdfFormat::NQuads, &mut out).unwrap();
            let mut lines: Vec<String> = String::from_utf8(out)
                .unwrap()
                .lines()
                .map(str::to_string)
                .collect();
            lines.sort();
            lines
        };
        let before = dump(&store);
        assert!(!before.is_empty());
        store.compact().unwrap();
        assert_eq!(dump(&store), before);
        assert!(worth_compacting(100_000, 100_000));
        assert!(worth_compacting(25, 100));
        assert!(!worth_compacting(24, 100));
        assert!(!worth_compacting(200, 100_200));
        assert!(!worth_compacting(0, 0));
    }

    /// The digest does not depend on quad order and changes with any quad.
    #[test]
    fn content_digest_is_order_free_and_sensitive() {
        let quads = crate::mapping::mapped_quads(&article("a", "Nguyễn Văn An"));
        let digest = |q: Vec<Quad>| {
            let with = crate::mapping::with_digest("a", q);
            with.last().unwrap().object.to_string()
        };
        let mut reversed = quads.clone();
        reversed.reverse();
        assert_eq!(digest(quads.clone()), digest(reversed));
        let mut fewer = quads.clone();
        fewer.pop();
        assert_ne!(digest(quads), digest(fewer));
    }

    /// Queries running while another thread ingests see either the store before a
    /// batch or after it, never a part of a batch.
    #[test]
    fn concurrent_queries_see_whole_batches() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        let batches: Vec<Vec<Extraction>> = (0..20)
            .map(|i| {
                (0..5)
                    .map(|j| article(&format!("a{i}-{j}"), "Nguyễn Văn An"))
                    .collect()
            })
            .collect();
        let per_batch: usize = batches[0].iter().map(|x| article_quads(x).len()).sum();
        assert!(per_batch > 0);
        // The reference graph, written with the first batch (its articles name the
        // same places).
        let reference = ArticleGraph::map(&batches[0][0], &Curation::default())
            .reference
            .len();
        assert!(reference > 1);
        std::thread::scope(|scope| {
            let writer = scope.spawn(|| {
                for b in &batches {
                    store.ingest(b, &Curation::default()).unwrap();
                }
            });
            let readers: Vec<_> = (0..2)
                .map(|_| {
                    scope.spawn(|| {
                        let mut seen = Vec::new();
                        for _ in 0..40 {
                            seen.push(count(&store));
                        }
                        seen
                    })
                })
                .collect();
            writer.join().unwrap();
            for r in readers {
                for n in r.join().unwrap() {
                    assert!(
                        n == 0 || (n - reference).is_multiple_of(per_batch),
                        "a query saw {n} quads, part of a batch"
                    );
                }
            }
        });
        assert_eq!(count(&store), per_batch * 20 + reference);
    }
}
