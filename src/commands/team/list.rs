//! `roster team list`: every team, its name, lead, members and clients.

use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::model::Workspace;
use crate::render::{Col, Records};
use clap::Args;
use serde_json::{Value, json};

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster team list
  roster team list --format json"#)]
pub struct ListArgs {}

pub fn cmd_list(ctx: &Ctx, _args: ListArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    ctx.show(&team_records(&ws).when_empty("no teams (teams.toml lists them; `roster team add` starts it)"))?;
    Ok(Outcome::Success)
}

/// Every team by id: id, name, lead, members, clients (also `export teams`).
pub fn team_records(ws: &Workspace) -> Records {
    let mut records = Records::new([
        ("id", Col::Text),
        ("name", Col::FreeText),
        ("lead", Col::Text),
        ("members", Col::Text),
        ("clients", Col::Text),
    ]);
    let mut teams: Vec<_> = ws.teams().iter().collect();
    teams.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    for t in teams {
        let ids = |v: &[crate::model::Ref]| json!(v.iter().map(|r| r.value.as_str()).collect::<Vec<_>>());
        records.push(vec![
            json!(t.id),
            json!(t.name),
            t.lead.as_ref().map_or(Value::Null, |l| json!(l.value)),
            ids(&t.members),
            ids(&t.clients),
        ]);
    }
    records
}
