//! The views that several commands print: a member's row and JSON (`member
//! list`, `member show`, `export members`), the client list (`client list`,
//! `export clients`), the access matrix (`access matrix`, `export matrix`) and
//! a profile's JSON (`profile show`, `export profiles`).

use super::{Col, Records, View, csv_guard::CsvWriter};
use crate::access;
use crate::model::{At, Grants, Level, Member, Profile, Ref, Workspace};
use crate::style::Paint;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value, json};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Members by id: the order of every list of members.
pub fn members_by_id(ws: &Workspace) -> Vec<&Member> {
    let mut members: Vec<&Member> = ws.members.iter().collect();
    // Usually in order already: roster adds members in id order to a sorted file.
    if !members.is_sorted_by(|a, b| a.id <= b.id) {
        members.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    }
    members
}

/// The columns of [`member_fields`], no rows yet.
pub fn member_records() -> Records {
    Records::new([
        ("id", Col::Text),
        ("name", Col::FreeText),
        ("email", Col::Text),
        ("profile", Col::Text),
        ("status", Col::Text),
        ("clients", Col::Text),
    ])
}

/// The fields of a member that `member list` prints, `member show` starts
/// with, and the members CSV extends.
pub fn member_fields(m: &Member) -> Vec<Value> {
    vec![
        json!(m.id),
        json!(m.name),
        json!(m.email.value),
        json!(m.profile.value),
        json!(m.status.as_str()),
        Value::Array(m.clients.iter().map(|c| json!(c.value)).collect()),
    ]
}

/// A member as JSON, every field (SPEC §5's `member show`; each element of
/// `export members --format json`). Borrows the member: 100,000 of them
/// are written without a copy.
#[derive(Debug, Serialize)]
pub struct MemberJson<'a> {
    id: &'a str,
    name: &'a str,
    email: &'a str,
    profile: &'a str,
    status: &'a str,
    clients: Ids<'a>,
    client_profiles: ClientProfiles<'a>,
    grants: GrantsJson<'a>,
    credit_limit: Option<f64>,
    /// The member's first and last day (`YYYY-MM-DD`), or null.
    from: Option<String>,
    until: Option<String>,
    /// The dated entries only: `clients` (client ->), `client_profiles`
    /// (client ->) and `grants` (`area.action` ->), each `{"from", "until"}`.
    windows: Windows<'a>,
}

/// The windows of a member's dated assignments, per-client profiles and overrides.
#[derive(Debug)]
struct Windows<'a>(&'a Member);

impl Serialize for Windows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        let w = |w: &crate::model::Window| json!({"from": w.from.map(|d| d.to_string()), "until": w.until.map(|d| d.to_string())});
        let mut clients = Map::new();
        for c in &m.clients {
            if let Some(x) = m.client_window(&c.value) {
                clients.insert(c.value.to_string(), w(x));
            }
        }
        let mut profiles = Map::new();
        for (c, _) in m.client_profiles() {
            if let Some(x) = m.profile_window(&c.value) {
                profiles.insert(c.value.to_string(), w(x));
            }
        }
        let mut grants = Map::new();
        for (area, actions) in m.grants() {
            for action in actions.keys() {
                if let Some(x) = m.grant_window(area, action) {
                    grants.insert(format!("{area}.{action}"), w(x));
                }
            }
        }
        json!({"clients": clients, "client_profiles": profiles, "grants": grants}).serialize(s)
    }
}

impl<'a> MemberJson<'a> {
    pub fn new(m: &'a Member) -> MemberJson<'a> {
        MemberJson {
            id: &m.id,
            name: &m.name,
            email: &m.email.value,
            profile: &m.profile.value,
            status: m.status.as_str(),
            clients: Ids(&m.clients),
            client_profiles: ClientProfiles(m.client_profiles()),
            grants: GrantsJson(m.grants()),
            credit_limit: m.credit_limit(),
            from: m.window().and_then(|w| w.from).map(|d| d.to_string()),
            until: m.window().and_then(|w| w.until).map(|d| d.to_string()),
            windows: Windows(m),
        }
    }
}

/// A list of ids.
#[derive(Debug)]
struct Ids<'a>(&'a [crate::model::ClientRef]);

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|r| r.value.as_str()))
    }
}

/// client -> profile, in file order.
#[derive(Debug)]
struct ClientProfiles<'a>(&'a [(Ref, Ref)]);

impl Serialize for ClientProfiles<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(c, p)| (c.value.as_str(), p.value.as_str())))
    }
}

/// area -> action -> level.
#[derive(Debug)]
pub struct GrantsJson<'a>(pub &'a Grants);

impl Serialize for GrantsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Actions<'a>(&'a BTreeMap<String, At<Level>>);
        impl Serialize for Actions<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|(action, l)| (action, l.value.as_str())))
            }
        }
        s.collect_map(self.0.iter().map(|(area, actions)| (area, Actions(actions))))
    }
}

