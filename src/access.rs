//! Effective access (SPEC §3): which level a member holds on an area.action, and
//! from where; whether that reaches a client, and by which path. `access check`,
//! `access who-can`, `access matrix`, exports and `diff` all go through
//! [`decide`] and [`member_level`]: there is one implementation of the decision.

use crate::model::{Area, Client, Id, Level, Member, Workspace};

pub mod list;

/// Where a member's level for one area.action comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The member is not active: no access at all.
    Inactive,
    /// The member's own grant override.
    Override,
    /// An admin profile: the highest level of everything.
    Admin,
    /// The profile's grant.
    Grant,
    /// Not granted: the area's lowest level.
    Lowest,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Inactive => "inactive",
            Via::Override => "override",
            Via::Admin => "admin",
            Via::Grant => "grant",
            Via::Lowest => "lowest",
        }
    }
}

/// A member's level on one area.action, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effective<'w> {
    pub level: Level,
    /// The profile in effect.
    pub profile: &'w str,
    pub via: Via,
}

/// §3 steps 1–3 without a client: the level the member may reach.
pub fn member_level<'w>(ws: &'w Workspace, m: &'w Member, area: &Area, action: &str) -> Effective<'w> {
    level_with_profile(ws, m, &m.profile.value, area, action)
}

/// §3 steps 1–3 with a client: the per-client profile applies when one is
/// listed and in effect on the date of judgement.
pub fn client_level<'w>(ws: &'w Workspace, m: &'w Member, client: &str, area: &Area, action: &str) -> Effective<'w> {
    let profile = per_client_profile(ws, m, client).map_or(m.profile.value.as_str(), |p| p.profile);
    level_with_profile(ws, m, profile, area, action)
}

/// The per-client profile in effect for one client (§3 step 2), and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PerClient<'w> {
    pub profile: &'w str,
    /// The company whose entry it is, when the client is one of its contacts
    /// without an entry of its own: a company's folder holds its contacts.
    pub through_company: Option<&'w str>,
}

/// §3 step 2: `M.client_profiles[C]` when listed and in effect on the date
/// of judgement; else, when C is a contact of company K, `M.client_profiles[K]`
/// when in effect; else none (the own profile applies).
pub fn per_client_profile<'w>(ws: &'w Workspace, m: &'w Member, client: &str) -> Option<PerClient<'w>> {
    if m.client_profiles().is_empty() {
        return None;
    }
    let at = ws.at();
    if let Some(p) = m.client_profile_on(client, at) {
        return Some(PerClient { profile: &p.value, through_company: None });
    }
    let company = ws.client(client)?.company.as_ref()?;
    m.client_profile_on(&company.value, at)
        .map(|p| PerClient { profile: &p.value, through_company: Some(&company.value) })
}

fn level_with_profile<'w>(
    ws: &'w Workspace,
    m: &'w Member,
    profile: &'w str,
    area: &Area,
    action: &str,
) -> Effective<'w> {
    let at = ws.at();
    if !m.active_on(at) {
        return Effective { level: Level::None, profile, via: Via::Inactive };
    }
    if let Some(l) = m.grant_on(&area.id, action, at) {
        return Effective { level: l.value, profile, via: Via::Override };
    }
    match ws.profile(profile) {
        Some(p) if p.admin => Effective { level: area.highest(), profile, via: Via::Admin },
        Some(p) => match p.grants.get(&area.id).and_then(|a| a.get(action)) {
            Some(l) => Effective { level: l.value, profile, via: Via::Grant },
            None => Effective { level: area.lowest(), profile, via: Via::Lowest },
        },
        None => Effective { level: area.lowest(), profile, via: Via::Lowest },
    }
}

/// A hash of everything that decides one member's access: status, the level of
/// every area.action under their own profile and overrides, the clients they
/// reach (assigned, contacts of assigned companies, created by them) and their
/// per-client profiles. Two states of a workspace give a member different
/// fingerprints exactly when their effective access may differ.
///
/// Each profile's levels are computed once; a member costs a few hashes.
pub fn fingerprints(ws: &Workspace) -> crate::fxhash::FxHashMap<Id, u64> {
    fingerprints_of(ws, None)
}

