//! `roster access ...`: who can do what, and why (SPEC §3).

pub mod check;
pub mod list;
pub mod matrix;
pub mod who_can;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

/// The examples of `roster access --help`.
pub const EXAMPLES: &str = r#"Examples:
  roster access check bob invoices.edit --client acme
  roster access who-can settings.edit
  roster access list bob                  everything bob can do ("view as bob")"#;

#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// May a member do AREA.ACTION (on a client)? Exit 0 allowed, 1 denied; with the reasons
    Check(check::CheckArgs),
    /// The active members who can do AREA.ACTION (on a client)
    WhoCan(who_can::WhoCanArgs),
    /// Every member's level on every area.action
    Matrix(matrix::MatrixArgs),
    /// Everything a member can do ("view as"): each area.action, its level, the profile, the clients reached and how
    List(list::ListArgs),
}

pub fn run(ctx: &Ctx, cmd: AccessCommand) -> Result<Outcome> {
    match cmd {
        AccessCommand::Check(args) => check::cmd_check(ctx, args),
        AccessCommand::WhoCan(args) => who_can::cmd_who_can(ctx, args),
        AccessCommand::Matrix(args) => matrix::cmd_matrix(ctx, args),
        AccessCommand::List(args) => list::cmd_list(ctx, args),
    }
}
