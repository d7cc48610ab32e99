//! `roster team remove T`: the team's entry goes; its members and lead keep
//! only what they reach otherwise.

use super::find_team;
use crate::change::{Change, Session};
use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster --dry-run team remove audit    who loses what first
  roster team remove audit"#)]
pub struct RemoveArgs {
    /// The team's id
    pub team: String,
}

pub fn cmd_remove(ctx: &Ctx, args: RemoveArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `team remove`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &RemoveArgs) -> Result<()> {
    let t = find_team(change.ws, &args.team)?;
    change.remove_team(&t.id)?;
    let n = |count: usize, what: &str| format!("{count} {what}{}", if count == 1 { "" } else { "s" });
    change.fact(format!(
        "{}: removed (\"{}\", {}, {})",
        t.id,
        t.name,
        n(t.people().len(), "member"),
        n(t.clients.len(), "client")
    ));
    Ok(())
}
