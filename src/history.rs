//! The workspace's history, commit by commit (`roster log`, SPEC §11): for
//! each commit of a range that changed a workspace file, newest first along
//! the first parent, the workspace before and after it and the access changes
//! between them, as `roster diff` computes them (`diff`).
//!
//! How it stays within SPEC §7 (100 commits on 10,000 members within 10x of
//! `check`): the workspace is read whole once, at the newest commit. Each
//! commit's state before is then built from its state after: `git log --raw`
//! says which files the commit changed and gives their blob ids, only those
//! blobs are read (by id, through one `git cat-file --batch` that reads ahead
//! while roster works), and nothing unchanged is read twice. When a commit
//! changed only entries of `members.toml` (the common case: a member edited,
//! added, assigned), the texts are aligned entry by entry ([`entry_splices`]),
//! the changed entries are parsed again and put in place in the one copy of
//! the workspace (`store::incremental`, the path of a change), the rules those
//! members can break run (`rules::check_edited_members`), and only those
//! members are compared, against copies of their entries as they were after
//! the commit (`diff::compare_members`). Any other change (a profile,
//! `clients.toml`, `workspace.toml`, a layout the alignment cannot follow,
//! a state with errors) reads the state before whole, from the texts already
//! in memory, and compares the two states as `diff` does.

use crate::diag::Diagnostic;
use crate::diff::{self, Report, Scope};
use crate::error::Result;
use crate::git::{self, Commit, Repo};
use crate::model::{Member, Workspace};
use crate::rules;
use crate::store::load::{self, Input, MEMBERS_FILE};
use crate::store::splice::Splice;
use crate::store::{self, incremental};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

/// What a log asks about (its filters); every field narrows it.
#[derive(Debug, Default, Clone)]
pub struct Question {
    pub member: Option<String>,
    pub client: Option<String>,
    pub area: Option<(String, Option<String>)>,
}

impl Question {
    pub fn is_open(&self) -> bool {
        self.member.is_none() && self.client.is_none() && self.area.is_none()
    }

    /// What `diff` is asked: the members to compare (`None`: all), and with
    /// a filter, the access a member arrives or leaves with.
    fn scope(&self, members: Option<BTreeSet<String>>, costs: (f64, f64)) -> Scope {
        let members = match (members, &self.member) {
            (Some(ids), Some(m)) => Some(ids.into_iter().filter(|id| id == m).collect()),
            (None, Some(m)) => Some(BTreeSet::from([m.clone()])),
            (ids, None) => ids,
        };
        Scope {
            members,
            clients: self.client.clone().map(|c| vec![c]),
            area: self.area.clone(),
            arrivals: !self.is_open(),
            costs: Some(costs),
        }
    }
}

/// Every member, client and area.action met in the states walked: what
/// `log` tells a typo in a filter from a name of the past by.
#[derive(Debug, Default)]
pub struct Seen {
    pub members: BTreeSet<String>,
    pub clients: BTreeSet<String>,
    pub actions: BTreeMap<String, BTreeSet<String>>,
}

impl Seen {
    fn learn(&mut self, ws: &Workspace) {
        for m in &ws.members {
            if !self.members.contains(m.id.as_str()) {
                self.members.insert(m.id.to_string());
            }
        }
        self.clients.extend(ws.clients.iter().map(|c| c.id.to_string()));
        for a in &ws.areas {
            self.actions.entry(a.id.clone()).or_default().extend(a.actions.iter().map(|x| x.value.clone()));
        }
    }
}

/// Why a commit's changes could not be computed: a workspace with errors.
#[derive(Debug, Clone)]
pub struct Problem {
    pub errors: usize,
    /// The first error, as `check --format json` prints it.
    pub first: Value,
}

/// What a commit did to the workspace.
#[derive(Debug)]
pub enum Outcome {
    /// The access changes between its first parent and it.
    Changes(Report),
    /// The workspace at this commit has errors.
    Invalid(Problem),
    /// The workspace at its first parent has errors: nothing to compare with.
    InvalidBefore(Problem),
}

/// One commit of the walk.
#[derive(Debug)]
pub struct Step {
    pub commit: Commit,
    pub outcome: Outcome,
    /// The workspace did not exist before this commit: the walk ends here.
    pub created: bool,
    /// The commit the changes are counted from, when it is not the first
    /// parent: the workspace at the first parent had errors, and the changes
    /// are those since the last commit before whose workspace had none.
    pub compared_with: Option<String>,
    /// The workspace's currency (the one after the commit, or before it when
    /// the commit removed the workspace).
    pub currency: String,
}

#[derive(Debug, Clone)]
enum Status {
    Valid,
    Invalid(Problem),
    /// No workspace file at all.
    Absent,
}

