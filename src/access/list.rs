//! "View as a member" (`access list`): everything one member can do, each
//! area.action with its level and the profile it comes from, and for areas
//! judged per client the clients it reaches and how. Built from the decision's
//! own parts ([`member_level`], [`client_level`], [`per_client_profile`],
//! [`reach`]): no rule is restated here.
//!
//! Cost: one pass over the clients to find those the member is connected to
//! (assigned, contacts of assigned companies, created), then a few lookups per
//! area.action and connected client: about what `access check` costs per pair.

use super::{Effective, Reach, client_level, member_level, per_client_profile, reach_in};
use crate::model::{Area, Client, Level, Member, Workspace};

/// One line of the view: a level on an area.action under one profile.
#[derive(Clone, Debug)]
pub struct Line<'w> {
    pub area: &'w Area,
    pub action: &'w str,
    pub effective: Effective<'w>,
    pub clients: Clients<'w>,
}

/// The clients a line reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clients<'w> {
    /// The area is not judged per client: the level is the answer.
    NotPerClient,
    /// Level `none`, under the member's own profile: no client.
    Nothing,
    /// Level `all` under the member's own profile: every client (but those
    /// whose per-client profile gives another level, which have lines of their own).
    All,
    /// The clients reached, by id.
    Listed(Vec<Reached<'w>>),
}

/// A client reached, how, and under which profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reached<'w> {
    pub client: &'w str,
    /// How the member is connected to it (never `Everything`, `NotReached`...).
    pub path: Reach,
    /// The profile in effect for this client.
    pub profile: &'w str,
}

/// The clients member `m` is connected to, in id order: assigned (directly
/// or through a team), contacts of such a company, created by them. One pass
/// over the clients.
fn connected<'w>(ws: &'w Workspace, m: &Member) -> Vec<&'w Client> {
    let team: crate::fxhash::FxHashSet<&str> = ws.team_clients(&m.id).collect();
    let assigned = |c: &str| m.has_client(c) || team.contains(c);
    let mut out: Vec<&Client> = ws
        .clients
        .iter()
        .filter(|c| {
            assigned(&c.id)
                || c.company.as_ref().is_some_and(|co| assigned(&co.value))
                || c.created_by.as_ref().is_some_and(|b| b.value == m.id)
        })
        .collect();
    out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    out
}

/// How `m` is connected to `c` (assigned, company, created): what reaches it
/// at `assigned`, the widest level that looks at connections.
fn path(ws: &Workspace, m: &Member, c: &Client) -> Reach {
    reach_in(ws, m, c, Level::Assigned)
}

/// Everything member `m` can do, area by area in the workspace's order (only
/// `area` when given), each action in its area's order; with `client`, as
/// judged for that one client. Per-client areas have a line for the own
/// profile and one for each per-client profile that gives another level.
pub fn member_access<'w>(
    ws: &'w Workspace,
    m: &'w Member,
    client: Option<&'w Client>,
    area: Option<&'w Area>,
) -> Vec<Line<'w>> {
    let connected = match client {
        Some(c) => vec![c],
        None => connected(ws, m),
    };
    let areas: Vec<&Area> = match area {
        Some(a) => vec![a],
        None => ws.areas.iter().collect(),
    };
    let mut out = Vec::new();
    for area in areas {
        for action in area.actions.iter().map(|a| a.value.as_str()) {
            match client {
                Some(c) => out.push(for_client(ws, m, c, area, action)),
                None => lines(ws, m, &connected, area, action, &mut out),
            }
        }
    }
    out
}

/// The line of one area.action judged for one client (`--client`).
fn for_client<'w>(ws: &'w Workspace, m: &'w Member, c: &'w Client, area: &'w Area, action: &'w str) -> Line<'w> {
    let effective = client_level(ws, m, &c.id, area, action);
    let clients = if !area.per_client {
        Clients::NotPerClient
    } else if effective.level == Level::All && m.is_active() {
        Clients::All
    } else if effective.level == Level::None {
        Clients::Nothing
    } else {
        let r = reach_in(ws, m, c, effective.level);
        let reached = r.is_connection();
        Clients::Listed(if reached {
            vec![Reached { client: &c.id, path: r, profile: effective.profile }]
        } else {
            vec![]
        })
    };
    Line { area, action, effective, clients }
}

