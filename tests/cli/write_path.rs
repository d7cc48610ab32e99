//! The write path of a change: files only read that change meanwhile, files
//! that appear or vanish, a write failing half-way, CRLF files, and a bare
//! file name for `export -o`.

use crate::support::{Run, Workspace};
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs a change that stops before it compares and writes its files (the
/// `ROSTER_TEST_PAUSE_BEFORE_WRITE` gate: roster creates the gate file and
/// waits until it is removed), makes `hand_edit` in that window, and returns
/// what the change printed.
fn with_hand_edit(ws: &Workspace, args: &[&str], hand_edit: impl FnOnce()) -> Run {
    let gates = tempfile::tempdir().expect("tempdir");
    let gate = gates.path().join("gate");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roster"))
        .arg("-w")
        .arg(ws.path())
        .args(args)
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        .env("ROSTER_TEST_PAUSE_BEFORE_WRITE", &gate)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn roster");
    let start = Instant::now();
    while !gate.exists() {
        if let Some(status) = child.try_wait().expect("wait") {
            let out = child.wait_with_output().expect("output");
            panic!("roster ended ({status}) before it reached the write:\n{}", String::from_utf8_lossy(&out.stderr));
        }
        assert!(start.elapsed() < Duration::from_secs(120), "roster never reached the write");
        std::thread::sleep(Duration::from_millis(5));
    }
    hand_edit();
    std::fs::remove_file(&gate).expect("open the gate");
    let out = child.wait_with_output().expect("wait");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Every file of the workspace, by name, but for the temporary file that a
/// change may have written (and syncs) while its last checks ran.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in walk(dir) {
        let name = entry.strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
        if !name.starts_with(".roster-") {
            files.push((name, std::fs::read(&entry).expect("read")));
        }
    }
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        if e.file_type().expect("type").is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

/// SPEC §6: a change is validated against every file it read, so any of them
/// changed, or a file that appeared or vanished, between the read and the
/// write refuses it (exit 6) with nothing written, the hand edit kept.
#[test]
fn a_file_the_change_only_read_that_changed_meanwhile_refuses_it() {
    struct Case {
        what: &'static str,
        tests: bool,
        change: &'static [&'static str],
        hand_edit: fn(&Path),
        message: &'static str,
    }
    let cases = [
        Case {
            what: "the client it assigns is deleted from clients.toml",
            tests: false,
            change: &["client", "assign", "initech", "--to", "bob"],
            hand_edit: |dir| {
                let path = dir.join("clients.toml");
                let text = std::fs::read_to_string(&path).expect("read");
                let entry = "[clients.initech]\nname = \"Initech SAS\"\nkind = \"company\"\n\n";
                assert!(text.contains(entry));
                std::fs::write(&path, text.replace(entry, "")).expect("write");
            },
            message: "error[changed-on-disk]: `clients.toml` changed on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "a test that the change breaks is added to tests.toml",
            tests: true,
            change: &["member", "edit", "hugo", "--status", "suspended"],
            hand_edit: |dir| {
                let path = dir.join("tests.toml");
                let mut text = std::fs::read_to_string(&path).expect("read");
                text.push_str("\n[[test]]\nname = \"Hugo works on Initech\"\nmember = \"hugo\"\nclient = \"initech\"\nallow = [\"clients.view\"]\n");
                std::fs::write(&path, text).expect("write");
            },
            message: "error[changed-on-disk]: `tests.toml` changed on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "a tests.toml appears",
            tests: false,
            change: &["member", "edit", "hugo", "--status", "suspended"],
            hand_edit: |dir| {
                let text = "[[test]]\nmember = \"hugo\"\nallow = [\"clients.view\"]\n";
                std::fs::write(dir.join("tests.toml"), text).expect("write");
            },
            message: "error[changed-on-disk]: `tests.toml` appeared on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "a new profile file appears",
            tests: false,
            change: &["member", "edit", "bob", "--name", "Robert"],
            hand_edit: |dir| {
                let from = dir.join("profiles/connect-pay.toml");
                let text = std::fs::read_to_string(from).expect("read").replace("builtin = true\n", "");
                std::fs::write(dir.join("profiles/extra.toml"), text).expect("write");
            },
            message: "error[changed-on-disk]: `profiles/extra.toml` appeared on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "a profile file vanishes",
            tests: false,
            change: &["member", "edit", "bob", "--name", "Robert"],
            hand_edit: |dir| std::fs::remove_file(dir.join("profiles/connect-no-pay.toml")).expect("remove"),
            message: "error[changed-on-disk]: `profiles/connect-no-pay.toml` vanished on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "a profile the change validated against is edited",
            tests: false,
            change: &["transfer-one", "hugo", "--to", "connect-pay"],
            hand_edit: |dir| {
                let path = dir.join("profiles/connect-pay.toml");
                let text = std::fs::read_to_string(&path).expect("read");
                std::fs::write(&path, text.replace("name = \"Connect & pay\"", "name = \"Connect and pay\""))
                    .expect("write");
            },
            message: "error[changed-on-disk]: `profiles/connect-pay.toml` changed on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "teams.toml is edited during a change of members.toml",
            tests: false,
            change: &["member", "edit", "bob", "--name", "Robert"],
            hand_edit: |dir| {
                let path = dir.join("teams.toml");
                let text = std::fs::read_to_string(&path).expect("read");
                std::fs::write(&path, text.replace("members = [\"lea\"]", "members = [\"lea\", \"bob\"]"))
                    .expect("write");
            },
            message: "error[changed-on-disk]: `teams.toml` changed on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "teams.toml vanishes during a change of a team",
            tests: false,
            change: &["team", "edit", "audit", "--name", "Audit"],
            hand_edit: |dir| std::fs::remove_file(dir.join("teams.toml")).expect("remove"),
            message: "error[changed-on-disk]: `teams.toml` vanished on disk while the change was prepared; nothing was written",
        },
        Case {
            what: "workspace.toml is edited during a change of clients.toml",
            tests: false,
            change: &["client", "add", "zeta", "--name", "Zeta SA"],
            hand_edit: |dir| {
                let path = dir.join("workspace.toml");
                let text = std::fs::read_to_string(&path).expect("read");
                std::fs::write(&path, format!("{text}\n# reviewed\n")).expect("write");
            },
            message: "error[changed-on-disk]: `workspace.toml` changed on disk while the change was prepared; nothing was written",
        },
    ];
    for case in cases {
        let ws = if case.tests { Workspace::example_with_tests() } else { Workspace::example() };
        let mut edited = Vec::new();
        let run = with_hand_edit(&ws, case.change, || {
            (case.hand_edit)(ws.path());
            edited = snapshot(ws.path());
        });
        assert_eq!(run.code, 6, "{}: exit code\n--- stdout\n{}\n--- stderr\n{}", case.what, run.stdout, run.stderr);
        assert!(run.stderr.contains(case.message), "{}: stderr lacks {:?}:\n{}", case.what, case.message, run.stderr);
        assert!(snapshot(ws.path()) == edited, "{}: the change wrote something, or undid the hand edit", case.what);
        assert!(no_temporary_file(ws.path()), "{}: a temporary file was left", case.what);
    }
}

