//! `roster batch FILE|-`: many changes, one validation, one write (SPEC §14).
//!
//! Each line is a change as typed after `roster` (`member edit bob --status
//! suspended`), split with shell quoting (`shell-words`), `#` comments and
//! blank lines allowed, and read by the same clap definitions as the command
//! line. Every line is planned by its command's own `plan`, on the state the
//! lines above left (`change::Batch`); the result is validated, held to the
//! tests and written once: all or nothing. A bad line stops the batch with
//! its own error, prefixed with its number, and nothing is written.

use super::Ctx;
use super::{client, import, member, profile, prune, team, transfer_all, transfer_one};
use crate::change::{Batch, Change};
use crate::cli::{Cli, Command};
use crate::error::{Detail, Error, Kind, Outcome, Result};
use crate::progress::{self, Unit};
use crate::render::change::BatchLine;
use clap::{Args, CommandFactory, FromArgMatches, Subcommand};
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_help = "\
Each line is a change as typed after `roster`, with shell quoting; `#` starts
a comment. changes.txt:
  # onboarding
  member add dan --name \"Dan Marchand\" --email dan@example.com
  client assign acme globex --to dan
  transfer-one hugo --to full-accounting
The lines are applied in order, each on what the lines above left; then all
of them are validated, held to tests.toml and written at once, or none is.

Examples:
  roster --dry-run batch changes.txt      the combined diff, nothing written
  roster --dry-run batch - < changes.txt  the same, the lines from standard input
  roster batch changes.txt                all the changes, or none")]
pub struct BatchArgs {
    /// A file of changes, one per line as typed after `roster` (`-`: standard input)
    #[arg(value_name = "FILE|-", value_hint = clap::ValueHint::FilePath)]
    pub file: PathBuf,
}

/// A line of the batch: where it is, what it says, and the change it makes.
#[derive(Debug)]
struct Line {
    number: usize,
    words: Vec<String>,
    change: LineChange,
}

/// The commands a line may hold: the changes.
#[derive(Debug)]
enum LineChange {
    MemberAdd(member::add::AddArgs),
    MemberEdit(member::edit::EditArgs),
    MemberRemove(member::remove::RemoveArgs),
    MemberRename(member::rename::RenameArgs),
    Prune(prune::PruneArgs),
    ProfileDefault(String),
    ProfileDuplicate(profile::duplicate::DuplicateArgs),
    ProfileEdit(profile::edit::EditArgs),
    ProfileRemove(profile::remove::RemoveArgs),
    TransferAll(transfer_all::TransferAllArgs),
    TransferOne(transfer_one::TransferOneArgs),
    ClientAdd(client::add::AddArgs),
    ClientRemove(client::remove::RemoveArgs),
    ClientAssign(client::assign::AssignArgs),
    ClientUnassign(client::assign::UnassignArgs),
    TeamAdd(team::add::AddArgs),
    TeamEdit(team::edit::EditArgs),
    TeamRemove(team::remove::RemoveArgs),
    ImportMembers(import::MembersArgs),
}

pub fn cmd_batch(ctx: &Ctx, args: BatchArgs) -> Result<Outcome> {
    // Read and parsed whole before the lock is taken: a bad line of usage
    // is found without reading the workspace, and the change waits on no input.
    // `--rev` is refused before standard input is read.
    let options = ctx.change_options()?;
    let text = read_input(&args.file)?;
    progress::phase("reading the lines", 0, Unit::None);
    let lines = parse(&text)?;
    let mut batch = Batch::begin(options)?;
    let mut done = Vec::with_capacity(lines.len());
    // The lines that changed each member, to name them in a refusal.
    let mut changed: HashMap<String, Vec<usize>> = HashMap::new();
    progress::phase("applying the lines", lines.len() as u64, Unit::Items);
    for (i, line) in lines.into_iter().enumerate() {
        if i % 16 == 0 {
            progress::set(i as u64);
        }
        let step =
            batch.step(|change| plan(change, &line.change)).map_err(|e| e.at(format!("line {}", line.number)))?;
        for id in step.members {
            let lines = changed.entry(id).or_default();
            if lines.last() != Some(&line.number) {
                lines.push(line.number);
            }
        }
        done.push(BatchLine { line: line.number, command: shell_words::join(&line.words), changes: step.facts });
    }
    let report = batch.commit().map_err(|e| name_lines(e, &changed))?;
    if report.diff.is_some() || !ctx.quiet {
        ctx.print(&crate::render::change::batch(&done, &report, ctx.format, ctx.quiet))?;
    }
    Ok(Outcome::Success)
}

