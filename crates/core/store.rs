//! Opening the store, with the messages a user needs when it is missing or locked.

use std::path::Path;

use anyhow::{bail, Context, Result};
use cadre_kg::CadreStore;

/// Opens (or creates) the store at `path` for writing.
pub(crate) fn open(path: &Path) -> Result<CadreStore> {
    CadreStore::open(path).with_context(|| format!("opening store {}", path.display()))
}

/// Opens the store at `path` for reading; a missing store is an error that says how
/// to make one rather than an empty store.
pub(crate) fn open_read_only(path: &Path) -> Result<CadreStore> {
    if !path.exists() {
        bail!(
            "no store at {} (run cadre ingest first, or pass --store)",
            path.display()
        );
    }
    CadreStore::open_read_only(path).with_context(|| format!("opening store {}", path.display()))
}
