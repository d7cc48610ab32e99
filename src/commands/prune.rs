//! `roster prune`: a change that clears what has ended (SPEC §9). On the date
//! of judgement (today, or `--at`) it removes the assignments, per-client
//! profiles and overrides whose `until` has passed, and suspends the members
//! whose `until` has passed (dropping their `until`): one fact per line, with
//! the monthly cost it saves. Access does not change (what has ended grants
//! nothing already); the files then say what the product should hold, where
//! a seat is billed until its member is suspended.

use crate::change::{Change, Session};
use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::model::{Member, Status, Workspace};
use crate::render;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster --dry-run prune                   see what has ended, as a diff
  roster prune                             clear it
  roster --at 2027-05-01 --dry-run prune   what will have ended by then"#)]
pub struct PruneArgs {}

/// What has ended in one member's entry on the date of judgement.
struct Ended<'w> {
    member: &'w Member,
    /// Their own `until` has passed.
    own: Option<crate::model::Date>,
    clients: Vec<(&'w str, crate::model::Date)>,
    profiles: Vec<(&'w str, &'w str, crate::model::Date)>,
    grants: Vec<(&'w str, &'w str, crate::model::Date)>,
}

fn ended<'w>(ws: &'w Workspace, m: &'w Member) -> Option<Ended<'w>> {
    let at = ws.at();
    let passed = |w: Option<&crate::model::Window>| w.filter(|w| w.expired_on(at)).and_then(|w| w.until);
    let own = passed(m.window());
    let clients: Vec<_> =
        m.clients.iter().filter_map(|c| passed(m.client_window(&c.value)).map(|u| (c.value.as_str(), u))).collect();
    let profiles: Vec<_> = m
        .client_profiles()
        .iter()
        .filter_map(|(c, p)| passed(m.profile_window(&c.value)).map(|u| (c.value.as_str(), p.value.as_str(), u)))
        .collect();
    let mut grants = Vec::new();
    for (area, actions) in m.grants() {
        for action in actions.keys() {
            if let Some(u) = passed(m.grant_window(area, action)) {
                grants.push((area.as_str(), action.as_str(), u));
            }
        }
    }
    let any = own.is_some() || !clients.is_empty() || !profiles.is_empty() || !grants.is_empty();
    any.then_some(Ended { member: m, own, clients, profiles, grants })
}

pub fn cmd_prune(ctx: &Ctx, args: PruneArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `prune`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, _args: &PruneArgs) -> Result<()> {
    let ws = change.ws;
    let at = ws.at();
    let currency = &ws.settings.currency;
    let per_month = |n: f64| format!("{} {currency}/month", render::money(n));
    let owner = ws.settings.owner.as_ref().map(|o| o.value.as_str());
    let mut saved = 0.0;
    let mut any = false;
    for e in ws.members.iter().filter_map(|m| ended(ws, m)) {
        any = true;
        let m = e.member;
        let id = m.id.as_str();
        let mut facts = Vec::new();
        // The licence as written (every per-client profile, dated or not):
        // what the product bills until the entry says otherwise.
        let all_profiles = || m.client_profiles().iter().map(|(_, p)| p.value.as_str());
        let licence = |profiles: Vec<&str>| {
            ws.licence_of(std::iter::once(m.profile.value.as_str()).chain(profiles)).map_or(0.0, |t| t.price)
        };
        let before = if m.status == Status::Suspended { 0.0 } else { licence(all_profiles().collect()) };
        let suspend = e.own.is_some() && owner != Some(id);
        let kept: Vec<&str> = m
            .client_profiles()
            .iter()
            .filter(|(c, _)| !e.profiles.iter().any(|(x, _, _)| *x == c.value.as_str()))
            .filter(|(c, _)| !e.clients.iter().any(|(x, _)| *x == c.value.as_str()))
            .map(|(_, p)| p.value.as_str())
            .collect();
        let after = if suspend || m.status == Status::Suspended { 0.0 } else { licence(kept) };
        // The fact the saving belongs to: the suspension, else the first
        // per-client profile that ends (the licence it raised goes).
        let mut saving_fact = None;
        change.member(id, |entry| {
            for (c, p, u) in &e.profiles {
                saving_fact.get_or_insert(facts.len());
                entry.remove_client_profile(c);
                facts.push(format!("{id}: per-client profile {p} for {c} removed (ended {u})"));
            }
            for (c, u) in &e.clients {
                let had_profile = entry.unassign(c);
                facts.push(format!("{id}: {c} unassigned (assignment ended {u})"));
                if had_profile {
                    saving_fact.get_or_insert(facts.len());
                    facts.push(format!("{id}: per-client profile for {c} removed (it needs the assignment)"));
                }
            }
            for (area, action, u) in &e.grants {
                entry.revoke_override(area, action);
                facts.push(format!("{id}: override {area}.{action} removed (ended {u})"));
            }
            if let Some(u) = e.own {
                if owner == Some(id) {
                    facts.push(format!(
                        "{id}: is the owner and is never suspended: their until {u} is left for you to remove (`roster member edit {id} --no-until`)"
                    ));
                } else if m.status == Status::Suspended {
                    entry.set_until(None);
                    facts.push(format!("{id}: until {u} removed (already suspended)"));
                } else {
                    entry.set_status(Status::Suspended);
                    entry.set_until(None);
                    saving_fact = Some(facts.len());
                    facts.push(format!("{id}: status {} -> suspended (until {u} has passed)", m.status));
                }
            }
        })?;
        let saving = before - after;
        if saving > 0.005 {
            saved += saving;
            if let Some(last) = saving_fact.and_then(|i| facts.get_mut(i)) {
                last.push_str(&format!(", saves {}", per_month(saving)));
            }
        }
        change.facts(facts);
    }
    // A team's assignments that ended (§10): they go from its list.
    for t in ws.teams() {
        let ended: Vec<(&str, crate::model::Date)> = t
            .client_windows
            .iter()
            .filter(|(_, w)| w.expired_on(at))
            .filter_map(|(c, w)| w.until.map(|u| (c.as_str(), u)))
            .collect();
        if ended.is_empty() {
            continue;
        }
        any = true;
        let ids: Vec<&str> = ended.iter().map(|(c, _)| *c).collect();
        change.teams(|file| file.team(&t.id, |entry| entry.unassign(&ids)))?.transpose()?;
        for (c, u) in ended {
            change.fact(format!("team {}: {c} unassigned (assignment ended {u})", t.id));
        }
    }
    if !any {
        change.fact(format!("nothing has ended on {at}: nothing to prune"));
    } else if saved > 0.005 {
        change.fact(format!("in all, saves {} once the product holds these entries", per_month(saved)));
    }
    Ok(())
}