/// [`fingerprints`] of the members named in `only` (all without it).
pub fn fingerprints_of(
    ws: &Workspace,
    only: Option<&crate::fxhash::FxHashSet<Id>>,
) -> crate::fxhash::FxHashMap<Id, u64> {
    use crate::fxhash::{FxHashMap as HashMap, FxHasher as DefaultHasher};
    use std::hash::{Hash, Hasher};
    let keys = ws.action_keys();
    let areas: Vec<&Area> = keys.iter().filter_map(|k| ws.area(&k.area)).collect();
    let profile_levels: HashMap<&str, Vec<Level>> = ws
        .profiles
        .iter()
        .map(|p| (p.id.as_str(), areas.iter().zip(&keys).map(|(a, k)| ws.profile_level(p, a, &k.action)).collect()))
        .collect();
    // The contacts of assigned companies, and the clients members created:
    // for `only`, just those its members reach.
    let assigned: Option<crate::fxhash::FxHashSet<&str>> = only.map(|o| {
        o.iter()
            .filter_map(|id| ws.member(id))
            .flat_map(|m| m.clients.iter().map(|c| c.value.as_str()).chain(ws.team_clients(&m.id)))
            .collect()
    });
    let mut contacts: HashMap<&str, Vec<&str>> = HashMap::default();
    let mut created: HashMap<&str, Vec<&str>> = HashMap::default();
    for c in &ws.clients {
        if let Some(company) =
            c.company.as_ref().filter(|co| assigned.as_ref().is_none_or(|a| a.contains(co.value.as_str())))
        {
            contacts.entry(company.value.as_str()).or_default().push(&c.id);
        }
        if let Some(by) = c.created_by.as_ref().filter(|by| only.is_none_or(|o| o.contains(by.value.as_str()))) {
            created.entry(by.value.as_str()).or_default().push(&c.id);
        }
    }
    let mut keys_hasher = DefaultHasher::default();
    keys.hash(&mut keys_hasher);
    let keys_hash = keys_hasher.finish();
    let at = ws.at();
    let levels = |m: &Member, profile: &str, h: &mut DefaultHasher| match profile_levels.get(profile) {
        Some(base) if m.grants().is_empty() => base.hash(h),
        Some(base) => {
            let mut own = base.clone();
            for ((area, key), level) in areas.iter().zip(&keys).zip(own.iter_mut()) {
                if let Some(l) = m.grant_on(&area.id, &key.action, at) {
                    *level = l.value;
                }
            }
            own.hash(h);
        }
        None => profile.hash(h),
    };
    let mut out = HashMap::with_capacity_and_hasher(only.map_or(ws.members.len(), |o| o.len()), Default::default());
    // `only`'s members looked up, not every member tested against `only`.
    let members: Box<dyn Iterator<Item = &Member>> = match only {
        Some(o) => Box::new(o.iter().filter_map(|id| ws.member(id))),
        None => Box::new(ws.members.iter()),
    };
    for m in members {
        let mut h = DefaultHasher::default();
        keys_hash.hash(&mut h);
        let active = m.active_on(at);
        active.hash(&mut h);
        if active {
            levels(m, &m.profile.value, &mut h);
            let mut reach: Vec<&str> = m.clients_on(at).map(|c| c.value.as_str()).collect();
            // Through teams (§10): the same as assigned.
            reach.extend(ws.team_clients(&m.id));
            for c in reach.clone() {
                reach.extend(contacts.get(c).into_iter().flatten());
            }
            reach.sort_unstable();
            reach.dedup();
            let own = created.get(m.id.as_str()).map_or(&[][..], |v| v.as_slice());
            reach.sort_unstable();
            reach.hash(&mut h);
            own.hash(&mut h);
            let mut per_client: Vec<(&str, &str)> =
                m.client_profiles_on(at).map(|(c, p)| (c.value.as_str(), p.value.as_str())).collect();
            per_client.sort_unstable();
            for (client, profile) in per_client {
                client.hash(&mut h);
                levels(m, profile, &mut h);
                // A company's per-client profile governs its contacts too.
                contacts.get(client).hash(&mut h);
            }
        }
        out.insert(m.id.clone(), h.finish());
    }
    out
}

/// How a client is reached at level `assigned` or `own`, or why it is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Level `all`: every client.
    Everything,
    /// The client is assigned to the member.
    Assigned,
    /// The client's company is assigned to the member.
    CompanyAssigned(String),
    /// The client is assigned to a team of the member's (this one).
    Team(String),
    /// The client's company (the first) is assigned to a team of the member's (the second).
    CompanyTeam(String, String),
    /// The member created the client.
    CreatedBy,
    /// Not reached at this level.
    NotReached,
    /// Level `none`.
    Nothing,
    /// The area is not judged per client: the level itself is the answer.
    NotPerClient,
}

