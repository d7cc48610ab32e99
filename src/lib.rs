//! roster keeps a team workspace's access permissions as code: a folder of TOML
//! files (settings, license tiers, access profiles, members, clients) that it
//! reads, validates and explains.
//!
//! - `cli`: the command line; `commands`: one module per command;
//! - `model`: the workspace as plain types; `access`: effective access (§3);
//! - `store`: finding, reading, editing (typed editors) and writing a workspace; `rules`: validation (§4);
//! - `schema`: the keys of every file, their order and meaning, for all of these;
//!   `json_schema`: the JSON Schemas of the files, generated from it;
//! - `change`: the path every change takes (validate, diff or write), returning a report;
//! - `diag`, `source`: diagnostics and where values came from; `codes`: every code printed;
//! - `render`: one view of each command, shown in every output format (CI's too); `style`: colour;
//! - `error`: errors and exit codes, printed by [`main_with_args`] and nowhere else;
//! - `generate`: the generated workspace of SPEC §7, for benchmarks and tests;
//! - `git`, `diff`: a workspace at a git revision, and who gains or loses access;
//! - `history`: the workspace commit by commit, for `roster log`;
//! - `expect`: the access tests of `tests.toml` (SPEC §8);
//! - `output`: stdout and stderr, where a closed pipe is not a panic; `progress`:
//!   a progress bar on stderr for long work, when stderr is a terminal.

// Every print goes through `output`: `print!` and `eprint!` panic on a closed pipe.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod access;
pub mod analyze;
pub mod change;
pub mod cli;
pub mod codes;
pub mod commands;
pub mod diag;
pub mod diff;
pub mod error;
pub mod expect;
pub mod fxhash;
pub mod generate;
pub mod git;
pub mod history;
pub mod json_schema;
pub mod model;
pub mod output;
pub mod parallel;
pub mod progress;
pub mod render;
pub mod review;
pub mod rules;
pub mod schema;
pub mod separation;
pub mod source;
pub mod store;
pub mod style;
#[cfg(test)]
mod testing;

use std::process::ExitCode;

/// Parses the arguments, runs the command, and maps the result to an exit code.
pub fn main_with_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match cli::parse(args.into_iter().collect()) {
        Ok(cli) => cli,
        Err(cli::ParseError::Clap(e)) => {
            let _ = e.print();
            // clap: 0 for --help and --version, 2 for usage errors.
            return ExitCode::from(e.exit_code() as u8);
        }
        Err(cli::ParseError::Roster(err)) => {
            print_error(&err, style::Paint::for_stderr(style::ColorChoice::Auto));
            return ExitCode::from(err.kind.exit_code());
        }
    };
    let paint = style::Paint::for_stderr(cli.global.color);
    let result = commands::run(cli);
    progress::clear();
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            print_error(&err, paint);
            ExitCode::from(err.kind.exit_code())
        }
    }
}

/// Prints an error to stderr: what it shows first (the diagnostics that
/// caused it, rendered here), then `error[code]: message` and its hints.
/// Every error is printed here and nowhere else: the store and the change
/// layer return theirs.
fn print_error(err: &error::Error, paint: style::Paint) {
    // The message, the hints and the tests quote values from the files and
    // the command line: each is escaped whole, so it stays on its line.
    use render::escape::terminal;
    if let Some(details) = &err.details {
        for item in &details.items {
            match item {
                error::Detail::Text(text) => render::eprint(paint, text),
                error::Detail::Diagnostic { diagnostic, .. } => {
                    let mut text = diagnostic.render(&details.sources, paint);
                    if details.spaced {
                        text.push('\n');
                    }
                    render::eprint(paint, &text);
                }
                error::Detail::FailingTest(test) => {
                    let mut text = format!(
                        "test failed: {}\n  expected: {}\n  actual:   {}\n",
                        terminal(&test.name),
                        terminal(&test.expected),
                        terminal(&test.actual)
                    );
                    for why in &test.why {
                        text.push_str(&format!("  why:      {}\n", terminal(why)));
                    }
                    render::eprint(paint, &text);
                }
            }
        }
    }
    let at = err.at.as_deref().map_or(String::new(), |at| format!("{}: ", terminal(at)));
    let mut text =
        format!("{at}{}: {}\n", paint.apply(paint.error(), &format!("error[{}]", err.code)), terminal(&err.message));
    for hint in &err.hints {
        text.push_str(&format!("  = help: {}\n", terminal(hint)));
    }
    render::eprint(paint, &text);
}
