//! `roster profile compare A B [--only-diff]`: two profiles' grants side by side,
//! the rows that differ standing out.

use crate::commands::{Ctx, find_profile};
use crate::error::{Outcome, Result};
use crate::render::{self, Col, Format, Records};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
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
    // Tables name the columns after the profiles; csv and json keep the field names of SPEC §5.
    let (a_col, b_col) = match ctx.format {
        Format::Table | Format::Markdown => (a.id.to_string(), b.id.to_string()),
        Format::Csv | Format::Json => ("a".to_string(), "b".to_string()),
    };
    let mut records = Records::new([
        ("area".to_string(), Col::Text),
        ("action".to_string(), Col::Text),
        (a_col, Col::Text),
        (b_col, Col::Text),
        ("differs".to_string(), Col::Flag),
    ]);
    let mut differing = 0;
    for area in &ws.areas {
        for action in &area.actions {
            let la = ws.profile_level(a, area, &action.value);
            let lb = ws.profile_level(b, area, &action.value);
            let differs = la != lb;
            differing += usize::from(differs);
            if differs || !args.only_diff {
                records.push_marked(
                    vec![json!(area.id), json!(action.value), json!(la.as_str()), json!(lb.as_str()), json!(differs)],
                    differs,
                );
            }
        }
    }
    let text = match ctx.format {
        Format::Json => render::json(&json!({"a": a.id, "b": b.id, "rows": records.to_json()})),
        Format::Table => {
            let tier = |p: &crate::model::Profile| {
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
            out.push_str(&records.render(Format::Table, ctx.out_paint()));
            out
        }
        _ => records.render(ctx.format, ctx.out_paint()),
    };
    ctx.print(&text)?;
    Ok(Outcome::Success)
}
