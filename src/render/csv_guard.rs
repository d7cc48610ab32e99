//! CSV that is safe to open and safe to read back. Every CSV roster writes
//! goes through [`CsvWriter`], which puts a `'` in front of each text cell a
//! spreadsheet would take for a formula (OWASP's advice against formula
//! injection); `import members` takes it off with [`unguard`], so that an
//! export read back changes nothing; and [`open_quote`] finds a quote that is
//! never closed, which the csv crate accepts and which would swallow every
//! row after it into one cell.

use serde_json::Value;
use std::borrow::Cow;

/// What a spreadsheet reads as the start of a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell gets a `'` in front: it starts with a formula character,
/// or with quotes before one (a `'=x` of the data itself gets a second quote,
/// so that reading back takes exactly one off and finds `'=x` again).
fn needs_prefix(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text cell as written: with a `'` in front when a spreadsheet could take
/// it for a formula.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if needs_prefix(cell) { Cow::Owned(format!("'{cell}")) } else { Cow::Borrowed(cell) }
}

/// A cell as read back: the `'` that [`guard`] added, taken off. Only a `'`
/// before a formula character (after any further quotes) is one, so
/// `unguard(guard(x)) == x` for every `x`.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_prefix(rest) => rest,
        _ => cell,
    }
}

/// The one CSV writer of roster: text cells are guarded; numbers and
/// booleans are written as they are (roster writes them, as `-5` or `12.5`,
/// and a spreadsheet reads them as numbers, never as formulas).
#[derive(Debug)]
pub struct CsvWriter {
    inner: csv::Writer<Vec<u8>>,
}

impl CsvWriter {
    pub fn with_capacity(bytes: usize) -> CsvWriter {
        CsvWriter { inner: csv::Writer::from_writer(Vec::with_capacity(bytes)) }
    }

    /// A row of text cells (a header, ids, levels).
    pub fn text_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        // Writing to a Vec cannot fail.
        for cell in cells {
            let _ = self.inner.write_field(guard(cell).as_bytes());
        }
        let _ = self.inner.write_record(std::iter::empty::<&[u8]>());
    }

    /// A row of values: a string (or a list, joined with `;`) is a text cell.
    pub fn value_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a Value>) {
        for cell in cells {
            let text = super::csv_text(cell);
            let _ = match cell {
                Value::String(_) | Value::Array(_) | Value::Object(_) => {
                    self.inner.write_field(guard(&text).as_bytes())
                }
                Value::Null | Value::Bool(_) | Value::Number(_) => self.inner.write_field(text.as_bytes()),
            };
        }
        let _ = self.inner.write_record(std::iter::empty::<&[u8]>());
    }

    pub fn finish(self) -> String {
        String::from_utf8(self.inner.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// Where a quote that is never closed opens: 1-based, the line the record
/// starts on (the row number `import` reports), and the quote's line and column.
#[derive(Debug, PartialEq, Eq)]
pub struct OpenQuote {
    pub row_line: u64,
    pub line: u64,
    pub column: u64,
}

/// The quote left open at the end of `text`, if any, read as the csv
/// crate's default reader reads it (`,` between fields, `"` around them with
/// `""` inside, CR, LF or CRLF between records): a `"` opens a quoted field
/// only at the start of a field, and a quoted field runs until a `"` that is
/// not doubled. The csv crate ends such a field at the end of the input
/// without a word; `import members` refuses the file instead.
pub fn open_quote(text: &str) -> Option<OpenQuote> {
    let (mut line, mut column) = (1u64, 0u64);
    let mut row_line = 1;
    let mut field_start = true;
    let mut record_start = true;
    let mut quoted: Option<(u64, u64)> = None;
    // Just after a `"` inside a quoted field: a second one is a doubled quote.
    let mut closing = false;
    for c in text.chars() {
        column += 1;
        if quoted.is_some() {
            if c == '"' {
                quoted = None;
                closing = true;
            }
        } else if std::mem::take(&mut closing) && c == '"' {
            quoted = Some((line, column));
        } else {
            if record_start && c != '\r' && c != '\n' {
                row_line = line;
                record_start = false;
            }
            match c {
                ',' => field_start = true,
                '\r' | '\n' => {
                    field_start = true;
                    record_start = true;
                }
                '"' if field_start => {
                    quoted = Some((line, column));
                    field_start = false;
                }
                _ => field_start = false,
            }
        }
        if c == '\n' {
            line += 1;
            column = 0;
        }
    }
    quoted.map(|(line, column)| OpenQuote { row_line, line, column })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn guard_and_unguard_are_inverse() {
        for x in [
            "",
            "Bob",
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "-5",
            "@SUM(1)",
            "\tBob",
            "\rBob",
            "'",
            "'=x",
            "''+x",
            "'Bob",
            "a=b",
        ] {
            assert_eq!(unguard(&guard(x)), x, "{x:?}");
            assert!(!guard(x).starts_with(FORMULA_STARTS), "{x:?}");
        }
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("'=1"), "''=1");
        assert_eq!(unguard("'Bob"), "'Bob");
    }

    #[test]
    fn text_cells_are_guarded_numbers_are_not() {
        let mut w = CsvWriter::with_capacity(0);
        w.text_row(["id", "-x", "c", "d", "e"]);
        w.value_row(&[json!("=1+2"), json!(-5), json!(["@a", "b"]), json!(true), json!(null)]);
        assert_eq!(w.finish(), "id,'-x,c,d,e\n'=1+2,-5,'@a;b,true,\n");
    }

    /// The csv crate's own answer: a record added after the text stays a
    /// record of its own unless a quote is left open.
    fn csv_says_open(text: &str) -> bool {
        let probe = format!("{text}\nPROBE");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(probe.as_bytes());
        let last = reader.records().filter_map(Result::ok).last();
        last.is_none_or(|r| r.len() != 1 || &r[0] != "PROBE")
    }

    #[test]
    fn open_quote_agrees_with_the_csv_crate() {
        let alphabet = ['a', ',', '"', '\n', '\r'];
        let mut text = String::new();
        // Every input of up to 5 characters, then longer ones drawn at random
        // (a fixed linear congruential sequence, so that a failure repeats).
        for len in 0..=5u32 {
            for n in 0..alphabet.len().pow(len) {
                text.clear();
                let mut k = n;
                for _ in 0..len {
                    text.push(alphabet[k % alphabet.len()]);
                    k /= alphabet.len();
                }
                assert_eq!(open_quote(&text).is_some(), csv_says_open(&text), "{text:?}");
            }
        }
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            text.clear();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            for _ in 0..6 + (seed >> 59) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push(alphabet[(seed >> 61) as usize % alphabet.len()]);
            }
            assert_eq!(open_quote(&text).is_some(), csv_says_open(&text), "{text:?}");
        }
    }

    #[test]
    fn open_quote_names_the_row_and_the_quote() {
        assert_eq!(open_quote("id,name\nbob,\"Bob\"\nx,y\n"), None);
        assert_eq!(open_quote("id,name\nbob,\"Bob \"\"B\"\"\"\n"), None);
        assert_eq!(
            open_quote("id,name\nbob,\"Bob\nclaire,Claire\n"),
            Some(OpenQuote { row_line: 2, line: 2, column: 5 })
        );
        assert_eq!(open_quote("a\n,\"x").map(|q| q.row_line), Some(2));
        assert_eq!(open_quote("id,name\r\n\r\nbob,x\"y\r\n\"z"), Some(OpenQuote { row_line: 4, line: 4, column: 1 }));
    }
}
