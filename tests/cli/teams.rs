//! Issue 18: teams (`teams.toml`). A client assigned to a team is assigned
//! to each of its members and to its lead; the example's teams are `audit`
//! (lead thomas, members hugo and julie, client initech) and `payroll` (lead
//! claire, member lea, client umbrella). thomas (full-accounting: clients.edit
//! at `assigned`) has initech only through the audit team.

use crate::support::{Workspace, git, run_in};
use serde_json::json;

#[test]
fn access_through_a_team_is_explained_by_the_team() {
    let ws = Workspace::example();
    ws.run(&["access", "check", "thomas", "clients.edit", "--client", "initech"])
        .code(0)
        .stdout_has("client: initech is assigned to team audit, which thomas belongs to");
    // A contact of a company of the team: reached through the team too.
    ws.run(&["client", "add", "eve-roy", "--name", "Eve Roy", "--kind", "contact", "--company", "initech"]).code(0);
    ws.run(&["access", "check", "thomas", "clients.edit", "--client", "eve-roy"])
        .code(0)
        .stdout_has("client: eve-roy's company initech is assigned to team audit, which thomas belongs to");
    let who = ws.run(&["access", "who-can", "clients.edit", "--client", "initech", "--format", "json"]).json();
    let members: Vec<&str> = who.as_array().unwrap().iter().map(|r| r["member"].as_str().unwrap()).collect();
    assert!(members.contains(&"thomas"), "{members:?}");
    // access list names the team as the way.
    let list = ws.run(&["access", "list", "thomas", "--area", "clients", "--format", "json"]).json();
    let edit = list["access"].as_array().unwrap().iter().find(|a| a["action"] == "edit").unwrap();
    let clients = edit["clients"].as_array().unwrap();
    assert!(
        clients
            .contains(&json!({"client": "initech", "via": "team:audit", "profile": "full-accounting", "until": null}))
    );
    assert!(
        clients
            .contains(&json!({"client": "eve-roy", "via": "team:audit", "profile": "full-accounting", "until": null}))
    );
    ws.run(&["access", "list", "thomas", "--area", "clients"])
        .code(0)
        .stdout_has("initech (team audit)")
        .stdout_has("eve-roy (company initech, team audit)");
    // Without the team, thomas no longer reaches initech at `assigned`.
    ws.run(&["-q", "team", "remove", "audit"]).code(0);
    ws.run(&["access", "check", "thomas", "clients.edit", "--client", "initech"])
        .code(1)
        .stdout_has("client: initech is not assigned to thomas");
}

#[test]
fn team_list_and_show_in_every_format() {
    let ws = Workspace::example();
    let list = ws.run(&["team", "list", "--format", "json"]).json();
    assert_eq!(
        list,
        json!([
            {"id": "audit", "name": "Audit team", "lead": "thomas", "members": ["hugo", "julie"], "clients": ["initech"]},
            {"id": "payroll", "name": "Payroll team", "lead": "claire", "members": ["lea"], "clients": ["umbrella"]}
        ])
    );
    ws.run(&["team", "list", "--format", "csv"])
        .code(0)
        .stdout_has("id,name,lead,members,clients\naudit,Audit team,thomas,");
    // export teams: the same rows, as a file.
    ws.run(&["export", "teams"])
        .code(0)
        .stdout_has("id,name,lead,members,clients\naudit,Audit team,thomas,hugo;julie,initech\npayroll,Payroll team,claire,lea,umbrella\n");
    assert_eq!(ws.run(&["export", "teams", "--format", "json"]).json(), list);
    ws.run(&["export", "teams", "-o", "teams.csv"]).code(0).stdout_has("wrote 2 teams to teams.csv");
    let show = ws.run(&["team", "show", "audit", "--format", "json"]).json();
    assert_eq!(show["lead"], "thomas");
    assert_eq!(show["clients"], json!([{"client": "initech", "from": null, "until": null}]));
    // hugo and julie have initech directly: only thomas reaches it because of the team.
    assert_eq!(
        show["reach"],
        json!([{"member": "thomas", "client": "initech", "access": ["clients.edit", "clients.export", "payments.approve"]}])
    );
    ws.run(&["team", "show", "audit", "--format", "csv"])
        .code(0)
        .stdout_has("member,client,access\nthomas,initech,clients.edit;clients.export");
    ws.run(&["member", "show", "thomas"]).code(0).stdout_has("  teams         audit (initech, lead)\n");
    ws.run(&["member", "list", "--client", "initech", "--format", "json"]).code(0).stdout_has("\"id\": \"thomas\"");
    ws.run(&["client", "list", "--member", "thomas", "--format", "csv"])
        .code(0)
        .stdout_has("initech,Initech SAS,company,,,hugo;julie;thomas\n");
    ws.run(&["team", "show", "audti"]).code(4).stderr_has("no team named `audti`").stderr_has("did you mean `audit`?");
    // Without teams.toml: no team, and a line that says so.
    std::fs::remove_file(ws.path().join("teams.toml")).unwrap();
    ws.run(&["team", "list"]).code(0).stdout_has("no teams");
    ws.run(&["check", "--strict"]).code(0).stdout_has("8 clients\n");
}

