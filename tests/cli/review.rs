//! The pull-request flow: `fmt`, `diff` between git revisions in real temporary
//! repositories, and every command of the README's CI recipe.

use crate::support::{Run, Workspace, copy_dir, git, repo_config, run_in};
use serde_json::json;
use std::path::Path;

/// A repository whose `perms/` folder is the example workspace, committed.
fn repo() -> (Workspace, std::path::PathBuf) {
    let repo = Workspace::empty();
    let ws = repo.path().join("perms");
    copy_dir(&repo_config(), &ws);
    std::fs::remove_file(ws.join("tests.toml")).expect("rm tests.toml");
    std::fs::write(repo.path().join("README"), "a repository with a workspace in a subfolder\n").expect("write");
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "permissions"]);
    (repo, ws)
}

fn diff(ws: &Path, args: &[&str]) -> Run {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    run_in(ws, &all)
}

#[test]
fn no_change_is_reported_as_none() {
    let (_repo, ws) = repo();
    diff(&ws, &[]).code(0).stdout_has("no access changes from HEAD to the working tree");
    diff(&ws, &["--exit-code"]).code(0);
    let v = diff(&ws, &["--format", "json"]).json();
    assert_eq!(
        v,
        json!({"from": "HEAD", "to": null, "changes": [], "members_added": [], "members_removed": [], "monthly_cost": {"before": 305.0, "after": 305.0}, "failing_tests": [], "conflicts": []})
    );
}

#[test]
fn a_profile_edit_shows_every_member_who_gains() {
    let (_repo, ws) = repo();
    std::fs::write(
        ws.join("profiles/connect-no-pay.toml"),
        std::fs::read_to_string(ws.join("profiles/connect-no-pay.toml")).expect("read").replace(
            "calendars = { view = \"all\", edit = \"own\" }",
            "calendars = { view = \"all\", edit = \"own\" }\ninvoices = { view = \"assigned\", print = \"assigned\" }",
        ),
    )
    .expect("write");
    let v = diff(&ws, &["--format", "json"]).json();
    let changes = v["changes"].as_array().expect("changes");
    assert!(changes.contains(&json!({"member": "julie", "area": "invoices", "action": "print", "client": null, "before": "none", "after": "assigned"})));
    assert!(changes.contains(&json!({"member": "julie", "area": "invoices", "action": "print", "client": "initech", "before": "none", "after": "assigned"})));
    // julie already had invoices.view by override: no change there.
    assert!(!changes.iter().any(|c| c["action"] == "view"));
    diff(&ws, &["--exit-code"])
        .code(1)
        .stdout_has("julie")
        .stdout_has("invoices.print on marie-curie  none -> assigned  gains");
}

#[test]
fn a_transfer_changes_levels_and_the_cost() {
    let (_repo, ws) = repo();
    run_in(&ws, &["-q", "transfer-one", "hugo", "--to", "full-accounting"]).code(0);
    let v = diff(&ws, &["--format", "json"]).json();
    assert_eq!(v["monthly_cost"], json!({"before": 305.0, "after": 319.0}));
    let changes = v["changes"].as_array().expect("changes");
    assert!(changes.contains(&json!({"member": "hugo", "area": "clients", "action": "view", "client": null, "before": "assigned", "after": "all"})));
    assert!(changes.contains(&json!({"member": "hugo", "area": "invoices", "action": "edit", "client": "initech", "before": "assigned", "after": "none"})));
    assert!(changes.iter().all(|c| c["member"] == "hugo"));
    diff(&ws, &[])
        .code(0)
        .stdout_has("monthly cost: 305.00 -> 319.00 EUR (+14.00)")
        .stdout_has("1 member loses access: hugo");
}

