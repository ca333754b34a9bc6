//! The embedded Oxigraph store: whole-article ingest, SPARQL over the union of article
//! graphs, and dumps.
//!
//! Invariants: an article's graph is replaced inside one transaction (never half
//! written); ingesting the same article again leaves the store unchanged.

use std::io::Write;
use std::path::Path;

use cadre_extract::Extraction;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, NamedNode, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator, Variable};
use oxigraph::store::Store;
use thiserror::Error;

use crate::iri;
use crate::mapping::article_quads;

/// Errors of the store layer.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The store could not be opened, read or written.
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// The SPARQL text does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    /// The query failed while running.
    #[error("query failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// Writing results failed.
    #[error("writing results: {0}")]
    Io(#[from] std::io::Error),
    /// Serialising RDF failed.
    #[error("writing RDF: {0}")]
    Serialize(String),
}

/// What one ingest call did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestStats {
    /// Articles whose graph was written.
    pub articles: usize,
    /// Quads written (after the graph replacement).
    pub quads: usize,
}

/// A table of query results: variable names and rows of terms (`None` = unbound).
#[derive(Debug, Clone, PartialEq)]
pub struct QueryOutput {
    /// Column names.
    pub variables: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Option<Term>>>,
}

/// The embedded store.
pub struct CadreStore {
    store: Store,
}

impl CadreStore {
    /// Opens (or creates) a read-write store in `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            store: Store::open(path)?,
        })
    }

    /// Opens an existing store read-only.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            store: Store::open_read_only(path)?,
        })
    }

    /// Writes each article's graph, replacing any earlier version of it, all in one
    /// transaction: either every article of the batch is stored whole or none is.
    pub fn ingest(&self, batch: &[Extraction]) -> Result<IngestStats, StoreError> {
        let mut stats = IngestStats::default();
        let mut txn = self.store.start_transaction()?;
        for x in batch {
            let graph = NamedNode::new_unchecked(iri::article(&x.id));
            txn.remove_named_graph(&graph)?;
            let quads: Vec<Quad> = article_quads(x);
            stats.quads += quads.len();
            stats.articles += 1;
            txn.extend(quads.iter());
        }
        txn.commit()?;
        Ok(stats)
    }

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Runs a SELECT, ASK or CONSTRUCT query over the union of all article graphs,
    /// binding `params` as variables: the values join the WHERE pattern as a `VALUES`
    /// table built from terms, never spliced into the query text, so a name with
    /// quotes or braces cannot change the query.
    pub fn select(
        &self,
        sparql: &str,
        params: &[(String, Term)],
    ) -> Result<QueryOutput, StoreError> {
        let parsed = spargebra::SparqlParser::new().parse_query(sparql)?;
        let mut prepared = SparqlEvaluator::new().for_query(bind_params(parsed, params));
        prepared.dataset_mut().set_default_graph_as_union();
        match prepared.on_store(&self.store).execute()? {
            QueryResults::Solutions(solutions) => {
                let variables: Vec<String> = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution?;
                    rows.push(
                        variables
                            .iter()
                            .map(|v| solution.get(v.as_str()).cloned())
                            .collect(),
                    );
                }
                Ok(QueryOutput { variables, rows })
            }
            QueryResults::Boolean(b) => Ok(QueryOutput {
                variables: vec!["ask".into()],
                rows: vec![vec![Some(Literal::from(b).into())]],
            }),
            QueryResults::Graph(triples) => {
                let mut rows = Vec::new();
                for t in triples {
                    let t = t?;
                    rows.push(vec![
                        Some(t.subject.into()),
                        Some(t.predicate.into()),
                        Some(t.object),
                    ]);
                }
                Ok(QueryOutput {
                    variables: vec!["subject".into(), "predicate".into(), "object".into()],
                    rows,
                })
            }
        }
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

    /// Number of named graphs (articles).
    pub fn article_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for g in self.store.named_graphs() {
            g?;
            n += 1;
        }
        Ok(n)
    }
}

/// Joins a one-row `VALUES` table of `params` into the WHERE pattern of `query`,
/// below projection, ordering, grouping, BIND and FILTER, so filters see the values.
fn bind_params(query: spargebra::Query, params: &[(String, Term)]) -> spargebra::Query {
    use spargebra::algebra::GraphPattern;
    use spargebra::term::GroundTerm;
    if params.is_empty() {
        return query;
    }
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
    match query {
        spargebra::Query::Select {
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Select {
            dataset,
            pattern: wrap(pattern, values),
            base_iri,
        },
        spargebra::Query::Construct {
            template,
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Construct {
            template,
            dataset,
            pattern: wrap(pattern, values),
            base_iri,
        },
        spargebra::Query::Describe {
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Describe {
            dataset,
            pattern: wrap(pattern, values),
            base_iri,
        },
        spargebra::Query::Ask {
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Ask {
            dataset,
            pattern: wrap(pattern, values),
            base_iri,
        },
    }
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
