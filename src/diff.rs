//! Who gains and who loses access between two states of a workspace (`roster
//! diff`): every area.action whose level changed for a member, the clients of
//! per-client areas each member gains or loses, members added and removed, and
//! the monthly cost before and after.

use crate::access;
use crate::model::{Client, Level, Member, Workspace};
use std::collections::{BTreeSet, HashMap};

/// One member's access that differs. `client` is set for a client gained or
/// lost in a per-client area; `before` and `after` are the levels that reach it
/// (`none` when it is not reached).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessChange {
    pub member: String,
    pub area: String,
    pub action: String,
    pub client: Option<String>,
    pub before: Level,
    pub after: Level,
}

impl AccessChange {
    pub fn is_loss(&self) -> bool {
        self.after < self.before
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub changes: Vec<AccessChange>,
    pub members_added: Vec<String>,
    pub members_removed: Vec<String>,
    pub cost_before: f64,
    pub cost_after: f64,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.members_added.is_empty()
            && self.members_removed.is_empty()
            && (self.cost_before - self.cost_after).abs() < 0.005
    }

    /// Members who lose any access, removed members included.
    pub fn losing(&self) -> BTreeSet<&str> {
        let mut out: BTreeSet<&str> = self.changes.iter().filter(|c| c.is_loss()).map(|c| c.member.as_str()).collect();
        out.extend(self.members_removed.iter().map(String::as_str));
        out
    }
}

/// Clients each member may reach below level `all`: assigned ones, contacts of
/// assigned companies, created ones, and those with a per-client profile.
struct Candidates<'w> {
    contacts: HashMap<&'w str, Vec<&'w str>>,
    created: HashMap<&'w str, Vec<&'w str>>,
}

impl<'w> Candidates<'w> {
    fn new(ws: &'w Workspace) -> Self {
        let mut contacts: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut created: HashMap<&str, Vec<&str>> = HashMap::new();
        for c in &ws.clients {
            if let Some(co) = &c.company {
                contacts.entry(co.value.as_str()).or_default().push(&c.id);
            }
            if let Some(by) = &c.created_by {
                created.entry(by.value.as_str()).or_default().push(&c.id);
            }
        }
        Candidates { contacts, created }
    }

    fn of(&self, m: &'w Member, out: &mut BTreeSet<&'w str>) {
        for c in &m.clients {
            out.insert(&c.value);
            out.extend(self.contacts.get(c.value.as_str()).into_iter().flatten());
        }
        out.extend(self.created.get(m.id.as_str()).into_iter().flatten());
        out.extend(m.client_profiles().iter().map(|(c, _)| c.value.as_str()));
    }
}

/// The level that reaches client `c`, or `none`.
fn reached(ws: &Workspace, m: &Member, area: &crate::model::Area, action: &str, c: Option<&Client>) -> Level {
    let Some(c) = c else { return Level::None };
    let d = access::decide(ws, m, area, action, Some(c));
    if d.allowed { d.effective.level } else { Level::None }
}

pub fn compare(before: &Workspace, after: &Workspace) -> Report {
    let mut report =
        Report { cost_before: before.monthly_cost(), cost_after: after.monthly_cost(), ..Report::default() };
    let mut added: Vec<String> =
        after.members.iter().filter(|m| before.member(&m.id).is_none()).map(|m| m.id.to_string()).collect();
    let mut removed: Vec<String> =
        before.members.iter().filter(|m| after.member(&m.id).is_none()).map(|m| m.id.to_string()).collect();
    added.sort();
    removed.sort();
    report.members_added = added;
    report.members_removed = removed;

    let old = access::fingerprints(before);
    let new = access::fingerprints(after);
    let (cand_before, cand_after) = (Candidates::new(before), Candidates::new(after));
    // Every area.action of either state, in the order of the new one.
    let mut keys: Vec<(String, String)> = after.action_keys().into_iter().map(|k| (k.area, k.action)).collect();
    for k in before.action_keys() {
        if !keys.iter().any(|(a, x)| *a == k.area && *x == k.action) {
            keys.push((k.area, k.action));
        }
    }
    let mut changed: Vec<&Member> = after
        .members
        .iter()
        .filter(|m| old.get(m.id.as_str()).is_some_and(|o| Some(o) != new.get(m.id.as_str())))
        .collect();
    changed.sort_by(|a, b| a.id.cmp(&b.id));
    for ma in changed {
        let Some(mb) = before.member(&ma.id) else { continue };
        let mut candidates = BTreeSet::new();
        cand_before.of(mb, &mut candidates);
        cand_after.of(ma, &mut candidates);
        for (area_id, action) in &keys {
            let (area_b, area_a) = (before.area(area_id), after.area(area_id));
            let level = |ws: &Workspace, m: &Member, area: Option<&crate::model::Area>| {
                area.filter(|a| a.has_action(action))
                    .map_or(Level::None, |a| access::member_level(ws, m, a, action).level)
            };
            let (lb, la) = (level(before, mb, area_b), level(after, ma, area_a));
            if lb != la {
                report.changes.push(AccessChange {
                    member: ma.id.to_string(),
                    area: area_id.clone(),
                    action: action.clone(),
                    client: None,
                    before: lb,
                    after: la,
                });
            }
            let per_client = area_a.or(area_b).is_some_and(|a| a.per_client);
            if !per_client {
                continue;
            }
            for c in &candidates {
                let rb = area_b
                    .filter(|a| a.has_action(action))
                    .map_or(Level::None, |a| reached(before, mb, a, action, before.client(c)));
                let ra = area_a
                    .filter(|a| a.has_action(action))
                    .map_or(Level::None, |a| reached(after, ma, a, action, after.client(c)));
                let reach_changed = (rb == Level::None) != (ra == Level::None);
                let per_client_profile = crate::access::per_client_profile(before, mb, c).is_some()
                    || crate::access::per_client_profile(after, ma, c).is_some();
                if reach_changed || (rb != ra && per_client_profile) {
                    report.changes.push(AccessChange {
                        member: ma.id.to_string(),
                        area: area_id.clone(),
                        action: action.clone(),
                        client: Some(c.to_string()),
                        before: rb,
                        after: ra,
                    });
                }
            }
        }
    }
    report
}
