//! The workspace as plain types (SPEC §1–§2): no I/O, no clap, no TOML.
//!
//! Every value that a rule may point at keeps its [`Span`]; lookups by id go
//! through indexes built once, so that a 100,000-member workspace is never scanned
//! for one name. A reference shares the allocation of the id it names
//! ([`Id`]), and what few members have is boxed apart ([`MemberExtra`]): the
//! model of the reference workload stays within SPEC §7's memory target.
//!
//! What a valid id is ([`check_id`]) and what a valid email is, and when two
//! are the same ([`email`]), are the model's too: the loader, the rules and
//! the commands share them.

pub mod dates;
pub mod email;
mod id;
mod level;
pub mod separation;
mod small;
mod team;

pub use dates::{Date, Window};
pub use email::check as check_email;
pub use id::{
    Id, IdIndex, Names, PATTERN as ID_PATTERN, check as check_id, hash as id_hash, key as id_key, repeats as id_repeats,
};
pub use level::{ClientKind, Level, Status};
pub use separation::{Exception, Separation};
pub use small::SmallStr;
pub use team::{Team, TeamIndex};

use crate::source::{Sources, Span};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub span: Span,
}

impl<T> At<T> {
    pub fn new(value: T, span: Span) -> At<T> {
        At { value, span }
    }
}

/// An id that names something else (a profile, a tier, a client, a member).
pub type Ref = At<Id>;

/// A member's client: the id, sharing the client's allocation (see
/// [`Names`]). Where it is written is not kept: only a diagnostic about a
/// member's clients needs it, and reads it again from the member's entry
/// (`store::load::client_spans`). The 500,000 references of the reference
/// workload then take 16 bytes each, not the 32 of a [`Ref`] (SPEC §7's
/// memory target).
#[derive(Clone, Debug, PartialEq)]
pub struct ClientRef {
    pub value: Id,
}

impl ClientRef {
    pub fn new(value: Id) -> ClientRef {
        ClientRef { value }
    }
}

/// Grants (or a tier's ceiling, or a member's overrides): area -> action -> level.
/// What is left out reads as the area's lowest level.
pub type Grants = BTreeMap<String, BTreeMap<String, At<Level>>>;

#[derive(Clone, Debug)]
pub struct Settings {
    pub name: String,
    pub owner: Option<Ref>,
    pub default_profile: Option<Ref>,
    pub currency: String,
    pub custom_profiles: bool,
    pub require_actor: bool,
    /// `check` warns `expires-soon` this many days before an `until` (default 14).
    pub expiry_warning_days: u32,
    /// The `[workspace]` table, or the file start when it is missing.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Area {
    pub id: String,
    pub span: Span,
    pub label: String,
    pub actions: Vec<At<String>>,
    /// The levels it accepts, as written; never empty once loaded.
    pub levels: Vec<At<Level>>,
    /// Access is judged per client record.
    pub per_client: bool,
    /// Its `levels` had a bad entry (already reported): levels are not judged against it.
    pub incomplete: bool,
    /// The names of a long list of actions, for [`Area::has_action`]; built on
    /// first use, once the actions are read. A scan per lookup made a grants
    /// line as long as the area's actions quadratic.
    pub(crate) action_index: std::sync::OnceLock<crate::fxhash::FxHashSet<String>>,
}

impl Area {
    pub fn lowest(&self) -> Level {
        self.levels.iter().map(|l| l.value).min().unwrap_or(Level::None)
    }
    pub fn highest(&self) -> Level {
        self.levels.iter().map(|l| l.value).max().unwrap_or(Level::None)
    }
    pub fn has_action(&self, action: &str) -> bool {
        if self.actions.len() <= 16 {
            return self.actions.iter().any(|a| a.value == action);
        }
        self.action_index.get_or_init(|| self.actions.iter().map(|a| a.value.clone()).collect()).contains(action)
    }
    pub fn accepts(&self, level: Level) -> bool {
        self.levels.iter().any(|l| l.value == level)
    }
}

#[derive(Clone, Debug)]
pub struct Tier {
    pub id: String,
    pub span: Span,
    pub label: String,
    /// Per member per month, in the workspace currency.
    pub price: f64,
    pub ceiling: Grants,
}

#[derive(Clone, Debug)]
pub struct Profile {
    pub id: Id,
    /// The file start: a profile is a file.
    pub span: Span,
    pub name: String,
    pub description: String,
    pub tier: Ref,
    pub builtin: bool,
    pub admin: bool,
    pub grants: Grants,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub id: Id,
    pub span: Span,
    // Boxed slices and short strings inline rather than Vecs and Strings:
    // 100,000 members would otherwise carry 3.2 MB of capacities and 6.4 MB
    // of small allocations (SPEC §7's memory target).
    pub name: SmallStr,
    pub email: At<SmallStr>,
    pub status: Status,
    pub status_span: Span,
    pub profile: Ref,
    pub clients: Box<[ClientRef]>,
    /// Every client in `clients` named a client when the member was read: the
    /// rules need not look them up again (cleared when clients change).
    pub clients_known: bool,
    /// What few members have, apart: most members carry one pointer for it.
    pub extra: Option<Box<MemberExtra>>,
    /// The bytes of its entry in members.toml when it is a standard table that
    /// no other entry interleaves (a change can then edit those bytes alone).
    pub entry: Option<(u32, u32)>,
}

