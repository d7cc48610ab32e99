//! The reader of a review campaign (`reviews/ID.toml`, SPEC-free details in
//! `review`): its keys, dates and times, items and decisions, each problem a
//! diagnostic with its span. The ids it names are a record of the past and
//! are not looked up.

use super::reader::{Reader, Val};
use crate::diag::Diagnostic;
use crate::model::{Names, check_id};
use crate::review::{Campaign, CostRow, Decision, Item};
use crate::schema;
use crate::source::{FileId, Span, position_in};
use std::sync::Arc;
use toml::de::{DeTable, DeValue};

/// What a read keeps of the items: all of them (the `review` commands), or
/// their ids alone (`check`, which only reports problems: a campaign over
/// 100,000 members holds over half a million items).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Items,
    Ids,
}

/// What the reading of a campaign's top-level keys gathers.
#[derive(Default)]
struct State {
    c: Campaign,
    seen_revision: bool,
    seen_started: bool,
}

/// The campaign's `[access]` table: each set's name and levels (as one line
/// for people) in file order, and where each name is in that list.
#[derive(Default)]
struct Sets {
    list: Vec<(Arc<str>, Arc<str>)>,
    by_name: crate::fxhash::FxHashMap<Arc<str>, usize>,
}

/// Parses and reads one campaign file. A large campaign is read in pieces:
/// the keys before the first `[[item]]` line on this thread, then runs of
/// items of about 64 KiB on every core, so that the parsed tree of the whole
/// file never exists. When a piece cannot be read alone (a syntax error, a
/// multi-line string holding an `[[item]]` line, a top-level key after the
/// items), the file is parsed whole, which says exactly what is wrong. With
/// [`Keep::Ids`], the campaign has no items.
pub fn read_review(file: FileId, text: &str, keep: Keep) -> (Campaign, Vec<Diagnostic>) {
    let starts = item_starts(text);
    let read = match keep {
        Keep::Items => read_in_pieces(file, text, &starts, |i| i).map(|(st, items, d)| {
            let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
            let d = finish(file, text, &starts, &st, &ids, d);
            let mut c = st.c;
            c.items = items;
            complete(&mut c.items, text, &starts);
            (c, d)
        }),
        Keep::Ids => read_in_pieces(file, text, &starts, |i| i.id.into_boxed_str()).map(|(st, ids, d)| {
            let ids: Vec<&str> = ids.iter().map(|i| &**i).collect();
            let d = finish(file, text, &starts, &st, &ids, d);
            (st.c, d)
        }),
    };
    read.unwrap_or_else(|| read_whole(file, text, keep, &starts))
}

/// The campaign parsed whole: exact diagnostics for any file.
fn read_whole(file: FileId, text: &str, keep: Keep, starts: &[usize]) -> (Campaign, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let names = Names::default();
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in &errors {
            let span = e.span().unwrap_or(0..0);
            diags.push(
                Diagnostic::error("toml-syntax", Span::new(file, span), super::syntax_message(e.message()))
                    .hint("fix the TOML syntax; see https://toml.io for the format"),
            );
        }
        return (Campaign::default(), diags);
    }
    let mut st = State::default();
    let mut sets = Sets::default();
    let mut items = Vec::new();
    let mut r = Reader::new(file, &mut diags, text, 0, &names);
    read_top(&mut r, table.get_ref(), &mut st, &mut sets, &mut items);
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    let diags = finish(file, text, starts, &st, &ids, diags);
    let mut c = st.c;
    if keep == Keep::Items {
        c.items = items;
        complete(&mut c.items, text, starts);
    }
    (c, diags)
}

