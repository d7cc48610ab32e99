//! `roster client assign C... --to M` and `roster client unassign C... --from M`.

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_client, find_member};
use crate::error::{Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client assign umbrella --to bob
  roster client assign acme globex --to hugo    several at once"#)]
pub struct AssignArgs {
    /// The clients to assign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are assigned to
    #[arg(long, value_name = "MEMBER")]
    pub to: String,
}

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client unassign globex --from bob
  roster client unassign initech --from hugo"#)]
pub struct UnassignArgs {
    /// The clients to unassign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are taken from
    #[arg(long, value_name = "MEMBER")]
    pub from: String,
}

pub fn cmd_assign(ctx: &Ctx, args: AssignArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan_assign(change, &args))?)
}

/// The edits of `client assign`, on the workspace as `change` reads it (also a batch's line).
pub fn plan_assign(change: &mut Change<'_>, args: &AssignArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.to)?;
    for c in &args.clients {
        find_client(ws, c)?;
    }
    let mut all: Vec<&str> = m.clients.iter().map(|c| c.value.as_str()).collect();
    for c in &args.clients {
        if all.contains(&c.as_str()) {
            change.fact(format!("{}: {c} already assigned", m.id));
        } else {
            all.push(c);
            change.fact(format!("{}: assigned {c}", m.id));
        }
    }
    if all.len() > m.clients.len() {
        change.member(&m.id, |entry| entry.assign(&all[m.clients.len()..]))?;
    }
    Ok(())
}

pub fn cmd_unassign(ctx: &Ctx, args: UnassignArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan_unassign(change, &args))?)
}

/// The edits of `client unassign`, on the workspace as `change` reads it (also a batch's line).
pub fn plan_unassign(change: &mut Change<'_>, args: &UnassignArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.from)?;
    for c in &args.clients {
        find_client(ws, c)?;
    }
    let rest: Vec<&str> =
        m.clients.iter().map(|c| c.value.as_str()).filter(|c| !args.clients.iter().any(|x| x == c)).collect();
    for c in &args.clients {
        if m.has_client(c) {
            change.fact(format!("{}: unassigned {c}", m.id));
        } else {
            change.fact(format!("{}: {c} was not assigned", m.id));
        }
    }
    if rest.len() < m.clients.len() {
        let mut facts = Vec::new();
        change.member(&m.id, |entry| {
            for c in &args.clients {
                if entry.unassign(c) {
                    facts.push(format!("{}: per-client profile for {c} removed", m.id));
                }
            }
        })?;
        change.facts(facts);
    }
    Ok(())
}
