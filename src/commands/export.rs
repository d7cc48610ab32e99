//! `roster export members|profiles|clients|assignments|matrix [-o FILE]`: CSV by
//! default (a header row, one record a row, lists joined with `;`), or
//! `--format json`.

use super::Ctx;
use super::access::matrix;
use super::client::list as client_list;
use super::member::list::sorted;
use crate::error::{Outcome, Result};
use crate::model::Workspace;
use crate::render::{self, Col, Format, Records, members_csv};
use crate::store::save::write_atomic;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
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
}

#[derive(Debug, Args)]
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
    // Export is for files: a table is not one; CSV is the default.
    let format = match ctx.format {
        Format::Table => Format::Csv,
        f => f,
    };
    let text = match (args.kind, format) {
        (Kind::Members, Format::Json) => {
            render::json(&Value::Array(sorted(&ws).into_iter().map(members_csv::json_row).collect()))
        }
        (Kind::Profiles, Format::Json) => {
            render::json(&Value::Array(ws.profiles.iter().map(|p| super::profile::show::to_json(&ws, p)).collect()))
        }
        (Kind::Matrix, Format::Csv) => matrix::csv(&ws),
        (kind, format) => records(&ws, kind).render(format, crate::style::Paint::plain()),
    };
    match &args.output {
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            if !ctx.quiet {
                let rows = match args.kind {
                    Kind::Members | Kind::Matrix => ws.members.len(),
                    Kind::Profiles => ws.profiles.len(),
                    Kind::Clients => ws.clients.len(),
                    Kind::Assignments => ws.members.iter().map(|m| m.clients.len()).sum(),
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
    }
}

fn records(ws: &Workspace, kind: Kind) -> Records {
    match kind {
        Kind::Members => {
            let mut r = Records::new(members_csv::COLUMNS.map(|c| (c, Col::Text)));
            for m in sorted(ws) {
                r.push(members_csv::csv_row(m));
            }
            r
        }
        Kind::Profiles => {
            let mut columns: Vec<(String, Col)> =
                ["id", "name", "description", "tier", "price", "builtin", "admin", "default"]
                    .iter()
                    .map(|c| (c.to_string(), Col::Text))
                    .collect();
            columns.extend(ws.action_keys().into_iter().map(|k| (k.to_string(), Col::Text)));
            let mut r = Records { columns, ..Records::default() };
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
        Kind::Clients => client_list::records(ws, None),
        Kind::Assignments => {
            let mut r = Records::new([("member", Col::Text), ("client", Col::Text), ("profile", Col::Text)]);
            for m in sorted(ws) {
                for c in &m.clients {
                    let profile = m.client_profile(&c.value).map_or(&m.profile.value, |p| &p.value);
                    r.push(vec![json!(m.id), json!(c.value), json!(profile)]);
                }
            }
            r
        }
        Kind::Matrix => matrix::records(ws),
    }
}
