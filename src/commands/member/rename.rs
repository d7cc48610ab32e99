//! `roster member rename OLD NEW`: a member's id, everywhere the workspace
//! names it, in one change: the entry's key (in its place, with its comments),
//! `owner`, clients' `created_by`, the tests of `tests.toml`, the teams of
//! `teams.toml` (members and leads), and the items, reviewers and deciders
//! of the review campaigns that still have pending items. With `--as`,
//! only the owner renames the owner (the change guard of `change::actor`).

use crate::change::{Change, Session};
use crate::commands::args::new_id;
use crate::commands::review::items;
use crate::commands::{Ctx, find_member};
use crate::error::{Error, Kind, Outcome, Result};
use crate::model::{AccessTest, TestKind, Workspace};
use crate::review::{self, rename::InCampaign};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster --dry-run member rename bob bob.durand    see every file it touches first
  roster member rename bob bob.durand"#)]
pub struct RenameArgs {
    /// The member's id now
    pub old: String,
    /// Their new id (a-z, 0-9, `.`, `_`, `-`; not taken)
    pub new: String,
}

pub fn cmd_rename(ctx: &Ctx, args: RenameArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `member rename`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &RenameArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.old)?;
    new_id("member", &args.new)?;
    let (old, new) = (m.id.as_str(), args.new.as_str());
    if old == new {
        change.fact(format!("{old}: already called {new}"));
        return Ok(());
    }
    if ws.member(new).is_some() {
        return Err(Error::new(
            Kind::Refused,
            "exists",
            format!("member `{new}` already exists, so `{old}` can't take that id; nothing was written"),
        )
        .hint(format!("choose another id, or remove `{new}` first (`roster member remove {new}`)")));
    }
    change.rename_member(old, new)?;
    change.fact(format!("{old}: renamed to {new}"));
    if ws.settings.owner.as_ref().is_some_and(|o| o.value == old) {
        change.workspace(|w| w.set_owner(new))?;
        change.fact(format!("workspace: owner {old} -> {new}"));
    }
    let excused = excepted_in(ws, old);
    if excused > 0 {
        change.workspace(|w| w.rename_exception_member(old, new))?;
        change.fact(format!(
            "workspace: {old} -> {new} in {excused} separation exception{}",
            if excused == 1 { "" } else { "s" }
        ));
    }
    let created: Vec<&str> = ws
        .clients
        .iter()
        .filter(|c| c.created_by.as_ref().is_some_and(|b| b.value == old))
        .map(|c| c.id.as_str())
        .collect();
    for c in &created {
        change.client(c, |entry| entry.set_created_by(Some(new)))?;
    }
    for c in created {
        change.fact(format!("{c}: created_by {old} -> {new}"));
    }
    let tests = ws.tests.iter().filter(|t| names_member(t, old)).count();
    if tests > 0 {
        change.tests(|t| t.rename_member(old, new))?;
        change.fact(format!("tests.toml: {old} -> {new} in {tests} test{}", if tests == 1 { "" } else { "s" }));
    }
    rename_in_later_files(change, ws, old, new)?;
    change.member_removed(old);
    change.member_added(new);
    Ok(())
}

/// How many separation exceptions name member `id`.
pub(crate) fn excepted_in(ws: &crate::model::Workspace, id: &str) -> usize {
    ws.separation.iter().flat_map(|r| &r.exceptions).filter(|e| e.member.value == id).count()
}

/// Whether a test of `tests.toml` names member `id`.
fn names_member(t: &AccessTest, id: &str) -> bool {
    match &t.kind {
        TestKind::WhoCan { exactly, includes, excludes, .. } => {
            exactly.iter().flatten().chain(includes).chain(excludes).any(|r| r.value == id)
        }
        TestKind::Member { member, .. } => member.value == id,
        TestKind::MaxMonthlyCost { .. } => false,
    }
}

/// THE PLACE for the files that name members beyond the entry, the owner,
/// clients and tests: teams (`teams.toml`: members and leads), and the
/// campaigns of `reviews/` that still have pending items (items, reviewers,
/// deciders: `review::rename`), so that `member rename` keeps naming the
/// member everywhere, in the one change.
fn rename_in_later_files(change: &mut Change<'_>, ws: &Workspace, old: &str, new: &str) -> Result<()> {
    let teams: Vec<&str> = ws.teams_of(old).map(|t| t.id.as_str()).collect();
    if !teams.is_empty() {
        change.teams(|file| file.rename_member(old, new))?;
        for t in teams {
            change.fact(format!("team {t}: {old} -> {new}"));
        }
    }
    for id in review::ids(&ws.root) {
        // A file whose name is no id is `check`'s to report; no command reads it.
        if crate::model::check_id(&id).is_err() {
            continue;
        }
        let name = review::file_name(&id);
        // In a batch, an earlier line may have edited the campaign already.
        let (read, now) = match change.side_text(&name) {
            Some((read, now)) => (read.map(str::to_string), Some(now.to_string())),
            None => (None, None),
        };
        match review::rename::in_campaign(&ws.root, &id, now.as_deref(), old, new)? {
            InCampaign::Untouched => {}
            InCampaign::Finished(n) => change.fact(format!(
                "review {id}: every item is decided, so it is left as it is (a record of the past; it names {old} in {})",
                items(n)
            )),
            InCampaign::Renamed { read: base, text, items: n } => {
                // The file's text as read, which the disk is compared with before writing.
                let read = if now.is_some() { read } else { Some(base) };
                change.put_side(&name, read, text);
                change.fact(format!("review {id}: {old} -> {new} in {}", items(n)));
            }
        }
    }
    Ok(())
}
