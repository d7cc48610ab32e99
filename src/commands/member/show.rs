//! `roster member show M`: one member, with their effective access.

use super::list::{member_fields, member_records};
use crate::access::{self, Via};
use crate::commands::{Ctx, find_member};
use crate::error::{Outcome, Result};
use crate::model::{Grants, Member, Workspace};
use crate::render::escape::terminal;
use crate::render::{self, Col, Format, Records};
use clap::Args;
use serde_json::{Map, Value, json};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The member's id
    pub member: String,
}

pub fn cmd_show(ctx: &Ctx, args: ShowArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let m = find_member(&ws, &args.member)?;
    let text = match ctx.format {
        Format::Json => render::json(&to_json(&ws, m)),
        Format::Table => to_text(&ws, m, ctx),
        Format::Csv | Format::Markdown => {
            let mut r = member_records();
            r.push(member_fields(m));
            r.render(ctx.format, ctx.out_paint())
        }
    };
    ctx.print(&text)?;
    Ok(Outcome::Success)
}

pub fn grants_json(grants: &Grants) -> Value {
    Value::Object(
        grants
            .iter()
            .map(|(area, actions)| {
                (
                    area.clone(),
                    Value::Object(actions.iter().map(|(a, l)| (a.clone(), json!(l.value.as_str()))).collect()),
                )
            })
            .collect(),
    )
}

fn to_json(ws: &Workspace, m: &Member) -> Value {
    // The exported member (SPEC §5's `member show` fields), plus effective access.
    let mut obj = match crate::render::members_csv::json_row(m) {
        Value::Object(obj) => obj,
        _ => Map::new(),
    };
    let mut effective = Map::new();
    for area in &ws.areas {
        let actions = area
            .actions
            .iter()
            .map(|a| (a.value.clone(), json!(access::member_level(ws, m, area, &a.value).level.as_str())))
            .collect();
        effective.insert(area.id.clone(), Value::Object(actions));
    }
    obj.insert("effective".into(), Value::Object(effective));
    Value::Object(obj)
}

fn to_text(ws: &Workspace, m: &Member, ctx: &Ctx) -> String {
    let paint = ctx.out_paint();
    let currency = &ws.settings.currency;
    // Free text from the files is escaped whole, so that it keeps to its line.
    let mut out =
        format!("{} — {} <{}>\n", paint.apply(paint.bold(), &m.id), terminal(&m.name), terminal(&m.email.value));
    let mut line = |label: &str, value: String| out.push_str(&format!("  {label:<13} {value}\n"));
    line("status", m.status.to_string());
    let profile = ws.profile(&m.profile.value);
    let tier = profile.and_then(|p| ws.tier(&p.tier.value));
    line(
        "profile",
        match (profile, tier) {
            (Some(p), Some(t)) => {
                let (name, label) = (terminal(&p.name), terminal(&t.label));
                format!("{} ({name}; tier {label}, {} {currency}/month)", p.id, render::money(t.price))
            }
            _ => m.profile.value.to_string(),
        },
    );
    let clients: Vec<&str> = m.clients.iter().map(|c| c.value.as_str()).collect();
    line("clients", if clients.is_empty() { "none".into() } else { clients.join(", ") });
    for (c, p) in m.client_profiles() {
        line("per-client", format!("{} -> {}", c.value, p.value));
    }
    for (area, actions) in m.grants() {
        for (action, level) in actions {
            line("override", format!("{area}.{action} = {}", level.value));
        }
    }
    if let Some(limit) = m.credit_limit() {
        line("credit limit", format!("{} {currency}/month", render::money(limit)));
    }
    let mut records =
        Records::new([("area", Col::Text), ("action", Col::Text), ("level", Col::Text), ("from", Col::Text)]);
    for area in &ws.areas {
        for action in &area.actions {
            let e = access::member_level(ws, m, area, &action.value);
            let from = match e.via {
                Via::Inactive => format!("member is {}", m.status),
                Via::Override => "member override".into(),
                Via::Admin => format!("admin profile {}", e.profile),
                Via::Grant => format!("profile {}", e.profile),
                Via::Lowest => format!("not granted by {}", e.profile),
            };
            records.push(vec![json!(area.id), json!(action.value), json!(e.level.as_str()), json!(from)]);
        }
    }
    out.push_str("\neffective access (without a client):\n");
    out.push_str(&records.render(Format::Table, paint));
    out
}
