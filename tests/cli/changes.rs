//! Every change command through the binary: what it prints, the files after,
//! and each refusal leaving the files as they were.

use crate::support::{Workspace, run_in};
use serde_json::json;
use std::collections::BTreeMap;

/// Every file of the workspace, to compare before and after a refusal.
fn snapshot(ws: &Workspace) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for name in ["workspace.toml", "members.toml", "clients.toml"] {
        out.insert(name.to_string(), ws.read(name));
    }
    for e in std::fs::read_dir(ws.path().join("profiles")).expect("profiles") {
        let name = format!("profiles/{}", e.expect("entry").file_name().to_string_lossy());
        out.insert(name.clone(), ws.read(&name));
    }
    out
}

/// Runs a change that must be refused with `code`, and checks nothing moved.
#[track_caller]
fn refused(ws: &Workspace, args: &[&str], code: i32, says: &str) {
    let before = snapshot(ws);
    ws.run(args).code(code).stderr_has(says);
    assert_eq!(snapshot(ws), before, "{args:?} changed files although it was refused");
    let stray: Vec<_> = std::fs::read_dir(ws.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".roster-"))
        .collect();
    assert!(stray.is_empty(), "stray files: {stray:?}");
}

#[test]
fn member_add_prints_facts_and_writes_the_entry() {
    let ws = Workspace::example();
    ws.run(&[
        "member",
        "add",
        "dan",
        "--name",
        "Dan Marchand",
        "--email",
        "dan@cabinet-martin.example",
        "--client",
        "acme",
    ])
    .code(0)
    .stdout_has("dan: added as active with profile connect-pay (Connect 9.00 EUR/month)")
    .stdout_has("dan: assigned acme")
    .stdout_has("monthly cost: 305.00 -> 314.00 EUR");
    // members.toml is sorted by id: dan goes between claire and hugo.
    assert!(ws.read("members.toml").contains("profile = \"admin\"\n\n[members.dan]\nname = \"Dan Marchand\"\nemail = \"dan@cabinet-martin.example\"\nprofile = \"connect-pay\"\nclients = [\"acme\"]\n\n[members.hugo]\n"));
    ws.run(&["fmt", "--check"]).code(0);
    let v = ws.run(&["member", "show", "dan", "--format", "json"]).json();
    assert_eq!(v["clients"], json!(["acme"]));
    ws.run(&["check", "--strict"]).code(0);
}

#[test]
fn member_add_refusals() {
    let ws = Workspace::example();
    refused(
        &ws,
        &["member", "add", "bob", "--name", "B", "--email", "b2@x.example"],
        3,
        "error[exists]: member `bob` already exists",
    );
    refused(
        &ws,
        &["member", "add", "Dan", "--name", "D", "--email", "d@x.example"],
        3,
        "error[bad-value]: `Dan` is not a valid member id",
    );
    refused(
        &ws,
        &["member", "add", "dan", "--name", "D", "--email", "BOB@cabinet-martin.example"],
        3,
        "error[duplicate-email]",
    );
    refused(&ws, &["member", "add", "dan", "--name", "D", "--email", "not-an-email"], 3, "error[bad-value]");
    refused(
        &ws,
        &["member", "add", "dan", "--name", "D", "--email", "d@x.example", "--profile", "nope"],
        4,
        "no profile named `nope`",
    );
    refused(
        &ws,
        &["member", "add", "dan", "--name", "D", "--email", "d@x.example", "--client", "acm"],
        4,
        "did you mean `acme`?",
    );
}

#[test]
fn member_edit_every_field() {
    let ws = Workspace::example();
    let run = ws.run(&[
        "member",
        "edit",
        "bob",
        "--name",
        "Robert Durand",
        "--email",
        "robert@cabinet-martin.example",
        "--status",
        "invited",
        "--credit-limit",
        "250",
        "--grant",
        "clients.view=assigned",
    ]);
    run.code(0)
        .stdout_has("bob: name Bob Durand -> Robert Durand")
        .stdout_has("bob: status active -> invited")
        .stdout_has("bob: credit limit 200 credits/month -> 250 credits/month")
        .stdout_has("sign in again (their access changed): bob");
    let text = ws.read("members.toml");
    assert!(text.contains("[members.bob]\nname = \"Robert Durand\"\nemail = \"robert@cabinet-martin.example\"\nprofile = \"easy-invoicing\"\nstatus = \"invited\"\nclients = [\"acme\", \"globex\"]\nclient_profiles = { acme = \"full-accounting\" }   # keeps ACME's books\ncredit_limit = 250\ngrants = { clients = { view = \"assigned\" } }\n"), "{text}");
    ws.run(&["member", "edit", "bob", "--status", "active", "--no-credit-limit", "--revoke-grant", "clients.view"])
        .code(0)
        .stdout_has("bob: override clients.view revoked");
    let v = ws.run(&["member", "show", "bob", "--format", "json"]).json();
    assert_eq!(
        (v["status"].clone(), v["credit_limit"].clone(), v["grants"].clone()),
        (json!("active"), json!(null), json!({}))
    );
}

