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
