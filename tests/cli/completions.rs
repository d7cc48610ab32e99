//! The scripts in `completions/` are generated from the CLI; this test fails
//! when they are stale. Regenerate with `UPDATE_COMPLETIONS=1 cargo test completions`.

use crate::support::{Workspace, run_in};
use std::path::Path;

#[test]
fn shipped_completions_are_current() {
    let dir = Workspace::empty();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [("bash", "roster.bash"), ("zsh", "_roster"), ("fish", "roster.fish")] {
        let run = run_in(dir.path(), &["completions", shell]);
        run.code(0);
        assert!(run.stdout.contains("member"), "{shell} completion lacks subcommands");
        let path = root.join(file);
        if std::env::var_os("UPDATE_COMPLETIONS").is_some() {
            std::fs::create_dir_all(&root).expect("mkdir");
            std::fs::write(&path, &run.stdout).expect("write");
        }
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == run.stdout,
            "completions/{file} is stale: run `UPDATE_COMPLETIONS=1 cargo test completions`"
        );
    }
}

#[test]
fn every_shell_of_the_spec_is_supported() {
    let dir = Workspace::empty();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        run_in(dir.path(), &["completions", shell]).code(0).stdout_has("roster");
    }
    run_in(dir.path(), &["completions", "tcsh"]).code(2);
}
