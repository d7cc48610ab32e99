//! `roster client assign C... --to M` and `roster client unassign C... --from M`.

use crate::change::{Change, Session};
use crate::commands::{Ctx, find_client, find_member};
use crate::error::{Outcome, Result};
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client assign umbrella --to bob
  roster client assign acme globex --to hugo    several at once"#)]
pub struct AssignArgs {
    /// The clients to assign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are assigned to
    #[arg(long, value_name = "MEMBER")]
    pub to: String,
}

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster client unassign globex --from bob
  roster client unassign initech --from hugo"#)]
pub struct UnassignArgs {
    /// The clients to unassign
    #[arg(required = true, value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// The member they are taken from
    #[arg(long, value_name = "MEMBER")]
    pub from: String,
}

pub fn cmd_assign(ctx: &Ctx, args: AssignArgs) -> Result<Outcome> {
    let session = Session::begin(ctx.change_options()?)?;
    let ws = &session.ws;
    let m = find_member(ws, &args.to)?;
    for c in &args.clients {
        find_client(ws, c)?;
    }
    let mut change = Change::new(ws);
    let mut all: Vec<&str> = m.clients.iter().map(|c| c.value.as_str()).collect();
    for c in &args.clients {
        if all.contains(&c.as_str()) {
            change.fact(format!("{}: {c} already assigned", m.id));
        } else {
            all.push(c);
            change.fact(format!("{}: assigned {c}", m.id));
        }
    }
    if all.len() > m.clients.len() {
        change.member(&m.id, |entry| entry.assign(&all[m.clients.len()..]))?;
    }
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}

pub fn cmd_unassign(ctx: &Ctx, args: UnassignArgs) -> Result<Outcome> {
    let session = Session::begin(ctx.change_options()?)?;
    let ws = &session.ws;
    let m = find_member(ws, &args.from)?;
    for c in &args.clients {
        find_client(ws, c)?;
    }
    let mut change = Change::new(ws);
    let rest: Vec<&str> =
        m.clients.iter().map(|c| c.value.as_str()).filter(|c| !args.clients.iter().any(|x| x == c)).collect();
    for c in &args.clients {
        if m.has_client(c) {
            change.fact(format!("{}: unassigned {c}", m.id));
        } else {
            change.fact(format!("{}: {c} was not assigned", m.id));
        }
    }
    if rest.len() < m.clients.len() {
        let mut facts = Vec::new();
        change.member(&m.id, |entry| {
            for c in &args.clients {
                if entry.unassign(c) {
                    facts.push(format!("{}: per-client profile for {c} removed", m.id));
                }
            }
        })?;
        change.facts(facts);
    }
    let parts = change.finish();
    ctx.report(session.commit(parts)?)
}
