//! `roster fmt [--check]`: rewrites every file in the canonical order and
//! layout of `store::format` (comments kept); `--check` lists the files that
//! would change and exits 1, writing nothing.

use super::Ctx;
use crate::change::{Change, Session};
use crate::error::{Outcome, Result};
use crate::render::View;
use crate::store::format::unformatted;
use crate::style::Paint;
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// List the files that are not formatted and exit 1; write nothing
    #[arg(long)]
    pub check: bool,
}

/// `fmt --check`: the files that would change, as data or one line each.
#[derive(Serialize)]
struct Unformatted<'a> {
    unformatted: &'a [&'a str],
    #[serde(skip)]
    quiet: bool,
}

impl View for Unformatted<'_> {
    fn text(&self, _paint: Paint) -> Option<String> {
        if self.unformatted.is_empty() {
            return Some(if self.quiet { String::new() } else { "every file is formatted\n".to_string() });
        }
        let mut out: String = self.unformatted.iter().map(|n| format!("would reformat {n}\n")).collect();
        out.push_str("run `roster fmt` to format them\n");
        Some(out)
    }
}

pub fn cmd_fmt(ctx: &Ctx, args: FmtArgs) -> Result<Outcome> {
    if args.check {
        let ws = ctx.open()?;
        let files = unformatted(&ws)?;
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        ctx.show(&Unformatted { unformatted: &names, quiet: ctx.quiet })?;
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
