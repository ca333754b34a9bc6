//! `cadre serve`: the HTML pages and the SPARQL 1.1 Protocol endpoint over one store.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::seconds;
use crate::store;

/// Serves the store at `store_path` on `bind` until interrupted; read-only unless
/// `writable`.
pub(crate) fn run(
    store_path: &Path,
    bind: SocketAddr,
    timeout: f64,
    writable: bool,
) -> Result<ExitCode> {
    let handle = if writable {
        store::open(store_path)?
    } else {
        store::open_read_only(store_path)?
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
                store_path.display(),
                if writable { "read-write" } else { "read-only" }
            );
        },
    )?;
    Ok(ExitCode::SUCCESS)
}
