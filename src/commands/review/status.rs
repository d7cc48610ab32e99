//! `roster review status ID`: pending, kept and revoked items, by reviewer,
//! and whether the due date has passed; exit 1 while any item is pending
//! (a CI gate for "the quarterly review is done").

use super::short_revision;
use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::render::{Col, Records};
use crate::render::{View, escape::terminal};
use crate::review::{self, Campaign, Decision};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster review status 2026-q4
  roster review status 2026-q4 --format json    for scripts; exit 1 while items are pending"#)]
pub struct StatusArgs {
    /// The campaign's id (reviews/ID.toml)
    pub id: String,
}

/// SPEC's JSON: `{"id", "revision", "due", "overdue", "pending", "kept",
/// "revoked", "by_reviewer": [{"reviewer", "pending", "kept", "revoked"}]}`.
#[derive(Debug, Serialize)]
pub struct StatusView {
    id: String,
    revision: String,
    due: Option<String>,
    overdue: bool,
    pending: usize,
    kept: usize,
    revoked: usize,
    by_reviewer: Vec<ByReviewer>,
    #[serde(skip)]
    started: Option<String>,
}

#[derive(Debug, Serialize)]
struct ByReviewer {
    reviewer: Option<String>,
    pending: usize,
    kept: usize,
    revoked: usize,
}

pub fn cmd_status(ctx: &Ctx, args: StatusArgs) -> Result<Outcome> {
    let root = ctx.root()?;
    // The workspace must be valid, like for every command; the campaign is read beside it.
    let _ws = ctx.open()?;
    let (campaign, _) = review::open(&root, &args.id)?;
    let view = status(&campaign, review::today());
    ctx.show(&view)?;
    Ok(if view.pending > 0 { Outcome::Negative } else { Outcome::Success })
}

pub fn status(c: &Campaign, today: jiff::civil::Date) -> StatusView {
    let (pending, kept, revoked) = c.counts();
    // By reviewer (one map lookup an item: a campaign may have many reviewers),
    // sorted by reviewer; items without one last.
    let mut counts: std::collections::BTreeMap<(bool, Option<&str>), (usize, usize, usize)> =
        std::collections::BTreeMap::new();
    for i in &c.items {
        let row = counts.entry((i.reviewer.is_none(), i.reviewer.as_deref())).or_default();
        match i.decision {
            None => row.0 += 1,
            Some(Decision::Keep) => row.1 += 1,
            Some(Decision::Revoke) => row.2 += 1,
        }
    }
    let by = counts
        .into_iter()
        .map(|((_, reviewer), (pending, kept, revoked))| ByReviewer {
            reviewer: reviewer.map(str::to_string),
            pending,
            kept,
            revoked,
        })
        .collect();
    StatusView {
        id: c.id.clone(),
        revision: c.revision.clone(),
        due: c.due.map(|d| d.to_string()),
        overdue: pending > 0 && c.overdue(today),
        pending,
        kept,
        revoked,
        by_reviewer: by,
        started: c.started.map(|d| d.to_string()),
    }
}

impl StatusView {
    fn rows(&self) -> Records {
        let mut r = Records::new([
            ("reviewer", Col::Text),
            ("pending", Col::Number),
            ("kept", Col::Number),
            ("revoked", Col::Number),
        ]);
        for b in &self.by_reviewer {
            r.push_marked(
                vec![
                    json!(b.reviewer.as_deref().unwrap_or("(none)")),
                    json!(b.pending),
                    json!(b.kept),
                    json!(b.revoked),
                ],
                b.pending > 0,
            );
        }
        r
    }

    fn head(&self) -> String {
        let total = self.pending + self.kept + self.revoked;
        let mut out = format!(
            "review {}: {} of {total} items decided ({} pending, {} kept, {} revoked)\n",
            self.id,
            total - self.pending,
            self.pending,
            self.kept,
            self.revoked
        );
        out.push_str(&format!("revision {}", short_revision(&self.revision)));
        if let Some(s) = &self.started {
            out.push_str(&format!(", started {s}"));
        }
        match (&self.due, self.overdue) {
            (Some(d), true) => out.push_str(&format!(", due {d}: overdue")),
            (Some(d), false) => out.push_str(&format!(", due {d}")),
            (None, _) => out.push_str(", no due date"),
        }
        out.push('\n');
        out
    }
}

impl View for StatusView {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(self.rows()))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        let head: String = self.head().lines().map(|l| format!("{}\n", terminal(l))).collect();
        Some(format!("{head}\n{}", self.rows().table(paint)))
    }

    fn markdown(&self) -> Option<String> {
        let head: String = self.head().lines().map(|l| format!("{}\n", crate::render::escape::markdown(l))).collect();
        Some(format!("{head}\n{}", self.rows().markdown()))
    }
}