/// The workspace at one commit: the model, each file's blob id, whether it
/// is valid, and its monthly cost (computed once).
#[derive(Debug)]
struct State {
    ws: Workspace,
    ids: BTreeMap<String, String>,
    status: Status,
    /// The seats by tier ([`Workspace::seats`]) and what they cost.
    seats: Vec<u64>,
    cost: f64,
}

impl State {
    fn new(ws: Workspace, ids: BTreeMap<String, String>, status: Status) -> State {
        let seats = ws.seats();
        State::with_seats(ws, ids, status, seats)
    }

    /// A state whose seats are known (worked out from the next state's).
    fn with_seats(ws: Workspace, ids: BTreeMap<String, String>, status: Status, seats: Vec<u64>) -> State {
        // `+ 0.0`: the sum of no member is -0.0, which would print as such.
        let cost = ws.cost_of(&seats) + 0.0;
        State { ws, ids, status, seats, cost }
    }
}

/// How many commits are read ahead, their blobs asked for.
const LOOKAHEAD: usize = 2;

/// The walk: a `git log` read as it comes, and the state at the next commit.
#[derive(Debug)]
pub struct Walk<'r> {
    repo: &'r Repo,
    root: PathBuf,
    question: Question,
    log: git::Log,
    log_done: bool,
    blobs: git::Blobs,
    queue: VecDeque<Commit>,
    /// The state at the next commit (none before the first).
    after: Option<State>,
    /// The range has several tips: each commit's tree is listed to know its state.
    several_tips: bool,
    ended: bool,
    /// How many states were built in place (the tests hold the fast path to it).
    in_place_steps: usize,
    /// The state after a commit whose state before has errors (it fixed them).
    fixed: Option<State>,
    /// Steps walked ahead, in order, to count what a fix changed.
    ready: VecDeque<Step>,
    seen: Seen,
}

/// The state before a commit, built in place from the state after it.
struct InPlace {
    before: State,
    /// The members it may have changed, as they were after the commit (none:
    /// the commit added the member).
    after: BTreeMap<String, Option<Member>>,
}

