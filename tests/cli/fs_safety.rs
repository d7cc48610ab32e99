//! File-system safety: regular files only (a FIFO, a device, a socket is an
//! `io` error at once, never a hang), nothing read, written, created or
//! deleted through a link that leads outside the workspace (the leftover sweep
//! and `init` included), `--dry-run` touches nothing, and links inside the
//! workspace are written through or refused, never replaced by a copy.

use crate::support::{Run, Workspace};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// Far longer than any of these commands takes: reaching it means roster
/// hung (the defect these tests are about), and the test fails instead of
/// hanging the suite. Not a time assertion: no test checks how fast roster is.
const HANG_GUARD: Duration = Duration::from_secs(120);

/// Runs roster on `ws` like `Workspace::run`, with extra environment, killed
/// (and the test failed) if it hangs.
fn roster(ws: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("roster").expect("binary");
    cmd.current_dir(ws)
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        .env_remove("NO_COLOR")
        .env("COLUMNS", "200")
        .arg("-w")
        .arg(ws)
        .args(args)
        .timeout(HANG_GUARD);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run roster");
    let run = Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    };
    assert!(out.status.code().is_some(), "roster {args:?} hung and was killed\n--- stderr\n{}", run.stderr);
    run
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Every name under `dir` (hidden ones included, links not followed) with
/// the content of each regular file: what "nothing changed" compares.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let path = e.path();
            let name = path.strip_prefix(dir).expect("prefix").display().to_string();
            let t = e.file_type().expect("type");
            let content = if t.is_dir() {
                stack.push(path.clone());
                "<dir>".to_string()
            } else if t.is_symlink() {
                format!("<link to {}>", std::fs::read_link(&path).expect("link").display())
            } else if t.is_file() {
                std::fs::read_to_string(&path).expect("read")
            } else {
                "<special>".to_string()
            };
            out.insert(name, content);
        }
    }
    out
}

fn leftovers(dir: &Path) -> Vec<String> {
    tree(dir).into_keys().filter(|n| n.contains(".roster-")).collect()
}

const FILES: [&str; 5] = ["workspace.toml", "members.toml", "clients.toml", "tests.toml", "profiles/admin.toml"];

// ---- regular files only -------------------------------------------------

/// A FIFO in place of any workspace file: `check` and a change end at once
/// with `error[io]` (the change, like every change to a workspace it cannot
/// read, exits 1 and writes nothing). Opening a FIFO used to wait forever.
#[test]
fn a_fifo_in_place_of_any_workspace_file_is_an_io_error_at_once() {
    for name in FILES {
        let ws = Workspace::example_with_tests();
        mkfifo(&ws.path().join(name));
        let before = tree(ws.path());
        roster(ws.path(), &["check"], &[])
            .code(1)
            .stderr_has(&format!("error[io]: `{name}` is a FIFO (named pipe), not a regular file"))
            .stderr_has("roster reads and writes regular files only");
        roster(ws.path(), &["member", "edit", "bob", "--name", "B"], &[]).code(1).stderr_has("error[io]");
        assert_eq!(tree(ws.path()), before, "{name}: a refused change wrote something");
    }
}

#[test]
fn a_socket_in_place_of_a_workspace_file_is_an_io_error() {
    let ws = Workspace::example();
    let path = ws.path().join("members.toml");
    std::fs::remove_file(&path).expect("rm");
    let _socket = std::os::unix::net::UnixListener::bind(&path).expect("bind a socket");
    roster(ws.path(), &["check"], &[]).code(1).stderr_has("error[io]: `members.toml` is a socket, not a regular file");
}

/// A character device (`mknod X c 1 5`, the kernel's /dev/zero) used to be
/// read until memory ran out. Making one needs root, which CI has.
#[test]
fn a_character_device_in_place_of_a_workspace_file_is_an_io_error_needs_root() {
    let ws = Workspace::example_with_tests();
    let path = ws.path().join("tests.toml");
    std::fs::remove_file(&path).expect("rm");
    let made = std::process::Command::new("mknod").arg(&path).args(["c", "1", "5"]).status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "this test needs root to make a character device with mknod (CI runs as root); run it as root: \
         `sudo -E env \"PATH=$PATH\" cargo test --test cli character_device`"
    );
    roster(ws.path(), &["check"], &[]).code(1).stderr_has("error[io]: `tests.toml` is a character device");
    roster(ws.path(), &["member", "edit", "bob", "--name", "B"], &[]).code(1).stderr_has("error[io]");
}