#[test]
fn team_commands_and_the_files_after() {
    let ws = Workspace::example();
    std::fs::remove_file(ws.path().join("teams.toml")).unwrap();
    // team add creates teams.toml.
    ws.run(&["team", "add", "tax", "--name", "Tax team", "--lead", "marc", "--member", "bob", "--member", "bob"])
        .code(0)
        .stdout_has("tax: added (\"Tax team\", lead marc)\ntax: bob joins\nno member's access changed");
    assert_eq!(ws.read("teams.toml"), "[teams.tax]\nname = \"Tax team\"\nlead = \"marc\"\nmembers = [\"bob\"]\n");
    ws.run(&["team", "add", "tax", "--name", "Again"]).code(3).stderr_has("error[exists]");
    ws.run(&["team", "add", "Tax!", "--name", "Bad"]).code(3).stderr_has("is not a valid team id");
    ws.run(&["team", "add", "aa", "--name", "A", "--lead", "bobb"]).code(4).stderr_has("did you mean `bob`?");
    // A second team goes in id order.
    ws.write("teams.toml", format!("# Our teams.\n\n{}", ws.read("teams.toml")));
    ws.run(&["-q", "team", "add", "audit", "--name", "Audit"]).code(0);
    assert_eq!(
        ws.read("teams.toml"),
        "# Our teams.\n\n[teams.audit]\nname = \"Audit\"\n\n[teams.tax]\nname = \"Tax team\"\nlead = \"marc\"\nmembers = [\"bob\"]\n"
    );
    ws.run(&["check", "--strict"])
        .code(1)
        .stderr_has("warning[empty-team]: team `audit` has neither members nor a lead");
    // Clients to a team: its people reach them.
    ws.run(&["client", "assign", "initech", "umbrella", "--team", "tax"]).code(0).stdout_has(
        "team tax: assigned initech\nteam tax: assigned umbrella\nsign in again (their access changed): bob, marc",
    );
    ws.run(&["client", "assign", "initech", "--team", "tax"]).code(0).stdout_has("team tax: initech already assigned");
    ws.run(&["client", "assign", "initech", "--team", "tax", "--to", "bob"]).code(2);
    ws.run(&["client", "assign", "initech", "--team", "nope"]).code(4).stderr_has("no team named `nope`");
    // Edit: name, lead, members.
    ws.run(&["team", "edit", "tax", "--name", "Tax", "--lead", "sophie", "--add", "victor", "--remove", "bob", "--remove", "hugo"])
        .code(0)
        .stdout_has("tax: name \"Tax team\" -> \"Tax\"\ntax: lead marc -> sophie\ntax: victor joins\ntax: bob leaves\ntax: hugo was not a member");
    assert!(ws.read("teams.toml").contains(
        "[teams.tax]\nname = \"Tax\"\nlead = \"sophie\"\nmembers = [\"victor\"]\nclients = [\"initech\", \"umbrella\"]\n"
    ));
    ws.run(&["team", "edit", "tax"]).code(2).stderr_has("nothing to change");
    ws.run(&["team", "edit", "tax", "--lead", "bob", "--no-lead"]).code(2);
    ws.run(&["team", "edit", "tax", "--remove", "sophie"])
        .code(0)
        .stdout_has("tax: sophie was not a member but its lead");
    ws.run(&["-q", "team", "edit", "tax", "--no-lead"]).code(0);
    assert!(!ws.read("teams.toml").contains("lead"));
    ws.run(&["client", "unassign", "umbrella", "initech", "--team", "tax"])
        .code(0)
        .stdout_has("team tax: unassigned umbrella\nteam tax: unassigned initech");
    assert!(ws.read("teams.toml").ends_with("[teams.tax]\nname = \"Tax\"\nmembers = [\"victor\"]\n"));
    ws.run(&["team", "remove", "tax"]).code(0).stdout_has("tax: removed (\"Tax\", 1 member, 0 clients)");
    assert_eq!(ws.read("teams.toml"), "# Our teams.\n\n[teams.audit]\nname = \"Audit\"\n");
    ws.run(&["team", "remove", "tax"]).code(4);
}

