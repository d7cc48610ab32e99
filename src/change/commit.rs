//! [`Session::commit`], step by step: drop what changes nothing, build and
//! validate the new state, hold it to who may make it, to the rules and to
//! the tests, sum it up (cost, who signs in again), then make its diff
//! (`dry_run`, decided here and nowhere else) or write it.

use super::actor::OwnerEntry;
use super::{Parts, Report, Session};
use crate::access;
use crate::diag::Diagnostic;
use crate::error::{Detail, Details, Error, Kind, Result};
use crate::expect;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::model::{Id, Workspace};
use crate::render;
use crate::source::Undo;
use crate::store::load::{Input, MEMBERS_FILE};
use crate::store::save::{self, Prepared, Writes};
use crate::store::splice::{Splice, apply_splices};
use crate::store::{self, Kept, plural};
use std::collections::BTreeMap;
use std::path::Path;
use std::thread::{Scope, ScopedJoinHandle};

/// Whole new texts by name, each with the old one (`None`: no such file).
type Texts = BTreeMap<String, (Option<String>, Option<String>)>;
/// Entry splices by name, on the text as it was read.
type Splices = BTreeMap<String, Vec<Splice>>;

impl Session {
    /// Validates the changed state, then makes its diff (`dry_run`) or writes
    /// it; a change that breaks a rule, a test or who may make it is refused
    /// with nothing written, its error carrying what to show.
    pub fn commit(self, parts: Parts) -> Result<Report> {
        // The lock is held until the end, the files written.
        let Session { options, mut ws, _lock } = self;
        let Parts { texts, splices, side, facts, people } = parts;
        let (texts, splices) = drop_no_ops(&ws, texts, splices);
        let side: Texts = side
            .into_iter()
            .filter(|(_, (old, new))| old.as_deref() != Some(new.as_str()))
            .map(|(name, (old, new))| (name, (old, Some(new))))
            .collect();
        if texts.is_empty() && splices.is_empty() {
            if side.is_empty() {
                return Ok(Report { facts, people, ..Report::default() });
            }
            // Only files beside the workspace change: the workspace, valid
            // and unchanged, needs no second validation.
            return write_side_only(&options, &ws, &side, facts, people);
        }
        crate::progress::phase("validating the change", 0, crate::progress::Unit::None);
        let touched = touched_members(&ws, &texts, &splices);
        let root = options.root.as_path();
        // What is compared after the change, taken before the workspace moves
        // on, while the spliced files' temporary files are written from the
        // text as read and the splices (not synced yet: the text is free again).
        let (before, written) = std::thread::scope(|scope| {
            let writing =
                if options.dry_run || !texts.is_empty() { Vec::new() } else { write_early(scope, root, &ws, &splices) };
            let before = Summary::of(&ws, touched.as_ref());
            let written: Vec<(String, Result<save::Unsynced>)> = writing
                .into_iter()
                .map(|(name, handle)| (name, handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e))))
                .collect();
            (before, written)
        });
        let owner_entry = OwnerEntry::guarded(&ws, options.actor.as_deref());
        let state = validate(&options.root, &mut ws, texts, splices);
        // Who may make the change comes before whether it is valid.
        if let Some(owner_entry) = &owner_entry {
            owner_entry.check(&ws)?;
        }
        refuse_broken_rules(&mut ws, state.diagnostics)?;
        refuse_no_settings_editor(&ws)?;
        let new: &Workspace = &ws;
        std::thread::scope(|scope| {
            // The spliced files' temporary files (a large members.toml) are
            // synced while the last checks run, on the other core; a refusal
            // below drops them, and `save::write_all` still compares the disk
            // with the old text before anything is put in place.
            let early: Early<'_> = written
                .into_iter()
                .filter(|(name, _)| state.undo.contains_key(name))
                .map(|(name, unsynced)| (name, scope.spawn(move || unsynced.and_then(save::Unsynced::sync))))
                .collect();
            crate::progress::phase("running the tests", 0, crate::progress::Unit::None);
            let broken = tests_guard(new, &before, options.allow_failing_tests)?;
            let (facts, sign_in_again) = sum_up(facts, &before, new, touched.as_ref(), &broken);
            let mut writes = writes(&state.whole, &state.undo, new);
            add_side(&mut writes, &side);
            let files: Vec<String> = writes.order().iter().map(|s| s.to_string()).collect();
            if options.dry_run {
                let diff = Some(unified_diff(&writes));
                return Ok(Report { facts, files, sign_in_again, diff, people });
            }
            // Every file read, with its text as read (built in place, the
            // spliced files hold their new text: `writes` has their old one).
            let read: Vec<(&str, &str)> = state
                .read_state
                .as_deref()
                .unwrap_or(new)
                .sources
                .iter()
                .map(|(_, s)| (s.name.as_str(), s.text.as_str()))
                .collect();
            crate::progress::phase("writing", 0, crate::progress::Unit::None);
            let mut prepared = BTreeMap::new();
            for (name, handle) in early {
                let done = handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                prepared.insert(name, done.map_err(|e| save::half_written(e, &[], &[]))?);
            }
            save::write_all(root, &writes, &read, prepared)?;
            Ok(Report { facts, files, sign_in_again, diff: None, people })
        })
    }
}

