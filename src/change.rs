//! A change to the workspace, from start to end (SPEC §5–§6): lock, load and
//! validate, check the actor, edit the files in memory, validate the new state,
//! then print a diff (`--dry-run`, decided here and nowhere else) or write.
//!
//! Commands only say what changes, through [`Change`]; how it is checked,
//! shown and written is the same for all of them.

use crate::access;
use crate::commands::Ctx;
use crate::diag::Diagnostic;
use crate::error::{Error, Kind, Outcome, Result};
use crate::model::{Id, Level, Member, Profile, Workspace};
use crate::render::escape::terminal;
use crate::render::{self, Format};
use crate::store::edit::{self, Editor};
use crate::store::editors::{ClientEntry, Keyed, MemberEntry, NewClient, NewMember, ProfileFile, WorkspaceFile};
use crate::store::load::Input;
use crate::store::save::{self, Lock, Writes};
use crate::store::{self, plural};
use serde_json::json;
use std::collections::BTreeMap;
use std::mem::ManuallyDrop;
use std::path::PathBuf;

/// A workspace opened for a change: locked until dropped, valid, and the actor checked.
#[derive(Debug)]
pub struct Session {
    pub root: PathBuf,
    /// Never freed, as `Ctx::open`'s workspace.
    pub ws: ManuallyDrop<Workspace>,
    _lock: Lock,
}

impl Session {
    pub fn begin(ctx: &Ctx) -> Result<Session> {
        ctx.refuse_rev("a change")?;
        let root = ctx.root()?;
        let lock = Lock::acquire(&root, ctx.lock_timeout)?;
        // `--dry-run` deletes nothing, leftovers included (the lock creates no file).
        if !ctx.dry_run {
            save::sweep_leftovers(&root);
        }
        let ws = store::open(&root, &ctx.shown(&root), ctx.err_paint())?;
        check_actor(&ws, ctx.actor.as_deref())?;
        Ok(Session { root, ws: ManuallyDrop::new(ws), _lock: lock })
    }

