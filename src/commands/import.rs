//! `roster import members FILE.csv`: adds new members and updates existing ones,
//! all or nothing. Every bad row is reported (row number, column, reason) and
//! the whole file is refused (exit 3) with nothing written; a good file goes
//! through the same validated, locked, atomic write as every change.
//!
//! Columns are those of `export members`, in any order; only `id` is required.
//! A `'` that export put in front of a formula character is taken off again,
//! and a quote that is never closed refuses the file.
//! An empty cell leaves the field as it is. A non-empty list cell (`clients`,
//! `client_profiles`, `grants`) replaces the whole list.

use super::Ctx;
use super::args::{check_grant, parse_grant};
use crate::change::{Change, Session};
use crate::error::{Detail, Details, Error, Kind, Outcome, Result};
use crate::model::{Level, Member, Status, Workspace, check_email, check_id, email};
use crate::render::members_csv::{self, COLUMNS, split_list, split_pairs};
use crate::store::editors::{MemberEntry, NewMember};
use clap::{Args, Subcommand};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// The examples of `roster import --help`.
pub const EXAMPLES: &str = r#"Examples:
  roster export members -o members.csv    edit it in a spreadsheet, then:
  roster import members members.csv"#;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Add or update members from a CSV file with the columns of `export members`
    Members(MembersArgs),
}

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster export members -o members.csv           edit it in a spreadsheet, then:
  roster --dry-run import members members.csv    see what would change"#)]
pub struct MembersArgs {
    /// The CSV file (UTF-8; a byte-order mark and CRLF line ends are fine)
    pub file: PathBuf,
}

pub fn run(ctx: &Ctx, cmd: ImportCommand) -> Result<Outcome> {
    // Before the CSV is read: an import is a change.
    ctx.refuse_rev("an import")?;
    match cmd {
        ImportCommand::Members(args) => cmd_members(ctx, args),
    }
}

/// One row, parsed: `None` leaves a field as it is.
#[derive(Debug, Default)]
struct Row {
    line: u64,
    id: String,
    name: Option<String>,
    email: Option<String>,
    profile: Option<String>,
    status: Option<Status>,
    clients: Option<Vec<String>>,
    client_profiles: Option<Vec<(String, String)>>,
    grants: Option<Vec<(String, String, Level)>>,
    credit_limit: Option<f64>,
    /// The member's own window; an empty cell leaves it as it is.
    from: Option<crate::model::Date>,
    until: Option<crate::model::Date>,
}

fn cmd_members(ctx: &Ctx, args: MembersArgs) -> Result<Outcome> {
    // Read before the lock is taken: the change waits on nothing else.
    let bytes = read_csv(&args)?;
    let mut rows = Vec::new();
    let report = Session::change(ctx.change_options()?, |change| {
        rows = plan_rows(change, &args, &bytes)?;
        Ok(())
    });
    ctx.report(report.map_err(|e| name_rows(e, &rows))?)
}

/// The edits of `import members`, on the workspace as `change` reads it (a batch's line).
pub fn plan(change: &mut Change<'_>, args: &MembersArgs) -> Result<()> {
    plan_rows(change, args, &read_csv(args)?).map(|_| ())
}

/// The CSV file's bytes.
fn read_csv(args: &MembersArgs) -> Result<Vec<u8>> {
    // A regular file only: a FIFO or a device would make the import wait or
    // read without end.
    crate::store::files::read_regular(&args.file).map_err(|r| {
        use crate::store::files::Refusal;
        let shown = args.file.display().to_string();
        match r {
            Refusal::NotRegular(_) => Error::new(Kind::Environment, "io", r.message(&shown, "read"))
                .hint("save the CSV to a file first, then import that file"),
            Refusal::Missing { link: None } => {
                Error::new(Kind::Environment, "io", format!("cannot read `{shown}`: there is no such file"))
                    .hint("check the path of the CSV file")
            }
            _ => Error::new(Kind::Environment, "io", r.message(&shown, "read")).hint(r.hint(&shown)),
        }
    })
}