/// A member's per-client profiles, overrides and credit limit, and the
/// dates of what is time-bound (SPEC §9): few members have any. Boxed
/// slices, not Vecs: 15,000 of the reference workload's members have one.
#[derive(Clone, Debug, Default)]
pub struct MemberExtra {
    /// client -> profile, in file order.
    pub client_profiles: Box<[(Ref, Ref)]>,
    pub grants: Grants,
    pub credit_limit: Option<f64>,
    /// The member's own `from`/`until`.
    pub window: Option<Window>,
    /// client -> the window of its assignment (only the dated ones).
    pub client_windows: Box<[(Id, Window)]>,
    /// client -> the window of its per-client profile (only the dated ones).
    pub profile_windows: Box<[(Id, Window)]>,
    /// (area, action) -> the window of the override (only the dated ones).
    pub grant_windows: Box<[(String, String, Window)]>,
    /// For a member of many clients (over [`Member::MANY_CLIENTS`]): the
    /// positions in `clients`, sorted by id, so that [`Member::has_client`]
    /// is a binary search (see [`Member::index_clients`]).
    pub client_order: Box<[u32]>,
}

static NO_GRANTS: Grants = BTreeMap::new();

impl MemberExtra {
    /// As [`Member::same_entry`].
    fn same_values(&self, other: &MemberExtra) -> bool {
        let MemberExtra {
            client_profiles,
            grants,
            credit_limit,
            window,
            client_windows,
            profile_windows,
            grant_windows,
            // Derived from `clients`, compared there.
            client_order: _,
        } = self;
        fn dated<K: Ord + Clone>(v: &[(K, Window)]) -> Vec<(K, Option<Date>, Option<Date>)> {
            let mut v: Vec<_> = v.iter().map(|(k, w)| (k.clone(), w.from, w.until)).collect();
            v.sort();
            v
        }
        let dates = |w: &Option<Window>| w.map(|w| (w.from, w.until));
        let grant_dated = |v: &[(String, String, Window)]| {
            let mut v: Vec<_> = v.iter().map(|(a, b, w)| (a.clone(), b.clone(), w.from, w.until)).collect();
            v.sort();
            v
        };
        fn pairs(v: &[(Ref, Ref)]) -> Vec<(&str, &str)> {
            let mut v: Vec<(&str, &str)> = v.iter().map(|(c, p)| (c.value.as_str(), p.value.as_str())).collect();
            v.sort_unstable();
            v
        }
        fn levels(g: &Grants) -> impl Iterator<Item = (&String, &String, Level)> {
            g.iter().flat_map(|(area, actions)| actions.iter().map(move |(action, l)| (area, action, l.value)))
        }
        pairs(client_profiles) == pairs(&other.client_profiles)
            && levels(grants).eq(levels(&other.grants))
            && *credit_limit == other.credit_limit
            && dates(window) == dates(&other.window)
            && dated(client_windows) == dated(&other.client_windows)
            && dated(profile_windows) == dated(&other.profile_windows)
            && grant_dated(grant_windows) == grant_dated(&other.grant_windows)
    }
}

fn shift_grants(grants: &mut Grants, file: crate::source::FileId, at: u32, delta: i64) {
    for actions in grants.values_mut() {
        for level in actions.values_mut() {
            level.span.shift(file, at, delta);
        }
    }
}

fn shift_range(range: &mut Option<(u32, u32)>, at: u32, delta: i64) {
    if let Some((a, b)) = range
        && *a >= at
    {
        *a = (*a as i64 + delta) as u32;
        *b = (*b as i64 + delta) as u32;
    }
}

impl Member {
    /// Moves every span at or after `at` in `file` by `delta` bytes (text was
    /// inserted or removed before it).
    pub fn shift(&mut self, file: crate::source::FileId, at: u32, delta: i64) {
        self.span.shift(file, at, delta);
        self.email.span.shift(file, at, delta);
        self.status_span.shift(file, at, delta);
        self.profile.span.shift(file, at, delta);
        if let Some(extra) = &mut self.extra {
            for (c, p) in &mut extra.client_profiles {
                c.span.shift(file, at, delta);
                p.span.shift(file, at, delta);
            }
            shift_grants(&mut extra.grants, file, at, delta);
            let windows = extra.window.iter_mut().chain(extra.client_windows.iter_mut().map(|(_, w)| w));
            let windows = windows.chain(extra.profile_windows.iter_mut().map(|(_, w)| w));
            for w in windows.chain(extra.grant_windows.iter_mut().map(|(_, _, w)| w)) {
                w.span.shift(file, at, delta);
            }
        }
        shift_range(&mut self.entry, at, delta);
    }

