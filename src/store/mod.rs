//! Finding a workspace and reading it: discovery (SPEC §5), the loader, and the
//! rules run on every load so that no command acts on an invalid workspace.
//! The store prints nothing: an invalid workspace is an error that carries
//! its diagnostics.

pub mod edit;
pub mod editors;
pub mod files;
pub mod format;
pub mod incremental;
mod kept;
pub mod load;
pub mod save;
pub mod splice;

pub use kept::Kept;

use crate::diag::{self, Diagnostic};
use crate::error::{Details, Error, Kind, Result};
use crate::model::Workspace;
use crate::rules;
use std::path::{Path, PathBuf};

/// The workspace directory: the flag (or `ROSTER_WORKSPACE`), else the nearest
/// directory from `cwd` upwards holding `workspace.toml`, else `./config` when it
/// holds one.
pub fn discover(flag: Option<&Path>, cwd: &Path) -> Result<PathBuf> {
    if let Some(dir) = flag {
        if !dir.is_dir() {
            return Err(Error::new(Kind::Invalid, "no-workspace", format!("`{}` is not a folder", dir.display()))
                .hint("pass -w with the folder that holds workspace.toml, or create one with `roster init DIR`"));
        }
        return Ok(dir.to_path_buf());
    }
    for dir in cwd.ancestors() {
        if dir.join(load::WORKSPACE_FILE).is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    // From `src/` of a repository that keeps its workspace in `config/`.
    for dir in cwd.ancestors() {
        let config = dir.join("config");
        if config.join(load::WORKSPACE_FILE).is_file() {
            return Ok(config);
        }
    }
    Err(Error::new(
        Kind::Invalid,
        "no-workspace",
        "no workspace found: no workspace.toml here or in a parent folder, nor in a `config/` folder of either",
    )
    .hint("pass -w DIR or set ROSTER_WORKSPACE, or create a workspace with `roster init DIR`"))
}

/// A workspace read and checked: every diagnostic, sorted, with the model.
#[derive(Debug)]
pub struct Checked {
    pub workspace: Workspace,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Reads the workspace at `root` and runs every rule.
pub fn check(root: &Path) -> Checked {
    check_from(root, load::Input::Disk)
}

/// Reads a workspace from disk or memory and runs every rule.
pub fn check_from(root: &Path, input: load::Input) -> Checked {
    let loaded = load::load_from(root, input);
    let mut diagnostics = loaded.diagnostics;
    // When a file could not be read or parsed, the rules would report every
    // reference into it as unknown: show the cause alone.
    if !loaded.unreadable {
        crate::progress::phase("checking the rules", 0, crate::progress::Unit::None);
        diagnostics.extend(rules::check(&loaded.workspace));
    }
    diag::sort(&mut diagnostics);
    Checked { workspace: loaded.workspace, diagnostics }
}

/// Reads a workspace for a command that needs a valid one: its errors stop
/// the command with exit 1, and the error carries them to be shown.
pub fn open(root: &Path, shown: &str) -> Result<Workspace> {
    valid(check(root), shown)
}

/// The workspace of `checked` when it has no error; else exit 1, the error
/// carrying its errors to be shown.
pub fn valid(mut checked: Checked, shown: &str) -> Result<Workspace> {
    let count = checked.errors().count();
    if count == 0 {
        return Ok(checked.workspace);
    }
    let sources = std::mem::take(&mut checked.workspace.sources);
    let errors = checked.diagnostics.into_iter().filter(Diagnostic::is_error);
    Err(Error::new(
        Kind::Invalid,
        "invalid-workspace",
        format!("the workspace `{shown}` has {count} error{}", plural(count)),
    )
    .hint("fix the errors above, then run the command again; `roster check` lists them all")
    .details(Details::diagnostics(sources, errors, false)))
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
