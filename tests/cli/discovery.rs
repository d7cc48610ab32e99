use crate::support::{Workspace, repo_config, run_in};

#[test]
fn found_from_a_subfolder_upwards() {
    let ws = Workspace::example();
    let run = run_in(&ws.path().join("profiles"), &["member", "list", "--format", "csv"]);
    run.code(0).stdout_has("claire,Claire Martin");
}

#[test]
fn found_in_a_config_subfolder() {
    let outer = Workspace::empty();
    crate::support::copy_dir(&repo_config(), &outer.path().join("config"));
    run_in(outer.path(), &["check"]).code(0).stdout_has("in `config`");
}

#[test]
fn the_environment_variable_names_it() {
    let ws = Workspace::example();
    let elsewhere = Workspace::empty();
    let out = assert_cmd::Command::cargo_bin("roster")
        .expect("binary")
        .current_dir(elsewhere.path())
        .env("ROSTER_WORKSPACE", ws.path())
        .args(["profile", "default"])
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "connect-pay\n");
}

#[test]
fn no_workspace_says_how_to_make_one() {
    let empty = Workspace::empty();
    run_in(empty.path(), &["check"]).code(1).stderr_has("error[no-workspace]").stderr_has("roster init");
    run_in(empty.path(), &["-w", "missing", "member", "list"]).code(1).stderr_has("`missing` is not a folder");
}

/// From `src/` of a repository whose workspace is `config/` at its root.
#[test]
fn found_in_a_config_folder_of_a_parent() {
    let repo = Workspace::empty();
    crate::support::copy_dir(&repo_config(), &repo.path().join("config"));
    std::fs::create_dir_all(repo.path().join("src/deep")).expect("mkdir");
    run_in(&repo.path().join("src/deep"), &["check"]).code(0).stdout_has("12 members");
}