#[test]
fn member_edit_refusals() {
    let ws = Workspace::example();
    refused(
        &ws,
        &["member", "edit", "claire", "--status", "suspended"],
        3,
        "error[owner]: the owner `claire` can't be suspended",
    );
    refused(&ws, &["member", "edit", "bob", "--grant", "clients.export=assigned"], 3, "error[above-ceiling]");
    refused(
        &ws,
        &["member", "edit", "julie", "--grant", "documents.edit=all"],
        3,
        "above the `connect` tier's ceiling",
    );
    refused(
        &ws,
        &["member", "edit", "bob", "--grant", "invoices.pay=all"],
        4,
        "no action of area `invoices` named `pay`",
    );
    refused(&ws, &["member", "edit", "bob", "--grant", "invoice.view=all"], 4, "did you mean `invoices`?");
    refused(&ws, &["member", "edit", "bob", "--grant", "invoices.view=most"], 2, "not a level");
    refused(&ws, &["member", "edit", "bob"], 2, "nothing to change");
    refused(&ws, &["member", "edit", "bob", "--credit-limit", "5", "--no-credit-limit"], 2, "cannot be used with");
    refused(&ws, &["member", "edit", "zed", "--name", "Z"], 4, "no member named `zed`");
}

#[test]
fn member_remove_and_its_refusals() {
    let ws = Workspace::example();
    refused(&ws, &["member", "remove", "claire"], 3, "error[owner]: `claire` is the owner and can't be removed");
    ws.run(&["member", "remove", "bob"])
        .code(0)
        .stdout_has("bob: removed (Bob Durand, profile easy-invoicing)")
        .stdout_has("luc-girard: created_by bob removed");
    assert!(!ws.read("members.toml").contains("[members.bob]"));
    assert!(!ws.read("clients.toml").contains("created_by = \"bob\""));
    ws.run(&["check", "--strict"]).code(0);
}

#[test]
fn profile_duplicate_then_restrict() {
    let ws = Workspace::example();
    ws.run(&[
        "profile",
        "duplicate",
        "connect-pay",
        "connect-lite",
        "--name",
        "Connect lite",
        "--description",
        "Read only",
    ])
    .code(0)
    .stdout_has("connect-lite: new profile \"Connect lite\", a copy of connect-pay (Connect 9.00)");
    let copy = ws.read("profiles/connect-lite.toml");
    assert!(
        copy.starts_with("name = \"Connect lite\"\ndescription = \"Read only\"\ntier = \"connect\"\n\n[grants]\n"),
        "{copy}"
    );
    assert!(!copy.contains("builtin"));
    ws.run(&["check"]).code(0).stderr_has("warning[identical-profiles]");
    ws.run(&["profile", "edit", "connect-lite", "--set", "documents.edit=none"])
        .code(0)
        .stdout_has("connect-lite: documents.edit assigned -> none");
    assert!(ws.read("profiles/connect-lite.toml").contains("documents = { view = \"assigned\", edit = \"none\" }"));
    let v = ws.run(&["profile", "compare", "connect-pay", "connect-lite", "--only-diff", "--format", "json"]).json();
    assert_eq!(
        v["rows"],
        json!([{"area": "documents", "action": "edit", "a": "assigned", "b": "none", "differs": true}])
    );
}

