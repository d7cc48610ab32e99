//! `roster profile duplicate SRC NEW [--name N] [--description D]`: restricting a
//! profile means duplicating it and lowering the copy's grants (WinAuditor); the
//! copy keeps the tier, so it keeps the price.

use crate::change::{Change, Session};
use crate::commands::args::new_id;
use crate::commands::{Ctx, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  # same tier, same price
  roster profile duplicate connect-pay connect-lite --name "Connect lite"
  # then restrict the copy
  roster profile edit connect-lite --set invoices.print=none"#)]
pub struct DuplicateArgs {
    /// The profile to copy
    pub source: String,
    /// The new profile's id (its file is profiles/NEW.toml)
    pub new: String,
    /// The new profile's name [default: "Copy of <source name>"]
    #[arg(long)]
    pub name: Option<String>,
    /// The new profile's description
    #[arg(long)]
    pub description: Option<String>,
}

pub fn cmd_duplicate(ctx: &Ctx, args: DuplicateArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `profile duplicate`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &DuplicateArgs) -> Result<()> {
    let ws = change.ws;
    let src = find_profile(ws, &args.source)?;
    if !ws.settings.custom_profiles {
        return Err(Error::new(
            Kind::Refused,
            "custom-profiles-disabled",
            "the workspace's plan allows no custom profiles (custom_profiles = false); nothing was written",
        )
        .hint("use a builtin profile, or enable custom_profiles in workspace.toml if the plan allows it"));
    }
    new_id("profile", &args.new)?;
    if ws.profile(&args.new).is_some() {
        return Err(Error::new(
            Kind::Refused,
            "exists",
            format!("profile `{}` already exists; nothing was written", args.new),
        )
        .hint(format!("change it with `roster profile edit {}`", args.new)));
    }
    let name = args.name.clone().unwrap_or_else(|| format!("Copy of {}", src.name));
    change.duplicate_profile(&src.id, &args.new, |copy| {
        copy.set_name(&name);
        if let Some(d) = &args.description {
            copy.set_description(d);
        }
        // The copy is the workspace's own: it can be edited and removed.
        copy.set_builtin(false);
    })?;
    change.fact(format!("{}: new profile \"{name}\", a copy of {} ({})", args.new, src.id, change.price_label(src)));
    change.fact(format!("next: restrict it with `roster profile edit {} --set AREA.ACTION=LEVEL`", args.new));
    Ok(())
}
