//! [`Records`]: rows of named fields, the shape of every list roster prints,
//! and its table, CSV and Markdown (its JSON comes from serde: an array of
//! objects, keys in column order).

use super::{csv_guard, escape, money};
use crate::style::Paint;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

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

/// A field of [`Records`].
#[derive(Clone, Debug)]
pub struct Column {
    /// The JSON key and the CSV header: one name for the data formats.
    pub name: String,
    pub col: Col,
    /// What a table or Markdown header shows instead of the name, when people
    /// read better with another one (`profile compare` names its columns
    /// after the two profiles).
    pub heading: Option<String>,
}

impl Column {
    fn heading(&self) -> &str {
        self.heading.as_deref().unwrap_or(&self.name)
    }
}

/// Rows of named fields: what list commands print.
#[derive(Clone, Debug, Default)]
pub struct Records {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
    /// Rows to make stand out in a table (the rows of a comparison that differ).
    pub marked: Vec<bool>,
}

impl Records {
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = (S, Col)>) -> Records {
        Records {
            columns: columns.into_iter().map(|(n, col)| Column { name: n.into(), col, heading: None }).collect(),
            ..Records::default()
        }
    }

    /// One record: the fields of `value` (a struct or a map), in order, as
    /// text columns. Its JSON and its record share the one definition.
    pub fn one(value: &impl Serialize) -> Records {
        let Ok(Value::Object(fields)) = serde_json::to_value(value) else { return Records::default() };
        let mut records = Records::new(fields.keys().map(|k| (k.as_str(), Col::Text)));
        records.push(fields.into_iter().map(|(_, v)| v).collect());
        records
    }

    /// Shows the column named `name` under another heading in tables and Markdown.
    pub fn with_heading(mut self, name: &str, heading: impl Into<String>) -> Records {
        if let Some(c) = self.columns.iter_mut().find(|c| c.name == name) {
            c.heading = Some(heading.into());
        }
        self
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

    /// Aligned columns, the header in capitals; nothing when there are no rows.
    pub fn table(&self, paint: Paint) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let mut table = Table::new();
        table.load_style(presets::NOTHING).set_content_arrangement(ContentArrangement::Dynamic);
        if !paint.enabled {
            table.force_no_tty();
        }
        table.set_header(self.columns.iter().map(|c| {
            let cell = Cell::new(escape::terminal(&c.heading().to_uppercase().replace('_', " ")));
            if paint.enabled { cell.add_attribute(Attribute::Bold) } else { cell }
        }));
        for (row, &marked) in self.rows.iter().zip(&self.marked) {
            table.add_row(row.iter().zip(&self.columns).map(|(v, c)| {
                let mut cell = Cell::new(escape::terminal(&table_text(v, c.col)));
                if matches!(c.col, Col::Money | Col::Number) {
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

    /// A header row of the field names, one record a row (`csv_guard`'s writer).
    pub fn csv(&self) -> String {
        let mut w = csv_guard::CsvWriter::with_capacity(self.rows.len() * self.columns.len() * 8);
        w.text_row(self.columns.iter().map(|c| c.name.as_str()));
        for row in &self.rows {
            w.value_row(row);
        }
        w.finish()
    }

    /// A Markdown table, every value escaped; marked rows in bold.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "| {} |\n",
            self.columns.iter().map(|c| escape::markdown(c.heading())).collect::<Vec<_>>().join(" | ")
        ));
        out.push_str(&format!(
            "|{}|\n",
            self.columns
                .iter()
                .map(|c| if matches!(c.col, Col::Money | Col::Number) { "---:" } else { "---" })
                .collect::<Vec<_>>()
                .join("|")
        ));
        for (row, &marked) in self.rows.iter().zip(&self.marked) {
            let cells: Vec<String> = row
                .iter()
                .zip(&self.columns)
                .map(|(v, c)| {
                    let text = escape::markdown(&table_text(v, c.col));
                    if marked && !text.is_empty() { format!("**{text}**") } else { text }
                })
                .collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }
}

/// An array of objects, keys in column order (written as it goes: no copy of the rows).
impl Serialize for Records {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Row<'a>(&'a [Column], &'a [Value]);
        impl Serialize for Row<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for (c, v) in self.0.iter().zip(self.1) {
                    map.serialize_entry(&c.name, v)?;
                }
                map.end()
            }
        }
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for row in &self.rows {
            seq.serialize_element(&Row(&self.columns, row))?;
        }
        seq.end()
    }
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
        assert_eq!(sample().csv(), "id,price,clients,admin\nbob,12.0,acme;globex,false\n\"a,b\",25.5,,true\n");
    }

    #[test]
    fn json_keeps_column_order() {
        let text = super::super::json(&sample());
        assert!(text.find("\"id\"").unwrap() < text.find("\"price\"").unwrap());
        assert!(text.contains("\"clients\": [\n      \"acme\""));
    }

    #[test]
    fn json_is_the_array_of_objects() {
        let r = sample();
        let objects: Vec<Value> = r
            .rows
            .iter()
            .map(|row| Value::Object(r.columns.iter().zip(row).map(|(c, v)| (c.name.clone(), v.clone())).collect()))
            .collect();
        assert_eq!(serde_json::to_value(&r).unwrap(), Value::Array(objects));
        assert_eq!(super::super::json(&Records::new([("a", Col::Text)])), "[]\n");
    }

    #[test]
    fn markdown_marks_rows_and_escapes_pipes() {
        let mut r = Records::new([("a", Col::Text)]);
        r.push_marked(vec![json!("x|y")], true);
        assert_eq!(r.markdown(), "| a |\n|---|\n| **x\\|y** |\n");
    }

    #[test]
    fn headings_show_in_tables_and_markdown_names_in_data() {
        let mut r = Records::new([("a", Col::Text), ("member_id", Col::Text)]).with_heading("a", "team|lead");
        r.push(vec![json!("x"), json!("y")]);
        assert_eq!(r.markdown(), "| team\\|lead | member\\_id |\n|---|---|\n| x | y |\n");
        assert!(r.table(Paint::plain()).starts_with(" TEAM|LEAD  MEMBER ID"), "{}", r.table(Paint::plain()));
        assert_eq!(r.csv(), "a,member_id\nx,y\n");
    }

    #[test]
    fn one_record_has_the_fields_of_the_value() {
        #[derive(serde::Serialize)]
        struct Answer<'a> {
            member: &'a str,
            allowed: bool,
            client: Option<&'a str>,
        }
        let r = Records::one(&Answer { member: "bob", allowed: true, client: None });
        assert_eq!(r.csv(), "member,allowed,client\nbob,true,\n");
    }

    #[test]
    fn table_shows_money_with_two_decimals() {
        let t = sample().table(Paint::plain());
        assert!(t.contains("12.00"), "{t}");
        assert!(t.contains("acme, globex"), "{t}");
    }
}
