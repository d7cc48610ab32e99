//! `roster export members|profiles|clients|assignments|matrix|teams [-o FILE]`: CSV by
//! default (a header row, one record a row, lists joined with `;`), or
//! `--format json`.

use super::Ctx;
use crate::error::{Outcome, Result};
use crate::model::Workspace;
use crate::render::views::{Matrix, MemberJson, ProfileJson, client_records, members_by_id};
use crate::render::{self, Col, Records, View, members_csv};
use crate::store::save::write_atomic;
use crate::style::Paint;
use clap::{Args, ValueEnum};
use serde::{Serialize, Serializer};
use serde_json::json;
use std::borrow::Cow;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Every member, every field (the file `import members` reads)
    Members,
    /// Every profile, one column per area.action
    Profiles,
    /// Every client
    Clients,
    /// One row per member and assigned client, with the profile in effect
    Assignments,
    /// Every member x every area.action
    Matrix,
    /// Every team: name, lead, members and clients
    Teams,
}

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster export members -o members.csv    the CSV that import members reads
  roster export matrix --format json"#)]
pub struct ExportArgs {
    /// What to export
    #[arg(value_enum)]
    pub kind: Kind,
    /// Write to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn cmd_export(ctx: &Ctx, args: ExportArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let text = render::show(&Export { kind: args.kind, ws: &ws }, ctx.format, Paint::plain());
    match &args.output {
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            if !ctx.quiet {
                let rows = match args.kind {
                    Kind::Members | Kind::Matrix => ws.members.len(),
                    Kind::Profiles => ws.profiles.len(),
                    Kind::Clients => ws.clients.len(),
                    Kind::Assignments => ws.members.iter().map(|m| m.clients.len()).sum(),
                    Kind::Teams => ws.teams().len(),
                };
                ctx.print(&format!("wrote {rows} {} to {}\n", plural_kind(args.kind, rows), path.display()))?;
            }
        }
        None => ctx.print_data(&text)?,
    }
    Ok(Outcome::Success)
}

fn plural_kind(kind: Kind, n: usize) -> &'static str {
    match (kind, n == 1) {
        (Kind::Members, true) | (Kind::Matrix, true) => "member",
        (Kind::Members, false) | (Kind::Matrix, false) => "members",
        (Kind::Profiles, true) => "profile",
        (Kind::Profiles, false) => "profiles",
        (Kind::Clients, true) => "client",
        (Kind::Clients, false) => "clients",
        (Kind::Assignments, true) => "assignment",
        (Kind::Assignments, false) => "assignments",
        (Kind::Teams, true) => "team",
        (Kind::Teams, false) => "teams",
    }
}

/// What is exported: the kind's records, except the JSON of members and
/// profiles (every field, as `member show` and `profile show` give them) and
/// the matrix's CSV (written row by row). Export is for files: a table is not
/// one, so `--format table` (the default) writes CSV.
struct Export<'a> {
    kind: Kind,
    ws: &'a Workspace,
}

impl Serialize for Export<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let ws = self.ws;
        match self.kind {
            Kind::Members => s.collect_seq(members_by_id(ws).into_iter().map(MemberJson::new)),
            Kind::Profiles => s.collect_seq(ws.profiles.iter().map(|p| ProfileJson::new(ws, p))),
            kind => records(ws, kind).serialize(s),
        }
    }
}

impl View for Export<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(records(self.ws, self.kind)))
    }

    fn csv(&self) -> Option<String> {
        match self.kind {
            Kind::Matrix => Matrix { ws: self.ws }.csv(),
            _ => self.records().map(|r| r.csv()),
        }
    }

    fn text(&self, _paint: Paint) -> Option<String> {
        self.csv()
    }
}

fn records(ws: &Workspace, kind: Kind) -> Records {
    match kind {
        Kind::Members => members_csv::records(members_by_id(ws)),
        Kind::Profiles => {
            let mut columns: Vec<(String, Col)> =
                ["id", "name", "description", "tier", "price", "builtin", "admin", "default"]
                    .iter()
                    .map(|c| (c.to_string(), Col::Text))
                    .collect();
            columns.extend(ws.action_keys().into_iter().map(|k| (k.to_string(), Col::Text)));
            let mut r = Records::new(columns);
            let default = ws.default_profile().map(|p| p.id.as_str());
            for p in &ws.profiles {
                let mut row = vec![
                    json!(p.id),
                    json!(p.name),
                    json!(p.description),
                    json!(p.tier.value),
                    json!(ws.profile_price(p)),
                    json!(p.builtin),
                    json!(p.admin),
                    json!(default == Some(p.id.as_str())),
                ];
                for area in &ws.areas {
                    row.extend(area.actions.iter().map(|a| json!(ws.profile_level(p, area, &a.value).as_str())));
                }
                r.push(row);
            }
            r
        }
        Kind::Clients => client_records(ws, None),
        Kind::Assignments => {
            // The profile in effect on the date of judgement; the assignment's own dates.
            let mut r = Records::new([
                ("member", Col::Text),
                ("client", Col::Text),
                ("profile", Col::Text),
                ("from", Col::Text),
                ("until", Col::Text),
            ]);
            let day = |d: Option<crate::model::Date>| d.map_or(serde_json::Value::Null, |d| json!(d.to_string()));
            for m in members_by_id(ws) {
                for c in &m.clients {
                    let profile = crate::access::per_client_profile(ws, m, &c.value)
                        .map_or(m.profile.value.as_str(), |p| p.profile);
                    let w = m.client_window(&c.value);
                    r.push(vec![
                        json!(m.id),
                        json!(c.value),
                        json!(profile),
                        day(w.and_then(|w| w.from)),
                        day(w.and_then(|w| w.until)),
                    ]);
                }
            }
            r
        }
        Kind::Matrix => Matrix { ws }.records().map(Cow::into_owned).unwrap_or_default(),
        Kind::Teams => super::team::list::team_records(ws),
    }
}
