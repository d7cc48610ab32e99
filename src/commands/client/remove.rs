//! `roster client remove C`: the client goes, and with it every assignment (to
//! members and to teams), every per-client profile for it, and the link of its
//! contacts to it.

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_client};
use crate::error::{Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster --dry-run client remove umbrella    who loses it
  roster client remove umbrella"#)]
pub struct RemoveArgs {
    /// The client's id
    pub client: String,
}

pub fn cmd_remove(ctx: &Ctx, args: RemoveArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `client remove`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &RemoveArgs) -> Result<()> {
    let ws = change.ws;
    let c = find_client(ws, &args.client)?;
    let contacts: Vec<&str> = ws
        .clients
        .iter()
        .filter(|x| x.company.as_ref().is_some_and(|co| co.value == c.id))
        .map(|x| x.id.as_str())
        .collect();
    change.remove_client(&c.id, &contacts)?;
    change.fact(format!("{}: removed ({} \"{}\")", c.id, c.kind, c.name));
    for contact in &contacts {
        change.fact(format!("{contact}: no longer belongs to company {}", c.id));
    }
    let holders: Vec<_> =
        ws.members.iter().filter(|m| m.has_client(&c.id) || m.client_profile(&c.id).is_some()).collect();
    if !holders.is_empty() {
        let mut facts = Vec::new();
        for m in &holders {
            change.member(&m.id, |entry| {
                facts.push(format!("{}: unassigned {}", m.id, c.id));
                if entry.unassign(&c.id) {
                    facts.push(format!("{}: per-client profile for {} removed", m.id, c.id));
                }
            })?;
        }
        change.facts(facts);
    }
    let teams: Vec<&str> = ws.teams().iter().filter(|t| t.has_client(&c.id)).map(|t| t.id.as_str()).collect();
    if !teams.is_empty() {
        change.teams(|file| file.remove_client(&c.id))?;
        for t in teams {
            change.fact(format!("team {t}: unassigned {}", c.id));
        }
    }
    Ok(())
}
