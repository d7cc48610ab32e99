//! `roster fmt [--check [--diff]]`: rewrites every file in the canonical order
//! and layout of `store::format` (comments kept); `--check` lists the files
//! that would change and exits 1, writing nothing; with `--diff`, it shows
//! how each would change.

use super::Ctx;
use crate::change::{Change, Session};
use crate::error::{Outcome, Result};
use crate::render::View;
use crate::store::format::unformatted;
use crate::style::Paint;
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  roster fmt --check --diff    what would change, written nowhere
  roster fmt                   rewrite the files that need it")]
pub struct FmtArgs {
    /// List the files that are not formatted and exit 1; write nothing
    #[arg(long)]
    pub check: bool,
    /// With --check: show how each file would change, as a unified diff
    #[arg(long, requires = "check")]
    pub diff: bool,
}

/// `fmt --check`: the files that would change, as data or one line each;
/// with `--diff`, how they would change.
#[derive(Serialize)]
struct Unformatted<'a> {
    unformatted: &'a [&'a str],
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<String>,
    #[serde(skip)]
    quiet: bool,
}

impl View for Unformatted<'_> {
    fn text(&self, _paint: Paint) -> Option<String> {
        if self.unformatted.is_empty() {
            return Some(if self.quiet { String::new() } else { "every file is formatted\n".to_string() });
        }
        let mut out = self.diff.clone().unwrap_or_default();
        out.extend(self.unformatted.iter().map(|n| format!("would reformat {n}\n")));
        out.push_str(if self.diff.is_some() {
            "run `roster fmt` to format them\n"
        } else {
            "run `roster fmt --check --diff` to see the changes, `roster fmt` to make them\n"
        });
        Some(out)
    }
}

pub fn cmd_fmt(ctx: &Ctx, args: FmtArgs) -> Result<Outcome> {
    if args.check {
        let ws = ctx.open()?;
        let files = unformatted(&ws)?;
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        let diff = args.diff.then(|| {
            files
                .iter()
                .map(|(name, text)| {
                    let old = ws.sources.find(name).map_or("", |id| ws.sources.get(id).text.as_str());
                    crate::render::file_diff(name, old, text)
                })
                .collect()
        });
        ctx.show(&Unformatted { unformatted: &names, diff, quiet: ctx.quiet })?;
        return Ok(if names.is_empty() { Outcome::Success } else { Outcome::Negative });
    }
    let session = Session::begin(ctx.change_options()?)?;
    let mut change = Change::new(&session.ws);
    let files = unformatted(&session.ws)?;
    if files.is_empty() {
        change.fact("every file is formatted");
    }
    change.layout_only();
    for (name, text) in files {
        // Said as what it does: a dry run writes nothing.
        change.fact(if ctx.dry_run { format!("would format {name}") } else { format!("formatted {name}") });
        change.put(&name, text);
    }
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}
