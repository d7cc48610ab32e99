//! `roster diff [REV] [--to REV] [--exit-code] [--max-losing N]`: who gains and
//! who loses access between the workspace at REV (default HEAD) and the working
//! tree (or `--to REV`), and what it does to the monthly bill. Table, json (SPEC
//! §5) or markdown, ready to post on a pull request.

use super::Ctx;
use crate::diff::{Report, compare};
use crate::error::{Details, Error, Kind, Outcome, Result};
use crate::model::Workspace;
use crate::render::escape::{markdown as md, markdown_code as code, terminal};
use crate::render::{View, money};
use crate::store::{self, Checked, load::Input, plural};
use crate::style::Paint;
use crate::{expect, git};
use clap::Args;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster diff    HEAD to the working tree
  # for a pull request comment
  roster diff main --format markdown > access-diff.md
  # exit 1 when more than 5 members lose access
  roster diff HEAD~3 --to HEAD --max-losing 5"#)]
pub struct DiffArgs {
    /// The revision to compare from
    #[arg(default_value = "HEAD", value_name = "REV")]
    pub from: String,
    /// Compare with this revision instead of the working tree
    #[arg(long, value_name = "REV")]
    pub to: Option<String>,
    /// Exit 1 when anything changed
    #[arg(long)]
    pub exit_code: bool,
    /// Exit 1 when more than N members lose any access (a guard against mass removals)
    #[arg(long, value_name = "N")]
    pub max_losing: Option<usize>,
}

/// The workspace at a revision (`commit`, resolved from `rev`), valid, or its
/// diagnostics and exit 1.
fn at_revision(ctx: &Ctx, root: &std::path::Path, repo: &git::Repo, commit: &str, rev: &str) -> Result<Checked> {
    let files = repo.files_at(commit)?;
    if files.is_empty() {
        return Err(Error::new(
            Kind::Invalid,
            "invalid-workspace",
            format!("there is no workspace at `{}` in {rev}", ctx.shown(root)),
        )
        .hint("compare from a revision that has the workspace's files"));
    }
    valid(store::check_from(root, Input::Memory(&files)), rev)
}

fn valid(mut checked: Checked, label: &str) -> Result<Checked> {
    // A separation-of-duties conflict is listed, not a reason to stop.
    let count = checked.diagnostics.iter().filter(|d| crate::separation::blocks_comparison(d)).count();
    if count == 0 {
        return Ok(checked);
    }
    let sources = std::mem::take(&mut checked.workspace.sources);
    let errors = checked.diagnostics.into_iter().filter(crate::separation::blocks_comparison);
    Err(Error::new(
        Kind::Invalid,
        "invalid-workspace",
        format!("the workspace at {label} has {count} error{}", plural(count)),
    )
    .hint("a diff needs a valid workspace at both ends; fix the errors above")
    .details(Details::diagnostics(sources, errors, true)))
}

pub fn cmd_diff(ctx: &Ctx, args: DiffArgs) -> Result<Outcome> {
    if let Some(rev) = &ctx.rev {
        return Err(Error::usage(format!("--rev {rev}: `diff` takes its revisions as arguments"))
            .hint(format!("write `roster diff {rev}` (from {rev} to the working tree) or `roster diff A --to B`")));
    }
    let root = ctx.root()?;
    let repo = git::locate(&root)?;
    // Both revisions first: a bad one is reported before any workspace is read.
    let from = repo.resolve(&args.from)?;
    let to = args.to.as_deref().map(|rev| repo.resolve(rev)).transpose()?;
    let before = at_revision(ctx, &root, &repo, &from, &args.from)?;
    let (after, to_label) = match (&args.to, &to) {
        (Some(rev), Some(commit)) => (at_revision(ctx, &root, &repo, commit, rev)?, rev.clone()),
        _ => (valid(store::check(&root), "the working tree")?, "the working tree".to_string()),
    };
    let report = compare(&before.workspace, &after.workspace);
    let broken = expect::newly_failing(&before.workspace, &after.workspace);
    let view = DiffView {
        from: &args.from,
        to: args.to.as_deref(),
        to_label: &to_label,
        report: &report,
        broken: &broken,
        after: &after.workspace,
    };
    if !(ctx.quiet && report.is_empty() && broken.is_empty()) {
        ctx.show(&view)?;
    }
    let losing = report.losing().len();
    if let Some(max) = args.max_losing
        && losing > max
    {
        return Err(Error::new(
            Kind::Invalid,
            "max-losing",
            format!("{} access, more than --max-losing {max}", members_lose(losing)),
        ));
    }
    Ok(if args.exit_code && !report.is_empty() { Outcome::Negative } else { Outcome::Success })
}