    /// Validates the changed state, then prints its diff (`--dry-run`) or writes it.
    pub fn commit(mut self, ctx: &Ctx, parts: Parts) -> Result<Outcome> {
        let Parts { texts, mut splices, facts, rows } = parts;
        // What changes nothing is not written: whole texts equal to the old
        // ones, and splices that put back the bytes they replace.
        let old_text = |ws: &Workspace, name: &str| ws.sources.find(name).map(|id| ws.sources.get(id).text.clone());
        let texts: BTreeMap<String, (Option<String>, Option<String>)> = texts
            .into_iter()
            .map(|(name, after)| (old_text(&self.ws, &name), after, name))
            .filter(|(before, after, _)| before != after)
            .map(|(before, after, name)| (name, (before, after)))
            .collect();
        for (name, list) in &mut splices {
            let text = self.ws.sources.find(name).map_or("", |id| self.ws.sources.get(id).text.as_str());
            list.retain(|s| text.get(s.start as usize..s.end as usize) != Some(s.text.as_str()));
        }
        splices.retain(|_, list| !list.is_empty());
        if texts.is_empty() && splices.is_empty() {
            if !ctx.quiet {
                print_result(ctx, &facts, &[], &[], None)?;
            }
            return Ok(Outcome::Success);
        }
        // When only entries of members.toml are spliced, only the members in
        // them can gain or lose access: fingerprint those alone.
        let only_entries = texts.is_empty();
        let touched = (only_entries && splices.keys().all(|f| f == crate::store::load::MEMBERS_FILE))
            .then(|| touched_members(&self.ws, splices.get(crate::store::load::MEMBERS_FILE).map_or(&[][..], |v| v)));
        // What is compared after the change, taken before the workspace moves on.
        let before = Summary::of(&self.ws, touched.as_ref());
        let owner_entry = OwnerEntry::guarded(&self.ws, ctx.actor.as_deref());
        // Whole new texts (and, with them, spliced files made whole), with the
        // old text of each; or, for splices alone, what undoes them.
        let mut whole = texts;
        let mut undo = BTreeMap::new();
        // The workspace as read, when the new state is built apart from it:
        // the files it read must be on disk as they were when it is written.
        let mut read_state = None;
        let diagnostics = if only_entries {
            // The model takes the splices in place: no copy of a large file is
            // made. The workspace had no error (`Session::begin`): when only
            // members' entries were edited, only they can bring one.
            let applied = crate::store::incremental::apply(&mut self.ws, &splices);
            undo = applied.undo;
            let mut diags = applied.diags;
            diags.extend(match &applied.members_in_place {
                Some(touched) => crate::rules::check_edited_members(&self.ws, touched),
                None => crate::rules::check(&self.ws),
            });
            diags
        } else {
            for (name, list) in &splices {
                let before = old_text(&self.ws, name);
                let after = apply_splices(before.as_deref().unwrap_or(""), list);
                whole.insert(name.clone(), (before, Some(after)));
            }
            let mut files: BTreeMap<String, String> =
                self.ws.sources.iter().map(|(_, s)| (s.name.clone(), s.text.clone())).collect();
            for (name, (_, after)) in &whole {
                match after {
                    Some(text) => files.insert(name.clone(), text.clone()),
                    None => files.remove(name),
                };
            }
            let checked = store::check_from(&self.root, Input::Memory(&files));
            read_state = Some(std::mem::replace(&mut self.ws, ManuallyDrop::new(checked.workspace)));
            checked.diagnostics
        };
        let new = &self.ws;
        // Who may make the change comes before whether it is valid.
        if let Some(owner_entry) = &owner_entry {
            owner_entry.check(new)?;
        }
        // Every file read, with its text as read (built in place, the spliced
        // files hold their new text: `writes` has their old one).
        let read: Vec<(&str, &str)> = read_state
            .as_deref()
            .unwrap_or(new)
            .sources
            .iter()
            .map(|(_, s)| (s.name.as_str(), s.text.as_str()))
            .collect();
        let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
        if !errors.is_empty() {
            let paint = ctx.err_paint();
            for d in &errors {
                if let Some((id, row)) = row_of(new, d, &rows) {
                    ctx.eprint(&format!("row {row} (member {id}):\n"));
                }
                ctx.eprint(&format!("{}\n", d.render(&new.sources, paint)));
            }
            let first = errors[0];
            return Err(Error::new(
                Kind::Refused,
                first.code,
                format!(
                    "the change would break {} rule{} (shown above as the files would read); nothing was written",
                    errors.len(),
                    plural(errors.len())
                ),
            )
            .hint(first.hint.clone().unwrap_or_else(|| "fix the cause, then run the command again".into())));
        }
        if !crate::rules::has_settings_editor(new) {
            return Err(Error::new(
                Kind::Refused,
                "no-settings-editor",
                "the change would leave no active member who can edit settings (settings.edit = all), and so nobody who may change permissions; nothing was written",
            )
            .hint("keep at least one active member on an admin profile (the owner always is one)"));
        }
        // A spliced file (a large members.toml) is written to its temporary
        // file and synced while the last checks run, on the other core; a
        // refusal below drops it, and `save::write_all` still compares the
        // disk with the old text before anything is put in place.
        let root = &self.root;
        std::thread::scope(|scope| {
            let early: Vec<_> = if ctx.dry_run {
                Vec::new()
            } else {
                undo.keys()
                    .filter_map(|name| {
                        new.sources.find(name).map(|id| (name.clone(), new.sources.get(id).text.as_str()))
                    })
                    .map(|(name, text)| {
                        let n = name.clone();
                        (name, scope.spawn(move || save::prepare_in(root, &n, text.as_bytes())))
                    })
                    .collect()
            };
            // SPEC §8: a change may not make a passing test fail.
            let broken: Vec<crate::expect::Outcome> = crate::expect::run(new, None)
                .into_iter()
                .filter(|o| !o.passed && before.passing.contains(&o.name))
                .collect();
            if !broken.is_empty() && !ctx.allow_failing_tests {
                for b in &broken {
                    let mut text = format!(
                        "test failed: {}\n  expected: {}\n  actual:   {}\n",
                        terminal(&b.name),
                        terminal(&b.expected),
                        terminal(&b.actual)
                    );
                    for w in &b.why {
                        text.push_str(&format!("  why:      {}\n", terminal(w)));
                    }
                    ctx.eprint(&text);
                }
                let names: Vec<String> = broken.iter().map(|b| format!("\"{}\"", b.name)).collect();
                return Err(Error::new(
                    Kind::Refused,
                    "test-failed",
                    format!(
                        "the change would make {} of tests.toml fail: {}; nothing was written",
                        if broken.len() == 1 { "a test" } else { "tests" },
                        names.join(", ")
                    ),
                )
                .hint("change the expectation in tests.toml if it is meant to change, or pass --allow-failing-tests"));
            }
            let mut facts = facts;
            for b in &broken {
                facts.push(format!("test now fails (--allow-failing-tests): {}", b.name));
            }
            let after_cost = new.monthly_cost();
            if (before.cost - after_cost).abs() > 0.005 {
                facts.push(format!(
                    "monthly cost: {} -> {} {}",
                    render::money(before.cost),
                    render::money(after_cost),
                    new.settings.currency
                ));
            }
            let after_prints = access::fingerprints_of(new, touched.as_ref());
            let mut sign_in_again: Vec<String> = after_prints
                .iter()
                .filter(|(id, print)| before.prints.get(id.as_str()).is_some_and(|old| old != *print))
                .map(|(id, _)| id.to_string())
                .collect();
            sign_in_again.sort_unstable();
            let mut writes = Writes::default();
            for (name, (before, after)) in &whole {
                let old = before.as_deref().map_or(save::Old::Missing, |t| save::Old::Text(t.into()));
                writes.files.insert(name.clone(), save::Write { old, new: after.as_deref() });
            }
            for (name, undo) in &undo {
                let Some(id) = new.sources.find(name) else { continue };
                let text = new.sources.get(id).text.as_str();
                writes
                    .files
                    .insert(name.clone(), save::Write { old: save::Old::Spliced { new: text, undo }, new: Some(text) });
            }
            let names: Vec<String> = writes.order().iter().map(|s| s.to_string()).collect();
            if ctx.dry_run {
                let diff = unified_diff(&writes);
                print_result(ctx, &facts, &names, &sign_in_again, Some(&diff))?;
                return Ok(Outcome::Success);
            }
            let mut prepared = BTreeMap::new();
            for (name, handle) in early {
                let done = handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                prepared.insert(name, done.map_err(|e| save::half_written(e, &[], &[]))?);
            }
            save::write_all(root, &writes, &read, prepared)?;
            if !ctx.quiet {
                print_result(ctx, &facts, &names, &sign_in_again, None)?;
            }

            Ok(Outcome::Success)
        })
    }
}

