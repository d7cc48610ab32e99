//! `roster profile default [P]`: prints the default profile (the one new members
//! get), or makes P the default.

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_profile};
use crate::error::{Outcome, Result};
use crate::render::{Records, View};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster profile default                   print the default profile
  roster profile default connect-no-pay    new members get connect-no-pay"#)]
pub struct DefaultArgs {
    /// Make this profile the default (it must not be an admin profile)
    pub profile: Option<String>,
}

pub fn cmd_default(ctx: &Ctx, args: DefaultArgs) -> Result<Outcome> {
    match args.profile {
        Some(p) => set_default(ctx, &p),
        None => print_default(ctx),
    }
}

fn print_default(ctx: &Ctx) -> Result<Outcome> {
    let ws = ctx.open()?;
    // A valid workspace always has one (rule `default-profile`).
    let Some(p) = ws.default_profile() else { return Ok(Outcome::Negative) };
    ctx.show(&DefaultView { id: &p.id, name: &p.name, tier: &p.tier.value })?;
    Ok(Outcome::Success)
}

/// The default profile: its id for people, a record of it for data.
#[derive(Serialize)]
struct DefaultView<'a> {
    id: &'a str,
    name: &'a str,
    tier: &'a str,
}

impl View for DefaultView<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(Records::one(self)))
    }

    fn text(&self, _paint: Paint) -> Option<String> {
        Some(format!("{}\n", self.id))
    }
}

fn set_default(ctx: &Ctx, id: &str) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan_set(change, id))?)
}

/// The edits of `profile default P`, on the workspace as `change` reads it (also a batch's line).
pub fn plan_set(change: &mut Change<'_>, id: &str) -> Result<()> {
    let ws = change.ws;
    let p = find_profile(ws, id)?;
    let old = ws.default_profile().map_or("none", |d| d.id.as_str());
    if old == p.id {
        change.fact(format!("default profile: already {}", p.id));
    } else {
        change.workspace(|file| file.set_default_profile(&p.id))?;
        change.fact(format!("default profile: {old} -> {} (new members get it)", p.id));
    }
    Ok(())
}
