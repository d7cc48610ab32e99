//! Many changes in one session (SPEC §14, `roster batch`): one lock, one
//! load; each change is planned on the state the earlier ones left, all of
//! them accumulate on one [`Change`], and the result is validated, held to
//! the tests and written once by [`Session::commit`].
//!
//! The state a change reads is the session's workspace, moved on in place
//! after each step: the entries a step edited, added or removed are read
//! again from the bytes the change now holds for them (one entry's bytes,
//! not the file), and a step that edited `workspace.toml` or a profile reads
//! those small files again. Nothing of the large files is read twice, so a
//! thousand steps on a 100,000-member workspace cost about one load. The
//! workspace remembers what each step replaced and is put back as read
//! before the commit, which compares the old state with the new one.
//!
//! The entries the change's splices are placed by (the bytes of each entry,
//! the offsets of the keys) stay those of the files as read: a replaced
//! entry keeps its place, a new one goes at the end of the model with no
//! place of its own (the change finds it in the splice that added it).

use super::{Change, EntryNow, Options, Report, Session, State, Touched};
use crate::error::Result;
use crate::model::{Client, Config, Member, Names, Team};
use crate::store::load::{
    self, CLIENTS_FILE, Input, MEMBERS_FILE, PROFILES_DIR, TEAMS_FILE, WORKSPACE_FILE, read_fragment,
};
use std::collections::BTreeMap;

/// What one step did.
#[derive(Debug)]
pub struct Step {
    /// The facts it stated, in order.
    pub facts: Vec<String>,
    /// The members whose entries it edited, added or removed.
    pub members: Vec<String>,
}

/// A session that takes changes one after another: see the module doc.
#[derive(Debug)]
pub struct Batch {
    session: Session,
    /// The edits so far (a [`Change`] between two steps).
    state: State,
    /// What puts the workspace back as read, in the order it was done.
    undo: Vec<Undo>,
    /// The settings, areas, tiers and profiles as read, once a step replaced them.
    config: Option<Config>,
    /// The ids that entries read again share (see `model::Names`).
    names: Names,
    /// The teams as read, once a step edited `teams.toml`.
    teams: Option<Vec<Team>>,
}

#[derive(Debug)]
enum Undo {
    MemberReplaced(usize, Member),
    MemberPushed,
    MemberRemoved(usize, Member),
    ClientReplaced(usize, Client),
    ClientPushed,
    ClientRemoved(usize, Client),
}

impl Batch {
    /// Locks, reads and checks the workspace, as [`Session::begin`].
    pub fn begin(options: Options) -> Result<Batch> {
        let session = Session::begin(options)?;
        let mut change = Change::new(&session.ws);
        // Where new entries go is decided among the entries as read.
        change.index_entries();
        let state = change.into_state();
        let names = session.ws.names();
        Ok(Batch { session, state, undo: Vec::new(), config: None, names, teams: None })
    }

