//! The reader of `teams.toml`: `[teams.ID]` entries, each a name, an optional
//! lead, members and clients. Whether the ids name anything is a rule
//! (`rules::team_rules`).

use super::reader::{Reader, Val};
use crate::model::{Id, Ref, Team};
use crate::schema;
use toml::de::DeTable;

pub(super) fn read_teams(r: &mut Reader, top: &DeTable) -> Vec<Team> {
    let mut teams = Vec::new();
    for (key, value) in top {
        if key.get_ref() != "teams" {
            r.unknown_key(key, &["teams"], "teams.toml");
            continue;
        }
        let Some(table) = r.table(value, "`teams`") else { continue };
        for (k, v) in table {
            let Some(id) = r.key_id(k, "team") else { continue };
            let what = format!("team `{id}`");
            let Some(t) = r.table(v, &what) else { continue };
            let span = r.span(k.span());
            let mut team = Team {
                id: Id::from(id.as_str()),
                span,
                name: String::new(),
                lead: None,
                members: Vec::new(),
                clients: Vec::new(),
                client_windows: Vec::new(),
            };
            let mut has_name = false;
            for (key, value) in t {
                match key.get_ref().as_ref() {
                    "name" => {
                        has_name = true;
                        team.name = r.string(value, "`name`").unwrap_or_default();
                    }
                    "lead" => team.lead = r.id_ref(value, "`lead`"),
                    "members" => team.members = ids(r, value, "`members`", "a member"),
                    "clients" => read_clients(r, value, &mut team),
                    _ => r.unknown_key(key, &schema::TEAM.names(), &what),
                }
            }
            if !has_name {
                r.missing(span, "name", &what, "\"Audit team\"");
            }
            teams.push(team);
        }
    }
    teams
}

/// `clients = ["acme", { id = "initech", until = 2026-12-31 }]`: the short
/// form, or the table form with a window (SPEC §9), as a member's.
fn read_clients(r: &mut Reader, v: &Val, team: &mut Team) {
    for item in r.array(v, "`clients`").unwrap_or_default() {
        let example = "\"acme\" or { id = \"acme\", until = 2026-12-31 }";
        let Some((c, window)) = super::members::table_form(r, item, "id", "a team's client", example) else { continue };
        let Some(client) = r.id_ref(c, "a client") else { continue };
        if let Some(w) = window {
            team.client_windows.push((client.value.clone(), w));
        }
        team.clients.push(client);
    }
}

fn ids(r: &mut Reader, v: &Val, what: &str, item: &str) -> Vec<Ref> {
    r.array(v, what).unwrap_or_default().iter().filter_map(|x| r.id_ref(x, item)).collect()
}