#[test]
fn unassigning_from_a_member_who_has_the_client_through_a_team_names_the_team() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    ws.run(&["client", "unassign", "initech", "--from", "thomas"])
        .code(3)
        .stderr_has("error[through-team]: thomas has initech only through team audit")
        .stderr_has("roster client unassign initech --team audit")
        .stderr_has("roster team edit audit --no-lead");
    assert_eq!(ws.read("members.toml"), before);
    // hugo has it directly too: that assignment goes, the team's stays.
    ws.run(&["client", "unassign", "initech", "--from", "hugo"]).code(0).stdout_has("hugo: unassigned initech");
    ws.run(&["client", "unassign", "initech", "--from", "hugo"])
        .code(3)
        .stderr_has("hugo has initech only through team audit")
        .stderr_has("roster team edit audit --remove hugo");
}

#[test]
fn removing_and_renaming_keep_teams_consistent() {
    let ws = Workspace::example();
    ws.run(&["member", "rename", "thomas", "tom"]).code(0).stdout_has("team audit: thomas -> tom");
    ws.run(&["member", "rename", "hugo", "hugo.g"]).code(0).stdout_has("team audit: hugo -> hugo.g");
    assert!(ws.read("teams.toml").contains("lead = \"tom\"\nmembers = [\"hugo.g\", \"julie\"]"));
    ws.run(&["member", "remove", "tom"]).code(0).stdout_has("team audit: tom leaves (the team has no lead now)");
    ws.run(&["member", "remove", "lea"]).code(0).stdout_has("team payroll: lea leaves");
    ws.run(&["client", "remove", "initech"]).code(0).stdout_has("team audit: unassigned initech");
    let teams = ws.read("teams.toml");
    assert!(teams.contains("[teams.audit]\nname = \"Audit team\"\nmembers = [\"hugo.g\", \"julie\"]\n\n"), "{teams}");
    assert!(
        teams.contains("[teams.payroll]\nname = \"Payroll team\"\nlead = \"claire\"\nclients = [\"umbrella\"]\n"),
        "{teams}"
    );
    // Valid; hugo.g has no client left (initech was his only one).
    ws.run(&["check"]).code(0);
}