impl<'r> Walk<'r> {
    /// Starts `git log` on `range` (checked with `Repo::revisions` first, so
    /// that a bad range is git's error before anything is read).
    pub fn new(repo: &'r Repo, root: &Path, range: &str, question: Question) -> Result<Walk<'r>> {
        let revisions = repo.revisions(range)?;
        let log = repo.log(range)?;
        let blobs = repo.blobs()?;
        Ok(Walk {
            repo,
            root: root.to_path_buf(),
            question,
            log,
            log_done: false,
            blobs,
            queue: VecDeque::new(),
            after: None,
            several_tips: revisions.include.len() > 1,
            ended: false,
            in_place_steps: 0,
            fixed: None,
            ready: VecDeque::new(),
            seen: Seen::default(),
        })
    }

    fn pop_commit(&mut self) -> Result<Option<Commit>> {
        while self.queue.len() < LOOKAHEAD && !self.log_done {
            match self.log.next_commit()? {
                Some(commit) => {
                    for f in &commit.files {
                        if let Some(id) = &f.before {
                            self.blobs.request(id)?;
                        }
                    }
                    self.queue.push_back(commit);
                }
                None => self.log_done = true,
            }
        }
        Ok(self.queue.pop_front())
    }

    /// The next commit, newest first; `None` at the end of the range or once
    /// the commit that created the workspace was returned.
    ///
    /// A commit that fixed a workspace with errors is compared with the last
    /// state before it that had none: the commits between, whose workspace
    /// had errors, are walked first (and returned after it, as invalid), so
    /// that what they changed together is not lost to the log.
    pub fn next_step(&mut self) -> Result<Option<Step>> {
        if let Some(step) = self.ready.pop_front() {
            return Ok(Some(step));
        }
        let Some(mut step) = self.step()? else { return Ok(None) };
        let Some(fixed) = self.fixed.take() else { return Ok(Some(step)) };
        let mut stretch: Vec<Step> = Vec::new();
        loop {
            if let (Some(base), Some(last)) = (&self.after, stretch.last())
                && matches!(base.status, Status::Valid)
            {
                let scope = self.question.scope(None, (base.cost, fixed.cost));
                step.outcome = Outcome::Changes(diff::compare_in(&base.ws, &fixed.ws, &scope));
                step.compared_with = last.commit.parent.clone();
                break;
            }
            match self.step()? {
                Some(s) => {
                    let invalid = matches!(s.outcome, Outcome::Invalid(_));
                    stretch.push(s);
                    if !invalid {
                        break;
                    }
                }
                None => break,
            }
        }
        self.ready.extend(stretch);
        Ok(Some(step))
    }

    /// The next commit and what it did against its first parent.
    fn step(&mut self) -> Result<Option<Step>> {
        if self.ended {
            return Ok(None);
        }
        let Some(commit) = self.pop_commit()? else { return Ok(None) };
        // The state at this commit: the one before the previous commit,
        // unless (several tips, an unusual history) it is not.
        let mut after = match self.after.take() {
            Some(s) if self.is_state_at(&s, &commit)? => s,
            _ => {
                let ids = self.repo.tree_at(&commit.id)?;
                let files = self.repo.read_blobs(&ids)?;
                self.full_state(&files, ids)
            }
        };
        // The texts of the files it changed, as they were before it.
        let mut changed: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut before_ids = after.ids.clone();
        for f in &commit.files {
            match &f.before {
                Some(id) => {
                    changed.insert(f.name.clone(), Some(self.blobs.read()?));
                    before_ids.insert(f.name.clone(), id.clone());
                }
                None => {
                    changed.insert(f.name.clone(), None);
                    before_ids.remove(&f.name);
                }
            }
        }
        let created = before_ids.is_empty();
        let currency = after.ws.settings.currency.clone();
        let (before, outcome) = if created {
            let before = State::new(empty(&self.root), before_ids, Status::Absent);
            let outcome = self.outcome(&before, &after);
            (before, outcome)
        } else {
            match self.in_place(&mut after, &changed, &before_ids) {
                Ok(Some(InPlace { before, after: entries })) => {
                    self.in_place_steps += 1;
                    let pairs = entries.iter().map(|(id, ma)| (before.ws.member(id), ma.as_ref())).collect();
                    let scope = self.question.scope(None, (before.cost, after.cost));
                    let pairs = match &self.question.member {
                        Some(m) => pairs_of(pairs, m),
                        None => pairs,
                    };
                    let outcome = Outcome::Changes(diff::compare_members(&before.ws, pairs, &scope));
                    (before, outcome)
                }
                // Not tried: `after` is intact.
                Ok(None) => {
                    let files = texts(&after, &changed, &before_ids);
                    let before = self.full_state(&files, before_ids);
                    let outcome = self.outcome(&before, &after);
                    (before, outcome)
                }
                // Tried, and the state before has errors (or an entry twice):
                // it is read whole, for the diagnostics `check` gives.
                Err(after_texts) => {
                    let files = texts_over(&after_texts, &changed, &before_ids);
                    let before = self.full_state(&files, before_ids);
                    after = self.full_state(&after_texts, after.ids);
                    let outcome = self.outcome(&before, &after);
                    (before, outcome)
                }
            }
        };
        let currency =
            if matches!(after.status, Status::Absent) { before.ws.settings.currency.clone() } else { currency };
        for text in changed.into_values().flatten() {
            self.blobs.recycle(text);
        }
        self.after = Some(before);
        self.ended = created;
        if matches!(outcome, Outcome::InvalidBefore(_)) {
            self.fixed = Some(after);
        }
        Ok(Some(Step { commit, outcome, created, compared_with: None, currency }))
    }

    /// What the walk has met so far (empty before the first commit).
    pub fn seen(&self) -> &Seen {
        &self.seen
    }

    /// The outcome of two states read whole.
    fn outcome(&self, before: &State, after: &State) -> Outcome {
        match (&before.status, &after.status) {
            (_, Status::Invalid(p)) => Outcome::Invalid(p.clone()),
            (Status::Invalid(p), _) => Outcome::InvalidBefore(p.clone()),
            _ => {
                let scope = self.question.scope(None, (before.cost, after.cost));
                Outcome::Changes(diff::compare_in(&before.ws, &after.ws, &scope))
            }
        }
    }

    /// Whether `state` is the workspace at `commit`: the files it changed
    /// have, in `state`, the blobs it left (and, with several tips, the whole
    /// tree is the same).
    fn is_state_at(&self, state: &State, commit: &Commit) -> Result<bool> {
        if self.several_tips {
            return Ok(self.repo.tree_at(&commit.id)? == state.ids);
        }
        Ok(commit.files.iter().all(|f| state.ids.get(&f.name) == f.after.as_ref()))
    }

    /// A state read whole from its texts.
    fn full_state(&mut self, files: &BTreeMap<String, String>, ids: BTreeMap<String, String>) -> State {
        if ids.is_empty() {
            return State::new(empty(&self.root), ids, Status::Absent);
        }
        let checked = store::check_from(&self.root, Input::Memory(files));
        self.seen.learn(&checked.workspace);
        let status = status_of(&checked);
        State::new(checked.workspace, ids, status)
    }

    /// Turns `after` into the state before a commit that changed entries of
    /// `members.toml` alone, in place. `Ok(None)`: not possible, `after` is
    /// intact. `Err(texts)`: the state before has errors (or an entry written
    /// twice), and `after`'s model is spent; its texts are returned.
    fn in_place(
        &mut self,
        after: &mut State,
        changed: &BTreeMap<String, Option<String>>,
        before_ids: &BTreeMap<String, String>,
    ) -> std::result::Result<Option<InPlace>, BTreeMap<String, String>> {
        let new = match changed.get(MEMBERS_FILE) {
            Some(Some(text)) if changed.len() == 1 && matches!(after.status, Status::Valid) => text,
            _ => return Ok(None),
        };
        let ws = &mut after.ws;
        let Some(old) = source_text(ws, MEMBERS_FILE) else { return Ok(None) };
        let Some(ranges) = ws.members.iter().map(|m| m.entry).collect::<Option<Vec<(u32, u32)>>>() else {
            return Ok(None);
        };
        let Some(splices) = entry_splices(old, &ranges, new) else { return Ok(None) };
        // The alignment makes the new text by construction (the tests hold it to that).
        debug_assert!(gives(old, &splices, new));
        // The members the splices cover, as they are after the commit.
        let old_ranges = spliced(&splices, false);
        let covered: BTreeMap<String, (Member, Option<String>)> = ws
            .members
            .iter()
            .filter(|m| inside(&old_ranges, m.span.start))
            .map(|m| {
                let entry = m.entry.and_then(|(a, b)| old.get(a as usize..b as usize)).map(str::to_string);
                (m.id.to_string(), (m.clone(), entry))
            })
            .collect();
        // The seats before the commit: those after it, less the covered
        // members', plus those of the entries that stood there (nothing else
        // decides a seat changed: only members.toml did).
        let mut seats = after.seats.clone();
        for t in ws.members.iter().filter(|m| inside(&old_ranges, m.span.start)).filter_map(|m| ws.seat(m)) {
            seats[t] -= 1;
        }
        let list = BTreeMap::from([(MEMBERS_FILE.to_string(), splices)]);
        let applied = incremental::apply(ws, &list);
        let splices = &list[MEMBERS_FILE];
        let new_ranges = spliced(splices, true);
        for t in ws.members.iter().filter(|m| inside(&new_ranges, m.span.start)).filter_map(|m| ws.seat(m)) {
            seats[t] += 1;
        }
        let text = source_text(ws, MEMBERS_FILE).unwrap_or("");
        // Of the entries kept in place, those whose text is the same did not change.
        let (mut entries, edited): (BTreeMap<String, Option<Member>>, Option<Vec<usize>>) = match &applied
            .members_in_place
        {
            Some(at) => {
                let edited: Vec<usize> = at
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let m = &ws.members[i];
                        let now = m.entry.and_then(|(a, b)| text.get(a as usize..b as usize));
                        covered.get(m.id.as_str()).is_none_or(|(_, was)| was.is_none() || was.as_deref() != now)
                    })
                    .collect();
                let entries =
                    edited.iter().map(|&i| ws.members[i].id.to_string()).map(|id| (id.clone(), None)).collect();
                (entries, Some(edited))
            }
            None => {
                let mut ids: BTreeMap<String, Option<Member>> = covered.keys().map(|id| (id.clone(), None)).collect();
                ids.extend(
                    ws.members.iter().filter(|m| inside(&new_ranges, m.span.start)).map(|m| (m.id.to_string(), None)),
                );
                (ids, None)
            }
        };
        for (id, slot) in entries.iter_mut() {
            *slot = covered.get(id).map(|(m, _)| m.clone());
        }
        let spent = |ws: &Workspace| {
            // The texts after the commit: members.toml's from what undoes the splices.
            let mut texts = state_texts(&after.ids, ws);
            texts.insert(MEMBERS_FILE.to_string(), crate::source::undone(text, &applied.undo[MEMBERS_FILE]).collect());
            texts
        };
        // An id read twice (an entry written again elsewhere) is for a whole read to report.
        if edited.is_none() && has_duplicates(&ws.members) {
            return Err(spent(ws));
        }
        let mut errors: Vec<Diagnostic> = applied.diags.iter().filter(|d| d.is_error()).cloned().collect();
        if errors.is_empty() {
            errors = match &edited {
                Some(at) => rules::check_edited_members(ws, at),
                None => rules::check(ws),
            };
            // A conflict is listed by the comparison, not a reason to stop.
            errors.retain(crate::separation::blocks_comparison);
        }
        if !errors.is_empty() {
            return Err(spent(ws));
        }
        self.seen.members.extend(entries.keys().cloned());
        let ws = std::mem::replace(&mut after.ws, empty(&self.root));
        Ok(Some(InPlace { before: State::with_seats(ws, before_ids.clone(), Status::Valid, seats), after: entries }))
    }
}

