//! `roster member ...`: the member commands and their dispatch.

pub mod list;
pub mod show;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// List members, optionally only those of a profile, status or client
    List(list::ListArgs),
    /// Show one member: profile, clients, overrides and effective access
    Show(show::ShowArgs),
}

pub fn run(ctx: &Ctx, cmd: MemberCommand) -> Result<Outcome> {
    match cmd {
        MemberCommand::List(args) => list::cmd_list(ctx, args),
        MemberCommand::Show(args) => show::cmd_show(ctx, args),
    }
}
