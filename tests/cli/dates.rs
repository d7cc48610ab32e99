//! Time-bound access (issue 17): `from`/`until` on members, the table forms of
//! assignments, per-client profiles and overrides, judged on `--at` (or
//! `ROSTER_AT`) on both sides of each date; `check`'s `expired`,
//! `expires-soon` and `bad-date`; the writers of dates. No test reads the
//! clock: every date is given.

use crate::support::Workspace;

const BOB_CLIENTS: &str = "clients = [\"acme\", \"globex\"]\nclient_profiles = { acme = \"full-accounting\" }";

/// The example, with bob dated: a member window, an assignment, a
/// per-client profile and an override, each with its own end.
fn dated() -> Workspace {
    let ws = Workspace::example();
    ws.edit(
        "members.toml",
        BOB_CLIENTS,
        "from = 2026-01-05\nuntil = 2027-04-30\n\
         clients = [\"acme\", { id = \"globex\", until = 2026-12-31 }]\n\
         client_profiles = { acme = { profile = \"full-accounting\", until = 2026-12-15 } }\n\
         grants = { invoices = { print = { level = \"none\", until = 2026-12-20 } } }",
    );
    ws
}

fn allowed(ws: &Workspace, at: &str, args: &[&str]) -> (bool, serde_json::Value) {
    let mut all = vec!["--at", at, "access", "check", "--format", "json"];
    all.extend_from_slice(args);
    let v = ws.run(&all).json();
    (v["allowed"].as_bool().expect("allowed"), v)
}

#[test]
fn a_dated_assignment_reaches_its_client_up_to_its_last_day() {
    let ws = dated();
    let (ok, v) = allowed(&ws, "2026-12-31", &["bob", "clients.view", "--client", "globex"]);
    assert!(ok, "{v}");
    assert!(v["reason"].as_str().expect("reason").contains("globex is assigned to bob until 2026-12-31"), "{v}");
    let (ok, v) = allowed(&ws, "2027-01-01", &["bob", "clients.view", "--client", "globex"]);
    assert!(!ok, "{v}");
    assert!(v["reason"].as_str().expect("reason").contains("not in effect on 2027-01-01"), "{v}");
    // The undated assignment holds on.
    assert!(allowed(&ws, "2027-01-01", &["bob", "clients.view", "--client", "acme"]).0);
}

#[test]
fn a_member_holds_access_inside_their_window_only() {
    let ws = dated();
    assert!(!allowed(&ws, "2026-01-04", &["bob", "clients.view", "--client", "acme"]).0);
    assert!(allowed(&ws, "2026-01-05", &["bob", "clients.view", "--client", "acme"]).0);
    assert!(allowed(&ws, "2027-04-30", &["bob", "clients.view", "--client", "acme"]).0);
    let (ok, v) = allowed(&ws, "2027-05-01", &["bob", "clients.view", "--client", "acme"]);
    assert!(!ok);
    assert!(v["reason"].as_str().expect("reason").contains("outside their window on 2027-05-01"), "{v}");
    // The environment sets the date too.
    let run = ws.run_env(&[("ROSTER_AT", "2027-05-01")], &["access", "check", "bob", "clients.view"]);
    run.stdout_has("denied");
    let run = ws.run_env(&[("ROSTER_AT", "2027-04-30")], &["access", "check", "bob", "clients.view"]);
    run.stdout_has("allowed");
}

