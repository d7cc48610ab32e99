//! Effective access (SPEC §3): which level a member holds on an area.action, and
//! from where. Every command that answers "who can do what" goes through here.

use crate::model::{Area, Level, Member, Workspace};

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

/// §3 steps 1–3 with a client: the per-client profile applies when one is listed.
pub fn client_level<'w>(ws: &'w Workspace, m: &'w Member, client: &str, area: &Area, action: &str) -> Effective<'w> {
    let profile = m.client_profile(client).map_or(m.profile.value.as_str(), |p| p.value.as_str());
    level_with_profile(ws, m, profile, area, action)
}

fn level_with_profile<'w>(
    ws: &'w Workspace,
    m: &'w Member,
    profile: &'w str,
    area: &Area,
    action: &str,
) -> Effective<'w> {
    if !m.is_active() {
        return Effective { level: Level::None, profile, via: Via::Inactive };
    }
    if let Some(l) = m.grants.get(&area.id).and_then(|a| a.get(action)) {
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
pub fn fingerprints(ws: &Workspace) -> std::collections::HashMap<&str, u64> {
    use std::collections::HashMap;
    use std::hash::{Hash, Hasher};
    let keys = ws.action_keys();
    let areas: Vec<&Area> = keys.iter().filter_map(|k| ws.area(&k.area)).collect();
    let mut contacts: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut created: HashMap<&str, Vec<&str>> = HashMap::new();
    for c in &ws.clients {
        if let Some(company) = &c.company {
            contacts.entry(company.value.as_str()).or_default().push(&c.id);
        }
        if let Some(by) = &c.created_by {
            created.entry(by.value.as_str()).or_default().push(&c.id);
        }
    }
    let levels = |m: &Member, profile: &str, h: &mut std::collections::hash_map::DefaultHasher| {
        for (area, key) in areas.iter().zip(&keys) {
            level_with_profile(ws, m, profile, area, &key.action).level.hash(h);
        }
    };
    ws.members
        .iter()
        .map(|m| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            m.is_active().hash(&mut h);
            keys.hash(&mut h);
            levels(m, &m.profile.value, &mut h);
            let mut reach: Vec<&str> = m.clients.iter().map(|c| c.value.as_str()).collect();
            for c in &m.clients {
                reach.extend(contacts.get(c.value.as_str()).into_iter().flatten());
            }
            reach.extend(created.get(m.id.as_str()).into_iter().flatten());
            reach.sort_unstable();
            reach.hash(&mut h);
            let mut own: Vec<&str> = created.get(m.id.as_str()).cloned().unwrap_or_default();
            own.sort_unstable();
            own.hash(&mut h);
            let mut per_client: Vec<(&str, &str)> =
                m.client_profiles.iter().map(|(c, p)| (c.value.as_str(), p.value.as_str())).collect();
            per_client.sort_unstable();
            for (client, profile) in per_client {
                client.hash(&mut h);
                levels(m, profile, &mut h);
            }
            (m.id.as_str(), h.finish())
        })
        .collect()
}

/// Members of both states whose effective access differs, by id.
pub fn changed_members(before: &Workspace, after: &Workspace) -> Vec<String> {
    let old = fingerprints(before);
    let mut ids: Vec<String> = fingerprints(after)
        .into_iter()
        .filter(|(id, print)| old.get(id).is_some_and(|o| o != print))
        .map(|(id, _)| id.to_string())
        .collect();
    ids.sort_unstable();
    ids
}
