//! Output formats (SPEC §5): one data shape, [`Records`], printed as a table,
//! CSV, JSON or Markdown. The format is decided here and nowhere else, and so
//! is output safety: values escaped for a terminal or Markdown (`escape`),
//! CSV cells guarded against formulas (`csv_guard`).

pub mod change;
pub mod csv_guard;
pub mod escape;
pub mod members_csv;

use crate::style::Paint;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// A header row and one record per row.
    Csv,
    /// For scripts.
    Json,
    /// A Markdown table, ready to paste into a pull request.
    Markdown,
}

/// How a column's values are shown in a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Text,
    /// A price: two decimals, right-aligned.
    Money,
    /// A count or a number, right-aligned.
    Number,
    /// true shows as `yes`, false as nothing.
    Flag,
}

/// Rows of named fields: what list commands print.
#[derive(Debug, Default)]
pub struct Records {
    /// (field name, how to show it); the field names are the JSON keys and the CSV header.
    pub columns: Vec<(String, Col)>,
    pub rows: Vec<Vec<Value>>,
    /// Rows to make stand out in a table (the rows of a comparison that differ).
    pub marked: Vec<bool>,
}

impl Records {
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = (S, Col)>) -> Records {
        Records { columns: columns.into_iter().map(|(n, c)| (n.into(), c)).collect(), ..Records::default() }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
        self.marked.push(false);
    }

    pub fn push_marked(&mut self, row: Vec<Value>, marked: bool) {
        self.push(row);
        if let Some(m) = self.marked.last_mut() {
            *m = marked;
        }
    }

    /// Array of objects, keys in column order.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.rows
                .iter()
                .map(|row| {
                    Value::Object(
                        self.columns.iter().zip(row).map(|((name, _), v)| (name.clone(), v.clone())).collect(),
                    )
                })
                .collect(),
        )
    }

    pub fn render(&self, format: Format, paint: Paint) -> String {
        match format {
            Format::Table => self.to_table(paint),
            Format::Csv => self.to_csv(),
            Format::Json => json(&self.to_json()),
            Format::Markdown => self.to_markdown(),
        }
    }

    fn to_table(&self, paint: Paint) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let mut table = Table::new();
        table.load_style(presets::NOTHING).set_content_arrangement(ContentArrangement::Dynamic);
        if !paint.enabled {
            table.force_no_tty();
        }
        table.set_header(self.columns.iter().map(|(name, _)| {
            let cell = Cell::new(escape::terminal(&name.to_uppercase().replace('_', " ")));
            if paint.enabled { cell.add_attribute(Attribute::Bold) } else { cell }
        }));
        for (row, &marked) in self.rows.iter().zip(&self.marked) {
            table.add_row(row.iter().zip(&self.columns).map(|(v, (_, col))| {
                let mut cell = Cell::new(escape::terminal(&table_text(v, *col)));
                if matches!(col, Col::Money | Col::Number) {
                    cell = cell.set_alignment(CellAlignment::Right);
                }
                if marked && paint.enabled {
                    cell = cell.fg(Color::Yellow).add_attribute(Attribute::Bold);
                }
                cell
            }));
        }
        let mut out = table.trim_fmt();
        out.push('\n');
        out
    }

    fn to_csv(&self) -> String {
        let mut w = csv_guard::CsvWriter::with_capacity(self.rows.len() * self.columns.len() * 8);
        w.text_row(self.columns.iter().map(|(n, _)| n.as_str()));
        for row in &self.rows {
            w.value_row(row);
        }
        w.finish()
    }

    fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "| {} |\n",
            self.columns.iter().map(|(n, _)| escape::markdown(n)).collect::<Vec<_>>().join(" | ")
        ));
        out.push_str(&format!(
            "|{}|\n",
            self.columns
                .iter()
                .map(|(_, c)| if matches!(c, Col::Money | Col::Number) { "---:" } else { "---" })
                .collect::<Vec<_>>()
                .join("|")
        ));
        for (row, &marked) in self.rows.iter().zip(&self.marked) {
            let cells: Vec<String> = row
                .iter()
                .zip(&self.columns)
                .map(|(v, (_, col))| {
                    let text = escape::markdown(&table_text(v, *col));
                    if marked && !text.is_empty() { format!("**{text}**") } else { text }
                })
                .collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }
}

pub fn json(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    escape::json_text(s)
}

/// Writes text for people to stderr, through the terminal net of [`escape`]
/// (with colour kept when `paint` is on). A closed stderr is not an error:
/// nobody is left to read it.
pub fn eprint(paint: Paint, text: &str) {
    use std::io::Write;
    let text = escape::terminal_text(text, paint.enabled);
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

pub fn money(amount: f64) -> String {
    format!("{amount:.2}")
}

fn table_text(v: &Value, col: Col) -> String {
    match (v, col) {
        (Value::Bool(true), _) => "yes".into(),
        (Value::Bool(false), _) => String::new(),
        (Value::Number(n), Col::Money) => n.as_f64().map(money).unwrap_or_default(),
        (Value::Array(items), _) => items.iter().map(|i| table_text(i, Col::Text)).collect::<Vec<_>>().join(", "),
        _ => csv_text(v),
    }
}

/// A cell as CSV text: lists joined with `;`, null as an empty cell.
pub fn csv_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(csv_text).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Records {
        let mut r =
            Records::new([("id", Col::Text), ("price", Col::Money), ("clients", Col::Text), ("admin", Col::Flag)]);
        r.push(vec![json!("bob"), json!(12.0), json!(["acme", "globex"]), json!(false)]);
        r.push_marked(vec![json!("a,b"), json!(25.5), json!([]), json!(true)], true);
        r
    }

    #[test]
    fn csv_quotes_and_joins_lists() {
        assert_eq!(sample().to_csv(), "id,price,clients,admin\nbob,12.0,acme;globex,false\n\"a,b\",25.5,,true\n");
    }

    #[test]
    fn json_keeps_column_order() {
        let text = json(&sample().to_json());
        assert!(text.find("\"id\"").unwrap() < text.find("\"price\"").unwrap());
        assert!(text.contains("\"clients\": [\n      \"acme\""));
    }

    #[test]
    fn markdown_marks_rows_and_escapes_pipes() {
        let mut r = Records::new([("a", Col::Text)]);
        r.push_marked(vec![json!("x|y")], true);
        assert_eq!(r.to_markdown(), "| a |\n|---|\n| **x\\|y** |\n");
    }

    #[test]
    fn table_shows_money_with_two_decimals() {
        let t = sample().to_table(Paint::plain());
        assert!(t.contains("12.00"), "{t}");
        assert!(t.contains("acme, globex"), "{t}");
    }
}
