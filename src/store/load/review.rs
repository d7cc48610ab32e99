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

/// What the reading of a campaign carries from piece to piece.
struct State {
    c: Campaign,
    seen_revision: bool,
    seen_started: bool,
    shared: crate::fxhash::FxHashMap<String, Arc<str>>,
}

/// Parses and reads one campaign file. A large campaign is parsed in pieces,
/// one `[[item]]` table at a time (its lines up to the next one), so that
/// its parsed tree never exists whole: a campaign over 100,000 members holds
/// over half a million items. When a piece does not parse on its own (a
/// multi-line string holding a `[[item]]` line), the file is parsed whole,
/// for exact diagnostics.
pub fn read_review(file: FileId, text: &str) -> (Campaign, Vec<Diagnostic>) {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for s in item_starts(text) {
        pieces.push((at, s));
        at = s;
    }
    pieces.push((at, text.len()));
    if pieces.len() > 1
        && let Some(read) = read_pieces(file, text, &pieces)
    {
        return read;
    }
    read_pieces(file, text, &[(0, text.len())]).unwrap_or_default()
}

/// Reads the pieces in order; `None` when one has a syntax error and there
/// is more than one piece (the caller then reads the whole file).
fn read_pieces(file: FileId, text: &str, pieces: &[(usize, usize)]) -> Option<(Campaign, Vec<Diagnostic>)> {
    let mut diags = Vec::new();
    let names = Names::default();
    let mut st = State {
        c: Campaign { currency: "EUR".into(), ..Campaign::default() },
        seen_revision: false,
        seen_started: false,
        shared: crate::fxhash::FxHashMap::default(),
    };
    for &(start, end) in pieces {
        let piece = &text[start..end];
        let (table, errors) = DeTable::parse_recoverable(piece);
        if !errors.is_empty() {
            if pieces.len() > 1 {
                return None;
            }
            for e in &errors {
                let span = e.span().unwrap_or(0..0);
                diags.push(
                    Diagnostic::error(
                        "toml-syntax",
                        Span::new(file, span.start + start..span.end + start),
                        super::syntax_message(e.message()),
                    )
                    .hint("fix the TOML syntax; see https://toml.io for the format"),
                );
            }
            return Some((Campaign::default(), diags));
        }
        let mut r = Reader::new(file, &mut diags, piece, start, &names);
        read_top(&mut r, table.get_ref(), &mut st);
    }
    let State { mut c, seen_revision, seen_started, .. } = st;
    let mut r = Reader::new(file, &mut diags, text, 0, &names);
    let whole = Span::new(file, 0..0);
    if !seen_revision {
        r.missing(whole, "revision", "the campaign", "\"working-tree\"");
    }
    if !seen_started {
        r.missing(whole, "started", "the campaign", "2026-01-15");
    }
    ranges(&mut c.items, text);
    duplicates(&mut diags, file, &c.items, text);
    Some((c, diags))
}

/// The top-level keys of the file (or of one piece of it).
fn read_top(r: &mut Reader, top: &DeTable, st: &mut State) {
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
            "item" => {
                for item in r.array(v, "`item` (write each item as [[item]])").unwrap_or_default() {
                    if let Some(item) = read_item(r, item, &mut st.shared) {
                        c.items.push(item);
                    }
                }
            }
            _ => r.unknown_key(k, &schema::REVIEW.names(), "a review campaign"),
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

fn read_item(r: &mut Reader, v: &Val, shared: &mut crate::fxhash::FxHashMap<String, Arc<str>>) -> Option<Item> {
    let table = r.table(v, "an item")?;
    let mut item = Item::default();
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
            "profile" => item.profile = r.id_text(v, "`profile`"),
            "via" => item.via = r.string(v, "`via`"),
            "access" => item.access = access(r, v, shared),
            "reviewer" => item.reviewer = r.id_text(v, "`reviewer`"),
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
    item.at = id_at.start;
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
    Some(item)
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

/// `access = { area = { action = "level" } }`, in file order, levels
/// checked, as one line for people (`clients: view assigned, edit
/// assigned; calendars: view all`). Items with the same access share one
/// text (`shared`): a large campaign holds few distinct ones.
fn access(r: &mut Reader, v: &Val, shared: &mut crate::fxhash::FxHashMap<String, Arc<str>>) -> Arc<str> {
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
    if let Some(t) = shared.get(&out) {
        return t.clone();
    }
    let t: Arc<str> = Arc::from(out.as_str());
    shared.insert(out, t.clone());
    t
}

/// Where each `[[item]]` line starts.
fn item_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.split('#').next().unwrap_or("").trim() == "[[item]]" {
            starts.push(at);
        }
        at += line.len();
    }
    starts
}

/// Each item's bytes: from its `[[item]]` line to the next one (or the end).
/// Items written otherwise (an inline array) get none: edits then rewrite
/// the whole file.
fn ranges(items: &mut [Item], text: &str) {
    let starts = item_starts(text);
    if starts.len() != items.len() {
        return;
    }
    for (i, item) in items.iter_mut().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        item.range = (starts[i], end);
    }
}

/// An item id named twice: the second is an error (a decision would not know which).
fn duplicates(diags: &mut Vec<Diagnostic>, file: FileId, items: &[Item], text: &str) {
    let mut first: crate::fxhash::FxHashMap<&str, usize> = crate::fxhash::FxHashMap::default();
    for item in items.iter().filter(|i| !i.id.is_empty()) {
        if first.contains_key(item.id.as_str()) {
            let start = item.range.0;
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            diags.push(
                Diagnostic::error(
                    "bad-value",
                    Span::new(file, start..line_end.max(start)),
                    format!(
                        "item `{}` appears twice in the campaign (also on line {})",
                        item.id,
                        position_in(text, first[item.id.as_str()]).line
                    ),
                )
                .hint("keep one item per id; remove the other"),
            );
        } else {
            first.insert(item.id.as_str(), item.at);
        }
    }
}