    /// client -> profile, in file order.
    pub fn client_profiles(&self) -> &[(Ref, Ref)] {
        self.extra.as_ref().map_or(&[], |e| &e.client_profiles)
    }
    /// The member's own overrides of their profile's grants.
    pub fn grants(&self) -> &Grants {
        self.extra.as_ref().map_or(&NO_GRANTS, |e| &e.grants)
    }
    pub fn credit_limit(&self) -> Option<f64> {
        self.extra.as_ref().and_then(|e| e.credit_limit)
    }
    pub fn extra_mut(&mut self) -> &mut MemberExtra {
        self.extra.get_or_insert_default()
    }

    pub fn is_active(&self) -> bool {
        self.status == Status::Active
    }

    /// The member's own `from`/`until`, if any.
    pub fn window(&self) -> Option<&Window> {
        self.extra.as_ref().and_then(|e| e.window.as_ref())
    }
    /// Inside their `from`/`until` window on `date` (SPEC §9).
    pub fn in_window_on(&self, date: Date) -> bool {
        dates::active_on(self.window(), date)
    }
    /// Active, and inside their window on `date`: the member holds access (§3 step 1).
    pub fn active_on(&self, date: Date) -> bool {
        self.is_active() && self.in_window_on(date)
    }
    /// The window of the assignment of `client`, when it is dated.
    pub fn client_window(&self, client: &str) -> Option<&Window> {
        self.extra.as_ref()?.client_windows.iter().find(|(c, _)| c.as_str() == client).map(|(_, w)| w)
    }
    /// The window of the per-client profile for `client`, when it is dated.
    pub fn profile_window(&self, client: &str) -> Option<&Window> {
        self.extra.as_ref()?.profile_windows.iter().find(|(c, _)| c.as_str() == client).map(|(_, w)| w)
    }
    /// The window of the override of area.action, when it is dated.
    pub fn grant_window(&self, area: &str, action: &str) -> Option<&Window> {
        let e = self.extra.as_ref()?;
        e.grant_windows.iter().find(|(a, b, _)| a == area && b == action).map(|(_, _, w)| w)
    }
    /// `client` is assigned to the member and the assignment is in effect on `date`.
    pub fn has_client_on(&self, client: &str, date: Date) -> bool {
        self.has_client(client) && dates::active_on(self.client_window(client), date)
    }
    /// The clients whose assignment is in effect on `date`.
    pub fn clients_on(&self, date: Date) -> impl Iterator<Item = &ClientRef> {
        self.clients.iter().filter(move |c| dates::active_on(self.client_window(&c.value), date))
    }
    /// The per-client profile for `client`, when it is in effect on `date`.
    pub fn client_profile_on(&self, client: &str, date: Date) -> Option<&Ref> {
        self.client_profile(client).filter(|_| dates::active_on(self.profile_window(client), date))
    }
    /// The per-client profiles in effect on `date`.
    pub fn client_profiles_on(&self, date: Date) -> impl Iterator<Item = &(Ref, Ref)> {
        self.client_profiles().iter().filter(move |(c, _)| dates::active_on(self.profile_window(&c.value), date))
    }
    /// The override of area.action, when it is in effect on `date`.
    pub fn grant_on(&self, area: &str, action: &str, date: Date) -> Option<&At<Level>> {
        self.grants()
            .get(area)
            .and_then(|a| a.get(action))
            .filter(|_| dates::active_on(self.grant_window(area, action), date))
    }

    /// Whether two readings of a member's entry say the same, wherever they
    /// are written (spans and layout aside): what a change may not alter in
    /// the owner's entry unless the owner makes it (`change`). Every field is
    /// named, so that a new one must be placed here or set aside on purpose.
    pub fn same_entry(&self, other: &Member) -> bool {
        let Member {
            id,
            span: _,
            name,
            email,
            status,
            status_span: _,
            profile,
            clients,
            clients_known: _,
            extra,
            entry: _,
        } = self;
        // Order aside, as for the pairs of `client_profiles`: neither means anything.
        fn values(refs: &[ClientRef]) -> Vec<&str> {
            let mut v: Vec<&str> = refs.iter().map(|r| r.value.as_str()).collect();
            v.sort_unstable();
            v
        }
        *id == other.id
            && *name == other.name
            && email.value == other.email.value
            && *status == other.status
            && profile.value == other.profile.value
            && values(clients) == values(&other.clients)
            && match (extra.as_deref(), other.extra.as_deref()) {
                (Some(a), Some(b)) => a.same_values(b),
                (None, None) => true,
                (Some(e), None) | (None, Some(e)) => e.same_values(&MemberExtra::default()),
            }
    }

    /// Over this many clients, a member's clients are indexed: deciding
    /// access client by client (who-can, the matrix, separation per client)
    /// asks once per client, and a scan would make that quadratic (one
    /// member of 40,000 clients took `check` 5 s).
    pub const MANY_CLIENTS: usize = 32;