/// A FIFO put in place of the file a change writes, after the change read it
/// and before it compares the disk: the comparison does not wait on it while
/// holding the lock; the change exits 6 and the next one takes the lock.
#[test]
fn a_fifo_put_in_place_during_a_change_is_refused_not_waited_on() {
    let ws = Workspace::example();
    let root = ws.path().to_path_buf();
    let child = std::thread::spawn(move || {
        roster(&root, &["client", "assign", "initech", "--to", "bob"], &[("ROSTER_TEST_PAUSE_BEFORE_WRITE", "3000")])
    });
    std::thread::sleep(Duration::from_millis(800));
    let members = ws.path().join("members.toml");
    let saved = ws.path().join("members.saved");
    std::fs::rename(&members, &saved).expect("move members.toml away");
    mkfifo(&members);
    let run = child.join().expect("join");
    run.code(6).stderr_has("error[io]").stderr_has("FIFO");
    std::fs::remove_file(&members).expect("rm fifo");
    std::fs::rename(&saved, &members).expect("restore");
    assert!(!ws.read("members.toml").contains("\"acme\", \"globex\", \"initech\""), "nothing may be written");
    roster(ws.path(), &["--lock-timeout", "1", "client", "assign", "initech", "--to", "bob"], &[]).code(0);
}

#[test]
fn an_import_csv_that_is_a_fifo_is_an_io_error_at_once() {
    let ws = Workspace::example();
    mkfifo(&ws.path().join("r.csv"));
    let before = ws.read("members.toml");
    roster(ws.path(), &["import", "members", "r.csv"], &[])
        .code(6)
        .stderr_has("error[io]: `r.csv` is a FIFO (named pipe), not a regular file")
        .stderr_has("save the CSV to a file first");
    assert_eq!(ws.read("members.toml"), before);
}

/// `export -o` replaced whatever was there by a rename: a FIFO, or, as root,
/// a device such as /dev/null. Only a regular file (or a link to one) is replaced.
#[test]
fn export_never_replaces_a_fifo() {
    let ws = Workspace::example();
    let out = ws.path().join("out.csv");
    mkfifo(&out);
    roster(ws.path(), &["export", "members", "-o", "out.csv"], &[])
        .code(6)
        .stderr_has("is a FIFO (named pipe), not a regular file");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&out).expect("meta").file_type().is_fifo(), "the FIFO must stay");
    assert!(leftovers(ws.path()).is_empty());
}

// ---- nothing through a link leading outside -----------------------------

/// `profiles/` a link to a folder outside: the workspace is refused as one
/// `io` error, and the leftover sweep deletes nothing there, neither for a
/// refused change nor under `--dry-run`.
#[test]
fn the_sweep_never_deletes_through_a_profiles_link_leading_outside() {
    let ws = Workspace::example();
    let outside = Workspace::empty();
    let profiles = outside.path().join("profiles");
    std::fs::rename(ws.path().join("profiles"), &profiles).expect("move profiles out");
    std::fs::write(profiles.join(".roster-abc.tmp"), "someone else's file").expect("write");
    std::os::unix::fs::symlink(&profiles, ws.path().join("profiles")).expect("symlink");
    let before = tree(outside.path());
    for args in [&["member", "edit", "bob", "--name", "B"][..], &["--dry-run", "member", "edit", "bob", "--name", "B"]]
    {
        roster(ws.path(), args, &[])
            .code(1)
            .stderr_has("error[io]: `profiles` is a link to")
            .stderr_has("outside the workspace");
        assert_eq!(tree(outside.path()), before, "{args:?} changed the folder outside");
    }
    roster(ws.path(), &["check"], &[]).code(1).stderr_has("1 error");
}

/// `--dry-run` deletes nothing and creates nothing: the leftovers of a killed
/// change stay (the next real change removes them), and no lock file appears.
#[test]
fn dry_run_deletes_and_creates_nothing() {
    let ws = Workspace::example();
    ws.write(".roster-root1.tmp", "left by a killed change");
    ws.write("profiles/.roster-prof1.tmp", "left by a killed change");
    let before = tree(ws.path());
    roster(ws.path(), &["--dry-run", "client", "assign", "initech", "--to", "bob"], &[])
        .code(0)
        .stdout_has("+clients = [\"acme\", \"globex\", \"initech\"]");
    assert_eq!(tree(ws.path()), before, "--dry-run changed the folder");
    roster(ws.path(), &["client", "assign", "initech", "--to", "bob"], &[]).code(0);
    assert_eq!(leftovers(ws.path()), Vec::<String>::new(), "a real change sweeps the leftovers");
}

/// A `profiles/` link to a folder inside the workspace is followed, and its
/// leftovers are swept like those of a plain folder.
#[test]
fn a_profiles_link_inside_the_workspace_is_followed() {
    let ws = Workspace::example();
    std::fs::create_dir(ws.path().join("shared")).expect("mkdir");
    std::fs::rename(ws.path().join("profiles"), ws.path().join("shared/profiles")).expect("move");
    std::os::unix::fs::symlink("shared/profiles", ws.path().join("profiles")).expect("symlink");
    ws.write("shared/profiles/.roster-x.tmp", "leftover");
    roster(ws.path(), &["check"], &[]).code(0);
    roster(ws.path(), &["client", "assign", "initech", "--to", "bob"], &[]).code(0);
    assert_eq!(leftovers(ws.path()), Vec::<String>::new());
}

