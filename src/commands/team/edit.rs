//! `roster team edit T [--name N] [--lead M | --no-lead] [--add M]... [--remove M]...`.

use super::find_team;
use crate::change::{Change, Session};
use crate::commands::{Ctx, find_member};
use crate::error::{Error, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster team edit audit --add lea --remove hugo
  roster team edit audit --lead bob
  roster team edit audit --name "Audit and assurance" --no-lead"#)]
pub struct EditArgs {
    /// The team's id
    pub team: String,
    /// Its new name
    #[arg(long)]
    pub name: Option<String>,
    /// Its new lead
    #[arg(long, value_name = "MEMBER", conflicts_with = "no_lead")]
    pub lead: Option<String>,
    /// Leave the team without a lead
    #[arg(long)]
    pub no_lead: bool,
    /// A member who joins (repeat for several)
    #[arg(long = "add", value_name = "MEMBER")]
    pub add: Vec<String>,
    /// A member who leaves (repeat for several)
    #[arg(long = "remove", value_name = "MEMBER")]
    pub remove: Vec<String>,
}

pub fn cmd_edit(ctx: &Ctx, args: EditArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `team edit`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &EditArgs) -> Result<()> {
    let ws = change.ws;
    let t = find_team(ws, &args.team)?;
    if args.name.is_none() && args.lead.is_none() && !args.no_lead && args.add.is_empty() && args.remove.is_empty() {
        return Err(Error::usage("nothing to change: give --name, --lead, --no-lead, --add or --remove")
            .hint(format!("e.g. `roster team edit {} --add MEMBER`", t.id)));
    }
    if let Some(l) = &args.lead {
        find_member(ws, l)?;
    }
    for m in &args.add {
        find_member(ws, m)?;
    }
    if let Some(both) = args.add.iter().find(|m| args.remove.contains(m)) {
        return Err(Error::usage(format!("`{both}` is both added and removed"))
            .hint("give each member to --add or to --remove, not to both"));
    }
    let id = t.id.as_str();
    let mut facts = Vec::new();
    if let Some(name) = args.name.as_deref().filter(|n| *n != t.name) {
        facts.push(format!("{id}: name \"{}\" -> \"{name}\"", t.name));
    }
    let lead_now = t.lead.as_ref().map(|l| l.value.as_str());
    let lead = if args.no_lead { Some(None) } else { args.lead.as_deref().map(Some) };
    let lead = lead.filter(|l| *l != lead_now);
    if let Some(l) = lead {
        facts.push(format!("{id}: lead {} -> {}", lead_now.unwrap_or("none"), l.unwrap_or("none")));
    }
    let mut joins: Vec<&str> = Vec::new();
    for m in &args.add {
        if t.members.iter().any(|x| x.value == *m) || joins.contains(&m.as_str()) {
            facts.push(format!("{id}: {m} is already a member"));
        } else {
            joins.push(m);
            facts.push(format!("{id}: {m} joins"));
        }
    }
    let mut leaves: Vec<&str> = Vec::new();
    for m in &args.remove {
        if t.members.iter().any(|x| x.value == *m) {
            if !leaves.contains(&m.as_str()) {
                leaves.push(m);
                facts.push(format!("{id}: {m} leaves"));
            }
        } else if lead_now == Some(m.as_str()) {
            facts.push(format!("{id}: {m} was not a member but its lead (--no-lead takes the lead away)"));
        } else {
            facts.push(format!("{id}: {m} was not a member"));
        }
    }
    if args.name.as_deref().is_some_and(|n| n != t.name) || lead.is_some() || !joins.is_empty() || !leaves.is_empty() {
        change
            .teams(|file| {
                file.team(id, |entry| {
                    if let Some(name) = &args.name {
                        entry.set_name(name);
                    }
                    if let Some(l) = lead {
                        entry.set_lead(l);
                    }
                    entry.add_members(&joins);
                    entry.remove_members(&leaves);
                })
            })?
            .transpose()?;
    }
    change.facts(facts);
    Ok(())
}