/// Files beside the workspace (`reviews/ID.toml`), written with the change.
fn add_side<'a>(writes: &mut Writes<'a>, side: &'a Texts) {
    for (name, (before, after)) in side {
        let old = before.as_deref().map_or(save::Old::Missing, |t| save::Old::Text(t.into()));
        writes.files.insert(name.clone(), save::Write { old, new: after.as_deref() });
    }
}

/// A change of files beside the workspace only: its diff, or the files
/// written, compared with the disk like every change's (the workspace's
/// files included, which the change read).
fn write_side_only(
    options: &super::Options,
    ws: &Workspace,
    side: &Texts,
    facts: Vec<String>,
    people: super::People,
) -> Result<Report> {
    let mut writes = Writes::default();
    add_side(&mut writes, side);
    let files: Vec<String> = writes.order().iter().map(|s| s.to_string()).collect();
    let people = super::People { layout_only: true, ..people };
    if options.dry_run {
        return Ok(Report { facts, files, sign_in_again: Vec::new(), diff: Some(unified_diff(&writes)), people });
    }
    let read: Vec<(&str, &str)> = ws.sources.iter().map(|(_, s)| (s.name.as_str(), s.text.as_str())).collect();
    save::write_all(&options.root, &writes, &read, BTreeMap::new())?;
    Ok(Report { facts, files, sign_in_again: Vec::new(), diff: None, people })
}

/// The old text of a file, if the workspace read one.
fn old_text(ws: &Workspace, name: &str) -> Option<String> {
    ws.sources.find(name).map(|id| ws.sources.get(id).text.clone())
}

/// What changes nothing is not written: whole texts equal to the old ones,
/// and splices that put back the bytes they replace. The whole texts come
/// back with their old ones.
fn drop_no_ops(ws: &Workspace, texts: BTreeMap<String, Option<String>>, mut splices: Splices) -> (Texts, Splices) {
    let texts: Texts = texts
        .into_iter()
        .map(|(name, after)| (old_text(ws, &name), after, name))
        .filter(|(before, after, _)| before != after)
        .map(|(before, after, name)| (name, (before, after)))
        .collect();
    for (name, list) in &mut splices {
        let text = ws.sources.find(name).map_or("", |id| ws.sources.get(id).text.as_str());
        list.retain(|s| text.get(s.start as usize..s.end as usize) != Some(s.text.as_str()));
    }
    splices.retain(|_, list| !list.is_empty());
    (texts, splices)
}

/// When only entries of members.toml are spliced, only the members in them
/// can gain or lose access: those alone are fingerprinted (`None`: everyone).
fn touched_members(ws: &Workspace, texts: &Texts, splices: &Splices) -> Option<FxHashSet<Id>> {
    if !texts.is_empty() || !splices.keys().all(|f| f == MEMBERS_FILE) {
        return None;
    }
    // The ranges replaced, in order (they never overlap): each member is
    // looked up in them, not compared with each (a batch makes a thousand).
    let mut ranges: Vec<(u32, u32)> = splices
        .get(MEMBERS_FILE)
        .map_or(&[][..], |v| v)
        .iter()
        .filter(|s| s.start < s.end)
        .map(|s| (s.start, s.end))
        .collect();
    ranges.sort_unstable();
    let file = ws.sources.find(MEMBERS_FILE);
    let inside = |at: u32| {
        let after = ranges.partition_point(|&(start, _)| start <= at);
        after.checked_sub(1).is_some_and(|i| at < ranges[i].1)
    };
    let touched =
        ws.members.iter().filter(|m| Some(m.span.file) == file && inside(m.span.start)).map(|m| m.id.clone()).collect();
    Some(touched)
}

/// What a change compares before and after: who has which access, the cost,
/// and the tests that pass.
struct Summary {
    prints: FxHashMap<Id, u64>,
    cost: f64,
    passing: Vec<String>,
}

