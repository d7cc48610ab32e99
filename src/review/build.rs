//! A new campaign from the workspace: one item per active member in scope
//! and one per (member, client) assignment, each with the access it stands
//! for and its reviewer; the monthly cost by tier, frozen with it.
//!
//! Each profile's levels are computed once, and an item costs a few lookups,
//! so a campaign over 100,000 members costs about what `check` does. The
//! levels are written once per distinct list, in the campaign's `[access]`
//! table ([`AccessSet`]), and items name them: the file stays a small
//! multiple of the workspace's.

use super::{CostRow, WORKING_TREE};
use crate::model::{Level, Member, Workspace};
use crate::source::Sources;
use jiff::civil::Date;
use std::collections::HashMap;
use std::sync::Arc;

/// One item of a new campaign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewItem<'w> {
    pub id: String,
    pub profile: &'w str,
    /// For a client item: how the client is reached (`assigned`, `team:ID`).
    pub via: Option<String>,
    /// The name of the access set it stands for (see [`AccessSet`]).
    pub access: Arc<str>,
    pub reviewer: Option<&'w str>,
}

/// A list of levels that items stand for, written once in the campaign's
/// `[access]` table and named by the items that have it: a campaign over
/// 100,000 members holds over half a million items but a few thousand
/// distinct lists of levels. It is named after the profile of the first item
/// that has it (`easy-invoicing`, `easy-invoicing on clients` for the levels
/// that reach one assigned client), with ` #2`, ` #3` for other lists under
/// the same profile (overrides, clients the member created).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessSet {
    pub name: Arc<str>,
    /// The levels as a TOML inline table (`{ clients = { view = "assigned" }
    /// }`), areas and actions in the workspace's order, `none` left out.
    pub levels: String,
}

/// A new campaign, ready to be written.
#[derive(Clone, Debug)]
pub struct NewCampaign<'w> {
    pub revision: String,
    pub started: Date,
    pub due: Option<Date>,
    pub profiles: Vec<String>,
    pub teams: Vec<String>,
    pub currency: String,
    pub monthly_cost: f64,
    pub cost: Vec<CostRow>,
    pub items: Vec<NewItem<'w>>,
    /// The access sets the items name, in the order first named.
    pub access: Vec<AccessSet>,
    /// Members whose items nobody but themselves could review.
    pub without_reviewer: Vec<String>,
}

/// Who may review what: team leads, the owner, and the active admins by id.
#[derive(Debug)]
pub struct Reviewers<'w> {
    ws: &'w Workspace,
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
        Reviewers { ws, owner: ws.settings.owner.as_ref().map(|o| o.value.as_str()), admins }
    }

    /// Who reviews member `m`'s items: the lead of the member's first team
    /// (in `teams.toml` order) who is not the member and is active; else the
    /// owner; for the owner's own items, the first other active admin by id;
    /// `None` when nobody but the member could. Nothing else chooses a reviewer.
    pub fn reviewer_for(&self, m: &str) -> Option<&'w str> {
        let ws = self.ws;
        let lead = ws.teams_of(m).find_map(|t| {
            t.lead.as_ref().map(|l| l.value.as_str()).filter(|l| *l != m && ws.member(l).is_some_and(|x| x.is_active()))
        });
        if lead.is_some() {
            return lead;
        }
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

/// What a campaign covers (`--profile`, `--team`): both empty, every active
/// member.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scope<'a> {
    pub profiles: &'a [String],
    pub teams: &'a [String],
}

impl Scope<'_> {
    /// Whether member `m` is in scope: everyone when nothing is named; else
    /// a member with one of the profiles (their own, or one they work under
    /// for a client) OR in one of the teams (a member of it, or its lead,
    /// as `team show` has them).
    pub fn includes(&self, ws: &Workspace, m: &Member) -> bool {
        let (profiles, teams) = (self.profiles, self.teams);
        (profiles.is_empty() && teams.is_empty())
            || profiles
                .iter()
                .any(|p| m.profile.value == **p || m.client_profiles().iter().any(|(_, cp)| cp.value == **p))
            || (!teams.is_empty() && ws.teams_of(&m.id).any(|t| teams.iter().any(|x| t.id == **x)))
    }
}