/// "1 member loses", "2 members lose".
fn members_lose(n: usize) -> String {
    if n == 1 { "1 member loses".into() } else { format!("{n} members lose") }
}

/// The diff: SPEC §5's JSON; for people the changes by member, the members
/// added and removed, the monthly cost and the tests that now fail; Markdown
/// for a pull-request comment (csv shows the text for people).
struct DiffView<'a> {
    from: &'a str,
    to: Option<&'a str>,
    /// `to`, or the working tree.
    to_label: &'a str,
    report: &'a Report,
    /// The tests that pass before and fail after.
    broken: &'a [expect::Outcome],
    after: &'a Workspace,
}

impl Serialize for DiffView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Change<'a> {
            member: &'a str,
            area: &'a str,
            action: &'a str,
            client: Option<&'a str>,
            before: &'a str,
            after: &'a str,
        }
        #[derive(Serialize)]
        struct Cost {
            before: f64,
            after: f64,
        }
        #[derive(Serialize)]
        struct Failing<'a> {
            name: &'a str,
            expected: &'a str,
            actual: &'a str,
        }
        let r = self.report;
        let changes: Vec<Change> = r
            .changes
            .iter()
            .map(|c| Change {
                member: &c.member,
                area: &c.area,
                action: &c.action,
                client: c.client.as_deref(),
                before: c.before.as_str(),
                after: c.after.as_str(),
            })
            .collect();
        let failing: Vec<Failing> =
            self.broken.iter().map(|b| Failing { name: &b.name, expected: &b.expected, actual: &b.actual }).collect();
        let mut st = s.serialize_struct("Diff", 8)?;
        st.serialize_field("from", self.from)?;
        st.serialize_field("to", &self.to)?;
        st.serialize_field("changes", &changes)?;
        st.serialize_field("members_added", &r.members_added)?;
        st.serialize_field("members_removed", &r.members_removed)?;
        st.serialize_field("monthly_cost", &Cost { before: r.cost_before, after: r.cost_after })?;
        st.serialize_field("failing_tests", &failing)?;
        let conflicts: Vec<serde_json::Value> = r.conflicts.iter().map(|c| c.to_json()).collect();
        st.serialize_field("conflicts", &conflicts)?;
        st.end()
    }
}

impl View for DiffView<'_> {
    fn text(&self, paint: Paint) -> Option<String> {
        let currency = &self.after.settings.currency;
        let mut out = table(self.report, self.from, self.to_label, currency, paint);
        for b in self.broken {
            out.push_str(&format!(
                "test now fails: {} (expected {}; actual {})\n",
                terminal(&b.name),
                terminal(&b.expected),
                terminal(&b.actual)
            ));
        }
        Some(out)
    }

    fn markdown(&self) -> Option<String> {
        let currency = &self.after.settings.currency;
        let mut out = markdown(self.report, self.from, self.to_label, currency, self.after);
        if !self.broken.is_empty() {
            out.push_str("\n**Tests that pass before and fail after:**\n\n");
            for b in self.broken {
                out.push_str(&format!(
                    "- ❌ {} (expected {}; actual {})\n",
                    md(&b.name),
                    md(&b.expected),
                    md(&b.actual)
                ));
            }
        }
        Some(out)
    }
}

fn cost_line(r: &Report, currency: &str) -> String {
    let delta = r.cost_after - r.cost_before;
    let sign = if delta >= 0.0 { "+" } else { "-" };
    format!("{} -> {} {currency} ({sign}{})", money(r.cost_before), money(r.cost_after), money(delta.abs()))
}