impl Reach {
    /// A way the member is connected to the client (assigned, directly or
    /// through a team, or its company is; or created by them).
    pub fn is_connection(&self) -> bool {
        matches!(
            self,
            Reach::Assigned | Reach::CompanyAssigned(_) | Reach::Team(_) | Reach::CompanyTeam(..) | Reach::CreatedBy
        )
    }
}

/// The answer to "may M do area.action (on client C)?", with every step of §3.
#[derive(Clone, Debug)]
pub struct Decision<'w> {
    pub allowed: bool,
    pub effective: Effective<'w>,
    /// The member's own profile, when a per-client profile is in effect instead.
    pub per_client_instead_of: Option<&'w str>,
    /// The company whose per-client profile is in effect for its contact.
    pub through_company: Option<&'w str>,
    /// The ceiling of the tier of the profile in effect.
    pub ceiling: Option<(Level, &'w str)>,
    pub reach: Option<Reach>,
    /// The window of the team's assignment, when the client is reached
    /// through a team that has it dated.
    pub team_window: Option<crate::model::Window>,
    /// The date access was judged on.
    pub at: crate::model::Date,
}

/// SPEC §3 for member `m`, `area.action`, and optionally a client.
pub fn decide<'w>(
    ws: &'w Workspace,
    m: &'w Member,
    area: &Area,
    action: &str,
    client: Option<&Client>,
) -> Decision<'w> {
    let effective = match client {
        Some(c) => client_level(ws, m, &c.id, area, action),
        None => member_level(ws, m, area, action),
    };
    let per_client = client.and_then(|c| per_client_profile(ws, m, &c.id));
    let per_client_instead_of = per_client.map(|_| m.profile.value.as_str());
    let through_company = per_client.and_then(|p| p.through_company);
    let ceiling = ws
        .profile(effective.profile)
        .and_then(|p| ws.tier(&p.tier.value))
        .map(|t| (ws.level_in(&t.ceiling, area, action), t.id.as_str()));
    let (allowed, reach) = match client {
        _ if effective.via == Via::Inactive => (false, None),
        Some(c) if area.per_client => {
            let reach = reach_in(ws, m, c, effective.level);
            let ok = !matches!(reach, Reach::NotReached | Reach::Nothing);
            (ok, Some(reach))
        }
        Some(_) => (effective.level > Level::None, Some(Reach::NotPerClient)),
        None => (effective.level > Level::None, None),
    };
    let team_window = match &reach {
        Some(Reach::Team(t)) => client.and_then(|c| ws.team(t)?.client_window(&c.id).copied()),
        Some(Reach::CompanyTeam(co, t)) => ws.team(t).and_then(|t| t.client_window(co).copied()),
        _ => None,
    };
    Decision { allowed, effective, per_client_instead_of, through_company, ceiling, reach, team_window, at: ws.at() }
}

/// §3 step 4: whether `level` reaches client `c` for member `m`, with the
/// assignments in effect on `at`.
pub fn reach(m: &Member, c: &Client, level: Level, at: crate::model::Date) -> Reach {
    match level {
        Level::All => Reach::Everything,
        Level::None => Reach::Nothing,
        Level::Assigned | Level::Own => {
            let created = c.created_by.as_ref().is_some_and(|b| b.value == m.id);
            if level == Level::Assigned {
                if m.has_client_on(&c.id, at) {
                    return Reach::Assigned;
                }
                if let Some(company) = c.company.as_ref().filter(|co| m.has_client_on(&co.value, at)) {
                    return Reach::CompanyAssigned(company.value.to_string());
                }
            }
            if created { Reach::CreatedBy } else { Reach::NotReached }
        }
    }
}

