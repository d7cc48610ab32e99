//! A change to the workspace, from start to end (SPEC §5–§6): lock, load and
//! validate, check the actor, edit the files in memory, validate the new state,
//! then make a diff (`dry_run`, decided in `commit` and nowhere else) or write.
//!
//! Commands only say what changes, through [`Change`]; how it is checked and
//! written is the same for all of them. Like cargo's `ops`, this layer knows
//! nothing of the command line or the terminal: it takes [`Options`], returns
//! a [`Report`] for the command to print, and refuses with an `Error` that
//! carries what to show (the diagnostics of a broken rule, the failing tests).
//!
//! - `commit`: [`Session::commit`] and its steps;
//! - `actor`: who may make a change;
//! - `report`: what a change did;
//! - `batch`: many changes in one session, each on the state the others left.

mod actor;
mod batch;
mod commit;
mod report;

pub use batch::{Batch, Step};
pub use report::Report;

use crate::error::Result;
use crate::model::{Id, Profile, Workspace};
use crate::render;
use crate::store::edit::{self, Editor};
use crate::store::editors::{
    ClientEntry, Keyed, MemberEntry, NewClient, NewMember, NewTeam, ProfileFile, TeamsFile, TestsFile, WorkspaceFile,
};
use crate::store::save::{self, Lock};
use crate::store::splice::{Splice, apply_splices};
use crate::store::{self, Kept};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;

/// How a change is made: what the command line said, checked.
#[derive(Clone, Debug)]
pub struct Options {
    /// The workspace folder.
    pub root: PathBuf,
    /// The folder as the user would type it, for messages.
    pub shown_root: String,
    /// Show what would change and write nothing (SPEC §5).
    pub dry_run: bool,
    /// Let the change make a passing test of `tests.toml` fail (SPEC §8).
    pub allow_failing_tests: bool,
    /// The member who makes the change (`--as`).
    pub actor: Option<String>,
    /// How long to wait for another change to finish.
    pub lock_timeout: Duration,
}

/// A workspace opened for a change: locked until dropped, valid, and the actor checked.
#[derive(Debug)]
pub struct Session {
    options: Options,
    pub ws: Kept<Workspace>,
    _lock: Lock,
}

impl Session {
    pub fn begin(options: Options) -> Result<Session> {
        let root = &options.root;
        let lock = Lock::acquire(root, options.lock_timeout)?;
        // A dry run deletes nothing, leftovers included (the lock creates no file).
        if !options.dry_run {
            save::sweep_leftovers(root);
        }
        let ws = store::open(root, &options.shown_root)?;
        actor::check_actor(&ws, options.actor.as_deref())?;
        Ok(Session { options, ws: Kept::new(ws), _lock: lock })
    }

    /// What every change command does: begins a session, plans the change
    /// on the workspace as read (`plan` edits through the [`Change`] it is
    /// given), and commits it.
    pub fn change(options: Options, plan: impl FnOnce(&mut Change<'_>) -> Result<()>) -> Result<Report> {
        let session = Session::begin(options)?;
        let mut change = Change::new(&session.ws);
        plan(&mut change)?;
        let parts = change.finish();
        session.commit(parts)
    }

    /// A session whose actor is judged by the command itself: `review
    /// decide`, the one change whose actor (the reviewer, `--as`) needs no
    /// `settings.edit`. Locked, valid, written like every change.
    pub fn begin_for_reviewer(options: Options) -> Result<Session> {
        let lock = Lock::acquire(&options.root, options.lock_timeout)?;
        if !options.dry_run {
            save::sweep_leftovers(&options.root);
        }
        let ws = store::open(&options.root, &options.shown_root)?;
        Ok(Session { options, ws: Kept::new(ws), _lock: lock })
    }
}

/// What a change does: the new text of each file it touches, and one line per fact.
///
/// A file is changed either whole (its new text) or, for `members.toml` and
/// `clients.toml`, by splices of single entries: then only the entries' bytes
/// are parsed and edited, and the new state is built from the old one (see
/// [`Session::commit`]), which keeps a one-member change on a large workspace
/// close to the cost of reading it. An entry is added, edited and removed
/// in its own splice; an entry added by the change is edited in the splice
/// that added it.
#[derive(Debug)]
pub struct Change<'w> {
    /// The workspace as the change reads it: as read, or (in a batch) as the
    /// earlier lines left it. The texts and the entries' bytes are always those read.
    pub ws: &'w Workspace,
    state: State,
}

