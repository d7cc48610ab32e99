//! `roster client assign C... --to M [--profile P]` and `roster client unassign C... --from M`.
//! With `--profile`, the assignment and the per-client profile are one edit of
//! the member's entry: one write, no moment when the member holds the clients
//! under their own, perhaps wider, profile. With `--until`, the assignments
//! (and the per-client profile) are written in their dated table form and end
//! by themselves after that day.

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_client, find_member, find_profile};
use crate::error::{Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client assign umbrella --to bob
  roster client assign acme globex --to hugo    several at once
  # assigned, and worked on without its invoices, in one change
  roster client assign initech --to lea --profile connect-no-pay
  # for tax season only
  roster client assign globex --to hugo --until 2027-04-30"#)]
pub struct AssignArgs {
    /// The clients to assign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are assigned to
    #[arg(long, value_name = "MEMBER")]
    pub to: String,
    /// For these clients, the member works under this profile (the per-client profile, set in the same change)
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// The last day of the assignment (YYYY-MM-DD): written `{ id = "C", until = DATE }`
    #[arg(long, value_name = "DATE", value_parser = crate::model::dates::parse_date)]
    pub until: Option<crate::model::Date>,
}

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client unassign globex --from bob
  roster client unassign initech --from hugo"#)]
pub struct UnassignArgs {
    /// The clients to unassign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are taken from
    #[arg(long, value_name = "MEMBER")]
    pub from: String,
}

pub fn cmd_assign(ctx: &Ctx, args: AssignArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan_assign(change, &args))?)
}

/// The edits of `client assign`, on the workspace as `change` reads it (also a batch's line).
pub fn plan_assign(change: &mut Change<'_>, args: &AssignArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.to)?;
    for c in &args.clients {
        find_client(ws, c)?;
    }
    let profile = args.profile.as_deref().map(|p| find_profile(ws, p)).transpose()?;
    let mut all: Vec<&str> = m.clients.iter().map(|c| c.value.as_str()).collect();
    let until = args.until;
    for c in &args.clients {
        let known = all.contains(&c.as_str());
        match until {
            Some(u) if known => change.fact(format!("{}: {c} assigned until {u}", m.id)),
            Some(u) => change.fact(format!("{}: {c} now assigned until {u}", m.id)),
            None if known => change.fact(format!("{}: {c} already assigned", m.id)),
            None => change.fact(format!("{}: assigned {c}", m.id)),
        }
        if !known {
            all.push(c);
        }
    }
    // The per-client profiles (client, before, after) that change; one equal
    // to the member's own profile says nothing, so it is removed, not written.
    let mut profiles: Vec<(&str, &str, &str)> = Vec::new();
    if let Some(p) = profile {
        let mut seen: Vec<&str> = Vec::new();
        for c in &args.clients {
            if seen.contains(&c.as_str()) {
                continue;
            }
            seen.push(c);
            let before = m.client_profile(c).map_or(m.profile.value.as_str(), |p| p.value.as_str());
            if before == p.id {
                change.fact(format!("{}: for {c}, already on profile {}", m.id, p.id));
            } else {
                profiles.push((c, before, &p.id));
            }
        }
    }
    if all.len() > m.clients.len() || !profiles.is_empty() || until.is_some() {
        change.member(&m.id, |entry| {
            match until {
                // The dated form, on new and already assigned clients alike.
                Some(u) => all
                    .iter()
                    .filter(|c| args.clients.iter().any(|a| a == *c))
                    .for_each(|c| entry.assign_until(c, Some(u))),
                None => entry.assign(&all[m.clients.len()..]),
            }
            for (c, _, p) in &profiles {
                if *p == m.profile.value {
                    entry.remove_client_profile(c);
                } else {
                    entry.set_client_profile_until(c, p, until);
                }
            }
        })?;
    }
    for (c, before, p) in &profiles {
        change.fact(format!(
            "{}: for {c}, profile {before} -> {p}{} (their own profile stays {})",
            m.id,
            until.map_or(String::new(), |u| format!(" until {u}")),
            m.profile.value
        ));
    }
    if !profiles.is_empty() {
        // The licence follows the pricier profile, even for one client (SPEC §1).
        let mut per_client: Vec<&str> = m
            .client_profiles()
            .iter()
            .filter(|(c, _)| !profiles.iter().any(|(x, _, _)| *x == c.value))
            .map(|(_, p)| p.value.as_str())
            .collect();
        per_client.extend(profiles.iter().map(|(_, _, p)| *p));
        let licence = change.licence_fact(m, &m.profile.value, per_client);
        change.facts(licence);
    }
    Ok(())
}

pub fn cmd_unassign(ctx: &Ctx, args: UnassignArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan_unassign(change, &args))?)
}

/// The edits of `client unassign`, on the workspace as `change` reads it (also a batch's line).
pub fn plan_unassign(change: &mut Change<'_>, args: &UnassignArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.from)?;
    for c in &args.clients {
        find_client(ws, c)?;
    }
    let rest: Vec<&str> =
        m.clients.iter().map(|c| c.value.as_str()).filter(|c| !args.clients.iter().any(|x| x == c)).collect();
    for c in &args.clients {
        if m.has_client(c) {
            change.fact(format!("{}: unassigned {c}", m.id));
        } else {
            change.fact(format!("{}: {c} was not assigned", m.id));
        }
    }
    if rest.len() < m.clients.len() {
        let mut facts = Vec::new();
        change.member(&m.id, |entry| {
            for c in &args.clients {
                if entry.unassign(c) {
                    facts.push(format!("{}: per-client profile for {c} removed", m.id));
                }
            }
        })?;
        change.facts(facts);
    }
    Ok(())
}