#[test]
fn a_dated_per_client_profile_and_override_end_on_their_day() {
    let ws = dated();
    // full-accounting for acme until 2026-12-15.
    let (_, v) = allowed(&ws, "2026-12-15", &["bob", "documents.edit", "--client", "acme"]);
    assert_eq!(v["profile"], "full-accounting", "{v}");
    assert!(v["reason"].as_str().expect("reason").contains("per-client profile for acme until 2026-12-15"), "{v}");
    let (_, v) = allowed(&ws, "2026-12-16", &["bob", "documents.edit", "--client", "acme"]);
    assert_eq!(v["profile"], "easy-invoicing", "{v}");
    // The override of invoices.print (none) until 2026-12-20.
    let (_, v) = allowed(&ws, "2026-12-20", &["bob", "invoices.print"]);
    assert_eq!(v["level"], "none", "{v}");
    assert!(v["reason"].as_str().expect("reason").contains("member override until 2026-12-20"), "{v}");
    let (_, v) = allowed(&ws, "2026-12-21", &["bob", "invoices.print"]);
    assert_eq!(v["level"], "assigned", "{v}");
}

#[test]
fn who_can_follows_the_dates() {
    let ws = dated();
    let who = |at: &str| ws.run(&["--at", at, "access", "who-can", "clients.view", "--client", "globex"]).stdout;
    assert!(who("2026-12-31").contains("bob"));
    assert!(!who("2027-01-01").contains("bob"));
}

#[test]
fn a_test_may_hold_its_own_date() {
    let ws = dated();
    ws.write(
        "tests.toml",
        "[[test]]\nname = \"bob on globex at year end\"\nmember = \"bob\"\nallow = [\"clients.view\"]\nclient = \"globex\"\nat = 2026-12-31\n\n\
         [[test]]\nname = \"bob off globex in January\"\nmember = \"bob\"\ndeny = [\"clients.view\"]\nclient = \"globex\"\nat = 2027-01-01\n\n\
         [[test]]\nname = \"bob's seat is gone in May\"\nmax_monthly_cost = 100000.0\nat = 2027-05-01\n",
    );
    // Whatever the day of the run, each test is judged on its own date.
    ws.run(&["--at", "2026-06-01", "test"]).code(0);
    ws.run(&["--at", "2028-06-01", "test"]).code(0);
    // A quoted date is refused with the form to write.
    ws.edit("tests.toml", "at = 2026-12-31", "at = \"2026-12-31\"");
    ws.run(&["check"]).code(1).stderr_has("write the date unquoted: at = 2026-12-31");
}

#[test]
fn the_cost_drops_when_a_member_leaves_their_window() {
    let ws = dated();
    let cost = |at: &str| -> f64 {
        ws.write("tests.toml", "[[test]]\nmax_monthly_cost = 0.0\n");
        let v = ws.run(&["--at", at, "test", "--format", "json"]).json();
        let actual = v["tests"][0]["actual"].as_str().expect("actual").to_string();
        actual.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect::<String>().parse().expect("a cost")
    };
    let inside = cost("2027-04-30");
    let outside = cost("2027-05-01");
    // bob's licence (easy-invoicing) is gone the day after his `until`, and before his `from`.
    assert!(outside < inside, "{inside} -> {outside}");
    assert!(cost("2026-01-04") < cost("2026-01-05"));
}

#[test]
fn check_warns_of_what_expires_on_both_sides_of_the_lead() {
    let ws = dated();
    ws.run(&["--at", "2026-11-30", "check", "--strict"]).code(0);
    // 2026-12-01: the per-client profile ends in 14 days.
    ws.run(&["--at", "2026-12-01", "check", "--strict"])
        .code(1)
        .stderr_has("warning[expires-soon]: `bob`'s per-client profile for `acme` expires on 2026-12-15, in 14 day(s)")
        .stderr_has("members.toml:");
    let run = ws.run(&["--at", "2026-12-16", "check"]);
    run.code(0)
        .stderr_has("warning[expired]: `bob`'s per-client profile for `acme` expired")
        .stderr_has("roster prune")
        .stderr_has("warning[expires-soon]: `bob`'s override of `invoices.print` expires on 2026-12-20");
    ws.run(&["--at", "2027-05-01", "check"]).code(0).stderr_has("member `bob`'s access expired");
    // The lead is a workspace setting.
    ws.edit("workspace.toml", "[workspace]\n", "[workspace]\nexpiry_warning_days = 30\n");
    ws.run(&["--at", "2026-11-30", "check", "--strict"]).code(1).stderr_has("expires-soon");
}