/// What a change holds, apart from the workspace it reads (a batch keeps it
/// between lines, while the workspace takes each line's edits).
#[derive(Debug, Default)]
pub(crate) struct State {
    /// New texts by workspace-relative name; `None` removes the file.
    texts: BTreeMap<String, Option<String>>,
    /// Entry splices by file, on the text as it was read.
    splices: BTreeMap<String, Vec<Splice>>,
    /// Files beside the workspace's own (`reviews/ID.toml`): no load reads
    /// them, so they are not validated as the workspace; by name, their text
    /// as read (`None`: new) and their new text.
    side: BTreeMap<String, (Option<String>, String)>,
    facts: Vec<String>,
    /// Entries the change added, by (file, id): the offset of their insertion splice.
    added: BTreeMap<(String, String), u32>,
    /// Entries of the text as read that the change removed with a splice, by (file, id).
    removed: BTreeSet<(String, String)>,
    /// What was edited since [`Change::take_touched`].
    touched: Vec<Touched>,
    /// The entries as read, in file order, by file: where new ones go (built on first use).
    order: BTreeMap<String, EntryOrder>,
    /// Members added and removed, and whether the change only lays files out.
    people: People,
}

/// Something a change edited: an entry of `members.toml` or `clients.toml`,
/// or another file (a profile, `workspace.toml`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Touched {
    Entry { file: String, table: String, id: String },
    File(String),
}

/// A file's entries as read, for placing new ones: their ids with the offset
/// of each key, in file order, and whether new ones go in id order (sorted
/// standard tables) or at the end.
#[derive(Debug, Default)]
struct EntryOrder {
    /// The offset of each key, in file order (only when `keyed`).
    starts: Vec<u32>,
    /// The ids, in the same order, only when some key is not its id written
    /// bare at its offset: else each is read from the text, so that a change
    /// does not hold a second list of 100,000 ids (2.4 MB at its peak, SPEC
    /// §7's memory target).
    ids: Option<Vec<Id>>,
    keyed: bool,
}

impl EntryOrder {
    /// What `store::edit::in_id_order` decides (ids in order, each a
    /// standard table's header), in the same one pass that notes where each
    /// entry starts and whether its id is written bare.
    fn of<'a>(entries: impl Iterator<Item = (&'a Id, u32)> + Clone, text: &str) -> EntryOrder {
        let mut starts = Vec::new();
        let mut bare = true;
        let keyed =
            edit::in_id_order_with(text, entries.clone().map(|(id, at)| (id.as_bytes(), at as usize)), |id, at| {
                bare &= bare_key(text, at as u32).as_bytes() == id;
                starts.push(at as u32);
            });
        if !keyed {
            return EntryOrder::default();
        }
        let ids = (!bare).then(|| entries.map(|(id, _)| id.clone()).collect());
        EntryOrder { starts, ids, keyed }
    }

    /// The id of the `i`th entry of `text` (the text the order was made from).
    fn id<'t>(&'t self, text: &'t str, i: usize) -> &'t str {
        match &self.ids {
            Some(ids) => ids[i].as_str(),
            None => bare_key(text, self.starts[i]),
        }
    }

    /// The offset of the key of the entry with the next id, skipping those
    /// removed; `text` is the one the order was made from.
    fn next(&self, text: &str, id: &str, removed: impl Fn(&str) -> bool) -> Option<usize> {
        if !self.keyed {
            return None;
        }
        // The first entry whose id sorts after `id` (ids are in order: `keyed`).
        let (mut from, mut to) = (0, self.starts.len());
        while from < to {
            let mid = from + (to - from) / 2;
            if self.id(text, mid) <= id { from = mid + 1 } else { to = mid }
        }
        (from..self.starts.len()).find(|&i| !removed(self.id(text, i))).map(|i| self.starts[i] as usize)
    }
}

/// The id written bare at offset `at` of `text` (empty when none is).
fn bare_key(text: &str, at: u32) -> &str {
    let rest = text.get(at as usize..).unwrap_or("");
    let len =
        rest.bytes().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'_').count();
    &rest[..len]
}

/// A change taken apart, owning all it holds, for [`Session::commit`].
#[derive(Debug)]
pub struct Parts {
    texts: BTreeMap<String, Option<String>>,
    splices: BTreeMap<String, Vec<Splice>>,
    side: BTreeMap<String, (Option<String>, String)>,
    facts: Vec<String>,
    people: People,
}

/// What the report says of members beyond who signs in again: those the
/// change adds or removes (their access changes, but they do not sign in
/// again), or that it only lays the files out (no access can change).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub layout_only: bool,
}

impl Parts {
    /// The whole-file texts and the entry splices (for tests of the state built in place).
    pub fn into_files(self) -> (BTreeMap<String, Option<String>>, BTreeMap<String, Vec<Splice>>) {
        (self.texts, self.splices)
    }
}

/// An entry as a change has it now (see [`Change::entry_now`]).
#[derive(Debug)]
pub(crate) enum EntryNow {
    /// The text that holds it (with other new entries, for those added
    /// together), at this offset of the file as read.
    Fragment { text: String, offset: usize },
    /// Removed.
    Gone,
    /// The file is edited whole: read it all (this text) to know.
    Whole(String),
}

