//! `roster log [RANGE] [--member M] [--client C] [--area AREA[.ACTION]]
//! [--limit N]`: the access changes each commit made, newest first along the
//! first parent, with its short hash, author, date and subject (SPEC §11).
//! The walk is `history::Walk`; this file asks it the question and prints the
//! answer as a table, CSV, JSON or Markdown.

use super::Ctx;
use crate::diff::{AccessChange, Report};
use crate::error::{Error, Kind, Outcome, Result};
use crate::git;
use crate::history::{self, Question, Seen, Step, Walk};
use crate::model::check_id;
use crate::render::escape::{markdown as md, markdown_code as code, terminal};
use crate::render::{Col, Records, View, money};
use crate::store;
use crate::style::Paint;
use clap::Args;
use serde_json::{Value, json};

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster log                                               what each commit changed, newest first
  roster log --member bob --client acme --area invoices    when Bob got ACME's invoices, and who
  roster log HEAD~3..HEAD --format markdown                the last three commits, for an audit
  roster log --limit 5 --format json                       the last five answers, for a script"#)]
pub struct LogArgs {
    /// The commits to walk, in git's syntax (`v1.0..HEAD`, `main~20..`) [default: HEAD, the current branch's whole first-parent history]
    #[arg(value_name = "RANGE")]
    pub range: Option<String>,
    /// Only changes of this member's access (their arrival and departure included)
    #[arg(long, value_name = "MEMBER")]
    pub member: Option<String>,
    /// Only changes of access to this client
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
    /// Only changes on this area, or on this area.action
    #[arg(long, value_name = "AREA[.ACTION]")]
    pub area: Option<String>,
    /// Show at most N commits
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
}

/// One commit as printed: the step, with its changes narrowed to the question.
struct Entry {
    commit: git::Commit,
    short: String,
    outcome: history::Outcome,
    currency: String,
    /// The short hash of the commit the changes are counted from, when it
    /// is not the first parent (see `history::Step::compared_with`).
    compared_with: Option<String>,
}

pub fn cmd_log(ctx: &Ctx, args: LogArgs) -> Result<Outcome> {
    if let Some(rev) = &ctx.rev {
        return Err(Error::usage(format!("--rev {rev}: `log` takes the commits to walk as its RANGE argument"))
            .hint(format!("write `roster log {rev}` (the history up to {rev}) or `roster log A..B`")));
    }
    let question = question(&args)?;
    let root = ctx.root()?;
    let repo = git::locate(&root)?;
    let range = args.range.as_deref().unwrap_or("HEAD");
    let mut walk = Walk::new(&repo, &root, range, question.clone())?;
    let limit = args.limit.map_or(usize::MAX, |n| n as usize);
    let mut entries: Vec<Entry> = Vec::new();
    let mut abbrev = None;
    while entries.len() < limit {
        let Some(step) = walk.next_step()? else { break };
        let abbrev = *abbrev.get_or_insert_with(|| repo.abbrev(&step.commit.id));
        if step.created && step.commit.parent.is_some() && !ctx.quiet {
            let folder = match repo.prefix.trim_end_matches('/') {
                "" => "the repository's top folder".to_string(),
                prefix => format!("`{prefix}`"),
            };
            ctx.eprint(&format!(
                "note: there is no workspace in {folder} before commit {}: older commits are not shown\n",
                &step.commit.id[..abbrev.min(step.commit.id.len())]
            ));
        }
        if let Some(entry) = narrow(step, &question, abbrev) {
            entries.push(entry);
        }
    }
    if entries.is_empty() {
        unknown_subject(walk.seen(), &question)?;
    }
    drop(walk);
    if !(ctx.quiet && entries.is_empty()) {
        ctx.show(&LogView { entries, range, question: &question })?;
    }
    Ok(Outcome::Success)
}

/// What `log` prints: the commits that answered, newest first. Its JSON is
/// the list of commits (see [`to_json`]); its CSV one record per access change.
struct LogView<'a> {
    entries: Vec<Entry>,
    range: &'a str,
    question: &'a Question,
}

impl serde::Serialize for LogView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.entries.iter().map(to_json))
    }
}

impl View for LogView<'_> {
    fn text(&self, paint: Paint) -> Option<String> {
        Some(table(&self.entries, self.range, self.question, paint))
    }

    fn csv(&self) -> Option<String> {
        Some(csv(&self.entries))
    }

    fn markdown(&self) -> Option<String> {
        Some(markdown(&self.entries, self.range, self.question))
    }
}

