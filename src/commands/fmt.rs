//! `roster fmt [--check]`: rewrites every file in the canonical order and
//! layout of `store::format` (comments kept); `--check` lists the files that
//! would change and exits 1, writing nothing.

use super::Ctx;
use crate::change::{Change, Session};
use crate::error::{Outcome, Result};
use crate::render::{self, Format};
use crate::store::format::unformatted;
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// List the files that are not formatted and exit 1; write nothing
    #[arg(long)]
    pub check: bool,
}

pub fn cmd_fmt(ctx: &Ctx, args: FmtArgs) -> Result<Outcome> {
    if args.check {
        let ws = ctx.open()?;
        let files = unformatted(&ws)?;
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        let text = match ctx.format {
            Format::Json => render::json(&json!({"unformatted": names})),
            _ if names.is_empty() => {
                if ctx.quiet {
                    String::new()
                } else {
                    "every file is formatted\n".to_string()
                }
            }
            _ => {
                let mut out: String = names.iter().map(|n| format!("would reformat {n}\n")).collect();
                out.push_str("run `roster fmt` to format them\n");
                out
            }
        };
        ctx.print(&text)?;
        return Ok(if names.is_empty() { Outcome::Success } else { Outcome::Negative });
    }
    let session = Session::begin(ctx)?;
    let mut change = Change::new(&session.ws);
    let files = unformatted(&session.ws)?;
    if files.is_empty() {
        change.fact("every file is formatted");
    }
    for (name, text) in files {
        change.fact(format!("formatted {name}"));
        change.put(&name, text);
    }
    let parts = change.finish();
    session.commit(ctx, parts)
}
