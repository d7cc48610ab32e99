//! `roster profile default`: prints the default profile, the one new members get.

use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::render::{self, Col, Format, Records};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct DefaultArgs {}

pub fn cmd_default(ctx: &Ctx, _args: DefaultArgs) -> Result<Outcome> {
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
