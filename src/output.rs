//! stdout and stderr: every byte roster prints goes through here, never through
//! `print!` or `eprint!`, which panic when the reader of a pipe has gone
//! (`roster check 2>&1 | head -n1`).
//!
//! A closed pipe is not an error: the reader has what it wanted. The stream is
//! marked closed, later output to it is dropped, and the command runs to its
//! end and exits with its own code. Ending at once with exit 0, as ripgrep
//! does, would turn `check` finding errors, or a refused change, into a
//! success for a script that reads only the first line under `set -o
//! pipefail`; every command's output is bounded, so running to the end costs
//! little.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes data to stdout. A closed pipe drops this and all later output;
/// another failure (a full disk behind `>`) is returned, for exit 6.
pub fn out(text: &str) -> io::Result<()> {
    // A progress bar on the terminal goes first (see `progress`).
    crate::progress::clear();
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}

/// Writes a message to stderr. Nothing is left to report a failure to write
/// stderr on, so any failure silences stderr for the rest of the run.
pub fn err_fmt(args: fmt::Arguments<'_>) {
    crate::progress::clear();
    if STDERR_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut stderr = io::stderr().lock();
    if stderr.write_fmt(args).and_then(|()| stderr.flush()).is_err() {
        STDERR_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// `eprint!` through [`err_fmt`]: never panics.
#[macro_export]
macro_rules! err {
    ($($arg:tt)*) => { $crate::output::err_fmt(format_args!($($arg)*)) };
}

/// `eprintln!` through [`err_fmt`]: never panics.
#[macro_export]
macro_rules! errln {
    () => { $crate::output::err_fmt(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::err_fmt(format_args!("{}\n", format_args!($($arg)*))) };
}
