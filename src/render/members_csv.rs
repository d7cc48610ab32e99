//! The members CSV of `export members` and `import members`, in one place so
//! that a round trip changes nothing. Lists in a cell are joined with `;`:
//! `clients` as ids, `client_profiles` as `client=profile`, `grants` (the
//! member's overrides) as `area.action=level`; `from` and `until` are the
//! member's own window (YYYY-MM-DD). [`read`] reads one back: the
//! header row, then each record with its line and its cells as written.

use super::views::member_fields;
use super::{Col, Records, csv_guard};
use crate::model::Member;
use serde_json::{Value, json};

pub const COLUMNS: [&str; 11] = [
    "id",
    "name",
    "email",
    "profile",
    "status",
    "clients",
    "client_profiles",
    "grants",
    "credit_limit",
    "from",
    "until",
];

/// A number as people write it: `200`, `12.5`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() }
}

/// The members, one record each, in the columns of [`COLUMNS`].
pub fn records<'a>(members: impl IntoIterator<Item = &'a Member>) -> Records {
    let mut r = Records::new(COLUMNS.map(|c| (c, Col::Text)));
    for m in members {
        r.push(row(m));
    }
    r
}

fn row(m: &Member) -> Vec<Value> {
    let clients: Vec<&str> = m.clients.iter().map(|c| c.value.as_str()).collect();
    let per_client: Vec<String> = m.client_profiles().iter().map(|(c, p)| format!("{}={}", c.value, p.value)).collect();
    let grants: Vec<String> = m
        .grants()
        .iter()
        .flat_map(|(area, actions)| actions.iter().map(move |(action, l)| format!("{area}.{action}={}", l.value)))
        .collect();
    // The fields of `member list`, the client list joined, then the rest.
    let mut row = member_fields(m);
    row[5] = json!(clients.join(";"));
    row.extend([
        json!(per_client.join(";")),
        json!(grants.join(";")),
        json!(m.credit_limit().map(number).unwrap_or_default()),
        // The member's own window (YYYY-MM-DD), empty without one.
        json!(m.window().and_then(|w| w.from).map(|d| d.to_string()).unwrap_or_default()),
        json!(m.window().and_then(|w| w.until).map(|d| d.to_string()).unwrap_or_default()),
    ]);
    row
}

/// The items of a `;` list cell, trimmed, without empty ones.
pub fn split_list(cell: &str) -> Vec<&str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// `key=value` items of a `;` list cell.
pub fn split_pairs(cell: &str) -> Result<Vec<(&str, &str)>, String> {
    split_list(cell)
        .into_iter()
        .map(|item| {
            item.split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .filter(|(k, v)| !k.is_empty() && !v.is_empty())
                .ok_or_else(|| format!("`{item}` is not KEY=VALUE"))
        })
        .collect()
}

/// A members CSV being read: its header row, trimmed, and its records.
#[derive(Debug)]
pub struct Sheet<'a> {
    pub headers: Vec<String>,
    pub rows: Rows<'a>,
}

/// The records of a [`Sheet`], in order: each one, or what is wrong with it
/// (`row N: ...`).
pub struct Rows<'a>(csv::StringRecordsIntoIter<&'a [u8]>);

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows").finish_non_exhaustive()
    }
}

/// A record of a members CSV.
#[derive(Debug)]
pub struct Record {
    /// The line it starts on: the row number reported.
    pub line: u64,
    record: csv::StringRecord,
}

impl Record {
    /// Its cells as `export members` wrote them: trimmed, and the `'` in
    /// front of a formula character taken off again (`csv_guard`).
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        self.record.iter().map(|c| csv_guard::unguard(c.trim()))
    }
}

impl Iterator for Rows<'_> {
    type Item = Result<Record, String>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.0.next()? {
            Ok(record) => Ok(Record { line: record.position().map_or(0, |p| p.line()), record }),
            Err(e) => Err(format!("row {}: {}", e.position().map_or(0, |p| p.line()), csv_error(&e))),
        })
    }
}

/// Starts reading a members CSV (a byte-order mark is fine): its header row,
/// or why the file cannot be read at all.
pub fn read(bytes: &[u8]) -> Result<Sheet<'_>, Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| vec![format!("the file is not UTF-8 text (byte {})", e.valid_up_to())])?;
    // The csv crate ends a quoted cell left open at the end of the file, and
    // every row after the quote would be read into it: refuse the file.
    if let Some(q) = csv_guard::open_quote(text) {
        return Err(vec![format!(
            "row {}: the quote opened at line {}, column {} is never closed, so every line after it would be read \
             into that one cell; close it with `\"` (a quote inside a quoted cell is written `\"\"`)",
            q.row_line, q.line, q.column
        )]);
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| vec![format!("cannot read the header row: {e}")])?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    Ok(Sheet { headers, rows: Rows(reader.into_records()) })
}

fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("it has {len} fields, and the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".into(),
        _ => e.to_string(),
    }
}
