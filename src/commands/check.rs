//! `roster check [--strict]`: every problem of the workspace in one run.

use super::Ctx;
use crate::error::{Outcome, Result};
use crate::render::{self, Format};
use crate::store::plural;
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail on warnings too (exit 1)
    #[arg(long)]
    pub strict: bool,
}

pub fn cmd_check(ctx: &Ctx, args: CheckArgs) -> Result<Outcome> {
    let root = ctx.root()?;
    // Never freed, as `Ctx::open`'s workspace.
    let checked = std::mem::ManuallyDrop::new(ctx.check(&root)?);
    let ws = &checked.workspace;
    let errors = checked.errors().count();
    let warnings = checked.warnings().count();
    let failed = errors > 0 || (args.strict && warnings > 0);

    if ctx.format == Format::Json {
        let list = |err: bool| {
            checked
                .diagnostics
                .iter()
                .filter(|d| d.is_error() == err)
                .map(|d| d.to_json(&ws.sources))
                .collect::<Vec<_>>()
        };
        ctx.print(&render::json(&json!({"errors": list(true), "warnings": list(false)})))?;
    } else {
        let paint = ctx.err_paint();
        // -q: nothing on success, warnings included; a failure shows everything.
        if failed || !ctx.quiet {
            for d in &checked.diagnostics {
                ctx.eprint(&format!("{}\n", d.render(&ws.sources, paint)));
            }
        }
        let summary = format!(
            "{} error{}, {} warning{} in `{}`",
            errors,
            plural(errors),
            warnings,
            plural(warnings),
            ctx.shown_workspace(&root)
        );
        if failed {
            let why = if errors > 0 { "" } else { " (--strict: warnings fail)" };
            ctx.eprint(&format!("{}: {summary}{why}\n", paint.apply(paint.error(), "check failed")));
        } else if !ctx.quiet {
            let p = ctx.out_paint();
            ctx.print(&format!(
                "{}: {summary}: {} member{}, {} profile{}, {} client{}\n",
                p.apply(p.ok(), "ok"),
                ws.members.len(),
                plural(ws.members.len()),
                ws.profiles.len(),
                plural(ws.profiles.len()),
                ws.clients.len(),
                plural(ws.clients.len()),
            ))?;
        }
    }
    Ok(if failed { Outcome::Negative } else { Outcome::Success })
}
