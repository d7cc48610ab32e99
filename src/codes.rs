//! Every code roster prints as `error[code]` or `warning[code]`, in one table:
//! the rules of a workspace (with their severity) and the errors of commands
//! (with their exit code). The reference (`docs/reference.md`), `check`'s
//! SARIF rules and the tests all read this list; a code used in the source
//! but missing here fails a unit test below.

/// Whether a rule fails `check` (error) or only `check --strict` (warning).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSeverity {
    Error,
    Warning,
}

/// A rule of the workspace: a diagnostic with a file, a line and a column.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub code: &'static str,
    pub severity: RuleSeverity,
    /// One sentence: what the rule finds.
    pub summary: &'static str,
}

/// An error a command ends with (not tied to a line of a file).
#[derive(Clone, Copy, Debug)]
pub struct CommandError {
    pub code: &'static str,
    pub exit: u8,
    pub summary: &'static str,
}

const fn error(code: &'static str, summary: &'static str) -> Rule {
    Rule { code, severity: RuleSeverity::Error, summary }
}

const fn warning(code: &'static str, summary: &'static str) -> Rule {
    Rule { code, severity: RuleSeverity::Warning, summary }
}

pub const RULES: &[Rule] = &[
    error("toml-syntax", "the file is not valid TOML"),
    error("unknown-key", "a key the file's schema does not have (a typo is never ignored)"),
    error("bad-value", "a value of the wrong type, a malformed id or email, an unknown level, action or status"),
    error("missing-field", "a required key is absent"),
    error("missing-file", "a required file or folder of the workspace is absent"),
    error("io", "a workspace file cannot be read: no permission, not a regular file, or a link leading outside"),
    error("unknown-ref", "an id that names nothing: a profile, tier, client, member, area or the owner"),
    error("level-not-allowed", "a level that the area does not list in its `levels`"),
    error("edit-exceeds-view", "an area's `edit` level above its `view` level"),
    error(
        "action-exceeds-view",
        "an action other than `view` and `edit` (print, export...) above its area's `view` level",
    ),
    error("above-ceiling", "a profile's grant, or a member's override, above the ceiling of the profile's tier"),
    error(
        "admin-limited",
        "an admin profile below the highest level of an area.action, or an override or per-client profile on a member whose own profile is an admin profile",
    ),
    error("default-profile", "the default profile is missing or is an admin profile"),
    error("owner", "the owner is missing, not active, or not on an admin profile"),
    error("client-profile-unassigned", "a per-client profile for a client not assigned to the member"),
    error("duplicate-email", "two members share an email (compared without case)"),
    error("contact-company", "a contact's company is not a company, or a company belongs to a company"),
    error("bad-date", "a `from` after its `until`: the entry would never hold"),
    error(
        "custom-profiles-disabled",
        "a non-builtin profile, or a member's grant override, while the plan allows no custom profiles",
    ),
    error(
        "separation-of-duties",
        "an active member holds every area.action of a `[[separation]]` rule (on one client, with `per_client`), with no exception in effect",
    ),
    warning("unused-profile", "a non-builtin profile that no member uses (the default profile excepted)"),
    warning("identical-profiles", "two profiles with the same tier and the same grants"),
    warning(
        "assigned-without-clients",
        "an active member whose access hinges on assignments but who has no assigned client",
    ),
    warning("suspended-with-clients", "a suspended member who still has assigned clients"),
    warning("empty-team", "a team of teams.toml with neither members nor a lead"),
    warning("expired", "a dated entry whose `until` has passed: it grants nothing; `roster prune` removes it"),
    warning("expires-soon", "a dated entry whose `until` falls within `workspace.expiry_warning_days`"),
    warning("over-licensed", "a profile on a tier pricier than the cheapest tier whose ceiling holds all its grants"),
];

