//! Who gains and who loses access between two states of a workspace (`roster
//! diff`): every area.action whose level changed for a member, the clients of
//! per-client areas each member gains or loses, members added and removed, and
//! the monthly cost before and after.

use crate::access;
use crate::model::{Area, Client, Level, Member, Workspace};
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

/// A separation-of-duties conflict (SPEC §13) that a revision creates or resolves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictChange {
    pub member: String,
    /// The rule's name.
    pub rule: String,
    /// Created (true) or resolved (false).
    pub created: bool,
    /// The conflict in words, as `check` reports it (on the side where it is).
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub changes: Vec<AccessChange>,
    pub members_added: Vec<String>,
    pub members_removed: Vec<String>,
    pub cost_before: f64,
    pub cost_after: f64,
    /// Separation-of-duties conflicts created or resolved, by member.
    pub conflicts: Vec<ConflictChange>,
}

impl ConflictChange {
    /// `created` or `resolved`.
    pub fn word(&self) -> &'static str {
        if self.created { "created" } else { "resolved" }
    }

    /// Its JSON: `{"member", "rule", "change", "message"}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({"member": self.member, "rule": self.rule, "change": self.word(), "message": self.message})
    }
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.conflicts.is_empty()
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
    ws: &'w Workspace,
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
        Candidates { ws, contacts, created }
    }

    fn of(&self, m: &'w Member, out: &mut BTreeSet<&'w str>) {
        // Assigned directly or through a team (§10).
        for c in m.clients.iter().map(|c| c.value.as_str()).chain(self.ws.team_clients(&m.id)) {
            out.insert(c);
            out.extend(self.contacts.get(c).into_iter().flatten());
        }
        out.extend(self.created.get(m.id.as_str()).into_iter().flatten());
        out.extend(m.client_profiles().iter().map(|(c, _)| c.value.as_str()));
    }
}

/// The level that reaches client `c`, or `none`.
fn reached(ws: &Workspace, m: &Member, area: &Area, action: &str, c: Option<&Client>) -> Level {
    let Some(c) = c else { return Level::None };
    let d = access::decide(ws, m, area, action, Some(c));
    if d.allowed { d.effective.level } else { Level::None }
}

/// What [`compare_in`] is asked about. `roster diff` asks about everything
/// (the default); `roster log` narrows a commit's comparison to the members
/// it can have changed and to the question its filters ask.
#[derive(Debug, Default)]
pub struct Scope {
    /// Only these members, by id (all when `None`). Whoever is left out must
    /// have the same access on both sides: a caller passes the members whose
    /// entries alone changed.
    pub members: Option<BTreeSet<String>>,
    /// Judge these clients for each member looked at, instead of the clients
    /// the member may reach below `all` (so a row "on C" shows when level
    /// `all` brings or takes C too).
    pub clients: Option<Vec<String>>,
    /// Only this area (and action).
    pub area: Option<(String, Option<String>)>,
    /// List the access an added member arrives with, and a removed member
    /// leaves with, as changes from and to `none`.
    pub arrivals: bool,
    /// The monthly costs before and after, when the caller knows them already.
    pub costs: Option<(f64, f64)>,
}

impl Scope {
    fn wants(&self, area: &str, action: &str) -> bool {
        self.area.as_ref().is_none_or(|(a, x)| a == area && x.as_deref().is_none_or(|x| x == action))
    }
}

pub fn compare(before: &Workspace, after: &Workspace) -> Report {
    compare_in(before, after, &Scope::default())
}

pub fn compare_in(before: &Workspace, after: &Workspace, scope: &Scope) -> Report {
    let (cost_before, cost_after) = scope.costs.unwrap_or_else(|| (before.monthly_cost(), after.monthly_cost()));
    let mut report = Report { cost_before, cost_after, ..Report::default() };
    // Who is on each side, and who changed.
    let mut pairs: Vec<(Option<&Member>, Option<&Member>)> = Vec::new();
    match &scope.members {
        Some(ids) => {
            for id in ids {
                match (before.member(id), after.member(id)) {
                    (None, None) => {}
                    pair => pairs.push(pair),
                }
            }
        }
        None => {
            pairs.extend(after.members.iter().filter(|m| before.member(&m.id).is_none()).map(|m| (None, Some(m))));
            pairs.extend(before.members.iter().filter(|m| after.member(&m.id).is_none()).map(|m| (Some(m), None)));
            // Fingerprints find the few members whose access may differ among many.
            let old = access::fingerprints(before);
            let new = access::fingerprints(after);
            pairs.extend(
                after
                    .members
                    .iter()
                    .filter(|m| old.get(m.id.as_str()).is_some_and(|o| Some(o) != new.get(m.id.as_str())))
                    .filter_map(|ma| Some((Some(before.member(&ma.id)?), Some(ma)))),
            );
        }
    }
    rows(&mut report, before, after, pairs, scope);
    // Conflicts can come and go without any access changing (a rule, an
    // exception): every member in scope is judged on both sides.
    if !before.separation.is_empty() || !after.separation.is_empty() {
        let members: Vec<(Option<&Member>, Option<&Member>)> = match &scope.members {
            Some(ids) => ids.iter().map(|id| (before.member(id), after.member(id))).collect(),
            None => after
                .members
                .iter()
                .map(|m| (before.member(&m.id), Some(m)))
                .chain(before.members.iter().filter(|m| after.member(&m.id).is_none()).map(|m| (Some(m), None)))
                .collect(),
        };
        report.conflicts = conflicts(before, after, members);
    }
    report
}