/// The same window without a hand edit: the change is written (the gate
/// itself, and the comparison of every file read, refuse nothing).
#[test]
fn an_untouched_workspace_is_written_after_the_comparison() {
    let ws = Workspace::example_with_tests();
    with_hand_edit(&ws, &["client", "assign", "initech", "--to", "bob"], || {})
        .code(0)
        .stdout_has("bob: assigned initech");
    assert!(ws.read("members.toml").contains("clients = [\"acme\", \"globex\", \"initech\"]"));
}

/// Removes the immutable flag again, so that the folder can be deleted.
struct Immutable<'a>(&'a Path);

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr").arg("-i").arg(self.0).status();
    }
}

/// SPEC §6: a change that writes several files and fails on one names the
/// files already written and those not. `client remove` writes members.toml,
/// then clients.toml, which is made immutable (`chattr +i`: the rename over
/// it fails, even for root).
#[test]
fn a_write_that_fails_half_way_names_the_files_written_and_not() {
    let ws = Workspace::example();
    let clients = ws.path().join("clients.toml");
    let before = ws.read("clients.toml");
    let made = std::process::Command::new("chattr").arg("+i").arg(&clients).status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "this test needs `chattr +i` (root, or CAP_LINUX_IMMUTABLE, on a file system with the flag, as in CI)"
    );
    let _undo = Immutable(&clients);
    let run = ws.run(&["client", "remove", "umbrella"]);
    run.code(6).stderr_has("error[io]: cannot replace `").stderr_has(
        "clients.toml`: Operation not permitted (os error 1); the change is half written: \
         written `members.toml`, not written `clients.toml`",
    );
    run.stderr_has("= help: the files written leave a valid workspace");
    assert!(!ws.read("members.toml").contains("umbrella"), "members.toml was written");
    assert_eq!(ws.read("clients.toml"), before, "clients.toml was not written");
    ws.run(&["check"]).code(0);
    // The first file failing: nothing was written, and it says so.
    let ws = Workspace::example();
    let members = ws.path().join("members.toml");
    std::process::Command::new("chattr").arg("+i").arg(&members).status().expect("chattr");
    let _undo = Immutable(&members);
    ws.run(&["client", "remove", "umbrella"])
        .code(6)
        .stderr_has("members.toml`: Operation not permitted (os error 1); nothing was written");
    assert!(ws.read("clients.toml").contains("[clients.umbrella]"));
}

