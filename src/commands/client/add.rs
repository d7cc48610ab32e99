//! `roster client add C --name N [--kind company|contact] [--company C2] [--created-by M]`.

use crate::change::{Change, Session};
use crate::commands::args::new_id;
use crate::commands::{Ctx, find_client, find_member};
use crate::error::{Error, Kind, Outcome, Result};
use crate::model::ClientKind;
use crate::store::editors::NewClient;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client add wayne --name "Wayne Corp"    a company
  roster client add bruce --name "Bruce Wayne" --kind contact --company wayne"#)]
pub struct AddArgs {
    /// The new client's id (e.g. `jean-dupont`)
    pub client: String,
    /// Its name
    #[arg(long)]
    pub name: String,
    /// A company or a contact [default: contact with --company, else company]
    #[arg(long, value_enum)]
    pub kind: Option<ClientKind>,
    /// The company a contact belongs to
    #[arg(long, value_name = "COMPANY")]
    pub company: Option<String>,
    /// The member who created it (they reach it at level `own`)
    #[arg(long, value_name = "MEMBER")]
    pub created_by: Option<String>,
}

pub fn cmd_add(ctx: &Ctx, args: AddArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `client add`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &AddArgs) -> Result<()> {
    let ws = change.ws;
    new_id("client", &args.client)?;
    if ws.client(&args.client).is_some() {
        return Err(Error::new(
            Kind::Refused,
            "exists",
            format!("client `{}` already exists; nothing was written", args.client),
        )
        .hint("pick another id, or `roster client list` to see it"));
    }
    if let Some(c) = &args.company {
        find_client(ws, c)?;
    }
    if let Some(m) = &args.created_by {
        find_member(ws, m)?;
    }
    let kind = args.kind.unwrap_or(if args.company.is_some() { ClientKind::Contact } else { ClientKind::Company });
    change.add_client(&NewClient {
        id: &args.client,
        name: &args.name,
        kind,
        company: args.company.as_deref(),
        created_by: args.created_by.as_deref(),
    });
    let mut fact = format!("{}: added ({kind} \"{}\"", args.client, args.name);
    if let Some(c) = &args.company {
        fact.push_str(&format!(", of {c}"));
    }
    if let Some(m) = &args.created_by {
        fact.push_str(&format!(", created by {m}"));
    }
    fact.push(')');
    change.fact(fact);
    Ok(())
}
