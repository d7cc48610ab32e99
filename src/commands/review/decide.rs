//! `roster review decide ID ITEM keep|revoke [--note TEXT] --as REVIEWER`:
//! one decision, with who took it and when (UTC). The one change whose actor
//! needs no `settings.edit`: the item's reviewer, or an admin other than the
//! member, decides; nobody decides on their own access.

use super::items;
use crate::change::{Change, Session};
use crate::commands::Ctx;
use crate::error::{Error, Kind, Outcome, Result};
use crate::review::text::{self, Decided, ItemEdit};
use crate::review::{self, Decision, build::Reviewers};
use clap::{Args, ValueEnum};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DecisionArg {
    /// The access stays
    Keep,
    /// The access goes (`roster review apply` makes it so)
    Revoke,
}

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster review decide 2026-q4 bob keep --note "books and invoices of his clients" --as claire
  roster review decide 2026-q4 claire keep --as marc    the owner's items go to another admin"#)]
pub struct DecideArgs {
    /// The campaign's id (reviews/ID.toml)
    pub id: String,
    /// The item: a member (`bob`) or a member and a client (`bob/acme`)
    pub item: String,
    /// keep or revoke
    #[arg(value_enum)]
    pub decision: DecisionArg,
    /// Why, in the reviewer's words (kept in the campaign and its report)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn cmd_decide(ctx: &Ctx, args: DecideArgs) -> Result<Outcome> {
    let Some(actor) = ctx.actor.clone() else {
        return Err(Error::new(
            Kind::NotPermitted,
            "actor-required",
            "a decision names its reviewer: pass --as REVIEWER",
        )
        .hint(format!("e.g. roster review decide {} {} ... --as claire", args.id, args.item)));
    };
    let options = ctx.change_options()?;
    let root = options.root.clone();
    let session = Session::begin_for_reviewer(options)?;
    let ws = &session.ws;
    let (campaign, old_text) = review::open(&root, &args.id)?;
    let Some(item) = campaign.item(&args.item) else {
        return Err(Error::not_found(
            &format!("item in campaign `{}`", args.id),
            &args.item,
            campaign.items.iter().map(|i| i.id.as_str()),
            &format!("roster review report {}", args.id),
        ));
    };
    permitted(ws, &actor, item)?;
    if let Some(day) = item.applied {
        return Err(Error::new(
            Kind::Refused,
            "already-applied",
            format!("`{}` was revoked and the revocation applied on {day}: its decision can no longer change; nothing was written", item.id),
        )
        .hint("start a new campaign to review the access as it is now"));
    }
    let decision = match args.decision {
        DecisionArg::Keep => Decision::Keep,
        DecisionArg::Revoke => Decision::Revoke,
    };
    let at = review::now_utc();
    let edit = ItemEdit::Decide(Decided { decision, by: &actor, at: &at, note: args.note.as_deref() });
    let new_text = text::edit_items(&old_text, &campaign, &[(item, edit)])?;
    let mut change = Change::new(ws);
    change.put_side(&review::file_name(&args.id), Some(old_text), new_text);
    let mut fact = format!("{} {}: {}, decided by {actor} at {at}", args.id, item.id, decision.as_str());
    if let (Some(old), Some(by), Some(when)) = (item.decision, &item.decided_by, &item.decided_at) {
        fact.push_str(&format!(" (replaces {} by {by} at {when})", old.as_str()));
    }
    change.fact(fact);
    let pending = campaign.counts().0 - usize::from(item.is_pending());
    change.fact(if pending == 0 {
        format!("every item of {} is decided", args.id)
    } else {
        format!("{} still pending in {}", items(pending), args.id)
    });
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}

/// Only the item's reviewer, or an active admin other than the member,
/// decides; nobody decides on their own access (exit 5).
fn permitted(ws: &crate::model::Workspace, actor: &str, item: &review::Item) -> Result<()> {
    let refuse =
        |message: String, hint: String| Err(Error::new(Kind::NotPermitted, "not-permitted", message).hint(hint));
    let ask = match item.reviewer.as_deref() {
        Some(r) if r != actor => format!("ask its reviewer, `{r}`, or an admin other than `{}`", item.member()),
        _ => format!("ask an admin other than `{}`", item.member()),
    };
    let Some(m) = ws.member(actor) else {
        return refuse(format!("`{actor}` (--as) is not a member of the workspace"), ask);
    };
    if !m.is_active() {
        return refuse(format!("`{actor}` is {}: only an active member decides", m.status), ask);
    }
    if item.member() == actor {
        return refuse(format!("nobody reviews their own access: `{actor}` may not decide `{}`", item.id), ask);
    }
    if item.reviewer.as_deref() == Some(actor) || Reviewers::of(ws).is_admin(actor) {
        return Ok(());
    }
    let reviewer = item.reviewer.as_deref().map_or("nobody".to_string(), |r| format!("`{r}`"));
    refuse(
        format!("`{actor}` may not decide `{}`: its reviewer is {reviewer}, and `{actor}` is not an admin", item.id),
        ask,
    )
}