/// A refusal names the lines above each rule broken in a member's entry:
/// those that changed that member.
fn name_lines(mut err: Error, changed: &HashMap<String, Vec<usize>>) -> Error {
    let Some(details) = err.details.as_deref_mut() else { return err };
    for item in std::mem::take(&mut details.items) {
        if let Detail::Diagnostic { member: Some(id), .. } = &item
            && let Some(lines) = changed.get(id.as_str())
        {
            let list: Vec<String> = lines.iter().map(usize::to_string).collect();
            let s = if lines.len() == 1 { "" } else { "s" };
            details.items.push(Detail::Text(format!("line{s} {} (member {id}):\n", list.join(", "))));
        }
        details.items.push(item);
    }
    err
}

/// The line's edits, by its command's own plan.
fn plan(change: &mut Change<'_>, line: &LineChange) -> Result<()> {
    match line {
        LineChange::MemberAdd(args) => member::add::plan(change, args),
        LineChange::MemberEdit(args) => member::edit::plan(change, args),
        LineChange::MemberRemove(args) => member::remove::plan(change, args),
        LineChange::MemberRename(args) => member::rename::plan(change, args),
        LineChange::Prune(args) => prune::plan(change, args),
        LineChange::ProfileDefault(id) => profile::default::plan_set(change, id),
        LineChange::ProfileDuplicate(args) => profile::duplicate::plan(change, args),
        LineChange::ProfileEdit(args) => profile::edit::plan(change, args),
        LineChange::ProfileRemove(args) => profile::remove::plan(change, args),
        LineChange::TransferAll(args) => transfer_all::plan(change, args),
        LineChange::TransferOne(args) => transfer_one::plan(change, args),
        LineChange::ClientAdd(args) => client::add::plan(change, args),
        LineChange::ClientRemove(args) => client::remove::plan(change, args),
        LineChange::ClientAssign(args) => client::assign::plan_assign(change, args),
        LineChange::ClientUnassign(args) => client::assign::plan_unassign(change, args),
        LineChange::TeamAdd(args) => team::add::plan(change, args),
        LineChange::TeamEdit(args) => team::edit::plan(change, args),
        LineChange::TeamRemove(args) => team::remove::plan(change, args),
        LineChange::ImportMembers(args) => import::plan(change, args),
    }
}

/// The batch's text: the file, or standard input for `-`.
fn read_input(file: &std::path::Path) -> Result<String> {
    let shown = file.display().to_string();
    let bytes = if shown == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("cannot read the batch from standard input", &e))?;
        bytes
    } else {
        // A regular file only: a FIFO or a device would make the batch wait or read without end.
        crate::store::files::read_regular(file).map_err(|r| {
            use crate::store::files::Refusal;
            match r {
                Refusal::NotRegular(_) => Error::new(Kind::Environment, "io", r.message(&shown, "read"))
                    .hint("pipe it to `roster batch -` instead"),
                Refusal::Missing { link: None } => {
                    Error::new(Kind::Environment, "io", format!("cannot read `{shown}`: there is no such file"))
                        .hint("check the path of the batch file, or pass `-` to read standard input")
                }
                _ => Error::new(Kind::Environment, "io", r.message(&shown, "read")).hint(r.hint(&shown)),
            }
        })?
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let line = bytes[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::usage("the line is not UTF-8 text").at(format!("line {line}")).hint("save the batch as UTF-8")
    })
}

