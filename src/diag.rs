//! Diagnostics: a rule's code, what is wrong, where, and how to fix it; printed
//! for people (with the offending line and a caret) or as JSON for scripts.
//! For people every part that comes from the files (the message's values, the
//! file name, the line shown) has its control characters escaped, with the
//! caret still under the right characters.

use crate::render::escape::{self, terminal};
use crate::source::{Sources, Span};
use crate::style::Paint;
use serde_json::{Value, json};
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the workspace.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Stable kebab-case rule code (`unknown-ref`).
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where; `None` for a problem with a whole file (a missing file).
    pub span: Option<Span>,
    /// The file, when there is no span.
    pub file: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            span: Some(span),
            file: None,
            hint: None,
        }
    }

    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, span, message) }
    }

    /// A problem with a whole file, which has no line to point at.
    pub fn file_error(code: &'static str, file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            span: None,
            file: Some(file.to_string()),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Adds "did you mean" when a candidate is close to `wrong`, else `otherwise`.
    pub fn suggest<'a>(
        self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'a str>,
        otherwise: impl Into<String>,
    ) -> Diagnostic {
        match did_you_mean(wrong, candidates) {
            Some(near) => self.hint(format!("did you mean `{near}`?")),
            None => self.hint(otherwise),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn file_name<'s>(&'s self, sources: &'s Sources) -> &'s str {
        match (self.span, &self.file) {
            (Some(span), _) => &sources.get(span.file).name,
            (None, Some(file)) => file,
            (None, None) => "",
        }
    }

    /// Sort key: file, then position, so that output reads top to bottom.
    pub fn sort_key(&self) -> (u32, u32, &'static str) {
        match self.span {
            Some(s) => (s.file.0, s.start, self.code),
            None => (u32::MAX, 0, self.code),
        }
    }

    pub fn to_json(&self, sources: &Sources) -> Value {
        let (line, column) = match self.span {
            Some(s) => {
                let p = sources.position(s.file, s.start);
                (json!(p.line), json!(p.column))
            }
            None => (Value::Null, Value::Null),
        };
        json!({
            "code": self.code,
            "message": self.message,
            "file": self.file_name(sources),
            "line": line,
            "column": column,
        })
    }

    /// The human form:
    ///
    /// ```text
    /// error[unknown-ref]: member `bob` has profile `contribtor`, which does not exist
    ///   --> members.toml:12:11
    ///    |
    /// 12 | profile = "contribtor"
    ///    |           ^^^^^^^^^^^^
    ///    = help: did you mean `contributor`?
    /// ```
    pub fn render(&self, sources: &Sources, paint: Paint) -> String {
        let mut out = String::new();
        let (label, style) = match self.severity {
            Severity::Error => ("error", paint.error()),
            Severity::Warning => ("warning", paint.warning()),
        };
        let _ = writeln!(
            out,
            "{}{}",
            paint.apply(style, &format!("{label}[{}]", self.code)),
            paint.apply(paint.bold(), &format!(": {}", terminal(&self.message)))
        );
        let arrow = paint.apply(paint.accent(), "-->");
        match self.span {
            Some(span) => {
                let pos = sources.position(span.file, span.start);
                let gutter = pos.line.to_string().len();
                let pad = " ".repeat(gutter);
                let bar = paint.apply(paint.accent(), "|");
                let _ = writeln!(out, "{pad}{arrow} {}:{}:{}", terminal(self.file_name(sources)), pos.line, pos.column);
                let line = sources.line_text(span.file, span.start);
                let (shown, caret_col, width) = excerpt(line, pos.column, span);
                let _ = writeln!(out, "{pad} {bar}");
                let _ = writeln!(out, "{} {bar} {shown}", paint.apply(paint.accent(), &pos.line.to_string()));
                let carets = paint.apply(style, &"^".repeat(width));
                let _ = writeln!(out, "{pad} {bar} {}{carets}", " ".repeat(caret_col - 1));
                if let Some(hint) = &self.hint {
                    let _ = writeln!(out, "{pad} = help: {}", terminal(hint));
                }
            }
            None => {
                let _ = writeln!(out, "  {arrow} {}", terminal(self.file_name(sources)));
                if let Some(hint) = &self.hint {
                    let _ = writeln!(out, "  = help: {}", terminal(hint));
                }
            }
        }
        out
    }
}

/// At most this many characters of a line are shown, so that a 10 MB line
/// still prints as one readable row.
const MAX_SHOWN: usize = 120;

/// The part of `line` to show, the caret's column in it, and the caret's
/// width, all in shown characters: a tab shows as four spaces (as rustc
/// shows it) and another control character escaped (`\u{1b}`), so the caret
/// stays under the characters it points at.
fn excerpt(line: &str, column: usize, span: Span) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    // The column can lie past the characters shown (a span on a trimmed `\r`,
    // or on the line end): point just after the last one.
    let start = (column - 1).min(chars.len());
    let span_chars = line
        .get(line.char_indices().nth(start).map_or(line.len(), |(i, _)| i)..)
        .map_or(1, |rest| {
            let len = (span.end - span.start) as usize;
            let end = rest.len().min(len);
            let end = (0..=end).rev().find(|&i| rest.is_char_boundary(i)).unwrap_or(0);
            rest[..end].chars().count()
        })
        .max(1);
    let (from, ellipsis_front) = if start > MAX_SHOWN / 2 { (start - MAX_SHOWN / 2, true) } else { (0, false) };
    let to = chars.len().min(from + MAX_SHOWN).max(from);
    let under = start..start + span_chars.min(to.saturating_sub(start));
    let mut shown = String::new();
    let (mut caret_col, mut width) = (1, 0);
    if ellipsis_front {
        shown.push('…');
        caret_col += 1;
    }
    let mut piece = [0u8; 4];
    for (i, &c) in chars.iter().enumerate().take(to).skip(from) {
        let at = shown.len();
        match c {
            '\t' => shown.push_str("    "),
            c => shown.push_str(&escape::terminal(c.encode_utf8(&mut piece))),
        }
        let cols = shown[at..].chars().count();
        if i < start {
            caret_col += cols;
        } else if under.contains(&i) {
            width += cols;
        }
    }
    if to < chars.len() {
        shown.push('…');
    }
    (shown, caret_col, width.max(1))
}

