//! `roster review ...`: access review campaigns (`reviews/ID.toml`) and
//! their dispatch. The campaign itself (its file, items and reviewers) is
//! `crate::review`'s.

pub mod apply;
pub mod decide;
pub mod report;
pub mod start;
pub mod status;

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Subcommand;

/// The examples of `roster review --help`.
pub const EXAMPLES: &str = r#"Examples:
  roster review start 2027-q1 --due 2027-03-31
  roster review decide 2027-q1 hugo/initech revoke --note "Initech moved to Julie" --as claire
  roster review status 2027-q1     exit 1 while any item is pending
  roster review apply 2027-q1
  roster review report 2026-q4 -o review-2026-q4.html    the example's finished campaign"#;

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Start a campaign: freeze each member's access, and each assigned client's, for review
    Start(start::StartArgs),
    /// Record a reviewer's decision on one item: keep or revoke
    Decide(decide::DecideArgs),
    /// Where a campaign stands: pending, kept and revoked items by reviewer (exit 1 while any is pending)
    Status(status::StatusArgs),
    /// Apply a campaign's revocations: unassign the clients, suspend the members
    Apply(apply::ApplyArgs),
    /// The campaign's report for auditors: one self-contained HTML page
    Report(report::ReportArgs),
}

pub fn run(ctx: &Ctx, cmd: ReviewCommand) -> Result<Outcome> {
    // Campaigns are read from the working tree: a campaign at a revision is
    // read with git (`git show REV:reviews/ID.toml`), not with --rev.
    if let Some(rev) = &ctx.rev {
        return Err(crate::error::Error::usage(format!(
            "--rev {rev}: the review commands read and write the campaigns of the working tree"
        ))
        .hint("drop --rev; `git show REV:PATH/reviews/ID.toml` shows a campaign as it was"));
    }
    match cmd {
        ReviewCommand::Start(args) => start::cmd_start(ctx, args),
        ReviewCommand::Decide(args) => decide::cmd_decide(ctx, args),
        ReviewCommand::Status(args) => status::cmd_status(ctx, args),
        ReviewCommand::Apply(args) => apply::cmd_apply(ctx, args),
        ReviewCommand::Report(args) => report::cmd_report(ctx, args),
    }
}

/// "1 item", "3 items".
pub fn items(n: usize) -> String {
    format!("{n} item{}", crate::store::plural(n))
}

/// A revision as shown: a commit's first 12 characters, or as written.
pub fn short_revision(rev: &str) -> &str {
    if rev.len() == 40 && rev.bytes().all(|b| b.is_ascii_hexdigit()) { &rev[..12] } else { rev }
}