    /// Plans one change on the state the earlier ones left (`plan` edits
    /// through the [`Change`] it is given, reading `change.ws`), and moves
    /// the state on by it. An error leaves the batch to be dropped: nothing
    /// was written.
    pub fn step(&mut self, plan: impl FnOnce(&mut Change<'_>) -> Result<()>) -> Result<Step> {
        let mut change = Change::resume(&self.session.ws, std::mem::take(&mut self.state));
        let planned = plan(&mut change);
        let facts = change.take_facts();
        let touched = change.take_touched();
        self.state = change.into_state();
        planned?;
        let members = touched
            .iter()
            .filter_map(|t| match t {
                Touched::Entry { file, id, .. } if file == MEMBERS_FILE => Some(id.clone()),
                _ => None,
            })
            .collect();
        self.follow(touched);
        Ok(Step { facts, members })
    }

    /// Validates the changes together, holds them to the tests, and writes
    /// them once (or makes their diff), as [`Session::commit`]. The report's
    /// facts are the batch's own (the tests that now fail, the cost): each
    /// step returned its own.
    pub fn commit(mut self) -> Result<Report> {
        self.restore();
        let Batch { session, state, undo, config, names, teams } = self;
        // Freed before the commit reads the new state, not after it: the
        // commit's own table of ids then takes their place (SPEC §7's memory).
        drop((undo, config, names, teams));
        let parts = Change::resume(&session.ws, state).finish();
        session.commit(parts)
    }

    /// Moves the workspace on by what a step edited.
    fn follow(&mut self, touched: Vec<Touched>) {
        let (mut config, mut teams) = (false, false);
        let mut entries = Vec::new();
        for t in touched {
            match t {
                Touched::File(name) => {
                    config |= name == WORKSPACE_FILE || name.starts_with(PROFILES_DIR);
                    teams |= name == TEAMS_FILE;
                }
                Touched::Entry { file, table, id } => entries.push((file, table, id)),
            }
        }
        if config {
            self.read_config();
        }
        if teams {
            self.read_teams();
        }
        if entries.is_empty() {
            return;
        }
        // The entries' texts first, while the change reads the workspace.
        let mut change = Change::resume(&self.session.ws, std::mem::take(&mut self.state));
        let now: Vec<(String, String, EntryNow)> = entries
            .into_iter()
            .map(|(file, table, id)| {
                let now = change.entry_now(&file, &table, &id);
                (file, id, now)
            })
            .collect();
        self.state = change.into_state();
        // A file edited whole is read whole, once.
        let mut whole: BTreeMap<String, Read> = BTreeMap::new();
        for (file, id, now) in now {
            let read = match now {
                EntryNow::Gone => Read::default(),
                EntryNow::Fragment { text, offset } => self.read(&file, &text, offset),
                EntryNow::Whole(text) => {
                    if !whole.contains_key(&file) {
                        let read = self.read(&file, &text, 0);
                        whole.insert(file.clone(), read);
                    }
                    whole[&file].only(&id)
                }
            };
            if file == MEMBERS_FILE {
                let found = read.members.into_iter().find(|m| m.id == id);
                self.set_member(&id, found);
            } else if file == CLIENTS_FILE {
                let found = read.clients.into_iter().find(|c| c.id == id);
                self.set_client(&id, found);
            }
        }
    }

    /// The entries of a text of `members.toml` or `clients.toml` (its
    /// problems are the commit's to find).
    fn read(&self, file: &str, text: &str, offset: usize) -> Read {
        let ws = &self.session.ws;
        let Some(id) = ws.sources.find(file) else { return Read::default() };
        if file == MEMBERS_FILE {
            Read { members: read_fragment(text, id, offset, &self.names).0, clients: Vec::new() }
        } else {
            Read { members: Vec::new(), clients: read_fragment(text, id, offset, &self.names).0 }
        }
    }

    /// Puts member `id` as it now reads in the workspace (`None`: removed).
    fn set_member(&mut self, id: &str, new: Option<Member>) {
        let ws = &mut self.session.ws;
        let at = ws.member_position(id);
        match (at, new) {
            (Some(i), Some(mut m)) => {
                // It keeps its place among the entries as read.
                m.span = ws.members[i].span;
                m.entry = ws.members[i].entry;
                self.undo.push(Undo::MemberReplaced(i, std::mem::replace(&mut ws.members[i], m)));
            }
            (None, Some(mut m)) => {
                m.entry = None;
                ws.push_member(m);
                self.undo.push(Undo::MemberPushed);
            }
            (Some(i), None) => {
                let old = ws.members.remove(i);
                ws.reindex();
                self.undo.push(Undo::MemberRemoved(i, old));
            }
            (None, None) => {}
        }
    }

    /// Puts client `id` as it now reads in the workspace (`None`: removed).
    fn set_client(&mut self, id: &str, new: Option<Client>) {
        let ws = &mut self.session.ws;
        let at = ws.client_position(id);
        match (at, new) {
            (Some(i), Some(mut c)) => {
                c.span = ws.clients[i].span;
                c.entry = ws.clients[i].entry;
                self.undo.push(Undo::ClientReplaced(i, std::mem::replace(&mut ws.clients[i], c)));
            }
            (None, Some(mut c)) => {
                c.entry = None;
                self.names.add_client(&c.id);
                ws.push_client(c);
                self.undo.push(Undo::ClientPushed);
            }
            (Some(i), None) => {
                let old = ws.clients.remove(i);
                ws.reindex();
                self.undo.push(Undo::ClientRemoved(i, old));
            }
            (None, None) => {}
        }
    }

    /// Reads `workspace.toml` and the profiles as the change has them, in
    /// place of the workspace's (small files: read whole).
    fn read_config(&mut self) {
        let change = Change::resume(&self.session.ws, std::mem::take(&mut self.state));
        let ws = change.ws;
        let mut names: Vec<String> = ws.sources.iter().map(|(_, s)| s.name.clone()).collect();
        names.extend(change.state.texts.keys().cloned());
        let mut files = BTreeMap::new();
        for name in names {
            let config = name == WORKSPACE_FILE || name.starts_with(&format!("{PROFILES_DIR}/"));
            if config && let Some(text) = change.text(&name) {
                files.insert(name, text);
            }
        }
        files.insert(MEMBERS_FILE.to_string(), String::new());
        files.insert(CLIENTS_FILE.to_string(), String::new());
        let root = ws.root.clone();
        self.state = change.into_state();
        let config = load::load_from(&root, Input::Memory(&files)).workspace.into_config();
        for p in &config.profiles {
            self.names.add_profile(&p.id);
        }
        let old = self.session.ws.replace_config(config);
        self.config.get_or_insert(old);
    }

    /// Reads `teams.toml` as the change has it (a small file: read whole), in
    /// place of the workspace's teams.
    fn read_teams(&mut self) {
        let change = Change::resume(&self.session.ws, std::mem::take(&mut self.state));
        let text = change.text(TEAMS_FILE).unwrap_or_default();
        let root = change.ws.root.clone();
        self.state = change.into_state();
        let files = BTreeMap::from([
            (MEMBERS_FILE.to_string(), String::new()),
            (CLIENTS_FILE.to_string(), String::new()),
            (TEAMS_FILE.to_string(), text),
        ]);
        let teams = load::load_from(&root, Input::Memory(&files)).workspace.take_teams();
        let old = self.session.ws.take_teams();
        self.session.ws.set_teams(teams);
        self.teams.get_or_insert(old);
    }

    /// Puts the workspace back as it was read.
    fn restore(&mut self) {
        if let Some(teams) = self.teams.take() {
            self.session.ws.set_teams(teams);
        }
        let ws = &mut self.session.ws;
        let mut reindex = false;
        while let Some(undo) = self.undo.pop() {
            match undo {
                Undo::MemberReplaced(i, m) => ws.members[i] = m,
                Undo::MemberPushed => {
                    ws.members.pop();
                    reindex = true;
                }
                Undo::MemberRemoved(i, m) => {
                    ws.members.insert(i, m);
                    reindex = true;
                }
                Undo::ClientReplaced(i, c) => ws.clients[i] = c,
                Undo::ClientPushed => {
                    ws.clients.pop();
                    reindex = true;
                }
                Undo::ClientRemoved(i, c) => {
                    ws.clients.insert(i, c);
                    reindex = true;
                }
            }
        }
        if reindex {
            ws.reindex();
        }
        if let Some(config) = self.config.take() {
            ws.replace_config(config);
        }
    }
}

/// Entries read from a text.
#[derive(Debug, Default)]
struct Read {
    members: Vec<Member>,
    clients: Vec<Client>,
}

impl Read {
    /// Only the entry `id`, from a whole file read.
    fn only(&self, id: &str) -> Read {
        Read {
            members: self.members.iter().filter(|m| m.id == id).cloned().collect(),
            clients: self.clients.iter().filter(|c| c.id == id).cloned().collect(),
        }
    }
}

#[cfg(test)]
impl Batch {
    /// The workspace as the steps so far left it.
    pub(crate) fn workspace(&self) -> &crate::model::Workspace {
        &self.session.ws
    }

    /// Every file as the change has it now (a removed one left out).
    pub(crate) fn texts(&mut self) -> BTreeMap<String, String> {
        let change = Change::resume(&self.session.ws, std::mem::take(&mut self.state));
        let mut names: Vec<String> = change.ws.sources.iter().map(|(_, s)| s.name.clone()).collect();
        names.extend(change.state.texts.keys().cloned());
        let texts = names.into_iter().filter_map(|n| change.text(&n).map(|t| (n, t))).collect();
        self.state = change.into_state();
        texts
    }
}