#[test]
fn profile_duplicate_refusals() {
    let ws = Workspace::example();
    refused(&ws, &["profile", "duplicate", "connect-pay", "connect-no-pay"], 3, "error[exists]");
    refused(&ws, &["profile", "duplicate", "connect-pay", "../x"], 3, "error[bad-value]");
    refused(&ws, &["profile", "duplicate", "nope", "x"], 4, "no profile named `nope`");
    ws.edit("workspace.toml", "custom_profiles = true", "custom_profiles = false");
    std::fs::remove_file(ws.path().join("profiles/connect-no-pay.toml")).expect("rm");
    ws.edit("members.toml", "profile = \"connect-no-pay\"", "profile = \"connect-pay\"");
    // An override is a customisation too.
    ws.edit("members.toml", "grants = { invoices = { view = \"assigned\" } }", "");
    ws.run(&["check"]).code(0);
    refused(&ws, &["profile", "duplicate", "connect-pay", "x"], 3, "error[custom-profiles-disabled]");
}

#[test]
fn profile_edit_refusals() {
    let ws = Workspace::example();
    refused(
        &ws,
        &["profile", "edit", "connect-pay", "--set", "documents.edit=none"],
        3,
        "error[builtin]: profile `connect-pay` is builtin and can't be edited",
    );
    refused(&ws, &["profile", "edit", "connect-no-pay", "--set", "settings.view=all"], 3, "error[above-ceiling]");
    refused(
        &ws,
        &["profile", "edit", "connect-no-pay", "--set", "calendars.edit=all"],
        3,
        "above the `connect` tier's ceiling",
    );
    refused(&ws, &["profile", "edit", "connect-no-pay", "--set", "documents.view=none"], 3, "error[edit-exceeds-view]");
    refused(&ws, &["profile", "edit", "connect-no-pay", "--tier", "gold"], 4, "no tier named `gold`");
    // Raising a grant above the ceiling needs a higher tier: both at once is accepted.
    ws.run(&["profile", "edit", "connect-no-pay", "--tier", "accounting", "--set", "clients.view=all"])
        .code(0)
        .stdout_has("connect-no-pay: tier connect -> accounting (9.00 -> 29.00 EUR/month for each of its 1 member)")
        .stdout_has("monthly cost: 305.00 -> 325.00 EUR")
        .stdout_has("sign in again (their access changed): julie");
}

#[test]
fn an_admin_profile_cannot_be_limited() {
    let ws = Workspace::example();
    ws.edit("profiles/admin.toml", "builtin = true\n", "");
    refused(&ws, &["profile", "edit", "admin", "--set", "settings.edit=none"], 3, "error[admin-limited]");
}

#[test]
fn profile_default_set_and_refused() {
    let ws = Workspace::example();
    refused(&ws, &["profile", "default", "admin"], 3, "error[default-profile]");
    refused(&ws, &["profile", "default", "adm"], 4, "did you mean `admin`?");
    ws.run(&["profile", "default", "easy-invoicing"])
        .code(0)
        .stdout_has("default profile: connect-pay -> easy-invoicing (new members get it)");
    assert!(
        ws.read("workspace.toml").contains("default_profile = \"easy-invoicing\"   # new members get this profile\n")
    );
    ws.run(&["profile", "default"]).code(0).stdout_has("easy-invoicing");
}

#[test]
fn profile_remove_and_its_refusals() {
    let ws = Workspace::example();
    refused(&ws, &["profile", "remove", "easy-invoicing"], 3, "error[builtin]");
    refused(
        &ws,
        &["profile", "remove", "connect-no-pay"],
        3,
        "error[profile-in-use]: profile `connect-no-pay` is used by 1 member: julie",
    );
    ws.run(&["transfer-all", "connect-no-pay", "--to", "connect-pay"])
        .code(0)
        .stdout_has("julie: profile connect-no-pay -> connect-pay (Connect 9.00 -> Connect 9.00 EUR/month)");
    ws.run(&["profile", "remove", "connect-no-pay"]).code(0).stdout_has("connect-no-pay: profile removed");
    assert!(!ws.path().join("profiles/connect-no-pay.toml").exists());
    ws.run(&["check", "--strict"]).code(0);
}