/// The edits of the rows of `bytes`; the rows, to name them in a refusal.
fn plan_rows(change: &mut Change<'_>, args: &MembersArgs, bytes: &[u8]) -> Result<Vec<Row>> {
    let ws = change.ws;
    crate::progress::phase(format!("reading {}", args.file.display()), 0, crate::progress::Unit::None);
    let rows = parse(ws, bytes).map_err(|problems| {
        let n = problems.len();
        let lines =
            problems.iter().map(|p| format!("{}: {}\n", args.file.display(), crate::render::escape::terminal(p)));
        Error::new(
            Kind::Refused,
            "bad-row",
            format!("{n} problem{} in `{}`; nothing was imported", crate::store::plural(n), args.file.display()),
        )
        .hint("fix the rows above and import the file again; empty cells leave a field as it is")
        .details(Details::text(lines))
    })?;
    let mut facts = Vec::new();
    let (updates, new): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|r| ws.member(&r.id).is_some());
    crate::progress::phase("updating members", updates.len() as u64, crate::progress::Unit::Items);
    for (i, row) in updates.iter().enumerate().filter(|(_, r)| differs(ws, r)) {
        if i % 256 == 0 {
            crate::progress::set(i as u64);
        }
        let Some(m) = ws.member(&row.id) else { continue };
        change.member(&m.id, |entry| update(entry, m, row, &mut facts))?;
    }
    if !new.is_empty() {
        crate::progress::phase(format!("adding {} members", new.len()), 0, crate::progress::Unit::None);
        let default = ws.default_profile().map(|p| p.id.as_str()).unwrap_or_default();
        let entries: Vec<NewMember> = new
            .iter()
            .map(|r| {
                let profile = r.profile.as_deref().unwrap_or(default);
                let status = r.status.unwrap_or(Status::Active);
                facts.push(format!("{}: added as {status} with profile {profile}", r.id));
                NewMember {
                    id: &r.id,
                    name: r.name.as_deref().unwrap_or(""),
                    email: r.email.as_deref().unwrap_or(""),
                    profile,
                    status,
                    clients: r.clients.as_deref().unwrap_or_default(),
                    client_profiles: r.client_profiles.as_deref().unwrap_or_default(),
                    grants: r.grants.as_deref().unwrap_or_default(),
                    credit_limit: r.credit_limit,
                    from: r.from,
                    until: r.until,
                }
            })
            .collect();
        change.add_members(&entries);
        for e in &entries {
            change.member_added(e.id);
        }
    }
    if facts.is_empty() {
        facts.push(format!(
            "no change: all {} row{} match the workspace",
            rows.len(),
            crate::store::plural(rows.len())
        ));
    }
    change.facts(facts);
    Ok(rows)
}

/// A refusal names the CSV row above each rule broken in a member's entry.
fn name_rows(mut err: Error, rows: &[Row]) -> Error {
    let Some(details) = err.details.as_deref_mut() else { return err };
    let line: HashMap<&str, u64> = rows.iter().map(|r| (r.id.as_str(), r.line)).collect();
    let items = std::mem::take(&mut details.items);
    for item in items {
        if let Detail::Diagnostic { member: Some(id), .. } = &item
            && let Some(row) = line.get(id.as_str())
        {
            details.items.push(Detail::Text(format!("row {row} (member {id}):\n")));
        }
        details.items.push(item);
    }
    err
}

/// Parses a members CSV against a workspace: the number of good rows, or every
/// problem found (what `import members` reports). For fuzzing and tests.
pub fn check_rows(ws: &Workspace, bytes: &[u8]) -> std::result::Result<usize, Vec<String>> {
    parse(ws, bytes).map(|rows| rows.len())
}

/// At most this many column names are listed in one problem, then how many more.
const NAMES_SHOWN: usize = 10;

