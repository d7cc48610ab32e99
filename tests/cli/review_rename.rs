//! `member rename OLD NEW` in the review campaigns: a campaign with pending
//! items follows the new id (its item ids, reviewers, deciders), one whose
//! every item is decided stays byte for byte; all in the one change, or
//! nothing. In a git repository, so that `git status` tells what changed.

use crate::support::{Workspace, git};
use serde_json::json;

/// The example workspace with its tests, a campaign `q1` started over every
/// active member with three decisions, all committed.
fn repo_with_campaign() -> Workspace {
    let ws = Workspace::example_with_tests();
    ws.run(&["-q", "review", "start", "q1"]).code(0);
    ws.run(&["-q", "review", "decide", "q1", "hugo", "keep", "--as", "thomas"]).code(0);
    ws.run(&["-q", "review", "decide", "q1", "julie/initech", "revoke", "--note", "left audit", "--as", "thomas"])
        .code(0);
    ws.run(&["-q", "review", "decide", "q1", "thomas", "keep", "--as", "claire"]).code(0);
    git(ws.path(), &["init", "-q"]);
    git(ws.path(), &["add", "-A"]);
    git(ws.path(), &["commit", "-qm", "a campaign under way"]);
    ws
}

/// `git status --porcelain`: the files changed since the commit.
fn changed(ws: &Workspace) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(ws.path())
        .args(["status", "--porcelain"])
        .output()
        .expect("git");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The `[[item]]` table of `id` in a campaign's text.
fn item<'t>(text: &'t str, id: &str) -> &'t str {
    let at = text.find(&format!("\nid = \"{id}\"\n")).unwrap_or_else(|| panic!("no item {id} in\n{text}"));
    let end = text[at..].find("[[item]]").map_or(text.len(), |e| at + e);
    &text[at..end]
}

#[test]
fn a_pending_campaign_follows_the_rename_and_a_finished_one_stays_byte_for_byte() {
    let ws = repo_with_campaign();
    let finished = ws.read("reviews/2026-q4.toml");
    assert!(finished.contains("\"thomas\""), "the finished campaign names thomas");
    // A comment on a value the rename edits stays.
    ws.edit("reviews/q1.toml", "id = \"julie\"\n", "id = \"julie\"    # audit team\n");
    git(ws.path(), &["commit", "-qam", "a comment"]);

    let run = ws.run(&["member", "rename", "thomas", "thomas.b"]);
    run.code(0)
        .stdout_has("review q1: thomas -> thomas.b in ")
        .stdout_has("review 2026-q4: every item is decided, so it is left as it is");
    let text = ws.read("reviews/q1.toml");
    // Their own items: the member's and each client's.
    assert!(item(&text, "thomas.b").contains("decided_by = \"claire\""), "{text}");
    assert!(item(&text, "thomas.b/globex").contains("access = "), "{text}");
    assert!(!text.contains("\"thomas\"") && !text.contains("\"thomas/"), "{text}");
    // The items they review and decided.
    let hugo = item(&text, "hugo");
    assert!(hugo.contains("reviewer = \"thomas.b\"") && hugo.contains("decided_by = \"thomas.b\""), "{hugo}");
    let julie = item(&text, "julie/initech");
    assert!(julie.contains("decision = \"revoke\"\ndecided_by = \"thomas.b\""), "{julie}");
    assert!(julie.contains("note = \"left audit\""), "{julie}");
    assert!(text.contains("id = \"julie\"    # audit team\n"), "{text}");
    // Nothing else of the campaign moved: the same text with the id replaced.
    let before = std::process::Command::new("git")
        .arg("-C")
        .arg(ws.path())
        .args(["show", "HEAD:reviews/q1.toml"])
        .output()
        .expect("git");
    let before = String::from_utf8_lossy(&before.stdout)
        .replace("\"thomas\"", "\"thomas.b\"")
        .replace("\"thomas/", "\"thomas.b/");
    assert_eq!(text, before);
    // The finished campaign is a record of the past.
    assert_eq!(ws.read("reviews/2026-q4.toml"), finished);
    assert_eq!(changed(&ws), " M members.toml\n M reviews/q1.toml\n M teams.toml\n");
    ws.run(&["check", "--strict"]).code(0);
    ws.run(&["test"]).code(0);
    // The campaign goes on under the new id.
    ws.run(&["-q", "review", "decide", "q1", "julie", "keep", "--as", "thomas.b"]).code(0);
    ws.run(&["review", "decide", "q1", "thomas", "keep", "--as", "claire"]).code(4).stderr_has("did you mean");
    let v = ws.run(&["review", "status", "q1", "--format", "json"]).code(1).json();
    let rows = v["by_reviewer"].as_array().expect("rows");
    assert!(rows.iter().any(|r| r["reviewer"] == json!("thomas.b")), "{v}");
    assert!(!rows.iter().any(|r| r["reviewer"] == json!("thomas")), "{v}");
}