/// The campaign read in pieces, each item kept as `keep` makes it; `None`
/// when a piece cannot be read alone.
fn read_in_pieces<T: Send>(
    file: FileId,
    text: &str,
    starts: &[usize],
    keep: impl Fn(Item) -> T + Sync,
) -> Option<(State, Vec<T>, Vec<Diagnostic>)> {
    let (&first, _) = starts.split_first()?;
    let mut diags = Vec::new();
    let names = Names::default();
    let (head, errors) = DeTable::parse_recoverable(&text[..first]);
    if !errors.is_empty() {
        return None;
    }
    let mut st = State::default();
    let mut sets = Sets::default();
    let mut none = Vec::new();
    let mut r = Reader::new(file, &mut diags, &text[..first], 0, &names);
    read_top(&mut r, head.get_ref(), &mut st, &mut sets, &mut none);
    // Runs of items of about CHUNK bytes, each starting at an `[[item]]` line.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut counts = Vec::new();
    let mut from = 0;
    for i in 1..=starts.len() {
        let end = starts.get(i).copied().unwrap_or(text.len());
        if end - starts[from] >= super::chunk::CHUNK || i == starts.len() {
            runs.push((starts[from], end));
            counts.push(i - from);
            from = i;
        }
    }
    let threads = crate::parallel::threads().min(runs.len());
    let sets = &sets;
    let (items, more) = super::chunk::in_place(&counts, threads, |i| {
        let (start, end) = runs[i];
        let piece = &text[start..end];
        let (table, errors) = DeTable::parse_recoverable(piece);
        let top = table.get_ref();
        // Only items: a top-level key after them is read by the whole parse.
        if !errors.is_empty() || top.len() != 1 {
            return None;
        }
        let (k, v) = top.iter().next()?;
        if k.get_ref() != "item" {
            return None;
        }
        let mut diags = Vec::new();
        let mut items = Vec::new();
        let mut r = Reader::new(file, &mut diags, piece, start, &names);
        read_items(&mut r, v, sets, &mut items);
        Some((items.into_iter().map(&keep).collect(), diags))
    })?;
    diags.extend(more);
    Some((st, items, diags))
}

/// What is checked once every piece is read: the keys every campaign has,
/// ids named twice; the items' bytes (for edits) when they are kept.
fn finish(
    file: FileId,
    text: &str,
    starts: &[usize],
    st: &State,
    ids: &[&str],
    mut diags: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let names = Names::default();
    let mut r = Reader::new(file, &mut diags, text, 0, &names);
    let whole = Span::new(file, 0..0);
    if !st.seen_revision {
        r.missing(whole, "revision", "the campaign", "\"working-tree\"");
    }
    if !st.seen_started {
        r.missing(whole, "started", "the campaign", "2026-01-15");
    }
    duplicates(&mut diags, file, ids, starts, text);
    diags
}

/// What client items leave out and take from their member's item (the one
/// before them): its profile and its reviewer; and each item's bytes in the
/// file (from its `[[item]]` line to the next), which edits replace. Items
/// written otherwise (an inline array) get none: edits then rewrite the
/// whole file.
fn complete(items: &mut [Item], text: &str, starts: &[usize]) {
    let mut member: Option<usize> = None;
    for i in 0..items.len() {
        if items[i].client().is_none() {
            member = Some(i);
            continue;
        }
        let Some(m) = member.filter(|&m| items[m].id == items[i].member()) else { continue };
        if items[i].profile.is_none() {
            items[i].profile = items[m].profile.clone();
        }
        if items[i].reviewer.is_none() {
            items[i].reviewer = items[m].reviewer.clone();
        }
    }
    if starts.len() != items.len() {
        return;
    }
    for (i, item) in items.iter_mut().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        item.range = (starts[i], end);
    }
}

/// The top-level keys of the file (or of the part before the items): the
/// `[access]` table first, wherever it is, so that items can name its sets.
fn read_top(r: &mut Reader, top: &DeTable, st: &mut State, sets: &mut Sets, items: &mut Vec<Item>) {
    if let Some((_, v)) = top.iter().find(|(k, _)| k.get_ref() == "access")
        && let Some(table) = r.table(v, "`access` (the access sets)")
    {
        for (name, levels) in table {
            let text = access(r, levels);
            let name: Arc<str> = Arc::from(name.get_ref().as_ref());
            sets.by_name.insert(name.clone(), sets.list.len());
            sets.list.push((name, text));
        }
        st.c.access = sets.list.clone();
    }
    let c = &mut st.c;
    for (k, v) in top {
        match k.get_ref().as_ref() {
            "revision" => {
                st.seen_revision = true;
                c.revision = r.string(v, "`revision`").unwrap_or_default();
            }
            "started" => {
                st.seen_started = true;
                c.started = date(r, v, "`started`");
            }
            "due" => c.due = date(r, v, "`due`"),
            "profiles" => {
                c.profiles = r
                    .array(v, "`profiles`")
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|p| r.id_text(p, "a profile"))
                    .collect()
            }
            "teams" => {
                c.teams =
                    r.array(v, "`teams`").unwrap_or_default().iter().filter_map(|t| r.id_text(t, "a team")).collect()
            }
            "currency" => c.currency = r.string(v, "`currency`").unwrap_or_default(),
            "monthly_cost" => c.monthly_cost = r.amount(v, "`monthly_cost`").unwrap_or(0.0),
            "cost" => {
                for row in r.array(v, "`cost` (write each row as [[cost]])").unwrap_or_default() {
                    if let Some(row) = cost_row(r, row) {
                        c.cost.push(row);
                    }
                }
            }
            "access" => {}
            "item" => read_items(r, v, sets, items),
            _ => r.unknown_key(k, &schema::REVIEW.names(), "a review campaign"),
        }
    }
}

