//! `roster transfer-one M --to TO [--client C]`: one member to another profile;
//! with `--client`, only for that client (a per-client profile).

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_client, find_member, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster transfer-one hugo --to full-accounting
  # only for umbrella
  roster transfer-one lea --to full-accounting --client umbrella"#)]
pub struct TransferOneArgs {
    /// The member who moves
    pub member: String,
    /// The profile they move to
    #[arg(long, value_name = "PROFILE")]
    pub to: String,
    /// Only for this client (it must be assigned to them)
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
}

pub fn cmd_transfer_one(ctx: &Ctx, args: TransferOneArgs) -> Result<Outcome> {
    let session = Session::begin(ctx.change_options()?)?;
    let ws = &session.ws;
    let m = find_member(ws, &args.member)?;
    let to = find_profile(ws, &args.to)?;
    let mut change = Change::new(ws);
    match &args.client {
        None => {
            let from = find_profile(ws, &m.profile.value)?;
            if from.id == to.id {
                change.fact(format!("{}: already on profile {}", m.id, to.id));
                let parts = change.finish();
                return ctx.report(session.commit(parts)?);
            }
            if ws.settings.owner.as_ref().is_some_and(|o| o.value == m.id) && !to.admin {
                return Err(Error::new(
                    Kind::Refused,
                    "owner",
                    format!(
                        "the owner `{}` can't move to `{}`, which is not an admin profile; nothing was written",
                        m.id, to.id
                    ),
                )
                .hint("make another active admin the owner first (`owner` in workspace.toml)"));
            }
            let fact = change.profile_fact(&m.id, from, to);
            let per_client = m.client_profiles().iter().map(|(_, p)| p.value.as_str());
            let licence = change.own_move_licence_fact(m, from, to, per_client);
            change.member(&m.id, |entry| entry.set_profile(&to.id))?;
            change.fact(fact);
            change.facts(licence);
        }
        Some(c) => {
            let client = find_client(ws, c)?;
            if !m.has_client(&client.id) {
                return Err(Error::new(
                    Kind::Refused,
                    "client-profile-unassigned",
                    format!(
                        "`{}` is not assigned to `{}`, so a profile for it would never apply; nothing was written",
                        client.id, m.id
                    ),
                )
                .hint(format!("assign it first: `roster client assign {} --to {}`", client.id, m.id)));
            }
            let before = m.client_profile(&client.id).map_or(m.profile.value.as_str(), |p| p.value.as_str());
            if before == to.id {
                change.fact(format!("{}: for {}, already on profile {}", m.id, client.id, to.id));
                let parts = change.finish();
                return ctx.report(session.commit(parts)?);
            }
            change.member(&m.id, |entry| {
                // A per-client profile equal to the member's own says nothing.
                if to.id == m.profile.value {
                    entry.remove_client_profile(&client.id);
                } else {
                    entry.set_client_profile(&client.id, &to.id);
                }
            })?;
            change.fact(format!(
                "{}: for {}, profile {before} -> {} (their own profile stays {})",
                m.id, client.id, to.id, m.profile.value
            ));
            // The licence follows the pricier profile, even for one client.
            let others =
                m.client_profiles().iter().filter(|(c, _)| c.value != client.id).map(|(_, p)| p.value.as_str());
            let licence = change.licence_fact(m, &m.profile.value, others.chain(std::iter::once(to.id.as_str())));
            change.facts(licence);
        }
    }
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}
