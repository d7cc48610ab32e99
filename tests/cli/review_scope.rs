//! `roster review start --team T... [--profile P...]`: a campaign scoped to
//! teams (their members and leads), to profiles, or to both (a member in
//! either is in scope); the `teams` key it records, and `check` on it.

use crate::support::Workspace;
use serde_json::json;

/// The item ids of a campaign file, in file order.
fn item_ids(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.strip_prefix("id = \"")).map(|l| l.trim_end_matches('"').to_string()).collect()
}

/// The members a campaign's items are about, each once, in file order.
fn members(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in item_ids(text) {
        let m = id.split('/').next().unwrap_or_default().to_string();
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

#[test]
fn a_team_scope_holds_its_members_and_its_lead_and_records_the_teams() {
    let ws = Workspace::example();
    let run = ws.run(&["review", "start", "audit", "--team", "audit"]);
    run.code(0).stdout_has("review audit: ");
    let text = ws.read("reviews/audit.toml");
    // teams.toml: audit is led by thomas, with hugo and julie; in members.toml's order.
    assert_eq!(members(&text), ["hugo", "julie", "thomas"], "{text}");
    // Each member's clients come with them, those of the team included.
    assert!(item_ids(&text).contains(&"hugo/initech".to_string()), "{text}");
    assert!(text.contains("\nteams = [\"audit\"]\n"), "{text}");
    assert!(!text.contains("profiles ="), "{text}");
    ws.run(&["check", "--strict"]).code(0);

    // Two teams: both, each member once.
    ws.run(&["-q", "review", "start", "both", "--team", "audit", "--team", "payroll", "--team", "audit"]).code(0);
    let text = ws.read("reviews/both.toml");
    assert_eq!(members(&text), ["claire", "hugo", "julie", "lea", "thomas"], "{text}");
    assert!(text.contains("\nteams = [\"audit\", \"payroll\"]\n"), "{text}");
    let ids = item_ids(&text);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "an item twice: {ids:?}");

    // The report names the scope.
    let html = ws.run(&["review", "report", "both"]);
    html.code(0).stdout_has("members of the teams audit, payroll");
}

#[test]
fn team_and_profile_scopes_add_up() {
    let ws = Workspace::example();
    ws.run(&["-q", "review", "start", "mixed", "--team", "audit", "--profile", "advanced-commercial"]).code(0);
    let text = ws.read("reviews/mixed.toml");
    // audit's people, and the active members of advanced-commercial (sophie, victor).
    assert_eq!(members(&text), ["hugo", "julie", "sophie", "thomas", "victor"], "{text}");
    let head = text.split("[[cost]]").next().expect("head");
    assert!(head.contains("profiles = [\"advanced-commercial\"]\nteams = [\"audit\"]\n"), "{head}");
    ws.run(&["check", "--strict"]).code(0);
    let html = ws.run(&["review", "report", "mixed"]);
    html.code(0).stdout_has("members of the profile advanced-commercial or of the team audit");
    // The status shows the campaign like any other.
    let v = ws.run(&["review", "status", "mixed", "--format", "json"]).code(1).json();
    assert_eq!(v["kept"], json!(0));
    assert_eq!(v["pending"], json!(item_ids(&text).len()));
}

#[test]
fn an_unknown_team_exits_4_with_the_nearest_and_writes_nothing() {
    let ws = Workspace::example();
    let run = ws.run(&["review", "start", "x", "--team", "audti"]);
    run.code(4).stderr_has("no team named `audti`").stderr_has("did you mean `audit`?");
    // With a known profile beside it, too.
    ws.run(&["review", "start", "x", "--profile", "admin", "--team", "payrol"])
        .code(4)
        .stderr_has("did you mean `payroll`?");
    assert!(!ws.path().join("reviews/x.toml").exists());
    // A workspace with no teams.toml knows no team.
    std::fs::remove_file(ws.path().join("teams.toml")).expect("rm teams.toml");
    ws.run(&["review", "start", "x", "--team", "audit"]).code(4).stderr_has("no team named `audit`");
    assert!(!ws.path().join("reviews/x.toml").exists());
}

#[test]
fn a_team_with_no_active_member_is_an_empty_scope() {
    let ws = Workspace::example();
    ws.run(&["-q", "team", "add", "ghosts", "--name", "Ghosts", "--member", "nadia"]).code(0);
    let run = ws.run(&["review", "start", "x", "--team", "ghosts"]);
    run.code(3).stderr_has("error[empty-review]: no active member is in the campaign's scope");
    assert!(!ws.path().join("reviews/x.toml").exists());
}

#[test]
fn check_reports_a_bad_teams_value_where_it_is() {
    let ws = Workspace::example();
    ws.run(&["-q", "review", "start", "t", "--team", "audit"]).code(0);
    ws.edit("reviews/t.toml", "teams = [\"audit\"]", "teams = [\"audit\", \"Audit Team\"]");
    // The line of `teams`, wherever the campaign's header puts it.
    let line = ws.read("reviews/t.toml").lines().position(|l| l.starts_with("teams = ")).expect("teams") + 1;
    let run = ws.run(&["check"]);
    run.code(1).stderr_has(&format!("reviews/t.toml:{line}:19")).stderr_has("Audit Team");
    let v = ws.run(&["check", "--format", "json"]).code(1).json();
    let e = &v["errors"][0];
    assert_eq!(
        (e["file"].as_str(), e["line"].as_u64(), e["column"].as_u64()),
        (Some("reviews/t.toml"), Some(line as u64), Some(19)),
        "{e}"
    );
    // Not a list at all.
    ws.edit("reviews/t.toml", "teams = [\"audit\", \"Audit Team\"]", "teams = \"audit\"");
    ws.run(&["check"]).code(1).stderr_has(&format!("reviews/t.toml:{line}:9")).stderr_has("`teams`");
    // A team removed since is no error: the campaign is a record of the past.
    ws.edit("reviews/t.toml", "teams = \"audit\"", "teams = [\"gone\"]");
    ws.run(&["check", "--strict"]).code(0);
}
