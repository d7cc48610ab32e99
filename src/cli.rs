//! The command line, with clap's derive: global options and the command
//! enum. Each command's own arguments, and its examples, live beside its code
//! in `commands/`. [`command`] is the CLI as parsed and shown: each command's
//! help lists only the global options that apply to it. [`unknown_argument`]
//! turns an unknown option into roster's own usage error, with a hint.

use crate::commands::{
    access, analyze, batch, check, client, completions, cost, diff, export, fmt, import, init, log, man, member,
    profile, prune, review, schema, team, test, transfer_all, transfer_one,
};
use crate::render::Format;
use crate::style::ColorChoice;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

const AFTER_HELP: &str = "\
Exit codes: 0 success, 1 negative answer or invalid workspace, 2 usage error,
3 change refused, 4 not found, 5 not permitted, 6 environment (I/O, lock, git).

Examples:
  roster check --strict                 validate the workspace, warnings fail too
  roster member list --profile admin    who is on the admin profile
  roster profile compare connect-pay connect-no-pay --only-diff --format markdown
  roster --dry-run client assign umbrella --to bob    see what a change would write

Every command has its own examples: roster member add --help";

/// Keep a team workspace's access permissions as code.
///
/// The workspace (settings, license tiers, access profiles, members, clients) is
/// a folder of TOML files kept in git; roster validates it, answers questions
/// about it, and prints tables, CSV or JSON.
#[derive(Debug, Parser)]
#[command(name = "roster", version, after_help = AFTER_HELP, max_term_width = 100)]
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

    /// How data is printed: table, csv, json or markdown
    #[arg(long, value_enum, global = true, help_heading = "Global options", default_value_t = Format::Table, value_name = "FORMAT", hide_possible_values = true)]
    pub format: Format,

    /// Print nothing on success
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// The member who makes the change (needs settings.edit = all)
    #[arg(long = "as", env = "ROSTER_ACTOR", global = true, help_heading = "Global options", value_name = "MEMBER")]
    pub actor: Option<String>,

    /// Judge access on this date (YYYY-MM-DD) instead of today
    #[arg(long, env = "ROSTER_AT", hide_env_values = true, global = true, help_heading = "Global options", value_name = "DATE", value_parser = crate::model::dates::parse_date)]
    pub at: Option<crate::model::Date>,

    /// For changes: print the unified diff of every file that would change, write nothing
    #[arg(long, global = true, help_heading = "Global options")]
    pub dry_run: bool,

    /// For changes: go ahead even if a passing test of tests.toml would fail
    #[arg(long, global = true, help_heading = "Global options")]
    pub allow_failing_tests: bool,

    /// How long a change waits for another one to finish
    #[arg(long, global = true, help_heading = "Global options", default_value = "10", value_name = "SECONDS", value_parser = parse_seconds)]
    pub lock_timeout: Duration,

    /// Read commands: read the workspace as it is at this git revision; nothing is written
    #[arg(long, global = true, help_heading = "Global options", value_name = "REV")]
    pub rev: Option<String>,

    /// When to use colour: auto, always or never; `auto` honours NO_COLOR and never colours a pipe
    #[arg(long, value_enum, global = true, help_heading = "Global options", default_value_t = ColorChoice::Auto, value_name = "WHEN", hide_possible_values = true)]
    pub color: ColorChoice,
}

/// The commands that change the workspace: the only ones whose help shows
/// the options of a change ([`CHANGE_OPTIONS`]). Every command still accepts
/// them, before or after its name, as a global option (and ignores them when
/// it changes nothing), so `roster --dry-run client assign ...` and a script
/// that passes `--as` to every command keep working.
pub const CHANGES: &[&str] = &[
    "fmt",
    "member add",
    "member edit",
    "member remove",
    "member rename",
    "profile default",
    "profile duplicate",
    "profile edit",
    "profile remove",
    "transfer-all",
    "transfer-one",
    "client add",
    "client remove",
    "client assign",
    "client unassign",
    "team add",
    "team edit",
    "team remove",
    "import members",
    "prune",
    "batch",
    "review start",
    "review decide",
    "review apply",
];

/// The global options only a change uses (ids of [`GlobalArgs`]' fields).
const CHANGE_OPTIONS: [&str; 4] = ["actor", "dry_run", "allow_failing_tests", "lock_timeout"];

/// The commands that read no workspace and print no data: their help shows
/// neither `--workspace` nor `--format`.
pub const STANDALONE: &[&str] = &["init", "completions", "schema", "man"];