/// Every line that holds a change, parsed; the first bad one is an error.
fn parse(text: &str) -> Result<Vec<Line>> {
    // Built once: a thousand lines are parsed by one definition, the
    // commands' own without the global options (which are the batch's:
    // `global_option` names them when a line has one).
    let mut cli = Command::augment_subcommands(clap::Command::new("roster")).subcommand_required(true);
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let words = shell_words::split(raw).map_err(|e| {
            Error::usage(format!("the line cannot be split into words: {e}"))
                .at(format!("line {number}"))
                .hint("quote a value with spaces as in a shell: --name \"Dan Marchand\" or --name 'Dan Marchand'")
        })?;
        // A blank line, or a comment.
        if words.is_empty() {
            continue;
        }
        let change = parse_words(&mut cli, &words).map_err(|e| e.at(format!("line {number}")))?;
        lines.push(Line { number, words, change });
    }
    Ok(lines)
}

/// One line's words, read as the command line reads `roster WORDS...`.
fn parse_words(cli: &mut clap::Command, words: &[String]) -> Result<LineChange> {
    if words[0] == "roster" {
        return Err(Error::usage("a line starts with the command, not with `roster`")
            .hint(format!("write `{}`", shell_words::join(&words[1..]))));
    }
    let matches = cli
        .try_get_matches_from_mut(std::iter::once("roster").chain(words.iter().map(String::as_str)))
        .map_err(|e| global_option(&e).unwrap_or_else(|| clap_error(e, words)))?;
    change_of(Command::from_arg_matches(&matches).map_err(|e| clap_error(e, words))?)
}

/// A global option on a line (`--dry-run`, `-w DIR`...), which a line's
/// parser does not know: it is the whole batch's (one workspace, one actor,
/// one validation and one write).
fn global_option(e: &clap::Error) -> Option<Error> {
    use clap::error::{ContextKind, ContextValue};
    if e.kind() != clap::error::ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(given)) = e.get(ContextKind::InvalidArg) else { return None };
    let given = given.split('=').next().unwrap_or(given);
    let global = Cli::command().get_arguments().filter(|a| a.is_global_set()).find_map(|a| {
        let long = a.get_long().map(|l| format!("--{l}"));
        let short = a.get_short().map(|s| format!("-{s}"));
        (long.as_deref() == Some(given) || short.as_deref() == Some(given)).then(|| long.unwrap_or_default())
    })?;
    Some(
        Error::usage(format!("`{global}` is an option of the whole batch, not of one line"))
            .hint(format!("put it on the command line: `roster batch {global} ... FILE`")),
    )
}

