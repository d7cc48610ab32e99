//! `roster team ...`: teams (`teams.toml`): members with an optional lead,
//! and the clients assigned to the team, which each of them reaches.

pub mod add;
pub mod edit;
pub mod list;
pub mod remove;
pub mod show;

use super::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::model::{Team, Workspace};
use clap::Subcommand;

/// The examples of `roster team --help`.
pub const EXAMPLES: &str = r#"Examples:
  roster team show audit                       members, lead, clients, and what each reaches
  roster team add tax --name "Tax team" --lead marc --member sophie
  roster client assign acme --team audit       each member and the lead reach it"#;

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// List teams: name, lead, members and clients
    List(list::ListArgs),
    /// Show one team, and what each of its members reaches through it
    Show(show::ShowArgs),
    /// Add a team
    Add(add::AddArgs),
    /// Rename a team, change its lead, add or remove members
    Edit(edit::EditArgs),
    /// Remove a team (its members lose the clients they had through it)
    Remove(remove::RemoveArgs),
}

pub fn run(ctx: &Ctx, cmd: TeamCommand) -> Result<Outcome> {
    match cmd {
        TeamCommand::List(args) => list::cmd_list(ctx, args),
        TeamCommand::Show(args) => show::cmd_show(ctx, args),
        TeamCommand::Add(args) => add::cmd_add(ctx, args),
        TeamCommand::Edit(args) => edit::cmd_edit(ctx, args),
        TeamCommand::Remove(args) => remove::cmd_remove(ctx, args),
    }
}

/// The team with this id, or exit 4 with the nearest id.
pub fn find_team<'w>(ws: &'w Workspace, id: &str) -> Result<&'w Team> {
    ws.team(id)
        .ok_or_else(|| Error::not_found("team", id, ws.teams().iter().map(|t| t.id.as_str()), "roster team list"))
}