    /// Indexes the clients when there are many: the loader calls it once
    /// `clients` is read (nothing changes `clients` afterwards; a change
    /// reads the entry again).
    pub fn index_clients(&mut self) {
        if self.clients.len() <= Self::MANY_CLIENTS {
            return;
        }
        let mut order: Vec<u32> = (0..self.clients.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.clients[a as usize].value.cmp(&self.clients[b as usize].value));
        self.extra_mut().client_order = order.into();
    }

    pub fn has_client(&self, client: &str) -> bool {
        match self.extra.as_ref().map(|x| &x.client_order).filter(|o| o.len() == self.clients.len()) {
            Some(order) => order.binary_search_by(|&i| self.clients[i as usize].value.as_str().cmp(client)).is_ok(),
            None => self.clients.iter().any(|c| c.value == client),
        }
    }
    pub fn client_profile(&self, client: &str) -> Option<&Ref> {
        self.client_profiles().iter().find(|(c, _)| c.value == client).map(|(_, p)| p)
    }
}

#[derive(Clone, Debug)]
pub struct Client {
    pub id: Id,
    pub span: Span,
    pub name: String,
    pub kind: ClientKind,
    pub kind_span: Span,
    pub company: Option<Ref>,
    pub created_by: Option<Ref>,
    /// The bytes of its entry in clients.toml, as for [`Member::entry`].
    pub entry: Option<(u32, u32)>,
}

/// An expectation of `tests.toml` (SPEC §8) that every change is held to.
#[derive(Clone, Debug)]
pub struct AccessTest {
    /// The name given, if any; see [`AccessTest::title`].
    pub name: Option<String>,
    /// The `[[test]]` header.
    pub span: Span,
    pub kind: TestKind,
    /// The date it is judged on (SPEC §8, §9); the date of judgement without it.
    pub at: Option<Date>,
}

#[derive(Clone, Debug)]
pub enum TestKind {
    /// The active members who can `key` (on `client`) are exactly / include / exclude these.
    WhoCan { key: At<String>, client: Option<Ref>, exactly: Option<Vec<Ref>>, includes: Vec<Ref>, excludes: Vec<Ref> },
    /// `member` may do each of `allow` and none of `deny` (on `client`).
    Member { member: Ref, client: Option<Ref>, allow: Vec<At<String>>, deny: Vec<At<String>> },
    /// The workspace's monthly cost stays at or below this.
    MaxMonthlyCost { max: f64 },
}

impl AccessTest {
    /// The name, or the expectation in words.
    pub fn title(&self) -> String {
        if let Some(n) = &self.name {
            return n.clone();
        }
        let ids = |v: &[Ref]| v.iter().map(|r| r.value.as_str()).collect::<Vec<_>>().join(", ");
        let on = |c: &Option<Ref>| c.as_ref().map_or(String::new(), |c| format!(" on {}", c.value));
        match &self.kind {
            TestKind::WhoCan { key, client, exactly, includes, excludes } => {
                let mut parts = Vec::new();
                if let Some(e) = exactly {
                    parts.push(format!("exactly {}", if e.is_empty() { "nobody".into() } else { ids(e) }));
                }
                if !includes.is_empty() {
                    parts.push(format!("include {}", ids(includes)));
                }
                if !excludes.is_empty() {
                    parts.push(format!("exclude {}", ids(excludes)));
                }
                format!("who can {}{} is {}", key.value, on(client), parts.join(" and "))
            }
            TestKind::Member { member, client, allow, deny } => {
                let keys = |v: &[At<String>]| v.iter().map(|k| k.value.as_str()).collect::<Vec<_>>().join(", ");
                let mut parts = Vec::new();
                if !allow.is_empty() {
                    parts.push(format!("may {}", keys(allow)));
                }
                if !deny.is_empty() {
                    parts.push(format!("may not {}", keys(deny)));
                }
                format!("{} {}{}", member.value, parts.join(" and "), on(client))
            }
            TestKind::MaxMonthlyCost { max } => format!("the monthly cost stays at or below {max:.2}"),
        }
    }
}

impl Client {
    /// As [`Member::shift`].
    pub fn shift(&mut self, file: crate::source::FileId, at: u32, delta: i64) {
        self.span.shift(file, at, delta);
        self.kind_span.shift(file, at, delta);
        if let Some(c) = &mut self.company {
            c.span.shift(file, at, delta);
        }
        if let Some(b) = &mut self.created_by {
            b.span.shift(file, at, delta);
        }
        shift_range(&mut self.entry, at, delta);
    }
}

/// One `area.action`, as every command and rule addresses it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionKey {
    pub area: String,
    pub action: String,
}

impl std::fmt::Display for ActionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.area, self.action)
    }
}

