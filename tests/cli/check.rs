use crate::support::Workspace;

#[test]
fn the_example_workspace_passes_strict_check() {
    Workspace::example()
        .run(&["check", "--strict"])
        .code(0)
        .stdout_has("ok: 0 errors, 0 warnings")
        .stdout_has("12 members");
}

#[test]
fn quiet_prints_nothing_on_success() {
    let run = Workspace::example().run(&["check", "-q"]);
    run.code(0);
    assert_eq!(run.stdout, "");
}

#[test]
fn planted_errors_in_several_files_are_all_reported_with_their_lines() {
    let ws = Workspace::example();
    ws.edit("workspace.toml", "owner = \"claire\"", "owner = \"clare\"")
        .edit("profiles/connect-no-pay.toml", "clients = { view = \"assigned\" }", "clients = { view = \"all\" }")
        .edit(
            "members.toml",
            "profile = \"full-accounting\"\nclients = [\"globex\"",
            "profile = \"full-acounting\"\nclients = [\"globex\"",
        )
        .edit("members.toml", "email = \"hugo@", "colour = \"blue\"\nemail = \"hugo@")
        .edit("clients.toml", "company = \"globex\"", "company = \"anne-leroy\"");
    let run = ws.run(&["check"]);
    run.code(1)
        .stderr_has("error[unknown-ref]: the owner is `clare`, which does not exist")
        .stderr_has("--> workspace.toml:7:9")
        .stderr_has("did you mean `claire`?")
        .stderr_has("error[above-ceiling]: profile `connect-no-pay` grants `clients.view` = `all`")
        .stderr_has("--> profiles/connect-no-pay.toml:8:20")
        .stderr_has("error[unknown-ref]: member `thomas` has the profile `full-acounting`")
        .stderr_has("did you mean `full-accounting`?")
        .stderr_has("error[unknown-key]: unknown key `colour` in member `hugo`")
        .stderr_has("error[contact-company]")
        .stderr_has("check failed: 5 errors, 0 warnings");
    // The offending line is shown, with a caret under the value.
    run.stderr_has("7 | owner = \"clare\"").stderr_has("  |         ^^^^^^^");

    let json = ws.run(&["check", "--format", "json"]);
    json.code(1);
    let v = json.json();
    let errors = v["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 5);
    assert_eq!(errors[0]["code"], "unknown-ref");
    assert_eq!(errors[0]["file"], "workspace.toml");
    assert_eq!(errors[0]["line"], 7);
    assert_eq!(errors[0]["column"], 9);
    assert!(errors.iter().any(|e| e["code"] == "unknown-key" && e["file"] == "members.toml"));
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn warnings_fail_only_strict() {
    let ws = Workspace::example();
    ws.edit("members.toml", "profile = \"connect-no-pay\"", "profile = \"connect-pay\"");
    ws.run(&["check"])
        .code(0)
        .stderr_has("warning[unused-profile]: profile `connect-no-pay` has no members")
        .stdout_has("1 warning");
    ws.run(&["check", "--strict"]).code(1).stderr_has("warning[unused-profile]").stderr_has("--strict: warnings fail");
    let quiet = ws.run(&["check", "-q"]);
    quiet.code(0);
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""), "-q prints nothing on success");
    ws.run(&["check", "-q", "--strict"]).code(1).stderr_has("warning[unused-profile]");
    let v = ws.run(&["check", "--format", "json"]).json();
    assert_eq!(v["warnings"][0]["code"], "unused-profile");
    assert_eq!(v["warnings"][0]["file"], "profiles/connect-no-pay.toml");
}

#[test]
fn every_command_refuses_an_invalid_workspace() {
    let ws = Workspace::example();
    ws.edit("members.toml", "profile = \"easy-invoicing\"", "profile = \"easy\"");
    for args in [
        &["member", "list"][..],
        &["profile", "list"],
        &["client", "list"],
        &["member", "show", "bob"],
        &["profile", "default"],
    ] {
        let run = ws.run(args);
        run.code(1).stderr_has("error[unknown-ref]").stderr_has("error[invalid-workspace]");
        assert_eq!(run.stdout, "", "{args:?} printed data from an invalid workspace");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let ws = Workspace::example();
    ws.edit("workspace.toml", "owner = \"claire\"", "owner = \"clare\"");
    assert!(!ws.run(&["check"]).stderr.contains('\x1b'), "a pipe gets no colour");
    assert!(ws.run(&["check", "--color", "always"]).stderr.contains("\x1b["));
    assert!(!ws.run(&["check", "--color", "never"]).stderr.contains('\x1b'));
}
