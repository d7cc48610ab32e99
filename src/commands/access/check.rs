//! `roster access check M AREA.ACTION [--client C]`: allowed or denied, and the
//! chain of §3 that explains it. Exit 0 when allowed, 1 when denied.

use crate::access;
use crate::commands::args::{find_action, parse_key};
use crate::commands::{Ctx, find_client, find_member};
use crate::error::{Outcome, Result};
use crate::render::{self, Records, View};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  # allowed, exit 0, and why
  roster access check bob invoices.edit --client jean-dupont
  # denied, exit 1, and why
  roster access check julie invoices.edit --client initech"#)]
pub struct CheckArgs {
    /// The member
    pub member: String,
    /// What they would do, e.g. invoices.view
    #[arg(value_name = "AREA.ACTION", value_parser = parse_key)]
    pub key: (String, String),
    /// On this client
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
}

pub fn cmd_check(ctx: &Ctx, args: CheckArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let m = find_member(&ws, &args.member)?;
    let (area_id, action) = &args.key;
    let area = find_action(&ws, area_id, action)?;
    let client = args.client.as_deref().map(|c| find_client(&ws, c)).transpose()?;
    let d = access::decide(&ws, m, area, action, client);
    let chain = d.chain(m, area, action, client);
    ctx.show(&Answer {
        member: &m.id,
        area: &area.id,
        action,
        client: client.map(|c| c.id.as_str()),
        allowed: d.allowed,
        level: d.effective.level.as_str(),
        profile: d.effective.profile,
        reason: chain.join("; "),
        chain: &chain,
    })?;
    Ok(if d.allowed { Outcome::Success } else { Outcome::Negative })
}

/// The answer: a record of it for data (the chain joined into `reason`);
/// for people, allowed or denied and the chain, one step a line.
#[derive(Serialize)]
struct Answer<'a> {
    member: &'a str,
    area: &'a str,
    action: &'a str,
    client: Option<&'a str>,
    allowed: bool,
    level: &'a str,
    profile: &'a str,
    reason: String,
    #[serde(skip)]
    chain: &'a [String],
}

impl View for Answer<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(Records::one(self)))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        let (answer, style) = if self.allowed { ("allowed", paint.ok()) } else { ("denied", paint.error()) };
        let on = self.client.map_or(String::new(), |c| format!(" on {c}"));
        let mut out = format!("{}: {} {}.{}{on}\n", paint.apply(style, answer), self.member, self.area, self.action);
        for step in self.chain {
            out.push_str(&format!("  {}\n", render::escape::terminal(step)));
        }
        Some(out)
    }
}