/// The items of a campaign over the active members in scope, in file order,
/// with the access sets they name, and the members nobody else could review.
///
/// Each profile's levels are computed once and each distinct list of levels
/// is rendered once, so an item costs a few lookups.
pub fn items<'w>(ws: &'w Workspace, scope: Scope<'_>) -> (Vec<NewItem<'w>>, Vec<AccessSet>, Vec<String>) {
    let keys = ws.action_keys();
    let areas: Vec<&crate::model::Area> = keys.iter().filter_map(|k| ws.area(&k.area)).collect();
    let levels: HashMap<&str, Vec<Level>> = ws
        .profiles
        .iter()
        .map(|p| (p.id.as_str(), areas.iter().zip(&keys).map(|(a, k)| ws.profile_level(p, a, &k.action)).collect()))
        .collect();
    let lowest: Vec<Level> = areas.iter().map(|a| a.lowest()).collect();
    let reviewers = Reviewers::of(ws);
    let mut sets = Sets::default();
    let at = ws.at();
    let mut items = Vec::new();
    let mut without = Vec::new();
    let mut masked = Vec::with_capacity(keys.len());
    for m in ws.members.iter().filter(|m| m.is_active() && scope.includes(ws, m)) {
        let reviewer = reviewers.reviewer_for(&m.id);
        if reviewer.is_none() {
            without.push(m.id.to_string());
        }
        // The member's levels under a profile, overrides applied.
        let of_profile = |profile: &str| -> Vec<Level> {
            let base = levels.get(profile).unwrap_or(&lowest);
            if m.grants().is_empty() {
                return base.clone();
            }
            base.iter()
                .zip(areas.iter().zip(&keys))
                .map(|(l, (a, k))| m.grants().get(&a.id).and_then(|x| x.get(&k.action)).map_or(*l, |o| o.value))
                .collect()
        };
        let own = of_profile(&m.profile.value);
        items.push(NewItem {
            id: m.id.to_string(),
            profile: &m.profile.value,
            via: None,
            access: sets.name(&own, &m.profile.value, "", &areas, &keys),
            reviewer,
        });
        // Its clients: those assigned to it in effect, then those its teams
        // bring (each once).
        let direct = m.clients_on(at).map(|c| (c.value.as_str(), None));
        let team = ws
            .team_clients(&m.id)
            .filter(|c| !m.has_client_on(c, at))
            .map(|c| (c, ws.team_with_client(&m.id, c).map(|t| format!("team:{}", t.id))));
        let mut seen = crate::fxhash::FxHashSet::default();
        for (c, via) in direct.chain(team) {
            let Some(client) = ws.client(c) else { continue };
            if !seen.insert(c) {
                continue;
            }
            let per_client = crate::access::per_client_profile(ws, m, &client.id);
            let profile = per_client.map_or(m.profile.value.as_str(), |p| p.profile);
            let other;
            let here = if per_client.is_some() {
                other = of_profile(profile);
                &other
            } else {
                &own
            };
            let created = client.created_by.as_ref().is_some_and(|b| b.value == m.id);
            // The client is assigned: `assigned` and `all` reach it, `own` when the member created it.
            masked.clear();
            masked.extend(here.iter().zip(&areas).map(|(l, a)| {
                let reached = a.per_client && (*l >= Level::Assigned || (*l == Level::Own && created));
                if reached { *l } else { Level::None }
            }));
            items.push(NewItem {
                id: format!("{}/{}", m.id, client.id),
                profile,
                via: Some(via.unwrap_or_else(|| "assigned".to_string())),
                access: sets.name(&masked, profile, " on clients", &areas, &keys),
                reviewer,
            });
        }
    }
    (items, sets.list, without)
}

/// The access sets of a new campaign: each distinct list of levels named once.
#[derive(Default)]
struct Sets {
    by_levels: crate::fxhash::FxHashMap<Vec<Level>, Arc<str>>,
    /// How many sets each name stem has (for ` #2`, ` #3`).
    stems: HashMap<String, usize>,
    list: Vec<AccessSet>,
}

impl Sets {
    /// The name of the set of these levels, made (after `profile` and
    /// `suffix`) when they are new.
    fn name(
        &mut self,
        levels: &[Level],
        profile: &str,
        suffix: &str,
        areas: &[&crate::model::Area],
        keys: &[crate::model::ActionKey],
    ) -> Arc<str> {
        if let Some(name) = self.by_levels.get(levels) {
            return name.clone();
        }
        let stem = format!("{profile}{suffix}");
        let n = self.stems.entry(stem.clone()).or_default();
        *n += 1;
        let name: Arc<str> = if *n == 1 { stem.into() } else { format!("{stem} #{n}").into() };
        self.by_levels.insert(levels.to_vec(), name.clone());
        self.list.push(AccessSet { name: name.clone(), levels: render_access(levels, areas, keys) });
        name
    }
}

/// `{ clients = { view = "assigned", edit = "assigned" }, calendars = { view = "all" } }`:
/// the levels above `none`, by area.
fn render_access(levels: &[Level], areas: &[&crate::model::Area], keys: &[crate::model::ActionKey]) -> String {
    let mut out = String::from("{");
    let mut current: Option<&str> = None;
    for ((level, area), key) in levels.iter().zip(areas).zip(keys) {
        if *level == Level::None {
            continue;
        }
        if current == Some(area.id.as_str()) {
            out.push_str(", ");
        } else {
            if current.is_some() {
                out.push_str(" },");
            }
            out.push_str(&format!(" {} = {{ ", area.id));
            current = Some(&area.id);
        }
        out.push_str(&format!("{} = \"{level}\"", key.action));
    }
    out.push_str(if current.is_some() { " } }" } else { "}" });
    out
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
    let same = files.keys().filter(|n| crate::store::load::is_loaded_file(n)).count() == sources.iter().count()
        && sources.iter().all(|(_, s)| files.get(&s.name).is_some_and(|t| *t == s.text));
    if same { head } else { WORKING_TREE.into() }
}