#[test]
fn transfer_all_moves_own_and_per_client_profiles() {
    let ws = Workspace::example();
    let run = ws.run(&["transfer-all", "full-accounting", "--to", "advanced-commercial"]);
    run.code(0)
        .stdout_has("bob: for acme, profile full-accounting -> advanced-commercial")
        .stdout_has(
            "thomas: profile full-accounting -> advanced-commercial (Accounting 29.00 -> Commercial 39.00 EUR/month)",
        )
        .stdout_has("paul: profile full-accounting -> advanced-commercial")
        // bob's licence follows his ACME profile to the Commercial tier.
        .stdout_has("bob: licence Accounting 29.00 -> Commercial 39.00 EUR/month")
        .stdout_has("monthly cost: 305.00 -> 335.00 EUR")
        .stdout_has("sign in again (their access changed): bob, thomas");
    assert!(
        ws.read("members.toml").contains("client_profiles = { acme = \"advanced-commercial\" }   # keeps ACME's books")
    );
    let v = ws.run(&["member", "list", "--profile", "full-accounting", "--format", "json"]).json();
    assert_eq!(v, json!([]));
    refused(&ws, &["transfer-all", "admin", "--to", "connect-pay"], 3, "error[owner]");
}

#[test]
fn transfer_one_whole_or_for_one_client() {
    let ws = Workspace::example();
    ws.run(&["transfer-one", "hugo", "--to", "full-accounting"])
        .code(0)
        .stdout_has("hugo: profile easy-invoicing -> full-accounting (Invoicing 15.00 -> Accounting 29.00 EUR/month)");
    ws.run(&["transfer-one", "bob", "--to", "advanced-commercial", "--client", "globex"]).code(0).stdout_has(
        "bob: for globex, profile easy-invoicing -> advanced-commercial (their own profile stays easy-invoicing)",
    );
    assert!(
        ws.read("members.toml")
            .contains("client_profiles = { acme = \"full-accounting\", globex = \"advanced-commercial\" }")
    );
    // Back to their own profile: the per-client entry goes.
    ws.run(&["transfer-one", "bob", "--to", "easy-invoicing", "--client", "acme"]).code(0);
    assert!(ws.read("members.toml").contains("client_profiles = { globex = \"advanced-commercial\" }"));
    refused(
        &ws,
        &["transfer-one", "bob", "--to", "full-accounting", "--client", "initech"],
        3,
        "error[client-profile-unassigned]",
    );
    refused(&ws, &["transfer-one", "claire", "--to", "connect-pay"], 3, "error[owner]");
    refused(&ws, &["transfer-one", "bob", "--to", "nope"], 4, "no profile named `nope`");
    ws.run(&["check", "--strict"]).code(0);
}

#[test]
fn client_add_assign_unassign_remove() {
    let ws = Workspace::example();
    ws.run(&["client", "add", "zeta", "--name", "Zeta & Co"]).code(0).stdout_has("zeta: added (company \"Zeta & Co\")");
    ws.run(&["client", "add", "anne-b", "--name", "Anne B", "--company", "zeta", "--created-by", "lea"])
        .code(0)
        .stdout_has("anne-b: added (contact \"Anne B\", of zeta, created by lea)")
        .stdout_has("sign in again (their access changed): lea");
    ws.run(&["client", "assign", "zeta", "initech", "--to", "lea"])
        .code(0)
        .stdout_has("lea: assigned zeta")
        .stdout_has("lea: assigned initech");
    assert!(ws.read("members.toml").contains("clients = [\"umbrella\", \"zeta\", \"initech\"]"));
    ws.run(&["client", "assign", "zeta", "--to", "lea"]).code(0).stdout_has("lea: zeta already assigned");
    ws.run(&["transfer-one", "lea", "--to", "easy-invoicing", "--client", "initech"]).code(0);
    ws.run(&["client", "unassign", "initech", "--from", "lea"])
        .code(0)
        .stdout_has("lea: unassigned initech")
        .stdout_has("lea: per-client profile for initech removed");
    ws.run(&["client", "remove", "zeta"])
        .code(0)
        .stdout_has("zeta: removed (company \"Zeta & Co\")")
        .stdout_has("anne-b: no longer belongs to company zeta")
        .stdout_has("lea: unassigned zeta");
    let text = ws.read("members.toml");
    assert!(text.contains("[members.lea]\nname = \"Léa Moreau\"\nemail = \"lea@cabinet-martin.example\"\nprofile = \"connect-pay\"\nclients = [\"umbrella\"]\n"), "{text}");
    ws.run(&["check", "--strict"]).code(0);
}