/// The header row as the known names: a column named as export names it in
/// another case (`Profile`, `EMAIL`) is that column; others stay as written.
fn canonical_headers(headers: Vec<String>) -> Vec<String> {
    headers
        .into_iter()
        .map(|h| match COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(&h)) {
            Some(c) => (*c).to_string(),
            None => h,
        })
        .collect()
}

/// Unknown and repeated columns, each reported once however many times it
/// appears. Linear in the width of the header (a header of 200,000 columns
/// was quadratic): known columns are counted in a table of nine, unknown ones
/// listed through a set; only the names shown get a "did you mean".
fn header_problems(headers: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    // Each unknown name once, in the order of the header.
    let mut listed = std::collections::HashSet::new();
    let unknown: Vec<&str> =
        headers.iter().map(String::as_str).filter(|h| !COLUMNS.contains(h) && listed.insert(*h)).collect();
    if !unknown.is_empty() {
        let shown: Vec<String> =
            unknown.iter().take(NAMES_SHOWN).map(|h| format!("`{h}`{}", near(h, COLUMNS.iter().copied()))).collect();
        let mut names = shown.join(", ");
        if unknown.len() > NAMES_SHOWN {
            names.push_str(&format!(" and {} more", unknown.len() - NAMES_SHOWN));
        }
        problems.push(format!(
            "unknown column{} {names}; the known columns are: {}",
            if unknown.len() == 1 { "" } else { "s" },
            COLUMNS.join(", ")
        ));
    }
    let mut seen = [0usize; COLUMNS.len()];
    for h in headers {
        if let Some(i) = COLUMNS.iter().position(|c| c == h) {
            seen[i] += 1;
        }
    }
    for (column, &n) in COLUMNS.iter().zip(&seen).filter(|(_, n)| **n > 1) {
        let times = if n == 2 { "twice".to_string() } else { format!("{n} times") };
        problems.push(format!("the column `{column}` appears {times}"));
    }
    problems
}