/// Whether the command at `path` takes `--rev` (and shows it in its help):
/// every read command, and the groups that hold them. A change, a
/// standalone command, and `diff` and `log` (whose revisions are arguments)
/// refuse it (exit 2).
fn reads_at_rev(path: &str) -> bool {
    !(CHANGES.contains(&path)
        || STANDALONE.contains(&path)
        || ["diff", "log", "import"].contains(&path)
        || path.starts_with("review"))
}

/// The CLI as roster parses it and shows its help: every command's help
/// lists only the global options that apply to it (the others stay accepted,
/// hidden). clap copies each global option into every command when it builds
/// the tree, unless the command has it already; so each command gets its own
/// copy first, shown or hidden. (Hiding them after the build would leave
/// clap's index of the options stale.) The copies are global too, so a value
/// given after any command reaches `GlobalArgs`.
pub fn command() -> clap::Command {
    let cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd.get_arguments().filter(|a| a.is_global_set()).cloned().collect();
    with_options(cmd, "", &globals)
}

fn with_options(mut cmd: clap::Command, path: &str, globals: &[clap::Arg]) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |sub| {
            let mut sub = with_options(sub, &path, globals);
            for arg in globals {
                let id = arg.get_id().as_str();
                // A group (`member`) shows the change options on its changes only.
                let hide = (CHANGE_OPTIONS.contains(&id) && !CHANGES.contains(&path.as_str()))
                    || (STANDALONE.contains(&path.as_str()) && ["workspace", "format"].contains(&id))
                    || (id == "rev" && !reads_at_rev(&path));
                sub = sub.arg(arg.clone().hide(hide));
            }
            sub
        });
    }
    cmd
}

/// Parses the command line: the options, or clap's error (help and version
/// included), with roster's own usage error for an unknown option.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ParseError> {
    let matches = command().try_get_matches_from(&args).map_err(|e| match unknown_argument(&e, &args) {
        Some(ours) => ParseError::Roster(ours),
        None => ParseError::Clap(e),
    })?;
    Cli::from_arg_matches(&matches).map_err(ParseError::Clap)
}

/// Why the command line was not parsed.
#[derive(Debug)]
pub enum ParseError {
    /// clap's own message (and `--help`, `--version`).
    Clap(clap::Error),
    /// An unknown option, with roster's hints.
    Roster(crate::error::Error),
}

/// An unknown option (`member show lea --client acme`) as roster's usage
/// error. clap suggests the nearest option by spelling (`--quiet` for
/// `--client`), or to pass it as a value (`-- --member`), which misleads
/// more often than it helps here; roster names the commands that do take the
/// option, says what to run instead where it knows better, and suggests an
/// option of the same command only when it is a near spelling (`--profle`).
pub fn unknown_argument(err: &clap::Error, args: &[OsString]) -> Option<crate::error::Error> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if err.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(typed)) = err.get(ContextKind::InvalidArg) else { return None };
    let flag = typed.split('=').next().unwrap_or(typed).to_string();
    let long = flag.strip_prefix("--")?.to_string();
    let mut root = command();
    root.build();
    let path = command_path(&root, args, typed);
    let others = commands_with_option(&root, &long);
    let mut sub = &mut root;
    for name in &path {
        sub = sub.find_subcommand_mut(name)?;
    }
    let shown = if path.is_empty() { "roster".to_string() } else { format!("roster {}", path.join(" ")) };
    let mut error = crate::error::Error::usage(format!("`{shown}` has no option `{flag}`"));
    if let Some(hint) = better_hint(&path, &flag, args) {
        error = error.hint(hint);
    }
    let own: Vec<&str> = sub.get_arguments().filter(|a| !a.is_hide_set()).filter_map(|a| a.get_long()).collect();
    if let Some(near) =
        crate::diag::did_you_mean(&long, own.iter().copied()).filter(|n| strsim::levenshtein(n, &long) <= 2)
    {
        error = error.hint(format!("did you mean `--{near}`?"));
    }
    if !others.is_empty() {
        let list = others.iter().map(|c| format!("`roster {c}`")).collect::<Vec<_>>().join(", ");
        error = error.hint(format!("`{flag}` is an option of {list}"));
    }
    let usage = sub.render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage: ");
    Some(error.hint(format!("usage: {usage} (more with `{shown} --help`)")))
}

/// The names of the commands typed before `unknown` (`["member", "show"]`):
/// each word that names a subcommand of the one before.
fn command_path(root: &clap::Command, args: &[OsString], unknown: &str) -> Vec<String> {
    let mut path = Vec::new();
    let mut cmd = root;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()).take_while(|a| *a != unknown) {
        if let Some(sub) = cmd.find_subcommand(arg) {
            path.push(sub.get_name().to_string());
            cmd = sub;
        }
    }
    path
}