/// The filters, checked: ids as the files write them, an area and maybe an action.
fn question(args: &LogArgs) -> Result<Question> {
    let id = |flag: &str, value: &str| {
        check_id(value).map_err(|why| Error::usage(format!("{flag} `{value}` is not an id: {why}")))
    };
    if let Some(m) = &args.member {
        id("--member", m)?;
    }
    if let Some(c) = &args.client {
        id("--client", c)?;
    }
    let area = match &args.area {
        None => None,
        Some(text) => {
            let (area, action) = match text.split_once('.') {
                Some((area, action)) => (area, Some(action)),
                None => (text.as_str(), None),
            };
            id("--area", area)?;
            if let Some(action) = action {
                id("--area's action", action)?;
            }
            Some((area.to_string(), action.map(str::to_string)))
        }
    };
    Ok(Question { member: args.member.clone(), client: args.client.clone(), area })
}

/// The step as the question sees it, or `None` when the filters leave
/// nothing of it. A commit compared with a parent that had errors (and no
/// earlier state without) is always shown: what it did cannot be known, so
/// it may be the answer.
fn narrow(step: Step, q: &Question, abbrev: usize) -> Option<Entry> {
    let Step { commit, outcome, currency, compared_with, .. } = step;
    let outcome = match outcome {
        history::Outcome::Changes(mut report) => {
            report.changes.retain(|c| matches(c, q));
            if q.client.is_some() || q.area.is_some() {
                // Arrivals and departures are rows then (from and to `none`).
                report.members_added.clear();
                report.members_removed.clear();
                report.conflicts.clear();
            } else if let Some(m) = &q.member {
                report.members_added.retain(|id| id == m);
                report.members_removed.retain(|id| id == m);
                report.conflicts.retain(|c| &c.member == m);
            }
            let empty = report.changes.is_empty()
                && report.members_added.is_empty()
                && report.members_removed.is_empty()
                && report.conflicts.is_empty();
            if empty && !q.is_open() {
                return None;
            }
            history::Outcome::Changes(report)
        }
        // With a filter, a commit that left errors has nothing to show: what
        // it changed is counted at the commit that fixed them.
        history::Outcome::Invalid(_) if !q.is_open() => return None,
        other => other,
    };
    let short = |id: &str| id[..abbrev.min(id.len())].to_string();
    Some(Entry {
        short: short(&commit.id),
        compared_with: compared_with.as_deref().map(short),
        commit,
        outcome,
        currency,
    })
}

fn matches(c: &AccessChange, q: &Question) -> bool {
    q.member.as_ref().is_none_or(|m| *m == c.member)
        && q.client.as_ref().is_none_or(|client| c.client.as_ref() == Some(client))
        && q.area
            .as_ref()
            .is_none_or(|(area, action)| *area == c.area && action.as_ref().is_none_or(|a| *a == c.action))
}

/// No commit answered: a member, client, area or action that no state of
/// the range knows is most likely a typo (exit 4, with the nearest name).
fn unknown_subject(seen: &Seen, q: &Question) -> Result<()> {
    if q.is_open() || seen.actions.is_empty() {
        return Ok(());
    }
    if let Some(m) = q.member.as_ref().filter(|m| !seen.members.contains(*m)) {
        return Err(unknown("member", m, seen.members.iter().map(String::as_str)));
    }
    if let Some(c) = q.client.as_ref().filter(|c| !seen.clients.contains(*c)) {
        return Err(unknown("client", c, seen.clients.iter().map(String::as_str)));
    }
    if let Some((area, action)) = &q.area {
        let Some(actions) = seen.actions.get(area) else {
            return Err(unknown("area", area, seen.actions.keys().map(String::as_str)));
        };
        if let Some(action) = action.as_ref().filter(|x| !actions.contains(*x)) {
            return Err(unknown(&format!("action of area `{area}`"), action, actions.iter().map(String::as_str)));
        }
    }
    Ok(())
}

fn unknown<'a>(what: &str, name: &str, known: impl IntoIterator<Item = &'a str>) -> Error {
    let e = Error::new(Kind::NotFound, "not-found", format!("no {what} named `{name}` at any commit read"));
    match crate::diag::did_you_mean(name, known) {
        Some(near) => e.hint(format!("did you mean `{near}`?")),
        None => e.hint("a filter names a member, client or area that the workspace has at some commit of the range"),
    }
}

fn change_json(c: &AccessChange) -> Value {
    json!({
        "member": c.member, "area": c.area, "action": c.action, "client": c.client,
        "before": c.before.as_str(), "after": c.after.as_str(),
    })
}

