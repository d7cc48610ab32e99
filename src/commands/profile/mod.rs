//! `roster profile ...`: the profile commands and their dispatch.

pub mod compare;
pub mod default;
pub mod list;
pub mod show;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List profiles with their tier, price, member count, and the default marked
    List(list::ListArgs),
    /// Show a profile's grants, every area.action, and its members
    Show(show::ShowArgs),
    /// Compare two profiles' grants side by side (also csv, json, markdown)
    Compare(compare::CompareArgs),
    /// Print the default profile, the one new members get
    Default(default::DefaultArgs),
}

pub fn run(ctx: &Ctx, cmd: ProfileCommand) -> Result<Outcome> {
    match cmd {
        ProfileCommand::List(args) => list::cmd_list(ctx, args),
        ProfileCommand::Show(args) => show::cmd_show(ctx, args),
        ProfileCommand::Compare(args) => compare::cmd_compare(ctx, args),
        ProfileCommand::Default(args) => default::cmd_default(ctx, args),
    }
}
