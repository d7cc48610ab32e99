//! `roster member ...`: the member commands and their dispatch.

pub mod add;
pub mod edit;
pub mod list;
pub mod remove;
pub mod rename;
pub mod show;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

/// The examples of `roster member --help`.
pub const EXAMPLES: &str = r#"Examples:
  roster member list --client acme    who works on ACME
  roster member show bob              bob's profile, clients and access"#;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// List members, optionally only those of a profile, status or client
    List(list::ListArgs),
    /// Show one member: profile, clients, overrides and effective access
    Show(show::ShowArgs),
    /// Add a member (on the default profile unless --profile)
    Add(add::AddArgs),
    /// Change a member's name, email, status, credit limit or grant overrides
    Edit(edit::EditArgs),
    /// Remove a member (never the owner)
    Remove(remove::RemoveArgs),
    /// Rename a member's id everywhere: entry, owner, created_by, tests, teams, pending reviews
    Rename(rename::RenameArgs),
}

pub fn run(ctx: &Ctx, cmd: MemberCommand) -> Result<Outcome> {
    match cmd {
        MemberCommand::List(args) => list::cmd_list(ctx, args),
        MemberCommand::Show(args) => show::cmd_show(ctx, args),
        MemberCommand::Add(args) => add::cmd_add(ctx, args),
        MemberCommand::Edit(args) => edit::cmd_edit(ctx, args),
        MemberCommand::Remove(args) => remove::cmd_remove(ctx, args),
        MemberCommand::Rename(args) => rename::cmd_rename(ctx, args),
    }
}