/// §3 step 4 with teams (§10): [`reach`], and when the client is neither
/// assigned to the member nor one of an assigned company's contacts, whether
/// it (or its company) is assigned to one of the member's teams.
pub fn reach_in(ws: &Workspace, m: &Member, c: &Client, level: Level) -> Reach {
    let direct = reach(m, c, level, ws.at());
    if level != Level::Assigned || !matches!(direct, Reach::NotReached | Reach::CreatedBy) {
        return direct;
    }
    if let Some(t) = ws.team_with_client(&m.id, &c.id) {
        return Reach::Team(t.id.to_string());
    }
    if let Some(company) = &c.company
        && let Some(t) = ws.team_with_client(&m.id, &company.value)
    {
        return Reach::CompanyTeam(company.value.to_string(), t.id.to_string());
    }
    direct
}

impl Decision<'_> {
    /// The chain of §3, one step a line: status -> profile (and why) -> grant
    /// or override -> tier ceiling -> how the client is reached.
    /// Each step says its dates ("acme assigned until 2026-03-31").
    pub fn chain(&self, m: &Member, area: &Area, action: &str, client: Option<&Client>) -> Vec<String> {
        let dated = |w: Option<&crate::model::Window>| w.map_or(String::new(), |w| format!(" {}", w.describe()));
        let mut steps = vec![format!(
            "status: {}{}{}",
            m.status,
            dated(m.window()),
            if !m.is_active() {
                " (only active members have access)".to_string()
            } else if self.effective.via == Via::Inactive {
                format!(" (outside their window on {}: no access)", self.at)
            } else {
                String::new()
            }
        )];
        if self.effective.via == Via::Inactive {
            return steps;
        }
        let e = &self.effective;
        steps.push(match (self.per_client_instead_of, client) {
            (Some(own), Some(c)) if let Some(company) = self.through_company => format!(
                "profile: {} (per-client profile for {company}{}, whose folder holds its contact {}; own profile {own})",
                e.profile,
                dated(m.profile_window(company)),
                c.id
            ),
            (Some(own), Some(c)) => {
                format!(
                    "profile: {} (per-client profile for {}{}; own profile {own})",
                    e.profile,
                    c.id,
                    dated(m.profile_window(&c.id))
                )
            }
            _ => format!("profile: {} (own profile)", e.profile),
        });
        let key = format!("{}.{action}", area.id);
        steps.push(match e.via {
            Via::Override => {
                format!("grant: {key} = {} (member override{})", e.level, dated(m.grant_window(&area.id, action)))
            }
            Via::Admin => format!("grant: {key} = {} (admin profile: the highest level)", e.level),
            Via::Grant => format!("grant: {key} = {} (profile {})", e.level, e.profile),
            Via::Lowest => {
                format!("grant: {key} = {} (not granted by {}: the area's lowest level)", e.level, e.profile)
            }
            Via::Inactive => format!("grant: {key} = none"),
        });
        if let Some((ceiling, tier)) = self.ceiling {
            steps.push(format!("ceiling: {ceiling} (tier {tier})"));
        }
        if let (Some(reach), Some(c)) = (&self.reach, client) {
            steps.push(match reach {
                Reach::Everything => format!("client: level all reaches every client, {} too", c.id),
                Reach::Assigned => {
                    format!("client: {} is assigned to {}{}", c.id, m.id, dated(m.client_window(&c.id)))
                }
                Reach::CompanyAssigned(co) => {
                    format!("client: {}'s company {co} is assigned to {}{}", c.id, m.id, dated(m.client_window(co)))
                }
                Reach::Team(t) => format!(
                    "client: {} is assigned to team {t}{}, which {} belongs to",
                    c.id,
                    dated(self.team_window.as_ref()),
                    m.id
                ),
                Reach::CompanyTeam(co, t) => format!(
                    "client: {}'s company {co} is assigned to team {t}{}, which {} belongs to",
                    c.id,
                    dated(self.team_window.as_ref()),
                    m.id
                ),
                Reach::CreatedBy => format!("client: {} was created by {}", c.id, m.id),
                Reach::Nothing => "client: level none reaches no client".to_string(),
                Reach::NotPerClient => format!("client: {} is not judged per client; the level is the answer", area.id),
                Reach::NotReached if e.level == Level::Own => {
                    format!("client: level own reaches only clients {} created; {} was not", m.id, c.id)
                }
                Reach::NotReached if m.has_client(&c.id) => format!(
                    "client: {} is assigned to {}{}, not in effect on {}",
                    c.id,
                    m.id,
                    dated(m.client_window(&c.id)),
                    self.at
                ),
                Reach::NotReached => format!(
                    "client: {} is not assigned to {}, {}and {} did not create it",
                    c.id,
                    m.id,
                    if c.company.is_some() { "nor is its company, " } else { "" },
                    m.id
                ),
            });
        }
        steps
    }
}

