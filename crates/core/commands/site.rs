//! `cadre site`: the pages of `cadre serve` written as a static site.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::store;

/// Writes the site of the store at `store_path` into the folder `out`.
pub(crate) fn run(out: &Path, store_path: &Path) -> Result<ExitCode> {
    let handle = store::open_read_only(store_path)?;
    let site = cadre_web::Site::load(&handle).context("loading the pages")?;
    let written = cadre_web::site::write(&site, out)?;
    println!(
        "wrote {} pages and {} CSV tables to {} (open {}/index.html)",
        written.pages,
        written.tables,
        out.display(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
