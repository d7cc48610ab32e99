//! `roster review apply ID`: each revoked `member/client` item unassigns
//! that client from the member, each revoked member item suspends the
//! member; held to the rules and the tests like every change. Applied items
//! are marked with the day, so applying twice changes nothing.

use crate::change::{Change, Session};
use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::model::Status;
use crate::review::text::{self, ItemEdit};
use crate::review::{self, Decision, Item};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster --dry-run review apply 2026-q4    see what the revocations would change
  roster review apply 2026-q4"#)]
pub struct ApplyArgs {
    /// The campaign's id (reviews/ID.toml)
    pub id: String,
}

pub fn cmd_apply(ctx: &Ctx, args: ApplyArgs) -> Result<Outcome> {
    let options = ctx.change_options()?;
    let root = options.root.clone();
    let session = Session::begin(options)?;
    let ws = &session.ws;
    let (campaign, old_text) = review::open(&root, &args.id)?;
    let waiting: Vec<&Item> =
        campaign.items.iter().filter(|i| i.decision == Some(Decision::Revoke) && i.applied.is_none()).collect();
    let mut change = Change::new(ws);
    if waiting.is_empty() {
        let applied = campaign.items.iter().filter(|i| i.applied.is_some()).count();
        change.fact(format!(
            "{}: no revocation waits to be applied ({} applied before, {} pending)",
            args.id,
            super::items(applied),
            super::items(campaign.counts().0)
        ));
        let parts = change.finish();
        return ctx.report(session.commit(parts)?);
    }
    let today = review::today();
    let why = |i: &Item| format!("review {} revoked {} by {}", args.id, i.id, i.decided_by.as_deref().unwrap_or("?"));
    for item in &waiting {
        let member = item.member();
        let Some(m) = ws.member(member) else {
            change.fact(format!("{}: {member} is no longer a member; nothing to apply", item.id));
            continue;
        };
        match item.client() {
            None if m.status == Status::Suspended => {
                change.fact(format!("{member}: already suspended ({})", why(item)));
            }
            None => {
                change.member(member, |e| e.set_status(Status::Suspended))?;
                change.fact(format!("{member}: status {} -> suspended ({})", m.status, why(item)));
            }
            Some(client) if m.has_client(client) => {
                let mut dropped = false;
                change.member(member, |e| dropped = e.unassign(client))?;
                change.fact(format!("{member}: unassigned {client} ({})", why(item)));
                if dropped {
                    change.fact(format!("{member}: per-client profile for {client} removed"));
                }
            }
            Some(client) => {
                change.fact(format!("{member}: {client} is no longer assigned; nothing to apply ({})", why(item)));
            }
        }
    }
    let edits: Vec<(&Item, ItemEdit)> = waiting.iter().map(|i| (*i, ItemEdit::Applied(today))).collect();
    let new_text = text::edit_items(&old_text, &campaign, &edits)?;
    change.put_side(&review::file_name(&args.id), Some(old_text), new_text);
    change.fact(format!("{}: {} marked applied on {today}", args.id, super::items(waiting.len())));
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}
