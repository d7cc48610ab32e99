//! The command line (SPEC §5), with clap's derive: global options and the
//! command enum. Each command's own arguments live beside its code in `commands/`.

use crate::commands::{
    access, batch, check, client, completions, diff, export, fmt, import, init, member, profile, test, transfer_all,
    transfer_one,
};
use crate::render::Format;
use crate::style::ColorChoice;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

const AFTER_HELP: &str = "\
Exit codes: 0 success, 1 negative answer or invalid workspace, 2 usage error,
3 change refused, 4 not found, 5 not permitted, 6 environment (I/O, lock, git).

Examples:
  roster check --strict                 validate the workspace, warnings fail too
  roster member list --profile admin    who is on the admin profile
  roster profile compare a b --only-diff --format markdown";

/// Keep a team workspace's access permissions as code.
///
/// The workspace (settings, license tiers, access profiles, members, clients) is
/// a folder of TOML files kept in git; roster validates it, answers questions
/// about it, and prints tables, CSV or JSON.
#[derive(Debug, Parser)]
#[command(name = "roster", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The workspace folder [default: the nearest folder upwards holding
    /// workspace.toml, else ./config]
    #[arg(
        short = 'w',
        long,
        env = "ROSTER_WORKSPACE",
        global = true,
        help_heading = "Global options",
        value_name = "DIR"
    )]
    pub workspace: Option<PathBuf>,

    /// How data is printed
    #[arg(long, value_enum, global = true, help_heading = "Global options", default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,

    /// Print nothing on success
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// The member who makes the change (needs settings.edit = all)
    #[arg(long = "as", env = "ROSTER_ACTOR", global = true, help_heading = "Global options", value_name = "MEMBER")]
    pub actor: Option<String>,

    /// For changes: print the unified diff of every file that would change, write nothing
    #[arg(long, global = true, help_heading = "Global options")]
    pub dry_run: bool,

    /// For changes: go ahead even if a passing test of tests.toml would fail
    #[arg(long, global = true, help_heading = "Global options")]
    pub allow_failing_tests: bool,

    /// How long a change waits for another one to finish
    #[arg(long, global = true, help_heading = "Global options", default_value = "10", value_name = "SECONDS", value_parser = parse_seconds)]
    pub lock_timeout: Duration,

    /// When to use colour; `auto` honours NO_COLOR and never colours a pipe
    #[arg(long, value_enum, global = true, help_heading = "Global options", default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// A number of seconds, fractions allowed: out-of-range, negative, NaN and
/// infinite values are usage errors (exit 2), never a panic later.
fn parse_seconds(s: &str) -> Result<Duration, String> {
    let n: f64 = s.trim().parse().map_err(|_| format!("`{s}` is not a number of seconds (e.g. 10 or 0.5)"))?;
    if n.is_nan() || n.is_infinite() {
        return Err(format!("`{s}` is not a number of seconds (e.g. 10 or 0.5)"));
    }
    if n < 0.0 {
        return Err(format!("`{s}` is negative: give 0 or more seconds"));
    }
    if n > MAX_SECONDS {
        return Err(format!("`{s}` is too long: give at most {MAX_SECONDS} seconds (about 31 years)"));
    }
    Duration::try_from_secs_f64(n).map_err(|e| format!("`{s}` is not a number of seconds: {e}"))
}

/// The longest wait `--lock-timeout` accepts: far beyond any real wait, and far
/// inside what a `Duration` (and the clock arithmetic on it) holds.
const MAX_SECONDS: f64 = 1e9;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new workspace from the built-in template
    Init(init::InitArgs),
    /// Validate the workspace: every problem, with file:line:col
    Check(check::CheckArgs),
    /// Rewrite every file in one canonical order and layout, comments kept
    Fmt(fmt::FmtArgs),
    /// List, show, add, edit and remove members
    #[command(subcommand)]
    Member(member::MemberCommand),
    /// List, show, compare, duplicate, edit and remove access profiles
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// Move every member of a profile (per-client profiles too) to another
    TransferAll(transfer_all::TransferAllArgs),
    /// Move one member to another profile, or only for one client
    TransferOne(transfer_one::TransferOneArgs),
    /// List, add and remove clients; assign them to members
    #[command(subcommand)]
    Client(client::ClientCommand),
    /// Who can do what, and why
    #[command(subcommand)]
    Access(access::AccessCommand),
    /// Export members, profiles, clients, assignments or the access matrix as CSV or JSON
    Export(export::ExportArgs),
    /// Add or update members in bulk from CSV (all or nothing)
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Make many changes at once, one per line of a file: one validation, one write
    Batch(batch::BatchArgs),
    /// Who gains and loses access between git revisions, and the monthly cost
    Diff(diff::DiffArgs),
    /// Run the access expectations of tests.toml
    Test(test::TestArgs),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
}

#[cfg(test)]
mod tests {
    use super::{Cli, parse_seconds};
    use clap::CommandFactory;
    use std::time::Duration;

    #[test]
    fn the_cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn seconds_are_bounded_numbers() {
        assert_eq!(parse_seconds("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_seconds("0.25"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_seconds("0"), Ok(Duration::ZERO));
        assert_eq!(parse_seconds("1e9"), Ok(Duration::from_secs(1_000_000_000)));
        for bad in
            ["1e20", "1e10", "-1", "-0.5", "NaN", "nan", "inf", "-inf", "infinity", "", "ten", "1.7976931348623157e309"]
        {
            assert!(parse_seconds(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
