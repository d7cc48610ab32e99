use crate::support::{Workspace, run_in};

#[test]
fn init_makes_a_workspace_that_passes_strict_check() {
    let dir = Workspace::empty();
    run_in(dir.path(), &["init", "new"]).code(0).stdout_has("created a workspace in `new`");
    run_in(dir.path(), &["-w", "new", "check", "--strict"]).code(0).stdout_has("0 errors, 0 warnings");
    run_in(dir.path(), &["-w", "new", "profile", "default"]).code(0).stdout_has("member");
}

#[test]
fn init_into_the_current_folder() {
    let dir = Workspace::empty();
    run_in(dir.path(), &["init", "-q"]).code(0);
    run_in(dir.path(), &["check", "--strict"]).code(0);
}

#[test]
fn init_refuses_an_existing_workspace_and_writes_nothing() {
    let ws = Workspace::example();
    let before = ws.read("workspace.toml");
    run_in(ws.path(), &["init", "."]).code(3).stderr_has("error[exists]").stderr_has("nothing was written");
    assert_eq!(ws.read("workspace.toml"), before);
    assert!(!ws.path().join("profiles/member.toml").exists());
}

/// The template's tests describe a workspace that grows: its natural first
/// steps (a second administrator, a member on the default profile, a client)
/// pass every test, and `check --strict` once the member has a client.
#[test]
fn the_template_grows_without_breaking_its_tests() {
    let dir = Workspace::empty();
    run_in(dir.path(), &["init", "-q", "team"]).code(0);
    let team = |args: &[&str]| {
        let mut all = vec!["-w", "team"];
        all.extend_from_slice(args);
        run_in(dir.path(), &all)
    };
    team(&["test"]).code(0).stdout_has("access tests: 3 of 3 passed");
    team(&["member", "add", "alex", "--name", "Alex Martin", "--email", "alex@example.com", "--profile", "admin"])
        .code(0);
    team(&["member", "add", "sam", "--name", "Sam Petit", "--email", "sam@example.com"]).code(0);
    team(&["client", "add", "acme", "--name", "ACME"]).code(0);
    team(&["client", "assign", "acme", "--to", "sam"]).code(0);
    team(&["test"]).code(0).stdout_has("access tests: 3 of 3 passed");
    team(&["check", "--strict"]).code(0);
}