/// What a change compares before and after: who has which access, the cost,
/// and the tests that pass.
struct Summary {
    prints: crate::fxhash::FxHashMap<Id, u64>,
    cost: f64,
    passing: Vec<String>,
}

/// The members whose entries the splices replace.
fn touched_members(ws: &Workspace, splices: &[Splice]) -> crate::fxhash::FxHashSet<Id> {
    let file = ws.sources.find(crate::store::load::MEMBERS_FILE);
    ws.members
        .iter()
        .filter(|m| {
            Some(m.span.file) == file && splices.iter().any(|s| s.start <= m.span.start && m.span.start < s.end)
        })
        .map(|m| m.id.clone())
        .collect()
}

impl Summary {
    fn of(ws: &Workspace, only: Option<&crate::fxhash::FxHashSet<Id>>) -> Summary {
        Summary {
            prints: access::fingerprints_of(ws, only),
            cost: ws.monthly_cost(),
            passing: crate::expect::run(ws, None).into_iter().filter(|o| o.passed).map(|o| o.name).collect(),
        }
    }
}

/// The import row of the member whose entry holds the diagnostic, if any.
fn row_of<'a>(
    ws: &'a Workspace,
    d: &Diagnostic,
    rows: &std::collections::HashMap<String, u64>,
) -> Option<(&'a str, u64)> {
    let span = d.span?;
    if rows.is_empty() || ws.sources.get(span.file).name != crate::store::load::MEMBERS_FILE {
        return None;
    }
    let m = ws
        .members
        .iter()
        .filter(|m| m.span.file == span.file && m.span.start <= span.start)
        .max_by_key(|m| m.span.start)?;
    rows.get(m.id.as_str()).map(|r| (m.id.as_str(), *r))
}

