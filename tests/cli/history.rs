//! History (`--rev` and `roster log`) in real git repositories: several
//! authors, a commit outside the workspace, a merge, a workspace in a
//! subfolder, a commit that breaks the workspace and the one that fixes it.
//! Every read command at a revision prints what it prints in a checkout of
//! that revision; the log's outputs are pinned whole.

use crate::support::{Run, run_in};
use serde_json::json;
use std::path::PathBuf;

const WORKSPACE: &str = r#"[workspace]
name = "Cabinet Test"
owner = "claire"
default_profile = "assistant"
currency = "EUR"

[areas.clients]
label = "Client records"
actions = ["view", "edit"]
levels = ["none", "assigned", "all"]
per_client = true

[areas.invoices]
label = "Invoices and payments"
actions = ["view", "edit"]
levels = ["none", "assigned", "all"]
per_client = true

[areas.settings]
label = "Workspace settings"
actions = ["view", "edit"]
levels = ["none", "all"]

[tiers.basic]
label = "Basic"
price = 10.0

[tiers.basic.ceiling]
clients = { view = "assigned", edit = "assigned" }

[tiers.pro]
label = "Pro"
price = 30.0

[tiers.pro.ceiling]
clients = { view = "all", edit = "all" }
invoices = { view = "all", edit = "assigned" }

[tiers.admin]
label = "Admin"
price = 50.0

[tiers.admin.ceiling]
clients = { view = "all", edit = "all" }
invoices = { view = "all", edit = "all" }
settings = { view = "all", edit = "all" }
"#;

const ADMIN: &str = "name = \"Administrator\"\ntier = \"admin\"\nbuiltin = true\nadmin = true\n";
const ASSISTANT: &str = "name = \"Assistant\"\ntier = \"basic\"\nbuiltin = true\n\n[grants]\nclients = { view = \"assigned\", edit = \"assigned\" }\n";
const ACCOUNTANT: &str = "name = \"Accountant\"\ntier = \"pro\"\n\n[grants]\nclients = { view = \"assigned\", edit = \"assigned\" }\ninvoices = { view = \"assigned\", edit = \"assigned\" }\n";

const MEMBERS: &str = r#"[members.bob]
name = "Bob Durand"
email = "bob@example.com"
profile = "assistant"
clients = ["acme"]

[members.claire]
name = "Claire Martin"
email = "claire@example.com"
profile = "admin"

[members.eve]
name = "Eve Roux"
email = "eve@example.com"
profile = "accountant"
clients = ["globex"]
"#;

const CLIENTS: &str = r#"[clients.acme]
name = "ACME SA"
kind = "company"

[clients.globex]
name = "Globex"
kind = "company"

[clients.jean]
name = "Jean Dupont"
kind = "contact"
company = "acme"
"#;

/// A repository and its workspace folder (`perms/`).
struct Repo {
    _dir: tempfile::TempDir,
    top: PathBuf,
    ws: PathBuf,
}