/// The separation-of-duties conflicts each pair (a member before, after)
/// gains or loses, by member.
pub fn conflicts<'w>(
    before: &'w Workspace,
    after: &'w Workspace,
    pairs: impl IntoIterator<Item = (Option<&'w Member>, Option<&'w Member>)>,
) -> Vec<ConflictChange> {
    use crate::separation::Judge;
    let (jb, ja) = (Judge::new(before), Judge::new(after));
    let mut out = Vec::new();
    for (mb, ma) in pairs {
        let cb = mb.map(|m| jb.conflicts(m)).unwrap_or_default();
        let ca = ma.map(|m| ja.conflicts(m)).unwrap_or_default();
        let name = |ws: &Workspace, c: &crate::separation::Conflict| ws.separation[c.rule].name.clone();
        for c in &ca {
            if !cb.iter().any(|b| name(before, b) == name(after, c)) {
                let message = c.describe(after);
                out.push(ConflictChange { member: c.member.clone(), rule: name(after, c), created: true, message });
            }
        }
        for c in &cb {
            if !ca.iter().any(|a| name(after, a) == name(before, c)) {
                let message = c.describe(before);
                out.push(ConflictChange { member: c.member.clone(), rule: name(before, c), created: false, message });
            }
        }
    }
    out.sort_by(|a, b| (&a.member, &a.rule).cmp(&(&b.member, &b.rule)));
    out
}

/// [`compare_in`] for a change of members' entries alone: the rest of the
/// workspace (`ws`: profiles, tiers, clients) is the same on both sides, and
/// each pair is one member as it was and as it is (either may be missing).
/// `roster log` compares a commit that edited a few members this way, from
/// one copy of the workspace and the few entries it changed.
pub fn compare_members(ws: &Workspace, pairs: Vec<(Option<&Member>, Option<&Member>)>, scope: &Scope) -> Report {
    let (cost_before, cost_after) = scope.costs.unwrap_or_else(|| (ws.monthly_cost(), ws.monthly_cost()));
    let mut report = Report { cost_before, cost_after, ..Report::default() };
    if !ws.separation.is_empty() {
        report.conflicts = conflicts(ws, ws, pairs.iter().copied());
    }
    rows(&mut report, ws, ws, pairs, scope);
    report
}

/// Fills `report` from the pairs (before, after) of members to compare.
fn rows<'w>(
    report: &mut Report,
    before: &'w Workspace,
    after: &'w Workspace,
    mut pairs: Vec<(Option<&'w Member>, Option<&'w Member>)>,
    scope: &Scope,
) {
    for pair in &pairs {
        match pair {
            (None, Some(ma)) => report.members_added.push(ma.id.to_string()),
            (Some(mb), None) => report.members_removed.push(mb.id.to_string()),
            _ => {}
        }
    }
    report.members_added.sort();
    report.members_removed.sort();
    if !scope.arrivals {
        pairs.retain(|(mb, ma)| mb.is_some() && ma.is_some());
    }
    pairs.sort_by(|a, b| id_of(a).cmp(id_of(b)));

    let (cand_before, cand_after) = (Candidates::new(before), Candidates::new(after));
    // Every area.action of either state, in the order of the new one.
    let mut keys: Vec<(String, String)> = after.action_keys().into_iter().map(|k| (k.area, k.action)).collect();
    for k in before.action_keys() {
        if !keys.iter().any(|(a, x)| *a == k.area && *x == k.action) {
            keys.push((k.area, k.action));
        }
    }
    keys.retain(|(area, action)| scope.wants(area, action));
    for (mb, ma) in pairs {
        let member = id_of(&(mb, ma)).to_string();
        let mut candidates = BTreeSet::new();
        match &scope.clients {
            Some(clients) => candidates.extend(clients.iter().map(String::as_str)),
            None => {
                mb.into_iter().for_each(|m| cand_before.of(m, &mut candidates));
                ma.into_iter().for_each(|m| cand_after.of(m, &mut candidates));
            }
        }
        for (area_id, action) in &keys {
            let (area_b, area_a) = (before.area(area_id), after.area(area_id));
            let level = |ws: &Workspace, m: Option<&Member>, area: Option<&Area>| match (m, with_action(area, action)) {
                (Some(m), Some(a)) => access::member_level(ws, m, a, action).level,
                _ => Level::None,
            };
            let (lb, la) = (level(before, mb, area_b), level(after, ma, area_a));
            if lb != la {
                report.changes.push(AccessChange {
                    member: member.clone(),
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
                let reach =
                    |ws: &Workspace, m: Option<&Member>, area: Option<&Area>| match (m, with_action(area, action)) {
                        (Some(m), Some(a)) => reached(ws, m, a, action, ws.client(c)),
                        _ => Level::None,
                    };
                let (rb, ra) = (reach(before, mb, area_b), reach(after, ma, area_a));
                let reach_changed = (rb == Level::None) != (ra == Level::None);
                let per_client_profile = mb.is_some_and(|m| crate::access::per_client_profile(before, m, c).is_some())
                    || ma.is_some_and(|m| crate::access::per_client_profile(after, m, c).is_some());
                if reach_changed || (rb != ra && per_client_profile) {
                    report.changes.push(AccessChange {
                        member: member.clone(),
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
}

fn with_action<'a>(area: Option<&'a Area>, action: &str) -> Option<&'a Area> {
    area.filter(|a| a.has_action(action))
}

fn id_of<'m>(pair: &(Option<&'m Member>, Option<&'m Member>)) -> &'m str {
    pair.1.or(pair.0).map_or("", |m| m.id.as_str())
}