fn print_result(ctx: &Ctx, facts: &[String], files: &[String], sign_in: &[String], diff: Option<&str>) -> Result<()> {
    let text = match ctx.format {
        Format::Json => {
            let mut v = json!({"changes": facts, "files": files, "sign_in_again": sign_in});
            if let Some(d) = diff {
                v["dry_run"] = json!(true);
                v["diff"] = json!(d);
            }
            render::json(&v)
        }
        _ => {
            let mut out = String::new();
            if let Some(d) = diff {
                out.push_str(d);
                out.push_str("dry run: nothing was written\n");
            }
            // A fact is one line, whatever its values hold.
            for f in facts {
                out.push_str(&terminal(f));
                out.push('\n');
            }
            if !files.is_empty() {
                if sign_in.is_empty() {
                    out.push_str("no member's access changed\n");
                } else {
                    out.push_str(&format!("sign in again (their access changed): {}\n", sign_in.join(", ")));
                }
            }
            out
        }
    };
    ctx.print(&text)
}

fn unified_diff(writes: &Writes) -> String {
    let mut out = String::new();
    for name in writes.order() {
        let w = &writes.files[name];
        let before = w.old.text();
        let (a, b) = (before.as_deref().unwrap_or(""), w.new.unwrap_or(""));
        let old_name = if before.is_some() { format!("a/{name}") } else { "/dev/null".into() };
        let new_name = if w.new.is_some() { format!("b/{name}") } else { "/dev/null".into() };
        let diff = similar::TextDiff::from_lines(a, b);
        out.push_str(&diff.unified_diff().context_radius(3).header(&old_name, &new_name).to_string());
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// SPEC §1 and the Carepatron article: only members who may edit workspace
/// settings may change permissions. With `require_actor`, every change names one.
fn check_actor(ws: &Workspace, actor: Option<&str>) -> Result<()> {
    let Some(id) = actor else {
        if ws.settings.require_actor {
            return Err(Error::new(
                Kind::NotPermitted,
                "actor-required",
                "this workspace requires every change to name the member who makes it",
            )
            .hint("pass --as MEMBER (or set ROSTER_ACTOR) with a member who holds settings.edit = all"));
        }
        return Ok(());
    };
    let Some(m) = ws.member(id) else {
        return Err(Error::new(
            Kind::NotPermitted,
            "not-permitted",
            format!("`{id}` (--as) is not a member of the workspace"),
        )
        .hint(match crate::diag::did_you_mean(id, ws.members.iter().map(|m| m.id.as_str())) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "name a member who holds settings.edit = all".into(),
        }));
    };
    let level = ws.area("settings").map_or(Level::None, |area| access::member_level(ws, m, area, "edit").level);
    if level != Level::All {
        return Err(Error::new(
            Kind::NotPermitted,
            "not-permitted",
            format!("`{id}` may not change permissions: their settings.edit is `{level}`, and it must be `all`"),
        )
        .hint("ask a member with settings.edit = all (an administrator) to make this change"));
    }
    Ok(())
}

/// SPEC §1: with `--as`, only the owner changes the owner's own entry. An
/// admin may change anything else, and the owner's entry, being on an admin
/// profile, can never be limited (`admin-limited`); this keeps another admin
/// from suspending, moving or otherwise rewriting the one member who can
/// always edit settings. The entry is compared as it reads before and after
/// the change, whichever command made it and however (an edit of the entry,
/// a transfer, an assignment, a client removed that the owner was assigned).
struct OwnerEntry<'a> {
    actor: &'a str,
    owner: Member,
}