fn to_json(e: &Entry) -> Value {
    let c = &e.commit;
    let mut v = json!({
        "commit": e.short,
        "author": c.author,
        "email": c.email,
        "date": c.date,
        "subject": c.subject,
        "changes": [],
        "members_added": [],
        "members_removed": [],
        "conflicts": [],
        "monthly_cost": {"before": null, "after": null},
        "compared_with": e.compared_with,
        "invalid": null,
    });
    match &e.outcome {
        history::Outcome::Changes(r) => {
            v["changes"] = Value::Array(r.changes.iter().map(change_json).collect());
            v["members_added"] = json!(r.members_added);
            v["members_removed"] = json!(r.members_removed);
            v["conflicts"] = Value::Array(r.conflicts.iter().map(|c| c.to_json()).collect());
            v["monthly_cost"] = json!({"before": r.cost_before, "after": r.cost_after});
        }
        history::Outcome::Invalid(p) => {
            v["invalid"] = json!({"at": "commit", "errors": p.errors, "first": p.first});
        }
        history::Outcome::InvalidBefore(p) => {
            v["invalid"] = json!({"at": "parent", "errors": p.errors, "first": p.first});
        }
    }
    v
}

/// One record per access change (a commit with none has no record).
fn csv(entries: &[Entry]) -> String {
    let mut records = Records::new(
        ["commit", "author", "email", "date", "subject", "member", "area", "action", "client", "before", "after"]
            .map(|n| (n, Col::Text)),
    );
    for e in entries {
        let history::Outcome::Changes(r) = &e.outcome else { continue };
        let c = &e.commit;
        for ch in &r.changes {
            records.push(vec![
                json!(e.short),
                json!(c.author),
                json!(c.email),
                json!(c.date),
                json!(c.subject),
                json!(ch.member),
                json!(ch.area),
                json!(ch.action),
                json!(ch.client),
                json!(ch.before.as_str()),
                json!(ch.after.as_str()),
            ]);
        }
    }
    records.csv()
}

/// `area.action`, or `area.action on client`.
fn what(c: &AccessChange) -> String {
    match &c.client {
        Some(client) => format!("{}.{} on {client}", c.area, c.action),
        None => format!("{}.{}", c.area, c.action),
    }
}

/// Whether a commit changed nothing `log` shows: no access, no member added
/// or removed, no separation conflict, the same monthly cost.
fn nothing_changed(r: &Report) -> bool {
    r.changes.is_empty()
        && r.members_added.is_empty()
        && r.members_removed.is_empty()
        && r.conflicts.is_empty()
        && !cost_moved(r)
}

fn cost_moved(r: &Report) -> bool {
    (r.cost_before - r.cost_after).abs() >= 0.005
}

fn cost_line(r: &Report, currency: &str) -> String {
    let delta = r.cost_after - r.cost_before;
    let sign = if delta >= 0.0 { "+" } else { "-" };
    format!("{} -> {} {currency} ({sign}{})", money(r.cost_before), money(r.cost_after), money(delta.abs()))
}

/// The day of an ISO 8601 date.
fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

/// "2 errors; the first: error[unknown-ref] at members.toml:12:11: ..."
fn problem_text(p: &history::Problem) -> String {
    let f = &p.first;
    let place = match (f["file"].as_str(), f["line"].as_u64(), f["column"].as_u64()) {
        (Some(file), Some(line), Some(col)) => format!(" at {file}:{line}:{col}"),
        (Some(file), _, _) if !file.is_empty() => format!(" in {file}"),
        _ => String::new(),
    };
    format!(
        "{} error{}; the first: error[{}]{place}: {}",
        p.errors,
        store::plural(p.errors),
        f["code"].as_str().unwrap_or(""),
        f["message"].as_str().unwrap_or("")
    )
}

fn nothing(range: &str, q: &Question) -> String {
    if q.is_open() {
        format!("no commit in {range} changed the workspace")
    } else {
        format!("no commit in {range} changed access that matches the filters")
    }
}

