//! Output (SPEC §5): a command builds one [`View`] and [`show`] prints it as a
//! table, CSV, JSON or Markdown, or for CI (`github`, `sarif`, `junit`, the
//! views that have them, from `ci`); the format is matched there and nowhere
//! else. JSON comes from serde, the other formats from the view's [`Records`]
//! or a layout of its own. Output safety is decided here too: values escaped for a
//! terminal or Markdown (`escape`), CSV cells guarded against formulas
//! (`csv_guard`). The views that several commands print live in `views`; the
//! members CSV that export writes and import reads, in `members_csv`; how
//! wide text is on a terminal, and how a table cell is narrowed, in `width`.

pub mod change;
pub mod ci;
pub mod csv_guard;
pub mod escape;
pub mod members_csv;
mod records;
pub mod views;
pub mod width;

pub use records::{Col, Column, Records, csv_text};

use crate::style::Paint;
use serde::Serialize;
use std::borrow::Cow;

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
    /// GitHub Actions workflow commands: annotations on the lines (check, test).
    Github,
    /// SARIF 2.1.0, for code scanning (check).
    Sarif,
    /// JUnit XML, for test reports (test).
    Junit,
}

impl Format {
    /// Whether what is printed in this format is data, to be written as it
    /// is rather than made safe for a terminal (CSV; JSON needs no such care,
    /// as [`json`] leaves no control character raw).
    pub fn is_data(self) -> bool {
        self == Format::Csv
    }

    /// A format of CI services, which only the commands that report
    /// problems or tests print (`View::github` and the like).
    pub fn is_ci(self) -> bool {
        matches!(self, Format::Github | Format::Sarif | Format::Junit)
    }
}

/// What a command prints: one value, in whichever format is asked for. Its
/// JSON is its serde form; the other formats come from its [`Records`] when
/// it is a list (or one record), or from a layout of its own.
pub trait View: Serialize {
    /// The view as rows of named fields: its CSV and Markdown, and its table
    /// unless [`View::text`] gives another layout.
    fn records(&self) -> Option<Cow<'_, Records>> {
        None
    }

    /// A layout of its own for people (`--format table`); what CSV and
    /// Markdown show too when the view has no records.
    fn text(&self, _paint: Paint) -> Option<String> {
        None
    }

    /// CSV written its own way (row by row, for a view too large to hold as records).
    fn csv(&self) -> Option<String> {
        None
    }

    /// A Markdown layout of its own.
    fn markdown(&self) -> Option<String> {
        None
    }

    /// GitHub Actions workflow commands (`ci::github`). The CI formats are
    /// printed only by the commands whose views have them; the others refuse
    /// them before they run (`commands::run`).
    fn github(&self) -> Option<String> {
        None
    }

    /// A SARIF 2.1.0 log (`ci::sarif`).
    fn sarif(&self) -> Option<String> {
        None
    }

    /// JUnit XML (`ci::junit`).
    fn junit(&self) -> Option<String> {
        None
    }
}

/// Rows are a view of themselves.
impl View for Records {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Borrowed(self))
    }
}

/// The view in `format`: the one place where the format is matched.
pub fn show<V: View + ?Sized>(view: &V, format: Format, paint: Paint) -> String {
    let shown = match format {
        Format::Json => return json(view),
        Format::Table => view.text(paint).or_else(|| view.records().map(|r| r.table(paint))),
        Format::Csv => view.csv().or_else(|| view.records().map(|r| r.csv())),
        Format::Markdown => view.markdown().or_else(|| view.records().map(|r| r.markdown())),
        // Never the text for people in a machine's format: nothing, if a
        // command let through a format its view does not have.
        Format::Github => return view.github().unwrap_or_default(),
        Format::Sarif => return view.sarif().unwrap_or_default(),
        Format::Junit => return view.junit().unwrap_or_default(),
    };
    // A view without records is its text in every format but JSON.
    shown.or_else(|| view.text(paint)).unwrap_or_default()
}

/// Pretty JSON, with no hidden character left raw (`escape::json_text`).
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    escape::json_text(s)
}

/// Writes text for people to stderr, through the terminal net of [`escape`]
/// (with colour kept when `paint` is on). A closed stderr is not an error:
/// nobody is left to read it.
pub fn eprint(paint: Paint, text: &str) {
    crate::output::err_fmt(format_args!("{}", escape::terminal_text(text, paint.enabled)));
}

/// How a file would change, as a unified diff (`a/NAME`, `b/NAME`, three
/// lines of context), ending in a line break.
pub fn file_diff(name: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = diff.unified_diff().context_radius(3).header(&format!("a/{name}"), &format!("b/{name}")).to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

pub fn money(amount: f64) -> String {
    format!("{amount:.2}")
}

/// A monthly credit limit: a count of credits, never money (`200 credits/month`).
pub fn credits(limit: f64) -> String {
    let n = if limit.fract() == 0.0 && limit.abs() < 1e15 { format!("{}", limit as i64) } else { format!("{limit}") };
    format!("{n} credit{}/month", if limit == 1.0 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Serialize)]
    struct Note {
        text: &'static str,
    }

    impl View for Note {
        fn text(&self, _paint: Paint) -> Option<String> {
            Some(format!("{}\n", self.text))
        }
    }

    #[test]
    fn a_view_without_records_is_its_text_in_every_format_but_json() {
        let note = Note { text: "a|b" };
        for format in [Format::Table, Format::Csv, Format::Markdown] {
            assert_eq!(show(&note, format, Paint::plain()), "a|b\n");
        }
        assert_eq!(show(&note, Format::Json, Paint::plain()), "{\n  \"text\": \"a|b\"\n}\n");
    }

    #[test]
    fn records_show_in_every_format() {
        let mut r = Records::new([("id", Col::Text)]);
        r.push(vec![json!("bob")]);
        assert_eq!(show(&r, Format::Csv, Paint::plain()), "id\nbob\n");
        assert_eq!(show(&r, Format::Markdown, Paint::plain()), "| id |\n|---|\n| bob |\n");
        assert_eq!(show(&r, Format::Json, Paint::plain()), "[\n  {\n    \"id\": \"bob\"\n  }\n]\n");
        assert_eq!(show(&r, Format::Table, Paint::plain()), " ID\n bob\n");
    }
}
