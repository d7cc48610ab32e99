//! Separation of duties and `roster analyze` through the binary: `check`
//! locates a conflict on the member's entry, a change that creates one is
//! refused with nothing written, `diff` and `log` list the conflicts a
//! revision creates or resolves, exceptions follow their member, and
//! `analyze` prints every finding in every format.

use crate::support::{Workspace, git, run_in};

/// Thomas approves payments for his clients (full-accounting); an override
/// that lets him raise their invoices too is the conflict the rule forbids.
const THOMAS: &str = "profile = \"full-accounting\"\nclients = [\"globex\", \"umbrella\"]";
const THOMAS_RAISES: &str = "profile = \"full-accounting\"\nclients = [\"globex\", \"umbrella\"]\ngrants = { invoices = { edit = \"assigned\" } }";

fn files(ws: &Workspace) -> Vec<String> {
    ["workspace.toml", "members.toml", "clients.toml", "tests.toml"]
        .iter()
        .map(|f| std::fs::read_to_string(ws.path().join(f)).unwrap_or_default())
        .collect()
}

#[test]
fn check_reports_a_conflict_on_the_members_entry() {
    let ws = Workspace::example();
    ws.run(&["check", "--strict"]).code(0);
    ws.edit("members.toml", THOMAS, THOMAS_RAISES);
    ws.run(&["check"])
        .code(1)
        .stderr_has("error[separation-of-duties]: member `thomas` holds invoices.edit = assigned (member override) and payments.approve = assigned (profile full-accounting) on globex, umbrella, which the separation rule \"Who raises invoices does not approve payments\" keeps apart")
        .stderr_has("--> members.toml:67:10")
        .stderr_has("or add an exception with a reason to the rule");
    let v = ws.run(&["check", "--format", "json"]).json();
    assert_eq!(v["errors"][0]["code"], "separation-of-duties");
    assert_eq!(v["errors"][0]["file"], "members.toml");
    assert_eq!(v["errors"][0]["line"], 67);
    // An exception with a reason excuses him.
    ws.edit(
        "workspace.toml",
        "exceptions = [\n",
        "exceptions = [\n  { member = \"thomas\", reason = \"audited monthly\" },\n",
    );
    ws.run(&["check", "--strict"]).code(0);
}

#[test]
fn a_change_that_creates_a_conflict_is_refused_and_writes_nothing() {
    let ws = Workspace::example_with_tests();
    let before = files(&ws);
    ws.run(&["member", "edit", "thomas", "--grant", "invoices.edit=assigned"])
        .code(3)
        .stderr_has("error[separation-of-duties]: member `thomas` holds invoices.edit = assigned (member override)")
        .stderr_has("the change would break 1 rule")
        .stderr_has("help: lower invoices.edit or payments.approve for `thomas`");
    ws.run(&["--dry-run", "member", "edit", "thomas", "--grant", "invoices.edit=assigned"]).code(3);
    assert_eq!(files(&ws), before);
    // Judged client by client: under advanced-commercial for globex he raises
    // its invoices but approves none of its payments; umbrella's he approves
    // but does not raise. No conflict.
    ws.run(&["--dry-run", "transfer-one", "thomas", "--to", "advanced-commercial", "--client", "globex"]).code(0);
    // The same for a rule judged across clients: a conflict, refused (Bob,
    // who raises invoices and approves ACME's payments, excused).
    ws.edit(
        "workspace.toml",
        "per_client = true\nexceptions = [\n",
        "per_client = false\nexceptions = [\n  { member = \"bob\", reason = \"test\" },\n",
    );
    ws.run(&["transfer-one", "thomas", "--to", "advanced-commercial", "--client", "globex"]).code(3).stderr_has(
        "member `thomas` holds invoices.edit = all (per-client profile advanced-commercial for globex) and payments.approve = assigned (profile full-accounting), which",
    );
}