/// The `[[item]]` tables.
fn read_items(r: &mut Reader, v: &Val, sets: &Sets, items: &mut Vec<Item>) {
    for item in r.array(v, "`item` (write each item as [[item]])").unwrap_or_default() {
        if let Some(item) = read_item(r, item, sets) {
            items.push(item);
        }
    }
}

/// A TOML local date (`2026-12-31`).
fn date(r: &mut Reader, v: &Val, what: &str) -> Option<jiff::civil::Date> {
    if let DeValue::Datetime(dt) = v.get_ref()
        && let (Some(d), None, None) = (dt.date, dt.time, dt.offset)
    {
        return jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok();
    }
    r.bad_value(
        v.span(),
        format!("{what} must be a date (YYYY-MM-DD, unquoted), not `{}`", shown(v)),
        format!("write {what} as a TOML date, e.g. `2026-01-31`"),
    );
    None
}

/// A date and time in UTC (`2026-01-15T09:30:00Z`), as RFC 3339 text.
fn utc_time(r: &mut Reader, v: &Val, what: &str) -> Option<String> {
    if let DeValue::Datetime(dt) = v.get_ref()
        && let (Some(_), Some(_), Some(toml::value::Offset::Z)) = (dt.date, dt.time, dt.offset)
    {
        return Some(dt.to_string());
    }
    r.bad_value(
        v.span(),
        format!("{what} must be a date and time in UTC (RFC 3339, ending in Z), not `{}`", shown(v)),
        format!("write {what} unquoted, e.g. `2026-01-15T09:30:00Z`"),
    );
    None
}

/// A value as written, for a message.
fn shown(v: &Val) -> String {
    match v.get_ref() {
        DeValue::String(s) => format!("\"{s}\""),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Integer(i) => i.as_str().to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Array(_) => "an array".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

fn cost_row(r: &mut Reader, v: &Val) -> Option<CostRow> {
    let table = r.table(v, "a cost row")?;
    let mut row = CostRow { tier: String::new(), label: String::new(), price: 0.0, seats: 0, monthly: 0.0 };
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "tier" => row.tier = r.id_text(v, "`tier`").unwrap_or_default(),
            "label" => row.label = r.string(v, "`label`").unwrap_or_default(),
            "price" => row.price = r.amount(v, "`price`").unwrap_or(0.0),
            "seats" => row.seats = r.amount(v, "`seats`").unwrap_or(0.0) as u64,
            "monthly" => row.monthly = r.amount(v, "`monthly`").unwrap_or(0.0),
            _ => r.unknown_key(k, &schema::REVIEW_COST.names(), "a cost row"),
        }
    }
    Some(row)
}

