//! `roster member list [--profile P] [--status S] [--client C]`.

use crate::commands::{Ctx, find_client, find_profile};
use crate::error::{Outcome, Result};
use crate::model::Status;
use crate::render::views::{member_fields, member_records, members_by_id};
use crate::render::{Col, Records};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster member list --client acme    who works on ACME
  roster member list --status invited --format csv"#)]
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

pub fn cmd_list(ctx: &Ctx, args: ListArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    if let Some(p) = &args.profile {
        find_profile(&ws, p)?;
    }
    if let Some(c) = &args.client {
        find_client(&ws, c)?;
    }
    // The list's own columns after the shared ones: the credit limit (a
    // count of credits), and with --profile, for which clients a member is
    // there through a per-client profile (empty: their own profile).
    let mut records = member_records().when_empty(empty_note(&args));
    records.columns.extend(Records::new([("credit_limit", Col::Number)]).columns);
    if args.profile.is_some() {
        records.columns.extend(Records::new([("for_clients", Col::Text)]).columns);
    }
    for m in members_by_id(&ws) {
        let keep = args
            .profile
            .as_ref()
            .is_none_or(|p| m.profile.value == *p || m.client_profiles().iter().any(|(_, cp)| cp.value == *p))
            && args.status.is_none_or(|s| m.status == s)
            && args.client.as_ref().is_none_or(|c| ws.is_assigned(m, c));
        if keep {
            let mut fields = member_fields(m);
            // A count of credits: a whole number prints as one.
            fields.push(m.credit_limit().map_or(serde_json::Value::Null, |l| {
                if l.fract() == 0.0 && l.abs() < 1e15 { serde_json::json!(l as i64) } else { serde_json::json!(l) }
            }));
            if let Some(p) = &args.profile {
                let for_clients: Vec<serde_json::Value> = if m.profile.value == *p {
                    Vec::new()
                } else {
                    m.client_profiles()
                        .iter()
                        .filter(|(_, cp)| cp.value == *p)
                        .map(|(c, _)| serde_json::json!(c.value))
                        .collect()
                };
                fields.push(serde_json::Value::Array(for_clients));
            }
            records.push(fields);
        }
    }
    ctx.show(&records)?;
    Ok(Outcome::Success)
}

/// What an empty list says: which filters nobody matches.
fn empty_note(args: &ListArgs) -> String {
    let mut what = Vec::new();
    if let Some(s) = args.status {
        what.push(format!("is {}", s.as_str()));
    }
    if let Some(p) = &args.profile {
        what.push(format!("works under profile `{p}`"));
    }
    if let Some(c) = &args.client {
        what.push(format!("has client `{c}`"));
    }
    if what.is_empty() { "no members".to_string() } else { format!("no member {}", what.join(" and ")) }
}