/// The pairs of the one member a log asks about.
fn pairs_of<'m>(
    pairs: Vec<(Option<&'m Member>, Option<&'m Member>)>,
    id: &str,
) -> Vec<(Option<&'m Member>, Option<&'m Member>)> {
    pairs.into_iter().filter(|(b, a)| b.or(*a).is_some_and(|m| m.id.as_str() == id)).collect()
}

/// Where each splice lies: in the text before it (`new` false) or after it.
fn spliced(list: &[Splice], new: bool) -> Vec<(u32, u32)> {
    let mut ranges = Vec::with_capacity(list.len());
    let mut delta = 0i64;
    for s in list {
        let start = if new { (s.start as i64 + delta) as u32 } else { s.start };
        let len = if new { s.text.len() as u32 } else { s.end - s.start };
        ranges.push((start, start + len));
        delta += s.text.len() as i64 - (s.end as i64 - s.start as i64);
    }
    ranges
}

fn inside(ranges: &[(u32, u32)], at: u32) -> bool {
    let i = ranges.partition_point(|&(_, b)| b <= at);
    ranges.get(i).is_some_and(|&(a, _)| a <= at)
}

/// Whether the splices turn `old` into `new`, compared piece by piece.
#[cfg_attr(not(any(test, debug_assertions)), allow(dead_code))]
fn gives(old: &str, splices: &[Splice], new: &str) -> bool {
    let mut at_old = 0;
    let mut rest = new;
    for s in splices {
        let (a, b) = (s.start as usize, s.end as usize);
        let Some(kept) = old.get(at_old..a) else { return false };
        let Some(r) = rest.strip_prefix(kept).and_then(|r| r.strip_prefix(s.text.as_str())) else { return false };
        rest = r;
        at_old = b;
    }
    old.get(at_old..) == Some(rest)
}

