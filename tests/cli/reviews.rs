//! Access reviews (`roster review ...`) through the binary, in real git
//! repositories: campaigns started, decided, applied and reported; who may
//! decide; `check` on campaign files; and the report in a real browser.
//! Times and today's date are replaced in pinned outputs (no test asserts a time).

use crate::support::{Run, Workspace, copy_dir, git, repo_config};
use serde_json::json;
use std::path::Path;

/// A git repository whose root is a copy of the example workspace (its
/// finished campaign included), committed.
fn repo() -> Workspace {
    let ws = Workspace::example_with_tests();
    git(ws.path(), &["init", "-q"]);
    git(ws.path(), &["add", "-A"]);
    git(ws.path(), &["commit", "-qm", "permissions"]);
    ws
}

fn head(dir: &Path) -> String {
    let out = std::process::Command::new("git").arg("-C").arg(dir).args(["rev-parse", "HEAD"]).output().expect("git");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", message]);
}

/// Today's date, every UTC time (`2026-12-01T09:30:00Z`) and the revision
/// replaced, so that a pinned output holds none of them.
fn clean(text: &str, rev: &str) -> String {
    let today = jiff::ZonedDateTime::now().date().to_string();
    let mut text = text.replace(&today, "[TODAY]");
    if rev.len() == 40 {
        text = text.replace(rev, "[REV]").replace(&rev[..12], "[REV]");
    }
    // Any other commit's short id, as the report shows it.
    while let Some(at) = text.find("(revision <code>").map(|i| i + "(revision <code>".len()) {
        let Some(end) = text[at..].find("</code>") else { break };
        text.replace_range(at - "(revision <code>".len()..at + end + "</code>".len(), "(revision [OTHER]");
    }
    // `THH:MM:SSZ` after a date: the time of a decision.
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let time = chars.get(i..i + 10).is_some_and(|w| {
            w[0] == 'T' && w[3] == ':' && w[6] == ':' && w[9] == 'Z' && w[1].is_ascii_digit() && w[8].is_ascii_digit()
        });
        if time {
            out.push_str("T[TIME]Z");
            i += 10;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn transcript(run: &Run, rev: &str) -> String {
    clean(&format!("exit: {}\n--- stdout\n{}--- stderr\n{}", run.code, run.stdout, run.stderr), rev)
}

#[test]
fn start_freezes_access_from_the_head_revision() {
    let ws = repo();
    let rev = head(ws.path());
    let run = ws.run(&["review", "start", "2027-q1", "--due", "2027-03-31"]);
    run.code(0);
    insta::assert_snapshot!("review_start", transcript(&run, &rev));
    let text = ws.read("reviews/2027-q1.toml");
    assert!(text.contains(&format!("revision = \"{rev}\"")), "{text}");
    insta::assert_snapshot!("review_start_file", clean(&text, &rev));
    // The owner's items go to the first other active admin by id.
    assert!(text.contains("id = \"claire\"\nprofile = \"admin\"\n"), "{text}");
    let claire = text.split("id = \"claire\"").nth(1).expect("claire's item");
    assert!(claire.split("[[item]]").next().expect("item").contains("reviewer = \"marc\""), "{claire}");
    // Only active members: lea is, nadia (invited) and paul (suspended) are not.
    assert!(!text.contains("id = \"nadia\"") && !text.contains("id = \"paul\""), "{text}");
    // The campaign passes check, and nothing else changed.
    ws.run(&["check", "--strict"]).code(0);
    let status = std::process::Command::new("git").arg("-C").arg(ws.path()).args(["status", "--porcelain"]).output();
    assert_eq!(String::from_utf8_lossy(&status.expect("git").stdout), "?? reviews/2027-q1.toml\n");
}

#[test]
fn a_workspace_that_differs_from_head_is_taken_from_the_working_tree() {
    let ws = repo();
    ws.run(&["client", "assign", "acme", "--to", "lea"]).code(0);
    let run = ws.run(&["review", "start", "2027-q1"]);
    run.code(0).stdout_has("from the working tree (its files differ from git's HEAD");
    assert!(ws.read("reviews/2027-q1.toml").contains("revision = \"working-tree\""));
    assert!(ws.read("reviews/2027-q1.toml").contains("id = \"lea/acme\""));
    // Without git at all, too.
    let plain = Workspace::example();
    plain.run(&["review", "start", "2027-q1"]).code(0);
    assert!(plain.read("reviews/2027-q1.toml").contains("revision = \"working-tree\""));
}

#[test]
fn start_is_a_change_refused_when_the_id_exists_and_dry_run_writes_nothing() {
    let ws = repo();
    let before = ws.read("reviews/2026-q4.toml");
    let run = ws.run(&["review", "start", "2026-q4"]);
    run.code(3);
    insta::assert_snapshot!("review_start_exists", transcript(&run, "-"));
    assert_eq!(ws.read("reviews/2026-q4.toml"), before);
    ws.run(&["review", "start", "Bad Id"]).code(3).stderr_has("is not a valid campaign id");
    ws.run(&["review", "start", "x", "--due", "2027-02-30"]).code(2).stderr_has("is not a day of the calendar");
    ws.run(&["review", "start", "x", "--profile", "connect-pai"]).code(4).stderr_has("did you mean `connect-pay`?");

    // A dry run shows the new file and creates nothing, not even `reviews/`.
    let fresh = Workspace::example();
    std::fs::remove_dir_all(fresh.path().join("reviews")).expect("rm reviews");
    let run = fresh.run(&["--dry-run", "review", "start", "2027-q1"]);
    run.code(0).stdout_has("--- /dev/null\n+++ b/reviews/2027-q1.toml\n").stdout_has("dry run: nothing was written");
    assert!(!fresh.path().join("reviews").exists());
    // For real, the folder is made.
    fresh.run(&["-q", "review", "start", "2027-q1"]).code(0);
    assert!(fresh.path().join("reviews/2027-q1.toml").is_file());
    // JSON like every change.
    let run = fresh.run(&["review", "start", "2027-q2", "--format", "json"]);
    let v = run.json();
    assert_eq!(v["files"], json!(["reviews/2027-q2.toml"]));
    assert_eq!(v["sign_in_again"], json!([]));
}

#[test]
fn a_scope_of_profiles_and_items_nobody_can_review_are_reported() {
    let ws = repo();
    let run = ws.run(&["review", "start", "pay", "--profile", "connect-pay"]);
    run.code(0);
    insta::assert_snapshot!("review_start_profile", transcript(&run, &head(ws.path())));
    let text = ws.read("reviews/pay.toml");
    assert!(text.contains("profiles = [\"connect-pay\"]"), "{text}");
    // With marc no longer an admin, the owner's items have nobody to review them.
    ws.run(&["-q", "--allow-failing-tests", "transfer-one", "marc", "--to", "full-accounting"]).code(0);
    let run = ws.run(&["review", "start", "solo"]);
    run.code(0).stdout_has(
        "warning: claire: no reviewer for 2 items (nobody reviews their own access, and there is no other active admin)",
    );
    let text = ws.read("reviews/solo.toml");
    let claire = text.split("id = \"claire\"").nth(1).expect("claire").split("[[item]]").next().expect("item");
    assert!(!claire.contains("reviewer"), "{claire}");
    let status = ws.run(&["review", "status", "solo", "--format", "json"]);
    let v = status.code(1).json();
    let none = v["by_reviewer"].as_array().expect("rows").iter().find(|r| r["reviewer"].is_null()).expect("a null row");
    assert_eq!(none["pending"], json!(2));
}

#[test]
fn an_empty_scope_is_refused() {
    let ws = Workspace::example();
    ws.run(&["-q", "transfer-one", "julie", "--to", "connect-pay"]).code(0);
    let run = ws.run(&["review", "start", "x", "--profile", "connect-no-pay"]);
    run.code(3).stderr_has("error[empty-review]: no active member is in the campaign's scope");
    assert!(!ws.path().join("reviews/x.toml").exists());
}

#[test]
fn who_may_decide() {
    let ws = repo();
    ws.run(&["-q", "review", "start", "q"]).code(0);
    let cases: &[(&str, &[&str])] = &[
        ("review_decide_no_actor", &["review", "decide", "q", "bob", "keep"]),
        ("review_decide_own_access", &["review", "decide", "q", "claire", "keep", "--as", "claire"]),
        ("review_decide_own_client", &["review", "decide", "q", "bob/acme", "keep", "--as", "bob"]),
        ("review_decide_not_reviewer", &["review", "decide", "q", "bob", "keep", "--as", "hugo"]),
        ("review_decide_not_a_member", &["review", "decide", "q", "bob", "keep", "--as", "zoe"]),
        ("review_decide_inactive", &["review", "decide", "q", "bob", "keep", "--as", "paul"]),
        ("review_decide_unknown_item", &["review", "decide", "q", "bob/acm", "keep", "--as", "claire"]),
        ("review_decide_unknown_campaign", &["review", "decide", "q1", "bob", "keep", "--as", "claire"]),
    ];
    let before = ws.read("reviews/q.toml");
    for (name, args) in cases {
        let run = ws.run(args);
        assert_ne!(run.code, 0, "{name}");
        insta::assert_snapshot!(*name, transcript(&run, "-"));
        assert_eq!(ws.read("reviews/q.toml"), before, "{name} wrote");
    }
    // The reviewer decides; another admin may too, in the reviewer's place.
    ws.run(&["review", "decide", "q", "bob", "keep", "--as", "claire"]).code(0);
    ws.run(&["review", "decide", "q", "hugo", "keep", "--as", "marc"]).code(0);
    ws.run(&["review", "decide", "q", "claire", "keep", "--as", "marc"]).code(0);
    // A reviewer needs no settings.edit, even when every change must name its actor.
    ws.edit("workspace.toml", "require_actor = false", "require_actor = true");
    ws.run(&["review", "decide", "q", "julie", "keep", "--as", "claire"]).code(0);
}

#[test]
fn deciding_twice_replaces_and_says_so() {
    let ws = repo();
    ws.run(&["-q", "review", "start", "q"]).code(0);
    let first = ws.run(&["review", "decide", "q", "bob/acme", "revoke", "--note", "left <ACME>", "--as", "claire"]);
    insta::assert_snapshot!("review_decide", transcript(&first, "-"));
    let second = ws.run(&["review", "decide", "q", "bob/acme", "keep", "--as", "marc"]);
    insta::assert_snapshot!("review_decide_again", transcript(&second, "-"));
    let text = ws.read("reviews/q.toml");
    let item = text.split("id = \"bob/acme\"").nth(1).expect("item").split("[[item]]").next().expect("item");
    insta::assert_snapshot!("review_decided_item", clean(item, "-"));
    assert!(!item.contains("note"), "the second decision has no note: {item}");
    // Only the item's bytes changed: every other line is as written.
    let start = ws.run(&["--dry-run", "review", "decide", "q", "julie", "revoke", "--as", "claire"]);
    insta::assert_snapshot!("review_decide_dry_run", transcript(&start, "-"));
}

#[test]
fn status_counts_by_reviewer_and_is_a_ci_gate() {
    let ws = repo();
    ws.run(&["-q", "review", "start", "q", "--due", "2000-01-31"]).code(0);
    ws.run(&["-q", "review", "decide", "q", "bob", "keep", "--as", "claire"]).code(0);
    ws.run(&["-q", "review", "decide", "q", "claire", "revoke", "--as", "marc"]).code(0);
    let rev = head(ws.path());
    for (name, format) in [
        ("review_status", "table"),
        ("review_status_json", "json"),
        ("review_status_csv", "csv"),
        ("review_status_markdown", "markdown"),
    ] {
        let run = ws.run(&["review", "status", "q", "--format", format]);
        run.code(1);
        insta::assert_snapshot!(name, transcript(&run, &rev));
    }
    let v = ws.run(&["review", "status", "q", "--format", "json"]).json();
    assert_eq!(v["overdue"], json!(true));
    // The shipped campaign is finished: exit 0.
    let run = ws.run(&["review", "status", "2026-q4"]);
    run.code(0);
    insta::assert_snapshot!("review_status_done", transcript(&run, "-"));
    ws.run(&["review", "status", "2026-q5"]).code(4).stderr_has("did you mean `2026-q4`?");
}

#[test]
fn apply_unassigns_and_suspends_once_held_to_the_rules_and_tests() {
    let ws = repo();
    ws.run(&["-q", "review", "start", "q"]).code(0);
    ws.run(&["-q", "review", "decide", "q", "hugo/initech", "revoke", "--as", "claire"]).code(0);
    ws.run(&["-q", "review", "decide", "q", "lea", "revoke", "--note", "left the firm", "--as", "claire"]).code(0);
    ws.run(&["-q", "review", "decide", "q", "bob", "keep", "--as", "claire"]).code(0);
    let dry = ws.run(&["--dry-run", "review", "apply", "q"]);
    insta::assert_snapshot!("review_apply_dry_run", transcript(&dry, "-"));
    let run = ws.run(&["review", "apply", "q"]);
    run.code(0);
    insta::assert_snapshot!("review_apply", transcript(&run, "-"));
    let members = ws.read("members.toml");
    assert!(members.contains("[members.lea]\nname = \"Léa Moreau\"\nemail = \"lea@cabinet-martin.example\"\nprofile = \"connect-pay\"\nstatus = \"suspended\"\nclients = [\"umbrella\"]\n"), "{members}");
    assert!(!members.contains("clients = [\"initech\"]"), "{members}");
    let text = ws.read("reviews/q.toml");
    assert_eq!(text.matches("applied = ").count(), 2, "{text}");
    // Twice: nothing changes.
    let again = ws.run(&["review", "apply", "q"]);
    insta::assert_snapshot!("review_apply_again", transcript(&again, "-"));
    assert_eq!(ws.read("reviews/q.toml"), text);
    // An applied revocation's decision cannot change.
    let run = ws.run(&["review", "decide", "q", "lea", "keep", "--as", "claire"]);
    run.code(3).stderr_has("error[already-applied]: `lea` was revoked and the revocation applied on ");
    ws.run(&["check"]).code(0);

    // A revocation that breaks a test is refused, nothing written.
    ws.run(&["-q", "review", "start", "r"]).code(0);
    ws.run(&["-q", "review", "decide", "r", "bob/acme", "revoke", "--as", "claire"]).code(0);
    let (members, review) = (ws.read("members.toml"), ws.read("reviews/r.toml"));
    ws.run(&["review", "apply", "r"]).code(3).stderr_has("error[test-failed]");
    assert_eq!((ws.read("members.toml"), ws.read("reviews/r.toml")), (members, review));
    // The owner cannot be suspended by a review either.
    ws.run(&["-q", "review", "decide", "r", "claire", "revoke", "--as", "marc"]).code(0);
    ws.run(&["review", "apply", "r", "--allow-failing-tests"]).code(3).stderr_has("error[owner]");
}

#[test]
fn a_member_removed_since_is_applied_as_nothing_to_do() {
    let ws = Workspace::example();
    ws.run(&["-q", "review", "start", "q"]).code(0);
    ws.run(&["-q", "review", "decide", "q", "julie/initech", "revoke", "--as", "claire"]).code(0);
    ws.run(&["-q", "member", "remove", "julie"]).code(0);
    let run = ws.run(&["review", "apply", "q"]);
    run.code(0).stdout_has("julie/initech: julie is no longer a member; nothing to apply");
    assert!(ws.read("reviews/q.toml").contains("applied = "));
    // The campaign still names julie: a record of the past, not an error.
    ws.run(&["check"]).code(0).stderr_has("warning[unused-profile]");
}

#[test]
fn a_campaign_edited_on_disk_meanwhile_refuses_the_decision() {
    let ws = repo();
    ws.run(&["-q", "review", "start", "q"]).code(0);
    let gate = ws.path().join("gate");
    let path = ws.path().to_path_buf();
    let edit = std::thread::spawn(move || {
        while !gate.exists() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let file = path.join("reviews/q.toml");
        let text = std::fs::read_to_string(&file).expect("read");
        std::fs::write(&file, format!("{text}\n# a hand edit\n")).expect("write");
        std::fs::remove_file(&gate).expect("rm gate");
    });
    let out = assert_cmd::Command::cargo_bin("roster")
        .expect("binary")
        .env("ROSTER_TEST_PAUSE_BEFORE_WRITE", ws.path().join("gate"))
        .args(["-w", ws.path().to_str().expect("path"), "review", "decide", "q", "bob", "keep", "--as", "claire"])
        .output()
        .expect("run");
    edit.join().expect("edit");
    assert_eq!(out.status.code(), Some(6), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`reviews/q.toml` changed on disk"));
    assert!(!ws.read("reviews/q.toml").contains("decision"));
}

#[test]
fn check_validates_campaign_files_and_nothing_else_reads_them() {
    let ws = Workspace::example();
    ws.edit("reviews/2026-q4.toml", "decision = \"keep\"", "decision = \"kept\"");
    ws.edit("reviews/2026-q4.toml", "due = 2026-10-31", "due = \"2026-10-31\"\nowner = \"claire\"");
    ws.edit("reviews/2026-q4.toml", "decided_at = 2026", "decided_at = 2026-10-02T09:00:00+02:00 # 2026");
    let run = ws.run(&["check"]);
    run.code(1);
    insta::assert_snapshot!("review_check", transcript(&run, "-"));
    // Other commands do not read reviews/.
    ws.write("reviews/broken.toml", "[[item]\n");
    ws.run(&["member", "list"]).code(0);
    ws.run(&["-q", "client", "assign", "acme", "--to", "lea"]).code(0);
    ws.run(&["check"]).code(1).stderr_has("reviews/broken.toml:1:");
    // A review command on a broken campaign stops with its errors.
    ws.run(&["review", "status", "2026-q4"])
        .code(1)
        .stderr_has("error[invalid-workspace]: the campaign `reviews/2026-q4.toml` has");
}

#[test]
fn check_reports_a_decision_without_who_or_when_and_applied_keeps() {
    let ws = Workspace::example();
    let text = ws.read("reviews/2026-q4.toml");
    let edited =
        text.replacen("decided_by = \"claire\"\n", "", 1).replacen("decision = \"revoke\"", "decision = \"keep\"", 1);
    ws.write("reviews/2026-q4.toml", &edited);
    let run = ws.run(&["check", "--format", "json"]);
    run.code(1);
    let v = run.json();
    let messages: Vec<String> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d["code"].as_str().unwrap_or(""),
                d["file"].as_str().unwrap_or(""),
                d["line"],
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    insta::assert_snapshot!("review_check_consistency", messages.join("\n"));
}

/// The report of the shipped campaign, after one more campaign at a later commit.
fn two_campaigns() -> (Workspace, String) {
    let ws = repo();
    ws.run(&["-q", "transfer-one", "hugo", "--to", "full-accounting"]).code(0);
    commit(ws.path(), "hugo keeps the books");
    ws.run(&["-q", "review", "start", "2027-q1", "--due", "2027-03-31"]).code(0);
    ws.run(&[
        "-q",
        "review",
        "decide",
        "2027-q1",
        "hugo",
        "keep",
        "--note",
        "<script>alert('x')</script> & co",
        "--as",
        "claire",
    ])
    .code(0);
    ws.run(&[
        "-q",
        "review",
        "decide",
        "2027-q1",
        "hugo/initech",
        "revoke",
        "--note",
        "Initech moved to Julie",
        "--as",
        "claire",
    ])
    .code(0);
    ws.run(&["-q", "review", "apply", "2027-q1"]).code(0);
    let page = ws.run(&["review", "report", "2027-q1"]);
    page.code(0);
    (ws, page.stdout)
}

#[test]
fn the_report_is_one_self_contained_escaped_page() {
    let (ws, page) = two_campaigns();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{}", &page[..200]);
    assert!(page.trim_end().ends_with("</html>"));
    // No script, nothing fetched: no URL, no external stylesheet, font or image.
    let lower = page.to_lowercase();
    for banned in ["<script", "http://", "https://", "<link", "<img", "@import", "url("] {
        assert!(!lower.contains(banned), "the page holds {banned:?}");
    }
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), "the note is escaped");
    assert!(page.contains("@media print") && page.contains("size: A4"));
    // Every item, by id.
    let text = ws.read("reviews/2027-q1.toml");
    for id in text.lines().filter_map(|l| l.strip_prefix("id = \"")).map(|l| l.trim_end_matches('"')) {
        assert!(page.contains(&format!("<span class=\"mono\">{id}</span>")), "{id} missing");
    }
    // What an auditor needs: completeness, column meanings, revocations applied,
    // changes since the previous campaign, cost by tier.
    for part in [
        "How to read this report",
        "Revocations (1)",
        "The revocation was applied.",
        "Access changes since the previous campaign",
        "Compared with campaign <b>2026-q4</b>",
        "Monthly cost by tier",
    ] {
        assert!(page.contains(part), "{part:?} missing");
    }
    // The shipped campaign was taken from uncommitted files: said so.
    assert!(page.contains("uncommitted files") || page.contains("cannot be shown"), "working-tree case");
    // -o writes the same page.
    let out = ws.path().join("report.html");
    ws.run(&["review", "report", "2027-q1", "-o", out.to_str().expect("path")])
        .code(0)
        .stdout_has("wrote the report of 2027-q1 to ");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), page);
}