/// The lines of one area.action without a client: the own profile's, and one
/// per per-client profile whose level differs from it.
fn lines<'w>(
    ws: &'w Workspace,
    m: &'w Member,
    connected: &[&'w Client],
    area: &'w Area,
    action: &'w str,
    out: &mut Vec<Line<'w>>,
) {
    let own = member_level(ws, m, area, action);
    if !area.per_client {
        out.push(Line { area, action, effective: own, clients: Clients::NotPerClient });
        return;
    }
    let mut own_clients = Vec::new();
    // Per-client profiles that give another level, in the order first met.
    let mut others: Vec<(Effective<'w>, Vec<Reached<'w>>)> = Vec::new();
    for &c in connected {
        let effective = match per_client_profile(ws, m, &c.id) {
            Some(_) => client_level(ws, m, &c.id, area, action),
            None => own.clone(),
        };
        let r = reach_in(ws, m, c, effective.level);
        let reached = |r: Reach| Reached { client: &c.id, path: r, profile: effective.profile };
        if effective.level == own.level {
            if r.is_connection() {
                own_clients.push(reached(r));
            }
            continue;
        }
        let group = match others.iter().position(|(e, _)| e.profile == effective.profile) {
            Some(i) => i,
            None => {
                others.push((effective.clone(), Vec::new()));
                others.len() - 1
            }
        };
        match r {
            Reach::Everything => others[group].1.push(reached(path(ws, m, c))),
            _ if r.is_connection() => others[group].1.push(reached(r)),
            _ => {}
        }
    }
    let clients = match own.level {
        Level::All if m.is_active() => Clients::All,
        Level::None => Clients::Nothing,
        _ => Clients::Listed(own_clients),
    };
    out.push(Line { area, action, effective: own, clients });
    others.sort_by(|a, b| a.0.profile.cmp(b.0.profile));
    for (effective, reached) in others {
        out.push(Line { area, action, effective, clients: Clients::Listed(reached) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{CLIENTS, MEMBERS, check_with};

    fn view(member: &str, client: Option<&str>) -> Vec<(String, Level, String, Clients<'static>)> {
        let checked = check_with(&[("members.toml", MEMBERS), ("clients.toml", CLIENTS)]);
        let ws = Box::leak(Box::new(checked.workspace));
        let m = ws.member(member).unwrap();
        let c = client.map(|c| ws.client(c).unwrap());
        member_access(ws, m, c, None)
            .into_iter()
            .map(|l| {
                (format!("{}.{}", l.area.id, l.action), l.effective.level, l.effective.profile.to_string(), l.clients)
            })
            .collect()
    }

    #[test]
    fn a_per_client_profile_has_a_line_of_its_own_when_its_level_differs() {
        // bob: user (calendars own, clients assigned), clients acme and globex;
        // contributor for acme; jean is acme's contact.
        let lines = view("bob", None);
        let calendars: Vec<_> = lines.iter().filter(|l| l.0 == "calendars.view").collect();
        assert_eq!(calendars.len(), 1, "calendars are not judged per client: {lines:#?}");
        let clients: Vec<_> = lines.iter().filter(|l| l.0 == "clients.view").collect();
        assert_eq!(clients[0].1, Level::Assigned);
        assert_eq!(clients[0].2, "user");
        assert_eq!(clients[1].1, Level::All);
        assert_eq!(clients[1].2, "contributor");
        let Clients::Listed(acme) = &clients[1].3 else { panic!("{clients:#?}") };
        let ids: Vec<_> = acme.iter().map(|r| (r.client, r.path.clone())).collect();
        assert_eq!(ids, vec![("acme", Reach::Assigned), ("jean", Reach::CompanyAssigned("acme".into()))]);
        let Clients::Listed(own) = &clients[0].3 else { panic!("{clients:#?}") };
        assert_eq!(own.iter().map(|r| r.client).collect::<Vec<_>>(), vec!["globex"]);
    }

    #[test]
    fn for_one_client_the_profile_in_effect_for_it() {
        let lines = view("bob", Some("jean"));
        let clients = lines.iter().find(|l| l.0 == "clients.view").unwrap();
        assert_eq!((clients.1, clients.2.as_str(), &clients.3), (Level::All, "contributor", &Clients::All));
    }
}
