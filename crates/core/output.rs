//! Where command output goes, the skipped-input messages, and the exit code they
//! lead to.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::input::Skipped;

/// A buffered writer to the file `out`, or to standard output when there is none.
pub(crate) fn to_file_or_stdout(out: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

/// Prints one line on standard error per skipped input, with its reason.
pub(crate) fn report(skipped: &[Skipped]) {
    for s in skipped {
        eprintln!("skipped: {}: {}", s.source, s.reason);
    }
}

/// Success, or [`crate::EXIT_SKIPPED`] when some inputs were skipped.
pub(crate) fn exit_for(skipped: &[Skipped]) -> ExitCode {
    if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_SKIPPED)
    }
}
