//! Teams (`teams.toml`): members with an optional lead, and the clients
//! assigned to the team, which each of its members and its lead reach as if
//! assigned to them (SPEC §3 step 4).
//!
//! [`TeamIndex`] is built once per workspace (when its teams are set): which
//! teams each member is in, and each team's clients sorted, so that access
//! through a team costs a lookup per member and client, never a scan of the
//! teams or of their lists.

use super::{Date, Ref, Span, Window};
use crate::fxhash::FxHashMap;

#[derive(Clone, Debug)]
pub struct Team {
    pub id: super::Id,
    /// The key of its entry.
    pub span: Span,
    pub name: String,
    pub lead: Option<Ref>,
    pub members: Vec<Ref>,
    pub clients: Vec<Ref>,
    /// The windows of the clients written in the table form
    /// (`{ id = "acme", until = 2026-12-31 }`, SPEC §9).
    pub client_windows: Vec<(super::Id, Window)>,
}

impl Team {
    /// Whether `member` is in the team, as a member or as its lead.
    pub fn includes(&self, member: &str) -> bool {
        self.lead.as_ref().is_some_and(|l| l.value == member) || self.members.iter().any(|m| m.value == member)
    }

    /// Whether `client` is assigned to the team.
    pub fn has_client(&self, client: &str) -> bool {
        self.clients.iter().any(|c| c.value == client)
    }

    /// The window of the assignment of `client` to the team, when dated.
    pub fn client_window(&self, client: &str) -> Option<&Window> {
        self.client_windows.iter().find(|(c, _)| c.as_str() == client).map(|(_, w)| w)
    }

    /// Its members and its lead (the lead first), each once.
    pub fn people(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.lead.iter().map(|l| l.value.as_str()).collect();
        for m in &self.members {
            if !out.contains(&m.value.as_str()) {
                out.push(&m.value);
            }
        }
        out
    }
}

/// Which teams each member is in, and each team's clients, sorted.
#[derive(Clone, Debug, Default)]
pub struct TeamIndex {
    /// member id -> positions in `teams`, in file order.
    of_member: FxHashMap<String, Vec<u32>>,
    /// By position in `teams`: its client ids, sorted, each with its window.
    clients: Vec<Vec<(String, Option<Window>)>>,
}

impl TeamIndex {
    pub fn new(teams: &[Team]) -> TeamIndex {
        let mut of_member: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, t) in teams.iter().enumerate() {
            for person in t.people() {
                let list = of_member.entry(person.to_string()).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let clients = teams
            .iter()
            .map(|t| {
                let mut ids: Vec<(String, Option<Window>)> =
                    t.clients.iter().map(|c| (c.value.to_string(), t.client_window(&c.value).copied())).collect();
                ids.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                ids.dedup_by(|a, b| a.0 == b.0);
                ids
            })
            .collect();
        TeamIndex { of_member, clients }
    }

    /// The positions of the teams `member` is in.
    pub fn teams_of(&self, member: &str) -> &[u32] {
        self.of_member.get(member).map_or(&[], Vec::as_slice)
    }

    /// Whether the team at position `team` has `client`, in effect on `at`.
    pub fn team_has(&self, team: u32, client: &str, at: Date) -> bool {
        let Some(list) = self.clients.get(team as usize) else { return false };
        list.binary_search_by(|x| x.0.as_str().cmp(client)).is_ok_and(|i| list[i].1.is_none_or(|w| w.active_on(at)))
    }

    /// The clients of the team at position `team` in effect on `at`, sorted.
    pub fn clients_of(&self, team: u32, at: Date) -> impl Iterator<Item = &str> {
        self.clients
            .get(team as usize)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(move |(_, w)| w.is_none_or(|w| w.active_on(at)))
            .map(|(c, _)| c.as_str())
    }
}