#[test]
fn an_assignment_adds_client_rows() {
    let (_repo, ws) = repo();
    run_in(&ws, &["-q", "client", "assign", "umbrella", "--to", "bob"]).code(0);
    let v = diff(&ws, &["--format", "json"]).json();
    let changes = v["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 8, "{changes:#?}");
    assert!(changes.iter().all(|c| c["member"] == "bob"
        && c["client"] == "umbrella"
        && c["before"] == "none"
        && c["after"] == "assigned"));
    assert_eq!(v["monthly_cost"]["before"], v["monthly_cost"]["after"]);
}

#[test]
fn members_added_and_removed() {
    let (_repo, ws) = repo();
    run_in(&ws, &["-q", "member", "add", "dan", "--name", "Dan", "--email", "dan@example.com"]).code(0);
    run_in(&ws, &["-q", "member", "remove", "victor"]).code(0);
    let v = diff(&ws, &["--format", "json"]).json();
    assert_eq!(v["members_added"], json!(["dan"]));
    assert_eq!(v["members_removed"], json!(["victor"]));
    assert_eq!(v["monthly_cost"], json!({"before": 305.0, "after": 275.0}));
    diff(&ws, &["--max-losing", "1"]).code(0);
    diff(&ws, &["--max-losing", "0"])
        .code(1)
        .stderr_has("error[max-losing]: 1 member loses access, more than --max-losing 0");
}

#[test]
fn max_losing_at_its_boundary() {
    let (_repo, ws) = repo();
    // Two members lose: hugo (transfer) and victor (removed).
    run_in(&ws, &["-q", "transfer-one", "hugo", "--to", "connect-pay"]).code(0);
    run_in(&ws, &["-q", "member", "remove", "victor"]).code(0);
    diff(&ws, &["--max-losing", "2"]).code(0);
    diff(&ws, &["--max-losing", "1"]).code(1).stderr_has("2 members lose access");
}

#[test]
fn a_new_profile_file_between_revisions() {
    let (repo, ws) = repo();
    run_in(&ws, &["-q", "profile", "duplicate", "full-accounting", "books-only"]).code(0);
    run_in(&ws, &["-q", "profile", "edit", "books-only", "--set", "clients.export=none"]).code(0);
    run_in(&ws, &["-q", "transfer-one", "thomas", "--to", "books-only"]).code(0);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "books-only"]);
    let v = diff(&ws, &["HEAD~1", "--to", "HEAD", "--format", "json"]).json();
    assert_eq!(v["to"], "HEAD");
    let changes = v["changes"].as_array().expect("changes");
    assert!(changes.contains(&json!({"member": "thomas", "area": "clients", "action": "export", "client": null, "before": "assigned", "after": "none"})));
    // And back: the profile file does not exist at HEAD~1.
    diff(&ws, &["HEAD", "--to", "HEAD~1", "--exit-code"]).code(1);
}

#[test]
fn git_errors_exit_6_with_gits_message() {
    let (_repo, ws) = repo();
    diff(&ws, &["no-such-rev"]).code(6).stderr_has("error[git]: unknown revision `no-such-rev`");
    let outside = Workspace::example();
    outside.run(&["diff"]).code(6).stderr_has("error[git]").stderr_has("not a git repository");
}

#[test]
fn an_invalid_workspace_at_a_revision_is_reported() {
    let (repo, ws) = repo();
    std::fs::write(
        ws.join("members.toml"),
        std::fs::read_to_string(ws.join("members.toml"))
            .expect("read")
            .replace("profile = \"easy-invoicing\"", "profile = \"easy\""),
    )
    .expect("write");
    git(repo.path(), &["commit", "-qam", "broken"]);
    diff(&ws, &["HEAD", "--to", "HEAD~1"])
        .code(1)
        .stderr_has("error[unknown-ref]")
        .stderr_has("the workspace at HEAD has");
}

