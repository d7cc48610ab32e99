//! `roster access matrix`: every member x every area.action (levels without a
//! client; members who are not active hold `none`).

use crate::access;
use crate::commands::Ctx;
use crate::commands::member::list::sorted;
use crate::error::{Outcome, Result};
use crate::model::Workspace;
use crate::render::{Col, Records};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct MatrixArgs {}

/// The matrix as records: member, status, profile, then one column per area.action.
pub fn records(ws: &Workspace) -> Records {
    let mut columns =
        vec![("member".to_string(), Col::Text), ("status".to_string(), Col::Text), ("profile".to_string(), Col::Text)];
    columns.extend(ws.action_keys().into_iter().map(|k| (k.to_string(), Col::Text)));
    let mut records = Records { columns, ..Records::default() };
    for m in sorted(ws) {
        let mut row = vec![json!(m.id), json!(m.status.as_str()), json!(m.profile.value)];
        row.extend(access::matrix_row(ws, m).into_iter().map(|l| json!(l.as_str())));
        records.push(row);
    }
    records
}

pub fn cmd_matrix(ctx: &Ctx, _args: MatrixArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    ctx.print(&records(&ws).render(ctx.format, ctx.out_paint()))?;
    Ok(Outcome::Success)
}