/// Clients by id (only those assigned to `only`, when given), with their
/// assigned members (directly or through a team).
pub fn client_records(ws: &Workspace, only: Option<&Member>) -> Records {
    // Client -> assigned members, built once.
    let mut assigned: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in &ws.members {
        for c in &m.clients {
            assigned.entry(&c.value).or_default().push(&m.id);
        }
    }
    // And through teams: each member and the lead of a team the client is assigned to.
    for t in ws.teams() {
        for c in &t.clients {
            assigned.entry(&c.value).or_default().extend(t.people());
        }
    }
    let mut records = Records::new([
        ("id", Col::Text),
        ("name", Col::FreeText),
        ("kind", Col::Text),
        ("company", Col::Text),
        ("created_by", Col::Text),
        ("members", Col::Text),
    ]);
    let mut clients: Vec<_> = ws.clients.iter().filter(|c| only.is_none_or(|m| ws.is_assigned(m, &c.id))).collect();
    clients.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    for c in clients {
        let mut members = assigned.get(c.id.as_str()).cloned().unwrap_or_default();
        members.sort_unstable();
        members.dedup();
        records.push(vec![
            json!(c.id),
            json!(c.name),
            json!(c.kind.as_str()),
            c.company.as_ref().map_or(Value::Null, |r| json!(r.value)),
            c.created_by.as_ref().map_or(Value::Null, |r| json!(r.value)),
            json!(members),
        ]);
    }
    records
}

/// Every member x every area.action: member, status, profile, then one
/// column per area.action (levels without a client; members who are not
/// active hold `none`).
#[derive(Debug)]
pub struct Matrix<'a> {
    pub ws: &'a Workspace,
}

impl Matrix<'_> {
    fn header(&self) -> Vec<String> {
        let mut header: Vec<String> = ["member", "status", "profile"].map(String::from).into();
        header.extend(self.ws.action_keys().into_iter().map(|k| k.to_string()));
        header
    }
}

impl Serialize for Matrix<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.records().unwrap_or_default().serialize(s)
    }
}

impl View for Matrix<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        let ws = self.ws;
        let mut records = Records::new(self.header().into_iter().map(|name| (name, Col::Text)));
        let matrix = access::Matrix::new(ws);
        for m in members_by_id(ws) {
            let mut row = vec![json!(m.id), json!(m.status.as_str()), json!(m.profile.value)];
            row.extend(matrix.row(m).into_iter().map(|l| json!(l.as_str())));
            records.push(row);
        }
        Some(Cow::Owned(records))
    }

    /// For people: levels abbreviated (with a legend), the actions under
    /// their area, and areas that do not fit the width moved to blocks below,
    /// each repeating the member column (see [`matrix_table`]).
    fn text(&self, paint: Paint) -> Option<String> {
        Some(matrix_table(self.ws, paint))
    }

    /// Written row by row: on 100,000 members a cell-by-cell data shape
    /// costs seven times the workspace's size in memory.
    fn csv(&self) -> Option<String> {
        let ws = self.ws;
        let header = self.header();
        let mut w = CsvWriter::with_capacity(ws.members.len() * ((header.len() - 3) * 5 + 40));
        w.text_row(header.iter().map(String::as_str));
        let mut row: Vec<&str> = Vec::with_capacity(header.len());
        let matrix = access::Matrix::new(ws);
        for m in members_by_id(ws) {
            row.clear();
            row.extend([m.id.as_str(), m.status.as_str(), m.profile.value.as_str()]);
            row.extend(matrix.row(m).into_iter().map(|l| l.as_str()));
            w.text_row(row.iter().copied());
        }
        Some(w.finish())
    }
}

/// A level in one cell of the matrix table, three columns at most.
fn level_abbrev(level: Level) -> &'static str {
    match level {
        Level::Assigned => "asg",
        Level::None => "-",
        other => other.as_str(),
    }
}

/// The legend of [`level_abbrev`], the matrix table's first line.
const MATRIX_LEGEND: &str = "levels: all > asg (assigned) > own > - (none)";

