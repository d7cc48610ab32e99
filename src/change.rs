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
//! - `report`: what a change did.

mod actor;
mod commit;
mod report;

pub use report::Report;

use crate::error::Result;
use crate::model::{Profile, Workspace};
use crate::render;
use crate::store::edit::{self, Editor};
use crate::store::editors::{ClientEntry, Keyed, MemberEntry, NewClient, NewMember, ProfileFile, WorkspaceFile};
use crate::store::save::{self, Lock};
use crate::store::splice::{Splice, apply_splices};
use crate::store::{self, Kept};
use std::collections::BTreeMap;
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
/// close to the cost of reading it.
#[derive(Debug)]
pub struct Change<'w> {
    pub ws: &'w Workspace,
    /// New texts by workspace-relative name; `None` removes the file.
    texts: BTreeMap<String, Option<String>>,
    /// Entry splices by file, on the text as it was read.
    splices: BTreeMap<String, Vec<Splice>>,
    /// Files beside the workspace's own (`reviews/ID.toml`): no load reads
    /// them, so they are not validated as the workspace; by name, their text
    /// as read (`None`: new) and their new text.
    side: BTreeMap<String, (Option<String>, String)>,
    facts: Vec<String>,
    people: People,
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

impl<'w> Change<'w> {
    pub fn new(ws: &'w Workspace) -> Change<'w> {
        Change {
            ws,
            texts: BTreeMap::new(),
            splices: BTreeMap::new(),
            side: BTreeMap::new(),
            facts: Vec::new(),
            people: People::default(),
        }
    }

    /// The change's files, each edited text with its file's line endings
    /// (the editor writes LF; a CRLF file stays CRLF, SPEC §6).
    pub fn finish(mut self) -> Parts {
        let ws = self.ws;
        let original = |name: &str| ws.sources.find(name).map(|id| ws.sources.get(id).text.as_str());
        for (name, text) in &mut self.texts {
            if let (Some(old), Some(new)) = (original(name), text.as_mut()) {
                *new = edit::keep_line_endings(old, std::mem::take(new), edit::is_crlf(old));
            }
        }
        for (name, splices) in &mut self.splices {
            let old = original(name).unwrap_or("");
            let crlf = edit::is_crlf(old);
            for s in splices {
                let replaced = old.get(s.start as usize..s.end as usize).unwrap_or("");
                s.text = edit::keep_line_endings(replaced, std::mem::take(&mut s.text), crlf);
            }
        }
        Parts { texts: self.texts, splices: self.splices, side: self.side, facts: self.facts, people: self.people }
    }

    pub fn fact(&mut self, fact: impl Into<String>) {
        self.facts.push(fact.into());
    }

    /// A member the change adds: its access is new, so the report does not
    /// say that no member's access changed.
    pub fn member_added(&mut self, id: &str) {
        self.people.added.push(id.to_string());
    }

    /// A member the change removes (see [`Change::member_added`]).
    pub fn member_removed(&mut self, id: &str) {
        self.people.removed.push(id.to_string());
    }

    /// The change only lays files out (`fmt`): no access can change, and the
    /// report says nothing of it.
    pub fn layout_only(&mut self) {
        self.people.layout_only = true;
    }

    /// Several facts, in order (those an edit closure gathered).
    pub fn facts(&mut self, facts: impl IntoIterator<Item = String>) {
        self.facts.extend(facts);
    }

    fn original(&self, name: &str) -> Option<&'w str> {
        self.ws.sources.find(name).map(|id| self.ws.sources.get(id).text.as_str())
    }

    /// The file's text as the change has it so far.
    pub fn text(&self, name: &str) -> Option<String> {
        match self.texts.get(name) {
            Some(t) => t.clone(),
            None => self.original(name).map(|t| apply_splices(t, self.splices.get(name).into_iter().flatten())),
        }
    }

