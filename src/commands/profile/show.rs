//! `roster profile show P`: a profile with every area.action (omitted ones at the
//! area's lowest level) and its members.

use crate::commands::{Ctx, find_profile};
use crate::error::{Outcome, Result};
use crate::model::{Profile, Workspace};
use crate::render::escape::terminal;
use crate::render::views::ProfileJson;
use crate::render::{self, Col, Records, View};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster profile show easy-invoicing
  roster profile show easy-invoicing --format json"#)]
pub struct ShowArgs {
    /// The profile's id
    pub profile: String,
}

pub fn cmd_show(ctx: &Ctx, args: ShowArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let p = find_profile(&ws, &args.profile)?;
    ctx.show(&ProfileView { profile: ProfileJson::new(&ws, p), ws: &ws, p })?;
    Ok(Outcome::Success)
}

/// The profile: as JSON SPEC §5's `profile show` object; as csv and markdown
/// its grants; for people, its tier, flags and members above its grants.
#[derive(Serialize)]
struct ProfileView<'a> {
    #[serde(flatten)]
    profile: ProfileJson<'a>,
    #[serde(skip)]
    ws: &'a Workspace,
    #[serde(skip)]
    p: &'a Profile,
}

impl View for ProfileView<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(grant_records(self.ws, self.p)))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        let (ws, p, members) = (self.ws, self.p, &self.profile.members);
        let tier = ws.tier(&p.tier.value);
        // Free text from the files is escaped whole, so that it keeps to its line.
        let mut out = format!("{} — {}\n", paint.apply(paint.bold(), &p.id), terminal(&p.name));
        if !p.description.is_empty() {
            out.push_str(&format!("  {}\n", terminal(&p.description)));
        }
        let flags: Vec<&str> = [(self.profile.default, "default"), (p.builtin, "builtin"), (p.admin, "admin")]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, n)| *n)
            .collect();
        if let Some(t) = tier {
            out.push_str(&format!(
                "  tier {} ({}), {} {}/member/month",
                t.id,
                terminal(&t.label),
                render::money(t.price),
                ws.settings.currency
            ));
        }
        if !flags.is_empty() {
            out.push_str(&format!("; {}", flags.join(", ")));
        }
        out.push_str(&format!(
            "\n  members ({}): {}\n\n",
            members.len(),
            if members.is_empty() { "none".into() } else { members.join(", ") }
        ));
        out.push_str(&grant_records(ws, p).table(paint));
        Some(out)
    }
}

/// Every area.action of the profile, with its tier's ceiling beside it.
fn grant_records(ws: &Workspace, p: &Profile) -> Records {
    let tier = ws.tier(&p.tier.value);
    let mut records =
        Records::new([("area", Col::Text), ("action", Col::Text), ("level", Col::Text), ("ceiling", Col::Text)]);
    for area in &ws.areas {
        for action in &area.actions {
            let level = ws.profile_level(p, area, &action.value);
            let ceiling = tier.map(|t| ws.level_in(&t.ceiling, area, &action.value));
            records.push(vec![
                json!(area.id),
                json!(action.value),
                json!(level.as_str()),
                json!(ceiling.map(|c| c.as_str())),
            ]);
        }
    }
    records
}
