//! `roster profile ...`: the profile commands and their dispatch.

pub mod compare;
pub mod default;
pub mod duplicate;
pub mod edit;
pub mod list;
pub mod remove;
pub mod show;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

/// The examples of `roster profile --help`.
pub const EXAMPLES: &str = r#"Examples:
  roster profile list
  roster profile compare connect-pay connect-no-pay --only-diff"#;

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List profiles with their tier, price, member count, and the default marked
    List(list::ListArgs),
    /// Show a profile's grants, every area.action, and its members
    Show(show::ShowArgs),
    /// Compare two profiles' grants side by side (also csv, json, markdown)
    Compare(compare::CompareArgs),
    /// Print the default profile (the one new members get), or set it
    Default(default::DefaultArgs),
    /// Copy a profile, to restrict the copy (it keeps the tier and price)
    Duplicate(duplicate::DuplicateArgs),
    /// Change a profile's grants, name, description or tier (not a builtin one)
    Edit(edit::EditArgs),
    /// Remove a profile no member uses (not a builtin one, not the default)
    Remove(remove::RemoveArgs),
}

pub fn run(ctx: &Ctx, cmd: ProfileCommand) -> Result<Outcome> {
    match cmd {
        ProfileCommand::List(args) => list::cmd_list(ctx, args),
        ProfileCommand::Show(args) => show::cmd_show(ctx, args),
        ProfileCommand::Compare(args) => compare::cmd_compare(ctx, args),
        ProfileCommand::Default(args) => default::cmd_default(ctx, args),
        ProfileCommand::Duplicate(args) => duplicate::cmd_duplicate(ctx, args),
        ProfileCommand::Edit(args) => edit::cmd_edit(ctx, args),
        ProfileCommand::Remove(args) => remove::cmd_remove(ctx, args),
    }
}
