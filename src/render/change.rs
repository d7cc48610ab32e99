//! A change's [`Report`] for people (the diff of a dry run, one line per
//! fact, who signs in again) or as JSON.

use super::Format;
use super::escape::terminal;
use crate::change::Report;
use serde_json::json;

/// `quiet` keeps a dry run's diff (what was asked for) and drops the rest.
pub fn report(report: &Report, format: Format, quiet: bool) -> String {
    let Report { facts, files, sign_in_again, diff, people } = report;
    match format {
        Format::Json => {
            let mut v = json!({"changes": facts, "files": files, "sign_in_again": sign_in_again});
            if let Some(d) = diff {
                v["dry_run"] = json!(true);
                v["diff"] = json!(d);
            }
            super::json(&v)
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
