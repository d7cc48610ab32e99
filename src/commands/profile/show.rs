//! `roster profile show P`: a profile with every area.action (omitted ones at the
//! area's lowest level) and its members.

use crate::commands::{Ctx, find_profile};
use crate::error::{Outcome, Result};
use crate::model::{Profile, Workspace};
use crate::render::escape::terminal;
use crate::render::{self, Col, Format, Records};
use clap::Args;
use serde_json::{Map, Value, json};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The profile's id
    pub profile: String,
}

pub fn cmd_show(ctx: &Ctx, args: ShowArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let p = find_profile(&ws, &args.profile)?;
    let members: Vec<&str> = {
        let mut ids: Vec<&str> = ws.members_of(&p.id).map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        ids
    };
    let is_default = ws.default_profile().is_some_and(|d| d.id == p.id);
    let text = match ctx.format {
        Format::Json => render::json(&to_json(&ws, p)),
        Format::Table => {
            let paint = ctx.out_paint();
            let tier = ws.tier(&p.tier.value);
            // Free text from the files is escaped whole, so that it keeps to its line.
            let mut out = format!("{} — {}\n", paint.apply(paint.bold(), &p.id), terminal(&p.name));
            if !p.description.is_empty() {
                out.push_str(&format!("  {}\n", terminal(&p.description)));
            }
            let flags: Vec<&str> = [(is_default, "default"), (p.builtin, "builtin"), (p.admin, "admin")]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, n)| *n)
                .collect();
            if let Some(t) = tier {
                out.push_str(&format!(
                    "  tier {} ({}), {} {}/member/month",
                    t.id,
                    terminal(&t.label),
                    render::money(t.price),
                    ws.settings.currency
                ));
            }
            if !flags.is_empty() {
                out.push_str(&format!("; {}", flags.join(", ")));
            }
            out.push_str(&format!(
                "\n  members ({}): {}\n\n",
                members.len(),
                if members.is_empty() { "none".into() } else { members.join(", ") }
            ));
            out.push_str(&grant_records(&ws, p).render(Format::Table, paint));
            out
        }
        Format::Csv | Format::Markdown => grant_records(&ws, p).render(ctx.format, ctx.out_paint()),
    };
    ctx.print(&text)?;
    Ok(Outcome::Success)
}

/// SPEC §5's `profile show` object: every area.action, and the members.
pub fn to_json(ws: &Workspace, p: &Profile) -> Value {
    let mut grants = Map::new();
    for area in &ws.areas {
        let actions = area
            .actions
            .iter()
            .map(|a| (a.value.clone(), json!(ws.profile_level(p, area, &a.value).as_str())))
            .collect();
        grants.insert(area.id.clone(), Value::Object(actions));
    }
    let mut members: Vec<&str> = ws.members_of(&p.id).map(|m| m.id.as_str()).collect();
    members.sort_unstable();
    json!({
        "id": p.id, "name": p.name, "description": p.description, "tier": p.tier.value,
        "builtin": p.builtin, "admin": p.admin, "default": ws.default_profile().is_some_and(|d| d.id == p.id),
        "grants": grants, "members": members,
    })
}

/// Every area.action of the profile, with its tier's ceiling beside it.
fn grant_records(ws: &Workspace, p: &Profile) -> Records {
    let tier = ws.tier(&p.tier.value);
    let mut records =
        Records::new([("area", Col::Text), ("action", Col::Text), ("level", Col::Text), ("ceiling", Col::Text)]);
    for area in &ws.areas {
        for action in &area.actions {
            let level = ws.profile_level(p, area, &action.value);
            let ceiling = tier.map(|t| ws.level_in(&t.ceiling, area, &action.value));
            records.push(vec![
                json!(area.id),
                json!(action.value),
                json!(level.as_str()),
                json!(ceiling.map(|c| c.as_str())),
            ]);
        }
    }
    records
}
