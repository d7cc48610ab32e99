//! `roster member add M --name N --email E [--profile P] [--client C]... [--status S]
//! [--from DATE] [--until DATE]`.

use crate::change::{Change, Session};
use crate::commands::args::new_id;
use crate::commands::{Ctx, find_client, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use crate::model::Status;
use crate::store::editors::NewMember;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster member add zoe --name "Zoé Roux" --email zoe@x.example    on the default profile
  roster member add sam --name "Sam Petit" --email sam@x.example --client acme
  # a temp for tax season
  roster member add tom --name "Tom Blanc" --email tom@x.example --from 2027-01-04 --until 2027-04-30"#)]
pub struct AddArgs {
    /// The new member's id (e.g. `dan`)
    pub member: String,
    /// Their full name
    #[arg(long)]
    pub name: String,
    /// Their email address, unique in the workspace
    #[arg(long)]
    pub email: String,
    /// Their profile [default: the workspace's default profile]
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// A client to assign to them (repeat for several)
    #[arg(long = "client", value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// Their status
    #[arg(long, value_enum, default_value_t = Status::Active)]
    pub status: Status,
    /// Their first day of access (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = crate::model::dates::parse_date)]
    pub from: Option<crate::model::Date>,
    /// Their last day of access and of a seat (YYYY-MM-DD), e.g. a temp's
    #[arg(long, value_name = "DATE", value_parser = crate::model::dates::parse_date)]
    pub until: Option<crate::model::Date>,
}

pub fn cmd_add(ctx: &Ctx, args: AddArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `member add`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &AddArgs) -> Result<()> {
    let ws = change.ws;
    new_id("member", &args.member)?;
    if ws.member(&args.member).is_some() {
        return Err(Error::new(
            Kind::Refused,
            "exists",
            format!("member `{}` already exists; nothing was written", args.member),
        )
        .hint(format!("change them with `roster member edit {}`", args.member)));
    }
    let profile = match &args.profile {
        Some(p) => find_profile(ws, p)?,
        None => {
            ws.default_profile().ok_or_else(|| Error::usage("the workspace has no default profile; pass --profile"))?
        }
    };
    for c in &args.clients {
        find_client(ws, c)?;
    }
    crate::commands::args::check_window(args.from, args.until)?;
    change.add_member(&NewMember {
        id: &args.member,
        name: &args.name,
        email: &args.email,
        profile: &profile.id,
        status: args.status,
        clients: &args.clients,
        client_profiles: &[],
        grants: &[],
        credit_limit: None,
        from: args.from,
        until: args.until,
    });
    change.fact(format!(
        "{}: added as {} with profile {} ({} {}/month)",
        args.member,
        args.status,
        profile.id,
        change.price_label(profile),
        ws.settings.currency
    ));
    if args.from.is_some() || args.until.is_some() {
        let w = crate::model::Window { from: args.from, until: args.until, span: Default::default() };
        change.fact(format!("{}: access {}", args.member, w.describe()));
    }
    for c in &args.clients {
        change.fact(format!("{}: assigned {c}", args.member));
    }
    change.member_added(&args.member);
    Ok(())
}
