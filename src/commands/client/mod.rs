//! `roster client ...`: the client commands and their dispatch.

pub mod add;
pub mod assign;
pub mod list;
pub mod remove;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

/// The examples of `roster client --help`.
pub const EXAMPLES: &str = r#"Examples:
  roster client list --member bob    bob's clients
  roster client assign umbrella --to bob"#;

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// List clients, optionally only those assigned to a member
    List(list::ListArgs),
    /// Add a company or a contact
    Add(add::AddArgs),
    /// Remove a client, and drop it from every member
    Remove(remove::RemoveArgs),
    /// Assign clients to a member
    Assign(assign::AssignArgs),
    /// Take clients from a member
    Unassign(assign::UnassignArgs),
}

pub fn run(ctx: &Ctx, cmd: ClientCommand) -> Result<Outcome> {
    match cmd {
        ClientCommand::List(args) => list::cmd_list(ctx, args),
        ClientCommand::Add(args) => add::cmd_add(ctx, args),
        ClientCommand::Remove(args) => remove::cmd_remove(ctx, args),
        ClientCommand::Assign(args) => assign::cmd_assign(ctx, args),
        ClientCommand::Unassign(args) => assign::cmd_unassign(ctx, args),
    }
}