#[test]
fn client_refusals() {
    let ws = Workspace::example();
    refused(&ws, &["client", "add", "acme", "--name", "A"], 3, "error[exists]");
    refused(&ws, &["client", "add", "x", "--name", "X", "--company", "jean-dupont"], 3, "error[contact-company]");
    refused(&ws, &["client", "add", "x", "--name", "X", "--company", "nope"], 4, "no client named `nope`");
    refused(&ws, &["client", "add", "x", "--name", "X", "--created-by", "nobody"], 4, "no member named `nobody`");
    refused(&ws, &["client", "assign", "nope", "--to", "bob"], 4, "no client named `nope`");
    refused(&ws, &["client", "assign", "acme", "--to", "nobody"], 4, "no member named `nobody`");
    refused(&ws, &["client", "remove", "nope"], 4, "no client named `nope`");
    refused(&ws, &["client", "assign", "--to", "bob"], 2, "required");
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let ws = Workspace::example();
    let before = snapshot(&ws);
    let run = ws.run(&["--dry-run", "transfer-one", "hugo", "--to", "full-accounting"]);
    run.code(0)
        .stdout_has("--- a/members.toml\n+++ b/members.toml\n")
        .stdout_has("-profile = \"easy-invoicing\"\n+profile = \"full-accounting\"\n")
        .stdout_has("dry run: nothing was written")
        .stdout_has("hugo: profile easy-invoicing -> full-accounting");
    assert_eq!(snapshot(&ws), before);
    let v = ws.run(&["profile", "duplicate", "connect-pay", "x", "--dry-run", "--format", "json"]).json();
    assert_eq!(v["files"], json!(["profiles/x.toml"]));
    assert!(v["diff"].as_str().expect("diff").contains("--- /dev/null\n+++ b/profiles/x.toml"));
    assert!(!ws.path().join("profiles/x.toml").exists());
}

#[test]
fn json_output_of_a_change() {
    let ws = Workspace::example();
    let v = ws.run(&["transfer-one", "bob", "--to", "full-accounting", "--format", "json"]).json();
    assert_eq!(
        v,
        json!({
            "changes": ["bob: profile easy-invoicing -> full-accounting (Invoicing 15.00 -> Accounting 29.00 EUR/month)"],
            "files": ["members.toml"],
            "sign_in_again": ["bob"],
        })
    );
    let quiet = ws.run(&["-q", "client", "assign", "initech", "--to", "bob"]);
    quiet.code(0);
    assert_eq!(quiet.stdout, "");
}

#[test]
fn a_workspace_with_errors_refuses_changes_with_exit_1() {
    let ws = Workspace::example();
    ws.edit("members.toml", "profile = \"easy-invoicing\"", "profile = \"easy\"");
    refused(&ws, &["client", "assign", "initech", "--to", "hugo"], 1, "error[invalid-workspace]");
}