fn status_of(checked: &store::Checked) -> Status {
    let mut errors = checked.diagnostics.iter().filter(|d| crate::separation::blocks_comparison(d));
    match errors.next() {
        None => Status::Valid,
        Some(first) => {
            Status::Invalid(Problem { errors: 1 + errors.count(), first: first.to_json(&checked.workspace.sources) })
        }
    }
}

/// A workspace with no file: what there is before the commit that created it.
fn empty(root: &Path) -> Workspace {
    load::load_from(root, Input::Memory(&BTreeMap::new())).workspace
}

fn source_text<'w>(ws: &'w Workspace, name: &str) -> Option<&'w str> {
    ws.sources.find(name).map(|id| ws.sources.get(id).text.as_str())
}

/// The texts of a state's files (those of `ids`), from its model: every
/// file the loader reads is in its sources.
fn state_texts(ids: &BTreeMap<String, String>, ws: &Workspace) -> BTreeMap<String, String> {
    ids.keys().filter_map(|name| Some((name.clone(), source_text(ws, name)?.to_string()))).collect()
}

/// The texts before a commit: those it changed as they were, the others as after it.
fn texts(
    after: &State,
    changed: &BTreeMap<String, Option<String>>,
    before_ids: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    texts_over(&state_texts(&after.ids, &after.ws), changed, before_ids)
}

fn texts_over(
    after: &BTreeMap<String, String>,
    changed: &BTreeMap<String, Option<String>>,
    before_ids: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    before_ids
        .keys()
        .filter_map(|name| {
            let text = match changed.get(name) {
                Some(text) => text.clone(),
                None => after.get(name).cloned(),
            };
            Some((name.clone(), text?))
        })
        .collect()
}

fn has_duplicates(members: &[Member]) -> bool {
    let mut seen = crate::fxhash::FxHashSet::default();
    !members.iter().all(|m| seen.insert(m.id.as_str()))
}

/// How far ahead (in bytes, beyond the text replaced) an entry is looked for
/// in the new text, and how many entries in a row may be missing from it,
/// before the alignment gives up and the file is read whole.
const WINDOW: usize = 256 * 1024;
const MAX_SKIP: usize = 32;

