//! Progress bars on stderr: drawn for long work when stderr is a terminal
//! (here a pseudo-terminal from `script`), cleared when the work is done,
//! and never written into a pipe or with `-q`.

use crate::support::Workspace;
use roster::generate::{Params, generate, write};
use std::process::Command;

/// A workspace large enough that reading and checking it outlasts the delay
/// before a bar is drawn (`progress::DELAY`), even in a release build.
fn large() -> Workspace {
    let ws = Workspace::empty();
    let files = generate(&Params { members: 30_000, clients: 6_000, ..Params::default() });
    write(ws.path(), &files).expect("write the workspace");
    ws.write("changes.txt", "member edit m000100 --name 'Batch One'\nclient assign c000001 --to m000200\n");
    ws.write("import.csv", "id,name,email,profile\nnewbie,New Bie,newbie@example.com,p0001\n");
    ws
}

const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["--dry-run", "batch", "changes.txt"],
    &["--dry-run", "import", "members", "import.csv"],
    &["member", "show", "m000100"],
];

#[test]
fn stderr_in_a_pipe_gets_no_progress() {
    let ws = large();
    for args in COMMANDS {
        let run = ws.run(args);
        run.code(0);
        // Only diagnostics (`check` warns of two identical profiles), and no
        // bar, nor the sequences that draw and erase one.
        let said = format!("{}{}", run.stdout, run.stderr);
        for bar in ["\r", "\x1b", "reading ", "checking the rules", "applying the lines", "validating the change"] {
            assert!(!said.contains(bar), "roster {} printed {bar:?} in a pipe:\n{said}", args.join(" "));
        }
        if args[0] != "check" {
            assert_eq!(run.stderr, "", "roster {}", args.join(" "));
        }
    }
}

/// Runs roster with stdin, stdout and stderr on a pseudo-terminal: what the
/// terminal received.
fn on_a_terminal(ws: &Workspace, args: &[&str]) -> String {
    let roster = assert_cmd::cargo::cargo_bin("roster");
    let mut line = format!("'{}' -w '{}'", roster.display(), ws.path().display());
    for a in args {
        line.push_str(&format!(" '{a}'"));
    }
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(ws.path())
        .env("COLUMNS", "100")
        // Drawn at once: what is shown does not depend on how long the work takes.
        .env("ROSTER_PROGRESS_DELAY_MS", "0")
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        .output()
        .expect("run script (util-linux)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_terminal_gets_a_bar_that_is_cleared_before_the_output() {
    let ws = large();
    let shown = on_a_terminal(&ws, &["check"]);
    assert!(shown.contains("reading members.toml") || shown.contains("checking the rules"), "{shown:?}");
    // The bar's line is erased, then the result is printed on a clean line.
    let result = shown.rfind(" errors, ").unwrap_or_else(|| panic!("{shown:?}"));
    let erased = shown[..result].rfind("\x1b[2K").unwrap_or_else(|| panic!("never erased: {shown:?}"));
    assert!(!shown[erased..result].contains("checking the rules"), "{shown:?}");

    let shown = on_a_terminal(&ws, &["--dry-run", "batch", "changes.txt"]);
    assert!(shown.contains("dry run: nothing was written"), "{shown:?}");
    // -q prints nothing on success, a bar included.
    let shown = on_a_terminal(&ws, &["-q", "check"]);
    assert_eq!(shown, "");
}