#[test]
fn bad_dates_are_diagnostics_with_the_form_to_write() {
    let ws = dated();
    ws.edit("members.toml", "until = 2027-04-30", "until = \"soon\"");
    ws.run(&["check"]).code(1).stderr_has("error[bad-value]").stderr_has("write a date unquoted");
    let ws = dated();
    ws.edit("members.toml", "until = 2027-04-30", "until = \"2027-04-30\"");
    ws.run(&["check"]).code(1).stderr_has("until = 2027-04-30").stderr_has("members.toml:");
    let ws = dated();
    ws.edit("members.toml", "until = 2026-12-31 }", "until = 2026-02-30 }");
    ws.run(&["check"]).code(1).stderr_has("members.toml:").stderr_has("invalid date");
    let ws = dated();
    ws.edit("members.toml", "from = 2026-01-05", "from = 2027-05-01");
    ws.run(&["check"]).code(1).stderr_has("error[bad-date]").stderr_has("members.toml:");
    // A date where none is taken: a profile's grant, a client's entry.
    let ws = dated();
    let profile = ws.read("profiles/easy-invoicing.toml");
    let first = profile.lines().find(|l| l.contains("view = \"")).expect("a grant line").to_string();
    let dated_line = first.replacen("view = \"assigned\"", "view = { level = \"assigned\", until = 2027-01-01 }", 1);
    if dated_line != first {
        ws.edit("profiles/easy-invoicing.toml", &first, &dated_line);
        ws.run(&["check"]).code(1).stderr_has("takes no date");
    }
    let ws = dated();
    ws.edit("members.toml", "{ id = \"globex\", until = 2026-12-31 }", "{ id = \"globex\", till = 2026-12-31 }");
    ws.run(&["check"]).code(1).stderr_has("error[unknown-key]").stderr_has("until");
    // `--at` must be a date.
    ws.run(&["--at", "tomorrow", "check"]).code(2).stderr_has("YYYY-MM-DD");
}

#[test]
fn rewriting_a_list_keeps_its_dated_assignments() {
    let ws = dated();
    ws.run(&["client", "assign", "initech", "--to", "bob"]).code(0);
    let members = ws.read("members.toml");
    assert!(members.contains("{ id = \"globex\", until = 2026-12-31 }"), "{members}");
    assert!(members.contains("\"initech\""), "{members}");
    ws.run(&["client", "unassign", "initech", "--from", "bob"]).code(0);
    assert!(ws.read("members.toml").contains("{ id = \"globex\", until = 2026-12-31 }"));
}

#[test]
fn client_assign_until_writes_the_table_form() {
    let ws = Workspace::example();
    ws.run(&["client", "assign", "initech", "--to", "bob", "--until", "2027-01-31"])
        .code(0)
        .stdout_has("bob: initech now assigned until 2027-01-31");
    assert!(ws.read("members.toml").contains("{ id = \"initech\", until = 2027-01-31 }"));
    let reach = |at: &str| ws.run(&["--at", at, "access", "check", "bob", "clients.view", "--client", "initech"]).code;
    assert_eq!((reach("2027-01-31"), reach("2027-02-01")), (0, 1));
    ws.run(&["client", "assign", "initech", "--to", "bob", "--until", "2027-13-01"]).code(2).stderr_has("YYYY-MM-DD");
}

