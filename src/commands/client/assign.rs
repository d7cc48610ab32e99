//! `roster client assign C... --to M [--profile P]` and `roster client unassign C... --from M`;
//! with `--team T` instead, the clients of a team (`teams.toml`), which each
//! of its members and its lead reach.
//! With `--profile`, the assignment and the per-client profile are one edit of
//! the member's entry: one write, no moment when the member holds the clients
//! under their own, perhaps wider, profile. With `--until`, the assignments
//! (and the per-client profile) are written in their dated table form and end
//! by themselves after that day.

use crate::change::{Change, Session};
use crate::commands::team::find_team;
use crate::commands::{Ctx, find_client, find_member, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client assign umbrella --to bob
  roster client assign acme globex --to hugo    several at once
  # assigned, and worked on without its invoices, in one change
  roster client assign initech --to lea --profile connect-no-pay
  # for tax season only
  roster client assign globex --to hugo --until 2027-04-30
  roster client assign acme --team audit    each member of the team and its lead"#)]
pub struct AssignArgs {
    /// The clients to assign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are assigned to
    #[arg(long, value_name = "MEMBER", required_unless_present = "team", conflicts_with = "team")]
    pub to: Option<String>,
    /// The team they are assigned to: each of its members and its lead reach them
    #[arg(long, value_name = "TEAM", conflicts_with = "profile")]
    pub team: Option<String>,
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
  roster client unassign initech --from hugo
  roster client unassign acme --team audit"#)]
pub struct UnassignArgs {
    /// The clients to unassign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are taken from
    #[arg(long, value_name = "MEMBER", required_unless_present = "team", conflicts_with = "team")]
    pub from: Option<String>,
    /// The team they are taken from
    #[arg(long, value_name = "TEAM")]
    pub team: Option<String>,
}

pub fn cmd_assign(ctx: &Ctx, args: AssignArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan_assign(change, &args))?)
}

/// The edits of `client assign`, on the workspace as `change` reads it (also a batch's line).
pub fn plan_assign(change: &mut Change<'_>, args: &AssignArgs) -> Result<()> {
    let ws = change.ws;
    let (to, team) = (args.to.as_deref(), args.team.as_deref());
    let Some(to) = to else {
        return plan_team_assign(change, &args.clients, team.unwrap_or_default(), args.until);
    };
    let m = find_member(ws, to)?;
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
    let Some(from) = args.from.as_deref() else {
        return plan_team_unassign(change, &args.clients, args.team.as_deref().unwrap_or_default());
    };
    let m = find_member(ws, from)?;
    for c in &args.clients {
        find_client(ws, c)?;
    }
    // A client the member has only through a team is the team's to take.
    if let Some((c, t)) =
        args.clients.iter().filter(|c| !m.has_client(c)).find_map(|c| ws.team_with_client(&m.id, c).map(|t| (c, t)))
    {
        return Err(Error::new(
            Kind::Refused,
            "through-team",
            format!(
                "{} has {c} only through team {}, not assigned to them directly; nothing was written",
                m.id, t.id
            ),
        )
        .hint(format!(
            "unassign it from the team (`roster client unassign {c} --team {}`), or take {} out of the team (`roster team edit {} {}`)",
            t.id,
            m.id,
            t.id,
            if t.lead.as_ref().is_some_and(|l| l.value == m.id) { "--no-lead".to_string() } else { format!("--remove {}", m.id) }
        )));
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

/// `client assign C... --team T [--until DATE]`: the clients not yet the
/// team's are added to its list; each of its members and its lead reach
/// them. With `--until`, each is written in the dated form, also one the
/// team has already (as `--to`'s).
fn plan_team_assign(
    change: &mut Change<'_>,
    clients: &[String],
    team: &str,
    until: Option<crate::model::Date>,
) -> Result<()> {
    let ws = change.ws;
    let t = find_team(ws, team)?;
    for c in clients {
        find_client(ws, c)?;
    }
    let mut new: Vec<&str> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for c in clients {
        let known = t.has_client(c) || seen.contains(&c.as_str());
        if !seen.contains(&c.as_str()) {
            seen.push(c);
        }
        match until {
            Some(u) if known => change.fact(format!("team {}: {c} assigned until {u}", t.id)),
            Some(u) => change.fact(format!("team {}: {c} now assigned until {u}", t.id)),
            None if known => change.fact(format!("team {}: {c} already assigned", t.id)),
            None => change.fact(format!("team {}: assigned {c}", t.id)),
        }
        if !known {
            new.push(c);
        }
    }
    if !new.is_empty() || until.is_some() {
        change
            .teams(|file| {
                file.team(&t.id, |entry| match until {
                    Some(u) => seen.iter().for_each(|c| entry.assign_until(c, Some(u))),
                    None => entry.assign(&new),
                })
            })?
            .transpose()?;
    }
    Ok(())
}

/// `client unassign C... --team T`.
fn plan_team_unassign(change: &mut Change<'_>, clients: &[String], team: &str) -> Result<()> {
    let ws = change.ws;
    let t = find_team(ws, team)?;
    for c in clients {
        find_client(ws, c)?;
    }
    let gone: Vec<&str> = clients.iter().map(String::as_str).filter(|c| t.has_client(c)).collect();
    for c in clients {
        if t.has_client(c) {
            change.fact(format!("team {}: unassigned {c}", t.id));
        } else {
            change.fact(format!("team {}: {c} was not assigned", t.id));
        }
    }
    if !gone.is_empty() {
        change.teams(|file| file.team(&t.id, |entry| entry.unassign(&gone)))?.transpose()?;
    }
    Ok(())
}