/// The whole workspace state, read from one directory.
#[derive(Debug)]
pub struct Workspace {
    pub root: PathBuf,
    pub sources: Sources,
    pub settings: Settings,
    /// In file order.
    pub areas: Vec<Area>,
    pub tiers: Vec<Tier>,
    /// Sorted by id.
    pub profiles: Vec<Profile>,
    /// In file order.
    pub members: Vec<Member>,
    pub clients: Vec<Client>,
    /// The expectations of `tests.toml`, in file order; empty without the file.
    pub tests: Vec<AccessTest>,
    /// `workspace.toml`'s `[[separation]]` rules, in file order (SPEC §13).
    pub separation: Vec<Separation>,
    /// The teams of `teams.toml`, in file order; empty without the file. Set
    /// with [`Workspace::set_teams`], which indexes them.
    teams: Vec<Team>,
    team_index: TeamIndex,
    /// The date access is judged on (see [`Workspace::at`]).
    at: std::sync::atomic::AtomicI32,
    index: Index,
}

/// What `workspace.toml` and the profiles say: see [`Workspace::replace_config`].
#[derive(Debug)]
pub struct Config {
    pub settings: Settings,
    pub areas: Vec<Area>,
    pub tiers: Vec<Tier>,
    pub profiles: Vec<Profile>,
    pub separation: Vec<Separation>,
}

#[derive(Debug, Default)]
struct Index {
    areas: IdIndex,
    tiers: IdIndex,
    profiles: IdIndex,
    members: IdIndex,
    clients: IdIndex,
}

