//! Graph projections of the knowledge graph, network measures, and the writers Gephi
//! (and NetworkX, igraph, Cytoscape) read: GraphML, GEXF 1.3 with time, CSV tables.

mod metrics;
mod project;
mod read;
mod write;

pub use metrics::{compute_metrics, Metrics};
pub use project::{project, Edge, Filter, Node, Projected, Projection};
pub use write::{write_csv, write_gexf, write_graphml};

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