    /// Turns a file's splices into a whole new text, for an edit that needs the whole file.
    fn materialize(&mut self, name: &str) {
        if let Some(splices) = self.splices.remove(name) {
            let text = apply_splices(self.original(name).unwrap_or(""), &splices);
            self.texts.insert(name.to_string(), Some(text));
        }
    }

    /// Edits a file with the format-preserving editor (under the typed edits below).
    pub fn edit<T>(&mut self, name: &str, f: impl FnOnce(&mut Editor) -> Result<T>) -> Result<T> {
        self.materialize(name);
        let mut editor = Editor::parse(name, &self.text(name).unwrap_or_default())?;
        let out = f(&mut editor)?;
        self.texts.insert(name.to_string(), Some(editor.finish()));
        Ok(out)
    }

    /// Edits one entry (`[members.ID]`, `[clients.ID]`), however it is written:
    /// alone in its bytes when it stands alone, else in the whole file (under
    /// [`Change::member`] and [`Change::client`]).
    pub fn edit_entry<T>(
        &mut self,
        name: &str,
        table: &str,
        id: &str,
        f: impl FnOnce(&mut dyn toml_edit::TableLike) -> Result<T>,
    ) -> Result<T> {
        let range = match table {
            "members" => self.ws.member(id).and_then(|m| m.entry),
            "clients" => self.ws.client(id).and_then(|c| c.entry),
            _ => None,
        };
        let (Some((start, end)), false) = (range, self.texts.contains_key(name)) else {
            return self.edit(name, |ed| f(ed.entry(table, id)?));
        };
        let splices = self.splices.entry(name.to_string()).or_default();
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
        let out = f(editor.entry(table, id)?)?;
        let text = editor.finish();
        let splices = self.splices.entry(name.to_string()).or_default();
        splices.retain(|s| !(s.start == start && s.end == end));
        splices.push(Splice { start, end, text });
        Ok(out)
    }

    /// Adds new `[table.ID]` entries (id, text) where `store::edit::insert_entries` puts them.
    pub fn insert_entries(&mut self, name: &str, table: &str, new: &[(&str, &str)]) {
        let ids: Vec<(&str, usize)> = match table {
            "members" => self.ws.members.iter().map(|m| (m.id.as_str(), m.span.start as usize)).collect(),
            _ => self.ws.clients.iter().map(|c| (c.id.as_str(), c.span.start as usize)).collect(),
        };
        if self.texts.contains_key(name) {
            let text = crate::store::edit::insert_entries(&self.text(name).unwrap_or_default(), &ids, new);
            self.texts.insert(name.to_string(), Some(text));
            return;
        }
        let original = self.original(name).unwrap_or("");
        let splices = crate::store::edit::insertion_splices(original, &ids, new);
        self.splices.entry(name.to_string()).or_default().extend(
            splices.into_iter().map(|(start, end, text)| Splice { start: start as u32, end: end as u32, text }),
        );
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
        self.edit(MemberEntry::FILE, |ed| {
            ed.remove_entry(MemberEntry::TABLE, id);
            Ok(())
        })
    }

    /// Removes client `id`'s entry, and the `company` of the contacts
    /// `detach` (those of the company removed), in one edit of the file.
    pub fn remove_client(&mut self, id: &str, detach: &[&str]) -> Result<()> {
        self.edit(ClientEntry::FILE, |ed| {
            ed.remove_entry(ClientEntry::TABLE, id);
            for contact in detach {
                ClientEntry::new(ed.entry(ClientEntry::TABLE, contact)?).set_company(None);
            }
            Ok(())
        })
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
        self.side.insert(name.to_string(), (old, text));
    }

    pub fn put(&mut self, name: &str, text: String) {
        self.splices.remove(name);
        self.texts.insert(name.to_string(), Some(text));
    }

    pub fn remove_file(&mut self, name: &str) {
        self.splices.remove(name);
        self.texts.insert(name.to_string(), None);
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