/// Splices that turn `old` into `new`, each covering whole entries
/// (`ranges`, the entries of `old` in file order), so that only the entries
/// they cover are parsed again; `None` when the two texts cannot be aligned
/// that way (then the file is read whole).
///
/// Each entry of `old`, with what follows it up to the next entry, is
/// matched in `new` in turn; where one differs, the next entry found a little
/// further on closes the splice. A splice starts one entry earlier than the
/// first difference: a line added after an entry belongs to that entry's
/// table. The text before the first entry must be the same: what is written
/// there (a `[members]` header, dotted keys) is not an entry.
pub fn entry_splices(old: &str, ranges: &[(u32, u32)], new: &str) -> Option<Vec<Splice>> {
    let starts: Vec<usize> = ranges.iter().map(|&(a, _)| a as usize).collect();
    let count = starts.len();
    let sorted = ranges.windows(2).all(|w| w[0].1 <= w[1].0 && w[0].0 < w[1].0);
    let first = *starts.first()?;
    if !sorted || ranges.last().is_some_and(|r| r.1 as usize > old.len()) || new.get(..first) != old.get(..first) {
        return None;
    }
    let unit = |i: usize| (starts[i], starts.get(i + 1).copied().unwrap_or(old.len()));
    let mut out: Vec<Splice> = Vec::new();
    let push = |out: &mut Vec<Splice>, start: usize, end: usize, text: &str| match out.last_mut() {
        Some(last) if last.end as usize == start => {
            last.end = end as u32;
            last.text.push_str(text);
        }
        _ => out.push(Splice { start: start as u32, end: end as u32, text: text.to_string() }),
    };
    // Where the last entry that matched starts, in `old` and in `new`.
    let mut clean: Option<(usize, usize)> = None;
    let (mut i, mut n) = (0, first);
    while i < count {
        let (a, b) = unit(i);
        if new.get(n..)?.starts_with(&old[a..b]) {
            clean = Some((a, n));
            n += b - a;
            i += 1;
            continue;
        }
        // From the entry before (its table may have gained a line), or this one.
        let (from_old, from_new) = match clean {
            Some((ca, cn)) if unit_end(&starts, old.len(), ca) == a => (ca, cn),
            _ => (a, n),
        };
        let mut found = None;
        for j in i + 1..count.min(i + 1 + MAX_SKIP) {
            let (aj, bj) = unit(j);
            let end = new.len().min(n + (aj - a) + (bj - aj) + WINDOW);
            if let Some(q) = new.get(n..end).and_then(|w| w.find(&old[aj..bj])) {
                found = Some((j, n + q));
                break;
            }
        }
        match found {
            Some((j, q)) => {
                push(&mut out, from_old, starts[j], new.get(from_new..q)?);
                n = q;
                i = j;
            }
            None if count - i <= MAX_SKIP => {
                push(&mut out, from_old, old.len(), new.get(from_new..)?);
                n = new.len();
                i = count;
            }
            None => return None,
        }
        clean = None;
    }
    if n < new.len() {
        // Text after the last entry: that entry is read again with it.
        let (a, cn) = clean?;
        push(&mut out, a, old.len(), new.get(cn..)?);
    }
    Some(out)
}