#[test]
fn a_member_who_only_reviews_is_renamed_as_the_reviewer() {
    let ws = Workspace::example_with_tests();
    // The audit team's campaign: claire (the owner) reviews thomas (his item
    // and, by inheritance, his clients'), and has no item of her own.
    ws.run(&["-q", "review", "start", "audit", "--team", "audit"]).code(0);
    ws.run(&["-q", "review", "decide", "audit", "thomas/globex", "keep", "--as", "claire"]).code(0);
    let before = ws.read("reviews/audit.toml");
    assert!(!before.contains("id = \"claire"), "{before}");
    ws.run(&["member", "rename", "claire", "claire.m"])
        .code(0)
        .stdout_has("review audit: claire -> claire.m in 4 items");
    let text = ws.read("reviews/audit.toml");
    assert_eq!(text, before.replace("\"claire\"", "\"claire.m\""));
    assert!(item(&text, "thomas/globex").contains("decided_by = \"claire.m\""), "{text}");
    ws.run(&["check", "--strict"]).code(0);
    // A member the campaign does not name leaves it as it is.
    ws.run(&["member", "rename", "bob", "bob.d"]).code(0);
    assert_eq!(ws.read("reviews/audit.toml"), text);
}

#[test]
fn a_dry_run_shows_the_campaign_among_the_files_and_writes_nothing() {
    let ws = repo_with_campaign();
    let run = ws.run(&["--dry-run", "member", "rename", "thomas", "thomas.b"]);
    run.code(0)
        .stdout_has("--- a/reviews/q1.toml\n+++ b/reviews/q1.toml\n")
        .stdout_has("-id = \"thomas\"\n+id = \"thomas.b\"\n")
        .stdout_has("-reviewer = \"thomas\"\n+reviewer = \"thomas.b\"\n")
        .stdout_has("dry run: nothing was written");
    assert!(!run.stdout.contains("reviews/2026-q4.toml"), "{}", run.stdout);
    let v = ws.run(&["--dry-run", "--format", "json", "member", "rename", "thomas", "thomas.b"]).code(0).json();
    assert_eq!(v["files"], json!(["members.toml", "reviews/q1.toml", "teams.toml"]));
    assert_eq!(changed(&ws), "");
}

#[test]
fn a_batch_renames_in_the_campaigns_too_each_line_on_the_last() {
    let ws = repo_with_campaign();
    let finished = ws.read("reviews/2026-q4.toml");
    ws.write("changes.txt", "member rename thomas thomas.b\nmember rename hugo hugo.x\n");
    let run = ws.run(&["batch", "changes.txt"]);
    run.code(0)
        .stdout_has("line 1: review q1: thomas -> thomas.b in ")
        .stdout_has("line 2: review q1: hugo -> hugo.x in ");
    let text = ws.read("reviews/q1.toml");
    // Line 2 edited what line 1 left: hugo's item keeps its renamed reviewer.
    let hugo = item(&text, "hugo.x");
    assert!(hugo.contains("reviewer = \"thomas.b\"") && hugo.contains("decided_by = \"thomas.b\""), "{hugo}");
    assert!(!text.contains("\"thomas\"") && !text.contains("\"hugo\"") && !text.contains("\"hugo/"), "{text}");
    assert_eq!(ws.read("reviews/2026-q4.toml"), finished);
    ws.run(&["check", "--strict"]).code(0);

    // A line refused later writes nothing, the campaign included.
    let ws = repo_with_campaign();
    ws.write("changes.txt", "member rename thomas thomas.b\nmember rename nobody x\n");
    ws.run(&["batch", "changes.txt"]).code(4);
    std::fs::remove_file(ws.path().join("changes.txt")).expect("rm");
    assert_eq!(changed(&ws), "");
}

