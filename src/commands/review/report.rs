//! `roster review report ID [-o FILE]`: the campaign's evidence for
//! auditors, one self-contained HTML page (`review::html`).

use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::review::{self, html};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster review report 2026-q4 -o review-2026-q4.html
  roster review report 2026-q4 > review.html"#)]
pub struct ReportArgs {
    /// The campaign's id (reviews/ID.toml)
    pub id: String,
    /// Write the page to this file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn cmd_report(ctx: &Ctx, args: ReportArgs) -> Result<Outcome> {
    let root = ctx.root()?;
    // The workspace and the campaign are read at the same time: each is
    // read on every core, but each also has its one-thread parts (the rules;
    // the campaign's checks once its pieces are read) that the other fills.
    // The workspace's errors come first, as for every command.
    let (ws, campaign) = std::thread::scope(|s| {
        let campaign = s.spawn(|| review::open(&root, &args.id));
        let ws = ctx.open();
        (ws, campaign.join())
    });
    let ws = ws?;
    let (campaign, _) = campaign.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    let today = review::today();
    match &args.output {
        Some(path) => {
            // Streamed to the file as it is written (over 100 MB at 100,000 members).
            crate::store::save::write_atomic_with(path, |file| {
                let mut failed = Ok(());
                let rest = html::report(&ws, &root, &campaign, today, &mut |part| {
                    if failed.is_ok() {
                        failed = file.write_all(part.as_bytes());
                    }
                    part.clear();
                });
                failed?;
                file.write_all(rest.as_bytes())
            })?;
            if !ctx.quiet {
                ctx.print(&format!("wrote the report of {} to {}\n", args.id, path.display()))?;
            }
        }
        None => ctx.print_data(&html::report(&ws, &root, &campaign, today, &mut |_| {}))?,
    }
    Ok(Outcome::Success)
}