#[test]
fn prune_clears_what_has_ended_with_the_saving_and_dry_run_writes_nothing() {
    let ws = dated();
    // Before anything ends: nothing to prune, nothing written.
    let before = ws.read("members.toml");
    ws.run(&["--at", "2026-12-15", "prune"]).code(0).stdout_has("nothing has ended on 2026-12-15");
    assert_eq!(ws.read("members.toml"), before);
    // The day after the per-client profile's end: --dry-run shows the diff and writes nothing.
    ws.run(&["--at", "2026-12-16", "--dry-run", "prune"])
        .code(0)
        .stdout_has("-client_profiles = { acme = { profile = \"full-accounting\", until = 2026-12-15 } }")
        .stdout_has(
            "bob: per-client profile full-accounting for acme removed (ended 2026-12-15), saves 14.00 EUR/month",
        );
    assert_eq!(ws.read("members.toml"), before);
    // After every end: the assignment and the override go, and bob is suspended.
    ws.run(&["--at", "2027-05-01", "prune"])
        .code(0)
        .stdout_has("bob: globex unassigned (assignment ended 2026-12-31)")
        .stdout_has("bob: override invoices.print removed (ended 2026-12-20)")
        .stdout_has("bob: status active -> suspended (until 2027-04-30 has passed), saves 29.00 EUR/month")
        .stdout_has("in all, saves");
    let members = ws.read("members.toml");
    assert!(!members.contains("until = 2026-12-31"), "{members}");
    assert!(!members.contains("until = 2027-04-30"), "{members}");
    assert!(!members.contains("client_profiles = { acme"), "{members}");
    assert!(members.contains("status = \"suspended\""), "{members}");
    ws.run(&["--at", "2027-05-01", "check"]).code(0);
    // Pruned once, nothing is left.
    ws.run(&["--at", "2027-05-01", "prune"]).code(0).stdout_has("nothing has ended");
}

#[test]
fn member_add_and_edit_write_the_window() {
    let ws = Workspace::example();
    ws.run(&[
        "member",
        "add",
        "tom",
        "--name",
        "Tom Blanc",
        "--email",
        "tom@x.example",
        "--from",
        "2027-01-04",
        "--until",
        "2027-04-30",
    ])
    .code(0)
    .stdout_has("tom: access from 2027-01-04 until 2027-04-30");
    let members = ws.read("members.toml");
    assert!(members.contains("from = 2027-01-04\nuntil = 2027-04-30\n"), "{members}");
    let view = |at: &str| ws.run(&["--at", at, "access", "check", "tom", "calendars.view"]).code;
    assert_eq!((view("2027-01-03"), view("2027-01-04"), view("2027-04-30"), view("2027-05-01")), (1, 0, 0, 1));
    ws.run(&["member", "edit", "tom", "--until", "2027-06-30"])
        .code(0)
        .stdout_has("tom: until 2027-04-30 -> 2027-06-30");
    assert_eq!(view("2027-06-30"), 0);
    ws.run(&["member", "edit", "tom", "--no-until"]).code(0).stdout_has("tom: until 2027-06-30 -> none");
    assert!(!ws.read("members.toml").contains("until = 2027-06-30"));
    assert_eq!(view("2030-01-01"), 0);
    ws.run(&["member", "edit", "tom", "--from", "2027-02-01"]).code(0).stdout_has("tom: from 2027-01-04 -> 2027-02-01");
    assert_eq!(view("2027-01-31"), 1);
}

#[test]
fn member_edit_grant_until_writes_a_dated_override() {
    let ws = Workspace::example();
    ws.run(&["member", "edit", "julie", "--grant", "invoices.view=assigned", "--until", "2026-12-15"])
        .code(0)
        .stdout_has("julie: override invoices.view = assigned until 2026-12-15");
    assert!(ws.read("members.toml").contains("view = { level = \"assigned\", until = 2026-12-15 }"));
    // Her own window is untouched: --until went to the override.
    assert!(!ws.read("members.toml").contains("\nuntil = 2026-12-15"));
    let v = |at: &str| ws.run(&["--at", at, "access", "check", "julie", "invoices.view", "--client", "initech"]).code;
    assert_eq!((v("2026-12-15"), v("2026-12-16")), (0, 1));
}