#[test]
fn require_actor_and_permissions() {
    let ws = Workspace::example();
    ws.edit("workspace.toml", "require_actor = false", "require_actor = true");
    refused(&ws, &["client", "assign", "initech", "--to", "bob"], 5, "error[actor-required]");
    refused(
        &ws,
        &["--as", "bob", "client", "assign", "initech", "--to", "bob"],
        5,
        "`bob` may not change permissions: their settings.edit is `none`",
    );
    refused(&ws, &["--as", "clare", "client", "assign", "initech", "--to", "bob"], 5, "did you mean `claire`?");
    ws.run(&["--as", "marc", "client", "assign", "initech", "--to", "bob"]).code(0).stdout_has("bob: assigned initech");
    let out = assert_cmd::Command::cargo_bin("roster")
        .expect("binary")
        .current_dir(ws.path())
        .env("ROSTER_ACTOR", "claire")
        .args(["client", "unassign", "initech", "--from", "bob"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // Reads need no actor.
    ws.run(&["member", "list"]).code(0);
}

#[test]
fn a_held_lock_times_out_with_exit_6() {
    let ws = Workspace::example();
    let dir = std::fs::File::open(ws.path()).expect("open dir");
    dir.lock().expect("lock");
    let before = snapshot(&ws);
    let start = std::time::Instant::now();
    ws.run(&["--lock-timeout", "0.3", "client", "assign", "initech", "--to", "bob"])
        .code(6)
        .stderr_has("error[lock-timeout]");
    assert!(start.elapsed() >= std::time::Duration::from_millis(300));
    assert_eq!(snapshot(&ws), before);
    dir.unlock().expect("unlock");
    ws.run(&["--lock-timeout", "0.3", "client", "assign", "initech", "--to", "bob"]).code(0);
}

#[test]
fn a_hand_edit_during_the_change_is_refused_with_exit_6() {
    let ws = Workspace::example();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roster"))
        .args(["-w", ws.path().to_str().expect("path"), "client", "assign", "initech", "--to", "bob"])
        .env("ROSTER_TEST_PAUSE_BEFORE_WRITE", "1500")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(500));
    ws.edit("members.toml", "name = \"Hugo Garnier\"", "name = \"Hugo G.\"");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(6), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[changed-on-disk]: `members.toml` changed on disk"));
    let text = ws.read("members.toml");
    assert!(
        text.contains("Hugo G.") && !text.contains("\"acme\", \"globex\", \"initech\""),
        "the hand edit must survive, the change must not be written"
    );
}

#[test]
fn twenty_concurrent_changes_all_land() {
    let ws = Workspace::example();
    let mut members = ws.read("members.toml");
    for i in 0..20 {
        members.push_str(&format!(
            "\n[members.m{i:02}]\nname = \"M {i}\"\nemail = \"m{i}@example.com\"\nprofile = \"advanced-commercial\"\n"
        ));
    }
    ws.write("members.toml", &members);
    ws.run(&["check"]).code(0);
    let children: Vec<_> = (0..20)
        .map(|i| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("roster"))
                .args([
                    "-w",
                    ws.path().to_str().expect("path"),
                    "--lock-timeout",
                    "60",
                    "member",
                    "edit",
                    &format!("m{i:02}"),
                    "--name",
                    &format!("Changed {i}"),
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let text = ws.read("members.toml");
    for i in 0..20 {
        assert!(text.contains(&format!("[members.m{i:02}]\nname = \"Changed {i}\"")), "change {i} was lost");
    }
    ws.run(&["check"]).code(0);
    let stray: Vec<_> = std::fs::read_dir(ws.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(stray.is_empty(), "stray files: {stray:?}");
}

#[test]
fn init_then_change_with_no_workspace_flag() {
    let dir = Workspace::empty();
    run_in(dir.path(), &["init", "-q"]).code(0);
    run_in(dir.path(), &["member", "add", "ann", "--name", "Ann", "--email", "ann@example.com", "--status", "invited"])
        .code(0);
    run_in(dir.path(), &["check", "--strict"]).code(0);
}

/// The report says what happened: an added or removed member's access did
/// change; the same value is not a change; `fmt` changes no access; a quiet
/// dry run prints the diff alone.
#[test]
fn change_reports_say_what_happened() {
    let ws = Workspace::example();
    let run = ws.run(&["member", "add", "zoe", "--name", "Zoé", "--email", "zoe@x.example"]);
    run.code(0).stdout_has("no other member's access changed");
    assert!(!run.stdout.contains("no member's access changed"), "{}", run.stdout);
    ws.run(&["member", "remove", "zoe"]).code(0).stdout_has("no other member's access changed");
    let before = ws.read("members.toml");
    let run = ws.run(&["member", "edit", "bob", "--name", "Bob Durand"]);
    run.code(0).stdout_has("bob: name is already Bob Durand");
    assert!(!run.stdout.contains("->"), "{}", run.stdout);
    assert_eq!(ws.read("members.toml"), before, "the same name rewrote the file");
    ws.edit(
        "members.toml",
        "[members.bob]\nname = \"Bob Durand\"",
        "[members.bob]\nemail = \"bob@cabinet-martin.example\"\nname = \"Bob Durand\"",
    );
    ws.edit("members.toml", "name = \"Bob Durand\"\nemail = \"bob@cabinet-martin.example\"", "name = \"Bob Durand\"");
    let run = ws.run(&["--dry-run", "fmt"]);
    run.code(0).stdout_has("would format members.toml").stdout_has("dry run: nothing was written");
    assert!(!run.stdout.contains("formatted members.toml"), "{}", run.stdout);
    let run = ws.run(&["--dry-run", "-q", "client", "assign", "umbrella", "--to", "bob"]);
    run.code(0).stdout_has("+clients = [\"acme\", \"globex\", \"umbrella\"]");
    assert!(!run.stdout.contains("dry run") && !run.stdout.contains("sign in"), "{}", run.stdout);
}
