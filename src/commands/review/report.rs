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
    let ws = ctx.open()?;
    let (campaign, _) = review::open(&root, &args.id)?;
    let page = html::report(&ws, &root, &campaign, review::today());
    match &args.output {
        Some(path) => {
            crate::store::save::write_atomic(path, page.as_bytes())?;
            if !ctx.quiet {
                ctx.print(&format!("wrote the report of {} to {}\n", args.id, path.display()))?;
            }
        }
        None => ctx.print_data(&page)?,
    }
    Ok(Outcome::Success)
}