#[test]
fn fmt_is_idempotent_keeps_comments_and_meaning() {
    let ws = Workspace::example();
    // Its members.toml below has fewer members than the example's teams name.
    std::fs::remove_file(ws.path().join("teams.toml")).expect("remove teams.toml");
    // A messy but valid hand-written members.toml.
    ws.write(
        "members.toml",
        r#"# The team.
# (written by hand)

[members]
zed.name = 'Zed'   # dotted
zed.email = "zed@cabinet-martin.example"
zed.profile = "connect-pay"
zed.status = "invited"
bob = { profile = "easy-invoicing", email = "bob@cabinet-martin.example", name = "Bob Durand", clients = ["acme", "globex"], client_profiles = { acme = "full-accounting" } }  # inline

# The owner.
[members.claire]
profile="admin"        # owner
name   =   "Claire Martin"
email = "claire@cabinet-martin.example"

[members.julie]
# her address
email = "julie@cabinet-martin.example"
name = "Julie Petit"
profile = "connect-no-pay"
clients = [
  "initech",  # first
  "marie-curie",
]

[members.julie.grants]
invoices.view = "assigned"

# end of file
"#,
    );
    // Marc is not in this members.toml: nor is his separation exception.
    let marc = "  { member = \"marc\", reason = \"partner: payments he approves are countersigned by Claire\" },\n";
    ws.edit("workspace.toml", marc, "");
    ws.edit("clients.toml", "created_by = \"bob\"", "created_by = \"claire\"");
    ws.edit("clients.toml", "created_by = \"julie\"", "created_by = \"claire\"");
    let before_check = ws.run(&["check", "--format", "json"]);
    before_check.code(0);
    let before_matrix = ws.run(&["access", "matrix", "--format", "json"]).json();
    ws.run(&["fmt", "--check"]).code(1).stdout_has("would reformat members.toml");
    let text_before = ws.read("members.toml");
    ws.run(&["fmt", "--check"]).code(1);
    assert_eq!(ws.read("members.toml"), text_before, "--check wrote");
    let run = ws.run(&["fmt"]);
    run.code(0).stdout_has("formatted members.toml");
    assert!(!run.stdout.contains("access changed"), "fmt changes no access and says nothing of it:\n{}", run.stdout);
    let formatted = ws.read("members.toml");
    assert_eq!(
        formatted,
        r#"# The team.
# (written by hand)

[members.bob]  # inline
name = "Bob Durand"
email = "bob@cabinet-martin.example"
profile = "easy-invoicing"
clients = ["acme", "globex"]
client_profiles = { acme = "full-accounting" }

# The owner.
[members.claire]
name = "Claire Martin"
email = "claire@cabinet-martin.example"
profile = "admin"        # owner

[members.julie]
name = "Julie Petit"
# her address
email = "julie@cabinet-martin.example"
profile = "connect-no-pay"
# first
clients = ["initech", "marie-curie"]
grants = { invoices = { view = "assigned" } }

[members.zed]
name = "Zed"   # dotted
email = "zed@cabinet-martin.example"
profile = "connect-pay"
status = "invited"

# end of file
"#
    );
    // Same meaning: the same check result and the same access matrix.
    assert_eq!(ws.run(&["check", "--format", "json"]).stdout, before_check.stdout);
    assert_eq!(ws.run(&["access", "matrix", "--format", "json"]).json(), before_matrix);
    // Idempotent.
    ws.run(&["fmt", "--check"]).code(0).stdout_has("every file is formatted");
    ws.run(&["fmt"]).code(0).stdout_has("every file is formatted");
    assert_eq!(ws.read("members.toml"), formatted);
}

#[test]
fn the_example_and_init_workspaces_are_formatted() {
    Workspace::example().run(&["fmt", "--check"]).code(0);
    let dir = Workspace::empty();
    run_in(dir.path(), &["init", "-q"]).code(0);
    run_in(dir.path(), &["fmt", "--check"]).code(0);
}

