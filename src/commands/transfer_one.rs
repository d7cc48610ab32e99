//! `roster transfer-one M --to TO [--client C]`: one member to another profile;
//! with `--client`, only for that client (a per-client profile), and with
//! `--until DATE` only until that day (`{ profile = "P", until = DATE }`).

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_client, find_member, find_profile};
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster transfer-one hugo --to full-accounting
  # only for umbrella
  roster transfer-one lea --to full-accounting --client umbrella
  # for umbrella, until the end of January
  roster transfer-one lea --to full-accounting --client umbrella --until 2027-01-31"#)]
pub struct TransferOneArgs {
    /// The member who moves
    pub member: String,
    /// The profile they move to
    #[arg(long, value_name = "PROFILE")]
    pub to: String,
    /// Only for this client (it must be assigned to them)
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
    /// With --client: the last day of the per-client profile (YYYY-MM-DD),
    /// written `{ profile = "P", until = DATE }`
    #[arg(long, value_name = "DATE", requires = "client", value_parser = crate::model::dates::parse_date)]
    pub until: Option<crate::model::Date>,
}

pub fn cmd_transfer_one(ctx: &Ctx, args: TransferOneArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `transfer-one`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &TransferOneArgs) -> Result<()> {
    let ws = change.ws;
    let m = find_member(ws, &args.member)?;
    let to = find_profile(ws, &args.to)?;
    match &args.client {
        None => {
            let from = find_profile(ws, &m.profile.value)?;
            if from.id == to.id {
                change.fact(format!("{}: already on profile {}", m.id, to.id));
                return Ok(());
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
            let per_client = m.client_profiles_on(ws.at()).map(|(_, p)| p.value.as_str());
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
            if let Some(until) = args.until {
                if to.id == m.profile.value {
                    return Err(Error::usage(format!(
                        "`{}` is already `{}`'s own profile: a per-client profile until {until} would change nothing",
                        to.id, m.id
                    ))
                    .hint("name another profile with --to, or leave out --until"));
                }
                let same = before == to.id && m.profile_window(&client.id).and_then(|w| w.until) == Some(until);
                if same {
                    change.fact(format!("{}: for {}, already on profile {} until {until}", m.id, client.id, to.id));
                    return Ok(());
                }
                change.member(&m.id, |entry| entry.set_client_profile_until(&client.id, &to.id, Some(until)))?;
                change.fact(format!(
                    "{}: for {}, profile {before} -> {} until {until} (their own profile stays {})",
                    m.id, client.id, to.id, m.profile.value
                ));
                let others =
                    m.client_profiles_on(ws.at()).filter(|(c, _)| c.value != client.id).map(|(_, p)| p.value.as_str());
                let licence = change.licence_fact(m, &m.profile.value, others.chain(std::iter::once(to.id.as_str())));
                change.facts(licence);
                return Ok(());
            }
            if before == to.id {
                let dated = m.profile_window(&client.id).map_or(String::new(), |w| format!(" {}", w.describe()));
                change.fact(format!("{}: for {}, already on profile {}{dated}", m.id, client.id, to.id));
                return Ok(());
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
                m.client_profiles_on(ws.at()).filter(|(c, _)| c.value != client.id).map(|(_, p)| p.value.as_str());
            let licence = change.licence_fact(m, &m.profile.value, others.chain(std::iter::once(to.id.as_str())));
            change.facts(licence);
        }
    }
    Ok(())
}
