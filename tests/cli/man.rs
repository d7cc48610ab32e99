//! The manual pages in `man/` are generated from the CLI (`roster man`); this
//! test fails when they are stale. Regenerate with
//! `UPDATE_MAN=1 cargo test --test cli man`.

use crate::support::{Workspace, run_in};
use clap::CommandFactory;
use std::path::Path;

/// `roster-member-add.1` for `roster member add`: every command, groups too.
fn page_names(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
    out.push(format!("{prefix}.1"));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        page_names(sub, &format!("{prefix}-{}", sub.get_name()), out);
    }
}

#[test]
fn shipped_man_pages_are_current() {
    let out = Workspace::empty();
    run_in(out.path(), &["man", "--out", "m"]).code(0).stdout_has("manual pages to `m`");
    let mut expected = Vec::new();
    page_names(&roster::cli::Cli::command(), "roster", &mut expected);
    expected.sort();
    let list = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| d.map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    };
    assert_eq!(list(&out.path().join("m")), expected, "one page per command");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    if std::env::var_os("UPDATE_MAN").is_some() {
        let _ = std::fs::remove_dir_all(&shipped);
        std::fs::create_dir_all(&shipped).expect("mkdir");
        for name in &expected {
            std::fs::copy(out.path().join("m").join(name), shipped.join(name)).expect("copy");
        }
    }
    assert_eq!(
        list(&shipped),
        expected,
        "man/ holds a page per command and nothing else: run `UPDATE_MAN=1 cargo test --test cli man`"
    );
    for name in &expected {
        let made = std::fs::read_to_string(out.path().join("m").join(name)).expect("made");
        let kept = std::fs::read_to_string(shipped.join(name)).unwrap_or_default();
        assert!(made == kept, "man/{name} is stale: run `UPDATE_MAN=1 cargo test --test cli man`");
    }
}

#[test]
fn man_prints_one_commands_page() {
    let dir = Workspace::empty();
    let top = run_in(dir.path(), &["man"]);
    top.code(0);
    assert!(top.stdout.contains(".TH roster 1 "), "{}", &top.stdout[..200.min(top.stdout.len())]);
    assert!(top.stdout.contains("roster\\-member(1)"), "the top page lists its commands");
    let add = run_in(dir.path(), &["man", "member", "add"]);
    add.code(0).stdout_has(".TH roster-member-add 1  \"roster ").stdout_has("\\fB\\-\\-email\\fR");
    let kept = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("man/roster-member-add.1"));
    assert_eq!(add.stdout, kept.unwrap_or_default());
}

#[test]
fn man_refuses_a_command_that_does_not_exist() {
    let dir = Workspace::empty();
    run_in(dir.path(), &["man", "membr"])
        .code(2)
        .stderr_has("error[usage]: `roster` has no command `membr`")
        .stderr_has("did you mean `roster member`?");
    run_in(dir.path(), &["man", "member", "ad", "--out", "x"]).code(2).stderr_has("did you mean `roster member add`?");
    assert!(!dir.path().join("x").exists(), "nothing written");
}
