//! `cadre push`: every article graph to an external store by the SPARQL 1.1 Graph
//! Store Protocol.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::seconds;
use crate::{progress, store};

/// The environment variable that holds the password of `cadre push`.
const PASSWORD_VAR: &str = "CADRE_PUSH_PASSWORD";

/// Pushes the store at `store_path` to the Graph Store endpoint `url`, as `user`
/// (with the password from [`PASSWORD_VAR`]) when one is given.
pub(crate) fn run(
    url: &str,
    user: Option<String>,
    timeout: f64,
    store_path: &Path,
) -> Result<ExitCode> {
    let credentials = match user {
        Some(user) => Some(cadre_protocol::Credentials {
            user,
            password: std::env::var(PASSWORD_VAR)
                .with_context(|| format!("--user is given but {PASSWORD_VAR} is not set"))?,
        }),
        None => None,
    };
    let handle = store::open_read_only(store_path)?;
    let total = handle.article_count()?;
    let bar = progress::bar(total, "push");
    let stats = cadre_protocol::push(
        &handle,
        url,
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
