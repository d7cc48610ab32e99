//! One module per command, as the user types it. A command loads the workspace,
//! works on the model, and hands one view to `render` ([`Ctx::show`]), which
//! prints it in the format asked for; no TOML, table or CSV code lives here.

pub mod access;
pub mod analyze;
pub mod args;
pub mod batch;
pub mod check;
pub mod client;
pub mod completions;
pub mod cost;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod import;
pub mod init;
pub mod log;
pub mod man;
pub mod member;
pub mod profile;
pub mod prune;
pub mod review;
pub mod schema;
pub mod team;
pub mod test;
pub mod transfer_all;
pub mod transfer_one;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::error::{Error, Outcome, Result};
use crate::model::Workspace;
use crate::render::{Format, View};
use crate::store;
use crate::style::{ColorChoice, Paint};
use std::io::IsTerminal;
use std::path::PathBuf;

/// The global options, checked once (ripgrep's "high-level args").
#[derive(Debug)]
pub struct Ctx {
    workspace: Option<PathBuf>,
    pub actor: Option<String>,
    pub dry_run: bool,
    pub allow_failing_tests: bool,
    pub lock_timeout: std::time::Duration,
    pub format: Format,
    pub quiet: bool,
    /// `--rev`: read commands read the workspace at this git revision.
    pub rev: Option<String>,
    color: ColorChoice,
    cwd: PathBuf,
}

impl Ctx {
    pub fn new(global: GlobalArgs) -> Result<Ctx> {
        let cwd = std::env::current_dir().map_err(|e| Error::io("cannot read the current folder", &e))?;
        crate::progress::enable(crate::progress::wanted(global.quiet));
        Ok(Ctx {
            workspace: global.workspace,
            actor: global.actor,
            dry_run: global.dry_run,
            allow_failing_tests: global.allow_failing_tests,
            lock_timeout: global.lock_timeout,
            format: global.format,
            quiet: global.quiet,
            rev: global.rev,
            color: global.color,
            cwd,
        })
    }

    pub fn root(&self) -> Result<PathBuf> {
        store::discover(self.workspace.as_deref(), &self.cwd)
    }

    /// The workspace, valid (its errors stop the command with exit 1), and
    /// never freed (see [`store::Kept`]).
    ///
    /// The one place read commands read a workspace: from the disk, or with
    /// `--rev` from git (see [`Ctx::check`]).
    pub fn open(&self) -> Result<store::Kept<Workspace>> {
        let root = self.root()?;
        let checked = self.check(&root)?;
        let valid = store::valid(checked, &self.shown_workspace(&root));
        // History cannot be fixed: another revision can be read.
        let valid = match (valid, &self.rev) {
            (Err(mut e), Some(_)) if e.code == "invalid-workspace" => {
                e.hints = vec!["read another revision; `roster log` shows the commit that fixed the errors".into()];
                Err(e)
            }
            (valid, _) => valid,
        };
        valid.map(store::Kept::new)
    }

    /// The workspace at `root`, read and checked: from the disk, or, with
    /// `--rev`, as it is at that revision: its files are read from git by
    /// blob id (`git::Repo::files_at`), and the working tree is not touched.
    pub fn check(&self, root: &std::path::Path) -> Result<store::Checked> {
        let Some(rev) = &self.rev else { return Ok(store::check(root)) };
        let repo = crate::git::locate(root)?;
        let commit = repo.resolve(rev)?;
        let files = repo.files_at(&commit)?;
        if files.is_empty() {
            return Err(Error::new(
                crate::error::Kind::Invalid,
                "no-workspace",
                format!("there is no workspace at `{}` in {rev}", self.shown(root)),
            )
            .hint("name a revision that has the workspace's files; `roster log` lists the commits that changed it"));
        }
        Ok(store::check_from(root, store::load::Input::Memory(&files)))
    }

    /// The workspace as messages name it: its folder, and the revision read.
    pub fn shown_workspace(&self, root: &std::path::Path) -> String {
        match &self.rev {
            Some(rev) => format!("{}` at `{rev}", self.shown(root)),
            None => self.shown(root),
        }
    }