fn read_item(r: &mut Reader, v: &Val, sets: &Sets) -> Option<Item> {
    let table = r.table(v, "an item")?;
    let mut item = Item::default();
    let mut named = None;
    let mut id_span = None;
    let mut decision_span = None;
    let mut applied_span = None;
    // Keys written, valid or not: a bad one is reported once, not also as missing.
    let written = |key: &str| table.iter().any(|(k, _)| k.get_ref() == key);
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "id" => {
                id_span = Some(v.span());
                item.id = item_id(r, v).unwrap_or_default();
            }
            "profile" => item.profile = r.id_text(v, "`profile`").map(Arc::from),
            "via" => item.via = r.string(v, "`via`"),
            "access" => named = Some(v),
            "reviewer" => item.reviewer = r.id_text(v, "`reviewer`").map(Arc::from),
            "decision" => {
                decision_span = Some(v.span());
                item.decision = decision(r, v);
            }
            "decided_by" => item.decided_by = r.id_text(v, "`decided_by`"),
            "decided_at" => item.decided_at = utc_time(r, v, "`decided_at`"),
            "note" => item.note = r.string(v, "`note`"),
            "applied" => {
                applied_span = Some(v.span());
                item.applied = date(r, v, "`applied`");
            }
            _ => r.unknown_key(k, &schema::REVIEW_ITEM.names(), "a review item"),
        }
    }
    let at = r.span(v.span());
    let Some(id_at) = id_span else {
        r.missing(at, "id", "an item", "\"bob/acme\"");
        return None;
    };
    item.at = r.span(id_at).start as usize;
    if !written("access") {
        r.missing(at, "access", "an item", "\"easy-invoicing\"");
    }
    if let Some(span) = decision_span {
        for (present, key, example) in [
            (written("decided_by"), "decided_by", "\"claire\""),
            (written("decided_at"), "decided_at", "2026-01-15T09:30:00Z"),
        ] {
            if !present {
                r.missing(r.span(span.clone()), key, "a decided item", example);
            }
        }
    }
    if let Some(span) = applied_span
        && item.decision != Some(Decision::Revoke)
    {
        r.bad_value(
            span,
            format!("item `{}` is marked applied, but its decision is not `revoke`", item.id),
            "only a revocation is applied (`roster review apply`); remove `applied`",
        );
    }
    if let Some(v) = named {
        item.access = access_set(r, v, sets, &item.id);
    }
    Some(item)
}

/// `access = "NAME"`: the name of a set of the campaign's `[access]` table
/// (shared by every item that names it); empty when there is none.
fn access_set(r: &mut Reader, v: &Val, sets: &Sets, item: &str) -> Arc<str> {
    let Some(name) = r.string(v, "`access` (the name of a set of the campaign's [access] table)") else {
        return Arc::from("");
    };
    if let Some(&i) = sets.by_name.get(name.as_str()) {
        return Arc::clone(&sets.list[i].0);
    }
    let d = Diagnostic::error(
        "unknown-ref",
        r.span(v.span()),
        format!("item `{item}` names the access set `{name}`, which the campaign's [access] table does not hold"),
    );
    r.diags.push(d.suggest(
        &name,
        sets.list.iter().map(|(n, _)| &**n),
        "name a set of the campaign's [access] table, or add it there",
    ));
    Arc::from("")
}

/// `bob` or `bob/acme`: a member id, or a member id and a client id.
fn item_id(r: &mut Reader, v: &Val) -> Option<String> {
    let s = r.string(v, "`id`")?;
    let ok = match s.split_once('/') {
        Some((m, c)) => check_id(m).and(check_id(c)),
        None => check_id(&s),
    };
    match ok {
        Ok(()) => Some(s),
        Err(why) => {
            r.bad_value(
                v.span(),
                format!("item id `{s}` is not MEMBER or MEMBER/CLIENT: {why}"),
                "write the member's id (`bob`), or the member's and the client's (`bob/acme`)",
            );
            None
        }
    }
}

fn decision(r: &mut Reader, v: &Val) -> Option<Decision> {
    let s = r.string(v, "`decision`")?;
    match Decision::parse(&s) {
        Some(d) => Some(d),
        None => {
            let d = Diagnostic::error("bad-value", r.span(v.span()), format!("`{s}` is not a decision"));
            r.diags.push(d.suggest(&s, Decision::NAMES.iter().copied(), "a decision is `keep` or `revoke`"));
            None
        }
    }
}