/// `access who-can`: the active members allowed area.action (on the client), by id.
pub fn who_can<'w>(
    ws: &'w Workspace,
    area: &Area,
    action: &str,
    client: Option<&Client>,
) -> Vec<(&'w Member, Decision<'w>)> {
    let mut out: Vec<(&Member, Decision)> = ws
        .members
        .iter()
        .filter(|m| m.active_on(ws.at()))
        .map(|m| (m, decide(ws, m, area, action, client)))
        .filter(|(_, d)| d.allowed)
        .collect();
    out.sort_unstable_by(|a, b| a.0.id.cmp(&b.0.id));
    out
}

/// `access matrix`: a member's level on every area.action, in `ws.action_keys()` order.
pub fn matrix_row(ws: &Workspace, m: &Member) -> Vec<Level> {
    Matrix::new(ws).row(m)
}

/// The rows of the access matrix, member by member: each profile's levels
/// on every area.action are worked out once, and a member's row is their
/// profile's, with their overrides in effect (§3 steps 1 and 3, as
/// [`member_level`] decides them one by one). At 100,000 members and 40
/// actions, deciding each cell alone looked the profile up 4 million times.
#[derive(Debug)]
pub struct Matrix<'w> {
    ws: &'w Workspace,
    /// By profile position in `ws.profiles`.
    profiles: Vec<Vec<Level>>,
    /// The row of a member whose profile does not exist: every area's lowest.
    lowest: Vec<Level>,
}

