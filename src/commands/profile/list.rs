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
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in &ws.members {
        *counts.entry(&m.profile.value).or_default() += 1;
        for (_, p) in m.client_profiles().iter().filter(|(_, p)| p.value != m.profile.value) {
            *counts.entry(&p.value).or_default() += 1;
        }
    }
    let default = ws.default_profile().map(|p| p.id.as_str());
    let mut records = Records::new([
        ("id", Col::Text),
        ("name", Col::FreeText),
        ("tier", Col::Text),
        ("price", Col::Money),
        ("members", Col::Number),
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
            json!(counts.get(p.id.as_str()).copied().unwrap_or(0)),
            json!(default == Some(p.id.as_str())),
            json!(p.builtin),
            json!(p.admin),
        ]);
    }
    ctx.show(&records)?;
    Ok(Outcome::Success)
}
