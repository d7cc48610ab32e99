//! The report of a campaign for auditors: one self-contained HTML page (no
//! network, no script; a print stylesheet for A4), readable by someone who
//! has never heard of roster. Every value from the files passes
//! `render::escape::html` on its way in: [`e`] is the only way text enters
//! the page.
//!
//! Sections: the campaign and its completeness; how to read the page; the
//! revocations and whether they were applied; every item; the access
//! changes since the previous campaign's revision (`diff::compare`, as
//! `roster diff`); the monthly cost by tier when the campaign started.

// The page's pieces end in `\n` inside long literals that also hold others.
#![allow(clippy::write_with_newline)]

use super::{Campaign, Decision, Item, WORKING_TREE};
use crate::diff;
use crate::model::Workspace;
use crate::render::escape::html;
use crate::render::money;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// A value escaped for the page.
fn e(s: &str) -> Cow<'_, str> {
    html(s)
}

const STYLE: &str = r#"
:root { --ink: #1d2433; --muted: #5b6476; --line: #d9dee7; --soft: #f4f6fa; --accent: #1f4e8c;
  --keep: #1c6b3a; --keep-bg: #e3f3e8; --revoke: #a32020; --revoke-bg: #fbe6e4; --pending: #8a5a00; --pending-bg: #fdf1d6; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
header.top { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 22px; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0 0 4px; }
h1 { font-size: 26px; margin: 0; line-height: 1.2; }
h1 .id { color: var(--accent); }
h2 { font-size: 18px; margin: 34px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
p { margin: 6px 0 10px; }
.muted { color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 16px 0 8px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
.card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.card .value { font-size: 20px; font-weight: 600; margin-top: 2px; overflow-wrap: anywhere; }
.card .value.small { font-size: 14px; font-weight: 500; }
.bar { height: 10px; border-radius: 5px; background: var(--line); overflow: hidden; display: flex; margin: 14px 0 4px; }
.bar span { display: block; height: 100%; }
.bar .k { background: var(--keep); } .bar .r { background: var(--revoke); } .bar .p { background: #e0b040; }
.legend { font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 12px; vertical-align: -1px; }
.notice { border-left: 4px solid var(--pending); background: var(--pending-bg); padding: 8px 12px; border-radius: 4px; margin: 12px 0; }
.notice.ok { border-color: var(--keep); background: var(--keep-bg); }
table { width: 100%; border-collapse: collapse; margin: 8px 0 4px; font-size: 13px; }
thead th { text-align: left; font-weight: 600; color: var(--muted); font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em;
  border-bottom: 2px solid var(--line); padding: 7px 8px; background: #fff; }
tbody td { border-bottom: 1px solid var(--line); padding: 7px 8px; vertical-align: top; overflow-wrap: break-word; }
tbody tr:nth-child(even) td { background: #fafbfd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.items td:nth-child(2), table.items td:nth-child(3) a, table.items td:nth-child(4), table.sets td:first-child {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
table.items td:nth-child(8) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .sub { display: block; color: var(--muted); font-size: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.keep { color: var(--keep); background: var(--keep-bg); }
.badge.revoke { color: var(--revoke); background: var(--revoke-bg); }
.badge.pending { color: var(--pending); background: var(--pending-bg); }
.nowrap { white-space: nowrap; }
.access { margin: 0; padding: 0; list-style: none; }
.access li { margin: 0 0 2px; }
.access b { font-weight: 600; }
.loss { color: var(--revoke); } .gain { color: var(--keep); }
dl.glossary { display: grid; grid-template-columns: 150px 1fr; gap: 4px 16px; margin: 8px 0; }
dl.glossary dt { font-weight: 600; }
dl.glossary dd { margin: 0; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 20px; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, .card { break-inside: avoid; }
  .cards { grid-template-columns: repeat(4, 1fr); }
  tbody tr:nth-child(even) td { background: #f6f7fa; }
  thead th { padding: 5px 5px; font-size: 7pt; letter-spacing: 0; }
  h2 + p { break-after: avoid; }
  tbody td { padding: 5px 5px; }
  table.items { table-layout: fixed; }
  table.items th:nth-child(1) { width: 13% !important; }
  table.items th:nth-child(2) { width: 11% !important; }
  table.items th:nth-child(3) { width: 24% !important; }
  table.items th:nth-child(4) { width: 9% !important; }
  table.items th:nth-child(5) { width: 9% !important; }
  table.items th:nth-child(6) { width: 10% !important; }
  table.items th:nth-child(7) { width: 10% !important; }
  table.items th:nth-child(8) { width: 9% !important; }
  .access li { display: inline; }
  .access li + li::before { content: " · "; color: var(--muted); }
  .card .value { font-size: 14pt; }
  .card .value.small { font-size: 9.5pt; }
  dl.glossary { grid-template-columns: 90px 1fr; }
}
"#;

/// The whole page. While the items' rows are written, `flush` is given
/// what is written so far every megabyte or so, and may take it out (a
/// report over 100,000 members is over 100 MB: `review report -o` streams
/// it to the file); what it leaves, and the rest, is returned.
pub fn report(
    ws: &Workspace,
    root: &Path,
    c: &Campaign,
    today: jiff::civil::Date,
    flush: &mut dyn FnMut(&mut String),
) -> String {
    // About what a row takes (an item's row is about 200 bytes), so that the
    // page is not copied while it grows.
    let mut out = String::with_capacity(2 << 20);
    let (pending, kept, revoked) = c.counts();
    let total = c.items.len();
    let decided = total - pending;
    let title = format!("Access review {} — {}", c.id, ws.settings.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        e(&title)
    );
    let _ = write!(
        out,
        "<header class=\"top\"><p class=\"kicker\">Access review evidence · {}</p><h1>Access review <span class=\"id\">{}</span></h1></header>\n",
        e(&ws.settings.name),
        e(&c.id)
    );
    summary(&mut out, c, today, (pending, kept, revoked));
    glossary(&mut out, c);
    revocations(&mut out, ws, c);
    let _ = write!(
        out,
        "<h2 id=\"items\">Every item ({total})</h2>\n<p class=\"muted\">{decided} of {total} decided. One row per item, in the order of the campaign file.</p>\n"
    );
    let sets = Sets::of(c);
    items_table(&mut out, ws, &sets, c.items.iter(), flush);
    access_sets(&mut out, c);
    changes(&mut out, ws, root, c);
    cost(&mut out, c);
    let _ = write!(
        out,
        "<footer>Generated by roster on {today} from <code>reviews/{}.toml</code>. The campaign file, kept in the workspace's git repository, is the record; this page shows it. Times are UTC.</footer>\n</main>\n</body>\n</html>\n",
        e(&c.id)
    );
    out
}

/// Who the campaign covers, in words: `every active member`, or `members of
/// the profiles full-accounting, payroll or of the team audit`.
fn scope(c: &Campaign) -> String {
    let list =
        |what: &str, ids: &[String]| format!("{what}{} {}", if ids.len() == 1 { "" } else { "s" }, ids.join(", "));
    match (c.profiles.is_empty(), c.teams.is_empty()) {
        (true, true) => "every active member".to_string(),
        (false, true) => format!("members of the {}", list("profile", &c.profiles)),
        (true, false) => format!("members of the {}", list("team", &c.teams)),
        (false, false) => {
            format!("members of the {} or of the {}", list("profile", &c.profiles), list("team", &c.teams))
        }
    }
}

fn summary(out: &mut String, c: &Campaign, today: jiff::civil::Date, (pending, kept, revoked): (usize, usize, usize)) {
    let total = c.items.len().max(1);
    let pct = |n: usize| n as f64 * 100.0 / total as f64;
    let due = match c.due {
        Some(d) if pending > 0 && c.overdue(today) => format!("{d} (overdue)"),
        Some(d) => d.to_string(),
        None => "none set".into(),
    };
    let started = c.started.map_or("unknown".to_string(), |d| d.to_string());
    let scope = scope(c);
    let applied = c.items.iter().filter(|i| i.applied.is_some()).count();
    let _ = write!(
        out,
        "<section class=\"cards\">\
<div class=\"card\"><div class=\"label\">Completeness</div><div class=\"value\">{:.0}%</div><div class=\"muted\">{} of {} items decided</div></div>\
<div class=\"card\"><div class=\"label\">Kept · Revoked · Pending</div><div class=\"value\">{kept} · {revoked} · {pending}</div><div class=\"muted\">{applied} revocation{} applied</div></div>\
<div class=\"card\"><div class=\"label\">Started · Due</div><div class=\"value small\">{} · {}</div></div>\
<div class=\"card\"><div class=\"label\">Scope</div><div class=\"value small\">{}</div></div>\
</section>\n",
        pct(kept + revoked),
        kept + revoked,
        c.items.len(),
        crate::store::plural(applied),
        e(&started),
        e(&due),
        e(&scope)
    );
    let _ = write!(
        out,
        "<div class=\"bar\" role=\"img\" aria-label=\"{kept} kept, {revoked} revoked, {pending} pending\"><span class=\"k\" style=\"width:{:.2}%\"></span><span class=\"r\" style=\"width:{:.2}%\"></span><span class=\"p\" style=\"width:{:.2}%\"></span></div>\n\
<div class=\"legend\"><i style=\"background:var(--keep)\"></i>kept <i style=\"background:var(--revoke)\"></i>revoked <i style=\"background:#e0b040\"></i>pending</div>\n",
        pct(kept),
        pct(revoked),
        pct(pending)
    );
    if c.revision == WORKING_TREE {
        out.push_str("<p>Access was taken from the workspace's files as they were on disk (<code>working-tree</code>), not from a git commit.</p>\n");
    } else {
        let _ = write!(out, "<p>Access was taken from git commit <code>{}</code>.</p>\n", e(&c.revision));
    }
    if pending == 0 {
        out.push_str("<p class=\"notice ok\">Every item has been decided.</p>\n");
    } else {
        let _ = write!(
            out,
            "<p class=\"notice\">{pending} item{} still pending: this campaign is not complete.</p>\n",
            crate::store::plural(pending)
        );
    }
}

fn glossary(out: &mut String, c: &Campaign) {
    let _ = write!(
        out,
        "<h2 id=\"reading\">How to read this report</h2>\n\
<p>An access review asks, for each person and each client they are assigned, whether that access is still needed. \
The campaign froze the access as it stood at the revision above; a reviewer then decided to <b>keep</b> or <b>revoke</b> each item. \
Revocations are applied to the permissions afterwards, and the day they were applied is recorded. Nobody reviews their own access.</p>\n\
<dl class=\"glossary\">\
<dt>Item</dt><dd>What is reviewed: a member's access across the workspace (<code>bob</code>), or their access to one assigned client (<code>bob/acme</code>, which for a company also covers its contacts). The member's current name is shown below a member item's id when they are still a member.</dd>\
<dt>Profile</dt><dd>The named set of permissions the member works under: their own profile, or for a client item the profile in effect for that client.</dd>\
<dt>Access</dt><dd>What the item stands for: an access set, listed under <a href=\"#access\">Access sets</a> with its levels by area of the product: each action (view, edit, print, export...) and its level: <i>own</i> (what the member created), <i>assigned</i> (the clients assigned to them), <i>all</i> (everything). Actions with no access are left out.</dd>\
<dt>Reviewer</dt><dd>Who was asked to decide: the lead of the member's team, else the workspace owner, or for the owner's own items another administrator.</dd>\
<dt>Decision</dt><dd><span class=\"badge keep\">keep</span> the access stays, <span class=\"badge revoke\">revoke</span> it goes, <span class=\"badge pending\">pending</span> not decided yet.</dd>\
<dt>Decided</dt><dd>Who took the decision and when (UTC). An administrator other than the member may decide in the reviewer's place.</dd>\
<dt>Note</dt><dd>The reviewer's reason, in their words.</dd>\
<dt>Applied</dt><dd>For a revocation: the day it was applied (the client unassigned, or the member suspended).</dd>\
</dl>\n"
    );
    let _ = c;
}

fn revocations(out: &mut String, ws: &Workspace, c: &Campaign) {
    let revoked: Vec<&Item> = c.items.iter().filter(|i| i.decision == Some(Decision::Revoke)).collect();
    let applied = revoked.iter().filter(|i| i.applied.is_some()).count();
    let _ = write!(out, "<h2 id=\"revocations\">Revocations ({})</h2>\n", revoked.len());
    if revoked.is_empty() {
        out.push_str("<p class=\"muted\">No access was revoked in this campaign.</p>\n");
        return;
    }
    if applied == revoked.len() {
        out.push_str(if revoked.len() == 1 {
            "<p>The revocation was applied.</p>\n"
        } else {
            "<p>Every revocation was applied.</p>\n"
        });
    } else {
        let _ = write!(
            out,
            "<p class=\"notice\">{} of {} revocations not applied yet: the access still stands.</p>\n",
            revoked.len() - applied,
            revoked.len()
        );
    }
    items_table(out, ws, &Sets::of(c), revoked.into_iter(), &mut |_| {});
}

/// Where each access set is listed on the page (`#aN`), by name.
struct Sets<'c>(crate::fxhash::FxHashMap<&'c str, usize>);

impl<'c> Sets<'c> {
    fn of(c: &'c Campaign) -> Sets<'c> {
        Sets(c.access.iter().enumerate().map(|(i, (name, _))| (&**name, i)).collect())
    }
}

/// The access sets, each list of levels once: the items' Access column
/// links here, so that a campaign over 100,000 members does not repeat the
/// same levels half a million times.
fn access_sets(out: &mut String, c: &Campaign) {
    let _ = write!(
        out,
        "<h2 id=\"access\">Access sets ({})</h2>\n<p class=\"muted\">What each item's access stands for: each list of levels once, named after the profile of the first item that has it (<i>on clients</i>: what reaches one assigned client).</p>\n",
        c.access.len()
    );
    out.push_str("<table class=\"sets\">\n<thead><tr><th style=\"width:22%\">Access set</th><th>Levels</th></tr></thead>\n<tbody>\n");
    for (i, (name, levels)) in c.access.iter().enumerate() {
        let _ = write!(out, "<tr id=\"a{i}\"><td>{}</td><td>", e(name));
        access_list(out, levels);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn items_table<'a>(
    out: &mut String,
    ws: &Workspace,
    sets: &Sets,
    items: impl Iterator<Item = &'a Item>,
    flush: &mut dyn FnMut(&mut String),
) {
    out.push_str(
        "<table class=\"items\">\n<thead><tr><th style=\"width:15%\">Item</th><th style=\"width:12%\">Profile</th><th style=\"width:20%\">Access</th><th>Reviewer</th><th>Decision</th><th style=\"width:14%\">Decided</th><th style=\"width:14%\">Note</th><th>Applied</th></tr></thead>\n<tbody>\n",
    );
    // In waves of rows written on every core, each wave's parts joined in
    // order: half a million rows took half a second on one.
    const WAVE: usize = 8192;
    let mut items = items.peekable();
    let mut wave: Vec<&Item> = Vec::with_capacity(WAVE);
    while items.peek().is_some() {
        wave.clear();
        wave.extend(items.by_ref().take(WAVE));
        let threads = if wave.len() >= 2048 { crate::parallel::threads() } else { 1 };
        let parts: Vec<&[&Item]> = wave.chunks(wave.len().div_ceil(threads)).collect();
        let rows = crate::parallel::map(&parts, threads, |part| {
            let mut rows = String::with_capacity(part.len() * 256);
            part.iter().for_each(|i| item_row(&mut rows, ws, sets, i));
            rows
        });
        for part in rows {
            out.push_str(&part);
            if out.len() >= 1 << 20 {
                flush(out);
            }
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

/// One item's row. A campaign over 100,000 members has over half a million,
/// so a row carries its values and little markup: the columns' looks are in
/// the style sheet, the member's name is on the member's own row, and the
/// access is a link to its set.
fn item_row(out: &mut String, ws: &Workspace, sets: &Sets, i: &Item) {
    // Pieces pushed in turn rather than `write!` and its formatting
    // machinery: this runs half a million times at 100,000 members.
    out.push_str("<tr><td><span class=\"mono\">");
    out.push_str(&e(&i.id));
    out.push_str("</span>");
    if i.client().is_none()
        && let Some(m) = ws.member(&i.id)
    {
        out.push_str("<span class=\"sub\">");
        out.push_str(&e(&m.name));
        out.push_str("</span>");
    }
    out.push_str("</td><td>");
    out.push_str(&e(i.profile.as_deref().unwrap_or("")));
    out.push_str("</td><td>");
    match sets.0.get(&*i.access) {
        Some(n) => {
            let _ = write!(out, "<a href=\"#a{n}\">");
            out.push_str(&e(&i.access));
            out.push_str("</a>");
        }
        None => out.push_str("<span class=\"muted\">no access</span>"),
    }
    out.push_str("</td><td>");
    out.push_str(&e(i.reviewer.as_deref().unwrap_or("none")));
    out.push_str("</td><td>");
    out.push_str(match i.decision {
        Some(Decision::Keep) => "<span class=\"badge keep\">keep</span>",
        Some(Decision::Revoke) => "<span class=\"badge revoke\">revoke</span>",
        None => "<span class=\"badge pending\">pending</span>",
    });
    out.push_str("</td><td>");
    if let Some(by) = &i.decided_by {
        out.push_str("<span class=\"mono\">");
        out.push_str(&e(by));
        out.push_str("</span>");
    }
    if let Some(at) = &i.decided_at {
        let (day, time) = at.split_once('T').unwrap_or((at, ""));
        out.push_str("<span class=\"sub nowrap\">");
        out.push_str(&e(day));
        out.push_str("</span><span class=\"sub\">");
        out.push_str(&e(time.trim_end_matches('Z')));
        out.push_str(" UTC</span>");
    }
    out.push_str("</td><td>");
    out.push_str(&e(i.note.as_deref().unwrap_or("")));
    out.push_str("</td><td>");
    match (i.applied, i.decision) {
        (Some(d), _) => {
            let _ = write!(out, "{d}");
        }
        (None, Some(Decision::Revoke)) => out.push_str("<span class=\"badge pending\">not yet</span>"),
        _ => {}
    }
    out.push_str("</td></tr>\n");
}

/// `clients: view assigned, edit assigned` per area, one line each (the
/// item's access as read: areas split by `; `, ids and levels need no more).
fn access_list(out: &mut String, access: &str) {
    if access.is_empty() {
        out.push_str("<span class=\"muted\">no access</span>");
        return;
    }
    out.push_str("<ul class=\"access\">");
    for area in access.split("; ") {
        let (name, actions) = area.split_once(": ").unwrap_or((area, ""));
        let _ = write!(out, "<li><b>{}</b>: {}</li>", e(name), e(actions));
    }
    out.push_str("</ul>");
}

/// The campaign before this one: the latest other campaign started on or
/// before it (on the same day, an id before it), with its revision.
fn previous(root: &Path, c: &Campaign) -> Option<(String, String)> {
    let mut best: Option<(jiff::civil::Date, String, String)> = None;
    for id in super::ids(root).into_iter().filter(|id| *id != c.id) {
        let Some((started, revision)) = header(root, &id) else { continue };
        let before = match (started, c.started) {
            (s, Some(mine)) => s < mine || (s == mine && id < c.id),
            _ => false,
        };
        if before && best.as_ref().is_none_or(|(s, b, _)| (started, &id) > (*s, b)) {
            best = Some((started, id, revision));
        }
    }
    best.map(|(_, id, revision)| (id, revision))
}

/// A campaign's `started` and `revision`, read from the lines before its
/// first `[[` table: a large campaign is not parsed whole for them.
fn header(root: &Path, id: &str) -> Option<(jiff::civil::Date, String)> {
    use std::io::BufRead;
    let path = root.join(super::file_name(id));
    let (file, _) = crate::store::files::open_regular(&path).ok()?;
    let mut head = String::new();
    for line in std::io::BufReader::new(file).lines().take(200) {
        let line = line.ok()?;
        if line.trim_start().starts_with('[') {
            break;
        }
        head.push_str(&line);
        head.push('\n');
    }
    let table: toml::Table = toml::from_str(&head).ok()?;
    let started = table.get("started")?.as_datetime()?.date?;
    let started = jiff::civil::Date::new(started.year as i16, started.month as i8, started.day as i8).ok()?;
    Some((started, table.get("revision")?.as_str()?.to_string()))
}

fn changes(out: &mut String, ws: &Workspace, root: &Path, c: &Campaign) {
    out.push_str("<h2 id=\"changes\">Access changes since the previous campaign</h2>\n");
    let Some((prev_id, prev_rev)) = previous(root, c) else {
        out.push_str("<p class=\"muted\">This is the first campaign of the workspace: there is no earlier one to compare with.</p>\n");
        return;
    };
    let intro = format!(
        "Compared with campaign <b>{}</b> (revision <code>{}</code>): who gained and who lost access between its revision and this one's.",
        e(&prev_id),
        e(crate::commands::review::short_revision(&prev_rev))
    );
    let _ = write!(out, "<p>{intro}</p>\n");
    if prev_rev == WORKING_TREE || c.revision == WORKING_TREE {
        out.push_str("<p class=\"notice\">One of the two campaigns was taken from uncommitted files, which git cannot give back: the changes between them cannot be shown. Start campaigns from a committed workspace to keep this evidence.</p>\n");
        return;
    }
    if prev_rev == c.revision {
        out.push_str("<p>Both campaigns were taken from the same revision: no access changed between them.</p>\n");
        return;
    }
    let report = match compare_revisions(root, &prev_rev, &c.revision) {
        Ok(r) => r,
        Err(why) => {
            let _ = write!(out, "<p class=\"notice\">The revisions could not be compared: {}</p>\n", e(&why));
            return;
        }
    };
    if report.changes.is_empty() && report.members_added.is_empty() && report.members_removed.is_empty() {
        out.push_str("<p>No member's access changed between the two revisions.</p>\n");
    } else {
        if !report.members_added.is_empty() {
            let _ = write!(
                out,
                "<p>Members added: <span class=\"mono\">{}</span></p>\n",
                e(&report.members_added.join(", "))
            );
        }
        if !report.members_removed.is_empty() {
            let _ = write!(
                out,
                "<p>Members removed: <span class=\"mono\">{}</span></p>\n",
                e(&report.members_removed.join(", "))
            );
        }
        if !report.changes.is_empty() {
            out.push_str("<table>\n<thead><tr><th>Member</th><th>Area.action</th><th>Client</th><th>Before</th><th>After</th><th></th></tr></thead>\n<tbody>\n");
            for ch in &report.changes {
                let (class, word) = if ch.is_loss() { ("loss", "loses") } else { ("gain", "gains") };
                let _ = write!(
                    out,
                    "<tr><td class=\"mono\">{}</td><td class=\"mono\">{}.{}</td><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td class=\"{class}\">{word}</td></tr>\n",
                    e(&ch.member),
                    e(&ch.area),
                    e(&ch.action),
                    e(ch.client.as_deref().unwrap_or("")),
                    ch.before,
                    ch.after
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
    let _ = write!(
        out,
        "<p class=\"muted\">Monthly cost: {} → {} {}.</p>\n",
        money(report.cost_before),
        money(report.cost_after),
        e(&ws.settings.currency)
    );
}

/// `diff::compare` between the workspace at two commits.
fn compare_revisions(root: &Path, from: &str, to: &str) -> Result<diff::Report, String> {
    let repo = crate::git::locate(root).map_err(|e| e.message)?;
    let at = |rev: &str| -> Result<crate::store::Checked, String> {
        let commit = repo.resolve(rev).map_err(|e| e.message)?;
        let files = repo.files_at(&commit).map_err(|e| e.message)?;
        let checked = crate::store::check_from(root, crate::store::load::Input::Memory(&files));
        if checked.errors().next().is_some() {
            return Err(format!("the workspace at {} has errors", &rev[..rev.len().min(12)]));
        }
        Ok(checked)
    };
    let (before, after) = (at(from)?, at(to)?);
    let report = diff::compare(&before.workspace, &after.workspace);
    // Both states are dropped with the process, like every workspace a command reads.
    std::mem::forget(before);
    std::mem::forget(after);
    Ok(report)
}

fn cost(out: &mut String, c: &Campaign) {
    out.push_str("<h2 id=\"cost\">Monthly cost by tier</h2>\n<p class=\"muted\">When the campaign started: each member who is not suspended needs the licence of the most expensive profile they work under.</p>\n");
    out.push_str("<table>\n<thead><tr><th>Tier</th><th class=\"num\">Price / member</th><th class=\"num\">Seats</th><th class=\"num\">Monthly</th></tr></thead>\n<tbody>\n");
    let mut seats = 0;
    for row in &c.cost {
        seats += row.seats;
        let label = if row.label.is_empty() || row.label == row.tier {
            e(&row.tier).into_owned()
        } else {
            format!("{} <span class=\"sub mono\">{}</span>", e(&row.label), e(&row.tier))
        };
        let _ = write!(
            out,
            "<tr><td>{label}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            money(row.price),
            row.seats,
            money(row.monthly)
        );
    }
    let _ = write!(
        out,
        "<tr><td><b>Total</b></td><td></td><td class=\"num\"><b>{seats}</b></td><td class=\"num\"><b>{} {}</b></td></tr>\n</tbody>\n</table>\n",
        money(c.monthly_cost),
        e(&c.currency)
    );
}