#[test]
fn the_report_shows_the_access_changes_between_two_committed_campaigns() {
    let ws = repo();
    ws.run(&["-q", "review", "start", "a"]).code(0);
    commit(ws.path(), "campaign a");
    ws.run(&["-q", "client", "assign", "umbrella", "--to", "bob"]).code(0);
    commit(ws.path(), "bob takes umbrella");
    ws.run(&["-q", "review", "start", "b"]).code(0);
    let page = ws.run(&["review", "report", "b"]);
    page.code(0);
    let start = page.stdout.find("Access changes since the previous campaign").expect("section");
    let end = page.stdout[start..].find("Monthly cost by tier").expect("next section") + start;
    insta::assert_snapshot!("review_report_changes", clean(&page.stdout[start..end], &head(ws.path())));
}

/// Headless Chromium renders the report to PNG and PDF without errors, and
/// its DOM holds every item. Skipped, with a message on stderr, where there
/// is no Chromium (`.ci/run` installs Debian's `chromium`).
#[test]
fn the_report_renders_in_a_real_browser() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| std::process::Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
    else {
        eprintln!("SKIPPED the_report_renders_in_a_real_browser: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let (ws, _) = two_campaigns();
    let html = ws.path().join("report.html");
    ws.run(&["-q", "review", "report", "2027-q1", "-o", html.to_str().expect("path")]).code(0);
    let url = format!("file://{}", html.display());
    let profile = ws.path().join("chromium-profile");
    let browser = |args: &[&str]| {
        let out = std::process::Command::new(chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(args)
            .arg(&url)
            .output()
            .expect("run chromium");
        assert!(out.status.success(), "chromium {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        out
    };
    let png = ws.path().join("report.png");
    let pdf = ws.path().join("report.pdf");
    browser(&["--window-size=1366,900", &format!("--screenshot={}", png.display())]);
    browser(&["--no-pdf-header-footer", &format!("--print-to-pdf={}", pdf.display())]);
    let png = std::fs::read(&png).expect("a PNG");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000, "{} bytes", png.len());
    let pdf = std::fs::read(&pdf).expect("a PDF");
    assert!(pdf.starts_with(b"%PDF-") && pdf.len() > 10_000, "{} bytes", pdf.len());
    let dom = String::from_utf8_lossy(&browser(&["--dump-dom"]).stdout).into_owned();
    let text = ws.read("reviews/2027-q1.toml");
    let ids: Vec<&str> =
        text.lines().filter_map(|l| l.strip_prefix("id = \"")).map(|l| l.trim_end_matches('"')).collect();
    assert!(ids.len() > 10, "{ids:?}");
    for id in ids {
        assert!(dom.contains(&format!("<span class=\"mono\">{id}</span>")), "the rendered DOM lacks {id}");
    }
    assert!(!dom.contains("<script"), "a script in the rendered DOM");
    // Every item's access links to its set, listed once on the page.
    let links: Vec<&str> = dom.split("href=\"#a").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert!(links.len() > 10, "{links:?}");
    for n in links {
        assert!(dom.contains(&format!("id=\"a{n}\"")), "no access set #{n} on the page");
    }
}

/// The shipped campaign stays valid and finished (the README shows its report).
#[test]
fn the_example_campaign_is_finished_and_applied() {
    let ws = Workspace::example_with_tests();
    let v = ws.run(&["review", "status", "2026-q4", "--format", "json"]).json();
    assert_eq!((v["pending"].clone(), v["revoked"].clone()), (json!(0), json!(1)));
    let text = std::fs::read_to_string(repo_config().join("reviews/2026-q4.toml")).expect("read");
    assert!(text.contains("applied = "), "{text}");
    ws.run(&["review", "apply", "2026-q4"]).code(0).stdout_has("no revocation waits to be applied");
    let _ = copy_dir;
}

/// Items name their access in the campaign's `[access]` table: a name it
/// does not hold is an error where it is written, with the nearest name; an
/// item without `access` is one too.
#[test]
fn an_item_naming_an_unknown_access_set_is_an_error_where_it_is() {
    let ws = Workspace::example();
    ws.edit("reviews/2026-q4.toml", "access = \"easy-invoicing on clients\"", "access = \"easy-invoicing on client\"");
    let text = ws.read("reviews/2026-q4.toml");
    let line = text.lines().position(|l| l == "access = \"easy-invoicing on client\"").expect("edited") + 1;
    ws.run(&["check"])
        .code(1)
        .stderr_has(&format!("reviews/2026-q4.toml:{line}:10"))
        .stderr_has(
            "names the access set `easy-invoicing on client`, which the campaign's [access] table does not hold",
        )
        .stderr_has("did you mean `easy-invoicing on clients`?");
    let ws = Workspace::example();
    ws.edit("reviews/2026-q4.toml", "access = \"admin\"\n", "");
    ws.run(&["check"]).code(1).stderr_has("an item has no `access`");
}

/// A client item leaves out its member's profile and reviewer: it has them
/// when read (the reviewer decides it; the report shows the profile).
#[test]
fn a_client_item_has_its_members_profile_and_reviewer() {
    let ws = repo();
    ws.run(&["-q", "review", "start", "q"]).code(0);
    let text = ws.read("reviews/q.toml");
    let item = text.split("id = \"bob/globex\"").nth(1).expect("bob/globex").split("[[item]]").next().expect("item");
    assert!(!item.contains("profile") && !item.contains("reviewer"), "{item}");
    ws.run(&["review", "decide", "q", "bob/globex", "keep", "--as", "bob"]).code(5);
    ws.run(&["-q", "review", "decide", "q", "bob/globex", "keep", "--as", "claire"]).code(0);
    let run = ws.run(&["review", "report", "q"]);
    let page = &run.code(0).stdout;
    let row = page.split("<span class=\"mono\">bob/globex</span>").nth(1).expect("row").split("</tr>").next().unwrap();
    assert!(row.contains("easy-invoicing") && row.contains("claire"), "{row}");
}
