//! Hostile and broken files: each gives a diagnostic with its code and exit 1,
//! never a panic.

use crate::support::{Run, Workspace};

fn check(ws: &Workspace) -> Run {
    let run = ws.run(&["check"]);
    run.code(1);
    run
}

#[test]
fn toml_syntax_error_points_at_the_line() {
    let ws = Workspace::example();
    ws.edit("members.toml", "[members.julie]", "[members.julie");
    check(&ws).stderr_has("error[toml-syntax]").stderr_has("--> members.toml:30:15");
}

#[test]
fn random_bytes() {
    let ws = Workspace::example();
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    ws.write("clients.toml", bytes);
    check(&ws).stderr_has("error[toml-syntax]").stderr_has("clients.toml");
}

#[test]
fn non_utf8_text() {
    let ws = Workspace::example();
    ws.write("clients.toml", b"[clients.acme]\nname = \"Soci\xe9t\xe9\"\nkind = \"company\"\n");
    check(&ws).stderr_has("error[toml-syntax]: the file is not UTF-8 text").stderr_has("--> clients.toml:2:13");
}

#[test]
fn empty_file() {
    let ws = Workspace::example();
    ws.write("workspace.toml", "");
    check(&ws).stderr_has("error[missing-field]: workspace.toml has no `[workspace]`");
}

#[test]
fn missing_file() {
    let ws = Workspace::example();
    std::fs::remove_file(ws.path().join("members.toml")).expect("rm");
    check(&ws).stderr_has("error[missing-file]: `members.toml` is missing").stderr_has("roster init");
}

#[test]
fn folder_where_a_file_should_be() {
    let ws = Workspace::example();
    std::fs::remove_file(ws.path().join("clients.toml")).expect("rm");
    std::fs::create_dir(ws.path().join("clients.toml")).expect("mkdir");
    check(&ws).stderr_has("error[io]: `clients.toml` is a folder, not a file");
}

#[test]
fn path_like_ids() {
    let ws = Workspace::example();
    ws.edit("members.toml", "profile = \"connect-no-pay\"", "profile = \"../connect-no-pay\"");
    check(&ws).stderr_has("error[bad-value]: `profile` `../connect-no-pay` is not a valid id");
    let ws = Workspace::example();
    ws.edit("members.toml", "[members.lea]", "[members.\"../lea\"]");
    check(&ws).stderr_has("member id `../lea` is not valid");
    let ws = Workspace::example();
    ws.write("profiles/Bad Name.toml", "name = \"x\"\ntier = \"connect\"\n");
    check(&ws).stderr_has("profile file name `Bad Name` is not a valid id");
}

#[test]
fn duplicated_key() {
    let ws = Workspace::example();
    ws.edit("members.toml", "name = \"Bob Durand\"", "name = \"Bob Durand\"\nname = \"Robert\"");
    check(&ws).stderr_has("error[toml-syntax]").stderr_has("members.toml:");
}

#[test]
fn ten_megabyte_string() {
    let ws = Workspace::example();
    let big = "x".repeat(10 * 1024 * 1024);
    ws.edit("members.toml", "name = \"Bob Durand\"", &format!("name = \"Bob Durand\"\nnickname = \"{big}\""));
    let run = check(&ws);
    run.stderr_has("error[unknown-key]: unknown key `nickname` in member `bob`");
    assert!(run.stderr.len() < 10_000, "the diagnostic printed the whole line: {} bytes", run.stderr.len());
}

#[test]
fn wrong_types() {
    let ws = Workspace::example();
    ws.edit("workspace.toml", "price = 9.0", "price = \"nine\"").edit(
        "profiles/admin.toml",
        "admin = true",
        "admin = \"yes\"",
    );
    check(&ws)
        .stderr_has("error[bad-value]: `price` must be a number, not a string")
        .stderr_has("error[bad-value]: `admin` must be true or false, not a string");
}

#[test]
fn a_link_outside_the_workspace_is_refused() {
    let ws = Workspace::example();
    let outside = Workspace::empty();
    outside.write("p.toml", "name = \"Outside\"\ntier = \"connect\"\nbuiltin = true\n");
    std::os::unix::fs::symlink(outside.path().join("p.toml"), ws.path().join("profiles/outside.toml"))
        .expect("symlink");
    check(&ws).stderr_has("error[io]: `profiles/outside.toml` is a link to").stderr_has("outside the workspace");
}

/// Every input the fuzzers found a crash with, run through the binary: the
/// parts (split at NUL) replace members.toml, clients.toml, workspace.toml,
/// profiles/connect-no-pay.toml and tests.toml, as in `fuzz/fuzz_targets/load_check.rs`.
#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let names = ["members.toml", "clients.toml", "workspace.toml", "profiles/connect-no-pay.toml", "tests.toml"];
    let mut ran = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let data = std::fs::read(&path).expect("read");
        let ws = Workspace::example_with_tests();
        for (name, part) in names.iter().zip(data.split(|&b| b == 0)) {
            ws.write(name, part);
        }
        let run = ws.run(&["check"]);
        assert!(run.code == 0 || run.code == 1, "{}: exit {}\n{}", path.display(), run.code, run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}: {}", path.display(), run.stderr);
        // And as the fuzz target read it: decoded lossily, from memory, every
        // diagnostic rendered.
        let mut files: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
        for e in walk(&crate::support::repo_config()) {
            files.insert(e.0, e.1);
        }
        for (name, part) in names.iter().zip(data.split(|&b| b == 0)) {
            files.insert(name.to_string(), String::from_utf8_lossy(part).into_owned());
        }
        let checked =
            roster::store::check_from(std::path::Path::new("/nonexistent"), roster::store::load::Input::Memory(&files));
        for d in &checked.diagnostics {
            let _ = d.render(&checked.workspace.sources, roster::style::Paint::plain());
        }
        ran += 1;
    }
    assert!(ran >= 1);
}

/// (workspace-relative name, text) of every file under `root`.
fn walk(root: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root).expect("dir") {
        let path = e.expect("entry").path();
        if path.is_dir() {
            for (name, text) in walk(&path) {
                out.push((format!("{}/{name}", path.file_name().expect("name").to_string_lossy()), text));
            }
        } else {
            out.push((
                path.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).expect("read"),
            ));
        }
    }
    out
}
