//! A change's [`Report`] for people (the diff of a dry run, one line per
//! fact, who signs in again) or as JSON; a batch's, with the facts of each line.

use super::Format;
use super::escape::terminal;
use crate::change::Report;
use serde_json::json;

/// `quiet` keeps a dry run's diff (what was asked for) and drops the rest.
pub fn report(report: &Report, format: Format, quiet: bool) -> String {
    report_with(report, None, format, quiet)
}

/// One line of a batch (`roster batch`): its number in the file, the command
/// it holds, and the facts it made.
#[derive(Debug, serde::Serialize)]
pub struct BatchLine {
    pub line: usize,
    pub command: String,
    pub changes: Vec<String>,
}

/// A batch's report: each line's facts (`line 3: bob: assigned acme`), then
/// the batch's own (the tests that now fail, the cost) and who signs in
/// again. JSON: `{"lines": [{"line", "command", "changes"}], "changes",
/// "files", "sign_in_again"}`.
pub fn batch(lines: &[BatchLine], report: &Report, format: Format, quiet: bool) -> String {
    report_with(report, Some(lines), format, quiet)
}

fn report_with(report: &Report, lines: Option<&[BatchLine]>, format: Format, quiet: bool) -> String {
    let Report { facts, files, sign_in_again, diff, people } = report;
    match format {
        Format::Json => {
            let mut v = serde_json::Map::new();
            if let Some(lines) = lines {
                v.insert("lines".into(), json!(lines));
            }
            v.insert("changes".into(), json!(facts));
            v.insert("files".into(), json!(files));
            v.insert("sign_in_again".into(), json!(sign_in_again));
            if let Some(d) = diff {
                v.insert("dry_run".into(), json!(true));
                v.insert("diff".into(), json!(d));
            }
            super::json(&serde_json::Value::Object(v))
        }
        _ => {
            let mut out = String::new();
            if let Some(d) = diff {
                out.push_str(d);
                if quiet {
                    return out;
                }
                out.push_str("dry run: nothing was written\n");
            }
            // A fact is one line, whatever its values hold.
            for l in lines.unwrap_or_default() {
                for f in &l.changes {
                    out.push_str(&format!("line {}: {}\n", l.line, terminal(f)));
                }
            }
            for f in facts {
                out.push_str(&terminal(f));
                out.push('\n');
            }
            if !files.is_empty() && !people.layout_only {
                if sign_in_again.is_empty() {
                    // Added and removed members' access did change; they
                    // just have no session to renew.
                    let others = !people.added.is_empty() || !people.removed.is_empty();
                    out.push_str(if others {
                        "no other member's access changed\n"
                    } else {
                        "no member's access changed\n"
                    });
                } else {
                    out.push_str(&format!("sign in again (their access changed): {}\n", sign_in_again.join(", ")));
                }
            }
            out
        }
    }
}