#[test]
fn a_change_through_a_team_is_held_to_the_tests() {
    let ws = Workspace::example();
    ws.write(
        "tests.toml",
        "[[test]]\nname = \"The audit lead works on Initech\"\nmember = \"thomas\"\nclient = \"initech\"\nallow = [\"clients.edit\"]\n",
    );
    let before = ws.read("teams.toml");
    for change in [
        &["client", "unassign", "initech", "--team", "audit"][..],
        &["team", "edit", "audit", "--no-lead"],
        &["team", "remove", "audit"],
    ] {
        ws.run(change).code(3).stderr_has("error[test-failed]").stderr_has("\"The audit lead works on Initech\"");
        assert_eq!(ws.read("teams.toml"), before, "{change:?}");
    }
    ws.run(&["--allow-failing-tests", "team", "remove", "audit"])
        .code(0)
        .stdout_has("test now fails (--allow-failing-tests): The audit lead works on Initech");
}

#[test]
fn diff_counts_access_through_a_team() {
    let ws = Workspace::example();
    git(ws.path(), &["init", "-q"]);
    git(ws.path(), &["add", "-A"]);
    git(ws.path(), &["commit", "-qm", "start"]);
    ws.run(&["-q", "client", "assign", "acme", "--team", "audit"]).code(0);
    let v = run_in(ws.path(), &["diff", "--format", "json"]).json();
    let changes = v["changes"].as_array().unwrap();
    // thomas (full-accounting) edits acme now; julie (connect-no-pay) views it.
    assert!(changes.contains(&json!({"member": "thomas", "area": "clients", "action": "edit", "client": "acme", "before": "none", "after": "assigned"})), "{changes:#?}");
    assert!(changes.iter().any(|c| c["member"] == "julie" && c["client"] == "acme"), "{changes:#?}");
    // And the contact of acme, jean-dupont, through its company.
    assert!(changes.iter().any(|c| c["member"] == "thomas" && c["client"] == "jean-dupont"), "{changes:#?}");
    git(ws.path(), &["commit", "-qam", "acme to audit"]);
    // At the earlier revision, thomas reaches acme only at his level's reach.
    ws.run(&["--rev", "HEAD~1", "access", "check", "thomas", "clients.edit", "--client", "acme"]).code(1);
    ws.run(&["access", "check", "thomas", "clients.edit", "--client", "acme"]).code(0);
    let v = run_in(ws.path(), &["diff", "HEAD~1", "--to", "HEAD", "--max-losing", "0", "--format", "json"]).json();
    assert!(v["changes"].as_array().unwrap().iter().all(|c| c["after"] != "none"));
}

#[test]
fn the_loader_judges_teams_toml_with_file_line_and_column() {
    let ws = Workspace::example();
    ws.write(
        "teams.toml",
        "[teams.audit]\nname = \"Audit\"\nlead = \"tomas\"\nmembers = [\"hugo\", \"julia\", \"hugo\"]\nclients = [\"initek\"]\n\n[teams.empty]\nname = \"Nobody\"\n",
    );
    let run = ws.run(&["check", "--strict"]);
    run.code(1)
        .stderr_has("error[unknown-ref]: team `audit` has the lead `tomas`, which does not exist\n --> teams.toml:3:8")
        .stderr_has("did you mean `thomas`?")
        .stderr_has(
            "error[unknown-ref]: team `audit` lists the member `julia`, which does not exist\n --> teams.toml:4:20",
        )
        .stderr_has("did you mean `julie`?")
        .stderr_has("error[bad-value]: member `hugo` is listed in team `audit` twice\n --> teams.toml:4:29")
        .stderr_has(
            "error[unknown-ref]: team `audit` lists the client `initek`, which does not exist\n --> teams.toml:5:12",
        )
        .stderr_has("did you mean `initech`?")
        .stderr_has("warning[empty-team]: team `empty` has neither members nor a lead\n --> teams.toml:7:8");
    let v = ws.run(&["check", "--format", "json"]).json();
    assert_eq!(v["errors"].as_array().unwrap().len(), 4);
    // Keys and values: unknown keys with "did you mean", a missing name, bad ids.
    ws.write("teams.toml", "[teams.audit]\nnam = \"Audit\"\nmembers = \"hugo\"\n[teams.Bad]\nname = \"x\"\n");
    ws.run(&["check"])
        .code(1)
        .stderr_has("error[unknown-key]: unknown key `nam` in team `audit`\n --> teams.toml:2:1")
        .stderr_has("did you mean `name`?")
        .stderr_has("error[bad-value]: `members` must be an array, not a string\n --> teams.toml:3:11")
        .stderr_has("error[missing-field]: team `audit` has no `name`")
        .stderr_has("error[bad-value]: team id `Bad` is not valid");
    ws.write("teams.toml", "[teams.audit\n");
    ws.run(&["check"]).code(1).stderr_has("error[toml-syntax]").stderr_has("teams.toml:1:");
    // A change to an invalid workspace is refused before anything else.
    ws.run(&["team", "list"]).code(1).stderr_has("error[invalid-workspace]");
}

