//! `roster review start ID [--due DATE] [--team T]... [--profile P]...`: a
//! new campaign, written to `reviews/ID.toml` like any change (locked,
//! atomic, `--dry-run`). `--team` and `--profile` scope it: a member of one
//! of the teams (or its lead) OR with one of the profiles is in it.

use super::{items, short_revision};
use crate::change::{Change, Session};
use crate::commands::args::new_id;
use crate::commands::team::find_team;
use crate::commands::{Ctx, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use crate::review::{self, build, text};
use clap::Args;
use jiff::civil::Date;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster review start 2027-q1 --due 2027-03-31
  roster review start 2027-q1-accounting --profile full-accounting    only that profile's members
  roster review start 2027-q1-audit --team audit    the team's members and its lead
  roster review start 2027-q1-mix --team audit --profile connect-pay    in the team OR the profile"#)]
pub struct StartArgs {
    /// The campaign's id: it is written to reviews/ID.toml
    pub id: String,
    /// The day every item should be decided by (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = review::parse_date)]
    pub due: Option<Date>,
    /// Only the members of this profile (their own, or one they work under for a client); repeat for several
    #[arg(long = "profile", value_name = "PROFILE")]
    pub profiles: Vec<String>,
    /// Only the members of this team and its lead; repeat for several (with --profile: in a team OR with a profile)
    #[arg(long = "team", value_name = "TEAM")]
    pub teams: Vec<String>,
}

pub fn cmd_start(ctx: &Ctx, mut args: StartArgs) -> Result<Outcome> {
    // A team or profile named twice is in scope once, and recorded once.
    for list in [&mut args.teams, &mut args.profiles] {
        let mut seen = std::collections::HashSet::new();
        list.retain(|x| seen.insert(x.clone()));
    }
    new_id("campaign", &args.id)?;
    let options = ctx.change_options()?;
    let root = options.root.clone();
    let session = Session::begin(options)?;
    let ws = &session.ws;
    for p in &args.profiles {
        find_profile(ws, p)?;
    }
    for t in &args.teams {
        find_team(ws, t)?;
    }
    let name = review::file_name(&args.id);
    if std::fs::symlink_metadata(root.join(&name)).is_ok() {
        return Err(Error::new(Kind::Refused, "exists", format!("a campaign `{}` exists already ({name})", args.id))
            .hint(format!("choose another id; `roster review status {}` shows where that one stands", args.id)));
    }
    let scope = build::Scope { profiles: &args.profiles, teams: &args.teams };
    let (items_list, access, without_reviewer) = build::items(ws, scope);
    if items_list.is_empty() {
        return Err(Error::new(
            Kind::Refused,
            "empty-review",
            "no active member is in the campaign's scope: there is nothing to review; nothing was written",
        )
        .hint("start it without --team and --profile, or with a team or a profile that active members are in"));
    }
    let campaign = build::NewCampaign {
        revision: build::revision(&root, &ws.sources),
        started: review::today(),
        due: args.due,
        profiles: args.profiles.clone(),
        teams: args.teams.clone(),
        currency: ws.settings.currency.clone(),
        monthly_cost: ws.monthly_cost(),
        cost: build::cost(ws),
        items: items_list,
        access,
        without_reviewer,
    };
    let mut change = Change::new(ws);
    change.put_side(&name, None, text::new_file(&args.id, &campaign));
    for fact in facts(&args.id, &campaign) {
        change.fact(fact);
    }
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}

/// What the campaign holds, who reviews how much, and who has no reviewer.
fn facts(id: &str, c: &build::NewCampaign) -> Vec<String> {
    let members = c.items.iter().filter(|i| i.via.is_none()).count();
    let clients = c.items.len() - members;
    let from = if c.revision == review::WORKING_TREE {
        "the working tree (its files differ from git's HEAD, or there is no git repository)".to_string()
    } else {
        format!("revision {}", short_revision(&c.revision))
    };
    let mut out = vec![format!(
        "review {id}: {} ({members} member{}, {clients} assigned client{}) from {from}{}",
        items(c.items.len()),
        crate::store::plural(members),
        crate::store::plural(clients),
        c.due.map(|d| format!(", due {d}")).unwrap_or_default()
    )];
    let mut by: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for r in c.items.iter().filter_map(|i| i.reviewer) {
        *by.entry(r).or_default() += 1;
    }
    for (r, n) in by {
        out.push(format!("reviewer {r}: {}", items(n)));
    }
    for m in &c.without_reviewer {
        let n = c.items.iter().filter(|i| i.reviewer.is_none() && i.id.split('/').next() == Some(m)).count();
        out.push(format!(
            "warning: {m}: no reviewer for {} (nobody reviews their own access, and there is no other active admin): make another member an admin to review them",
            items(n)
        ));
    }
    out
}