/// The access matrix for people. Full names and an `area.action` header per
/// column made a table of 250 columns that a terminal cut into pieces
/// (`ass/ign/ed`); here a cell is at most three columns wide, each area's
/// name stands once over its actions, and the areas that do not fit in
/// `paint.width` go to further blocks, each led by the member column, so
/// that no cell and no header is ever cut. Without a width (a pipe), one block.
pub fn matrix_table(ws: &Workspace, paint: Paint) -> String {
    use crate::render::escape::terminal;
    use crate::render::width::width;
    let members = members_by_id(ws);
    if members.is_empty() {
        return "no members\n".to_string();
    }
    let matrix = access::Matrix::new(ws);
    let rows: Vec<Vec<Level>> = members.iter().map(|m| matrix.row(m)).collect();
    let fixed_heads = ["MEMBER", "STATUS", "PROFILE"];
    let fixed: Vec<[String; 3]> = members
        .iter()
        .map(|m| [terminal(&m.id).into_owned(), m.status.as_str().to_string(), terminal(&m.profile.value).into_owned()])
        .collect();
    let mut fixed_w = fixed_heads.map(str::len);
    for f in &fixed {
        for (w, text) in fixed_w.iter_mut().zip(f) {
            *w = (*w).max(width(text));
        }
    }
    // Each area: its name, and each action's name, width and column in a row.
    struct Group {
        name: String,
        actions: Vec<(String, usize, usize)>,
        width: usize,
    }
    let mut groups = Vec::new();
    let mut column = 0;
    for area in &ws.areas {
        let name = terminal(&area.id.to_uppercase()).into_owned();
        let mut actions: Vec<(String, usize, usize)> = area
            .actions
            .iter()
            .map(|a| {
                let text = terminal(&a.value).into_owned();
                let w = width(&text).max(3);
                column += 1;
                (text, w, column - 1)
            })
            .collect();
        let mut w = actions.iter().map(|a| a.1).sum::<usize>() + actions.len().saturating_sub(1);
        if let Some(last) = actions.last_mut()
            && width(&name) > w
        {
            last.1 += width(&name) - w;
            w = width(&name);
        }
        groups.push(Group { name, actions, width: w });
    }
    // The blocks: as many areas as fit beside the lead columns (at least one).
    let lead = |first: bool| if first { 1 + fixed_w[0] + 2 + fixed_w[1] + 2 + fixed_w[2] } else { 1 + fixed_w[0] };
    let mut blocks: Vec<Vec<&Group>> = Vec::new();
    let mut used = 0;
    for g in &groups {
        match blocks.last_mut() {
            Some(block) if paint.width.is_none_or(|limit| used + 2 + g.width <= limit) => {
                block.push(g);
                used += 2 + g.width;
            }
            _ => {
                used = lead(blocks.is_empty()) + 2 + g.width;
                blocks.push(vec![g]);
            }
        }
    }
    if blocks.is_empty() {
        blocks.push(Vec::new());
    }
    let pad = |out: &mut String, text: &str, w: usize| {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(text))));
    };
    let bold = |line: String| {
        let line = line.trim_end().to_string();
        if paint.enabled { paint.apply(paint.bold(), &line) } else { line }
    };
    let mut out = format!("{MATRIX_LEGEND}\n");
    for (b, block) in blocks.iter().enumerate() {
        let lead_heads: &[&str] = if b == 0 { &fixed_heads } else { &fixed_heads[..1] };
        let (mut areas, mut heads) = (" ".to_string(), " ".to_string());
        for (i, h) in lead_heads.iter().enumerate() {
            let sep = if i + 1 < lead_heads.len() { 2 } else { 0 };
            pad(&mut areas, "", fixed_w[i] + sep);
            pad(&mut heads, h, fixed_w[i] + sep);
        }
        for g in block {
            areas.push_str("  ");
            heads.push_str("  ");
            pad(&mut areas, &g.name, g.width);
            for (k, (action, w, _)) in g.actions.iter().enumerate() {
                if k > 0 {
                    heads.push(' ');
                }
                pad(&mut heads, action, *w);
            }
        }
        out.push('\n');
        out.push_str(&bold(areas));
        out.push('\n');
        out.push_str(&bold(heads));
        out.push('\n');
        for (f, levels) in fixed.iter().zip(&rows) {
            let mut line = " ".to_string();
            for (i, text) in f.iter().take(lead_heads.len()).enumerate() {
                let sep = if i + 1 < lead_heads.len() { 2 } else { 0 };
                pad(&mut line, text, fixed_w[i] + sep);
            }
            for g in block {
                line.push_str("  ");
                for (k, (_, w, col)) in g.actions.iter().enumerate() {
                    if k > 0 {
                        line.push(' ');
                    }
                    pad(&mut line, level_abbrev(levels[*col]), *w);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// A profile as JSON (SPEC §5's `profile show` object; each element of
/// `export profiles --format json`): every area.action, and the members.
#[derive(Debug, Serialize)]
pub struct ProfileJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub tier: &'a str,
    pub builtin: bool,
    pub admin: bool,
    pub default: bool,
    pub grants: Map<String, Value>,
    /// By id.
    pub members: Vec<&'a str>,
}

impl<'a> ProfileJson<'a> {
    pub fn new(ws: &'a Workspace, p: &'a Profile) -> ProfileJson<'a> {
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
        ProfileJson {
            id: &p.id,
            name: &p.name,
            description: &p.description,
            tier: &p.tier.value,
            builtin: p.builtin,
            admin: p.admin,
            default: ws.default_profile().is_some_and(|d| d.id == p.id),
            grants,
            members,
        }
    }
}
