//! Graph projections of the knowledge graph and the writers Gephi reads.
//!
//! The `kg` projection has one node per person, body, place, meeting, document and
//! term, and typed edges: `holds` (person → body, labelled with the role, weighted by
//! the number of articles), `chaired` (person → meeting), `convened_by`, `located_in`,
//! `part_of`, `issued_by`, `term_of`.

mod project;
mod write;

pub use project::{project_kg, Edge, KgGraph, Node};
pub use write::{write_csv, write_graphml};

use thiserror::Error;

/// Errors of projection and export.
#[derive(Debug, Error)]
pub enum GraphError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] cadre_kg::StoreError),
    /// Writing a file failed.
    #[error("writing export: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
}
