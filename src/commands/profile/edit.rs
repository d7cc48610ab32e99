//! `roster profile edit P [--set AREA.ACTION=LEVEL]... [--name N] [--description D] [--tier T]`.

use crate::change::{Change, Session};
use crate::commands::args::{GrantArg, check_grant, parse_grant};
use crate::commands::{Ctx, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster profile edit connect-no-pay --set documents.edit=none
  roster profile edit connect-no-pay --name "Connect (read only)"    rename it"#)]
pub struct EditArgs {
    /// The profile's id
    pub profile: String,
    /// Set one area.action's level (repeat for several)
    #[arg(long = "set", value_name = "AREA.ACTION=LEVEL", value_parser = parse_grant)]
    pub set: Vec<GrantArg>,
    /// A new name
    #[arg(long)]
    pub name: Option<String>,
    /// A new description
    #[arg(long)]
    pub description: Option<String>,
    /// Move the profile to another license tier (changes what its members cost)
    #[arg(long, value_name = "TIER")]
    pub tier: Option<String>,
}

pub fn cmd_edit(ctx: &Ctx, args: EditArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `profile edit`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &EditArgs) -> Result<()> {
    let ws = change.ws;
    let p = find_profile(ws, &args.profile)?;
    refuse_builtin(p, "edited")?;
    let set = args.set.iter().map(|g| check_grant(ws, g)).collect::<Result<Vec<_>>>()?;
    let tier = match &args.tier {
        Some(t) => Some(ws.tier(t).ok_or_else(|| {
            Error::not_found("tier", t, ws.tiers.iter().map(|t| t.id.as_str()), "roster profile list")
        })?),
        None => None,
    };
    if set.is_empty() && args.name.is_none() && args.description.is_none() && tier.is_none() {
        return Err(Error::usage("nothing to change").hint("pass at least one of --set, --name, --description, --tier"));
    }
    let mut facts = Vec::new();
    change.profile(&p.id, |file| {
        if let Some(name) = &args.name {
            file.set_name(name);
            facts.push(format!("{}: name {} -> {name}", p.id, p.name));
        }
        if let Some(d) = &args.description {
            file.set_description(d);
            facts.push(format!("{}: description changed", p.id));
        }
        if let Some(t) = tier {
            file.set_tier(&t.id);
            let old = ws.tier(&p.tier.value);
            let n = ws.members.iter().filter(|m| m.profile.value == p.id).count();
            facts.push(format!(
                "{}: tier {} -> {} ({} -> {} {}/month for each of its {n} member{})",
                p.id,
                p.tier.value,
                t.id,
                old.map_or("?".into(), |o| crate::render::money(o.price)),
                crate::render::money(t.price),
                ws.settings.currency,
                crate::store::plural(n)
            ));
        }
        for g in &set {
            let before = ws.area(&g.area).map(|a| ws.profile_level(p, a, &g.action));
            file.set_grant(&g.area, &g.action, g.level);
            facts.push(format!(
                "{}: {}.{} {} -> {}",
                p.id,
                g.area,
                g.action,
                before.map_or("?", |l| l.as_str()),
                g.level
            ));
        }
    })?;
    change.facts(facts);
    Ok(())
}

/// SPEC §1: builtin profiles are shipped with the workspace; duplicate them instead.
pub fn refuse_builtin(p: &crate::model::Profile, verb: &str) -> Result<()> {
    if p.builtin {
        return Err(Error::new(
            Kind::Refused,
            "builtin",
            format!("profile `{}` is builtin and can't be {verb}; nothing was written", p.id),
        )
        .hint(format!("duplicate it and change the copy: `roster profile duplicate {} NEW`", p.id)));
    }
    Ok(())
}