impl<'a> OwnerEntry<'a> {
    /// The owner's entry as read, when the change is made `--as` another member.
    fn guarded(ws: &Workspace, actor: Option<&'a str>) -> Option<OwnerEntry<'a>> {
        let actor = actor?;
        let owner = ws.settings.owner.as_ref().and_then(|o| ws.member(&o.value))?;
        (owner.id != actor).then(|| OwnerEntry { actor, owner: owner.clone() })
    }

    /// Exit 5 when the new state's entry of the owner says something else.
    fn check(&self, new: &Workspace) -> Result<()> {
        if new.member(&self.owner.id).is_some_and(|m| m.same_entry(&self.owner)) {
            return Ok(());
        }
        let owner = &self.owner.id;
        Err(Error::new(
            Kind::NotPermitted,
            "not-permitted",
            format!(
                "only the owner may change the owner's entry: this change would change `{owner}`'s entry in members.toml, and it is made by `{}` (--as); nothing was written",
                self.actor
            ),
        )
        .hint(format!("ask `{owner}` to make this change (--as {owner})")))
    }
}

/// A replacement of bytes `start..end` of a file as it was read (an insertion
/// when they are equal).
#[derive(Clone, Debug)]
pub struct Splice {
    pub start: u32,
    pub end: u32,
    pub text: String,
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
    facts: Vec<String>,
    /// For a bulk import: the CSV row of each member, so that a refusal names it.
    pub rows: std::collections::HashMap<String, u64>,
}

/// A change taken apart, owning all it holds, for [`Session::commit`].
#[derive(Debug)]
pub struct Parts {
    texts: BTreeMap<String, Option<String>>,
    splices: BTreeMap<String, Vec<Splice>>,
    facts: Vec<String>,
    rows: std::collections::HashMap<String, u64>,
}

impl Parts {
    /// The whole-file texts and the entry splices (for tests of the state built in place).
    pub fn into_files(self) -> (BTreeMap<String, Option<String>>, BTreeMap<String, Vec<Splice>>) {
        (self.texts, self.splices)
    }
}

impl<'w> Change<'w> {
    pub fn new(ws: &'w Workspace) -> Change<'w> {
        Change { ws, texts: BTreeMap::new(), splices: BTreeMap::new(), facts: Vec::new(), rows: Default::default() }
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
        Parts { texts: self.texts, splices: self.splices, facts: self.facts, rows: self.rows }
    }

    pub fn fact(&mut self, fact: impl Into<String>) {
        self.facts.push(fact.into());
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

/// `text` with the splices applied (they never overlap).
pub fn apply_splices<'a>(text: &str, splices: impl IntoIterator<Item = &'a Splice>) -> String {
    let mut sorted: Vec<&Splice> = splices.into_iter().collect();
    sorted.sort_by_key(|s| (s.start, s.end));
    let mut out = String::with_capacity(text.len() + sorted.iter().map(|s| s.text.len()).sum::<usize>());
    let mut at = 0;
    for s in sorted {
        out.push_str(&text[at..s.start as usize]);
        out.push_str(&s.text);
        at = s.end as usize;
    }
    out.push_str(&text[at..]);
    out
}