fn what(c: &crate::diff::AccessChange) -> String {
    match &c.client {
        Some(client) => format!("{}.{} on {client}", c.area, c.action),
        None => format!("{}.{}", c.area, c.action),
    }
}

fn table(r: &Report, from: &str, to: &str, currency: &str, paint: Paint) -> String {
    if r.is_empty() {
        return format!("no access changes from {from} to {to}\n");
    }
    let mut out = format!("access changes from {from} to {to}:\n");
    let width = r.changes.iter().map(|c| what(c).chars().count()).max().unwrap_or(0);
    let mut member = "";
    for c in &r.changes {
        if c.member != member {
            member = &c.member;
            out.push_str(&format!("\n{}\n", paint.apply(paint.bold(), member)));
        }
        let style = if c.is_loss() { paint.error() } else { paint.ok() };
        let word = if c.is_loss() { "loses" } else { "gains" };
        out.push_str(&format!("  {:<width$}  {} -> {}  {}\n", what(c), c.before, c.after, paint.apply(style, word)));
    }
    out.push('\n');
    if !r.members_added.is_empty() {
        out.push_str(&format!("members added: {}\n", r.members_added.join(", ")));
    }
    if !r.members_removed.is_empty() {
        out.push_str(&format!("members removed: {}\n", r.members_removed.join(", ")));
    }
    for c in &r.conflicts {
        let style = if c.created { paint.error() } else { paint.ok() };
        out.push_str(&format!(
            "{}: {}\n",
            paint.apply(style, &format!("separation of duties, conflict {}", c.word())),
            terminal(&c.message)
        ));
    }
    out.push_str(&format!("monthly cost: {}\n", cost_line(r, currency)));
    let losing = r.losing();
    if !losing.is_empty() {
        out.push_str(&format!(
            "{} access: {}\n",
            members_lose(losing.len()),
            losing.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

/// Markdown for a pull-request comment: every value escaped (`render::escape`),
/// so that no label, name or revision can end the table, hide the rest of the
/// comment in HTML or add a link.
fn markdown(r: &Report, from: &str, to: &str, currency: &str, ws: &Workspace) -> String {
    let mut out = format!("### roster: access changes from {} to {}\n\n", code(from, false), md(to));
    if r.is_empty() {
        out.push_str("No member gains or loses any access, and the monthly cost is unchanged.\n");
        return out;
    }
    if !r.changes.is_empty() {
        out.push_str("| member | access | client | before | after | |\n|---|---|---|---|---|---|\n");
        for c in &r.changes {
            let label = ws.area(&c.area).map_or(c.area.as_str(), |a| a.label.as_str());
            out.push_str(&format!(
                "| {} | {} ({}) | {} | {} | {} | {} |\n",
                md(&c.member),
                code(&format!("{}.{}", c.area, c.action), true),
                md(label),
                md(c.client.as_deref().unwrap_or("")),
                md(c.before.as_str()),
                md(c.after.as_str()),
                if c.is_loss() { "🔻 loses" } else { "🔺 gains" }
            ));
        }
        out.push('\n');
    }
    markdown_people_and_conflicts(&mut out, r);
    out.push_str(&format!("**Monthly cost:** {}\n", cost_line(r, &md(currency))));
    let losing = r.losing().len();
    if losing > 0 {
        out.push_str(&format!("\n**{} access.**\n", members_lose(losing)));
    }
    out
}

/// The members added and removed and the separation conflicts of a report,
/// in markdown: the same paragraphs under `diff` and under each commit of `log`.
pub fn markdown_people_and_conflicts(out: &mut String, r: &Report) {
    let ids = |list: &[String]| list.iter().map(|id| md(id)).collect::<Vec<_>>().join(", ");
    if !r.members_added.is_empty() {
        out.push_str(&format!("**Members added:** {}\n\n", ids(&r.members_added)));
    }
    if !r.members_removed.is_empty() {
        out.push_str(&format!("**Members removed:** {}\n\n", ids(&r.members_removed)));
    }
    for c in &r.conflicts {
        let mark = if c.created { "⛔" } else { "✅" };
        out.push_str(&format!("{mark} **Separation of duties, conflict {}:** {}\n\n", c.word(), md(&c.message)));
    }
}
