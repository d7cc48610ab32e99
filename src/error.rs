//! The one error type: a kind per exit code of SPEC §5, a stable code, a
//! message that says what is wrong and a hint that says what to do next, and
//! what it shows above them (the diagnostics that caused it). Nothing here
//! prints: `main_with_args` prints every error, in one place.

use crate::diag::Diagnostic;
use crate::model::Id;
use crate::source::Sources;
use std::process::ExitCode;

/// What a command that ran to its end reports: success, or a negative answer
/// (`check` found errors, access denied, `fmt --check` would change files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Negative,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Negative => ExitCode::from(1),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 1: the workspace is invalid (the error carries its diagnostics), or a
    /// check a command makes failed (`test --filter`, `diff --max-losing`).
    Invalid,
    /// 2: a usage error.
    Usage,
    /// 3: the change would break a rule; nothing was written.
    Refused,
    /// 4: an unknown member, profile, client, area or tier.
    NotFound,
    /// 5: the acting member may not make this change.
    NotPermitted,
    /// 6: I/O, lock timeout, a file changed on disk, git.
    Environment,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Invalid => 1,
            Kind::Usage => 2,
            Kind::Refused => 3,
            Kind::NotFound => 4,
            Kind::NotPermitted => 5,
            Kind::Environment => 6,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    pub kind: Kind,
    /// Stable kebab-case code printed as `error[code]`.
    pub code: &'static str,
    pub message: String,
    pub hints: Vec<String>,
    /// What is shown above the `error[...]` line (boxed: most errors have none).
    pub details: Option<Box<Details>>,
    /// Where the error arose, printed before it (`line 3: error[not-found]: ...`
    /// for a line of a batch).
    pub at: Option<String>,
}

/// What an error shows above its `error[...]` line, in order: the
/// diagnostics that caused it and lines of text. The diagnostics are
/// rendered when the error is printed, in colour when stderr takes it.
#[derive(Debug, Default)]
pub struct Details {
    /// The files the diagnostics point into: as read, or as a refused change
    /// would have written them.
    pub sources: Sources,
    pub items: Vec<Detail>,
    /// A blank line after each diagnostic (a change's refusal, `diff`), or
    /// none (a workspace that cannot be opened, as `check` lists them).
    pub spaced: bool,
}

#[derive(Debug)]
pub enum Detail {
    /// Text for people: whole lines, values from the files already escaped.
    Text(String),
    /// A diagnostic, with the member whose entry of `members.toml` holds it
    /// when one does (an import names that member's row).
    Diagnostic { diagnostic: Diagnostic, member: Option<Id> },
    /// A test of `tests.toml` that a refused change would have made fail.
    FailingTest(crate::expect::Outcome),
}

impl Details {
    /// Diagnostics that point into `sources`.
    pub fn diagnostics(sources: Sources, diagnostics: impl IntoIterator<Item = Diagnostic>, spaced: bool) -> Details {
        let items = diagnostics.into_iter().map(|diagnostic| Detail::Diagnostic { diagnostic, member: None }).collect();
        Details { sources, items, spaced }
    }

    /// Lines of text.
    pub fn text(lines: impl IntoIterator<Item = String>) -> Details {
        Details { items: lines.into_iter().map(Detail::Text).collect(), ..Details::default() }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, code: &'static str, message: impl Into<String>) -> Error {
        Error { kind, code, message: message.into(), hints: Vec::new(), details: None, at: None }
    }

    /// Shows `details` above the error line.
    pub fn details(mut self, details: Details) -> Error {
        self.details = Some(Box::new(details));
        self
    }

    /// Says where the error arose: `line 3` of a batch.
    pub fn at(mut self, at: impl Into<String>) -> Error {
        self.at = Some(at.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Error {
        self.hints.push(hint.into());
        self
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(Kind::Usage, "usage", message)
    }

    /// An id that names nothing; suggests the nearest one when there is one.
    pub fn not_found<'a>(what: &str, id: &str, known: impl IntoIterator<Item = &'a str>, list_command: &str) -> Error {
        let err = Error::new(Kind::NotFound, "not-found", format!("no {what} named `{id}`"));
        match crate::diag::did_you_mean(id, known) {
            Some(near) => err.hint(format!("did you mean `{near}`?")),
            None => err.hint(format!("`{list_command}` lists them")),
        }
    }

    pub fn io(what: impl std::fmt::Display, e: &std::io::Error) -> Error {
        Error::new(Kind::Environment, "io", format!("{what}: {e}"))
    }
}
