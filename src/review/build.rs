//! A new campaign from the workspace: one item per active member in scope
//! and one per (member, client) assignment, each with the access it stands
//! for and its reviewer; the monthly cost by tier, frozen with it.
//!
//! Each profile's levels are computed once, and an item costs a few lookups,
//! so a campaign over 100,000 members costs about what `check` does.

use super::{CostRow, WORKING_TREE};
use crate::model::{Level, Member, Workspace};
use crate::source::Sources;
use jiff::civil::Date;
use std::collections::HashMap;

/// One item of a new campaign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewItem {
    pub id: String,
    pub profile: String,
    pub via: Option<String>,
    /// (area, [(action, level)]) in the workspace's order, `none` left out.
    pub access: Vec<(String, Vec<(String, Level)>)>,
    pub reviewer: Option<String>,
}

/// A new campaign, ready to be written.
#[derive(Clone, Debug)]
pub struct NewCampaign {
    pub revision: String,
    pub started: Date,
    pub due: Option<Date>,
    pub profiles: Vec<String>,
    pub currency: String,
    pub monthly_cost: f64,
    pub cost: Vec<CostRow>,
    pub items: Vec<NewItem>,
    /// Members whose items nobody but themselves could review.
    pub without_reviewer: Vec<String>,
}

/// Who may review what: the owner, and the active admins by id.
#[derive(Debug)]
pub struct Reviewers<'w> {
    owner: Option<&'w str>,
    /// Active members whose own profile is an admin profile, sorted by id.
    admins: Vec<&'w str>,
}

impl<'w> Reviewers<'w> {
    pub fn of(ws: &'w Workspace) -> Reviewers<'w> {
        let mut admins: Vec<&str> = ws
            .members
            .iter()
            .filter(|m| m.is_active() && ws.profile(&m.profile.value).is_some_and(|p| p.admin))
            .map(|m| m.id.as_str())
            .collect();
        admins.sort_unstable();
        Reviewers { owner: ws.settings.owner.as_ref().map(|o| o.value.as_str()), admins }
    }

    /// Who reviews member `m`'s items: the owner; for the owner's own
    /// items, the first other active admin by id; `None` when nobody but
    /// the member could.
    ///
    /// Teams (a lead reviews their team's members) slot in here, first: the
    /// lead of the member's first team, in `teams.toml` order, who is not
    /// the member; then the owner as below. Nothing else chooses a reviewer.
    pub fn reviewer_for(&self, m: &str) -> Option<&'w str> {
        match self.owner {
            Some(owner) if owner != m => Some(owner),
            _ => self.admins.iter().copied().find(|a| *a != m),
        }
    }

    /// Whether `id` is an active admin (who may decide any item but their own).
    pub fn is_admin(&self, id: &str) -> bool {
        self.admins.binary_search(&id).is_ok()
    }
}

/// Whether member `m` is in a campaign scoped to `profiles` (empty: everyone):
/// their own profile, or one they work under for a client, is listed.
pub fn in_scope(m: &Member, profiles: &[String]) -> bool {
    profiles.is_empty()
        || profiles.iter().any(|p| m.profile.value == **p || m.client_profiles().iter().any(|(_, cp)| cp.value == **p))
}