/// Every row, or every problem found in any of them.
fn parse(ws: &Workspace, bytes: &[u8]) -> std::result::Result<Vec<Row>, Vec<String>> {
    let members_csv::Sheet { headers, rows: records } = members_csv::read(bytes)?;
    let headers = canonical_headers(headers);
    let mut problems = header_problems(&headers);
    if !headers.iter().any(|h| h == "id") {
        problems.push("there is no `id` column: every row must name the member it adds or updates".into());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let line = record.line;
        let cells: BTreeMap<&str, &str> = headers.iter().map(String::as_str).zip(record.cells()).collect();
        let mut bad = |column: &str, why: String| problems.push(format!("row {line}, column {column}: {why}"));
        let mut row = Row { line, ..Row::default() };
        let id = cells.get("id").copied().unwrap_or("");
        match check_id(id) {
            Ok(()) => row.id = id.to_string(),
            Err(why) => {
                bad("id", format!("`{id}` is not a member id: {why}"));
                continue;
            }
        }
        if let Some(first) = seen.insert(row.id.clone(), line) {
            bad("id", format!("`{id}` is already on row {first}"));
        }
        let cell = |c: &str| cells.get(c).copied().filter(|v| !v.is_empty());
        row.name = cell("name").map(str::to_string);
        if let Some(e) = cell("email") {
            match check_email(e) {
                Ok(()) => row.email = Some(e.to_string()),
                Err(why) => bad("email", format!("`{e}` is not an email address: {why}")),
            }
        }
        if let Some(p) = cell("profile") {
            match ws.profile(p) {
                Some(_) => row.profile = Some(p.to_string()),
                None => bad(
                    "profile",
                    format!("no profile named `{p}`{}", near(p, ws.profiles.iter().map(|p| p.id.as_str()))),
                ),
            }
        }
        if let Some(s) = cell("status") {
            match Status::parse(s) {
                Some(st) => row.status = Some(st),
                None => bad("status", format!("`{s}` is not a status: active, invited or suspended")),
            }
        }
        if let Some(c) = cell("clients") {
            let list: Vec<String> = split_list(c).into_iter().map(str::to_string).collect();
            for client in &list {
                if ws.client(client).is_none() {
                    bad(
                        "clients",
                        format!("no client named `{client}`{}", near(client, ws.clients.iter().map(|c| c.id.as_str()))),
                    );
                }
            }
            row.clients = Some(list);
        }
        if let Some(c) = cell("client_profiles") {
            match split_pairs(c) {
                Ok(pairs) => {
                    for (client, profile) in &pairs {
                        if ws.client(client).is_none() {
                            bad("client_profiles", format!("no client named `{client}`"));
                        }
                        if ws.profile(profile).is_none() {
                            bad("client_profiles", format!("no profile named `{profile}`"));
                        }
                    }
                    row.client_profiles =
                        Some(pairs.into_iter().map(|(c, p)| (c.to_string(), p.to_string())).collect());
                }
                Err(why) => bad("client_profiles", format!("{why} (write client=profile;client=profile)")),
            }
        }
        if let Some(g) = cell("grants") {
            let mut grants = Vec::new();
            for item in split_list(g) {
                match parse_grant(item) {
                    Ok(arg) => match check_grant(ws, &arg) {
                        Ok(g) => grants.push((g.area, g.action, g.level)),
                        // A bad level: the message, and the levels its area accepts.
                        Err(e) if e.kind != Kind::NotFound => {
                            bad("grants", format!("{}; {}", e.message, e.hints.join("; ")))
                        }
                        Err(e) => bad("grants", e.message),
                    },
                    Err(why) => bad("grants", why),
                }
            }
            row.grants = Some(grants);
        }
        if let Some(n) = cell("credit_limit") {
            match n.parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => row.credit_limit = Some(v),
                _ => bad("credit_limit", format!("`{n}` is not an amount at or above 0")),
            }
        }
        for (column, slot) in [("from", &mut row.from), ("until", &mut row.until)] {
            if let Some(d) = cell(column) {
                match crate::model::dates::parse_date(d) {
                    Ok(d) => *slot = Some(d),
                    Err(why) => bad(column, why),
                }
            }
        }
        {
            let window = ws.member(&row.id).and_then(|m| m.window());
            let from = row.from.or(window.and_then(|w| w.from));
            let until = row.until.or(window.and_then(|w| w.until));
            if let (Some(f), Some(u)) = (from, until)
                && f > u
            {
                bad(
                    "until",
                    format!("`{u}` is before the member's first day {f}: `until` is the last day, on or after `from`"),
                );
            }
        }
        if ws.member(&row.id).is_none() {
            if row.name.is_none() {
                bad("name", format!("`{}` is a new member and needs a name", row.id));
            }
            // An email given but not valid is reported above, once.
            if row.email.is_none() && cell("email").is_none() {
                bad("email", format!("`{}` is a new member and needs an email", row.id));
            }
        }
        rows.push(row);
    }
    // An email must stay unique once every row is applied: compare with the
    // members the file does not change.
    let changed: HashMap<&str, &Row> = rows.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut owners: HashMap<String, Vec<&str>> = HashMap::new();
    for m in &ws.members {
        let email = changed.get(m.id.as_str()).and_then(|r| r.email.as_deref()).unwrap_or(&m.email.value);
        owners.entry(email::key(email)).or_default().push(&m.id);
    }
    for r in rows.iter().filter(|r| ws.member(&r.id).is_none()) {
        if let Some(email) = &r.email {
            owners.entry(email::key(email)).or_default().push(&r.id);
        }
    }
    for r in &rows {
        let Some(email) = &r.email else { continue };
        let others = owners.get(&email::key(email)).into_iter().flatten().filter(|o| **o != r.id);
        for other in others {
            problems.push(format!("row {}, column email: `{email}` is also the email of member `{other}`", r.line));
        }
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

fn near<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    crate::diag::did_you_mean(wrong, candidates).map_or(String::new(), |n| format!(" (did you mean `{n}`?)"))
}

