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

    /// The diagnostic for a CI service (`render::ci`), its file named
    /// relative to the repository root (`prefix` is the workspace folder there).
    pub fn to_finding(&self, sources: &Sources, prefix: &str) -> crate::render::ci::Finding {
        let position = self.span.map(|s| sources.position(s.file, s.start));
        crate::render::ci::Finding {
            code: self.code.to_string(),
            error: self.is_error(),
            title: self.code.to_string(),
            message: self.message.clone(),
            notes: self.hint.iter().map(|h| format!("help: {h}")).collect(),
            file: format!("{prefix}{}", self.file_name(sources)),
            line: position.map(|p| p.line),
            column: position.map(|p| p.column),
        }
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
                let (line, at) = sources.line_at_offset(span.file, span.start);
                let (shown, caret_col, width) = excerpt(line, at, span);
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
/// width, all in shown characters, for a span starting at byte `at` of the
/// line. A tab shows as four spaces (as rustc shows it) and another control
/// character escaped (`\u{1b}`), so the caret stays under the characters it
/// points at. Only the characters around `at` are looked at, so that each of
/// many diagnostics on one long line costs the same as on a short one.
fn excerpt(line: &str, at: usize, span: Span) -> (String, usize, usize) {
    // The span can start past the characters shown (on a trimmed `\r`, or on
    // the line end): point just after the last one.
    let at = (0..=at.min(line.len())).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(0);
    let (before, after) = line.split_at(at);
    // Up to half the width before the caret, with `…` when the line goes on.
    let mut from = at;
    let mut ahead = 0;
    let mut ellipsis_front = false;
    for (i, _) in before.char_indices().rev().take(MAX_SHOWN / 2 + 1) {
        if ahead == MAX_SHOWN / 2 {
            ellipsis_front = true;
            break;
        }
        from = i;
        ahead += 1;
    }
    let to = after.char_indices().nth(MAX_SHOWN - ahead).map_or(line.len(), |(i, _)| at + i);
    let len = (span.end.saturating_sub(span.start)) as usize;
    let span_end = (at + len).min(to);
    let span_end = (at..=span_end).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(at);
    let mut shown = String::with_capacity(to - from + 8);
    let (mut caret_col, mut width) = (1, 0);
    if ellipsis_front {
        shown.push('…');
        caret_col += 1;
    }
    let mut piece = [0u8; 4];
    for (i, c) in line[from..to].char_indices() {
        let i = from + i;
        let start = shown.len();
        match c {
            '\t' => shown.push_str("    "),
            c => shown.push_str(&escape::terminal(c.encode_utf8(&mut piece))),
        }
        let cols = shown[start..].chars().count();
        if i < at {
            caret_col += cols;
        } else if i < span_end {
            width += cols;
        }
    }
    if to < line.len() {
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
                let (shown, col, width) = excerpt(line, column - 1, span);
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
        let (shown, col, width) = excerpt(line, 14, span);
        assert_eq!(shown, "name = \"a\\u{1b}[2J    b\\u{7}\"");
        assert_eq!(shown.chars().nth(col - 1), Some('b'));
        assert_eq!(width, 1);
        // On the ESC itself: the caret covers its escape.
        let (_, col, width) = excerpt(line, 9, span);
        assert_eq!((col, width), (10, 6));
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("name = \"{}\"", "x".repeat(10_000));
        let span = Span { file: Default::default(), start: 5000, end: 5001 };
        let (shown, col, width) = excerpt(&line, 5000, span);
        assert!(shown.chars().count() <= MAX_SHOWN + 2);
        assert_eq!(shown.chars().nth(col - 1), Some('x'));
        assert_eq!(width, 1);
    }

    /// The excerpt as it was first written, over the whole line's characters:
    /// the windowed one must show the same.
    fn excerpt_by_chars(line: &str, column: usize, span: Span) -> (String, usize, usize) {
        let chars: Vec<char> = line.chars().collect();
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
        let mut shown: String = chars[from..to].iter().collect();
        let mut caret_col = start - from + 1;
        if ellipsis_front {
            shown.insert(0, '…');
            caret_col += 1;
        }
        if to < chars.len() {
            shown.push('…');
        }
        let width = span_chars.min(to.saturating_sub(start)).max(1);
        (shown, caret_col, width)
    }

    #[test]
    fn the_window_shows_what_the_whole_line_did() {
        let lines = [
            String::new(),
            "ab".to_string(),
            "x".repeat(500),
            "é".repeat(300),
            (0..400).map(|i| if i % 3 == 0 { "日" } else { "a" }).collect::<String>(),
        ];
        for line in &lines {
            let boundaries: Vec<usize> = (0..=line.len()).filter(|&i| line.is_char_boundary(i)).collect();
            for (column, &at) in boundaries.iter().enumerate() {
                for len in [0, 1, 3, 7, 200] {
                    let span = Span { file: Default::default(), start: 10, end: 10 + len };
                    assert_eq!(
                        excerpt(line, at, span),
                        excerpt_by_chars(line, column + 1, span),
                        "{line:?} at {at} len {len}"
                    );
                }
            }
        }
    }
}