/// The end of the unit (entry and what follows it) that starts at `start`.
fn unit_end(starts: &[usize], len: usize, start: usize) -> usize {
    let i = starts.partition_point(|&s| s <= start);
    starts.get(i).copied().unwrap_or(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Params, Rng, generate};

    fn small() -> BTreeMap<String, String> {
        generate(&Params { members: 300, clients: 80, profiles: 8, ..Params::default() })
    }

    fn load(files: &BTreeMap<String, String>) -> load::Loaded {
        load::load_from(Path::new("/nonexistent"), Input::Memory(files))
    }

    /// One to four random edits of a members.toml as people and roster make
    /// them: values changed, keys added after an entry's last line, entries
    /// added, removed and moved, comments, text at the end, a sub-table of
    /// another entry written far from it, the header comment changed.
    /// `gentle`: only what roster's own changes write (no sub-table far from
    /// its entry, no change of the header comment).
    fn edit_randomly(text: &str, rng: &mut Rng, fresh: &mut usize, gentle: bool) -> String {
        let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
        for _ in 0..1 + rng.below(4) {
            let headers: Vec<usize> =
                lines.iter().enumerate().filter(|(_, l)| l.starts_with("[members.")).map(|(i, _)| i).collect();
            let h = headers[rng.below(headers.len())];
            let end = headers.iter().copied().find(|&x| x > h).unwrap_or(lines.len());
            *fresh += 1;
            match rng.below(if gentle { 8 } else { 10 }) {
                0 | 1 => {
                    if let Some(l) = lines[h..end].iter_mut().find(|l| l.starts_with("name = ")) {
                        *l = format!("name = \"Changed {fresh}\"\n");
                    }
                }
                2 => {
                    // After the blank line that ends the entry: still its table.
                    lines.insert(end, "credit_limit = 7\n".into());
                }
                3 => {
                    lines.drain(h..end);
                }
                4 => {
                    let entry = format!(
                        "[members.new{fresh}]\nname = \"New\"\nemail = \"new{fresh}@example.com\"\nprofile = \"p0001\"\n\n"
                    );
                    lines.insert(h, entry);
                }
                5 => {
                    let entry: Vec<String> = lines.drain(h..end).collect();
                    let at = rng.below(lines.len() - 1) + 1;
                    let at = lines
                        .iter()
                        .enumerate()
                        .skip(at)
                        .find(|(_, l)| l.starts_with("[members."))
                        .map_or(lines.len(), |(i, _)| i);
                    lines.splice(at..at, entry);
                }
                6 => {
                    let at = 1 + rng.below(lines.len() - 1);
                    lines.insert(at, format!("# note {fresh}\n"));
                }
                7 => lines.push(format!("status = \"invited\" # at the end {fresh}\n")),
                8 => {
                    let id = lines[h].trim().trim_start_matches("[members.").trim_end_matches(']').to_string();
                    lines.push(format!("\n[members.{id}.grants]\narea1 = {{ view = \"none\" }}\n"));
                }
                _ => lines[0] = format!("# header {fresh}\n"),
            }
        }
        lines.concat()
    }

    /// Wherever the alignment gives splices, they make the new text, and the
    /// state built in place from them is the one a full read gives: every
    /// field and span of every member. Where it reads an error, a full read
    /// (which the walk then does) decides.
    #[test]
    fn splices_build_the_state_of_a_full_read() {
        let files = small();
        let mut rng = Rng(19);
        let mut fresh = 0;
        let (mut aligned, mut clean) = (0, 0);
        for _ in 0..250 {
            let old = &files[MEMBERS_FILE];
            let new = edit_randomly(old, &mut rng, &mut fresh, false);
            let mut ws = load(&files).workspace;
            let ranges: Vec<(u32, u32)> = ws.members.iter().map(|m| m.entry.expect("entry")).collect();
            let Some(splices) = entry_splices(old, &ranges, &new) else { continue };
            aligned += 1;
            assert!(gives(old, &splices, &new), "{splices:?}");
            let applied = incremental::apply(&mut ws, &BTreeMap::from([(MEMBERS_FILE.to_string(), splices)]));
            assert_eq!(source_text(&ws, MEMBERS_FILE), Some(new.as_str()));
            if applied.diags.iter().any(Diagnostic::is_error)
                || (applied.members_in_place.is_none() && has_duplicates(&ws.members))
            {
                continue;
            }
            clean += 1;
            let mut new_files = files.clone();
            new_files.insert(MEMBERS_FILE.into(), new.clone());
            let full = load(&new_files);
            assert!(!full.diagnostics.iter().any(Diagnostic::is_error), "{new}\n{:?}", full.diagnostics);
            assert_eq!(format!("{:?}", ws.members), format!("{:?}", full.workspace.members), "{new}");
        }
        assert!(aligned > 180 && clean > 120, "{aligned} aligned, {clean} clean");
    }

    #[test]
    fn an_edit_before_the_first_entry_is_read_whole() {
        let files = small();
        let old = &files[MEMBERS_FILE];
        let ws = load(&files).workspace;
        let ranges: Vec<(u32, u32)> = ws.members.iter().map(|m| m.entry.expect("entry")).collect();
        assert_eq!(entry_splices(old, &ranges, old).map(|s| s.len()), Some(0));
        assert!(entry_splices(old, &ranges, &old.replacen("# Generated", "# Changed", 1)).is_none());
        // A line after the last entry: that entry is read again with it.
        let tail = format!("{old}status = \"invited\"\n");
        let splices = entry_splices(old, &ranges, &tail).expect("aligned");
        assert_eq!(splices.len(), 1);
        assert_eq!(splices[0].start, ranges.last().expect("last").0);
    }

    fn git(dir: &Path, args: &[&str]) {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn commit(repo: &Path, ws: &Path, files: &BTreeMap<String, String>, message: &str) {
        crate::generate::write(ws, files).expect("write");
        git(repo, &["add", "-A"]);
        git(repo, &["commit", "-qm", message]);
    }

    /// Each step of a walk is what reading both states whole and comparing
    /// them as `diff` does gives: in-place states, whole reads, entries added
    /// and removed, a profile, clients, a commit with errors and its fix, a
    /// merge, a commit outside the workspace.
    #[test]
    fn each_step_is_the_comparison_of_two_whole_reads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = dir.path();
        let ws = repo.join("conf");
        git(repo, &["init", "-q", "-b", "main"]);
        let mut files = small();
        commit(repo, &ws, &files, "created");
        let mut rng = Rng(3);
        let mut fresh = 0;
        let edit = |files: &mut BTreeMap<String, String>, rng: &mut Rng, fresh: &mut usize| {
            loop {
                let mut next = files.clone();
                next.insert(MEMBERS_FILE.into(), edit_randomly(&files[MEMBERS_FILE], rng, fresh, true));
                if load(&next).diagnostics.iter().all(|d| !d.is_error())
                    && !store::check_from(Path::new("/x"), Input::Memory(&next)).errors().any(|_| true)
                {
                    *files = next;
                    return;
                }
            }
        };
        for i in 0..6 {
            edit(&mut files, &mut rng, &mut fresh);
            commit(repo, &ws, &files, &format!("members {i}"));
        }
        // Another valid profile's grants and tier.
        let p1 = files["profiles/p0002.toml"].replace("Profile 2", "Profile 1");
        files.insert("profiles/p0001.toml".into(), p1);
        commit(repo, &ws, &files, "a profile");
        let clients: String = files["clients.toml"]
            .split_inclusive('\n')
            .map(|l| if l.starts_with("created_by = ") { "created_by = \"m000007\"\n" } else { l })
            .collect();
        files.insert("clients.toml".into(), clients);
        commit(repo, &ws, &files, "clients");
        std::fs::write(repo.join("README"), "outside\n").expect("write");
        git(repo, &["add", "-A"]);
        git(repo, &["commit", "-qm", "outside the workspace"]);
        let good = files.clone();
        files.insert(MEMBERS_FILE.into(), files[MEMBERS_FILE].replacen("profile = \"p0", "profile = \"nope", 1));
        commit(repo, &ws, &files, "broken");
        files = good.clone();
        commit(repo, &ws, &files, "fixed");
        git(repo, &["checkout", "-qb", "side"]);
        edit(&mut files, &mut rng, &mut fresh);
        commit(repo, &ws, &files, "on the side");
        git(repo, &["checkout", "-q", "main"]);
        let mut main_files = good.clone();
        edit(&mut main_files, &mut rng, &mut fresh);
        commit(repo, &ws, &main_files, "on main");
        git(repo, &["merge", "-q", "-X", "theirs", "--no-edit", "side"]);
        for _ in 0..3 {
            let head = crate::git::locate(&ws).expect("repo");
            let mut next = head.files_at(&head.resolve("HEAD").expect("HEAD")).expect("files");
            edit(&mut next, &mut rng, &mut fresh);
            commit(repo, &ws, &next, "after the merge");
        }

        let r = crate::git::locate(&ws).expect("repo");
        for question in [
            Question::default(),
            Question { member: Some("m000007".into()), ..Question::default() },
            Question { client: Some("c000003".into()), area: Some(("area1".into(), None)), ..Question::default() },
        ] {
            let mut walk = Walk::new(&r, &ws, "HEAD", question.clone()).expect("walk");
            let mut steps = 0;
            while let Some(step) = walk.next_step().expect("step") {
                steps += 1;
                let at = |rev: Option<&str>| -> (Workspace, Status) {
                    let files = rev.map_or_else(BTreeMap::new, |c| r.files_at(c).expect("files"));
                    if files.is_empty() {
                        return (empty(&ws), Status::Absent);
                    }
                    let checked = store::check_from(&ws, Input::Memory(&files));
                    let status = status_of(&checked);
                    (checked.workspace, status)
                };
                let (after, after_status) = at(Some(&step.commit.id));
                // A fix is compared with the last state without errors.
                let (before, before_status) = at(step.compared_with.as_deref().or(step.commit.parent.as_deref()));
                let truth = match (&before_status, &after_status) {
                    (_, Status::Invalid(p)) => format!("invalid {} {}", p.errors, p.first),
                    (Status::Invalid(p), _) => format!("invalid before {} {}", p.errors, p.first),
                    _ => {
                        let costs = (before.monthly_cost() + 0.0, after.monthly_cost() + 0.0);
                        let scope = question.scope(None, costs);
                        format!("{:?}", diff::compare_in(&before, &after, &scope))
                    }
                };
                let got = match &step.outcome {
                    Outcome::Invalid(p) => format!("invalid {} {}", p.errors, p.first),
                    Outcome::InvalidBefore(p) => format!("invalid before {} {}", p.errors, p.first),
                    Outcome::Changes(report) => format!("{report:?}"),
                };
                assert_eq!(got, truth, "{}: {}", step.commit.subject, step.commit.id);
            }
            // Every commit but the one outside the workspace, and the merged side commit.
            assert_eq!(steps, 16, "{question:?}");
            // The edits of members' entries alone, built in place.
            assert!(walk.in_place_steps >= 9, "{} in place", walk.in_place_steps);
        }
    }
}