impl Workspace {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        root: PathBuf,
        sources: Sources,
        settings: Settings,
        areas: Vec<Area>,
        tiers: Vec<Tier>,
        mut profiles: Vec<Profile>,
        members: Vec<Member>,
        clients: Vec<Client>,
    ) -> Workspace {
        profiles.sort_by(|a, b| a.id.cmp(&b.id));
        let index = Index {
            areas: IdIndex::new(&areas, |a| &a.id),
            tiers: IdIndex::new(&tiers, |t| &t.id),
            profiles: IdIndex::new(&profiles, |p| &p.id),
            members: IdIndex::new(&members, |m| &m.id),
            clients: IdIndex::new(&clients, |c| &c.id),
        };
        let at = std::sync::atomic::AtomicI32::new(dates::pack(dates::judgement_date()));
        Workspace {
            root,
            sources,
            settings,
            areas,
            tiers,
            profiles,
            members,
            clients,
            tests: Vec::new(),
            separation: Vec::new(),
            teams: Vec::new(),
            team_index: TeamIndex::default(),
            at,
            index,
        }
    }

    /// The date access is judged on (SPEC §9): `--at`'s, else today's.
    pub fn at(&self) -> Date {
        dates::unpack(self.at.load(std::sync::atomic::Ordering::Relaxed))
    }
    /// Judges access on another date (a test's `at`, §8); returns the one before.
    pub fn set_at(&self, date: Date) -> Date {
        dates::unpack(self.at.swap(dates::pack(date), std::sync::atomic::Ordering::Relaxed))
    }

    /// Adds a member at the end, indexed (a batch's working state, see
    /// `change::Batch`; a read keeps file order).
    pub fn push_member(&mut self, member: Member) {
        self.members.push(member);
        self.index.members.insert(&self.members, |m| &m.id, self.members.len() - 1);
    }

    /// Adds a client at the end, indexed, as [`Workspace::push_member`].
    pub fn push_client(&mut self, client: Client) {
        self.clients.push(client);
        self.index.clients.insert(&self.clients, |c| &c.id, self.clients.len() - 1);
    }

    /// Puts `config` (settings, areas, tiers, profiles: what `workspace.toml`
    /// and the profiles say) in place of the workspace's, indexed; returns the
    /// old one. A batch's working state takes a line's new profiles this way.
    pub fn replace_config(&mut self, config: Config) -> Config {
        let Config { settings, areas, tiers, mut profiles, separation } = config;
        profiles.sort_by(|a, b| a.id.cmp(&b.id));
        self.index.areas = IdIndex::new(&areas, |a| &a.id);
        self.index.tiers = IdIndex::new(&tiers, |t| &t.id);
        self.index.profiles = IdIndex::new(&profiles, |p| &p.id);
        Config {
            settings: std::mem::replace(&mut self.settings, settings),
            areas: std::mem::replace(&mut self.areas, areas),
            tiers: std::mem::replace(&mut self.tiers, tiers),
            profiles: std::mem::replace(&mut self.profiles, profiles),
            separation: std::mem::replace(&mut self.separation, separation),
        }
    }

    /// Takes the settings, areas, tiers and profiles out (as [`Workspace::replace_config`]).
    pub fn into_config(self) -> Config {
        Config {
            settings: self.settings,
            areas: self.areas,
            tiers: self.tiers,
            profiles: self.profiles,
            separation: self.separation,
        }
    }

    /// Rebuilds the id indexes after members or clients were added or removed.
    pub fn reindex(&mut self) {
        self.reindex_members();
        self.reindex_clients();
    }

    /// Indexes the members again (they came, went or moved), not the clients.
    pub fn reindex_members(&mut self) {
        self.index.members.rebuild(&self.members, |m| &m.id);
    }

    /// Indexes the clients again, not the members.
    pub fn reindex_clients(&mut self) {
        self.index.clients.rebuild(&self.clients, |c| &c.id);
    }

    /// The teams of `teams.toml`, in file order.
    pub fn teams(&self) -> &[Team] {
        &self.teams
    }

    /// Puts `teams` in place, indexed once (see [`TeamIndex`]).
    pub fn set_teams(&mut self, teams: Vec<Team>) {
        self.team_index = TeamIndex::new(&teams);
        self.teams = teams;
    }

    /// Takes the teams out (the workspace is left without).
    pub fn take_teams(&mut self) -> Vec<Team> {
        self.team_index = TeamIndex::default();
        std::mem::take(&mut self.teams)
    }

    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// The teams member `member` is in (as a member or as the lead), in file order.
    pub fn teams_of<'a>(&'a self, member: &str) -> impl Iterator<Item = &'a Team> + 'a {
        self.team_index.teams_of(member).iter().map(|&i| &self.teams[i as usize])
    }

    /// The first team (in file order) of `member` that `client` is assigned
    /// to on the date of judgement.
    pub fn team_with_client(&self, member: &str, client: &str) -> Option<&Team> {
        let at = self.at();
        self.team_index
            .teams_of(member)
            .iter()
            .find(|&&i| self.team_index.team_has(i, client, at))
            .map(|&i| &self.teams[i as usize])
    }

    /// The first team of `member` that lists `client`, in effect or not.
    pub fn team_listing(&self, member: &str, client: &str) -> Option<&Team> {
        self.teams_of(member).find(|t| t.has_client(client))
    }

    /// The clients assigned to `member` through their teams on the date of
    /// judgement (each team's, in order; a client in two teams comes twice).
    pub fn team_clients<'a>(&'a self, member: &str) -> impl Iterator<Item = &'a str> + 'a {
        let at = self.at();
        self.team_index.teams_of(member).iter().flat_map(move |&i| self.team_index.clients_of(i, at))
    }

    /// Whether `client` is assigned to `member`, directly or through a team.
    pub fn is_assigned(&self, member: &Member, client: &str) -> bool {
        member.has_client(client) || self.team_with_client(&member.id, client).is_some()
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.index.areas.find(&self.areas, |a| &a.id, id).map(|i| &self.areas[i])
    }
    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.index.tiers.find(&self.tiers, |t| &t.id, id).map(|i| &self.tiers[i])
    }
    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.index.profiles.find(&self.profiles, |p| &p.id, id).map(|i| &self.profiles[i])
    }
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.index.members.find(&self.members, |m| &m.id, id).map(|i| &self.members[i])
    }
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.index.clients.find(&self.clients, |c| &c.id, id).map(|i| &self.clients[i])
    }
    /// The position in `profiles` of the profile with this id.
    pub fn profile_position(&self, id: &str) -> Option<usize> {
        self.index.profiles.find(&self.profiles, |p| &p.id, id)
    }
    /// The position in `members` of the member with this id.
    pub fn member_position(&self, id: &str) -> Option<usize> {
        self.index.members.find(&self.members, |m| &m.id, id)
    }
    /// The position in `clients` of the client with this id.
    pub fn client_position(&self, id: &str) -> Option<usize> {
        self.index.clients.find(&self.clients, |c| &c.id, id)
    }

    /// The ids that members refer to (profiles, clients), for reading members
    /// whose references share them.
    pub fn names(&self) -> Names {
        let mut names = Names::default();
        names.reserve(self.profiles.len(), self.clients.len());
        self.profiles.iter().for_each(|p| names.add_profile(&p.id));
        self.clients.iter().for_each(|c| names.add_client(&c.id));
        names
    }

    /// Every area.action, in the order areas and actions are declared.
    pub fn action_keys(&self) -> Vec<ActionKey> {
        self.areas
            .iter()
            .flat_map(|a| a.actions.iter().map(|act| ActionKey { area: a.id.clone(), action: act.value.clone() }))
            .collect()
    }

    /// The level a grant map gives to area.action: the listed one, else the area's lowest.
    pub fn level_in(&self, grants: &Grants, area: &Area, action: &str) -> Level {
        grants.get(&area.id).and_then(|a| a.get(action)).map_or(area.lowest(), |l| l.value)
    }

    /// A profile's level for area.action; an admin profile has the highest of each.
    pub fn profile_level(&self, profile: &Profile, area: &Area, action: &str) -> Level {
        if profile.admin { area.highest() } else { self.level_in(&profile.grants, area, action) }
    }

    pub fn default_profile(&self) -> Option<&Profile> {
        self.settings.default_profile.as_ref().and_then(|p| self.profile(&p.value))
    }

    /// Monthly price of a profile's members, from its tier.
    pub fn profile_price(&self, profile: &Profile) -> f64 {
        self.tier(&profile.tier.value).map_or(0.0, |t| t.price)
    }

    /// Whether the member holds a seat on the date of judgement: not
    /// suspended, and inside their `from`/`until` window (SPEC §1, §9).
    pub fn holds_seat(&self, m: &Member) -> bool {
        m.status != Status::Suspended && m.in_window_on(self.at())
    }

    /// A member's licence (SPEC §1): the highest-priced tier among the
    /// profiles they work under, their own and every per-client one in
    /// effect on the date of judgement (an expired or not yet started
    /// per-client profile raises nothing, §9). Working under a pricier
    /// profile for one client needs that pricier licence. On a tie the
    /// first wins, their own profile's tier before any other.
    pub fn licence(&self, member: &Member) -> Option<&Tier> {
        let per_client = member.client_profiles_on(self.at()).map(|(_, p)| p.value.as_str());
        self.licence_of(std::iter::once(member.profile.value.as_str()).chain(per_client))
    }

    /// The profile whose tier is the member's licence: their own, unless a
    /// per-client profile in effect is on a pricier tier (`cost --by profile`).
    pub fn licence_profile(&self, member: &Member) -> Option<&Profile> {
        let per_client = member.client_profiles_on(self.at()).map(|(_, p)| p.value.as_str());
        let mut best: Option<(&Profile, f64)> = None;
        for p in std::iter::once(member.profile.value.as_str()).chain(per_client).filter_map(|p| self.profile(p)) {
            let Some(tier) = self.tier(&p.tier.value) else { continue };
            if best.is_none_or(|(_, price)| tier.price > price) {
                best = Some((p, tier.price));
            }
        }
        best.map(|(p, _)| p)
    }

    /// The licence of someone working under these profiles, as [`Workspace::licence`]:
    /// what a change that has not happened yet would make of a member's.
    pub fn licence_of<'a>(&self, profiles: impl IntoIterator<Item = &'a str>) -> Option<&Tier> {
        self.pricier(profiles, |p| self.profile_tier(p)).map(|t| &self.tiers[t])
    }

    /// The tier (position in `tiers`) of the profile with this id.
    fn profile_tier(&self, profile: &str) -> Option<usize> {
        self.profile(profile).and_then(|p| self.index.tiers.find(&self.tiers, |t| &t.id, &p.tier.value))
    }

    /// The highest-priced tier (a position in `tiers`) of these profiles,
    /// the first on a tie, each profile's tier given by `tier`: the one rule
    /// of a licence ([`Workspace::licence`], [`Workspace::seats`]).
    fn pricier<'a>(
        &self,
        profiles: impl IntoIterator<Item = &'a str>,
        tier: impl Fn(&str) -> Option<usize>,
    ) -> Option<usize> {
        let mut best: Option<usize> = None;
        for t in profiles.into_iter().filter_map(tier) {
            if best.is_none_or(|b| self.tiers[t].price > self.tiers[b].price) {
                best = Some(t);
            }
        }
        best
    }

    /// SPEC §1: the sum, over members who hold a seat on the date of
    /// judgement ([`Workspace::holds_seat`]), of their licence's price.
    ///
    /// The seats are counted by tier ([`Workspace::seats`]) and each count
    /// multiplied by its price: the same total whatever the members' order
    /// or the cores that counted them.
    pub fn monthly_cost(&self) -> f64 {
        self.cost_of(&self.seats())
    }

    /// How many members hold a seat ([`Workspace::holds_seat`]) on each tier
    /// (by position in `tiers`), the tier of their licence
    /// ([`Workspace::licence`]). Each profile's tier is looked up once, and
    /// a large workspace's members are counted on every core.
    pub fn seats(&self) -> Vec<u64> {
        let tier_of: Vec<Option<usize>> =
            self.profiles.iter().map(|p| self.index.tiers.find(&self.tiers, |t| &t.id, &p.tier.value)).collect();
        let count = |members: &[Member]| {
            let mut seats = vec![0u64; self.tiers.len()];
            let tier = |p: &str| self.index.profiles.find(&self.profiles, |p| &p.id, p).and_then(|i| tier_of[i]);
            for t in members.iter().filter_map(|m| self.seat_with(m, tier)) {
                seats[t] += 1;
            }
            seats
        };
        let threads = if self.members.len() >= 20_000 { crate::parallel::threads() } else { 1 };
        let parts: Vec<&[Member]> = self.members.chunks(self.members.len().div_ceil(threads).max(1)).collect();
        let mut seats = vec![0u64; self.tiers.len()];
        for part in crate::parallel::map(&parts, threads, |ms| count(ms)) {
            seats.iter_mut().zip(part).for_each(|(n, m)| *n += m);
        }
        seats
    }

    /// The tier (position in `tiers`) of the seat `m` holds, if they hold
    /// one: what [`Workspace::seats`] counts them under.
    pub fn seat(&self, m: &Member) -> Option<usize> {
        self.seat_with(m, |p| self.profile_tier(p))
    }

    /// [`Workspace::seat`], with the tier of each profile given by `tier`.
    fn seat_with(&self, m: &Member, tier: impl Fn(&str) -> Option<usize>) -> Option<usize> {
        if !self.holds_seat(m) {
            return None;
        }
        let per_client = m.client_profiles_on(self.at()).map(|(_, p)| p.value.as_str());
        self.pricier(std::iter::once(m.profile.value.as_str()).chain(per_client), tier)
    }

    /// The monthly cost of these seats ([`Workspace::seats`]).
    pub fn cost_of(&self, seats: &[u64]) -> f64 {
        seats.iter().zip(&self.tiers).map(|(&n, t)| n as f64 * t.price).sum()
    }

    /// Members whose own profile, or one of whose per-client profiles, is `profile`.
    pub fn members_of(&self, profile: &str) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |m| m.profile.value == profile || m.client_profiles().iter().any(|(_, p)| p.value == profile))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{MEMBERS, check_with, edit};

    #[test]
    fn seats_count_each_member_s_licence_on_every_core_as_one_by_one() {
        use crate::generate::{Params, generate};
        use crate::store::load::{Input, load_from};
        // Over the size counted on every core; some suspended, some on no profile.
        let files = generate(&Params { members: 21_000, clients: 500, profiles: 12, ..Params::default() });
        let members = files["members.toml"]
            .replacen("profile = \"p0002\"", "profile = \"p0002\"\nstatus = \"suspended\"", 40)
            .replacen("profile = \"p0005\"", "profile = \"nowhere\"", 7);
        let mut files = files;
        files.insert("members.toml".into(), members);
        let ws = load_from(std::path::Path::new("/nonexistent"), Input::Memory(&files)).workspace;
        let mut one_by_one = vec![0u64; ws.tiers.len()];
        for m in ws.members.iter().filter(|m| ws.holds_seat(m)) {
            if let Some(t) = ws.licence(m) {
                one_by_one[ws.tiers.iter().position(|x| std::ptr::eq(x, t)).unwrap()] += 1;
            }
        }
        assert_eq!(ws.seats(), one_by_one);
        assert!(one_by_one.iter().sum::<u64>() < 21_000 - 40);
        let summed: f64 =
            ws.members.iter().filter(|m| ws.holds_seat(m)).filter_map(|m| ws.licence(m)).map(|t| t.price).sum();
        assert!((ws.monthly_cost() - summed).abs() < 0.005, "{} against {summed}", ws.monthly_cost());
    }

    /// `same_entry` reads what an entry says: not where, nor in which order.
    #[test]
    fn same_entry_ignores_layout_and_order_only() {
        let bob = |members: &str| {
            let ws = check_with(&[("members.toml", members)]).workspace;
            ws.member("bob").expect("bob").clone()
        };
        let base = bob(MEMBERS);
        let moved = format!("\n# a comment that moves every span\n{MEMBERS}");
        let reordered = edit(MEMBERS, "clients = [\"acme\", \"globex\"]", "clients = [ \"globex\",\"acme\" ]");
        assert!(base.same_entry(&bob(&moved)));
        assert!(base.same_entry(&bob(&reordered)));
        for changed in [
            edit(MEMBERS, "name = \"Bob\"", "name = \"Robert\""),
            edit(MEMBERS, "clients = [\"acme\", \"globex\"]", "clients = [\"acme\"]"),
            edit(MEMBERS, "acme = \"contributor\"", "acme = \"user\""),
            edit(MEMBERS, "profile = \"user\"", "profile = \"user\"\nstatus = \"invited\""),
            edit(MEMBERS, "profile = \"user\"", "profile = \"user\"\ngrants = { calendars = { view = \"all\" } }"),
            edit(MEMBERS, "profile = \"user\"", "profile = \"user\"\ncredit_limit = 10"),
        ] {
            assert!(!base.same_entry(&bob(&changed)), "{changed}");
        }
    }

    /// A member of many clients finds each by binary search, with the same
    /// answers as a scan (clients the workspace does not have included).
    #[test]
    fn many_clients_are_found_as_a_scan_finds_them() {
        let names: Vec<String> = (0..100).map(|i| format!("\"k{:03}\"", (i * 37) % 100)).collect();
        let members = edit(MEMBERS, "clients = [\"acme\", \"globex\"]", &format!("clients = [{}]", names.join(", ")));
        let ws = check_with(&[("members.toml", &members)]).workspace;
        let bob = ws.member("bob").expect("bob");
        assert_eq!(bob.extra.as_ref().map(|x| x.client_order.len()), Some(100));
        for i in 0..100 {
            assert!(bob.has_client(&format!("k{i:03}")), "k{i:03}");
        }
        for absent in ["k100", "acme", "", "k0", "k0000"] {
            assert!(!bob.has_client(absent), "{absent}");
        }
        let few = check_with(&[("members.toml", MEMBERS)]).workspace;
        assert!(few.member("bob").expect("bob").has_client("acme"));
        assert!(few.member("bob").expect("bob").extra.as_ref().is_none_or(|x| x.client_order.is_empty()));
    }
}
