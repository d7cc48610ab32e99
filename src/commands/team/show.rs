//! `roster team show T`: a team's name, lead, members and clients, and what
//! each member (and the lead) reaches through it: for each client of the
//! team (and each contact of a company of the team), the area.actions they
//! may do on it because of the team.

use super::find_team;
use crate::access::{self, Reach};
use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::model::{Team, Workspace};
use crate::render::escape::terminal;
use crate::render::{Col, Records, View};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster team show audit
  roster team show audit --format json"#)]
pub struct ShowArgs {
    /// The team's id
    pub team: String,
}

pub fn cmd_show(ctx: &Ctx, args: ShowArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let t = find_team(&ws, &args.team)?;
    let reach = reached(&ws, t);
    ctx.show(&TeamView {
        id: &t.id,
        name: &t.name,
        lead: t.lead.as_ref().map(|l| l.value.as_str()),
        members: t.members.iter().map(|m| m.value.as_str()).collect(),
        clients: t
            .clients
            .iter()
            .map(|c| {
                let w = t.client_window(&c.value);
                TeamClient { client: &c.value, from: w.and_then(|w| w.from), until: w.and_then(|w| w.until) }
            })
            .collect(),
        reach,
    })?;
    Ok(Outcome::Success)
}

/// `team show`'s JSON: `{"id", "name", "lead", "members", "clients":
/// [{"client", "from", "until"}], "reach": [{"member", "client", "access": ["area.action"]}]}`.
#[derive(Serialize)]
struct TeamView<'a> {
    id: &'a str,
    name: &'a str,
    lead: Option<&'a str>,
    members: Vec<&'a str>,
    clients: Vec<TeamClient<'a>>,
    reach: Vec<Reached>,
}

#[derive(Serialize)]
struct TeamClient<'a> {
    client: &'a str,
    #[serde(serialize_with = "date")]
    from: Option<crate::model::Date>,
    #[serde(serialize_with = "date")]
    until: Option<crate::model::Date>,
}

/// A date as JSON: `"2026-12-31"`, or null.
fn date<S: serde::Serializer>(d: &Option<crate::model::Date>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

impl TeamClient<'_> {
    /// `initech`, `initech (until 2026-12-31)`.
    fn text(&self) -> String {
        let w = crate::model::Window { from: self.from, until: self.until, span: crate::source::Span::default() };
        match w.describe().as_str() {
            "" => self.client.to_string(),
            dates => format!("{} ({dates})", self.client),
        }
    }
}

/// What one member may do on one client through a team.
#[derive(Serialize)]
struct Reached {
    member: String,
    client: String,
    access: Vec<String>,
}

/// For each of the team's people (the lead first) and each client it brings
/// them (its clients, and the contacts of its companies), in id order, the
/// area.actions allowed on that client through a team: those whose
/// decision's path is a team. A pair with none is left out.
fn reached(ws: &Workspace, t: &Team) -> Vec<Reached> {
    let mut clients: Vec<&str> = t.clients.iter().map(|c| c.value.as_str()).collect();
    clients.extend(
        ws.clients
            .iter()
            .filter(|c| c.company.as_ref().is_some_and(|co| t.has_client(&co.value)))
            .map(|c| c.id.as_str()),
    );
    clients.sort_unstable();
    clients.dedup();
    let keys: Vec<_> =
        ws.areas.iter().filter(|a| a.per_client).flat_map(|a| a.actions.iter().map(move |x| (a, x))).collect();
    let mut out = Vec::new();
    for person in t.people() {
        let Some(m) = ws.member(person) else { continue };
        for &c in &clients {
            let Some(client) = ws.client(c) else { continue };
            let access: Vec<String> = keys
                .iter()
                .filter(|(area, action)| {
                    let d = access::decide(ws, m, area, &action.value, Some(client));
                    d.allowed && matches!(d.reach, Some(Reach::Team(_) | Reach::CompanyTeam(..)))
                })
                .map(|(area, action)| format!("{}.{}", area.id, action.value))
                .collect();
            if !access.is_empty() {
                out.push(Reached { member: m.id.to_string(), client: c.to_string(), access });
            }
        }
    }
    out
}

impl TeamView<'_> {
    fn reach_records(&self) -> Records {
        let mut r = Records::new([("member", Col::Text), ("client", Col::Text), ("access", Col::Text)]);
        for x in &self.reach {
            r.push(vec![json!(x.member), json!(x.client), json!(x.access)]);
        }
        r.when_empty("nobody reaches anything through the team (no clients, or they reach them otherwise)")
    }
}

impl View for TeamView<'_> {
    /// CSV and Markdown: what each member reaches through the team.
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(self.reach_records()))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        let mut out = format!("{} — {}\n", paint.apply(paint.bold(), self.id), terminal(self.name));
        let mut line = |label: &str, value: String| out.push_str(&format!("  {label:<8} {value}\n"));
        line("lead", self.lead.unwrap_or("none").to_string());
        let list = |v: Vec<&str>| if v.is_empty() { "none".to_string() } else { v.join(", ") };
        line("members", list(self.members.clone()));
        let clients: Vec<String> = self.clients.iter().map(TeamClient::text).collect();
        line("clients", list(clients.iter().map(String::as_str).collect()));
        out.push_str("\nreached through the team:\n");
        out.push_str(&self.reach_records().table(paint));
        Some(out)
    }
}
