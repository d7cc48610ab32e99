//! `roster access list M [--client C] [--area AREA]`: "view as a member",
//! everything M can do, each area.action with its level and the profile it
//! comes from, and for areas judged per client the clients reached and how
//! (`access::list` builds it; this file shows it).

use crate::access::Reach;
use crate::access::Via;
use crate::access::list::{Clients, Line, member_access};
use crate::commands::{Ctx, find_client, find_member};
use crate::error::{Error, Outcome, Result};
use crate::model::{Member, Workspace};
use crate::render::{self, Col, Records, View};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use serde_json::{Value, json};
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  # everything bob can do, and the clients each grant reaches
  roster access list bob
  # as judged for one client (the profile in effect for it)
  roster access list bob --client jean-dupont
  roster access list julie --area invoices --format json"#)]
pub struct ListArgs {
    /// The member to view as
    pub member: String,
    /// Judge every area.action for this client (under the profile in effect for it)
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
    /// Only this area
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
}

pub fn cmd_list(ctx: &Ctx, args: ListArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let m = find_member(&ws, &args.member)?;
    let client = args.client.as_deref().map(|c| find_client(&ws, c)).transpose()?;
    let area = match args.area.as_deref() {
        Some(a) => Some(ws.area(a).ok_or_else(|| {
            Error::not_found("area", a, ws.areas.iter().map(|x| x.id.as_str()), "roster profile show")
        })?),
        None => None,
    };
    let lines = member_access(&ws, m, client, area);
    ctx.show(&AccessList::new(&ws, m, client.map(|c| c.id.as_str()), &lines))?;
    Ok(Outcome::Success)
}

/// The reference's `access list` shape.
#[derive(Serialize)]
struct AccessList<'a> {
    member: &'a str,
    /// The date access is judged on: null until workspaces hold dates.
    at: Option<String>,
    active: bool,
    access: Vec<Entry<'a>>,
    #[serde(skip)]
    heading: String,
    #[serde(skip)]
    lines: &'a [Line<'a>],
    #[serde(skip)]
    m: &'a Member,
    /// Judged for one client (`--client`): the heading names its profile.
    #[serde(skip)]
    for_client: bool,
}

#[derive(Serialize)]
struct Entry<'a> {
    area: &'a str,
    action: &'a str,
    level: &'a str,
    profile: &'a str,
    /// Only for areas judged per client, at a level that reaches some: `"all"` or a list.
    #[serde(skip_serializing_if = "Option::is_none")]
    clients: Option<Value>,
}

/// How a client is reached, as the data formats name it (`assigned`,
/// `company`, `team:ID`, `created`); `None` for what reaches no particular client.
fn via(path: &Reach) -> Option<String> {
    match path {
        Reach::Assigned => Some("assigned".into()),
        Reach::CompanyAssigned(_) => Some("company".into()),
        Reach::Team(t) | Reach::CompanyTeam(_, t) => Some(format!("team:{t}")),
        Reach::CreatedBy => Some("created".into()),
        Reach::Everything | Reach::NotReached | Reach::Nothing | Reach::NotPerClient => None,
    }
}

/// The last day of the connection that reaches a client: the assignment's
/// `until` (the company's, for a contact reached through it); none for a
/// client the member created, or an assignment without an end.
fn until(ws: &Workspace, m: &Member, path: &Reach, client: &str) -> Option<String> {
    let window = match path {
        Reach::Assigned => m.client_window(client),
        Reach::CompanyAssigned(company) => m.client_window(company),
        // Through a team: the team's assignment's (§10).
        Reach::Team(t) => ws.team(t)?.client_window(client),
        Reach::CompanyTeam(company, t) => ws.team(t)?.client_window(company),
        _ => return None,
    };
    window.and_then(|w| w.until).map(|d| d.to_string())
}