/// One access set, `NAME = { area = { action = "level" } }`, in file order,
/// levels checked, as one line for people (`clients: view assigned, edit
/// assigned; calendars: view all`); the items that name it share the text.
fn access(r: &mut Reader, v: &Val) -> Arc<str> {
    let mut out = String::new();
    let Some(table) = r.table(v, "`access`") else { return Arc::from("") };
    for (area, actions) in table {
        let Some(area_id) = r.key_id(area, "area") else { continue };
        let Some(actions) = r.table(actions, &format!("`access.{area_id}`")) else { continue };
        let mut first = true;
        for (action, level) in actions {
            // The common case without allocating: a string that is a level.
            let l = match level.get_ref() {
                DeValue::String(s) => crate::model::Level::parse(s),
                _ => None,
            };
            let Some(l) =
                l.or_else(|| r.level(level, &format!("`access.{area_id}.{}`", action.get_ref())).map(|l| l.value))
            else {
                continue;
            };
            if first {
                if !out.is_empty() {
                    out.push_str("; ");
                }
                out.push_str(&area_id);
                out.push_str(": ");
                first = false;
            } else {
                out.push_str(", ");
            }
            out.push_str(action.get_ref());
            out.push(' ');
            out.push_str(l.as_str());
        }
    }
    Arc::from(out)
}

/// Where each `[[item]]` line starts.
fn item_starts(text: &str) -> Vec<usize> {
    // Found with the substring search (a campaign over 100,000 members has
    // 2.5 million lines), then held to the line: only spaces before it, and
    // nothing but spaces or a comment after it.
    // Each byte is looked at a bounded number of times, whatever the lines
    // (a hostile line of a million `[[item]]`s too): the line around a
    // match is found from the previous match's.
    let mut starts = Vec::new();
    let (mut scanned, mut line_start, mut line_end) = (0, 0, 0);
    for (at, _) in text.match_indices("[[item]]") {
        if at >= line_end {
            if let Some(i) = text[scanned..at].rfind('\n') {
                line_start = scanned + i + 1;
            }
            line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            scanned = line_end;
        } else {
            // Another match on the line of the one before: not alone on it.
            continue;
        }
        let before = &text[line_start..at];
        let after = text[at + "[[item]]".len()..line_end].trim_start();
        if before.trim().is_empty() && (after.is_empty() || after.starts_with('#')) {
            starts.push(line_start);
        }
    }
    starts
}