/// The candidate closest to `wrong`, when it is close enough to be a typo.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&wrong_lower, &c.to_lowercase()), c))
        .filter(|&(d, c)| d > 0 || c != wrong)
        .filter(|&(d, c)| {
            let typed_start = wrong.chars().count() >= 2 && c.to_lowercase().starts_with(&wrong_lower);
            typed_start || d <= (c.chars().count().max(wrong.chars().count()) / 3).max(1)
        })
        .min_by_key(|&(d, c)| (d, c.len()))
        .map(|(_, c)| c)
}

/// Prints errors and warnings in the order they appear in the files.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_typos_only() {
        let names = ["contributor", "admin", "user"];
        assert_eq!(did_you_mean("contribtor", names), Some("contributor"));
        assert_eq!(did_you_mean("Admin", names), Some("admin"));
        assert_eq!(did_you_mean("manager", names), None);
        assert_eq!(did_you_mean("adm", names), Some("admin"));
        assert_eq!(did_you_mean("u", names), None);
    }

    #[test]
    fn a_column_past_the_line_end_points_after_it() {
        let span = Span { file: Default::default(), start: 0, end: 1 };
        for line in ["", "ab", &"x".repeat(500)] {
            for column in [1, 2, 70, 600, 5000] {
                let (shown, col, width) = excerpt(line, column, span);
                assert!(
                    col >= 1 && width >= 1 && col <= shown.chars().count() + 2,
                    "{line:?} {column}: {shown:?} {col}"
                );
            }
        }
    }

    #[test]
    fn control_characters_show_escaped_and_the_caret_follows() {
        let line = "name = \"a\x1b[2J\tb\x07\"";
        // The caret on `b`, after an ESC (6 shown characters) and a tab (4).
        let span = Span { file: Default::default(), start: 0, end: 1 };
        let (shown, col, width) = excerpt(line, 15, span);
        assert_eq!(shown, "name = \"a\\u{1b}[2J    b\\u{7}\"");
        assert_eq!(shown.chars().nth(col - 1), Some('b'));
        assert_eq!(width, 1);
        // On the ESC itself: the caret covers its escape.
        let (_, col, width) = excerpt(line, 10, span);
        assert_eq!((col, width), (10, 6));
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("name = \"{}\"", "x".repeat(10_000));
        let span = Span { file: Default::default(), start: 5000, end: 5001 };
        let (shown, col, width) = excerpt(&line, 5001, span);
        assert!(shown.chars().count() <= MAX_SHOWN + 2);
        assert_eq!(shown.chars().nth(col - 1), Some('x'));
        assert_eq!(width, 1);
    }
}