fn table(entries: &[Entry], range: &str, q: &Question, paint: Paint) -> String {
    if entries.is_empty() {
        return format!("{}\n", terminal(&nothing(range, q)));
    }
    let mut out = String::new();
    for (i, e) in entries.iter().enumerate() {
        let c = &e.commit;
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}  {}  {} <{}>\n    {}\n\n",
            paint.apply(paint.warning(), &format!("commit {}", e.short)),
            terminal(day(&c.date)),
            terminal(&c.author),
            terminal(&c.email),
            terminal(&c.subject)
        ));
        if let Some(base) = &e.compared_with {
            out.push_str(&format!("    compared with {base}: the workspace had errors in between (see below)\n\n"));
        }
        let r = match &e.outcome {
            history::Outcome::Changes(r) => r,
            history::Outcome::Invalid(p) => {
                out.push_str(&format!(
                    "    {}: the workspace at this commit has {}\n",
                    paint.apply(paint.error(), "invalid"),
                    terminal(&problem_text(p))
                ));
                continue;
            }
            history::Outcome::InvalidBefore(p) => {
                out.push_str(&format!(
                    "    {}: the workspace before this commit has {}\n",
                    paint.apply(paint.error(), "not compared"),
                    terminal(&problem_text(p))
                ));
                continue;
            }
        };
        if nothing_changed(r) {
            out.push_str("    no access changes\n");
            continue;
        }
        let width = r.changes.iter().map(|c| terminal(&what(c)).chars().count()).max().unwrap_or(0);
        let mut member = "";
        for ch in &r.changes {
            if ch.member != member {
                member = &ch.member;
                out.push_str(&format!("    {}\n", paint.apply(paint.bold(), &terminal(member))));
            }
            let (style, word) = if ch.is_loss() { (paint.error(), "loses") } else { (paint.ok(), "gains") };
            out.push_str(&format!(
                "      {:<width$}  {} -> {}  {}\n",
                terminal(&what(ch)),
                ch.before,
                ch.after,
                paint.apply(style, word)
            ));
        }
        let ids = |list: &[String]| list.iter().map(|id| terminal(id).into_owned()).collect::<Vec<_>>().join(", ");
        if !r.members_added.is_empty() {
            out.push_str(&format!("    members added: {}\n", ids(&r.members_added)));
        }
        if !r.members_removed.is_empty() {
            out.push_str(&format!("    members removed: {}\n", ids(&r.members_removed)));
        }
        for c in &r.conflicts {
            let style = if c.created { paint.error() } else { paint.ok() };
            out.push_str(&format!(
                "    {}: {}\n",
                paint.apply(style, &format!("separation of duties, conflict {}", c.word())),
                terminal(&c.message)
            ));
        }
        if cost_moved(r) {
            out.push_str(&format!("    monthly cost: {}\n", terminal(&cost_line(r, &e.currency))));
        }
    }
    out
}

/// Markdown for a pull request or an audit file: every value escaped
/// (`render::escape`), as `diff`'s.
fn markdown(entries: &[Entry], range: &str, q: &Question) -> String {
    let mut out = format!("### roster: access changes by commit in {}\n\n", code(range, false));
    if entries.is_empty() {
        out.push_str(&format!("{}.\n", md(&nothing(range, q))));
        return out;
    }
    for e in entries {
        let c = &e.commit;
        out.push_str(&format!(
            "#### {} {}\n\n{} &lt;{}&gt;, {}\n\n",
            code(&e.short, false),
            md(&c.subject),
            md(&c.author),
            md(&c.email),
            md(day(&c.date))
        ));
        if let Some(base) = &e.compared_with {
            out.push_str(&format!("Compared with {}: the workspace had errors in between.\n\n", code(base, false)));
        }
        let r = match &e.outcome {
            history::Outcome::Changes(r) => r,
            history::Outcome::Invalid(p) => {
                out.push_str(&format!("**Invalid:** the workspace at this commit has {}\n\n", md(&problem_text(p))));
                continue;
            }
            history::Outcome::InvalidBefore(p) => {
                out.push_str(&format!(
                    "**Not compared:** the workspace before this commit has {}\n\n",
                    md(&problem_text(p))
                ));
                continue;
            }
        };
        if nothing_changed(r) {
            out.push_str("No access changes.\n\n");
            continue;
        }
        if !r.changes.is_empty() {
            out.push_str("| member | access | client | before | after | |\n|---|---|---|---|---|---|\n");
            for ch in &r.changes {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    md(&ch.member),
                    code(&format!("{}.{}", ch.area, ch.action), true),
                    md(ch.client.as_deref().unwrap_or("")),
                    md(ch.before.as_str()),
                    md(ch.after.as_str()),
                    if ch.is_loss() { "🔻 loses" } else { "🔺 gains" }
                ));
            }
            out.push('\n');
        }
        super::diff::markdown_people_and_conflicts(&mut out, r);
        if cost_moved(r) {
            out.push_str(&format!("**Monthly cost:** {}\n\n", cost_line(r, &md(&e.currency))));
        }
    }
    out
}
