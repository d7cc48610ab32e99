//! `roster access matrix`: every member x every area.action (levels without a
//! client; members who are not active hold `none`), the view `render::views::Matrix`.

use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::render::views::Matrix;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster access matrix                              levels abbreviated, areas in blocks
  roster access matrix --format csv > matrix.csv    every level in full"#)]
pub struct MatrixArgs {}

pub fn cmd_matrix(ctx: &Ctx, _args: MatrixArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    ctx.show(&Matrix { ws: &ws })?;
    Ok(Outcome::Success)
}
