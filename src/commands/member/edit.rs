//! `roster member edit M [--name N] [--email E] [--status S] [--credit-limit N |
//! --no-credit-limit] [--grant AREA.ACTION=LEVEL]... [--revoke-grant AREA.ACTION]...
//! [--from DATE] [--until DATE | --no-until]`. With `--grant`, `--until` is the
//! last day of those overrides; without, the member's own last day.

use crate::change::{Change, Session};
use crate::commands::args::{GrantArg, check_grant, find_action, parse_grant, parse_key};
use crate::commands::{Ctx, find_member};
use crate::error::{Error, Kind, Outcome, Result};
use crate::model::Status;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster member edit hugo --credit-limit 300
  roster --dry-run member edit lea --status suspended    see what would change
  roster member edit lea --until 2027-06-30              a secondment's last day
  roster member edit lea --no-until                      kept on for good
  # an override for two weeks
  roster member edit lea --grant invoices.view=assigned --until 2026-12-15"#)]
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
    /// The member's first day of access (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = crate::model::dates::parse_date)]
    pub from: Option<crate::model::Date>,
    /// The member's last day of access (YYYY-MM-DD); with --grant, the last day of those overrides
    #[arg(long, value_name = "DATE", conflicts_with = "no_until", value_parser = crate::model::dates::parse_date)]
    pub until: Option<crate::model::Date>,
    /// Remove the member's last day: access with no end
    #[arg(long)]
    pub no_until: bool,
}

fn parse_amount(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        _ => Err(format!("`{s}` is not an amount at or above 0")),
    }
}

pub fn cmd_edit(ctx: &Ctx, args: EditArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `member edit`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &EditArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.member)?;
    let grants = args.grants.iter().map(|g| check_grant(ws, g)).collect::<Result<Vec<_>>>()?;
    for (area, action) in &args.revoke {
        find_action(ws, area, action)?;
    }
    // With --grant, --until dates the overrides; else it is the member's.
    let (grant_until, member_until) = if grants.is_empty() { (None, args.until) } else { (args.until, None) };
    if !grants.is_empty() && args.no_until {
        return Err(Error::usage("--no-until clears the member's own last day; it does not go with --grant")
            .hint("to give an override with no end, pass --grant without --until"));
    }
    let old = m.window();
    let new_from = args.from.or(old.and_then(|w| w.from));
    let new_until = if args.no_until { None } else { member_until.or(old.and_then(|w| w.until)) };
    crate::commands::args::check_window(new_from, new_until)?;
    let is_owner = ws.settings.owner.as_ref().is_some_and(|o| o.value == m.id);
    if let Some(status) = args.status.filter(|s| *s != Status::Active && is_owner) {
        return Err(Error::new(
            Kind::Refused,
            "owner",
            format!("the owner `{}` can't be {status}; nothing was written", m.id),
        )
        .hint("make another active admin the owner first (`owner` in workspace.toml)"));
    }
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
        let day = |d: Option<crate::model::Date>| d.map_or("none".to_string(), |d| d.to_string());
        if let Some(from) = args.from {
            if old.and_then(|w| w.from) == Some(from) {
                facts.push(format!("{id}: from is already {from}"));
            } else {
                entry.set_from(Some(from));
                facts.push(format!("{id}: from {} -> {from}", day(old.and_then(|w| w.from))));
            }
        }
        if let Some(until) = member_until {
            if old.and_then(|w| w.until) == Some(until) {
                facts.push(format!("{id}: until is already {until}"));
            } else {
                entry.set_until(Some(until));
                facts.push(format!("{id}: until {} -> {until}", day(old.and_then(|w| w.until))));
            }
        }
        if args.no_until {
            match old.and_then(|w| w.until) {
                Some(u) => {
                    entry.set_until(None);
                    facts.push(format!("{id}: until {u} -> none (access with no end)"));
                }
                None => facts.push(format!("{id}: has no until to remove")),
            }
        }
        for g in &grants {
            match grant_until {
                Some(until) => {
                    entry.set_override_until(&g.area, &g.action, g.level, Some(until));
                    facts.push(format!("{id}: override {}.{} = {} until {until}", g.area, g.action, g.level));
                }
                None => {
                    entry.set_override(&g.area, &g.action, g.level);
                    facts.push(format!("{id}: override {}.{} = {}", g.area, g.action, g.level));
                }
            }
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
        return Err(Error::usage("nothing to change").hint("pass at least one of --name, --email, --status, --credit-limit, --no-credit-limit, --grant, --revoke-grant, --from, --until, --no-until"));
    }
    change.facts(facts);
    Ok(())
}
