//! `roster man [COMMAND]... [--out DIR]`: the manual pages, generated from the
//! CLI itself with clap_mangen: one page per command (`roster.1`,
//! `roster-member.1`, `roster-member-add.1`...). The repository keeps them in
//! `man/`, and a test fails when they are stale.

use super::Ctx;
use crate::cli::Cli;
use crate::error::{Error, Outcome, Result};
use crate::store::save::write_atomic;
use clap::{Args, CommandFactory};
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster man member add                 the manual page of `roster member add`
  roster man                            the page of roster itself"#)]
pub struct ManArgs {
    /// The command whose page to print or write, as typed (`member add`) [default: roster itself]
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,

    /// Write the pages into this folder (created if needed): the command's page and those of the
    /// commands under it
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// A manual page: its file name (`roster-member-add.1`) and its roff text.
#[derive(Debug)]
pub struct Page {
    pub file: String,
    pub text: String,
}

/// The CLI as the pages show it: built (so that each command knows its full
/// name, `roster-member-add`), without clap's `help` command.
fn cli() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// The page of `cmd`, then those of every command under it, depth first in
/// the order of `--help`.
fn pages_of(cmd: &clap::Command, all: bool, out: &mut Vec<Page>) -> Result<()> {
    // Every page names roster and its version (clap_mangen would name the
    // command alone, `add`); no date, so that the pages change only with roster.
    let man = clap_mangen::Man::new(cmd.clone()).source(format!("roster {}", env!("CARGO_PKG_VERSION")));
    let mut text = Vec::new();
    man.render(&mut text).map_err(|e| Error::io("cannot render a manual page", &e))?;
    out.push(Page { file: man.get_filename(), text: String::from_utf8_lossy(&text).into_owned() });
    if all {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            pages_of(sub, all, out)?;
        }
    }
    Ok(())
}

/// Every page of roster, `roster.1` first.
pub fn pages() -> Result<Vec<Page>> {
    let mut out = Vec::new();
    pages_of(&cli(), true, &mut out)?;
    Ok(out)
}

pub fn cmd_man(ctx: &Ctx, args: ManArgs) -> Result<Outcome> {
    let root = cli();
    let mut cmd = &root;
    let mut typed = String::from("roster");
    for word in &args.command {
        let Some(sub) = cmd.find_subcommand(word) else {
            let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
            let err = Error::usage(format!("`{typed}` has no command `{word}`"));
            return Err(match crate::diag::did_you_mean(word, names.iter().copied()) {
                Some(near) => err.hint(format!("did you mean `{typed} {near}`?")),
                None => err.hint(format!("its commands: {}", names.join(", "))),
            });
        };
        typed = format!("{typed} {word}");
        cmd = sub;
    }
    let mut pages = Vec::new();
    pages_of(cmd, args.out.is_some(), &mut pages)?;
    match &args.out {
        Some(dir) => {
            let dir = if dir.is_absolute() { dir.clone() } else { ctx.cwd().join(dir) };
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(format!("cannot create `{}`", ctx.shown(&dir)), &e))?;
            for page in &pages {
                write_atomic(&dir.join(&page.file), page.text.as_bytes())?;
            }
            if !ctx.quiet {
                ctx.print(&format!(
                    "wrote {} manual page{} to `{}` (`man -l {}/{}` reads one)\n",
                    pages.len(),
                    crate::store::plural(pages.len()),
                    ctx.shown(&dir),
                    ctx.shown(&dir),
                    pages[0].file
                ))?;
            }
        }
        None => ctx.print_data(&pages[0].text)?,
    }
    Ok(Outcome::Success)
}
