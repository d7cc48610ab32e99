//! `roster member edit M [--name N] [--email E] [--status S] [--credit-limit N |
//! --no-credit-limit] [--grant AREA.ACTION=LEVEL]... [--revoke-grant AREA.ACTION]...`.

use crate::change::{Change, Session};
use crate::commands::args::{GrantArg, check_grant, find_action, parse_grant, parse_key};
use crate::commands::{Ctx, find_member};
use crate::error::{Error, Kind, Outcome, Result};
use crate::model::Status;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster member edit hugo --credit-limit 300
  roster --dry-run member edit lea --status suspended    see what would change"#)]
pub struct EditArgs {
    /// The member's id
    pub member: String,
    /// A new full name
    #[arg(long)]
    pub name: Option<String>,
    /// A new email address
    #[arg(long)]
    pub email: Option<String>,
    /// A new status; only active members have any access
    #[arg(long, value_enum)]
    pub status: Option<Status>,
    /// A monthly credit limit
    #[arg(long, value_name = "N", conflicts_with = "no_credit_limit", value_parser = parse_amount)]
    pub credit_limit: Option<f64>,
    /// Remove the credit limit
    #[arg(long)]
    pub no_credit_limit: bool,
    /// Grant this member one area.action above their profile, within its tier's ceiling
    #[arg(long = "grant", value_name = "AREA.ACTION=LEVEL", value_parser = parse_grant)]
    pub grants: Vec<GrantArg>,
    /// Remove a grant override, back to the profile's level
    #[arg(long = "revoke-grant", value_name = "AREA.ACTION", value_parser = parse_key)]
    pub revoke: Vec<(String, String)>,
}

fn parse_amount(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        _ => Err(format!("`{s}` is not an amount at or above 0")),
    }
}

pub fn cmd_edit(ctx: &Ctx, args: EditArgs) -> Result<Outcome> {
    let session = Session::begin(ctx.change_options()?)?;
    let ws = &session.ws;
    let m = find_member(ws, &args.member)?;
    let grants = args.grants.iter().map(|g| check_grant(ws, g)).collect::<Result<Vec<_>>>()?;
    for (area, action) in &args.revoke {
        find_action(ws, area, action)?;
    }
    let is_owner = ws.settings.owner.as_ref().is_some_and(|o| o.value == m.id);
    if let Some(status) = args.status.filter(|s| *s != Status::Active && is_owner) {
        return Err(Error::new(
            Kind::Refused,
            "owner",
            format!("the owner `{}` can't be {status}; nothing was written", m.id),
        )
        .hint("make another active admin the owner first (`owner` in workspace.toml)"));
    }
    let mut change = Change::new(ws);
    let id = m.id.clone();
    let mut facts = Vec::new();
    change.member(&id, |entry| {
        // A value the member already has is said so, and not written.
        match &args.name {
            Some(name) if **name == *m.name => facts.push(format!("{id}: name is already {name}")),
            Some(name) => {
                entry.set_name(name);
                facts.push(format!("{id}: name {} -> {name}", m.name));
            }
            None => {}
        }
        match &args.email {
            Some(email) if **email == *m.email.value => facts.push(format!("{id}: email is already {email}")),
            Some(email) => {
                entry.set_email(email);
                facts.push(format!("{id}: email {} -> {email}", m.email.value));
            }
            None => {}
        }
        match args.status {
            Some(status) if status == m.status => facts.push(format!("{id}: status is already {status}")),
            Some(status) => {
                entry.set_status(status);
                facts.push(format!("{id}: status {} -> {status}", m.status));
            }
            None => {}
        }
        let limit = |l: Option<f64>| l.map_or("none".to_string(), crate::render::credits);
        if let Some(n) = args.credit_limit {
            entry.set_credit_limit(Some(n));
            facts.push(format!("{id}: credit limit {} -> {}", limit(m.credit_limit()), limit(Some(n))));
        }
        if args.no_credit_limit && entry.set_credit_limit(None) {
            facts.push(format!("{id}: credit limit {} -> none", limit(m.credit_limit())));
        }
        for g in &grants {
            entry.set_override(&g.area, &g.action, g.level);
            facts.push(format!("{id}: override {}.{} = {}", g.area, g.action, g.level));
        }
        for (area, action) in &args.revoke {
            if entry.revoke_override(area, action) {
                facts.push(format!("{id}: override {area}.{action} revoked"));
            } else {
                facts.push(format!("{id}: no override on {area}.{action} to revoke"));
            }
        }
    })?;
    if facts.is_empty() {
        return Err(Error::usage("nothing to change").hint("pass at least one of --name, --email, --status, --credit-limit, --no-credit-limit, --grant, --revoke-grant"));
    }
    change.facts(facts);
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}