impl<'w> Matrix<'w> {
    pub fn new(ws: &'w Workspace) -> Matrix<'w> {
        let row = |p: Option<&crate::model::Profile>| -> Vec<Level> {
            ws.areas
                .iter()
                .flat_map(|area| {
                    area.actions.iter().map(move |a| match p {
                        Some(p) if p.admin => area.highest(),
                        Some(p) => ws.level_in(&p.grants, area, &a.value),
                        None => area.lowest(),
                    })
                })
                .collect()
        };
        Matrix { ws, profiles: ws.profiles.iter().map(|p| row(Some(p))).collect(), lowest: row(None) }
    }

    pub fn row(&self, m: &Member) -> Vec<Level> {
        let ws = self.ws;
        let at = ws.at();
        if !m.active_on(at) {
            return vec![Level::None; self.lowest.len()];
        }
        let base = ws.profile_position(&m.profile.value).map_or(&self.lowest, |i| &self.profiles[i]);
        if m.grants().is_empty() {
            return base.clone();
        }
        let keys = ws.areas.iter().flat_map(|area| area.actions.iter().map(move |a| (area, a.value.as_str())));
        base.iter()
            .zip(keys)
            .map(|(&level, (area, action))| m.grant_on(&area.id, action, at).map_or(level, |l| l.value))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{CLIENTS, MEMBERS, check_with, edit};

    #[test]
    fn the_matrix_rows_are_every_cell_decided_alone() {
        use crate::generate::{Params, generate};
        use crate::store::load::{Input, load_from};
        let mut files = generate(&Params { members: 2000, clients: 300, profiles: 12, ..Params::default() });
        // Members inactive, on a profile that does not exist, with overrides (2% have some).
        let members = files["members.toml"]
            .replacen("profile = \"p0003\"", "profile = \"p0003\"\nstatus = \"suspended\"", 5)
            .replacen("profile = \"p0004\"", "profile = \"nowhere\"", 3);
        files.insert("members.toml".into(), members);
        let ws = load_from(std::path::Path::new("/nonexistent"), Input::Memory(&files)).workspace;
        assert!(ws.members.iter().filter(|m| !m.grants().is_empty()).count() > 10);
        assert!(ws.members.iter().any(|m| m.profile.value == "nowhere"));
        let matrix = Matrix::new(&ws);
        for m in &ws.members {
            let alone: Vec<Level> = ws
                .areas
                .iter()
                .flat_map(|area| area.actions.iter().map(|a| member_level(&ws, m, area, &a.value).level))
                .collect();
            assert_eq!(matrix.row(m), alone, "{}", m.id);
        }
    }

    fn decide_in(members: &str, clients: &str, member: &str, key: &str, client: Option<&str>) -> (bool, Level) {
        let checked = check_with(&[("members.toml", members), ("clients.toml", clients)]);
        assert!(checked.errors().next().is_none(), "{:#?}", checked.diagnostics);
        let ws = &checked.workspace;
        let (area, action) = key.split_once('.').unwrap();
        let m = ws.member(member).unwrap();
        let c = client.map(|c| ws.client(c).unwrap());
        let d = decide(ws, m, ws.area(area).unwrap(), action, c);
        (d.allowed, d.effective.level)
    }

    #[test]
    fn inactive_members_are_denied() {
        let members = edit(MEMBERS, "profile = \"contributor\"", "profile = \"contributor\"\nstatus = \"invited\"");
        assert_eq!(decide_in(&members, CLIENTS, "eve", "clients.view", Some("acme")), (false, Level::None));
        assert_eq!(decide_in(MEMBERS, CLIENTS, "eve", "clients.view", Some("acme")), (true, Level::All));
    }

    #[test]
    fn assigned_reaches_assigned_clients_their_contacts_and_created_ones() {
        // bob: profile user (clients assigned), clients acme and globex; jean is a contact of acme.
        assert_eq!(decide_in(MEMBERS, CLIENTS, "bob", "clients.view", Some("globex")), (true, Level::Assigned));
        let clients = format!(
            "{CLIENTS}\n[clients.ann]\nname = \"Ann\"\nkind = \"contact\"\ncompany = \"globex\"\n[clients.solo]\nname = \"Solo\"\nkind = \"contact\"\ncreated_by = \"bob\"\n[clients.other]\nname = \"O\"\nkind = \"company\"\n"
        );
        assert_eq!(decide_in(MEMBERS, &clients, "bob", "clients.view", Some("ann")), (true, Level::Assigned));
        assert_eq!(decide_in(MEMBERS, &clients, "bob", "clients.view", Some("solo")), (true, Level::Assigned));
        assert_eq!(decide_in(MEMBERS, &clients, "bob", "clients.view", Some("other")), (false, Level::Assigned));
    }

    #[test]
    fn the_per_client_profile_applies_for_its_client_only() {
        // bob works under contributor (clients all) for acme.
        assert_eq!(decide_in(MEMBERS, CLIENTS, "bob", "calendars.view", Some("acme")), (true, Level::All));
        assert_eq!(decide_in(MEMBERS, CLIENTS, "bob", "calendars.view", Some("globex")), (true, Level::Own));
    }

    #[test]
    fn a_company_per_client_profile_governs_its_contacts() {
        // jean is acme's contact: bob's acme profile (contributor) applies to jean.
        assert_eq!(decide_in(MEMBERS, CLIENTS, "bob", "calendars.view", Some("jean")), (true, Level::All));
        // Unless jean has an entry of its own.
        let members = edit(MEMBERS, "acme = \"contributor\"", "acme = \"contributor\", jean = \"user\"");
        let members = edit(&members, "clients = [\"acme\", \"globex\"]", "clients = [\"acme\", \"globex\", \"jean\"]");
        assert_eq!(decide_in(&members, CLIENTS, "bob", "calendars.view", Some("jean")), (true, Level::Own));
    }

    #[test]
    fn overrides_win_over_the_profile() {
        let members = edit(
            MEMBERS,
            "client_profiles",
            "grants = { clients = { view = \"none\", edit = \"none\" } }\nclient_profiles",
        );
        assert_eq!(decide_in(&members, CLIENTS, "bob", "clients.view", Some("globex")), (false, Level::None));
        assert_eq!(decide_in(&members, CLIENTS, "bob", "clients.view", None), (false, Level::None));
    }

    #[test]
    fn own_reaches_only_created_clients_and_none_denies() {
        // eve created jean; contributor has calendars view all but settings none.
        assert_eq!(decide_in(MEMBERS, CLIENTS, "eve", "settings.view", None), (false, Level::None));
        assert_eq!(decide_in(MEMBERS, CLIENTS, "claire", "settings.edit", None), (true, Level::All));
        let members = edit(MEMBERS, "profile = \"contributor\"", "profile = \"contributor\"\nclients = [\"globex\"]");
        let ws_clients = CLIENTS.to_string();
        assert_eq!(decide_in(&members, &ws_clients, "eve", "clients.edit", Some("jean")), (true, Level::All));
    }
}
