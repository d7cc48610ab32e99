//! `roster profile compare A B [--only-diff]`: two profiles' grants side by side,
//! the rows that differ standing out.

use crate::commands::{Ctx, find_profile};
use crate::error::{Outcome, Result};
use crate::model::{Profile, Workspace};
use crate::render::{self, Col, Records, View};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster profile compare connect-pay connect-no-pay --only-diff
  # for a pull request
  roster profile compare easy-invoicing full-accounting --format markdown"#)]
pub struct CompareArgs {
    /// The first profile
    pub a: String,
    /// The second profile
    pub b: String,
    /// Show only the area.actions whose levels differ
    #[arg(long)]
    pub only_diff: bool,
}

pub fn cmd_compare(ctx: &Ctx, args: CompareArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let a = find_profile(&ws, &args.a)?;
    let b = find_profile(&ws, &args.b)?;
    // The fields of SPEC §5 are `a` and `b`; tables and markdown head them
    // with the profiles' ids.
    let mut rows = Records::new([
        ("area", Col::Text),
        ("action", Col::Text),
        ("a", Col::Text),
        ("b", Col::Text),
        ("differs", Col::Flag),
    ])
    .with_heading("a", a.id.as_str())
    .with_heading("b", b.id.as_str());
    let mut differing = 0;
    for area in &ws.areas {
        for action in &area.actions {
            let la = ws.profile_level(a, area, &action.value);
            let lb = ws.profile_level(b, area, &action.value);
            let differs = la != lb;
            differing += usize::from(differs);
            if differs || !args.only_diff {
                rows.push_marked(
                    vec![json!(area.id), json!(action.value), json!(la.as_str()), json!(lb.as_str()), json!(differs)],
                    differs,
                );
            }
        }
    }
    ctx.show(&CompareView { a: &a.id, b: &b.id, rows, ws: &ws, profiles: (a, b), differing })?;
    Ok(Outcome::Success)
}

/// The two profiles and the rows of their grants; for people, a line above
/// the table with their tiers and how many area.actions differ.
#[derive(Serialize)]
struct CompareView<'a> {
    a: &'a str,
    b: &'a str,
    rows: Records,
    #[serde(skip)]
    ws: &'a Workspace,
    #[serde(skip)]
    profiles: (&'a Profile, &'a Profile),
    #[serde(skip)]
    differing: usize,
}

impl View for CompareView<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Borrowed(&self.rows))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        let (ws, (a, b), differing) = (self.ws, self.profiles, self.differing);
        let tier = |p: &Profile| {
            ws.tier(&p.tier.value).map_or(p.tier.value.to_string(), |t| {
                let label = render::escape::terminal(&t.label);
                format!("{label} {} {}", render::money(t.price), ws.settings.currency)
            })
        };
        let mut out = format!(
            "{} ({}) vs {} ({}): {differing} area.action{} differ{}\n\n",
            a.id,
            tier(a),
            b.id,
            tier(b),
            crate::store::plural(differing),
            if differing == 1 { "s" } else { "" }
        );
        out.push_str(&self.rows.table(paint));
        Some(out)
    }
}