/// The leaf commands that take `--long` as an option of their own.
fn commands_with_option(root: &clap::Command, long: &str) -> Vec<String> {
    fn walk(cmd: &clap::Command, path: &str, long: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let path = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
            if sub.has_subcommands() {
                walk(sub, &path, long, out);
            } else if sub.get_arguments().any(|a| !a.is_global_set() && a.get_long() == Some(long)) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, "", long, &mut out);
    out
}

/// What to run instead, where roster knows the intent behind the option.
fn better_hint(path: &[String], flag: &str, args: &[OsString]) -> Option<String> {
    let words: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    // The value typed after the option (`--client acme` or `--client=acme`).
    let value = words.iter().position(|w| *w == flag || w.starts_with(&format!("{flag}="))).and_then(|i| {
        words[i].split_once('=').map(|(_, v)| v).or_else(|| words.get(i + 1).copied().filter(|v| !v.starts_with('-')))
    });
    let value = value.unwrap_or("CLIENT");
    // The first word after the command's name that is not an option: its id.
    let id = || {
        let after = words.iter().position(|w| Some(*w) == path.last().map(String::as_str))?;
        words[after + 1..].iter().find(|w| !w.starts_with('-') && **w != value).copied()
    };
    match (path.iter().map(String::as_str).collect::<Vec<_>>().as_slice(), flag) {
        (["member", "show"], "--client") => {
            let member = id().unwrap_or("MEMBER");
            Some(format!(
                "`member show` shows access without a client; for one client, ask `roster access check {member} AREA.ACTION --client {value}`"
            ))
        }
        (["diff"], "--member") => {
            let member = if value == "CLIENT" { "MEMBER" } else { value };
            Some(format!(
                "`diff` lists every member whose access changes; for one member, filter its JSON: \
                 `roster diff --format json | jq '.changes[] | select(.member == \"{member}\")'`"
            ))
        }
        (["access", "matrix"], "--client") => Some(format!(
            "the matrix holds levels without a client; on one client, ask `roster access who-can AREA.ACTION --client {value}`"
        )),
        _ => None,
    }
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
    #[command(subcommand, after_help = member::EXAMPLES)]
    Member(member::MemberCommand),
    /// List, show, compare, duplicate, edit and remove access profiles
    #[command(subcommand, after_help = profile::EXAMPLES)]
    Profile(profile::ProfileCommand),
    /// Move every member of a profile (per-client profiles too) to another
    TransferAll(transfer_all::TransferAllArgs),
    /// Move one member to another profile, or only for one client
    TransferOne(transfer_one::TransferOneArgs),
    /// List, add and remove clients; assign them to members
    #[command(subcommand, after_help = client::EXAMPLES)]
    Client(client::ClientCommand),
    /// List, show, add, edit and remove teams (a client assigned to a team reaches each member)
    #[command(subcommand, after_help = team::EXAMPLES)]
    Team(team::TeamCommand),
    /// Who can do what, and why
    #[command(subcommand, after_help = access::EXAMPLES)]
    Access(access::AccessCommand),
    /// Export members, profiles, clients, assignments or the access matrix as CSV or JSON
    Export(export::ExportArgs),
    /// Add or update members in bulk from CSV (all or nothing)
    #[command(subcommand, after_help = import::EXAMPLES)]
    Import(import::ImportCommand),
    /// Make many changes at once, one per line of a file: one validation, one write
    Batch(batch::BatchArgs),
    /// Who gains and loses access between git revisions, and the monthly cost
    Diff(diff::DiffArgs),
    /// Run the access expectations of tests.toml
    Test(test::TestArgs),
    /// Monthly cost, seats and licences, and the credit limits total
    Cost(cost::CostArgs),
    /// Clear what has ended: expired assignments, per-client profiles and overrides; suspend members past their until
    Prune(prune::PruneArgs),
    /// Effective access changes commit by commit, newest first
    Log(log::LogArgs),
    /// Access reviews: campaigns, decisions, revocations, a report for auditors
    #[command(subcommand, after_help = review::EXAMPLES)]
    Review(review::ReviewCommand),
    /// Licence savings and least-privilege findings, each with the command that realises it
    Analyze(analyze::AnalyzeArgs),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
    /// Write the JSON Schemas of the workspace files, for editors
    Schema(schema::SchemaArgs),
    /// Write the manual pages, one per command
    Man(man::ManArgs),
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
