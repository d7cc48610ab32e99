//! `roster client ...`: the client commands and their dispatch.

pub mod list;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// List clients, optionally only those assigned to a member
    List(list::ListArgs),
}

pub fn run(ctx: &Ctx, cmd: ClientCommand) -> Result<Outcome> {
    match cmd {
        ClientCommand::List(args) => list::cmd_list(ctx, args),
    }
}