#[test]
fn a_campaign_with_errors_refuses_the_rename_with_its_diagnostics() {
    let ws = repo_with_campaign();
    ws.edit("reviews/q1.toml", "decision = \"keep\"", "decision = \"kept\"");
    git(ws.path(), &["commit", "-qam", "a hand edit"]);
    let run = ws.run(&["member", "rename", "thomas", "thomas.b"]);
    run.code(1)
        .stderr_has("error[bad-value]: `kept` is not a decision\n  --> reviews/q1.toml:")
        .stderr_has("the campaign `reviews/q1.toml` has 1 error");
    assert_eq!(changed(&ws), "");
    // A finished campaign with errors refuses it too: what it names is unknown.
    let ws = repo_with_campaign();
    ws.edit("reviews/2026-q4.toml", "decision = \"keep\"", "decision = \"kept\"");
    git(ws.path(), &["commit", "-qam", "a hand edit"]);
    ws.run(&["member", "rename", "thomas", "thomas.b"]).code(1).stderr_has("reviews/2026-q4.toml:");
    assert_eq!(changed(&ws), "");
}

#[test]
fn a_pending_campaign_that_names_a_former_member_with_the_new_id_refuses_it() {
    let ws = repo_with_campaign();
    ws.run(&["-q", "member", "remove", "victor"]).code(0);
    git(ws.path(), &["commit", "-qam", "victor left"]);
    let run = ws.run(&["member", "rename", "sophie", "victor"]);
    run.code(3)
        .stderr_has(
            "the campaign `reviews/q1.toml` still has pending items and holds items of a former member `victor`",
        )
        .stderr_has("nothing was written");
    assert_eq!(changed(&ws), "");
    // Once every item is decided, the campaign is a record of the past: the rename goes ahead.
    let text = ws.read("reviews/q1.toml");
    let mut parts = text.split("[[item]]\n");
    let mut finished = parts.next().expect("head").to_string();
    for part in parts {
        finished.push_str("[[item]]\n");
        if part.contains("decision = ") {
            finished.push_str(part);
        } else {
            let body = part.trim_end_matches('\n');
            finished.push_str(body);
            finished.push_str("\ndecision = \"keep\"\ndecided_by = \"marc\"\ndecided_at = 2026-12-01T09:30:00Z\n");
            finished.push_str(&part[body.len() + 1..]);
        }
    }
    ws.write("reviews/q1.toml", &finished);
    ws.run(&["review", "status", "q1"]).code(0);
    ws.run(&["member", "rename", "sophie", "victor"]).code(0).stdout_has("review q1: every item is decided");
    assert_eq!(ws.read("reviews/q1.toml"), finished);
}

#[test]
fn a_hand_written_campaign_in_another_layout_is_renamed_value_by_value() {
    let ws = Workspace::example_with_tests();
    let text = r#"revision = "working-tree"
started = 2026-11-30
item = [
  { id = 'thomas', access = "a", reviewer = "claire" },
  { reviewer = 'thomas', id = "hugo/initech", access = "a" },   # literal strings too
  { id = "julie", access = "a", reviewer = "thomas", decision = "keep", decided_by = "thomas", decided_at = 2026-12-01T09:30:00Z },
  { id = "thomas.old/acme", access = "a", reviewer = "thomasine" },
]

[access]
a = { clients = { view = "all" } }
"#;
    ws.write("reviews/hand.toml", text);
    ws.run(&["check", "--strict"]).code(0);
    ws.run(&["member", "rename", "thomas", "t2"]).code(0).stdout_has("review hand: thomas -> t2 in 3 items");
    let expected =
        text.replace("id = 'thomas'", "id = \"t2\"").replace("reviewer = 'thomas'", "reviewer = \"t2\"").replace(
            "reviewer = \"thomas\", decision = \"keep\", decided_by = \"thomas\"",
            "reviewer = \"t2\", decision = \"keep\", decided_by = \"t2\"",
        );
    assert_ne!(expected, text);
    assert_eq!(ws.read("reviews/hand.toml"), expected);
    ws.run(&["check", "--strict"]).code(0);
}