    /// Refuses `--rev` for a command that writes (`what`): a revision is
    /// history, and a change is made to the working tree.
    pub fn refuse_rev(&self, what: &str) -> Result<()> {
        match &self.rev {
            Some(rev) => Err(Error::usage(format!(
                "--rev {rev}: --rev reads the workspace as it was, and {what} writes to the working tree"
            ))
            .hint("drop --rev to change the workspace as it is now; read commands take --rev")),
            None => Ok(()),
        }
    }

    pub fn out_paint(&self) -> Paint {
        Paint::for_stdout(self.color)
    }

    pub fn err_paint(&self) -> Paint {
        Paint::for_stderr(self.color)
    }

    /// A path as the user would type it: relative to the current folder when under it.
    pub fn shown(&self, path: &std::path::Path) -> String {
        let rel = path.strip_prefix(&self.cwd).unwrap_or(path);
        if rel.as_os_str().is_empty() { ".".into() } else { rel.display().to_string() }
    }

    pub fn cwd(&self) -> &std::path::Path {
        &self.cwd
    }

    /// The workspace folder as CI services name files: relative to the root
    /// of the git repository that holds it (`config/`, empty at the root),
    /// else to the current folder.
    pub fn repo_prefix(&self, root: &std::path::Path) -> String {
        match crate::git::locate(root) {
            Ok(repo) => repo.prefix,
            Err(_) => match self.shown(root).trim_end_matches('/') {
                "." | "" => String::new(),
                shown => format!("{shown}/"),
            },
        }
    }

    /// Prints the command's view in the format asked for (`render::show`).
    pub fn show(&self, view: &impl View) -> Result<()> {
        self.print(&crate::render::show(view, self.format, self.out_paint()))
    }

    /// Writes the command's output to stdout, through the terminal net of
    /// `render::escape` (control characters from the files show escaped;
    /// JSON passes it unchanged, as `render::json` leaves none raw);
    /// `--format csv` is data, kept as it is unless stdout is a terminal.
    pub fn print(&self, text: &str) -> Result<()> {
        self.emit(text, self.format.is_data())
    }

    /// Writes data (`export`'s CSV or JSON) to stdout: as it is, unless
    /// stdout is a terminal, where its control characters show escaped too.
    pub fn print_data(&self, text: &str) -> Result<()> {
        self.emit(text, true)
    }

    /// A closed pipe (`roster ... | head`) is not an error: the reader has
    /// what it wanted (see `output`).
    fn emit(&self, text: &str, data: bool) -> Result<()> {
        let text = if data && !std::io::stdout().is_terminal() {
            std::borrow::Cow::Borrowed(text)
        } else {
            crate::render::escape::terminal_text(text, !data && self.out_paint().enabled)
        };
        crate::output::out(&text).map_err(|e| Error::io("cannot write to stdout", &e))
    }

    /// What a change needs of the global options.
    pub fn change_options(&self) -> Result<crate::change::Options> {
        self.refuse_rev("a change")?;
        let root = self.root()?;
        Ok(crate::change::Options {
            shown_root: self.shown(&root),
            root,
            dry_run: self.dry_run,
            allow_failing_tests: self.allow_failing_tests,
            actor: self.actor.clone(),
            lock_timeout: self.lock_timeout,
        })
    }

    /// Prints what a change did: nothing with `-q`, but a dry run's diff always.
    pub fn report(&self, report: crate::change::Report) -> Result<Outcome> {
        if report.diff.is_some() || !self.quiet {
            self.print(&crate::render::change::report(&report, self.format, self.quiet))?;
        }
        Ok(Outcome::Success)
    }

    /// Writes text for people to stderr (see [`crate::render::eprint`]).
    pub fn eprint(&self, text: &str) {
        crate::render::eprint(self.err_paint(), text);
    }
}