#[test]
fn transfer_one_until_writes_a_dated_per_client_profile() {
    let ws = Workspace::example();
    ws.run(&["transfer-one", "julie", "--to", "full-accounting", "--client", "initech", "--until", "2027-01-31"])
        .code(0)
        .stdout_has("julie: for initech, profile connect-no-pay -> full-accounting until 2027-01-31");
    assert!(ws.read("members.toml").contains("initech = { profile = \"full-accounting\", until = 2027-01-31 }"));
    let profile = |at: &str| {
        let v = ws
            .run(&["--at", at, "access", "check", "julie", "clients.view", "--client", "initech", "--format", "json"])
            .json();
        v["reason"].as_str().expect("reason").to_string()
    };
    assert!(profile("2027-01-31").contains("full-accounting"));
    assert!(!profile("2027-02-01").contains("profile: full-accounting"));
    // --until needs --client.
    ws.run(&["transfer-one", "julie", "--to", "full-accounting", "--until", "2027-01-31"])
        .code(2)
        .stderr_has("--client");
}

#[test]
fn bad_dates_on_the_command_line_write_nothing() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    let add = |from: &str, until: &str| {
        ws.run(&["member", "add", "tom", "--name", "Tom", "--email", "t@x.example", "--from", from, "--until", until])
    };
    add("2027-05-01", "2027-04-30").code(2).stderr_has("is after --until").stderr_has("YYYY-MM-DD");
    add("2027-01-01", "2027-02-30").code(2).stderr_has("YYYY-MM-DD");
    add("soon", "2027-02-01").code(2).stderr_has("YYYY-MM-DD");
    ws.run(&["member", "edit", "bob", "--until", "tomorrow"]).code(2).stderr_has("YYYY-MM-DD");
    ws.run(&["member", "edit", "bob", "--from", "2027-05-01", "--until", "2027-01-01"]).code(2).stderr_has("is after");
    ws.run(&["member", "edit", "bob", "--until", "2027-01-01", "--no-until"]).code(2);
    ws.run(&["member", "edit", "bob", "--grant", "invoices.view=all", "--no-until"]).code(2).stderr_has("--no-until");
    ws.run(&["transfer-one", "bob", "--to", "easy-invoicing", "--client", "acme", "--until", "2027-01-01"])
        .code(2)
        .stderr_has("own profile");
    assert_eq!(ws.read("members.toml"), before);
}

#[test]
fn fmt_writes_the_table_forms_in_canonical_order() {
    let ws = Workspace::example();
    ws.edit(
        "members.toml",
        BOB_CLIENTS,
        "clients = [{ until = 2027-01-01, id = \"acme\" }, \"globex\"]\n\
         client_profiles = { acme = { until = 2027-01-01, from = 2026-01-01, profile = \"full-accounting\" } }",
    );
    ws.run(&["fmt", "--check"]).code(1);
    ws.run(&["fmt"]).code(0);
    let members = ws.read("members.toml");
    assert!(members.contains("clients = [{ id = \"acme\", until = 2027-01-01 }, \"globex\"]"), "{members}");
    assert!(
        members.contains("acme = { profile = \"full-accounting\", from = 2026-01-01, until = 2027-01-01 }"),
        "{members}"
    );
    ws.run(&["fmt", "--check"]).code(0);
}

