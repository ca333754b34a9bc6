//! `cadre serve`: the HTML pages and the SPARQL 1.1 Protocol endpoint over one store.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use anyhow::{Context, Result};

use cadre_web::Cached;

use crate::cli::seconds;
use crate::store;

/// The file in the store's folder that keeps the pages' graph between runs
/// (`Site::load_cached`), so that a server started again on an unchanged store reads
/// it instead of the whole store.
pub(crate) const PAGES_CACHE: &str = "cadre-pages.bin";

/// Serves the store at `store_path` on `bind` until interrupted; read-only unless
/// `writable`. SPARQL answers at once; the pages load on a thread beside the server
/// (minutes for a large archive) and answer 503 until then.
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
    let store = Arc::new(handle);
    let site = Arc::new(OnceLock::new());
    let (reader, pages) = (Arc::clone(&store), Arc::clone(&site));
    let cache = store_path.join(PAGES_CACHE);
    let stamp = cadre_kg::content_stamp(store_path)
        .with_context(|| format!("reading the files of {}", store_path.display()))?;
    std::thread::spawn(move || {
        let started = Instant::now();
        match cadre_web::Site::load_cached(&reader, &cache, &stamp) {
            Ok((loaded, cached)) => {
                let _ = pages.set(loaded);
                let how = match cached {
                    Cached::Read => format!("from {}", cache.display()),
                    Cached::Written => format!("kept in {}", cache.display()),
                    Cached::NotWritten(why) => format!("not kept: {why}"),
                };
                eprintln!(
                    "pages ready ({:.1} s; {how})",
                    started.elapsed().as_secs_f64()
                );
            }
            Err(e) => {
                eprintln!("cadre: loading the pages: {e}");
                std::process::exit(1);
            }
        }
    });
    cadre_web::serve(store, site, bind, config, || {
        eprintln!(
            "serving {} at http://{bind}/ (pages, once loaded) and http://{bind}/query (SPARQL; {}; Ctrl-C stops)",
            store_path.display(),
            if writable { "read-write" } else { "read-only" }
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