#[test]
fn fmt_lays_teams_toml_out() {
    let ws = Workspace::example();
    ws.write(
        "teams.toml",
        "# Teams.\n\n[teams.payroll]\nclients = [\"umbrella\"]\nmembers=[\"lea\"]   # one\nname = 'Payroll'\n\n# The auditors.\n[teams.audit]\nname = \"Audit\"\nlead = \"thomas\"\n",
    );
    ws.run(&["fmt", "--check"]).code(1).stdout_has("teams.toml");
    ws.run(&["-q", "fmt"]).code(0);
    assert_eq!(
        ws.read("teams.toml"),
        "# Teams.\n\n# The auditors.\n[teams.audit]\nname = \"Audit\"\nlead = \"thomas\"\n\n[teams.payroll]\nname = \"Payroll\"\nmembers = [\"lea\"]   # one\nclients = [\"umbrella\"]\n"
    );
    ws.run(&["fmt", "--check"]).code(0);
}

#[test]
fn team_changes_are_batch_lines() {
    let ws = Workspace::example();
    ws.write(
        "changes.txt",
        "team add tax --name \"Tax team\" --lead marc\nteam edit tax --add bob\nclient assign globex --team tax\nteam edit audit --remove hugo\nmember remove hugo\nteam remove payroll\n",
    );
    ws.run(&["batch", "changes.txt"])
        .code(0)
        .stdout_has("line 1: tax: added (\"Tax team\", lead marc)")
        .stdout_has("line 3: team tax: assigned globex")
        .stdout_has("line 4: audit: hugo leaves")
        .stdout_has("line 6: payroll: removed");
    let teams = ws.read("teams.toml");
    assert!(
        teams.contains(
            "[teams.tax]\nname = \"Tax team\"\nlead = \"marc\"\nmembers = [\"bob\"]\nclients = [\"globex\"]\n"
        ),
        "{teams}"
    );
    assert!(!teams.contains("hugo") && !teams.contains("payroll"), "{teams}");
    // A later line reads what an earlier line did to the teams.
    ws.write("changes.txt", "team add ops --name Ops\nteam edit ops --add julie\nclient assign acme --team ops\nclient unassign acme --from julie\n");
    ws.run(&["batch", "changes.txt"])
        .code(3)
        .stderr_has("line 4: error[through-team]: julie has acme only through team ops");
    assert!(!ws.read("teams.toml").contains("ops"));
    ws.write("changes.txt", "team show audit\n");
    ws.run(&["batch", "changes.txt"]).code(2).stderr_has("`team show` changes nothing");
}

#[test]
fn schema_and_completions_know_teams() {
    let ws = Workspace::example();
    let schema = ws.run(&["schema", "teams"]).json();
    let team = &schema["properties"]["teams"]["additionalProperties"];
    assert_eq!(team["required"], json!(["name"]));
    assert!(team["properties"]["lead"].is_object());
}

