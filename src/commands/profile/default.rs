//! `roster profile default [P]`: prints the default profile (the one new members
//! get), or makes P the default.

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_profile};
use crate::error::{Outcome, Result};
use crate::render::{self, Col, Format, Records};
use crate::store::edit;
use crate::store::load::WORKSPACE_FILE;
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
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
    let text = match ctx.format {
        Format::Json => render::json(&json!({"id": p.id, "name": p.name, "tier": p.tier.value})),
        Format::Table => format!("{}\n", p.id),
        _ => {
            let mut r = Records::new([("id", Col::Text), ("name", Col::Text), ("tier", Col::Text)]);
            r.push(vec![json!(p.id), json!(p.name), json!(p.tier.value)]);
            r.render(ctx.format, ctx.out_paint())
        }
    };
    ctx.print(&text)?;
    Ok(Outcome::Success)
}

fn set_default(ctx: &Ctx, id: &str) -> Result<Outcome> {
    let session = Session::begin(ctx.change_options()?)?;
    let ws = &session.ws;
    let p = find_profile(ws, id)?;
    let mut change = Change::new(ws);
    let old = ws.default_profile().map_or("none", |d| d.id.as_str());
    if old == p.id {
        change.fact(format!("default profile: already {}", p.id));
    } else {
        change.edit(WORKSPACE_FILE, |ed| {
            let table = ed.root().get_mut("workspace").and_then(toml_edit::Item::as_table_like_mut);
            if let Some(t) = table {
                edit::set(t, "default_profile", p.id.as_str().into());
            }
            Ok(())
        })?;
        change.fact(format!("default profile: {old} -> {} (new members get it)", p.id));
    }
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}