/// The items of a campaign over the active members in scope, in file order.
pub fn items(ws: &Workspace, profiles: &[String]) -> (Vec<NewItem>, Vec<String>) {
    let keys = ws.action_keys();
    let areas: Vec<&crate::model::Area> = keys.iter().filter_map(|k| ws.area(&k.area)).collect();
    let levels: HashMap<&str, Vec<Level>> = ws
        .profiles
        .iter()
        .map(|p| (p.id.as_str(), areas.iter().zip(&keys).map(|(a, k)| ws.profile_level(p, a, &k.action)).collect()))
        .collect();
    let reviewers = Reviewers::of(ws);
    let mut items = Vec::new();
    let mut without = Vec::new();
    for m in ws.members.iter().filter(|m| m.is_active() && in_scope(m, profiles)) {
        let reviewer = reviewers.reviewer_for(&m.id).map(str::to_string);
        if reviewer.is_none() {
            without.push(m.id.to_string());
        }
        // The member's levels, overrides applied.
        let of_profile = |profile: &str| -> Vec<Level> {
            let base = levels.get(profile).cloned().unwrap_or_else(|| areas.iter().map(|a| a.lowest()).collect());
            if m.grants().is_empty() {
                return base;
            }
            base.into_iter()
                .zip(areas.iter().zip(&keys))
                .map(|(l, (a, k))| m.grants().get(&a.id).and_then(|x| x.get(&k.action)).map_or(l, |o| o.value))
                .collect()
        };
        let own = of_profile(&m.profile.value);
        let group = |pick: &dyn Fn(usize, &crate::model::Area) -> Option<Level>| {
            let mut out: Vec<(String, Vec<(String, Level)>)> = Vec::new();
            for (i, (a, k)) in areas.iter().zip(&keys).enumerate() {
                let Some(level) = pick(i, a).filter(|l| *l != Level::None) else { continue };
                match out.last_mut() {
                    Some((area, actions)) if *area == a.id => actions.push((k.action.clone(), level)),
                    _ => out.push((a.id.clone(), vec![(k.action.clone(), level)])),
                }
            }
            out
        };
        items.push(NewItem {
            id: m.id.to_string(),
            profile: m.profile.value.to_string(),
            via: None,
            access: group(&|i, _| Some(own[i])),
            reviewer: reviewer.clone(),
        });
        for c in &m.clients {
            let Some(client) = ws.client(&c.value) else { continue };
            let per_client = crate::access::per_client_profile(ws, m, &client.id);
            let profile = per_client.map_or(m.profile.value.as_str(), |p| p.profile);
            let here = if per_client.is_some() { of_profile(profile) } else { own.clone() };
            let created = client.created_by.as_ref().is_some_and(|b| b.value == m.id);
            // The client is assigned: `assigned` and `all` reach it, `own` when the member created it.
            let reached = |i: usize, a: &crate::model::Area| {
                a.per_client.then_some(here[i]).filter(|l| *l >= Level::Assigned || (*l == Level::Own && created))
            };
            items.push(NewItem {
                id: format!("{}/{}", m.id, client.id),
                profile: profile.to_string(),
                via: Some("assigned".into()),
                access: group(&reached),
                reviewer: reviewer.clone(),
            });
        }
    }
    (items, without)
}

/// The monthly cost by tier (SPEC §1: each member not suspended pays their
/// licence), every tier in the workspace's order.
pub fn cost(ws: &Workspace) -> Vec<CostRow> {
    let mut seats: HashMap<&str, u64> = HashMap::new();
    for m in ws.members.iter().filter(|m| m.status != crate::model::Status::Suspended) {
        if let Some(t) = ws.licence(m) {
            *seats.entry(t.id.as_str()).or_default() += 1;
        }
    }
    ws.tiers
        .iter()
        .map(|t| {
            let n = seats.get(t.id.as_str()).copied().unwrap_or(0);
            CostRow {
                tier: t.id.to_string(),
                label: t.label.to_string(),
                price: t.price,
                seats: n,
                monthly: n as f64 * t.price,
            }
        })
        .collect()
}

/// The revision the workspace's access is taken from: `HEAD`'s commit when
/// the workspace's files are exactly those of `HEAD`, else [`WORKING_TREE`]
/// (files changed, added or removed since; no git repository).
pub fn revision(root: &std::path::Path, sources: &Sources) -> String {
    let Ok(repo) = crate::git::locate(root) else { return WORKING_TREE.into() };
    let Ok(head) = repo.resolve("HEAD") else { return WORKING_TREE.into() };
    let Ok(files) = repo.files_at(&head) else { return WORKING_TREE.into() };
    // The files a load reads (not `.taplo.toml`, nor a campaign).
    let loaded = |name: &str| {
        use crate::store::load::{CLIENTS_FILE, MEMBERS_FILE, TESTS_FILE, WORKSPACE_FILE};
        [WORKSPACE_FILE, MEMBERS_FILE, CLIENTS_FILE, TESTS_FILE].contains(&name)
            || name.strip_prefix("profiles/").is_some_and(|n| !n.starts_with('.') && n.ends_with(".toml"))
    };
    let same = files.keys().filter(|n| loaded(n)).count() == sources.iter().count()
        && sources.iter().all(|(_, s)| files.get(&s.name).is_some_and(|t| *t == s.text));
    if same { head } else { WORKING_TREE.into() }
}