/// §9's table form for a team's clients: judged on the date of judgement,
/// warned about, pruned, shown with its date.
#[test]
fn a_team_assignment_may_end() {
    let ws = Workspace::example();
    ws.run(&["client", "assign", "acme", "--team", "audit", "--until", "2026-12-31"])
        .code(0)
        .stdout_has("team audit: acme now assigned until 2026-12-31");
    ws.run(&["client", "assign", "initech", "--team", "audit", "--until", "2026-11-30"])
        .code(0)
        .stdout_has("team audit: initech assigned until 2026-11-30");
    assert!(
        ws.read("teams.toml")
            .contains("clients = [{ id = \"initech\", until = 2026-11-30 }, { id = \"acme\", until = 2026-12-31 }]\n")
    );
    // On both sides of the last day.
    ws.run(&["--at", "2026-12-31", "access", "check", "thomas", "clients.edit", "--client", "acme"])
        .code(0)
        .stdout_has("client: acme is assigned to team audit until 2026-12-31, which thomas belongs to");
    ws.run(&["--at", "2027-01-01", "access", "check", "thomas", "clients.edit", "--client", "acme"]).code(1);
    ws.run(&["--at", "2026-11-30", "access", "check", "thomas", "clients.edit", "--client", "jean-dupont"])
        .code(0)
        .stdout_has("jean-dupont's company acme is assigned to team audit until 2026-12-31");
    let list =
        ws.run(&["--at", "2026-11-30", "access", "list", "thomas", "--area", "clients", "--format", "json"]).json();
    let edit = list["access"].as_array().unwrap().iter().find(|a| a["action"] == "edit").unwrap();
    assert!(edit["clients"].as_array().unwrap().contains(
        &json!({"client": "initech", "via": "team:audit", "profile": "full-accounting", "until": "2026-11-30"})
    ));
    let show = ws.run(&["--at", "2026-11-30", "team", "show", "audit", "--format", "json"]).json();
    assert_eq!(show["clients"][1], json!({"client": "acme", "from": null, "until": "2026-12-31"}));
    ws.run(&["--at", "2026-12-20", "team", "show", "audit"])
        .code(0)
        .stdout_has("clients  initech (until 2026-11-30), acme (until 2026-12-31)");
    // Warnings, on the date of judgement.
    ws.run(&["--at", "2026-12-20", "check", "--strict"])
        .code(1)
        .stderr_has(
            "warning[expired]: the assignment of `initech` to team `audit` expired: its `until` 2026-11-30 has passed",
        )
        .stderr_has(
            "warning[expires-soon]: the assignment of `acme` to team `audit` expires on 2026-12-31, in 11 day(s)",
        );
    // A bad window is an error where it is written.
    let teams = ws.read("teams.toml");
    ws.edit(
        "teams.toml",
        "{ id = \"acme\", until = 2026-12-31 }",
        "{ id = \"acme\", from = 2027-01-01, until = 2026-12-31 }",
    );
    ws.run(&["check"]).code(1).stderr_has("error[bad-date]").stderr_has("teams.toml:8:");
    ws.write("teams.toml", teams);
    // prune takes the ended ones from the team.
    ws.run(&["--at", "2026-12-20", "prune"])
        .code(0)
        .stdout_has("team audit: initech unassigned (assignment ended 2026-11-30)");
    assert!(ws.read("teams.toml").contains("clients = [{ id = \"acme\", until = 2026-12-31 }]\n"));
    // Assigned again without --until: the dated form stays as it is.
    ws.run(&["client", "assign", "acme", "--team", "audit"]).code(0).stdout_has("team audit: acme already assigned");
    ws.run(&["-q", "client", "unassign", "acme", "--team", "audit"]).code(0);
    assert!(!ws.read("teams.toml").contains("acme"));
}
