//! [`Records`]: rows of named fields, the shape of every list roster prints,
//! and its table, CSV and Markdown (its JSON comes from serde: an array of
//! objects, keys in column order).
//!
//! A table fits the width of [`Paint`] when it can: free text (names,
//! descriptions) is shortened with `…` first, then lists wrap between their
//! items; ids, emails and the rest are never cut, so a table that still does
//! not fit is wider than the terminal rather than wrong.

use super::width::{shorten, width, wrap_items};
use super::{csv_guard, escape, money};
use crate::style::Paint;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

/// How a column's values are shown in a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Text,
    /// Free text people wrote (a name, a description): the one kind of cell
    /// a table shortens, with `…`, to fit the terminal.
    FreeText,
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
    /// What a table says when there are no rows (`no member has client
    /// `acme``); the data formats print their empty form (`[]`, a header).
    pub empty: Option<String>,
}

/// Free text is not shortened below this many columns (nor below its header).
const FREE_TEXT_MIN: usize = 10;

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

    /// What a table says when there are no rows.
    pub fn when_empty(mut self, note: impl Into<String>) -> Records {
        self.empty = Some(note.into());
        self
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

    /// Aligned columns, the header in capitals, fitted to `paint.width` (see
    /// the module's doc); the [`Records::empty`] note when there are no rows.
    pub fn table(&self, paint: Paint) -> String {
        if self.rows.is_empty() {
            return self.empty.as_ref().map(|note| format!("{}\n", escape::terminal(note))).unwrap_or_default();
        }
        let headers: Vec<String> = self
            .columns
            .iter()
            .map(|c| escape::terminal(&c.heading().to_uppercase().replace('_', " ")).into_owned())
            .collect();
        let cells: Vec<Vec<Shown>> = self
            .rows
            .iter()
            .map(|row| row.iter().zip(&self.columns).map(|(v, c)| Shown::new(v, c.col)).collect())
            .collect();
        let layout = self.fit(&headers, &cells, paint.width);
        let list_cell =
            |v: &Value, c: &Column| matches!(v, Value::Array(items) if items.len() > 1 && c.col == Col::Text);

        let mut table = Table::new();
        // The layout is decided above: comfy-table pads, and paints when asked
        // to, also into a pipe (`--color always | less -R`).
        table.load_style(presets::NOTHING).set_content_arrangement(ContentArrangement::Disabled).force_no_tty();
        if paint.enabled {
            table.enforce_styling();
        }
        table.set_header(headers.iter().map(|h| {
            let cell = Cell::new(h);
            if paint.enabled { cell.add_attribute(Attribute::Bold) } else { cell }
        }));
        for ((row, values), &marked) in cells.into_iter().zip(&self.rows).zip(&self.marked) {
            table.add_row(row.into_iter().zip(values).zip(&self.columns).zip(&layout.widths).map(
                |(((shown, v), c), &w)| {
                    let mut cell = Cell::new(shown.within(w, list_cell(v, c).then_some(v)));
                    if matches!(c.col, Col::Money | Col::Number) {
                        cell = cell.set_alignment(CellAlignment::Right);
                    }
                    if marked && paint.enabled {
                        cell = cell.fg(Color::Yellow).add_attribute(Attribute::Bold);
                    }
                    cell
                },
            ));
        }
        if layout.gap == 1 {
            for column in table.column_iter_mut() {
                column.set_padding((1, 0));
            }
        }
        let mut out = table.trim_fmt();
        out.push('\n');
        out
    }

    /// The width of each column and the gap between columns. As wide as the
    /// content, unless the table is wider than `limit`; then, in turn, until
    /// it fits: free text is shortened (the widest column first, never below
    /// [`FREE_TEXT_MIN`] or its header); columns are parted by one space
    /// instead of two; lists wrap between their items (never below their
    /// widest item). A table that does not fit even so is shown with only
    /// its free text shortened and two spaces between columns, wider than
    /// `limit`: a narrower gap and wrapped lists only pay when the rows then
    /// stay on one screen line each.
    fn fit(&self, headers: &[String], cells: &[Vec<Shown>], limit: Option<usize>) -> Layout {
        let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
        for row in cells {
            for (w, shown) in widths.iter_mut().zip(row) {
                *w = (*w).max(shown.width);
            }
        }
        let natural = Layout { widths, gap: 2 };
        let Some(limit) = limit else { return natural };
        if natural.total() <= limit {
            return natural;
        }
        let free: Vec<Option<usize>> = self
            .columns
            .iter()
            .zip(headers)
            .map(|(c, h)| (c.col == Col::FreeText).then(|| FREE_TEXT_MIN.max(width(h))))
            .collect();
        let mut shortened = natural.clone();
        shortened.narrow(&free, limit);
        if shortened.total() <= limit {
            return shortened;
        }
        let mut tight = Layout { gap: 1, ..natural };
        tight.narrow(&free, limit);
        if tight.total() <= limit {
            return tight;
        }
        // Lists narrowed to their headers is the least they could take: when
        // the table is wider even so, their items are not measured.
        let list_columns: Vec<bool> = (0..headers.len())
            .map(|i| {
                self.columns[i].col == Col::Text
                    && self.rows.iter().any(|r| matches!(&r[i], Value::Array(a) if a.len() > 1))
            })
            .collect();
        let mut least = tight.clone();
        for ((w, &list), h) in least.widths.iter_mut().zip(&list_columns).zip(headers) {
            if list {
                *w = (*w).min(width(h));
            }
        }
        if least.total() > limit {
            return shortened;
        }
        // The narrowest a list column may get: its widest item and a comma.
        let mut lists: Vec<Option<usize>> = vec![None; headers.len()];
        for row in &self.rows {
            for ((min, v), c) in lists.iter_mut().zip(row).zip(&self.columns) {
                if let (Value::Array(items), Col::Text) = (v, c.col)
                    && items.len() > 1
                {
                    let widest = items.iter().map(|i| width(&escape::terminal(&table_text(i, Col::Text))) + 1).max();
                    *min = (*min).max(widest);
                }
            }
        }
        for (min, h) in lists.iter_mut().zip(headers) {
            *min = min.map(|m| m.max(width(h)));
        }
        tight.narrow(&lists, limit);
        if tight.total() <= limit { tight } else { shortened }
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

/// A cell of a table: its text, escaped for the terminal, and its width.
struct Shown {
    text: String,
    width: usize,
}

impl Shown {
    fn new(v: &Value, col: Col) -> Shown {
        let text = escape::terminal(&table_text(v, col)).into_owned();
        Shown { width: width(&text), text }
    }

    /// The cell in `w` columns: as it is when it fits; else a `list` (its
    /// value) wrapped between its items, other text shortened (only free
    /// text is ever given less than its width).
    fn within(self, w: usize, list: Option<&Value>) -> String {
        if self.width <= w {
            return self.text;
        }
        match list {
            Some(Value::Array(items)) => {
                let items: Vec<String> =
                    items.iter().map(|i| escape::terminal(&table_text(i, Col::Text)).into_owned()).collect();
                wrap_items(&items, w)
            }
            _ => shorten(&self.text, w),
        }
    }
}

/// The columns' widths, and the spaces between two columns.
#[derive(Clone, Debug)]
struct Layout {
    widths: Vec<usize>,
    gap: usize,
}

impl Layout {
    /// The width of a line: a space before the first column, `gap` between two.
    fn total(&self) -> usize {
        1 + self.widths.iter().sum::<usize>() + self.gap * self.widths.len().saturating_sub(1)
    }

    /// Narrows the columns that have a minimum in `mins` until the table
    /// fits in `limit` (the widest first), or each is at its minimum.
    fn narrow(&mut self, mins: &[Option<usize>], limit: usize) {
        let mut excess = self.total().saturating_sub(limit);
        let widths = &mut self.widths;
        let above = |widths: &[usize], i: usize| mins[i].is_some_and(|m| widths[i] > m);
        while excess > 0 {
            let Some(i) =
                (0..widths.len()).filter(|&i| above(widths, i)).max_by_key(|&i| (widths[i], std::cmp::Reverse(i)))
            else {
                return;
            };
            let min = mins[i].unwrap_or(widths[i]);
            // Down to the next widest candidate at once, not a column a turn.
            let next = (0..widths.len()).filter(|&j| j != i && above(widths, j)).map(|j| widths[j]).max().unwrap_or(0);
            let step = (widths[i] - min).min(excess).min((widths[i] - next).max(1));
            widths[i] -= step;
            excess -= step;
        }
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

    fn people() -> Records {
        let mut r =
            Records::new([("id", Col::Text), ("name", Col::FreeText), ("email", Col::Text), ("clients", Col::Text)]);
        r.push(vec![json!("bob"), json!("Bob Durand-Lefebvre"), json!("bob@example.com"), json!(["acme", "globex"])]);
        r.push(vec![json!("lea"), json!("Léa"), json!("lea.moreau@example.com"), json!(["umbrella"])]);
        r
    }

    fn widest(table: &str) -> usize {
        table.lines().map(super::super::width::width).max().unwrap_or(0)
    }

    #[test]
    fn a_table_without_a_width_is_as_wide_as_its_content() {
        let t = people().table(Paint::plain());
        assert!(t.contains("Bob Durand-Lefebvre"), "{t}");
        assert_eq!(widest(&t), 63);
    }

    #[test]
    fn free_text_is_shortened_first_and_ids_and_emails_never() {
        // 63 columns wide; at 60 the name loses 3.
        let t = people().table(Paint::plain_width(60));
        assert_eq!(widest(&t), 60, "{t}");
        assert!(t.contains(" Bob Durand-Lefe…  bob@"), "{t}");
        assert!(t.contains("lea.moreau@example.com") && t.contains("acme, globex"), "{t}");
    }

    #[test]
    fn then_one_space_between_columns_then_lists_wrap_between_items() {
        // Name at its minimum (10): 54 with two spaces, 51 with one.
        let t = people().table(Paint::plain_width(54));
        assert!(t.contains(" bob  Bob Duran…  bob@example.com"), "{t}");
        let t = people().table(Paint::plain_width(52));
        assert_eq!(widest(&t), 52, "{t}");
        assert!(t.contains(" bob Bob Durand… bob@example.com"), "{t}");
        let t = people().table(Paint::plain_width(50));
        assert!(t.contains(" acme,\n") && t.contains(" globex\n"), "{t}");
        assert!(widest(&t) <= 50, "{t}");
    }

    #[test]
    fn a_table_that_cannot_fit_is_wider_with_only_its_free_text_shortened() {
        let t = people().table(Paint::plain_width(30));
        assert!(t.contains(" bob  Bob Duran…  bob@example.com         acme, globex"), "{t}");
        assert_eq!(t.lines().count(), 3, "{t}");
    }

    #[test]
    fn an_empty_table_says_so_and_the_data_formats_keep_their_shape() {
        let r = Records::new([("id", Col::Text)]).when_empty("no member has client `x`");
        assert_eq!(r.table(Paint::plain()), "no member has client `x`\n");
        assert_eq!(r.csv(), "id\n");
        assert_eq!(super::super::json(&r), "[]\n");
    }

    #[test]
    fn colour_always_paints_marked_rows_into_a_pipe() {
        let mut r = Records::new([("a", Col::Text)]);
        r.push_marked(vec![json!("x")], true);
        r.push(vec![json!("y")]);
        let t = r.table(Paint { enabled: true, width: None });
        assert!(t.contains("\x1b[38;5;11m"), "{t:?}");
        assert!(!r.table(Paint::plain()).contains('\x1b'));
    }
}
