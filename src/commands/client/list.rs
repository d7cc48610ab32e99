//! `roster client list [--member M]`: clients, their company and creator, and the
//! members they are assigned to.

use crate::commands::{Ctx, find_member};
use crate::error::{Outcome, Result};
use crate::render::views::client_records;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client list
  roster client list --member bob    the clients assigned to bob"#)]
pub struct ListArgs {
    /// Only the clients assigned to this member
    #[arg(long, value_name = "MEMBER")]
    pub member: Option<String>,
}

pub fn cmd_list(ctx: &Ctx, args: ListArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let only = args.member.as_deref().map(|m| find_member(&ws, m)).transpose()?;
    let note = match only {
        Some(m) => format!("no client is assigned to `{}`", m.id),
        None => "no clients".to_string(),
    };
    ctx.show(&client_records(&ws, only).when_empty(note))?;
    Ok(Outcome::Success)
}