fn same_set(a: &[String], b: impl Iterator<Item = String>) -> bool {
    let mut a = a.to_vec();
    let mut b: Vec<String> = b.collect();
    a.sort();
    b.sort();
    a == b
}

/// Whether applying the row would change the member.
fn differs(ws: &Workspace, row: &Row) -> bool {
    let Some(m) = ws.member(&row.id) else { return true };
    let mut facts = Vec::new();
    MemberEntry::scratch(|entry| update(entry, m, row, &mut facts));
    !facts.is_empty()
}

fn update(entry: &mut MemberEntry<'_>, m: &Member, row: &Row, facts: &mut Vec<String>) {
    let id = &m.id;
    if let Some(name) = row.name.as_ref().filter(|n| **n != *m.name) {
        entry.set_name(name);
        facts.push(format!("{id}: name {} -> {name}", m.name));
    }
    if let Some(email) = row.email.as_ref().filter(|e| **e != *m.email.value) {
        entry.set_email(email);
        facts.push(format!("{id}: email {} -> {email}", m.email.value));
    }
    if let Some(profile) = row.profile.as_ref().filter(|p| **p != m.profile.value) {
        entry.set_profile(profile);
        facts.push(format!("{id}: profile {} -> {profile}", m.profile.value));
    }
    if let Some(status) = row.status.filter(|s| *s != m.status) {
        entry.set_status(status);
        facts.push(format!("{id}: status {} -> {status}", m.status));
    }
    if let Some(clients) = row.clients.as_ref().filter(|c| !same_set(c, m.clients.iter().map(|x| x.value.to_string())))
    {
        let list: Vec<&str> = clients.iter().map(String::as_str).collect();
        entry.set_clients(&list);
        facts.push(format!("{id}: clients -> {}", list.join(", ")));
    }
    if let Some(pairs) = &row.client_profiles {
        let now: Vec<String> = m.client_profiles().iter().map(|(c, p)| format!("{}={}", c.value, p.value)).collect();
        let want: Vec<String> = pairs.iter().map(|(c, p)| format!("{c}={p}")).collect();
        if !same_set(&want, now.into_iter()) {
            for (c, _) in m.client_profiles() {
                entry.remove_client_profile(&c.value);
            }
            for (c, p) in pairs {
                entry.set_client_profile(c, p);
            }
            facts.push(format!("{id}: per-client profiles -> {}", want.join(", ")));
        }
    }
    if let Some(grants) = &row.grants {
        let now: Vec<String> = m
            .grants()
            .iter()
            .flat_map(|(a, acts)| acts.iter().map(move |(act, l)| format!("{a}.{act}={}", l.value)))
            .collect();
        let want: Vec<String> = grants.iter().map(|(a, act, l)| format!("{a}.{act}={l}")).collect();
        if !same_set(&want, now.into_iter()) {
            for (area, actions) in m.grants() {
                for action in actions.keys() {
                    entry.revoke_override(area, action);
                }
            }
            for (area, action, level) in grants {
                entry.set_override(area, action, *level);
            }
            facts.push(format!("{id}: overrides -> {}", want.join(", ")));
        }
    }
    if let Some(limit) = row.credit_limit.filter(|l| Some(*l) != m.credit_limit()) {
        entry.set_credit_limit(Some(limit));
        facts.push(format!("{id}: credit limit -> {}", members_csv::number(limit)));
    }
    if let Some(from) = row.from.filter(|d| Some(*d) != m.window().and_then(|w| w.from)) {
        entry.set_from(Some(from));
        facts.push(format!("{id}: from -> {from}"));
    }
    if let Some(until) = row.until.filter(|d| Some(*d) != m.window().and_then(|w| w.until)) {
        entry.set_until(Some(until));
        facts.push(format!("{id}: until -> {until}"));
    }
}
