//! The formats of CI services (SPEC §14): GitHub Actions workflow commands
//! (`::error file=F,line=L,col=C,title=CODE::MESSAGE`), SARIF 2.1.0 for code
//! scanning, and JUnit XML for test reports. Views hand their findings here
//! as [`Finding`]s and test [`Case`]s, with paths already relative to the
//! repository root, and get the whole output back.

use super::escape::terminal;
use crate::codes::{self, RuleSeverity};
use serde_json::{Value, json};
use std::fmt::Write as _;

/// One problem at a place: a diagnostic of `check`, a failing test.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: String,
    pub error: bool,
    /// The annotation's title (the code for a diagnostic).
    pub title: String,
    pub message: String,
    /// Lines that follow the message: how to fix it (`help: ...`), what
    /// was expected and what holds.
    pub notes: Vec<String>,
    /// Relative to the repository root, `/`-separated.
    pub file: String,
    /// 1-based line and column (in characters); `None` for a whole file.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// One workflow command per finding.
pub fn github(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let level = if f.error { "error" } else { "warning" };
        let mut props = format!("file={}", property(&f.file));
        if let Some(line) = f.line {
            let _ = write!(props, ",line={line}");
        }
        if let Some(col) = f.column {
            let _ = write!(props, ",col={col}");
        }
        let _ = write!(props, ",title={}", property(&terminal(&f.title)));
        // Each value on its line (`terminal`), the lines joined by the
        // escaped line breaks that GitHub shows as such.
        let mut message = terminal(&f.message).into_owned();
        for note in &f.notes {
            let _ = write!(message, "\n{}", terminal(note));
        }
        let _ = writeln!(out, "::{level} {props}::{}", data(&message));
    }
    out
}

/// A workflow command's message, as the Actions toolkit escapes it
/// (`escapeData`): `%`, CR and LF.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value (`escapeProperty`): also `:` and `,`,
/// which would end the value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The schema the SARIF log names (SchemaStore's address of the SARIF 2.1.0
/// schema, which editors know); the log validates against it (copies in `tests/data/`).
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A SARIF 2.1.0 log of one run of roster: every rule of `codes` described,
/// one result per finding.
pub fn sarif(findings: &[Finding]) -> Value {
    let rules: Vec<Value> = codes::RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": rule_name(r.code),
                "shortDescription": {"text": sentence(r.summary)},
                "defaultConfiguration": {"level": level(r.severity == RuleSeverity::Error)},
            })
        })
        .collect();
    let results: Vec<Value> = findings.iter().map(sarif_result).collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "roster",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            // roster counts columns in characters.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn sarif_result(f: &Finding) -> Value {
    let mut text = f.message.clone();
    for note in &f.notes {
        let _ = write!(text, "\n{note}");
    }
    // Code scanning shows a result only with a line: a problem with a whole
    // file (a missing one) is put on its first line.
    let region = json!({"startLine": f.line.unwrap_or(1), "startColumn": f.column.unwrap_or(1)});
    let location = json!({"artifactLocation": {"uri": uri(&f.file), "uriBaseId": "%SRCROOT%"}, "region": region});
    let mut result = json!({
        "ruleId": f.code,
        "level": level(f.error),
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    });
    if let Some(index) = codes::RULES.iter().position(|r| r.code == f.code) {
        result["ruleIndex"] = json!(index);
    }
    result
}

fn level(error: bool) -> &'static str {
    if error { "error" } else { "warning" }
}

/// `above-ceiling` -> `AboveCeiling`: SARIF's rule names are identifiers.
fn rule_name(code: &str) -> String {
    code.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

/// A summary as a sentence: capital first, full stop last.
fn sentence(s: &str) -> String {
    let mut c = s.chars();
    let mut out: String = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// A relative path as a URI reference: each byte outside the unreserved
/// characters and `/` percent-encoded (a space, `#`, `%`, non-ASCII).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// One access test, for JUnit.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub passed: bool,
    pub expected: String,
    pub actual: String,
    pub why: Vec<String>,
    /// Where the test is stated: relative to the repository root, and its line.
    pub file: String,
    pub line: usize,
}

/// JUnit XML: one `testsuite` of the access tests, one `testcase` per test, a
/// `failure` with what was expected and what holds.
pub fn junit(suite: &str, cases: &[Case]) -> String {
    let failures = cases.iter().filter(|c| !c.passed).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ =
        writeln!(out, "<testsuites name=\"roster\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">", cases.len());
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(suite),
        cases.len()
    );
    for c in cases {
        let _ = write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
            xml(&c.name),
            xml(suite),
            xml(&c.file),
            c.line
        );
        if c.passed {
            out.push_str("/>\n");
            continue;
        }
        let mut body = format!("expected: {}\nactual:   {}", terminal(&c.expected), terminal(&c.actual));
        for w in &c.why {
            let _ = write!(body, "\nwhy:      {}", terminal(w));
        }
        let message = format!("expected {}; actual {}", c.expected, c.actual);
        let _ = writeln!(
            out,
            ">\n      <failure message=\"{}\" type=\"access-test\">{}</failure>",
            xml(&message),
            xml_text(&body)
        );
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Text for an XML 1.0 attribute: the five markup characters as entities,
/// line breaks and tabs as character references (a reader folds them into
/// spaces otherwise), and every other hidden character (which XML 1.0 cannot
/// hold, or a reader would show raw) as roster shows it on a terminal
/// (`\u{1b}`).
fn xml(s: &str) -> String {
    escape_xml(s, true)
}

/// Text for an XML element: as [`xml`], with line breaks and tabs kept.
fn xml_text(s: &str) -> String {
    escape_xml(s, false)
}

fn escape_xml(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if super::escape::hidden(c) => out.push_str(&terminal(c.encode_utf8(&mut [0; 4]))),
            // Not characters of XML 1.0.
            '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(message: &str, file: &str) -> Finding {
        Finding {
            code: "unknown-ref".into(),
            error: true,
            title: "unknown-ref".into(),
            message: message.into(),
            notes: vec!["help: did you mean `claire`?".into()],
            file: file.into(),
            line: Some(7),
            column: Some(9),
        }
    }

    #[test]
    fn workflow_commands_escape_as_the_actions_toolkit_does() {
        let out = github(&[finding("100% wrong: a, b\r\nc", "config/my,file:x.toml")]);
        assert_eq!(
            out,
            "::error file=config/my%2Cfile%3Ax.toml,line=7,col=9,title=unknown-ref::100%25 wrong: a, b\\r\\nc%0Ahelp: did you mean `claire`?\n"
        );
    }

    #[test]
    fn a_file_without_a_line_has_no_line_property() {
        let f =
            Finding { line: None, column: None, notes: Vec::new(), error: false, ..finding("gone", "members.toml") };
        assert_eq!(github(&[f]), "::warning file=members.toml,title=unknown-ref::gone\n");
    }

    #[test]
    fn uris_percent_encode_what_is_not_a_plain_path() {
        assert_eq!(uri("config/members.toml"), "config/members.toml");
        assert_eq!(uri("my ws/#1/é.toml"), "my%20ws/%231/%C3%A9.toml");
    }

    #[test]
    fn xml_text_holds_no_markup_and_no_control_character() {
        assert_eq!(xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(xml("x\ny\u{1b}[2J\u{202e}"), "x&#10;y\\u{1b}[2J\\u{202e}");
        assert_eq!(xml_text("x\ny\u{1b}"), "x\ny\\u{1b}");
    }

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(rule_name("above-ceiling"), "AboveCeiling");
        assert_eq!(rule_name("io"), "Io");
    }
}