/// The change a command makes, or why a line can't hold it.
fn change_of(command: Command) -> Result<LineChange> {
    use client::ClientCommand as C;
    use member::MemberCommand as M;
    use profile::ProfileCommand as P;
    let not_a_change = |what: &str| {
        Error::usage(format!("`{what}` changes nothing in the workspace: a batch holds changes only"))
            .hint("run it on its own, before or after the batch")
    };
    Ok(match command {
        Command::Member(M::Add(a)) => LineChange::MemberAdd(a),
        Command::Member(M::Edit(a)) => LineChange::MemberEdit(a),
        Command::Member(M::Remove(a)) => LineChange::MemberRemove(a),
        Command::Member(M::Rename(a)) => LineChange::MemberRename(a),
        Command::Prune(a) => LineChange::Prune(a),
        Command::Member(M::List(_)) => return Err(not_a_change("member list")),
        Command::Member(M::Show(_)) => return Err(not_a_change("member show")),
        Command::Profile(P::Default(a)) => match a.profile {
            Some(p) => LineChange::ProfileDefault(p),
            None => return Err(not_a_change("profile default").hint("`profile default P` sets the default profile")),
        },
        Command::Profile(P::Duplicate(a)) => LineChange::ProfileDuplicate(a),
        Command::Profile(P::Edit(a)) => LineChange::ProfileEdit(a),
        Command::Profile(P::Remove(a)) => LineChange::ProfileRemove(a),
        Command::Profile(P::List(_)) => return Err(not_a_change("profile list")),
        Command::Profile(P::Show(_)) => return Err(not_a_change("profile show")),
        Command::Profile(P::Compare(_)) => return Err(not_a_change("profile compare")),
        Command::TransferAll(a) => LineChange::TransferAll(a),
        Command::TransferOne(a) => LineChange::TransferOne(a),
        Command::Client(C::Add(a)) => LineChange::ClientAdd(a),
        Command::Client(C::Remove(a)) => LineChange::ClientRemove(a),
        Command::Client(C::Assign(a)) => LineChange::ClientAssign(a),
        Command::Client(C::Unassign(a)) => LineChange::ClientUnassign(a),
        Command::Client(C::List(_)) => return Err(not_a_change("client list")),
        Command::Team(team::TeamCommand::Add(a)) => LineChange::TeamAdd(a),
        Command::Team(team::TeamCommand::Edit(a)) => LineChange::TeamEdit(a),
        Command::Team(team::TeamCommand::Remove(a)) => LineChange::TeamRemove(a),
        Command::Team(team::TeamCommand::List(_)) => return Err(not_a_change("team list")),
        Command::Team(team::TeamCommand::Show(_)) => return Err(not_a_change("team show")),
        Command::Import(import::ImportCommand::Members(a)) => LineChange::ImportMembers(a),
        Command::Access(_) => return Err(not_a_change("access")),
        Command::Check(_) => return Err(not_a_change("check")),
        Command::Export(_) => return Err(not_a_change("export")),
        Command::Diff(_) => return Err(not_a_change("diff")),
        Command::Test(_) => return Err(not_a_change("test")),
        Command::Completions(_) => return Err(not_a_change("completions")),
        Command::Schema(_) => return Err(not_a_change("schema")),
        Command::Man(_) => return Err(not_a_change("man")),
        Command::Cost(_) => return Err(not_a_change("cost")),
        Command::Log(_) => return Err(not_a_change("log")),
        Command::Review(_) => {
            return Err(Error::usage("a review campaign is changed by its own commands, not in a batch")
                .hint("run `roster review ...` on its own, before or after the batch"));
        }
        Command::Analyze(_) => return Err(not_a_change("analyze")),
        Command::Init(_) => {
            return Err(Error::usage("`init` creates a workspace: a batch changes the one it runs on")
                .hint("run `roster init DIR` on its own"));
        }
        Command::Fmt(_) => {
            return Err(Error::usage("`fmt` rewrites every file: it is not a change a batch can hold")
                .hint("run `roster fmt` on its own, before or after the batch"));
        }
        Command::Batch(_) => {
            return Err(Error::usage("a batch can't hold another batch")
                .hint("put the other file's lines in this one, or run them apart"));
        }
    })
}

/// A clap error of a line, as roster's usage error: its first line the
/// message, the rest (a suggestion, the usage) hints.
fn clap_error(e: clap::Error, words: &[String]) -> Error {
    use clap::error::ErrorKind;
    let rendered = e.render().to_string();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return Error::usage("help and version are not changes")
                .hint("`roster COMMAND --help` shows a command's options");
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return Error::usage(format!("`{}` is a group of commands: name one of them", words.join(" ")))
                .hint(format!("`roster {} --help` lists them", shell_words::join(words)));
        }
        _ => {}
    }
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("the line is not a command").trim_start_matches("error:").trim();
    let mut err = Error::usage(first.to_string());
    for hint in lines.filter(|l| !l.starts_with("For more information")) {
        // The usage of the line, as it is written in a batch: without `roster`.
        let hint = match hint.strip_prefix("Usage: roster ") {
            Some("<COMMAND>") => {
                "a line is a change as typed after `roster`: `roster --help` lists the commands".into()
            }
            Some(usage) => format!("usage: {usage}"),
            None => hint.to_string(),
        };
        err = err.hint(hint);
    }
    err
}

#[cfg(test)]
mod tests {
    use super::{parse, plan};
    use crate::change::{Batch, Options, Session};
    use crate::generate::{Params, generate, write};
    use crate::model::Workspace;
    use crate::store::load::{Input, load_from};
    use std::collections::BTreeMap;
    use std::path::Path;

    const LINES: &str = r#"
# added, then assigned and edited: later lines see it
member add zed --name "Zed Last" --email zed@example.com --client c000001
client assign c000002 c000003 --to zed
member edit zed --name 'Zed Z' --credit-limit 10
transfer-one m000010 --to p0002
# neighbours removed, and one id added again
member remove m000011
member remove m000012
member add m000011 --name Again --email again@example.com
client add cnew --name "New Co"
client assign cnew --to m000013
client unassign cnew --from m000013
client remove c000004
profile duplicate p0001 pnew --name "P New"
transfer-one m000014 --to pnew
profile edit pnew --name "P Newer"
member add aaa --name First --email first@example.com --profile pnew
member remove aaa
member add aab --name First --email first2@example.com
transfer-all p0003 --to p0004
"#;

