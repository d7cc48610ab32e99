//! `roster profile remove P`: refused while any member uses it.

use super::edit::refuse_builtin;
use crate::change::{Change, Session};
use crate::commands::{Ctx, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster transfer-all connect-no-pay --to connect-pay    move its members first
  roster profile remove connect-no-pay"#)]
pub struct RemoveArgs {
    /// The profile's id
    pub profile: String,
}

pub fn cmd_remove(ctx: &Ctx, args: RemoveArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `profile remove`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &RemoveArgs) -> Result<()> {
    let ws = change.ws;
    let p = find_profile(ws, &args.profile)?;
    refuse_builtin(p, "removed")?;
    if ws.default_profile().is_some_and(|d| d.id == p.id) {
        return Err(Error::new(
            Kind::Refused,
            "default-profile",
            format!("`{}` is the default profile and can't be removed; nothing was written", p.id),
        )
        .hint("make another profile the default first: `roster profile default OTHER`"));
    }
    let mut users: Vec<&str> = ws.members_of(&p.id).map(|m| m.id.as_str()).collect();
    if !users.is_empty() {
        users.sort_unstable();
        let n = users.len();
        let shown = if n > 10 { format!("{}, and {} more", users[..10].join(", "), n - 10) } else { users.join(", ") };
        return Err(Error::new(
            Kind::Refused,
            "profile-in-use",
            format!(
                "profile `{}` is used by {n} member{}: {shown}; nothing was written",
                p.id,
                crate::store::plural(n)
            ),
        )
        .hint(format!("move them first: `roster transfer-all {} --to OTHER`", p.id)));
    }
    change.remove_profile(&p.id);
    change.fact(format!("{}: profile removed (\"{}\")", p.id, p.name));
    Ok(())
}
