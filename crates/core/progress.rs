//! Progress bars and spinners on standard error, drawn only when it is a terminal so
//! that logs and pipes stay clean.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar of `len` steps labelled `what`, with rate and time left.
pub(crate) fn bar(len: usize, what: &str) -> ProgressBar {
    let bar = on_terminal(ProgressBar::new(len as u64));
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {msg} [{bar:30}] {pos}/{len} ({per_sec}, eta {eta})",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// A spinner on standard error, with elapsed time, for a step of unknown length.
pub(crate) fn spinner(what: &str) -> ProgressBar {
    let bar = on_terminal(ProgressBar::new_spinner());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("valid template"),
    );
    bar.set_message(what.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// `bar` drawn on standard error when it is a terminal, hidden otherwise.
fn on_terminal(bar: ProgressBar) -> ProgressBar {
    bar.set_draw_target(if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    });
    bar
}
