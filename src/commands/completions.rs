//! `roster completions SHELL`: a completion script generated from the CLI itself.

use super::Ctx;
use crate::error::{Outcome, Result};
use clap::Args;
use clap_complete::Shell;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster completions bash > ~/.local/share/bash-completion/completions/roster
  roster completions zsh > ~/.zfunc/_roster    with fpath+=~/.zfunc in .zshrc"#)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`, as `roster completions` prints it.
pub fn script(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "roster", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

pub fn cmd_completions(ctx: &Ctx, args: CompletionsArgs) -> Result<Outcome> {
    ctx.print(&script(args.shell))?;
    Ok(Outcome::Success)
}
