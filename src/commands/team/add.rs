//! `roster team add T --name N [--lead M] [--member M]...`: a new entry of
//! `teams.toml` (the file is created when the workspace has none).

use crate::change::{Change, Session};
use crate::commands::args::new_id;
use crate::commands::{Ctx, find_member};
use crate::error::{Error, Kind, Outcome, Result};
use crate::store::editors::NewTeam;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster team add tax --name "Tax team" --lead marc --member bob --member sophie
  roster client assign acme --team tax    then give it clients"#)]
pub struct AddArgs {
    /// The new team's id (e.g. `audit`)
    pub team: String,
    /// Its name
    #[arg(long)]
    pub name: String,
    /// The member who leads it (reaches its clients like its members)
    #[arg(long, value_name = "MEMBER")]
    pub lead: Option<String>,
    /// A member of the team (repeat for several)
    #[arg(long = "member", value_name = "MEMBER")]
    pub members: Vec<String>,
}

pub fn cmd_add(ctx: &Ctx, args: AddArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `team add`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &AddArgs) -> Result<()> {
    let ws = change.ws;
    new_id("team", &args.team)?;
    if ws.team(&args.team).is_some() {
        return Err(Error::new(
            Kind::Refused,
            "exists",
            format!("team `{}` already exists; nothing was written", args.team),
        )
        .hint(format!("change it with `roster team edit {}`", args.team)));
    }
    if let Some(l) = &args.lead {
        find_member(ws, l)?;
    }
    let mut members: Vec<String> = Vec::new();
    for m in &args.members {
        find_member(ws, m)?;
        if !members.contains(m) {
            members.push(m.clone());
        }
    }
    change.add_team(&NewTeam { id: &args.team, name: &args.name, lead: args.lead.as_deref(), members: &members });
    let lead = args.lead.as_deref().map_or("no lead".to_string(), |l| format!("lead {l}"));
    change.fact(format!("{}: added (\"{}\", {lead})", args.team, args.name));
    for m in &members {
        change.fact(format!("{}: {m} joins", args.team));
    }
    Ok(())
}