pub const COMMAND_ERRORS: &[CommandError] = &[
    CommandError { code: "usage", exit: 2, summary: "the command line is wrong" },
    CommandError { code: "no-workspace", exit: 1, summary: "no workspace folder was found" },
    CommandError {
        code: "invalid-workspace",
        exit: 1,
        summary: "the workspace has errors: a command other than `check` stops; fix them first",
    },
    CommandError { code: "not-found", exit: 4, summary: "an unknown member, profile, client, area or tier" },
    CommandError { code: "exists", exit: 3, summary: "adding what already exists" },
    CommandError {
        code: "through-team",
        exit: 3,
        summary: "`client unassign --from M` of a client M has only through a team: unassign it from the team",
    },
    CommandError { code: "builtin", exit: 3, summary: "editing or removing a builtin profile" },
    CommandError { code: "profile-in-use", exit: 3, summary: "removing a profile that members still use" },
    CommandError { code: "test-failed", exit: 3, summary: "the change would make a passing access test fail" },
    CommandError { code: "bad-row", exit: 3, summary: "a row of an import file is wrong" },
    CommandError { code: "fmt-comments", exit: 3, summary: "`fmt` cannot place a comment without losing it" },
    CommandError {
        code: "no-settings-editor",
        exit: 3,
        summary: "the change would leave no active member able to edit settings",
    },
    CommandError { code: "actor-required", exit: 5, summary: "the workspace requires `--as MEMBER` for every change" },
    CommandError { code: "not-permitted", exit: 5, summary: "the acting member may not make this change" },
    CommandError {
        code: "lock-timeout",
        exit: 6,
        summary: "another change held the lock for longer than `--lock-timeout`",
    },
    CommandError { code: "changed-on-disk", exit: 6, summary: "a file the change read was changed by hand meanwhile" },
    CommandError { code: "io", exit: 6, summary: "a file could not be read or written (for a change: exit 6)" },
    CommandError { code: "git", exit: 6, summary: "git failed, or a revision is not a commit" },
    CommandError {
        code: "empty-review",
        exit: 3,
        summary: "`review start`: no active member is in the campaign's scope",
    },
    CommandError {
        code: "already-applied",
        exit: 3,
        summary: "`review decide`: the item's revocation was applied; its decision can no longer change",
    },
    CommandError { code: "no-test", exit: 1, summary: "`test --filter TEXT` matched no test" },
    CommandError { code: "max-losing", exit: 1, summary: "`diff --max-losing N`: more than N members lose access" },
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `"code"` given to a diagnostic or an error in the source is in a
    /// table above, so that the reference and the SARIF rules cannot miss one.
    #[test]
    fn every_code_in_the_source_is_listed() {
        let known: Vec<&str> = RULES.iter().map(|r| r.code).chain(COMMAND_ERRORS.iter().map(|e| e.code)).collect();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("src") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") || path.ends_with("codes.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("read");
                for code in codes_in(&text) {
                    seen += 1;
                    assert!(known.contains(&code.as_str()), "{}: code `{code}` is not in src/codes.rs", path.display());
                }
            }
        }
        assert!(seen > 30, "only {seen} codes found: the scan is broken");
    }

    /// The string after `Diagnostic::error(`, `Diagnostic::warning(`,
    /// `Diagnostic::file_error(` or `Error::new(Kind::X,` when it is a literal.
    fn codes_in(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for opener in ["Diagnostic::error(", "Diagnostic::warning(", "Diagnostic::file_error(", "Error::new("] {
            for (at, _) in text.match_indices(opener) {
                let rest = &text[at + opener.len()..];
                let rest = if opener == "Error::new(" {
                    match rest.find(',') {
                        Some(comma) => &rest[comma + 1..],
                        None => continue,
                    }
                } else {
                    rest
                };
                let rest = rest.trim_start();
                if let Some(lit) = rest.strip_prefix('"')
                    && let Some(end) = lit.find('"')
                {
                    out.push(lit[..end].to_string());
                }
            }
        }
        out
    }

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut all: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        all.sort_unstable();
        let n = all.len();
        all.dedup();
        assert_eq!(all.len(), n, "a rule code is listed twice");
        for code in RULES.iter().map(|r| r.code).chain(COMMAND_ERRORS.iter().map(|e| e.code)) {
            assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{code}");
        }
    }
}