    fn options(root: &Path) -> Options {
        Options {
            root: root.to_path_buf(),
            shown_root: root.display().to_string(),
            dry_run: false,
            allow_failing_tests: true,
            actor: None,
            lock_timeout: std::time::Duration::from_secs(5),
        }
    }

    /// The workspace a batch moved on in place says what a read of the
    /// change's files says: every member, client and profile.
    #[track_caller]
    fn same_state(moved: &Workspace, read: &Workspace, line: usize) {
        let ids = |ws: &Workspace| {
            let mut m: Vec<String> = ws.members.iter().map(|m| m.id.to_string()).collect();
            m.sort();
            let mut c: Vec<String> = ws.clients.iter().map(|c| c.id.to_string()).collect();
            c.sort();
            (m, c, ws.profiles.iter().map(|p| p.id.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(ids(moved), ids(read), "after line {line}");
        for m in &read.members {
            assert!(moved.member(&m.id).is_some_and(|x| x.same_entry(m)), "member {} after line {line}", m.id);
        }
        let client = |c: &crate::model::Client| {
            let r = |r: &Option<crate::model::Ref>| r.as_ref().map(|r| r.value.to_string());
            (c.name.clone(), c.kind, r(&c.company), r(&c.created_by))
        };
        for c in &read.clients {
            assert_eq!(moved.client(&c.id).map(client), Some(client(c)), "client {} after line {line}", c.id);
        }
        for p in &read.profiles {
            let q = moved.profile(&p.id).expect("profile");
            assert_eq!((&q.name, &q.tier.value), (&p.name, &p.tier.value), "profile {} after line {line}", p.id);
        }
        let default = |ws: &Workspace| ws.default_profile().map(|p| p.id.to_string());
        assert_eq!(default(moved), default(read), "after line {line}");
    }

    /// Each line is planned on the state the lines above left, which reads
    /// as the files would; and the batch writes what the same commands, one
    /// session each, write.
    #[test]
    fn a_batch_is_its_lines_one_after_another() {
        let files = generate(&Params { members: 300, clients: 80, profiles: 8, ..Params::default() });
        let (one, each) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(one.path(), &files).unwrap();
        write(each.path(), &files).unwrap();
        let lines = parse(LINES).unwrap();
        let mut batch = Batch::begin(options(one.path())).unwrap();
        for line in &lines {
            let step = batch.step(|change| plan(change, &line.change));
            assert!(step.is_ok_and(|s| !s.facts.is_empty()), "line {}", line.number);
            let texts = batch.texts();
            let read = load_from(one.path(), Input::Memory(&texts));
            same_state(batch.workspace(), &read.workspace, line.number);
        }
        let report = batch.commit().unwrap();
        assert_eq!(report.files, ["profiles/pnew.toml", "members.toml", "clients.toml"]);
        for line in &lines {
            Session::change(options(each.path()), |change| plan(change, &line.change))
                .unwrap_or_else(|e| panic!("line {}: {e}", line.number));
        }
        let read = |dir: &Path| -> BTreeMap<String, String> {
            ["workspace.toml", "members.toml", "clients.toml", "profiles/pnew.toml", "profiles/p0003.toml"]
                .iter()
                .map(|n| (n.to_string(), std::fs::read_to_string(dir.join(n)).unwrap()))
                .collect()
        };
        let (batched, mut one_by_one) = (read(one.path()), read(each.path()));
        // An entry added and removed again leaves nothing in a batch; one
        // command at a time, the removal (of a first entry) leaves a blank line.
        for text in one_by_one.values_mut() {
            while text.contains("\n\n\n") {
                *text = text.replace("\n\n\n", "\n\n");
            }
        }
        for (name, text) in &batched {
            if text != &one_by_one[name] {
                let diff = similar::TextDiff::from_lines(one_by_one[name].as_str(), text.as_str());
                panic!("{name} differs:\n{}", diff.unified_diff().context_radius(2));
            }
        }
    }
}