#[test]
fn fmt_orders_workspace_and_profile_keys() {
    let ws = Workspace::example();
    ws.write("profiles/connect-no-pay.toml", "[grants]\ndocuments = { edit = \"assigned\", view = \"assigned\" }\nclients.view = \"assigned\"\ncalendars = { view = \"all\", edit = \"own\" }\n\n[x]\n");
    ws.run(&["check"]).code(1);
    ws.write("profiles/connect-no-pay.toml", "tier = \"connect\"\nname = \"Connect (no pay)\"  # kept\n\n[grants]\ndocuments = { edit = \"assigned\", view = \"assigned\" }\nclients.view = \"assigned\"\ncalendars = { view = \"all\", edit = \"own\" }\n");
    ws.run(&["fmt", "-q"]).code(0);
    assert_eq!(
        ws.read("profiles/connect-no-pay.toml"),
        "name = \"Connect (no pay)\"  # kept\ntier = \"connect\"\n\n[grants]\nclients = { view = \"assigned\" }\ndocuments = { view = \"assigned\", edit = \"assigned\" }\ncalendars = { view = \"all\", edit = \"own\" }\n"
    );
}

/// Every command of the README's CI recipe, as the recipe runs them.
#[test]
fn the_ci_recipe_runs() {
    let (repo, ws) = repo();
    git(repo.path(), &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    run_in(&ws, &["-q", "client", "assign", "initech", "--to", "lea"]).code(0);
    git(repo.path(), &["commit", "-qam", "lea takes initech"]);
    run_in(repo.path(), &["-w", "perms", "check", "--strict", "--format", "github"]).code(0);
    run_in(repo.path(), &["-w", "perms", "fmt", "--check"]).code(0);
    run_in(repo.path(), &["-w", "perms", "test", "--format", "github"]).code(0);
    // The scan job.
    run_in(repo.path(), &["-w", "perms", "check", "--strict", "--format", "sarif"])
        .code(0)
        .stdout_has("\"version\": \"2.1.0\"");
    run_in(repo.path(), &["-w", "perms", "test", "--format", "junit"]).code(0).stdout_has("<testsuites");
    let md = run_in(repo.path(), &["-w", "perms", "diff", "origin/main", "--format", "markdown"]);
    md.code(0)
        .stdout_has("### roster: access changes from `origin/main` to the working tree")
        .stdout_has("| lea | `clients.view` (Client and contact records) | initech | none | assigned | 🔺 gains |")
        .stdout_has("**Monthly cost:** 305.00 -> 305.00 EUR (+0.00)");
    run_in(repo.path(), &["-w", "perms", "diff", "origin/main", "--max-losing", "10"]).code(0);
}

/// Access that lapses between two revisions (an `until` set before the date
/// of judgement) is lost; on a date before it, nothing changes yet.
#[test]
fn access_that_lapses_between_revisions_is_lost() {
    let (_repo, ws) = repo();
    let members = std::fs::read_to_string(ws.join("members.toml")).expect("read");
    let dated = members.replacen(
        "profile = \"connect-pay\"\nclients = [\"umbrella\"]",
        "profile = \"connect-pay\"\nuntil = 2026-11-29\nclients = [\"umbrella\"]",
        1,
    );
    assert_ne!(dated, members, "lea's entry");
    std::fs::write(ws.join("members.toml"), dated).expect("write");
    // Judged on 2026-11-30 (the suite's date): lea's access has lapsed.
    let v = diff(&ws, &["--format", "json"]).json();
    let changes = v["changes"].as_array().expect("changes");
    assert!(!changes.is_empty() && changes.iter().all(|c| c["member"] == "lea" && c["after"] == "none"), "{v}");
    assert_eq!(v["monthly_cost"], json!({"before": 305.0, "after": 296.0}));
    diff(&ws, &[]).code(0).stdout_has("1 member loses access: lea");
    // Judged on her last day, nothing has lapsed yet.
    run_in(&ws, &["--at", "2026-11-29", "diff"]).code(0).stdout_has("no access changes");
}
