//! `roster client list [--member M]`: clients, their company and creator, and the
//! members they are assigned to.

use crate::commands::{Ctx, find_member};
use crate::error::{Outcome, Result};
use crate::model::{Member, Workspace};
use crate::render::{Col, Records};
use clap::Args;
use serde_json::{Value, json};
use std::collections::HashMap;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the clients assigned to this member
    #[arg(long, value_name = "MEMBER")]
    pub member: Option<String>,
}

pub fn cmd_list(ctx: &Ctx, args: ListArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let only = args.member.as_deref().map(|m| find_member(&ws, m)).transpose()?;
    ctx.print(&records(&ws, only).render(ctx.format, ctx.out_paint()))?;
    Ok(Outcome::Success)
}

/// Clients by id (only those assigned to `only`, when given), with their assigned members.
pub fn records(ws: &Workspace, only: Option<&Member>) -> Records {
    // Client -> assigned members, built once.
    let mut assigned: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in &ws.members {
        for c in &m.clients {
            assigned.entry(&c.value).or_default().push(&m.id);
        }
    }
    let mut records = Records::new([
        ("id", Col::Text),
        ("name", Col::Text),
        ("kind", Col::Text),
        ("company", Col::Text),
        ("created_by", Col::Text),
        ("members", Col::Text),
    ]);
    let mut clients: Vec<_> = ws.clients.iter().filter(|c| only.is_none_or(|m| m.has_client(&c.id))).collect();
    clients.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    for c in clients {
        let mut members = assigned.get(c.id.as_str()).cloned().unwrap_or_default();
        members.sort_unstable();
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