#[test]
fn member_show_and_exports_show_the_dates() {
    let ws = dated();
    ws.run(&["member", "show", "bob"])
        .code(0)
        .stdout_has("status        active (from 2026-01-05 until 2027-04-30)")
        .stdout_has("clients       acme, globex (until 2026-12-31)")
        .stdout_has("per-client    acme -> full-accounting (until 2026-12-15)")
        .stdout_has("override      invoices.print = none (until 2026-12-20)");
    let v = ws.run(&["member", "show", "bob", "--format", "json"]).json();
    assert_eq!(
        (v["from"].clone(), v["until"].clone()),
        (serde_json::json!("2026-01-05"), serde_json::json!("2027-04-30"))
    );
    assert_eq!(v["windows"]["clients"]["globex"], serde_json::json!({"from": null, "until": "2026-12-31"}));
    assert_eq!(v["windows"]["client_profiles"]["acme"]["until"], "2026-12-15");
    assert_eq!(v["windows"]["grants"]["invoices.print"]["until"], "2026-12-20");
    let members = ws.run(&["export", "members", "--format", "json"]).json();
    let bob = members.as_array().expect("array").iter().find(|m| m["id"] == "bob").expect("bob").clone();
    assert_eq!(bob["until"], "2027-04-30");
    let csv = ws.run(&["export", "assignments"]).stdout;
    assert!(csv.contains("bob,globex,easy-invoicing,,2026-12-31\n"), "{csv}");
    // The profile in effect on the date of judgement: acme's per-client one ends 2026-12-15.
    assert!(csv.contains("bob,acme,full-accounting,,\n"), "{csv}");
    let later = ws.run(&["--at", "2026-12-16", "export", "assignments"]).stdout;
    assert!(later.contains("bob,acme,easy-invoicing,,\n"), "{later}");
}

/// The example's temp: Hugo's per-client profile for Initech raises his
/// licence only inside its window, and he costs nothing after his `until`.
#[test]
fn a_per_client_profile_raises_the_licence_only_inside_its_window() {
    let ws = Workspace::example();
    let licence = |at: &str| {
        let v = ws.run(&["--at", at, "member", "show", "hugo", "--format", "json"]).json();
        v["licence"]["tier"].as_str().expect("tier").to_string()
    };
    assert_eq!(licence("2027-01-03"), "invoicing");
    assert_eq!(licence("2027-01-04"), "accounting");
    assert_eq!(licence("2027-03-31"), "accounting");
    assert_eq!(licence("2027-04-01"), "invoicing");
    let cost =
        |at: &str| ws.run(&["--at", at, "cost", "--format", "json"]).json()["monthly_cost"].as_f64().expect("cost");
    assert_eq!(cost("2027-01-04") - cost("2027-01-03"), 14.0);
    assert_eq!(cost("2027-04-30") - cost("2027-05-01"), 15.0);
}

/// The members CSV carries each member's own window: an export imports back
/// unchanged, a new `until` is written, and a bad date is refused with the
/// expected form, nothing written.
#[test]
fn the_members_csv_carries_from_and_until() {
    let ws = Workspace::example();
    ws.run(&["export", "members", "-o", "m.csv"]).code(0);
    let csv = ws.read("m.csv");
    assert!(
        csv.starts_with("id,name,email,profile,status,clients,client_profiles,grants,credit_limit,from,until\n"),
        "{csv}"
    );
    let hugo = csv.lines().find(|l| l.starts_with("hugo,")).expect("hugo's row");
    assert!(hugo.ends_with(",,2027-04-30"), "{hugo}");
    ws.run(&["import", "members", "m.csv"]).code(0).stdout_has("no change: all 12 rows match the workspace");
    ws.write("later.csv", "id,until\nhugo,2027-05-31\n");
    ws.run(&["--allow-failing-tests", "import", "members", "later.csv"])
        .code(0)
        .stdout_has("hugo: until -> 2027-05-31");
    assert!(ws.read("members.toml").contains("until = 2027-05-31"));
    let before = ws.read("members.toml");
    ws.write("bad.csv", "id,until\nhugo,2027-02-30\nbob,soon\n");
    ws.run(&["import", "members", "bad.csv"])
        .code(3)
        .stderr_has("row 2, column until: `2027-02-30` is not a day of the calendar")
        .stderr_has("row 3, column until: `soon` is not a date: write it as YYYY-MM-DD");
    assert_eq!(ws.read("members.toml"), before);
}
