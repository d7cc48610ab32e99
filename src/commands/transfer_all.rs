//! `roster transfer-all FROM --to TO`: every member of FROM moves to TO, and
//! every per-client profile FROM becomes TO (WinAuditor's "transfer all users").

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_profile};
use crate::error::{Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster transfer-all connect-no-pay --to connect-pay
  # what it would cost
  roster --dry-run transfer-all easy-invoicing --to full-accounting"#)]
pub struct TransferAllArgs {
    /// The profile whose members move
    pub from: String,
    /// The profile they move to
    #[arg(long, value_name = "PROFILE")]
    pub to: String,
}

pub fn cmd_transfer_all(ctx: &Ctx, args: TransferAllArgs) -> Result<Outcome> {
    ctx.report(Session::change(ctx.change_options()?, |change| plan(change, &args))?)
}

/// The edits of `transfer-all`, on the workspace as `change` reads it (also a batch's line).
pub fn plan(change: &mut Change<'_>, args: &TransferAllArgs) -> Result<()> {
    let ws = change.ws;
    let from = find_profile(ws, &args.from)?;
    let to = find_profile(ws, &args.to)?;
    let moving: Vec<_> = ws.members_of(&from.id).collect();
    if from.id == to.id || moving.is_empty() {
        change.fact(format!("{}: no member to move", from.id));
        return Ok(());
    }
    let mut facts = Vec::new();
    for m in &moving {
        // SPEC §1: the licence follows the pricier of the profiles they work under.
        fn swap<'a>(p: &'a str, from: &str, to: &'a str) -> &'a str {
            if p == from { to } else { p }
        }
        let swap = |p| swap(p, &from.id, &to.id);
        let per_client = m.client_profiles_on(ws.at()).map(|(_, p)| swap(p.value.as_str()));
        let licence = change.licence_fact(m, swap(&m.profile.value), per_client);
        change.member(&m.id, |entry| {
            let own = if m.profile.value == from.id {
                entry.set_profile(&to.id);
                facts.push(format_move(ws, &m.id, from, to));
                &to.id
            } else {
                &m.profile.value
            };
            for (client, p) in m.client_profiles().iter().filter(|(_, p)| p.value == from.id) {
                // A per-client profile equal to the member's own says nothing: drop it.
                if *own == to.id {
                    entry.remove_client_profile(&client.value);
                    facts.push(format!(
                        "{}: for {}, profile {} -> {} (their own; per-client entry removed)",
                        m.id, client.value, p.value, to.id
                    ));
                } else {
                    entry.set_client_profile(&client.value, &to.id);
                    facts.push(format!("{}: for {}, profile {} -> {}", m.id, client.value, p.value, to.id));
                }
            }
        })?;
        facts.extend(licence);
    }
    change.facts(facts);
    Ok(())
}

fn format_move(
    ws: &crate::model::Workspace,
    member: &str,
    from: &crate::model::Profile,
    to: &crate::model::Profile,
) -> String {
    Change::new(ws).profile_fact(member, from, to)
}