impl<'w> Change<'w> {
    pub fn new(ws: &'w Workspace) -> Change<'w> {
        Change { ws, state: State::default() }
    }

    /// A change that goes on from `state`, reading `ws` (a batch's next line).
    pub(crate) fn resume(ws: &'w Workspace, state: State) -> Change<'w> {
        Change { ws, state }
    }

    /// What the change holds, to go on later with [`Change::resume`].
    pub(crate) fn into_state(self) -> State {
        self.state
    }

    /// The change's files, each edited text with its file's line endings
    /// (the editor writes LF; a CRLF file stays CRLF, SPEC §6).
    pub fn finish(self) -> Parts {
        let ws = self.ws;
        let State { mut texts, mut splices, side, facts, people, .. } = self.state;
        let original = |name: &str| ws.sources.find(name).map(|id| ws.sources.get(id).text.as_str());
        for (name, text) in &mut texts {
            if let (Some(old), Some(new)) = (original(name), text.as_mut()) {
                *new = edit::keep_line_endings(old, std::mem::take(new), edit::is_crlf(old));
            }
        }
        for (name, splices) in &mut splices {
            let old = original(name).unwrap_or("");
            let crlf = edit::is_crlf(old);
            for s in splices {
                let replaced = old.get(s.start as usize..s.end as usize).unwrap_or("");
                s.text = edit::keep_line_endings(replaced, std::mem::take(&mut s.text), crlf);
            }
        }
        Parts { texts, splices, side, facts, people }
    }

    pub fn fact(&mut self, fact: impl Into<String>) {
        self.state.facts.push(fact.into());
    }

    /// A member the change adds: its access is new, so the report does not
    /// say that no member's access changed.
    pub fn member_added(&mut self, id: &str) {
        self.state.people.added.push(id.to_string());
    }

    /// A member the change removes (see [`Change::member_added`]).
    pub fn member_removed(&mut self, id: &str) {
        self.state.people.removed.push(id.to_string());
    }

    /// The change only lays files out (`fmt`): no access can change, and the
    /// report says nothing of it.
    pub fn layout_only(&mut self) {
        self.state.people.layout_only = true;
    }

    /// Several facts, in order (those an edit closure gathered).
    pub fn facts(&mut self, facts: impl IntoIterator<Item = String>) {
        self.state.facts.extend(facts);
    }

    /// The facts so far, taken (a batch's line).
    pub(crate) fn take_facts(&mut self) -> Vec<String> {
        std::mem::take(&mut self.state.facts)
    }

    /// What was edited since the last call, each once.
    pub(crate) fn take_touched(&mut self) -> Vec<Touched> {
        let mut touched = std::mem::take(&mut self.state.touched);
        touched.sort_unstable();
        touched.dedup();
        touched
    }

    fn original(&self, name: &str) -> Option<&'w str> {
        self.ws.sources.find(name).map(|id| self.ws.sources.get(id).text.as_str())
    }

    /// The file's text as the change has it so far.
    pub fn text(&self, name: &str) -> Option<String> {
        match self.state.texts.get(name) {
            Some(t) => t.clone(),
            None => self.original(name).map(|t| apply_splices(t, self.state.splices.get(name).into_iter().flatten())),
        }
    }

    /// Whether the change holds the file's whole new text (not splices).
    fn whole(&self, name: &str) -> bool {
        self.state.texts.contains_key(name)
    }

    /// Turns a file's splices into a whole new text, for an edit that needs the whole file.
    fn materialize(&mut self, name: &str) {
        if let Some(splices) = self.state.splices.remove(name) {
            let text = apply_splices(self.original(name).unwrap_or(""), &splices);
            self.state.texts.insert(name.to_string(), Some(text));
        }
    }

    /// Edits a file with the format-preserving editor (under the typed edits below).
    pub fn edit<T>(&mut self, name: &str, f: impl FnOnce(&mut Editor) -> Result<T>) -> Result<T> {
        self.materialize(name);
        let mut editor = Editor::parse(name, &self.text(name).unwrap_or_default())?;
        let out = f(&mut editor)?;
        self.state.texts.insert(name.to_string(), Some(editor.finish()));
        self.state.touched.push(Touched::File(name.to_string()));
        Ok(out)
    }

    /// The bytes of entry `id` in the file as read, when it stands alone there.
    fn entry_range(&self, table: &str, id: &str) -> Option<(u32, u32)> {
        match table {
            MemberEntry::TABLE => self.ws.member(id).and_then(|m| m.entry),
            ClientEntry::TABLE => self.ws.client(id).and_then(|c| c.entry),
            _ => None,
        }
    }

    /// The insertion splice that holds entry `id`, added by this change.
    fn added_splice(&mut self, name: &str, table: &str, id: &str) -> Option<&mut Splice> {
        let at = *self.state.added.get(&(name.to_string(), id.to_string()))?;
        let header = format!("[{table}.{id}]");
        self.state.splices.get_mut(name)?.iter_mut().find(|s| s.start == at && s.end == at && s.text.contains(&header))
    }

    /// Edits one entry (`[members.ID]`, `[clients.ID]`), however it is written:
    /// alone in its bytes when it stands alone, in the splice that added it
    /// when the change added it, else in the whole file (under
    /// [`Change::member`] and [`Change::client`]).
    pub fn edit_entry<T>(
        &mut self,
        name: &str,
        table: &str,
        id: &str,
        f: impl FnOnce(&mut dyn toml_edit::TableLike) -> Result<T>,
    ) -> Result<T> {
        self.edit_entry_bytes(name, table, id, |ed| f(ed.entry(table, id)?))
    }

    /// Edits the document of entry `id`'s bytes alone when it stands alone
    /// (or of the splice that added it), else of the whole file: what
    /// [`Change::edit_entry`] and [`Change::rename_member`] share.
    fn edit_entry_bytes<T>(
        &mut self,
        name: &str,
        table: &str,
        id: &str,
        f: impl FnOnce(&mut Editor) -> Result<T>,
    ) -> Result<T> {
        self.state.touched.push(Touched::Entry { file: name.into(), table: table.into(), id: id.into() });
        if !self.whole(name)
            && let Some(s) = self.added_splice(name, table, id)
        {
            let mut editor = Editor::parse(name, &s.text)?;
            let out = f(&mut editor)?;
            s.text = editor.finish();
            return Ok(out);
        }
        let (Some((start, end)), false) = (self.entry_range(table, id), self.whole(name)) else {
            return self.edit(name, f);
        };
        let splices = self.state.splices.entry(name.to_string()).or_default();
        let current = match splices.iter().find(|s| s.start == start && s.end == end) {
            Some(s) => s.text.clone(),
            None => self
                .ws
                .sources
                .find(name)
                .map(|f| self.ws.sources.get(f).text[start as usize..end as usize].to_string())
                .unwrap_or_default(),
        };
        let mut editor = Editor::parse(name, &current)?;
        let out = f(&mut editor)?;
        let text = editor.finish();
        let splices = self.state.splices.entry(name.to_string()).or_default();
        match splices.iter_mut().find(|s| s.start == start && s.end == end) {
            Some(s) => s.text = text,
            None => splices.push(Splice { start, end, text }),
        }
        Ok(out)
    }

    /// Builds the order of the entries as read (where new ones go), for
    /// members and clients; a batch does it before its workspace moves on.
    pub(crate) fn index_entries(&mut self) {
        for (name, table) in [(MemberEntry::FILE, MemberEntry::TABLE), (ClientEntry::FILE, ClientEntry::TABLE)] {
            self.entry_order(name, table);
        }
    }

    fn entry_order(&mut self, name: &str, table: &str) -> &EntryOrder {
        if !self.state.order.contains_key(name) {
            let text = self.original(name).unwrap_or("");
            let order = match table {
                MemberEntry::TABLE => EntryOrder::of(self.ws.members.iter().map(|m| (&m.id, m.span.start)), text),
                _ => EntryOrder::of(self.ws.clients.iter().map(|c| (&c.id, c.span.start)), text),
            };
            self.state.order.insert(name.to_string(), order);
        }
        &self.state.order[name]
    }

    /// Adds new `[table.ID]` entries (id, text) where `store::edit::insert_entries` puts them.
    pub fn insert_entries(&mut self, name: &str, table: &str, new: &[(&str, &str)]) {
        for (id, _) in new {
            self.state.touched.push(Touched::Entry { file: name.into(), table: table.into(), id: id.to_string() });
        }
        if self.whole(name) {
            // The text is no longer the one read: its entries are found in it.
            let current = self.text(name).unwrap_or_default();
            let text = edit::insert_entries(&current, &edit::entry_headers(&current, table), new);
            self.state.texts.insert(name.to_string(), Some(text));
            return;
        }
        let original = self.original(name).unwrap_or("");
        self.entry_order(name, table);
        let (order, removed) = (&self.state.order[name], &self.state.removed);
        let gone = |id: &str| removed.contains(&(name.to_string(), id.to_string()));
        let inserts = edit::insertion_splices_by(original, new, |id| order.next(original, id, gone));
        let splices = self.state.splices.entry(name.to_string()).or_default();
        for (start, end, text) in inserts {
            let headers = edit::entry_headers(&text, table);
            for (id, _) in &headers {
                self.state.added.insert((name.to_string(), id.to_string()), start as u32);
            }
            // Entries added at the same place by several edits (the lines of
            // a batch) stay in id order among themselves.
            let first = headers.first().map_or("", |(id, _)| *id);
            let place = splices
                .iter()
                .position(|s| {
                    s.start as usize == start
                        && s.end as usize == end
                        && edit::entry_headers(&s.text, table).first().is_some_and(|(id, _)| *id > first)
                })
                .unwrap_or(splices.len());
            splices.insert(place, Splice { start: start as u32, end: end as u32, text });
        }
    }

    /// Removes entry `id` with the comments directly above it: in its own
    /// splice when it stands alone (`store::edit::removal_splice`), else in
    /// the whole file.
    fn remove_entry(&mut self, name: &str, table: &str, id: &str) -> Result<()> {
        self.state.touched.push(Touched::Entry { file: name.into(), table: table.into(), id: id.into() });
        let key = (name.to_string(), id.to_string());
        if !self.whole(name) && self.state.added.contains_key(&key) {
            let Some(s) = self.added_splice(name, table, id) else { return Ok(()) };
            let alone = edit::entry_headers(&s.text, table).len() == 1;
            let at = s.start;
            if alone {
                let header = format!("[{table}.{id}]");
                if let Some(list) = self.state.splices.get_mut(name) {
                    list.retain(|s| !(s.start == at && s.end == at && s.text.contains(&header)));
                }
            } else {
                let mut editor = Editor::parse(name, &s.text)?;
                editor.remove_entry(table, id);
                s.text = editor.finish();
            }
            self.state.added.remove(&key);
            return Ok(());
        }
        if !self.whole(name)
            && let Some((start, end)) = self.entry_range(table, id)
            && let Some(original) = self.original(name)
            && let Some((a, b, text)) = edit::removal_splice(original, start as usize, end as usize)
        {
            let list = self.state.splices.entry(name.to_string()).or_default();
            // An edit of the entry goes with it. Around the entry, the
            // removal gives way to what the change did there already (a
            // neighbour removed, an entry added just above): it then keeps
            // a blank or comment line that one removal at a time would drop.
            let own = |s: &Splice| s.start == start && s.end == end;
            let (mut a, mut b, mut clear) = (a as u32, b as u32, true);
            let first_a = a;
            for s in list.iter().filter(|s| !own(s)) {
                if s.end <= start && s.end > a || s.start == s.end && a < s.start && s.start <= start {
                    a = s.end;
                } else if s.start >= end && s.start < b {
                    b = s.start;
                } else if s.start < end && start < s.end {
                    clear = false;
                }
            }
            if clear {
                // The bytes above it that stay hold what the removal kept.
                let text = if a == first_a { text } else { String::new() };
                list.retain(|s| !own(s));
                list.push(Splice { start: a, end: b, text });
                self.state.removed.insert(key);
                return Ok(());
            }
        }
        self.edit(name, |ed| {
            ed.remove_entry(table, id);
            Ok(())
        })
    }

    /// Entry `id` as the change has it now: the text that holds it (or held
    /// it), for a batch to read its new state.
    pub(crate) fn entry_now(&mut self, name: &str, table: &str, id: &str) -> EntryNow {
        if self.whole(name) {
            return EntryNow::Whole(self.text(name).unwrap_or_default());
        }
        if let Some(s) = self.added_splice(name, table, id) {
            return EntryNow::Fragment { text: s.text.clone(), offset: s.start as usize };
        }
        if self.state.removed.contains(&(name.to_string(), id.to_string())) {
            return EntryNow::Gone;
        }
        match self.entry_range(table, id) {
            Some((start, end)) => {
                let spliced = self
                    .state
                    .splices
                    .get(name)
                    .and_then(|list| list.iter().find(|s| s.start == start && s.end == end))
                    .map(|s| s.text.clone());
                let text = spliced.unwrap_or_else(|| {
                    self.original(name).and_then(|t| t.get(start as usize..end as usize)).unwrap_or("").to_string()
                });
                EntryNow::Fragment { text, offset: start as usize }
            }
            // Neither read alone nor added: only a whole read can tell (an
            // entry added and then removed again leaves nothing).
            None => EntryNow::Gone,
        }
    }

    // The typed edits, what commands use: they name no file, table or key
    // (`store::editors` knows them). Entries of members and clients are
    // edited alone in their bytes through `edit_entry`, the fast path.

    /// Edits member `id`'s entry (alone in its bytes when it stands alone, as [`Change::edit_entry`]).
    pub fn member<T>(&mut self, id: &str, f: impl FnOnce(&mut MemberEntry<'_>) -> T) -> Result<T> {
        self.edit_entry(MemberEntry::FILE, MemberEntry::TABLE, id, |t| Ok(f(&mut MemberEntry::new(t))))
    }

    /// Edits client `id`'s entry (alone in its bytes when it stands alone).
    pub fn client<T>(&mut self, id: &str, f: impl FnOnce(&mut ClientEntry<'_>) -> T) -> Result<T> {
        self.edit_entry(ClientEntry::FILE, ClientEntry::TABLE, id, |t| Ok(f(&mut ClientEntry::new(t))))
    }

    /// Adds one member's entry (see [`Change::add_members`]).
    pub fn add_member(&mut self, new: &NewMember<'_>) {
        self.add_members(std::slice::from_ref(new));
    }

    /// Adds members' entries, each in id order when the entries are sorted,
    /// else at the end (`store::edit::insert_entries`).
    pub fn add_members(&mut self, new: &[NewMember<'_>]) {
        let texts: Vec<String> = new.iter().map(NewMember::entry).collect();
        let pairs: Vec<(&str, &str)> = new.iter().zip(&texts).map(|(m, t)| (m.id, t.as_str())).collect();
        self.insert_entries(MemberEntry::FILE, MemberEntry::TABLE, &pairs);
    }

    /// Adds a client's entry, as [`Change::add_members`].
    pub fn add_client(&mut self, new: &NewClient<'_>) {
        let text = new.entry();
        self.insert_entries(ClientEntry::FILE, ClientEntry::TABLE, &[(new.id, &text)]);
    }

    /// Removes member `id`'s entry, with the comments directly above it.
    pub fn remove_member(&mut self, id: &str) -> Result<()> {
        self.remove_entry(MemberEntry::FILE, MemberEntry::TABLE, id)
    }

    /// Renames member `old`'s entry to `new`, in its place with its comments.
    pub fn rename_member(&mut self, old: &str, new: &str) -> Result<()> {
        // In the entry's own bytes: renaming the key in a parse of the whole
        // file took half a minute on 100,000 members.
        self.edit_entry_bytes(MemberEntry::FILE, MemberEntry::TABLE, old, |ed| {
            Ok(ed.rename_entry(MemberEntry::TABLE, old, new))
        })?;
        Ok(())
    }

    /// Edits `tests.toml`, when the workspace has one (`None` otherwise).
    pub fn tests<T>(&mut self, f: impl FnOnce(&mut TestsFile<'_>) -> T) -> Result<Option<T>> {
        if self.text(TestsFile::FILE).is_none() {
            return Ok(None);
        }
        self.edit(TestsFile::FILE, |ed| Ok(Some(f(&mut TestsFile::new(ed)))))
    }

    /// Edits `teams.toml`, when the workspace has one (`None` otherwise).
    pub fn teams<T>(&mut self, f: impl FnOnce(&mut TeamsFile<'_>) -> T) -> Result<Option<T>> {
        if self.text(TeamsFile::FILE).is_none() {
            return Ok(None);
        }
        self.edit(TeamsFile::FILE, |ed| Ok(Some(f(&mut TeamsFile::new(ed)))))
    }

    /// Removes team `id`'s entry with the comments directly above it, as a
    /// member's entry is removed (`store::edit::removal_splice`): a file's
    /// header comment stays, and no blank line is left doubled.
    pub fn remove_team(&mut self, id: &str) -> Result<()> {
        let text = self.text(TeamsFile::FILE).unwrap_or_default();
        if let Some((start, end)) = standalone_entry(&text, "teams", id)
            && let Some((a, b, with)) = edit::removal_splice(&text, start, end)
        {
            let (before, mut after) = (format!("{}{with}", &text[..a]), &text[b..]);
            // A blank line kept above (after a header comment) and one below make one.
            if before.ends_with("\n\n") || before.ends_with("\n\r\n") {
                after = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')).unwrap_or(after);
            }
            self.put(TeamsFile::FILE, format!("{before}{after}"));
            return Ok(());
        }
        self.teams(|file| file.remove_team(id))?;
        Ok(())
    }

    /// Adds a team's entry to `teams.toml` (which it creates when there is
    /// none), in id order when the entries are sorted, else at the end.
    pub fn add_team(&mut self, new: &NewTeam<'_>) {
        let text = new.entry();
        let current = self.text(TeamsFile::FILE).unwrap_or_default();
        let headers = edit::entry_headers(&current, "teams");
        let updated = edit::insert_entries(&current, &headers, &[(new.id, &text)]);
        self.put(TeamsFile::FILE, updated);
    }

    /// Removes client `id`'s entry, and the `company` of the contacts
    /// `detach` (those of the company removed).
    pub fn remove_client(&mut self, id: &str, detach: &[&str]) -> Result<()> {
        for contact in detach {
            self.client(contact, |entry| entry.set_company(None))?;
        }
        self.remove_entry(ClientEntry::FILE, ClientEntry::TABLE, id)
    }

    /// Edits profile `id`'s file.
    pub fn profile<T>(&mut self, id: &str, f: impl FnOnce(&mut ProfileFile<'_>) -> T) -> Result<T> {
        self.edit(&ProfileFile::path(id), |ed| Ok(f(&mut ProfileFile::new(ed))))
    }

    /// A new profile `new`: the file of `source` as the change has it
    /// (comments and all), edited by `f`.
    pub fn duplicate_profile(&mut self, source: &str, new: &str, f: impl FnOnce(&mut ProfileFile<'_>)) -> Result<()> {
        let path = ProfileFile::path(new);
        let mut copy = Editor::parse(&path, &self.text(&ProfileFile::path(source)).unwrap_or_default())?;
        f(&mut ProfileFile::new(&mut copy));
        self.put(&path, copy.finish());
        Ok(())
    }

    /// Removes profile `id`'s file.
    pub fn remove_profile(&mut self, id: &str) {
        self.remove_file(&ProfileFile::path(id));
    }

    /// Edits `workspace.toml`.
    pub fn workspace<T>(&mut self, f: impl FnOnce(&mut WorkspaceFile<'_>) -> T) -> Result<T> {
        self.edit(WorkspaceFile::FILE, |ed| Ok(f(&mut WorkspaceFile::new(ed))))
    }

    /// Writes a file beside the workspace's own (a review campaign,
    /// `reviews/ID.toml`), whose text as read is `old` (`None`: a new file).
    /// It is written with the change, atomically, and compared with the disk
    /// like every file the change read; the workspace's rules do not read it.
    pub fn put_side(&mut self, name: &str, old: Option<String>, text: String) {
        self.state.side.insert(name.to_string(), (old, text));
    }

    /// A file beside the workspace's own that the change writes already (an
    /// earlier line of a batch): its text as read, and its text now.
    pub fn side_text(&self, name: &str) -> Option<(Option<&str>, &str)> {
        self.state.side.get(name).map(|(old, now)| (old.as_deref(), now.as_str()))
    }

    pub fn put(&mut self, name: &str, text: String) {
        self.state.splices.remove(name);
        self.state.texts.insert(name.to_string(), Some(text));
        self.state.touched.push(Touched::File(name.to_string()));
    }

    pub fn remove_file(&mut self, name: &str) {
        self.state.splices.remove(name);
        self.state.texts.insert(name.to_string(), None);
        self.state.touched.push(Touched::File(name.to_string()));
    }

    /// `Essential 12.00` for a profile's tier.
    pub fn price_label(&self, profile: &Profile) -> String {
        match self.ws.tier(&profile.tier.value) {
            Some(t) => format!("{} {}", t.label, render::money(t.price)),
            None => profile.tier.value.to_string(),
        }
    }

    /// `bob: licence Essential 12.00 -> Standard 25.00 EUR/month`, when working
    /// under `own` and these per-client profiles (client, profile) changes
    /// the member's licence (SPEC §1: the highest-priced tier among them).
    pub fn licence_fact<'p>(
        &self,
        m: &crate::model::Member,
        own: &'p str,
        per_client: impl IntoIterator<Item = &'p str>,
    ) -> Option<String> {
        let before = self.ws.licence(m)?;
        let after = self.ws.licence_of(std::iter::once(own).chain(per_client))?;
        (before.id != after.id).then(|| {
            format!(
                "{}: licence {} {} -> {} {} {}/month",
                m.id,
                before.label,
                render::money(before.price),
                after.label,
                render::money(after.price),
                self.ws.settings.currency
            )
        })
    }

    /// The licence fact of a member moving from profile `from` to `to` (their
    /// own), when the profile fact (which names the two tiers) does not say
    /// it already: a per-client profile on a pricier tier keeps the licence.
    pub fn own_move_licence_fact<'p>(
        &self,
        m: &crate::model::Member,
        from: &Profile,
        to: &'p Profile,
        per_client: impl IntoIterator<Item = &'p str>,
    ) -> Option<String> {
        let per_client: Vec<&str> = per_client.into_iter().collect();
        let before = self.ws.licence(m).map(|t| t.id.as_str());
        let after = self.ws.licence_of(std::iter::once(to.id.as_str()).chain(per_client.iter().copied()));
        if before == Some(from.tier.value.as_str()) && after.map(|t| t.id.as_str()) == Some(to.tier.value.as_str()) {
            return None;
        }
        self.licence_fact(m, &to.id, per_client)
    }

    /// `bob: profile user -> contributor (Essential 12.00 -> Standard 25.00 EUR/month)`.
    pub fn profile_fact(&self, subject: &str, from: &Profile, to: &Profile) -> String {
        format!(
            "{subject}: profile {} -> {} ({} -> {} {}/month)",
            from.id,
            to.id,
            self.price_label(from),
            self.price_label(to),
            self.ws.settings.currency
        )
    }
}

/// The bytes of `[table.id]` in `text`, from its header line to the end of
/// its last line of keys, when it is a standard table that nothing else
/// (a sub-table of it, another table) interleaves; else `None`.
fn standalone_entry(text: &str, table: &str, id: &str) -> Option<(usize, usize)> {
    let (_, key) = edit::entry_headers(text, table).into_iter().find(|(e, _)| *e == id)?;
    let start = text[..key].rfind('\n').map_or(0, |i| i + 1);
    let mut at = text[start..].find('\n').map_or(text.len(), |i| start + i + 1);
    let mut end = at;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..line_end].trim();
        if line.starts_with('[') {
            break;
        }
        if !line.is_empty() && !line.starts_with('#') {
            end = line_end;
        }
        at = line_end;
    }
    // A sub-table of the entry (`[teams.audit.x]`) is part of it: left to the editor.
    let after = text[at..].trim_start();
    (!after.starts_with(&format!("[{table}.{id}."))).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::Change;
    use crate::store::edit::{self, Editor};
    use crate::store::splice::apply_splices;
    use crate::testing::{MEMBERS, check_with};

    /// What the whole-file editor writes when it removes `id`.
    fn removed_whole(text: &str, id: &str) -> String {
        let mut editor = Editor::parse("members.toml", text).unwrap();
        assert!(editor.remove_entry("members", id));
        edit::keep_line_endings(text, editor.finish(), edit::is_crlf(text))
    }

    /// A member removed in a splice of its own reads as the whole-file editor
    /// writes it, byte for byte: comments above it, comment paragraphs kept,
    /// the first and the last entry, sub-tables, CRLF, no blank lines.
    #[test]
    fn a_removal_splice_writes_what_the_whole_file_editor_writes() {
        let commented = "# The team.\n\n[members.claire]\nname = \"Claire\"\nemail = \"claire@example.com\"\nprofile = \"admin\"   # the owner\n\n# About Bob,\n# on two lines.\n[members.bob]\nname = \"Bob\"\nemail = \"bob@example.com\"\nprofile = \"user\"\nclients = [\"acme\", \"globex\"]\n\n# A section.\n\n# About Eve.\n[members.eve]\nname = \"Eve\"\nemail = \"eve@example.com\"\nprofile = \"contributor\"\n# trailing\n";
        let subtable = "[members.claire]\nname = \"Claire\"\nemail = \"claire@example.com\"\nprofile = \"admin\"\n[members.bob]\nname = \"Bob\"\nemail = \"bob@example.com\"\nprofile = \"user\"\nclients = [\"acme\"]\n\n[members.bob.client_profiles]\nacme = \"contributor\"\n\n[members.eve]\nname = \"Eve\"\nemail = \"eve@example.com\"\nprofile = \"contributor\"\n";
        let header = format!("[members]\n{MEMBERS}");
        let first_comment = format!("# about claire\n{}", MEMBERS.trim_start());
        let crlf = commented.replace('\n', "\r\n");
        for text in [MEMBERS, commented, subtable, &header, &first_comment, &crlf] {
            let ws = check_with(&[("members.toml", text)]).workspace;
            assert_eq!(ws.members.len(), 3, "{text}");
            for id in ["claire", "bob", "eve"] {
                let mut change = Change::new(&ws);
                change.remove_member(id).unwrap();
                let (texts, splices) = change.finish().into_files();
                assert!(texts.is_empty(), "{id} was not removed in a splice of its own:\n{text}");
                let spliced = apply_splices(text, &splices["members.toml"]);
                assert_eq!(spliced, removed_whole(text, id), "removing {id} from:\n{text}");
            }
        }
        // Without a line end at the end of the file, the last entry's line
        // stays without one (the whole-file editor adds one).
        let bare = MEMBERS.trim_end();
        let ws = check_with(&[("members.toml", bare)]).workspace;
        let mut change = Change::new(&ws);
        change.remove_member("bob").unwrap();
        let (_, splices) = change.finish().into_files();
        assert!(apply_splices(bare, &splices["members.toml"]).ends_with("profile = \"contributor\""));
    }

    /// Neighbours removed together, and an entry removed after an edit of
    /// it, splice apart; the new text reads without them.
    #[test]
    fn removals_of_neighbours_do_not_overlap() {
        let ws = check_with(&[]).workspace;
        let mut change = Change::new(&ws);
        change.member("bob", |m| m.set_name("Robert")).unwrap();
        change.remove_member("bob").unwrap();
        change.remove_member("eve").unwrap();
        change.remove_member("claire").unwrap();
        let (texts, splices) = change.finish().into_files();
        assert!(texts.is_empty());
        let list = &splices["members.toml"];
        assert_eq!(list.len(), 3, "{list:?}");
        assert_eq!(apply_splices(MEMBERS, list).trim(), "");
        // The other way round, the first entry first.
        let mut change = Change::new(&ws);
        for id in ["claire", "bob", "eve"] {
            change.remove_member(id).unwrap();
        }
        let (texts, splices) = change.finish().into_files();
        assert!(texts.is_empty());
        assert_eq!(apply_splices(MEMBERS, &splices["members.toml"]).trim(), "");
    }

    /// An entry added by the change is edited, and removed, in the splice
    /// that added it; entries added one by one at one place keep id order.
    #[test]
    fn an_added_entry_is_edited_where_it_was_added() {
        let ws = check_with(&[]).workspace;
        let new = |id: &'static str| crate::store::editors::NewMember {
            id,
            name: "New",
            email: "new@example.com",
            profile: "user",
            status: crate::model::Status::Active,
            clients: &[],
            client_profiles: &[],
            grants: &[],
            credit_limit: None,
            from: None,
            until: None,
        };
        let mut change = Change::new(&ws);
        for id in ["zz", "zb", "zc", "za"] {
            change.add_member(&new(id));
        }
        change.member("zb", |m| m.set_name("Zed B")).unwrap();
        change.remove_member("zc").unwrap();
        let (texts, splices) = change.finish().into_files();
        assert!(texts.is_empty());
        let text = apply_splices(MEMBERS, &splices["members.toml"]);
        let ids: Vec<&str> = edit::entry_headers(&text, "members").into_iter().map(|(id, _)| id).collect();
        // The file is not sorted (claire, bob, eve): new entries go at its end, in id order.
        assert_eq!(ids, ["claire", "bob", "eve", "za", "zb", "zz"]);
        assert!(text.contains("[members.zb]\nname = \"Zed B\""), "{text}");
    }
}
