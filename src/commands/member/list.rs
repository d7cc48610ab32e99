//! `roster member list [--profile P] [--status S] [--client C]`.

use crate::commands::{Ctx, find_client, find_profile};
use crate::error::{Outcome, Result};
use crate::model::{Member, Status, Workspace};
use crate::render::{Col, Records};
use clap::Args;
use serde_json::{Value, json};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only members of this profile (their own, or a per-client one)
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Only members with this status
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Option<Status>,
    /// Only members this client is assigned to
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
}

/// The fields of a member that `member list` prints and `member show` starts with.
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

pub fn member_records() -> Records {
    Records::new([
        ("id", Col::Text),
        ("name", Col::Text),
        ("email", Col::Text),
        ("profile", Col::Text),
        ("status", Col::Text),
        ("clients", Col::Text),
    ])
}

pub fn cmd_list(ctx: &Ctx, args: ListArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    if let Some(p) = &args.profile {
        find_profile(&ws, p)?;
    }
    if let Some(c) = &args.client {
        find_client(&ws, c)?;
    }
    let mut records = member_records();
    for m in sorted(&ws) {
        let keep = args
            .profile
            .as_ref()
            .is_none_or(|p| m.profile.value == *p || m.client_profiles().iter().any(|(_, cp)| cp.value == *p))
            && args.status.is_none_or(|s| m.status == s)
            && args.client.as_ref().is_none_or(|c| m.has_client(c));
        if keep {
            records.push(member_fields(m));
        }
    }
    ctx.print(&records.render(ctx.format, ctx.out_paint()))?;
    Ok(Outcome::Success)
}

/// Members by id.
pub fn sorted(ws: &Workspace) -> Vec<&Member> {
    let mut members: Vec<&Member> = ws.members.iter().collect();
    members.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    members
}