pub fn run(cli: Cli) -> Result<Outcome> {
    if let Some(at) = cli.global.at {
        crate::model::dates::set_judgement_date(at);
    }
    let ctx = Ctx::new(cli.global)?;
    refuse_ci_format(&cli.command, ctx.format)?;
    refuse_rev_standalone(&cli.command, &ctx)?;
    match cli.command {
        Command::Init(args) => init::cmd_init(&ctx, args),
        Command::Check(args) => check::cmd_check(&ctx, args),
        Command::Fmt(args) => fmt::cmd_fmt(&ctx, args),
        Command::Diff(args) => diff::cmd_diff(&ctx, args),
        Command::Member(cmd) => member::run(&ctx, cmd),
        Command::Profile(cmd) => profile::run(&ctx, cmd),
        Command::Client(cmd) => client::run(&ctx, cmd),
        Command::Team(cmd) => team::run(&ctx, cmd),
        Command::TransferAll(args) => transfer_all::cmd_transfer_all(&ctx, args),
        Command::TransferOne(args) => transfer_one::cmd_transfer_one(&ctx, args),
        Command::Access(cmd) => access::run(&ctx, cmd),
        Command::Export(args) => export::cmd_export(&ctx, args),
        Command::Import(cmd) => import::run(&ctx, cmd),
        Command::Batch(args) => batch::cmd_batch(&ctx, args),
        Command::Test(args) => test::cmd_test(&ctx, args),
        Command::Cost(args) => cost::cmd_cost(&ctx, args),
        Command::Prune(args) => prune::cmd_prune(&ctx, args),
        Command::Log(args) => log::cmd_log(&ctx, args),
        Command::Review(cmd) => review::run(&ctx, cmd),
        Command::Analyze(args) => analyze::cmd_analyze(&ctx, args),
        Command::Completions(args) => completions::cmd_completions(&ctx, args),
        Command::Schema(args) => schema::cmd_schema(&ctx, args),
        Command::Man(args) => man::cmd_man(&ctx, args),
    }
}

/// `--rev` names a revision of the workspace: the commands that read none
/// (`completions`, `schema`, `man`) refuse it (exit 2) rather than ignore
/// it. (`init` refuses it itself: it writes a new workspace.)
fn refuse_rev_standalone(command: &Command, ctx: &Ctx) -> Result<()> {
    let name = match command {
        Command::Completions(_) => "completions",
        Command::Schema(_) => "schema",
        Command::Man(_) => "man",
        _ => return Ok(()),
    };
    match &ctx.rev {
        Some(rev) => Err(Error::usage(format!("--rev {rev}: `roster {name}` reads no workspace, at any revision"))
            .hint("drop --rev; read commands take it (`roster --rev REV check`)")),
        None => Ok(()),
    }
}

/// The CI formats are printed by the commands that report problems or tests
/// (`check`: github, sarif; `test`: github, junit); any other command refuses
/// them (exit 2) before it reads or writes anything, rather than print a
/// table where a CI service expects annotations.
fn refuse_ci_format(command: &Command, format: Format) -> Result<()> {
    let takes: &[Format] = match command {
        Command::Check(_) => &[Format::Github, Format::Sarif],
        Command::Test(_) => &[Format::Github, Format::Junit],
        _ => &[],
    };
    if !format.is_ci() || takes.contains(&format) {
        return Ok(());
    }
    let name = clap::ValueEnum::to_possible_value(&format).map(|v| v.get_name().to_string()).unwrap_or_default();
    Err(Error::usage(format!("this command does not print `--format {name}`"))
        .hint("`--format github` is for `roster check` and `roster test`, `sarif` for `roster check`, `junit` for `roster test`; other commands print table, csv, json or markdown"))
}

/// The member with this id, or exit 4 with the nearest id.
pub fn find_member<'w>(ws: &'w Workspace, id: &str) -> Result<&'w crate::model::Member> {
    ws.member(id)
        .ok_or_else(|| Error::not_found("member", id, ws.members.iter().map(|m| m.id.as_str()), "roster member list"))
}

pub fn find_profile<'w>(ws: &'w Workspace, id: &str) -> Result<&'w crate::model::Profile> {
    ws.profile(id).ok_or_else(|| {
        Error::not_found("profile", id, ws.profiles.iter().map(|p| p.id.as_str()), "roster profile list")
    })
}

pub fn find_client<'w>(ws: &'w Workspace, id: &str) -> Result<&'w crate::model::Client> {
    ws.client(id)
        .ok_or_else(|| Error::not_found("client", id, ws.clients.iter().map(|c| c.id.as_str()), "roster client list"))
}