impl<'a> AccessList<'a> {
    fn new(ws: &Workspace, m: &'a Member, client: Option<&str>, lines: &'a [Line<'a>]) -> AccessList<'a> {
        let access = lines
            .iter()
            .map(|l| Entry {
                area: &l.area.id,
                action: l.action,
                level: l.effective.level.as_str(),
                profile: l.effective.profile,
                clients: match &l.clients {
                    Clients::NotPerClient | Clients::Nothing => None,
                    Clients::All => Some(json!("all")),
                    Clients::Listed(list) => Some(Value::Array(
                        list.iter()
                            .map(|r| {
                                json!({"client": r.client, "via": via(&r.path), "profile": r.profile, "until": until(ws, m, &r.path, r.client)})
                            })
                            .collect(),
                    )),
                },
            })
            .collect();
        AccessList {
            member: &m.id,
            at: Some(ws.at().to_string()),
            active: m.is_active(),
            access,
            heading: heading(ws, m, client),
            lines,
            m,
            for_client: client.is_some(),
        }
    }

    /// The lines for people: the profile says where the level comes from,
    /// the clients how each is reached.
    fn records(&self, for_people: bool) -> Records {
        let mut r = Records::new([
            ("area", Col::Text),
            ("action", Col::Text),
            ("level", Col::Text),
            ("profile", Col::Text),
            ("clients", Col::Text),
        ]);
        for (line, entry) in self.lines.iter().zip(&self.access) {
            let profile = if for_people { source(self.m, line, self.for_client) } else { entry.profile.to_string() };
            r.push(vec![
                json!(entry.area),
                json!(entry.action),
                json!(entry.level),
                json!(profile),
                json!(clients_text(line)),
            ]);
        }
        r
    }
}

/// `bob (Bob Durand): active; own profile easy-invoicing; for acme full-accounting`.
fn heading(ws: &Workspace, m: &Member, client: Option<&str>) -> String {
    let status =
        if m.is_active() { m.status.to_string() } else { format!("{} (only active members have access)", m.status) };
    let member_window = m.window().map_or(String::new(), |w| format!(" {}", w.describe()));
    let mut out = format!("{} ({}): {status}{member_window}; own profile {}", m.id, m.name, m.profile.value);
    // Each per-client profile with its window, and whether it is in effect
    // on the date access is judged on.
    let at = ws.at();
    let per_client: Vec<String> = m
        .client_profiles()
        .iter()
        .map(|(c, p)| match m.profile_window(&c.value) {
            Some(w) if !w.active_on(at) => {
                format!("{} for {} {} (not in effect on {at})", p.value, c.value, w.describe())
            }
            Some(w) => format!("{} for {} {}", p.value, c.value, w.describe()),
            None => format!("{} for {}", p.value, c.value),
        })
        .collect();
    if !per_client.is_empty() {
        out.push_str(&format!("; {}", per_client.join(", ")));
    }
    if let Some(c) = client {
        let why = match crate::access::per_client_profile(ws, m, c) {
            Some(p) => match p.through_company {
                Some(co) => format!("{} (per-client profile for {co}, whose folder holds {c})", p.profile),
                None => format!("{} (per-client profile)", p.profile),
            },
            None => format!("{} (own profile)", m.profile.value),
        };
        out.push_str(&format!("\non {c}: profile {why}"));
    }
    out
}

/// Where a line's level comes from, for people: the profile, `+ override`
/// when the member's override sets it, and for a per-client profile's line
/// the clients it is listed for (`full-accounting (for acme)`).
fn source(m: &Member, line: &Line<'_>, for_client: bool) -> String {
    let p = line.effective.profile;
    let mut out = p.to_string();
    if line.effective.via == Via::Override {
        out.push_str(" + override");
    }
    if !for_client && p != m.profile.value && matches!(line.clients, Clients::Listed(_)) {
        let mut listed: Vec<&str> =
            m.client_profiles().iter().filter(|(_, q)| q.value == p).map(|(c, _)| c.value.as_str()).collect();
        listed.sort_unstable();
        out.push_str(&format!(" (for {})", listed.join(", ")));
    }
    out
}

/// A line's clients for people and CSV: `all`, or each reached client and how.
fn clients_text(line: &Line<'_>) -> String {
    match &line.clients {
        Clients::NotPerClient | Clients::Nothing => String::new(),
        Clients::All => "all".to_string(),
        Clients::Listed(list) => list
            .iter()
            .map(|r| {
                let how = match &r.path {
                    Reach::CompanyAssigned(co) => format!("company {co}"),
                    Reach::Team(t) => format!("team {t}"),
                    Reach::CompanyTeam(co, t) => format!("company {co}, team {t}"),
                    other => via(other).unwrap_or_default(),
                };
                let under =
                    if r.profile == line.effective.profile { String::new() } else { format!(", under {}", r.profile) };
                format!("{} ({how}{under})", r.client)
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

impl View for AccessList<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(self.records(true)))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        let heading: String = self.heading.lines().map(|l| format!("{}\n", render::escape::terminal(l))).collect();
        Some(format!("{heading}\n{}", self.records(true).table(paint)))
    }

    fn markdown(&self) -> Option<String> {
        let heading: String = self.heading.lines().map(|l| format!("{}\n", render::escape::markdown(l))).collect();
        Some(format!("{heading}\n{}", self.records(true).markdown()))
    }

    fn csv(&self) -> Option<String> {
        Some(self.records(false).csv())
    }
}
