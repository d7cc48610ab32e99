//! `roster member show M`: one member, with their effective access.

use crate::access::{self, Via};
use crate::commands::{Ctx, find_member};
use crate::error::{Outcome, Result};
use crate::model::{Member, Workspace};
use crate::render::escape::terminal;
use crate::render::views::{MemberJson, member_fields, member_records};
use crate::render::{self, Col, Records, View};
use crate::style::Paint;
use clap::Args;
use serde::{Serialize, Serializer};
use serde_json::json;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster member show bob
  roster member show bob --format json"#)]
pub struct ShowArgs {
    /// The member's id
    pub member: String,
}

pub fn cmd_show(ctx: &Ctx, args: ShowArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let m = find_member(&ws, &args.member)?;
    let licence = ws.licence(m).map(|t| Licence { tier: &t.id, price: t.price });
    ctx.show(&MemberView { member: MemberJson::new(m), licence, effective: Effective { ws: &ws, m }, ws: &ws, m })?;
    Ok(Outcome::Success)
}

/// The member: as JSON the exported member (SPEC §5's `member show` fields)
/// plus effective access; as csv and markdown the row of `member list`; for
/// people, its fields and a table of its effective access.
#[derive(Serialize)]
struct MemberView<'a> {
    #[serde(flatten)]
    member: MemberJson<'a>,
    /// SPEC §1: the highest-priced tier among their own and per-client profiles.
    licence: Option<Licence<'a>>,
    effective: Effective<'a>,
    #[serde(skip)]
    ws: &'a Workspace,
    #[serde(skip)]
    m: &'a Member,
}

/// `{"tier", "price"}`: what the member's seat costs each month.
#[derive(Serialize)]
struct Licence<'a> {
    tier: &'a str,
    price: f64,
}

/// area -> action -> the level the member reaches without a client.
struct Effective<'a> {
    ws: &'a Workspace,
    m: &'a Member,
}

impl Serialize for Effective<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (ws, m) = (self.ws, self.m);
        s.collect_map(ws.areas.iter().map(|area| {
            let actions: serde_json::Map<String, serde_json::Value> = area
                .actions
                .iter()
                .map(|a| (a.value.clone(), json!(access::member_level(ws, m, area, &a.value).level.as_str())))
                .collect();
            (&area.id, actions)
        }))
    }
}

impl View for MemberView<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        let mut r = member_records();
        r.push(member_fields(self.m));
        Some(Cow::Owned(r))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        Some(to_text(self.ws, self.m, paint))
    }
}

fn to_text(ws: &Workspace, m: &Member, paint: Paint) -> String {
    let currency = &ws.settings.currency;
    // Free text from the files is escaped whole, so that it keeps to its line.
    let mut out =
        format!("{} — {} <{}>\n", paint.apply(paint.bold(), &m.id), terminal(&m.name), terminal(&m.email.value));
    let mut line = |label: &str, value: String| out.push_str(&format!("  {label:<13} {value}\n"));
    let dated = |w: Option<&crate::model::Window>| w.map_or(String::new(), |w| format!(" ({})", w.describe()));
    line("status", format!("{}{}", m.status, dated(m.window())));
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
    if let Some(t) = ws.licence(m) {
        let why = if tier.is_some_and(|own| own.id == t.id) { "" } else { " (a per-client profile's tier)" };
        line("licence", format!("{} {} {currency}/month{why}", terminal(&t.label), render::money(t.price)));
    }
    let clients: Vec<String> =
        m.clients.iter().map(|c| format!("{}{}", c.value, dated(m.client_window(&c.value)))).collect();
    line("clients", if clients.is_empty() { "none".into() } else { clients.join(", ") });
    // Teams are optional: a line only for a member in some.
    let teams: Vec<String> = ws
        .teams_of(&m.id)
        .map(|t| {
            let lead = if t.lead.as_ref().is_some_and(|l| l.value == m.id) { ", lead" } else { "" };
            let clients: Vec<&str> = t.clients.iter().map(|c| c.value.as_str()).collect();
            let clients = if clients.is_empty() { "no clients".to_string() } else { clients.join(", ") };
            format!("{} ({clients}{lead})", t.id)
        })
        .collect();
    if !teams.is_empty() {
        line("teams", teams.join("; "));
    }
    for (c, p) in m.client_profiles() {
        line("per-client", format!("{} -> {}{}", c.value, p.value, dated(m.profile_window(&c.value))));
    }
    for (area, actions) in m.grants() {
        for (action, level) in actions {
            line("override", format!("{area}.{action} = {}{}", level.value, dated(m.grant_window(area, action))));
        }
    }
    if let Some(limit) = m.credit_limit() {
        line("credit limit", render::credits(limit));
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
    out.push_str(&records.table(paint));
    out
}