#[test]
fn diff_and_log_list_the_conflicts_a_revision_creates_and_resolves() {
    let ws = Workspace::example();
    let dir = ws.path();
    git(dir, &["init", "-q"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", "start"]);
    ws.edit("members.toml", THOMAS, THOMAS_RAISES);
    let run = run_in(dir, &["diff"]);
    run.code(0).stdout_has(
        "separation of duties, conflict created: member `thomas` holds invoices.edit = assigned (member override)",
    );
    let v = run_in(dir, &["diff", "--format", "json"]).json();
    assert_eq!(v["conflicts"][0]["member"], "thomas");
    assert_eq!(v["conflicts"][0]["change"], "created");
    assert_eq!(v["conflicts"][0]["rule"], "Who raises invoices does not approve payments");
    run_in(dir, &["diff", "--format", "markdown"]).stdout_has("⛔ **Separation of duties, conflict created:**");
    git(dir, &["commit", "-qam", "thomas raises invoices"]);
    // Claire's exception ends: a conflict created by workspace.toml alone, no access changed.
    ws.edit("workspace.toml", "  { member = \"claire\", until = 2030-06-30, reason = \"interim until the second partner retires; approved by the partners\" },\n", "");
    ws.edit("members.toml", THOMAS_RAISES, THOMAS);
    git(dir, &["commit", "-qam", "end claire's exception; thomas no longer raises invoices"]);
    let v = run_in(dir, &["log", "--format", "json"]).json();
    let conflicts = &v[0]["conflicts"];
    assert_eq!(conflicts.as_array().map(Vec::len), Some(2), "{v:#}");
    assert_eq!((&conflicts[0]["member"], &conflicts[0]["change"]), (&"claire".into(), &"created".into()));
    assert_eq!((&conflicts[1]["member"], &conflicts[1]["change"]), (&"thomas".into(), &"resolved".into()));
    assert_eq!(v[1]["conflicts"][0]["change"], "created");
    run_in(dir, &["log", "--member", "thomas", "--limit", "1"])
        .code(0)
        .stdout_has("separation of duties, conflict resolved: member `thomas`");
}

#[test]
fn exceptions_follow_their_member() {
    let ws = Workspace::example();
    ws.run(&["member", "rename", "marc", "marc.lefevre"])
        .code(0)
        .stdout_has("workspace: marc -> marc.lefevre in 1 separation exception");
    assert!(ws.read("workspace.toml").contains("{ member = \"marc.lefevre\", reason = "));
    ws.run(&["member", "remove", "marc.lefevre"])
        .code(0)
        .stdout_has("workspace: marc.lefevre's exception to \"Who raises invoices does not approve payments\" removed");
    assert!(!ws.read("workspace.toml").contains("marc"));
    ws.run(&["check", "--strict"]).code(0);
    ws.run(&["fmt", "--check"]).code(0);
}

#[test]
fn bad_rules_are_located_with_a_fix() {
    let ws = Workspace::example();
    ws.edit(
        "workspace.toml",
        "actions = [\"invoices.edit\", \"payments.approve\"]",
        "actions = [\"invoices.edit\", \"payments.aprove\"]",
    );
    ws.edit("workspace.toml", "{ member = \"marc\",", "{ member = \"mark\",");
    ws.run(&["check"])
        .code(1)
        .stderr_has("error[bad-value]: area `payments` has no action `aprove`")
        .stderr_has("did you mean `approve`?")
        .stderr_has("error[unknown-ref]: an exception to the separation rule \"Who raises invoices does not approve payments\" names the member `mark`, which does not exist")
        .stderr_has("did you mean `marc`?")
        .stderr_has("--> workspace.toml:");
    let ws = Workspace::example();
    ws.edit("workspace.toml", "per_client = true\nexceptions", "per_client = \"yes\"\nexceptions");
    ws.edit("workspace.toml", "until = 2030-06-30", "until = \"soon\"");
    ws.run(&["check"]).code(1).stderr_has("error[bad-value]").stderr_has("until = 2026-12-31");
}

#[test]
fn analyze_in_every_format() {
    let ws = rich();
    let v = ws.run(&["analyze", "--format", "json"]).json();
    let codes: Vec<&str> =
        v["findings"].as_array().expect("findings").iter().map(|f| f["code"].as_str().expect("code")).collect();
    assert_eq!(
        codes,
        [
            "over-licensed",
            "per-client-licence",
            "idle-seat",
            "idle-seat",
            "identical-profiles",
            "unused-profile",
            "unused-profile"
        ]
    );
    let total: f64 =
        v["findings"].as_array().expect("findings").iter().filter_map(|f| f["monthly_saving"].as_f64()).sum();
    assert_eq!(v["monthly_saving"].as_f64(), Some(total));
    // Every key of SPEC §13's shape, and no other.
    let keys: Vec<&str> = v["findings"][0].as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(keys, ["code", "subject", "message", "monthly_saving"]);
    // Read only: nothing changes.
    let before = files(&ws);
    ws.run(&["analyze"]).code(0).stdout_has("monthly saving: ");
    assert_eq!(files(&ws), before);
}

/// The example with one of each finding: an over-licensed profile (a copy of
/// connect-pay on the invoicing tier, which Julie uses) and an identical,
/// unused copy of advanced-commercial.
pub fn rich() -> Workspace {
    let ws = Workspace::example();
    let pay = ws
        .read("profiles/connect-pay.toml")
        .replace("tier = \"connect\"", "tier = \"invoicing\"")
        .replace("builtin = true\n", "");
    ws.write("profiles/pay-plus.toml", pay);
    ws.edit("members.toml", "profile = \"connect-no-pay\"", "profile = \"pay-plus\"");
    ws.edit(
        "members.toml",
        "grants = { invoices = { view = \"assigned\" } }    # \"yes, if enabled\": sees invoices\n",
        "",
    );
    let copy = ws.read("profiles/advanced-commercial.toml").replace("builtin = true\n", "");
    ws.write("profiles/commercial-copy.toml", copy);
    ws
}

#[test]
fn claires_exception_warns_before_it_ends_and_excuses_nothing_after() {
    let ws = Workspace::example();
    // The tests judge on 2026-11-30: the exception ends on 2030-06-30.
    ws.run(&["check", "--strict"]).code(0);
    ws.run(&["--at", "2030-06-20", "check", "--strict"])
        .code(1)
        .stderr_has("warning[expires-soon]: the exception of `claire` to the separation rule \"Who raises invoices does not approve payments\" ends on 2030-06-30");
    ws.run(&["--at", "2030-06-30", "check"]).code(0);
    ws.run(&["--at", "2030-07-01", "check"])
        .code(1)
        .stderr_has("warning[expired]: the exception of `claire`")
        .stderr_has("error[separation-of-duties]: member `claire` holds invoices.edit = all (admin profile admin) and payments.approve = all (admin profile admin) on every client, which the separation rule \"Who raises invoices does not approve payments\" keeps apart; their exception ended on 2030-06-30")
        .stderr_has("an admin holds everything and cannot be limited");
    let v = ws.run(&["--at", "2030-06-20", "analyze", "--format", "json"]).json();
    let found: Vec<&serde_json::Value> =
        v["findings"].as_array().expect("findings").iter().filter(|f| f["code"] == "expires-soon").collect();
    assert_eq!(found.len(), 1, "{v:#}");
    assert_eq!(found[0]["subject"], "claire");
    assert_eq!(found[0]["monthly_saving"], serde_json::Value::Null);
}
