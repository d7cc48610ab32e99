//! `roster access check M AREA.ACTION [--client C]`: allowed or denied, and the
//! chain of §3 that explains it. Exit 0 when allowed, 1 when denied.

use crate::access;
use crate::commands::args::{find_action, parse_key};
use crate::commands::{Ctx, find_client, find_member};
use crate::error::{Outcome, Result};
use crate::render::{self, Col, Format, Records};
use clap::Args;
use serde_json::{Value, json};

#[derive(Debug, Args)]
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
    let answer = if d.allowed { "allowed" } else { "denied" };
    let text = match ctx.format {
        Format::Json => render::json(&json!({
            "member": m.id,
            "area": area.id,
            "action": action,
            "client": client.map_or(Value::Null, |c| json!(c.id)),
            "allowed": d.allowed,
            "level": d.effective.level.as_str(),
            "profile": d.effective.profile,
            "reason": chain.join("; "),
        })),
        Format::Table => {
            let paint = ctx.out_paint();
            let style = if d.allowed { paint.ok() } else { paint.error() };
            let on = client.map_or(String::new(), |c| format!(" on {}", c.id));
            let mut out = format!("{}: {} {area_id}.{action}{on}\n", paint.apply(style, answer), m.id);
            for step in &chain {
                out.push_str(&format!("  {}\n", render::escape::terminal(step)));
            }
            out
        }
        _ => {
            let mut r = Records::new([
                ("member", Col::Text),
                ("area", Col::Text),
                ("action", Col::Text),
                ("client", Col::Text),
                ("allowed", Col::Text),
                ("level", Col::Text),
                ("profile", Col::Text),
                ("reason", Col::Text),
            ]);
            r.push(vec![
                json!(m.id),
                json!(area.id),
                json!(action),
                client.map_or(Value::Null, |c| json!(c.id)),
                json!(d.allowed),
                json!(d.effective.level.as_str()),
                json!(d.effective.profile),
                json!(chain.join("; ")),
            ]);
            r.render(ctx.format, ctx.out_paint())
        }
    };
    ctx.print(&text)?;
    Ok(if d.allowed { Outcome::Success } else { Outcome::Negative })
}
