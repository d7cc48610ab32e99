//! `roster check [--strict]`: every problem of the workspace in one run; for
//! people on stderr, for scripts and CI (json, github, sarif) on stdout.

use super::Ctx;
use crate::diag::Diagnostic;
use crate::error::{Outcome, Result};
use crate::render::{self, Format, View, ci};
use crate::source::Sources;
use crate::store::{self, plural};
use clap::Args;
use serde::ser::{Serialize, SerializeMap, Serializer};

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster check                           every problem, with file:line:col
  roster check --strict --format json    warnings fail too; for scripts"#)]
pub struct CheckArgs {
    /// Fail on warnings too (exit 1)
    #[arg(long)]
    pub strict: bool,
}

pub fn cmd_check(ctx: &Ctx, args: CheckArgs) -> Result<Outcome> {
    let root = ctx.root()?;
    let mut checked = ctx.check(&root)?;
    // The review campaigns: `check` is the one command besides `review` that
    // reads them (in the working tree only: `--rev` reads the workspace's files).
    if ctx.rev.is_none() {
        let (_, reviews) = crate::review::check_all(&root, &mut checked.workspace.sources);
        if !reviews.is_empty() {
            checked.diagnostics.extend(reviews);
            crate::diag::sort(&mut checked.diagnostics);
        }
    }
    let checked = store::Kept::new(checked);
    let ws = &checked.workspace;
    let errors = checked.errors().count();
    let warnings = checked.warnings().count();
    let failed = errors > 0 || (args.strict && warnings > 0);

    // Machines read the report on stdout, people on stderr (with the line shown).
    if !matches!(ctx.format, Format::Table | Format::Csv | Format::Markdown) {
        // CI services name files from the repository's root.
        let prefix = if ctx.format.is_ci() { ctx.repo_prefix(&root) } else { String::new() };
        ctx.show(&CheckView { diagnostics: &checked.diagnostics, sources: &ws.sources, prefix })?;
    } else {
        let paint = ctx.err_paint();
        // -q: nothing on success, warnings included; a failure shows everything.
        if failed || !ctx.quiet {
            for d in &checked.diagnostics {
                ctx.eprint(&format!("{}\n", d.render(&ws.sources, paint)));
            }
        }
        let summary = format!(
            "{} error{}, {} warning{} in `{}`",
            errors,
            plural(errors),
            warnings,
            plural(warnings),
            ctx.shown_workspace(&root)
        );
        if failed {
            let why = if errors > 0 { "" } else { " (--strict: warnings fail)" };
            ctx.eprint(&format!("{}: {summary}{why}\n", paint.apply(paint.error(), "check failed")));
        } else if !ctx.quiet {
            let p = ctx.out_paint();
            let teams = ws.teams().len();
            // Teams are optional: counted only where there are some.
            let teams = if teams == 0 { String::new() } else { format!(", {teams} team{}", plural(teams)) };
            ctx.print(&format!(
                "{}: {summary}: {} member{}, {} profile{}, {} client{}{teams}\n",
                p.apply(p.ok(), "ok"),
                ws.members.len(),
                plural(ws.members.len()),
                ws.profiles.len(),
                plural(ws.profiles.len()),
                ws.clients.len(),
                plural(ws.clients.len()),
            ))?;
        }
    }
    Ok(if failed { Outcome::Negative } else { Outcome::Success })
}

/// The diagnostics for machines: JSON `{"errors": [diag], "warnings": [diag]}`,
/// GitHub annotations, or a SARIF log.
struct CheckView<'a> {
    diagnostics: &'a [Diagnostic],
    sources: &'a Sources,
    /// The workspace folder, relative to the repository root (`config/`).
    prefix: String,
}

impl CheckView<'_> {
    fn findings(&self) -> Vec<ci::Finding> {
        self.diagnostics.iter().map(|d| d.to_finding(self.sources, &self.prefix)).collect()
    }
}

impl Serialize for CheckView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let list = |err: bool| {
            self.diagnostics.iter().filter(|d| d.is_error() == err).map(|d| d.to_json(self.sources)).collect::<Vec<_>>()
        };
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("errors", &list(true))?;
        map.serialize_entry("warnings", &list(false))?;
        map.end()
    }
}

impl View for CheckView<'_> {
    fn github(&self) -> Option<String> {
        Some(ci::github(&self.findings()))
    }

    fn sarif(&self) -> Option<String> {
        Some(render::json(&ci::sarif(&self.findings())))
    }
}
