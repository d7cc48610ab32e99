//! The reader of values: each kind of value a workspace file holds (string,
//! bool, table, array, amount, id, level, grants...) read from the toml
//! crate's spanned tree, each problem reported as a diagnostic with its span,
//! and the reading carried on.

use crate::diag::Diagnostic;
use crate::model::{At, Date, Grants, ID_PATTERN, Level, Names, Ref, Window, check_id};
use crate::source::{FileId, Span};
use std::borrow::Cow;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A key as parsed, with its span in the text parsed.
pub(crate) type Key<'i> = Spanned<Cow<'i, str>>;
/// A value as parsed, with its span in the text parsed.
pub(crate) type Val<'i> = Spanned<DeValue<'i>>;

/// Reads values of one file, reporting each problem and carrying on.
pub(crate) struct Reader<'d> {
    file: FileId,
    pub(super) diags: &'d mut Vec<Diagnostic>,
    /// The text parsed (a whole file, a chunk of one, or one entry).
    text: &'d str,
    /// Where `text` starts in the file: every span is moved by it.
    offset: usize,
    /// The ids that references share.
    pub(super) names: &'d Names,
}

impl<'d> Reader<'d> {
    /// A reader of `text`, which starts at `offset` in `file`.
    pub(super) fn new(
        file: FileId,
        diags: &'d mut Vec<Diagnostic>,
        text: &'d str,
        offset: usize,
        names: &'d Names,
    ) -> Reader<'d> {
        Reader { file, diags, text, offset, names }
    }

    pub(super) fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.file, range.start + self.offset..range.end + self.offset)
    }

    /// The bytes of an entry written as a standard table (`[members.bob]` and
    /// its lines), in the file: a change can edit them alone.
    pub(super) fn entry_range(&self, key: &Key, value: &Val) -> Option<(u32, u32)> {
        let start = self.text[..key.span().start].rfind('\n').map_or(0, |i| i + 1);
        let line = self.text[start..].trim_start();
        if !line.starts_with('[') || line.starts_with("[[") {
            return None;
        }
        let end = max_end(value).max(key.span().end);
        let end = self.text[end..].find('\n').map_or(self.text.len(), |i| end + i + 1);
        Some(((start + self.offset) as u32, (end + self.offset) as u32))
    }

    pub(super) fn unknown_key(&mut self, key: &Key, known: &[&str], context: &str) {
        let d = Diagnostic::error(
            "unknown-key",
            self.span(key.span()),
            format!("unknown key `{}` in {context}", key.get_ref()),
        );
        self.diags.push(d.suggest(
            key.get_ref(),
            known.iter().copied(),
            format!("known keys here: {}", known.join(", ")),
        ));
    }

    pub(super) fn missing(&mut self, at: Span, field: &str, context: &str, example: &str) {
        self.diags.push(
            Diagnostic::error("missing-field", at, format!("{context} has no `{field}`"))
                .hint(format!("add `{field} = {example}`")),
        );
    }

    pub(super) fn bad_type(&mut self, v: &Val, expected: &str, what: &str) {
        self.diags.push(
            Diagnostic::error(
                "bad-value",
                self.span(v.span()),
                format!("{what} must be {expected}, not {}", type_name(v.get_ref())),
            )
            .hint(format!("write {what} as {expected}")),
        );
    }

    pub(super) fn bad_value(&mut self, span: std::ops::Range<usize>, message: String, hint: impl Into<String>) {
        self.diags.push(Diagnostic::error("bad-value", self.span(span), message).hint(hint));
    }

    pub(super) fn table<'v, 'i>(&mut self, v: &'v Val<'i>, what: &str) -> Option<&'v DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.bad_type(v, "a table", what);
                None
            }
        }
    }

    pub(super) fn array<'v, 'i>(&mut self, v: &'v Val<'i>, what: &str) -> Option<&'v [Val<'i>]> {
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.bad_type(v, "an array", what);
                None
            }
        }
    }

    pub(super) fn string(&mut self, v: &Val, what: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.bad_type(v, "a string", what);
                None
            }
        }
    }

    pub(super) fn bool(&mut self, v: &Val, what: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.bad_type(v, "true or false", what);
                None
            }
        }
    }

    /// A finite number at or above zero (an integer or a float).
    pub(super) fn amount(&mut self, v: &Val, what: &str) -> Option<f64> {
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok().map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.bad_type(v, "a number", what);
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() && n >= 0.0 => Some(n),
            _ => {
                self.bad_value(
                    v.span(),
                    format!("{what} must be a number at or above 0"),
                    "write a plain number such as `25.0`",
                );
                None
            }
        }
    }

    /// A key that is an id (a member, client, tier or area id).
    pub(super) fn key_id(&mut self, key: &Key, what: &str) -> Option<String> {
        match check_id(key.get_ref()) {
            Ok(()) => Some(key.get_ref().to_string()),
            Err(why) => {
                self.bad_value(
                    key.span(),
                    format!("{what} id `{}` is not valid: {why}", key.get_ref()),
                    format!("ids match {ID_PATTERN}"),
                );
                None
            }
        }
    }

    /// A string value that names something by id.
    pub(super) fn id_ref(&mut self, v: &Val, what: &str) -> Option<Ref> {
        let s = self.id_text(v, what)?;
        Some(At::new(self.names.get(&s), self.span(v.span())))
    }

    /// The text of a string value that must be an id.
    pub(super) fn id_text(&mut self, v: &Val, what: &str) -> Option<String> {
        let s = self.string(v, what)?;
        match check_id(&s) {
            Ok(()) => Some(s),
            Err(why) => {
                self.bad_value(
                    v.span(),
                    format!("{what} `{s}` is not a valid id: {why}"),
                    format!("ids match {ID_PATTERN}"),
                );
                None
            }
        }
    }

    /// An `area.action` string; whether the area and action exist is a rule.
    pub(super) fn action_key(&mut self, v: &Val) -> Option<At<String>> {
        let s = self.string(v, "an area.action")?;
        match s.split_once('.') {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => Some(At::new(s, self.span(v.span()))),
            _ => {
                self.bad_value(
                    v.span(),
                    format!("`{s}` is not AREA.ACTION"),
                    "write it as area.action, e.g. \"invoices.view\"",
                );
                None
            }
        }
    }

    pub(super) fn level(&mut self, v: &Val, what: &str) -> Option<At<Level>> {
        if let DeValue::Table(t) = v.get_ref()
            && (t.contains_key("until") || t.contains_key("from") || t.contains_key("level"))
        {
            self.bad_value(
                v.span(),
                format!("{what} takes no date: only a member's override may have `from`/`until`"),
                "write the level alone, e.g. \"assigned\"",
            );
            return None;
        }
        let s = self.string(v, what)?;
        match Level::parse(&s) {
            Some(l) => Some(At::new(l, self.span(v.span()))),
            None => {
                let d = Diagnostic::error("bad-value", self.span(v.span()), format!("`{s}` is not a level ({what})"));
                self.diags.push(d.suggest(&s, Level::NAMES, "levels are none, own, assigned, all"));
                None
            }
        }
    }

    /// A TOML local date (`until = 2026-03-31`); a quoted one, a date with a
    /// time, or a day the calendar lacks is reported with the form to write.
    pub(super) fn date(&mut self, v: &Val, what: &str) -> Option<Date> {
        let dt = match v.get_ref() {
            DeValue::Datetime(dt) => dt,
            DeValue::String(s) => {
                let hint = match crate::model::dates::parse_date(s) {
                    Ok(d) => format!("write the date unquoted: {what} = {d}"),
                    Err(_) => format!("write a date unquoted, as YYYY-MM-DD: {what} = 2026-12-31"),
                };
                self.bad_value(v.span(), format!("`{what}` must be a date, not the string \"{s}\""), hint);
                return None;
            }
            _ => {
                self.bad_type(v, "a date (YYYY-MM-DD, unquoted)", &format!("`{what}`"));
                return None;
            }
        };
        let (Some(d), None, None) = (dt.date, dt.time, dt.offset) else {
            self.bad_value(
                v.span(),
                format!("`{what}` must be a date alone, not `{dt}`"),
                format!("write the day only, as YYYY-MM-DD: {what} = 2026-12-31"),
            );
            return None;
        };
        match Date::new(d.year as i16, d.month as i8, d.day as i8) {
            Ok(date) => Some(date),
            Err(_) => {
                self.bad_value(
                    v.span(),
                    format!("`{what}` = {dt} is not a day of the calendar"),
                    "write an existing date as YYYY-MM-DD",
                );
                None
            }
        }
    }

    /// The `from` and `until` keys of a table form (SPEC §9), and where they
    /// are written; `bad-date` when `from` is after `until`. `None` when neither is given.
    pub(super) fn window(&mut self, from: Option<&Val>, until: Option<&Val>, at: Span) -> Option<Window> {
        let f = from.and_then(|v| self.date(v, "from"));
        let u = until.and_then(|v| self.date(v, "until"));
        let span = until.or(from).map_or(at, |v| self.span(v.span()));
        if let (Some(f), Some(u)) = (f, u)
            && f > u
        {
            self.diags.push(
                Diagnostic::error("bad-date", span, format!("`from` {f} is after `until` {u}: the entry never holds"))
                    .hint("`until` is the last day included: make it on or after `from`, or swap them"),
            );
        }
        (f.is_some() || u.is_some()).then_some(Window { from: f, until: u, span })
    }

    /// `area = { action = "level" }` tables: a profile's grants, a tier's ceiling, a member's overrides.
    pub(super) fn grants(&mut self, v: &Val, what: &str) -> Grants {
        let mut grants = Grants::new();
        let Some(table) = self.table(v, what) else { return grants };
        for (area, actions) in table {
            let Some(area_id) = self.key_id(area, "area") else { continue };
            let Some(actions) = self.table(actions, &format!("{what}.{area_id}")) else { continue };
            let entry = grants.entry(area_id.clone()).or_default();
            for (action, level) in actions {
                let what = format!("{what}.{area_id}.{}", action.get_ref());
                if let Some(level) = self.level(level, &what) {
                    entry.insert(action.get_ref().to_string(), level);
                }
            }
        }
        grants
    }
}

/// The end of the last byte of a value, tables and arrays included.
fn max_end(v: &Val) -> usize {
    match v.get_ref() {
        DeValue::Table(t) => t.iter().map(|(k, v)| k.span().end.max(max_end(v))).max().unwrap_or(0).max(v.span().end),
        _ => v.span().end,
    }
}

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
