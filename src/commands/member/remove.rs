//! `roster member remove M`: the member goes; the clients they created keep no
//! reference to them, and they leave every team (a team they led has no lead).

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_member};
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster --dry-run member remove victor    see what would change first
  roster member remove victor"#)]
pub struct RemoveArgs {
    /// The member's id
    pub member: String,
}

pub fn cmd_remove(ctx: &Ctx, args: RemoveArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `member remove`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &RemoveArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.member)?;
    if ws.settings.owner.as_ref().is_some_and(|o| o.value == m.id) {
        return Err(Error::new(
            Kind::Refused,
            "owner",
            format!("`{}` is the owner and can't be removed; nothing was written", m.id),
        )
        .hint("make another active admin the owner first (`owner` in workspace.toml)"));
    }
    change.remove_member(&m.id)?;
    change.fact(format!("{}: removed ({}, profile {})", m.id, m.name, m.profile.value));
    let created: Vec<&str> = ws
        .clients
        .iter()
        .filter(|c| c.created_by.as_ref().is_some_and(|b| b.value == m.id))
        .map(|c| c.id.as_str())
        .collect();
    if !created.is_empty() {
        for c in &created {
            change.client(c, |entry| entry.set_created_by(None))?;
        }
        for c in created {
            change.fact(format!("{c}: created_by {} removed", m.id));
        }
    }
    for rule in ws.separation.iter().filter(|r| r.exceptions.iter().any(|e| e.member.value == m.id)) {
        change.fact(format!("workspace: {}'s exception to \"{}\" removed", m.id, rule.name));
    }
    if super::rename::excepted_in(ws, &m.id) > 0 {
        change.workspace(|w| w.remove_exceptions_of(&m.id))?;
    }
    let teams: Vec<(&str, bool)> =
        ws.teams_of(&m.id).map(|t| (t.id.as_str(), t.lead.as_ref().is_some_and(|l| l.value == m.id))).collect();
    if !teams.is_empty() {
        change.teams(|file| file.remove_member(&m.id))?;
        for (t, led) in teams {
            change.fact(format!("team {t}: {} leaves{}", m.id, if led { " (the team has no lead now)" } else { "" }));
        }
    }
    change.member_removed(&m.id);
    Ok(())
}