impl Summary {
    fn of(ws: &Workspace, only: Option<&FxHashSet<Id>>) -> Summary {
        Summary {
            prints: access::fingerprints_of(ws, only),
            cost: ws.monthly_cost(),
            passing: expect::run(ws, None).into_iter().filter(|o| o.passed).map(|o| o.name).collect(),
        }
    }
}

/// The new state, with its diagnostics and what writing it needs.
struct NewState {
    /// Whole new texts with their old ones (and, when the state was read
    /// again, the spliced files made whole).
    whole: Texts,
    /// For splices applied in place, by file: what undoes them.
    undo: BTreeMap<String, Vec<Undo>>,
    /// The workspace as read, when the new state was read apart from it:
    /// the files it read must be on disk as they were when it is written.
    read_state: Option<Kept<Workspace>>,
    diagnostics: Vec<Diagnostic>,
}

/// Builds the new state in `ws` and validates it: in place when only
/// entries are spliced, else by reading the new files again.
fn validate(root: &Path, ws: &mut Kept<Workspace>, texts: Texts, splices: Splices) -> NewState {
    if texts.is_empty() { validate_in_place(ws, &splices) } else { validate_read_again(root, ws, texts, &splices) }
}

/// The model takes the splices in place: no copy of a large file is made.
/// The workspace had no error (`Session::begin`): when only members' entries
/// were edited, only they can bring one.
fn validate_in_place(ws: &mut Workspace, splices: &Splices) -> NewState {
    let applied = store::incremental::apply(ws, splices);
    let mut diagnostics = applied.diags;
    diagnostics.extend(match &applied.members_in_place {
        Some(touched) => crate::rules::check_edited_members(ws, touched),
        None => crate::rules::check(ws),
    });
    NewState { whole: Texts::new(), undo: applied.undo, read_state: None, diagnostics }
}

/// The new files, spliced ones made whole, read and checked as a workspace
/// of their own; `ws` becomes it, and the state as read is kept beside it.
fn validate_read_again(root: &Path, ws: &mut Kept<Workspace>, mut whole: Texts, splices: &Splices) -> NewState {
    for (name, list) in splices {
        let before = old_text(ws, name);
        let after = apply_splices(before.as_deref().unwrap_or(""), list);
        whole.insert(name.clone(), (before, Some(after)));
    }
    let mut files: BTreeMap<String, String> =
        ws.sources.iter().map(|(_, s)| (s.name.clone(), s.text.clone())).collect();
    for (name, (_, after)) in &whole {
        match after {
            Some(text) => files.insert(name.clone(), text.clone()),
            None => files.remove(name),
        };
    }
    let checked = store::check_from(root, Input::Memory(&files));
    let read_state = Some(std::mem::replace(ws, Kept::new(checked.workspace)));
    NewState { whole, undo: BTreeMap::new(), read_state, diagnostics: checked.diagnostics }
}

/// Refuses a new state with errors (exit 3). The error carries them, with
/// the files as they would read, each with the member whose entry holds it.
fn refuse_broken_rules(new: &mut Workspace, diagnostics: Vec<Diagnostic>) -> Result<()> {
    let errors: Vec<Diagnostic> = diagnostics.into_iter().filter(Diagnostic::is_error).collect();
    let Some(first) = errors.first() else { return Ok(()) };
    let err = Error::new(
        Kind::Refused,
        first.code,
        format!(
            "the change would break {} rule{} (shown above as the files would read); nothing was written",
            errors.len(),
            plural(errors.len())
        ),
    )
    .hint(first.hint.clone().unwrap_or_else(|| "fix the cause, then run the command again".into()));
    let members = entry_members(new, &errors);
    let items =
        errors.into_iter().zip(members).map(|(diagnostic, member)| Detail::Diagnostic { diagnostic, member }).collect();
    let sources = std::mem::take(&mut new.sources);
    Err(err.details(Details { sources, items, spaced: true }))
}

/// For each diagnostic in members.toml, the member whose entry holds it: the
/// last one that starts at or before it.
fn entry_members(ws: &Workspace, diagnostics: &[Diagnostic]) -> Vec<Option<Id>> {
    let file = ws.sources.find(MEMBERS_FILE);
    let span_in_members = |d: &Diagnostic| d.span.filter(|s| Some(s.file) == file);
    if !diagnostics.iter().any(|d| span_in_members(d).is_some()) {
        return vec![None; diagnostics.len()];
    }
    let mut starts: Vec<(u32, &Id)> =
        ws.members.iter().filter(|m| Some(m.span.file) == file).map(|m| (m.span.start, &m.id)).collect();
    starts.sort_unstable_by_key(|(start, _)| *start);
    diagnostics
        .iter()
        .map(|d| {
            let at = span_in_members(d)?.start;
            let after = starts.partition_point(|(start, _)| *start <= at);
            after.checked_sub(1).map(|i| starts[i].1.clone())
        })
        .collect()
}