impl Repo {
    /// Runs git as `who` (name and email), on `date` (`2026-03-DD`).
    fn git_as(&self, who: &str, day: u32, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(&self.top)
            .args(["-c", &format!("user.name={who}"), "-c", &format!("user.email={}@example.com", who.to_lowercase())])
            .args(["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "merge.ff=false"])
            .args(args)
            .env("GIT_AUTHOR_DATE", format!("2026-03-{day:02}T10:00:00+01:00"))
            .env("GIT_COMMITTER_DATE", format!("2026-03-{day:02}T10:00:00+01:00"))
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn commit(&self, who: &str, day: u32, message: &str) {
        self.git_as(who, day, &["add", "-A"]);
        self.git_as(who, day, &["commit", "-qm", message]);
    }

    fn write(&self, name: &str, text: &str) {
        let path = self.ws.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn edit(&self, name: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.ws.join(name)).expect("read");
        assert!(text.contains(from), "{name} lacks {from:?}");
        self.write(name, &text.replacen(from, to, 1));
    }

    /// roster, run inside the workspace folder.
    fn roster(&self, args: &[&str]) -> Run {
        run_in(&self.ws, args)
    }

    /// The short hash of each commit, oldest first, with its subject.
    fn hashes(&self) -> Vec<(String, String)> {
        let out = self.git_as("T", 1, &["log", "--all", "--reverse", "--format=%h %s"]);
        out.lines().filter_map(|l| l.split_once(' ')).map(|(h, s)| (h.to_string(), s.to_string())).collect()
    }

    /// stdout, stderr and the exit code, with the temporary folder and each
    /// commit's hash (`[#N]`, N counting commits from the oldest) replaced.
    fn transcript(&self, run: &Run) -> String {
        let mut text = format!("exit: {}\n--- stdout\n{}--- stderr\n{}", run.code, run.stdout, run.stderr);
        text = text.replace(&self.top.to_string_lossy().into_owned(), "[REPO]");
        for (i, (hash, _)) in self.hashes().iter().enumerate() {
            text = text.replace(hash.as_str(), &format!("[#{i}]"));
        }
        text
    }
}

/// The history the tests read, oldest first (`[#N]` in the snapshots):
/// 0 README only (Alice), 1 the workspace in `perms/` (Claire), 2 Bob becomes
/// an accountant (Claire), 3 README again (Alice), 4 Dan is hired on a branch
/// (Dan), 5 Globex is assigned to Bob on main (Bob), 6 the merge (Claire),
/// 7 a typo breaks the workspace, 8 it is fixed (Claire), 9 Eve leaves
/// (Alice), 10 accountants see every invoice (Claire).
fn history() -> Repo {
    let dir = tempfile::tempdir().expect("tempdir");
    let top = dir.path().to_path_buf();
    let repo = Repo { ws: top.join("perms"), top, _dir: dir };
    repo.git_as("Alice", 1, &["init", "-q"]);
    std::fs::write(repo.top.join("README"), "Our permissions live in perms/.\n").expect("write");
    repo.commit("Alice", 1, "Start the repository");
    repo.write("workspace.toml", WORKSPACE);
    repo.write("profiles/admin.toml", ADMIN);
    repo.write("profiles/assistant.toml", ASSISTANT);
    repo.write("profiles/accountant.toml", ACCOUNTANT);
    repo.write("members.toml", MEMBERS);
    repo.write("clients.toml", CLIENTS);
    repo.roster(&["check"]).code(0);
    repo.commit("Claire", 2, "Set up the workspace");
    repo.roster(&["-q", "transfer-one", "bob", "--to", "accountant"]).code(0);
    repo.commit("Claire", 3, "Give Bob ACME's invoices");
    std::fs::write(repo.top.join("README"), "Permissions: see perms/, checked by roster.\n").expect("write");
    repo.commit("Alice", 4, "Say how the permissions are checked");
    repo.git_as("Dan", 5, &["checkout", "-qb", "hire-dan"]);
    repo.roster(&[
        "-q",
        "member",
        "add",
        "dan",
        "--name",
        "Dan Lee",
        "--email",
        "dan@example.com",
        "--client",
        "globex",
    ])
    .code(0);
    repo.commit("Dan", 5, "Hire Dan");
    repo.git_as("Bob", 6, &["checkout", "-q", "main"]);
    repo.roster(&["-q", "client", "assign", "globex", "--to", "bob"]).code(0);
    repo.commit("Bob", 6, "Globex for Bob");
    repo.git_as("Claire", 7, &["merge", "-q", "--no-edit", "hire-dan", "-m", "Merge branch 'hire-dan'"]);
    repo.edit(
        "members.toml",
        "profile = \"accountant\"\nclients = [\"globex\"]",
        "profile = \"acountant\"\nclients = [\"globex\"]",
    );
    repo.commit("Claire", 8, "Tidy Eve's entry");
    repo.edit("members.toml", "profile = \"acountant\"", "profile = \"accountant\"");
    repo.commit("Claire", 9, "Fix the typo in Eve's profile");
    repo.roster(&["-q", "member", "remove", "eve"]).code(0);
    repo.commit("Alice", 10, "Eve leaves");
    repo.roster(&["-q", "profile", "edit", "accountant", "--set", "invoices.view=all"]).code(0);
    repo.commit("Claire", 11, "Accountants see every invoice");
    repo
}

fn pin(repo: &Repo, cases: &[(&str, &[&str])]) {
    for (name, args) in cases {
        let run = repo.roster(args);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        insta::with_settings!({ description => args.join(" "), omit_expression => true }, {
            insta::assert_snapshot!(*name, repo.transcript(&run));
        });
    }
}

#[test]
fn log_outputs() {
    let repo = history();
    pin(
        &repo,
        &[
            ("log", &["log"]),
            ("log_json", &["log", "--format", "json"]),
            ("log_markdown", &["log", "--format", "markdown"]),
            ("log_csv", &["log", "--format", "csv"]),
            ("log_member", &["log", "--member", "bob"]),
            ("log_auditor", &["log", "--member", "bob", "--client", "acme", "--area", "invoices"]),
            (
                "log_auditor_json",
                &["log", "--member", "bob", "--client", "acme", "--area", "invoices", "--format", "json"],
            ),
            ("log_client", &["log", "--client", "globex"]),
            ("log_area_action", &["log", "--area", "invoices.view"]),
            ("log_limit", &["log", "--limit", "2"]),
            ("log_range", &["log", "HEAD~3..HEAD~1"]),
            ("log_arrival", &["log", "--member", "claire"]),
            ("log_nothing", &["log", "--member", "dan", "HEAD~2..HEAD"]),
            ("log_not_in_range", &["log", "--member", "eve", "HEAD~1..HEAD"]),
        ],
    );
}

/// The auditor's question, answered in one command: the commit, its author
/// and date, and the change.
#[test]
fn when_did_bob_get_acmes_invoices() {
    let repo = history();
    let v = repo
        .roster(&["log", "--member", "bob", "--client", "acme", "--area", "invoices", "--format", "json"])
        .code(0)
        .json();
    let commits = v.as_array().expect("array");
    assert_eq!(commits.len(), 1, "{v:#}");
    assert_eq!(commits[0]["subject"], "Give Bob ACME's invoices");
    assert_eq!(commits[0]["author"], "Claire");
    assert_eq!(commits[0]["date"], "2026-03-03T10:00:00+01:00");
    assert!(commits[0]["changes"].as_array().expect("changes").contains(&json!(
        {"member": "bob", "area": "invoices", "action": "view", "client": "acme", "before": "none", "after": "assigned"}
    )));
}

/// Filters: a member's arrival counts as gaining what they arrive with; a
/// commit left empty by the filters is not shown; a broken commit always is.
#[test]
fn filters_narrow_each_commit() {
    let repo = history();
    let subjects = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["log", "--format", "json"];
        all.extend_from_slice(args);
        let v = repo.roster(&all).code(0).json();
        v.as_array().expect("array").iter().map(|c| c["subject"].as_str().expect("subject").to_string()).collect()
    };
    assert_eq!(subjects(&["--member", "dan"]), ["Merge branch 'hire-dan'"]);
    // Dan arrives without invoices; Eve leaves with Globex's, which she arrived with.
    assert_eq!(
        subjects(&["--client", "globex", "--area", "invoices.edit"]),
        ["Eve leaves", "Globex for Bob", "Set up the workspace"]
    );
    assert_eq!(subjects(&["--area", "settings"]), ["Set up the workspace"]);
    // Dan arrives with globex's records, through his assignment.
    let v = repo.roster(&["log", "--member", "dan", "--client", "globex", "--format", "json"]).code(0).json();
    let merge = v.as_array().expect("array").iter().find(|c| c["subject"] == "Merge branch 'hire-dan'").expect("merge");
    assert!(merge["changes"].as_array().expect("changes").contains(&json!(
        {"member": "dan", "area": "clients", "action": "view", "client": "globex", "before": "none", "after": "assigned"}
    )));
    // The commit outside the workspace is never shown; the limit counts what is shown.
    let all = subjects(&[]);
    assert_eq!(all.len(), 8, "{all:?}");
    assert!(!all.iter().any(|s| s.contains("README") || s.contains("how the permissions")));
    assert_eq!(subjects(&["--member", "bob", "--limit", "1"]), ["Accountants see every invoice"]);
}

/// Each read command at a revision prints what it prints in a checkout of that revision.
#[test]
fn every_read_command_reads_the_revision() {
    let repo = history();
    let checkout = tempfile::tempdir().expect("tempdir");
    let at = checkout.path().join("wt");
    let commands: &[&[&str]] = &[
        &["check", "--strict"],
        &["check", "--format", "json"],
        &["fmt", "--check"],
        &["test"],
        &["member", "list"],
        &["member", "list", "--format", "json"],
        &["member", "show", "bob"],
        &["member", "show", "eve", "--format", "json"],
        &["profile", "list"],
        &["profile", "show", "accountant"],
        &["profile", "compare", "assistant", "accountant"],
        &["profile", "default"],
        &["client", "list"],
        &["client", "list", "--member", "bob"],
        &["access", "check", "bob", "invoices.view", "--client", "jean"],
        &["access", "who-can", "invoices.view", "--client", "acme"],
        &["access", "matrix", "--format", "csv"],
        &["access", "matrix"],
        &["export", "members"],
        &["export", "profiles"],
        &["export", "clients", "--format", "json"],
        &["export", "assignments", "--format", "json"],
        &["export", "matrix"],
        &["test", "--format", "junit"],
        &["check", "--format", "sarif"],
    ];
    for rev in ["HEAD~1", "HEAD~4", "HEAD~6"] {
        repo.git_as("T", 1, &["worktree", "add", "-q", "--detach", &at.to_string_lossy(), rev]);
        for args in commands {
            let mut with_rev = vec!["--rev", rev];
            with_rev.extend_from_slice(args);
            let got = repo.roster(&with_rev);
            let want = run_in(&at.join("perms"), args);
            assert_eq!(got.code, want.code, "{rev} {args:?}\n{}\n{}", got.stderr, want.stderr);
            // `check` says which revision it read.
            let stdout = got.stdout.replace(&format!(" at `{rev}`"), "");
            assert_eq!(stdout, want.stdout, "{rev} {args:?}");
        }
        repo.git_as("T", 1, &["worktree", "remove", "--force", &at.to_string_lossy()]);
    }
    // The working tree is not read: a change not committed does not show.
    repo.roster(&["-q", "member", "edit", "bob", "--name", "Robert"]).code(0);
    repo.roster(&["--rev", "HEAD", "member", "show", "bob"]).code(0).stdout_has("Bob Durand");
    repo.roster(&["member", "show", "bob"]).code(0).stdout_has("Robert");
    // `--rev` before or after the command.
    repo.roster(&["member", "show", "eve", "--rev", "HEAD~1"]).code(4);
    repo.roster(&["member", "show", "eve", "--rev", "HEAD~2"]).code(0);
}

#[test]
fn a_revision_read_says_which() {
    let repo = history();
    pin(
        &repo,
        &[
            ("rev_check", &["--rev", "HEAD~5", "check"]),
            ("rev_check_broken", &["--rev", "HEAD~3", "check"]),
            ("rev_member_list_broken", &["--rev", "HEAD~3", "member", "list"]),
            ("rev_before_the_workspace", &["--rev", "HEAD~9", "member", "list"]),
            ("rev_unknown", &["--rev", "no-such-branch", "member", "list"]),
            ("rev_change", &["--rev", "HEAD~1", "member", "edit", "bob", "--name", "Robert"]),
        ],
    );
}

#[test]
fn bad_input() {
    let repo = history();
    // A change with --rev, whatever it is: usage, nothing written.
    let before = std::fs::read_to_string(repo.ws.join("members.toml")).expect("read");
    for args in [
        &["--rev", "HEAD", "member", "add", "zoe", "--name", "Zoe", "--email", "zoe@example.com"][..],
        &["--rev", "HEAD", "fmt"],
        &["--rev", "HEAD", "--dry-run", "client", "assign", "acme", "--to", "claire"],
        &["--rev", "HEAD", "profile", "default", "accountant"],
        &["--rev", "HEAD", "init", "elsewhere"],
        &["--rev", "HEAD", "import", "members", "no-such.csv"],
        &["--rev", "HEAD", "transfer-all", "accountant", "--to", "assistant"],
        &["--rev", "HEAD", "diff"],
        &["--rev", "HEAD", "log"],
        &["--rev", "HEAD", "completions", "bash"],
        &["--rev", "HEAD", "schema"],
        &["--rev", "HEAD", "man", "--out", "elsewhere"],
    ] {
        repo.roster(args).code(2).stderr_has("error[usage]: --rev HEAD");
    }
    assert_eq!(std::fs::read_to_string(repo.ws.join("members.toml")).expect("read"), before);
    assert!(!repo.top.join("elsewhere").exists());
    // Revisions that begin with `-` never reach git: were they options,
    // `--output=FILE` would make git write FILE.
    let out = repo.top.join("out");
    let option = format!("--output={}", out.display());
    repo.roster(&[&format!("--rev={option}"), "member", "list"]).code(2).stderr_has("never begins with `-`");
    repo.roster(&["log", "--", &option]).code(2).stderr_has("never begins with `-`");
    repo.roster(&["log", "-p"]).code(2);
    assert!(!out.exists(), "git took a revision for an option");
    // git's reasons.
    repo.roster(&["--rev", "nope", "check"])
        .code(6)
        .stderr_has("error[git]: unknown revision `nope`: bad revision 'nope'");
    repo.roster(&["log", "nope..HEAD"]).code(6).stderr_has("bad revision 'nope..HEAD'");
    repo.roster(&["--rev", "HEAD:perms", "check"]).code(6).stderr_has("`HEAD:perms` is not a commit");
    repo.roster(&["--rev", "HEAD~2..HEAD", "check"]).code(2).stderr_has("names a range");
    // Filters: bad ids are usage errors; an unknown member that no commit names is not found.
    repo.roster(&["log", "--member", "Bob!"]).code(2).stderr_has("--member `Bob!` is not an id");
    repo.roster(&["log", "--area", "invoices.viewx"]).code(4).stderr_has("did you mean `view`?");
    repo.roster(&["log", "--area", "Invoices"]).code(2);
    repo.roster(&["log", "--member", "bbo"]).code(4).stderr_has("did you mean `bob`?");
    repo.roster(&["log", "--limit", "0"]).code(2);
    // Outside a repository.
    let outside = tempfile::tempdir().expect("tempdir");
    crate::support::copy_dir(&repo.ws, outside.path());
    run_in(outside.path(), &["log"]).code(6).stderr_has("not a git repository");
    run_in(outside.path(), &["--rev", "HEAD", "check"]).code(6).stderr_has("not a git repository");
}

/// The walk stops at the commit that created the workspace, says so once,
/// and an empty range or a repository without commits is plain.
#[test]
fn edges_of_history() {
    let repo = history();
    let run = repo.roster(&["log", "--format", "json"]);
    run.code(0);
    assert_eq!(run.stderr.matches("there is no workspace in `perms` before commit").count(), 1, "{}", run.stderr);
    repo.roster(&["log", "HEAD..HEAD"]).code(0).stdout_has("no commit in HEAD..HEAD changed the workspace");
    // The workspace folder removed, then put back: the log stops at its new beginning.
    repo.git_as("Claire", 12, &["rm", "-rq", "perms"]);
    repo.git_as("Claire", 12, &["commit", "-qm", "Remove the workspace"]);
    repo.git_as("Claire", 13, &["revert", "--no-edit", "HEAD"]);
    let run = repo.roster(&["log", "--format", "json", "--limit", "2"]);
    run.code(0);
    assert_eq!(run.stderr.matches("there is no workspace in `perms` before commit").count(), 1, "{}", run.stderr);
    let v = run.json();
    assert_eq!(v[0]["subject"], "Revert \"Remove the workspace\"");
    assert_eq!(v[0]["members_added"], json!(["bob", "claire", "dan"]));
    assert_eq!(v[0]["monthly_cost"]["before"], json!(0.0));
    assert_eq!(v.as_array().expect("array").len(), 1, "{v:#}");
    // A repository with no commit yet.
    let fresh = tempfile::tempdir().expect("tempdir");
    crate::support::copy_dir(&repo.ws, fresh.path());
    let out = std::process::Command::new("git").arg("-C").arg(fresh.path()).args(["init", "-q"]).output().expect("git");
    assert!(out.status.success());
    run_in(fresh.path(), &["log"]).code(6).stderr_has("error[git]");
}

/// A workspace folder whose name begins with `-` is a path, never an option.
#[test]
fn a_folder_named_like_an_option() {
    let repo = history();
    repo.git_as("Claire", 12, &["mv", "--", "perms", "-perms"]);
    repo.commit("Claire", 12, "Rename the folder");
    let ws = repo.top.join("-perms");
    run_in(&ws, &["--rev", "HEAD", "member", "list"]).code(0).stdout_has("bob");
    let v = run_in(&ws, &["log", "--format", "json", "--limit", "1"]).code(0).json();
    assert_eq!(v[0]["subject"], "Rename the folder");
}

/// The range is git's: a merge's side commits are not walked (first parent),
/// and `A..B` walks B's history back to A.
#[test]
fn ranges_are_gits() {
    let repo = history();
    let subjects = |range: &str| -> Vec<String> {
        let v = repo.roster(&["log", range, "--format", "json"]).code(0).json();
        v.as_array().expect("array").iter().map(|c| c["subject"].as_str().expect("subject").to_string()).collect()
    };
    assert_eq!(subjects("HEAD~2..HEAD"), ["Accountants see every invoice", "Eve leaves"]);
    assert_eq!(subjects("hire-dan"), ["Hire Dan", "Give Bob ACME's invoices", "Set up the workspace"]);
    assert!(!subjects("HEAD").contains(&"Hire Dan".to_string()));
    // Two tips: each commit is read as it is.
    let both = subjects("hire-dan...HEAD~5");
    assert_eq!(both.len(), 2, "{both:?}");
}
