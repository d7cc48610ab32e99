//! `roster profile list`: every profile, its tier and price, how many members use
//! it, and which one is the default.

use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::render::{Col, Records};
use clap::Args;
use serde_json::json;
use std::collections::HashMap;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster profile list
  roster profile list --format json"#)]
pub struct ListArgs {}

pub fn cmd_list(ctx: &Ctx, _args: ListArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    // One pass over the members, not one per profile.
    // (members, active members): seats, and those who hold access today.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    let active = |m: &crate::model::Member| usize::from(m.is_active());
    for m in &ws.members {
        let c = counts.entry(&m.profile.value).or_default();
        c.0 += 1;
        c.1 += active(m);
        // Once per profile, however many clients it is listed for (sorted,
        // not searched: a long per-client line stays n log n).
        let mut per_client: Vec<&str> = m
            .client_profiles()
            .iter()
            .map(|(_, p)| p.value.as_str())
            .filter(|p| *p != m.profile.value.as_str())
            .collect();
        per_client.sort_unstable();
        per_client.dedup();
        for p in per_client {
            let c = counts.entry(p).or_default();
            c.0 += 1;
            c.1 += active(m);
        }
    }
    let default = ws.default_profile().map(|p| p.id.as_str());
    let mut records = Records::new([
        ("id", Col::Text),
        ("name", Col::FreeText),
        ("tier", Col::Text),
        ("price", Col::Money),
        ("members", Col::Number),
        ("active", Col::Number),
        ("default", Col::Flag),
        ("builtin", Col::Flag),
        ("admin", Col::Flag),
    ]);
    for p in &ws.profiles {
        records.push(vec![
            json!(p.id),
            json!(p.name),
            json!(p.tier.value),
            json!(ws.profile_price(p)),
            json!(counts.get(p.id.as_str()).map_or(0, |c| c.0)),
            json!(counts.get(p.id.as_str()).map_or(0, |c| c.1)),
            json!(default == Some(p.id.as_str())),
            json!(p.builtin),
            json!(p.admin),
        ]);
    }
    ctx.show(&records)?;
    Ok(Outcome::Success)
}