/// SPEC §1: somebody must still be able to change permissions.
fn refuse_no_settings_editor(new: &Workspace) -> Result<()> {
    if crate::rules::has_settings_editor(new) {
        return Ok(());
    }
    Err(Error::new(
        Kind::Refused,
        "no-settings-editor",
        "the change would leave no active member who can edit settings (settings.edit = all), and so nobody who may change permissions; nothing was written",
    )
    .hint("keep at least one active member on an admin profile (the owner always is one)"))
}

/// A handle on a spliced file's temporary file, being written.
type Early<'scope> = Vec<(String, ScopedJoinHandle<'scope, Result<Prepared>>)>;

/// Starts writing the temporary file of each spliced file, on other
/// threads, from its text as read and its splices: the bytes the model's text
/// holds once `validate` has applied them (`store::splice::spliced`, the
/// order `incremental::apply` applies them in).
fn write_early<'scope, 'env>(
    scope: &'scope Scope<'scope, 'env>,
    root: &'env Path,
    ws: &'env Workspace,
    splices: &'env Splices,
) -> Vec<(String, ScopedJoinHandle<'scope, Result<save::Unsynced>>)> {
    splices
        .iter()
        .filter_map(|(name, list)| ws.sources.find(name).map(|id| (name, list, ws.sources.get(id).text.as_str())))
        .map(|(name, list, text)| {
            let write = move |out: &mut dyn std::io::Write| {
                store::splice::spliced(text, list).try_for_each(|piece| out.write_all(piece.as_bytes()))
            };
            (name.clone(), scope.spawn(move || save::unsynced_in(root, name, write)))
        })
        .collect()
}

/// SPEC §8: a change may not make a passing test fail, unless allowed; the
/// tests it makes fail, when allowed.
fn tests_guard(new: &Workspace, before: &Summary, allow: bool) -> Result<Vec<expect::Outcome>> {
    let broken: Vec<expect::Outcome> =
        expect::run(new, None).into_iter().filter(|o| !o.passed && before.passing.contains(&o.name)).collect();
    if broken.is_empty() || allow {
        return Ok(broken);
    }
    let names: Vec<String> = broken.iter().map(|b| format!("\"{}\"", b.name)).collect();
    Err(Error::new(
        Kind::Refused,
        "test-failed",
        format!(
            "the change would make {} of tests.toml fail: {}; nothing was written",
            if broken.len() == 1 { "a test" } else { "tests" },
            names.join(", ")
        ),
    )
    .hint("change the expectation in tests.toml if it is meant to change, or pass --allow-failing-tests")
    .details(Details { items: broken.into_iter().map(Detail::FailingTest).collect(), ..Details::default() }))
}

/// The facts the change adds to the command's (tests that now fail, the
/// cost), and who signs in again: the members whose access changed.
fn sum_up(
    mut facts: Vec<String>,
    before: &Summary,
    new: &Workspace,
    touched: Option<&FxHashSet<Id>>,
    broken: &[expect::Outcome],
) -> (Vec<String>, Vec<String>) {
    for b in broken {
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
    let after_prints = access::fingerprints_of(new, touched);
    let mut sign_in_again: Vec<String> = after_prints
        .iter()
        .filter(|(id, print)| before.prints.get(id.as_str()).is_some_and(|old| old != *print))
        .map(|(id, _)| id.to_string())
        .collect();
    sign_in_again.sort_unstable();
    (facts, sign_in_again)
}

/// The files to write: whole texts with their old ones, and spliced files
/// with their new text and what undoes the splices.
fn writes<'a>(whole: &'a Texts, undo: &'a BTreeMap<String, Vec<Undo>>, new: &'a Workspace) -> Writes<'a> {
    let mut writes = Writes::default();
    for (name, (before, after)) in whole {
        let old = before.as_deref().map_or(save::Old::Missing, |t| save::Old::Text(t.into()));
        writes.files.insert(name.clone(), save::Write { old, new: after.as_deref() });
    }
    for (name, undo) in undo {
        let Some(id) = new.sources.find(name) else { continue };
        let text = new.sources.get(id).text.as_str();
        writes.files.insert(name.clone(), save::Write { old: save::Old::Spliced { new: text, undo }, new: Some(text) });
    }
    writes
}

/// A dry run's diff: each file in the order it would be written.
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
