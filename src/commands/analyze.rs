//! `roster analyze` (SPEC §13, read only): licence savings and
//! least-privilege findings, each with its monthly saving and the command
//! that realises it, and the total (`analyze`).

use crate::analyze::{Analysis, analyze};
use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::render::escape::terminal;
use crate::render::{self, Col, Records, View};
use crate::style::Paint;
use clap::Args;
use serde_json::json;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster analyze                     every finding, its monthly saving and the command that realises it
  roster analyze --format markdown   for a pull request or a report
  roster analyze --format json       {"findings": [...], "monthly_saving": total}"#)]
pub struct AnalyzeArgs {}

pub fn cmd_analyze(ctx: &Ctx, _args: AnalyzeArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    ctx.show(&analyze(&ws))?;
    Ok(Outcome::Success)
}

impl Analysis {
    fn records(&self) -> Records {
        let mut r = Records::new([
            ("code", Col::Text),
            ("subject", Col::Text),
            ("monthly_saving", Col::Money),
            ("message", Col::FreeText),
        ]);
        r.empty = Some("nothing to report: no saving and no least-privilege finding".into());
        for f in &self.findings {
            r.push(vec![json!(f.code), json!(f.subject), json!(f.monthly_saving), json!(f.message)]);
        }
        r
    }

    fn summary(&self) -> String {
        let n = self.findings.len();
        format!(
            "monthly saving: {} {} over {n} finding{}\n",
            render::money(self.monthly_saving),
            self.currency,
            if n == 1 { "" } else { "s" }
        )
    }
}

impl View for Analysis {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(Analysis::records(self)))
    }

    /// One finding a paragraph: its code, subject and saving; what it found;
    /// the command that realises it on a line of its own, never cut to fit.
    fn text(&self, paint: Paint) -> Option<String> {
        if self.findings.is_empty() {
            return Some(format!("nothing to report: no saving and no least-privilege finding\n{}", self.summary()));
        }
        let code_width = self.findings.iter().map(|f| f.code.len()).max().unwrap_or(0);
        let mut out = String::new();
        for f in &self.findings {
            let saving = f
                .monthly_saving
                .map_or(String::new(), |s| format!("  saves {} {}/month", render::money(s), self.currency));
            out.push_str(&format!(
                "{}  {}{saving}\n",
                paint.apply(paint.warning(), &format!("{:<code_width$}", f.code)),
                paint.apply(paint.bold(), &terminal(&f.subject))
            ));
            match f.message.split_once(": `roster ") {
                Some((what, command)) => {
                    out.push_str(&format!("  {}\n  run: `roster {}\n", terminal(what), terminal(command)))
                }
                None => out.push_str(&format!("  {}\n", terminal(&f.message))),
            }
        }
        Some(format!("{out}\n{}", self.summary()))
    }

    fn markdown(&self) -> Option<String> {
        let summary = render::escape::markdown(self.summary().trim_end());
        Some(format!("{}\n{summary}\n", Analysis::records(self).markdown()))
    }
}