/// `export -o NAME` with a bare file name: its folder is `.`, which is synced
/// like any other (its parent as a path is empty).
#[test]
fn export_to_a_bare_file_name_syncs_the_current_folder() {
    let ws = Workspace::example();
    ws.run(&["export", "members", "-o", "plain.csv"]).code(0).stdout_has("wrote 12 members to plain.csv");
    assert!(ws.read("plain.csv").starts_with("id,"));
    assert!(no_temporary_file(ws.path()), "a temporary file was left");
}

fn no_temporary_file(dir: &Path) -> bool {
    walk(dir).iter().all(|p| !p.to_string_lossy().ends_with(".tmp"))
}

fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// SPEC §6: line endings are kept. A CRLF workspace changed by entry edits,
/// an added entry, whole-file edits and a removal ends exactly as the same
/// workspace in LF ends, with CRLF lines: every line ends in CRLF and only
/// the lines the change made differ. `fmt --check` finds it formatted.
#[test]
fn crlf_files_stay_crlf_and_change_only_where_edited() {
    let lf = Workspace::example();
    let dos = Workspace::example();
    let names = ["workspace.toml", "members.toml", "clients.toml", "profiles/connect-no-pay.toml"];
    for name in names {
        dos.write(name, crlf(&dos.read(name)));
    }
    dos.run(&["fmt", "--check"]).code(0).stdout_has("every file is formatted");
    let changes: [&[&str]; 6] = [
        &["member", "edit", "bob", "--name", "Robert", "--credit-limit", "5", "--grant", "calendars.view=all"],
        &["member", "add", "zed", "--name", "Zed", "--email", "zed@example.com"],
        &["member", "add", "aaron", "--name", "Aaron", "--email", "aaron@example.com"],
        &["client", "remove", "umbrella"],
        &["profile", "edit", "connect-no-pay", "--name", "No pay", "--set", "invoices.view=assigned"],
        &["profile", "default", "connect-no-pay"],
    ];
    for change in changes {
        lf.run(change).code(0);
        dos.run(change).code(0);
    }
    for name in names {
        let (want, got) = (crlf(&lf.read(name)), dos.read(name));
        assert!(got.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "{name}: a line without CRLF:\n{got:?}");
        assert_eq!(got, want, "{name}");
    }
    // The edited entry, line by line, as a careful human would write it.
    let members = dos.read("members.toml");
    assert!(members.contains(
        "[members.bob]\r\nname = \"Robert\"\r\nemail = \"bob@cabinet-martin.example\"\r\nprofile = \"easy-invoicing\"\r\n"
    ));
    assert!(members.contains("\r\n[members.zed]\r\nname = \"Zed\"\r\nemail = \"zed@example.com\"\r\n"));
    dos.run(&["fmt", "--check"]).code(1).stdout_has("would reformat members.toml");
    lf.run(&["fmt", "--check"]).code(1).stdout_has("would reformat members.toml");
}
