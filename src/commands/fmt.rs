//! `roster fmt [--check]`: rewrites every file in the canonical order and
//! layout of `store::format` (comments kept); `--check` lists the files that
//! would change and exits 1, writing nothing.

use super::Ctx;
use crate::change::{Change, Session};
use crate::error::{Outcome, Result};
use crate::model::Workspace;
use crate::render::{self, Format};
use crate::store::edit::{is_crlf, keep_line_endings};
use crate::store::format::{FileKind, format};
use crate::store::load::{CLIENTS_FILE, MEMBERS_FILE, PROFILES_DIR, WORKSPACE_FILE};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// List the files that are not formatted and exit 1; write nothing
    #[arg(long)]
    pub check: bool,
}

fn kind_of(name: &str) -> Option<FileKind> {
    match name {
        WORKSPACE_FILE => Some(FileKind::Workspace),
        MEMBERS_FILE => Some(FileKind::Members),
        CLIENTS_FILE => Some(FileKind::Clients),
        _ if name.starts_with(&format!("{PROFILES_DIR}/")) => Some(FileKind::Profile),
        _ => None,
    }
}

/// (file, canonical text) of every file whose text is not canonical.
fn unformatted(ws: &Workspace) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (_, source) in ws.sources.iter() {
        let Some(kind) = kind_of(&source.name) else { continue };
        // Canonical, in the file's own line endings (a CRLF file stays CRLF).
        let text = format(kind, &source.name, &source.text, ws)?;
        let text = keep_line_endings(&source.text, text, is_crlf(&source.text));
        if text != source.text {
            out.push((source.name.clone(), text));
        }
    }
    Ok(out)
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
    let session = Session::begin(ctx.change_options()?)?;
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
    ctx.report(session.commit(parts)?)
}