#[test]
fn init_never_writes_through_a_profiles_link_leading_outside() {
    let holder = Workspace::empty();
    let outside = Workspace::empty();
    let dir = holder.path().join("new");
    std::fs::create_dir(&dir).expect("mkdir");
    std::os::unix::fs::symlink(outside.path(), dir.join("profiles")).expect("symlink");
    crate::support::run_in(holder.path(), &["init", "new"])
        .code(6)
        .stderr_has("error[io]: `new/profiles` is a link to")
        .stderr_has("outside the workspace; nothing was written");
    assert!(tree(outside.path()).is_empty(), "init wrote outside: {:?}", tree(outside.path()));
    assert_eq!(tree(&dir).into_keys().collect::<Vec<_>>(), ["profiles"]);
}

/// Every target is checked before the first file is written: a dangling
/// `members.toml` link used to fail after `workspace.toml` and `profiles/` were made.
#[test]
fn init_into_a_folder_with_a_dangling_members_link_writes_nothing() {
    let holder = Workspace::empty();
    let dir = holder.path().join("new");
    std::fs::create_dir(&dir).expect("mkdir");
    std::os::unix::fs::symlink("nowhere.toml", dir.join("members.toml")).expect("symlink");
    crate::support::run_in(holder.path(), &["init", "new"])
        .code(3)
        .stderr_has("error[exists]: `new/members.toml` already exists (a link to `nowhere.toml`); nothing was written");
    assert_eq!(tree(&dir).into_keys().collect::<Vec<_>>(), ["members.toml"]);
    assert!(!holder.path().join("nowhere.toml").exists() && !dir.join("nowhere.toml").exists());
}

// ---- links inside the workspace -----------------------------------------

/// `members.toml` a link to another file inside the workspace: changes are
/// written through it (temporary file beside the target, renamed over the
/// target), so the link stays a link and its target is the file that changes.
#[test]
fn a_members_link_inside_the_workspace_is_written_through() {
    let ws = Workspace::example();
    std::fs::create_dir(ws.path().join("data")).expect("mkdir");
    std::fs::rename(ws.path().join("members.toml"), ws.path().join("data/members.toml")).expect("move");
    std::os::unix::fs::symlink("data/members.toml", ws.path().join("members.toml")).expect("symlink");
    // A spliced entry (its temporary file made early), a new entry, and `fmt`'s whole text.
    roster(ws.path(), &["client", "assign", "initech", "--to", "bob"], &[]).code(0);
    roster(ws.path(), &["member", "add", "dan", "--name", "Dan", "--email", "dan@example.com"], &[]).code(0);
    ws.edit("data/members.toml", "name = \"Bob Durand\"", "name   =   \"Bob Durand\"");
    roster(ws.path(), &["fmt"], &[]).code(0).stdout_has("formatted members.toml");
    let meta = std::fs::symlink_metadata(ws.path().join("members.toml")).expect("meta");
    assert!(meta.file_type().is_symlink(), "members.toml must stay a link");
    let target = ws.read("data/members.toml");
    assert!(target.contains("\"acme\", \"globex\", \"initech\"") && target.contains("[members.dan]"));
    assert!(target.contains("name = \"Bob Durand\""), "fmt wrote through the link");
    assert_eq!(leftovers(ws.path()), Vec::<String>::new());
    roster(ws.path(), &["check"], &[]).code(0);
}

/// Two names of the workspace for one file (a profile that is a link to
/// another): a change to one would change the other unseen, so the
/// workspace is refused until each has its own file.
#[test]
fn two_names_for_one_workspace_file_are_refused() {
    let ws = Workspace::example();
    std::os::unix::fs::symlink("admin.toml", ws.path().join("profiles/zz-alias.toml")).expect("symlink");
    roster(ws.path(), &["check"], &[])
        .code(1)
        .stderr_has("error[io]: `profiles/zz-alias.toml` is the same file as `profiles/admin.toml`");
    let before = tree(ws.path());
    roster(ws.path(), &["profile", "edit", "admin", "--name", "Admins"], &[]).code(1);
    assert_eq!(tree(ws.path()), before);
}

/// A hard link to a file outside the workspace used to be read, its first
/// line echoed in a syntax error. A file with more than one link is refused
/// unread: its other names may be anywhere, and a rename would cut them off.
#[test]
fn a_hard_linked_workspace_file_is_refused_unread() {
    let ws = Workspace::example();
    let outside = Workspace::empty();
    outside.write("secret", "s3cr3t-first-line: not TOML\nmore\n");
    std::fs::remove_file(ws.path().join("clients.toml")).expect("rm");
    std::fs::hard_link(outside.path().join("secret"), ws.path().join("clients.toml")).expect("hard link");
    let run = roster(ws.path(), &["check"], &[]);
    run.code(1).stderr_has("error[io]: `clients.toml` has 2 hard links");
    assert!(!run.stderr.contains("s3cr3t") && !run.stdout.contains("s3cr3t"), "the file was echoed:\n{}", run.stderr);
    roster(ws.path(), &["member", "edit", "bob", "--name", "B"], &[]).code(1).stderr_has("hard links");
    assert_eq!(outside.read("secret"), "s3cr3t-first-line: not TOML\nmore\n");
}
