//! The knowledge graph: IRIs of the cadre ontology, the mapping of an article's
//! extraction to RDF quads in the article's own named graph (with the 2025 reform's
//! change events and the curation file applied), explanations of how nodes were
//! resolved, and the embedded Oxigraph store (ingest, query, dump).

pub mod curation;
pub mod explain;
pub mod iri;
pub mod lock;
pub mod mapping;
pub mod persons;
pub mod queries;
pub mod reform;
pub mod store;
#[cfg(test)]
mod test_support;

pub use mapping::article_quads;
pub use store::{
    content_stamp, worth_compacting, ArticleGraph, CadreStore, IngestStats, QueryLimits,
    QueryOutput, ResultKind, StoreError, SyntaxError, FORMAT_FILE, FORMAT_VERSION, MAX_ABANDONED,
};
