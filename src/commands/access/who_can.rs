//! `roster access who-can AREA.ACTION [--client C]`: the active members who can,
//! with their level and the profile in effect.

use crate::access;
use crate::commands::args::{find_action, parse_key};
use crate::commands::{Ctx, find_client};
use crate::error::{Outcome, Result};
use crate::render::{Col, Records};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster access who-can settings.edit    who may change permissions
  roster access who-can invoices.edit --client acme --format json"#)]
pub struct WhoCanArgs {
    /// What they would do, e.g. settings.edit
    #[arg(value_name = "AREA.ACTION", value_parser = parse_key)]
    pub key: (String, String),
    /// On this client
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
}

pub fn cmd_who_can(ctx: &Ctx, args: WhoCanArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let (area_id, action) = &args.key;
    let area = find_action(&ws, area_id, action)?;
    let client = args.client.as_deref().map(|c| find_client(&ws, c)).transpose()?;
    let on = client.map_or(String::new(), |c| format!(" on `{}`", c.id));
    let mut records = Records::new([("member", Col::Text), ("level", Col::Text), ("profile", Col::Text)])
        .when_empty(format!("no active member can {area_id}.{action}{on}"));
    for (m, d) in access::who_can(&ws, area, action, client) {
        records.push(vec![json!(m.id), json!(d.effective.level.as_str()), json!(d.effective.profile)]);
    }
    ctx.show(&records)?;
    Ok(Outcome::Success)
}