/// An item id named twice: the second is an error (a decision would not know which).
fn duplicates(diags: &mut Vec<Diagnostic>, file: FileId, ids: &[&str], starts: &[usize], text: &str) {
    // Each item's `[[item]]` line, when the items are written as such.
    let at = |i: usize| if starts.len() == ids.len() { starts[i] } else { 0 };
    // Items by their id's hash, sorted (`model::id_repeats`).
    let keys =
        ids.iter().enumerate().filter(|(_, id)| !id.is_empty()).map(|(i, id)| crate::model::id_key(id, i)).collect();
    let twice = crate::model::id_repeats(keys, |i| ids[i]);
    for (i, before) in twice {
        let (id, start) = (ids[i], at(i));
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        diags.push(
            Diagnostic::error(
                "bad-value",
                Span::new(file, start..line_end.max(start)),
                format!(
                    "item `{id}` appears twice in the campaign (also on line {})",
                    position_in(text, at(before)).line
                ),
            )
            .hint("keep one item per id; remove the other"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    /// A campaign of `n` members with 3 clients each, a decision now and then.
    fn campaign(n: usize) -> String {
        let mut out = String::from("revision = \"working-tree\"\nstarted = 2026-10-01\n\n[access]\n");
        out.push_str(
            "\"p\" = { clients = { view = \"all\" } }\n\"p on clients\" = { clients = { view = \"assigned\" } }\n",
        );
        for m in 0..n {
            out.push_str(&format!("\n[[item]]\nid = \"m{m}\"\nprofile = \"p\"\naccess = \"p\"\nreviewer = \"boss\"\n"));
            for c in 0..3 {
                out.push_str(&format!("\n[[item]]\nid = \"m{m}/c{c}\"\naccess = \"p on clients\"\n"));
                if (m + c) % 7 == 0 {
                    out.push_str("decision = \"keep\"\ndecided_by = \"boss\"\ndecided_at = 2026-10-02T09:00:00Z\n");
                }
            }
        }
        out
    }

    fn file(text: &str) -> FileId {
        Sources::default().add("reviews/x.toml".into(), "reviews/x.toml".into(), text.to_string())
    }

    #[test]
    fn pieces_read_what_one_parse_reads() {
        let text = campaign(2000);
        assert!(text.len() > 4 * super::super::chunk::CHUNK);
        let starts = item_starts(&text);
        let f = file(&text);
        assert!(read_in_pieces(f, &text, &starts, |i| i).is_some(), "not read in pieces");
        let pieces = read_review(f, &text, Keep::Items);
        let whole = read_whole(f, &text, Keep::Items, &starts);
        assert_eq!(pieces.0.items.len(), whole.0.items.len());
        if let Some((a, b)) = pieces.0.items.iter().zip(&whole.0.items).find(|(a, b)| a != b) {
            panic!("in pieces: {a:?}\nwhole: {b:?}");
        }
        assert!(pieces.1.is_empty() && whole.1.is_empty(), "{:?} {:?}", pieces.1, whole.1);
        // Client items take their member's profile and reviewer; each item has its bytes.
        let item = whole.0.items.iter().find(|i| i.id == "m7/c2").expect("m7/c2");
        assert_eq!((item.profile.as_deref(), item.reviewer.as_deref()), (Some("p"), Some("boss")));
        assert!(text[item.range.0..item.range.1].starts_with("[[item]]\nid = \"m7/c2\""));
        let (c, d) = read_review(f, &text, Keep::Ids);
        assert!(c.items.is_empty() && d.is_empty());
        assert_eq!(whole.0.access.len(), 2);
    }

    #[test]
    fn problems_deep_in_a_large_campaign_are_where_one_parse_finds_them() {
        let text = campaign(2000)
            .replacen("id = \"m1500/c1\"\naccess = \"p on clients\"", "id = \"m1500/c1\"\naccess = \"p on client\"", 1)
            .replacen("id = \"m1900/c2\"", "id = \"m10/c2\"", 1);
        let starts = item_starts(&text);
        let f = file(&text);
        let (_, chunked) = read_review(f, &text, Keep::Ids);
        let (_, whole) = read_whole(f, &text, Keep::Items, &starts);
        assert_eq!(format!("{chunked:?}"), format!("{whole:?}"));
        let codes: Vec<&str> = whole.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-ref", "bad-value"], "{whole:?}");
    }

    #[test]
    fn every_id_written_again_is_reported_with_its_first_line() {
        let text = campaign(300)
            .replacen("id = \"m250/c1\"", "id = \"m3/c0\"", 1)
            .replacen("id = \"m260/c1\"", "id = \"m3/c0\"", 1)
            .replacen("id = \"m270\"", "id = \"m9\"", 1);
        let f = file(&text);
        let (_, diags) = read_review(f, &text, Keep::Ids);
        let line = |needle: &str| text[..text.find(needle).unwrap()].lines().count();
        let first = line("id = \"m3/c0\"");
        let shown: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            shown,
            [
                format!("item `m3/c0` appears twice in the campaign (also on line {first})"),
                format!("item `m3/c0` appears twice in the campaign (also on line {first})"),
                format!("item `m9` appears twice in the campaign (also on line {})", line("id = \"m9\"")),
            ]
        );
        // In file order: the second m3/c0 (item of m250) before the third and m9's (m270).
        let starts: Vec<usize> = diags.iter().map(|d| d.span.unwrap().start as usize).collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
        // One id written 20,000 times: one table, not 20,000 scans.
        let mut many = String::from("revision = \"working-tree\"\nstarted = 2026-10-01\n[access]\n\"p\" = {}\n");
        many.push_str(&"\n[[item]]\nid = \"m1\"\naccess = \"p\"\n".repeat(20_000));
        let (_, diags) = read_review(file(&many), &many, Keep::Ids);
        assert_eq!(diags.len(), 19_999);
        assert!(diags.iter().all(|d| d.message.ends_with("(also on line 6)")), "{:?}", diags[0]);
    }

    #[test]
    fn item_lines_are_found_alone_on_their_line() {
        let text = "a = 1\n[[item]]\nid = \"x\"\n  [[item]]  # two\nnote = \"[[item]]\"\n[[item]] x\n";
        let starts = item_starts(text);
        assert_eq!(starts, [6, 24]);
        // A hostile line of many: none is alone on its line.
        let line = "[[item]]".repeat(200_000);
        assert!(item_starts(&line).is_empty());
    }
}
