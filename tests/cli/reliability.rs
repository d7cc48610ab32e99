//! Reliability (see RELIABILITY.md): changes killed with SIGKILL at random
//! moments, 50 writers at once, hostile workspaces, and mutated files. The
//! quick versions run in `cargo test`; `ROSTER_CRASH_ROUNDS=240 cargo test
//! --release --test cli crash -- --nocapture` runs the long crash harness, and
//! `ROSTER_MUTATIONS=5000 ...mutated` the long mutation run.

use crate::support::{Workspace, run_in};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The generator's splitmix64, so that every run tries the same moments.
struct Rng(roster::generate::Rng);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0.next_u64() % n.max(1)
    }
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for name in ["workspace.toml", "members.toml", "clients.toml"] {
        out.insert(name.to_string(), std::fs::read_to_string(dir.join(name)).unwrap_or_default());
    }
    for e in std::fs::read_dir(dir.join("profiles")).expect("profiles") {
        let e = e.expect("entry");
        let name = e.file_name().to_string_lossy().into_owned();
        // A killed change's temporary file is not a workspace file (counted apart).
        if !name.starts_with(".roster-") {
            out.insert(format!("profiles/{name}"), std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    out
}

/// Temporary files a killed change left, in the workspace and in profiles/.
fn leftovers(dir: &Path) -> usize {
    [dir.to_path_buf(), dir.join("profiles")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".roster-"))
        .count()
}

fn restore(dir: &Path, state: &BTreeMap<String, String>) {
    for e in std::fs::read_dir(dir.join("profiles")).expect("profiles") {
        std::fs::remove_file(e.expect("entry").path()).expect("rm");
    }
    for e in std::fs::read_dir(dir).expect("dir") {
        let e = e.expect("entry");
        if e.file_name().to_string_lossy().starts_with(".roster-") {
            std::fs::remove_file(e.path()).expect("rm tmp");
        }
    }
    for (name, text) in state {
        std::fs::write(dir.join(name), text).expect("write");
    }
}

fn roster(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("roster"));
    c.arg("-w")
        .arg(dir)
        .arg("-q")
        .args(args)
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Changes killed at random moments leave every file old or new, a workspace
/// that passes `check`, and no member or assignment lost.
#[test]
fn crash_injection_leaves_old_or_new_files() {
    let rounds: usize = std::env::var("ROSTER_CRASH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let ws = Workspace::empty();
    let dir = ws.path();
    let params = roster::generate::Params { seed: 3, members: 3000, clients: 600, profiles: 12, ..Default::default() };
    roster::generate::write(dir, &roster::generate::generate(&params)).expect("generate");
    let mut csv = String::from("id,name,credit_limit\n");
    for i in (1..3000).step_by(60) {
        csv.push_str(&format!("m{i:06},Imported {i},{}\n", 100 + i));
    }
    std::fs::write(
        dir.parent().expect("parent").join(format!("{}-import.csv", dir.file_name().expect("name").to_string_lossy())),
        &csv,
    )
    .expect("csv");
    let csv_path =
        dir.parent().expect("parent").join(format!("{}-import.csv", dir.file_name().expect("name").to_string_lossy()));
    let old = files(dir);
    let commands: Vec<Vec<String>> = vec![
        vec!["member", "edit", "m001500", "--name", "Crash Test"],
        // p0009 is on the top tier, as the admin profile, which members with
        // overrides or per-client profiles may not move to (admin-limited).
        vec!["transfer-all", "p0003", "--to", "p0009"],
        vec!["client", "assign", "c000007", "c000008", "--to", "m002000"],
        vec!["import", "members", csv_path.to_str().expect("path")],
        vec!["transfer-one", "m000042", "--to", "p0002"],
        vec!["profile", "duplicate", "p0005", "p0005-copy"],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(String::from).collect())
    .collect();
    // The new files of each command, and how long it takes uncut.
    let mut expected = Vec::new();
    for args in &commands {
        restore(dir, &old);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let start = Instant::now();
        let status = roster(dir, &args).arg("--allow-failing-tests").status().expect("run");
        assert!(status.success(), "{args:?} failed uncut");
        expected.push((files(dir), start.elapsed()));
    }
    let mut rng = Rng(roster::generate::Rng(42));
    let (mut old_files, mut new_files, mut stray) = (0, 0, 0);
    for round in 0..rounds {
        let which = round % commands.len();
        let args: Vec<&str> = commands[which].iter().map(String::as_str).collect();
        let (new, took) = &expected[which];
        restore(dir, &old);
        let mut child = roster(dir, &args).arg("--allow-failing-tests").spawn().expect("spawn");
        let wait = Duration::from_micros(rng.below(took.as_micros() as u64 * 13 / 10 + 1));
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = files(dir);
        for (name, text) in &now {
            let is_old = old.get(name) == Some(text);
            let is_new = new.get(name) == Some(text);
            assert!(
                is_old || is_new,
                "round {round} ({args:?}, killed after {wait:?}): {name} is neither the old nor the new file"
            );
            if is_old && !is_new {
                old_files += 1;
            } else if is_new && !is_old {
                new_files += 1;
            }
        }
        for name in old.keys() {
            assert!(now.contains_key(name), "round {round}: {name} is gone");
        }
        stray += leftovers(dir);
        let check = roster(dir, &["check"]).status().expect("check");
        assert!(check.success(), "round {round} ({args:?}, killed after {wait:?}): check fails afterwards");
        // The next change sweeps what a killed one left.
        if round % commands.len() == 0 {
            let ok = roster(dir, &["member", "edit", "m000003", "--name", "Sweeper"]).status().expect("run");
            assert!(ok.success());
            assert_eq!(leftovers(dir), 0, "round {round}: a temporary file survived the next change");
        }
    }
    eprintln!(
        "crash injection: {rounds} kills; files found old {old_files} times, new {new_files} times; {stray} stray temporary files"
    );
}

/// 50 processes at once: different members, the same member, and a
/// transfer-all among them. Every success is in the files; every timeout
/// exited 6 and changed nothing; `check` passes.
#[test]
fn fifty_concurrent_writers() {
    let ws = Workspace::example();
    let mut members = ws.read("members.toml");
    for i in 0..40 {
        members.push_str(&format!("\n[members.w{i:02}]\nname = \"W {i}\"\nemail = \"w{i}@example.com\"\nprofile = \"easy-invoicing\"\nclients = [\"acme\"]\n"));
    }
    ws.write("members.toml", &members);
    ws.run(&["check"]).code(0);
    let mut children = Vec::new();
    for i in 0..50 {
        let args: Vec<String> = match i {
            0..=39 => vec!["member".into(), "edit".into(), format!("w{i:02}"), "--name".into(), format!("Edited {i}")],
            40..=48 => vec!["member".into(), "edit".into(), "bob".into(), "--name".into(), format!("Bob {i}")],
            _ => vec!["transfer-all".into(), "connect-pay".into(), "--to".into(), "easy-invoicing".into()],
        };
        // A short timeout for some, so that a few give up while others wait.
        let timeout = if i % 5 == 0 { "0.02" } else { "30" };
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("roster"));
        c.arg("-w")
            .arg(ws.path())
            .args(["--lock-timeout", timeout])
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        children.push((args, c.spawn().expect("spawn")));
    }
    let mut bob_names = Vec::new();
    let (mut ok, mut timed_out) = (0, 0);
    let mut transfer_ok = false;
    let mut edited = Vec::new();
    for (args, child) in children {
        let out = child.wait_with_output().expect("wait");
        match out.status.code() {
            Some(0) => {
                ok += 1;
                if args[0] == "transfer-all" {
                    transfer_ok = true;
                } else if args[2] == "bob" {
                    bob_names.push(args[4].clone());
                } else {
                    edited.push((args[2].clone(), args[4].clone()));
                }
            }
            Some(6) => {
                timed_out += 1;
                assert!(String::from_utf8_lossy(&out.stderr).contains("error[lock-timeout]"), "{args:?}");
                if args[2].starts_with('w') && args[0] == "member" {
                    // Changed nothing: its name is still the original.
                    assert!(
                        ws.read("members.toml").contains(&format!("[members.{}]\nname = \"W ", args[2])),
                        "{args:?} timed out but wrote"
                    );
                }
            }
            other => panic!("{args:?} exited {other:?}: {}", String::from_utf8_lossy(&out.stderr)),
        }
    }
    let text = ws.read("members.toml");
    for (member, name) in &edited {
        assert!(text.contains(&format!("[members.{member}]\nname = \"{name}\"")), "{member}'s change was lost");
    }
    if bob_names.is_empty() {
        assert!(text.contains("name = \"Bob Durand\""));
    } else {
        assert!(
            bob_names.iter().any(|n| text.contains(&format!("name = \"{n}\""))),
            "no successful edit of bob is in the file"
        );
    }
    assert_eq!(transfer_ok, !text.contains("profile = \"connect-pay\""), "transfer-all reported {transfer_ok}");
    assert_eq!(ok + timed_out, 50);
    ws.run(&["check"]).code(0);
    eprintln!("50 concurrent writers: {ok} succeeded, {timed_out} timed out (exit 6)");
}

/// Random edits of the example's files: `check` always answers with a code of
/// its own (0 or 1), never a panic; a workspace that passes formats to one that
/// means the same, and formatting twice changes nothing.
#[test]
fn mutated_files_never_panic() {
    let rounds: usize = std::env::var("ROSTER_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
    let base = Workspace::example_with_tests();
    let original = files(base.path());
    let tests = base.read("tests.toml");
    let names: Vec<&String> = original.keys().collect();
    let mut rng = Rng(roster::generate::Rng(7));
    let pieces = [
        "[", "]", "\"", "'", "=", "\n", "#", "{", "}", ",", ".", "members.", "\"\"\"", "\u{feff}", "é", "\0", "0x",
        "1e400", "[[x]]", "nan",
    ];
    let (mut valid, mut invalid) = (0, 0);
    for round in 0..rounds {
        let ws = Workspace::empty();
        restore_into(ws.path(), &original, &tests);
        let name = names[rng.below(names.len() as u64) as usize];
        let mut bytes = original[name].clone().into_bytes();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len() as u64 + 1) as usize;
            match rng.below(4) {
                0 if !bytes.is_empty() => {
                    let end = (at + 1 + rng.below(40) as usize).min(bytes.len());
                    bytes.drain(at.min(bytes.len())..end);
                }
                1 => {
                    let piece = pieces[rng.below(pieces.len() as u64) as usize].as_bytes();
                    bytes.splice(at..at, piece.iter().copied());
                }
                2 if !bytes.is_empty() => {
                    let i = at.min(bytes.len() - 1);
                    bytes[i] = (rng.next() & 0xff) as u8;
                }
                _ => {
                    let start = at.min(bytes.len());
                    let end = (start + rng.below(200) as usize).min(bytes.len());
                    let copy = bytes[start..end].to_vec();
                    bytes.splice(start..start, copy);
                }
            }
        }
        std::fs::write(ws.path().join(name), &bytes).expect("write");
        let run = run_in(ws.path(), &["check", "--format", "json"]);
        assert!(run.code == 0 || run.code == 1, "round {round}: check exited {}: {}", run.code, run.stderr);
        assert!(!run.stderr.contains("panicked"), "round {round}: {}", run.stderr);
        if run.code == 0 {
            valid += 1;
            let matrix = run_in(ws.path(), &["access", "matrix", "--format", "json"]).stdout;
            let fmt = run_in(ws.path(), &["fmt", "-q"]);
            if fmt.code == 0 {
                assert_eq!(
                    run_in(ws.path(), &["access", "matrix", "--format", "json"]).stdout,
                    matrix,
                    "round {round}: fmt changed the meaning"
                );
                run_in(ws.path(), &["fmt", "--check"]).code(0);
            } else {
                assert!(
                    fmt.code == 3 && fmt.stderr.contains("error[fmt-comments]"),
                    "round {round}: fmt exited {}: {}",
                    fmt.code,
                    fmt.stderr
                );
            }
        } else {
            invalid += 1;
        }
    }
    eprintln!("mutations: {rounds} workspaces, {valid} valid, {invalid} reported invalid, no panic");
}

fn restore_into(dir: &Path, state: &BTreeMap<String, String>, tests: &str) {
    std::fs::create_dir_all(dir.join("profiles")).expect("mkdir");
    for (name, text) in state {
        std::fs::write(dir.join(name), text).expect("write");
    }
    std::fs::write(dir.join("tests.toml"), tests).expect("write");
}

/// Random CSV files for `import members`: a code of its own, never a panic,
/// and a refused import writes nothing.
#[test]
fn random_csv_never_panics() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    let mut rng = Rng(roster::generate::Rng(11));
    let cells = [
        "id",
        "name",
        "email",
        "clients",
        "bob",
        "new",
        "x@y.example",
        "acme;globex",
        "\"",
        "\"a,b\"",
        "",
        "\r\n",
        "\n",
        ",",
        "=",
        "\u{feff}",
        "grants",
        "invoices.view=all",
        "credit_limit",
        "-1",
        "1e999",
        "status",
        "away",
    ];
    for round in 0..200 {
        let mut csv = String::new();
        for _ in 0..rng.below(30) {
            csv.push_str(cells[rng.below(cells.len() as u64) as usize]);
            csv.push(if rng.below(4) == 0 { '\n' } else { ',' });
        }
        ws.write("r.csv", &csv);
        let run = ws.run(&["--dry-run", "import", "members", "r.csv"]);
        assert!(matches!(run.code, 0 | 3), "round {round}: exit {} for {csv:?}: {}", run.code, run.stderr);
        assert!(!run.stderr.contains("panicked"));
        assert_eq!(ws.read("members.toml"), before);
    }
}

#[test]
fn a_workspace_folder_that_is_a_link_is_fine() {
    let ws = Workspace::example();
    let holder = Workspace::empty();
    let link = holder.path().join("perms");
    std::os::unix::fs::symlink(ws.path(), &link).expect("symlink");
    run_in(holder.path(), &["-w", "perms", "check"]).code(0);
    run_in(holder.path(), &["-w", "perms", "client", "assign", "initech", "--to", "bob"]).code(0);
    assert!(ws.read("members.toml").contains("\"acme\", \"globex\", \"initech\""));
    assert!(std::fs::symlink_metadata(&link).expect("meta").file_type().is_symlink(), "the link must stay a link");
}

#[test]
fn a_profile_linking_outside_is_refused_for_changes_too() {
    let ws = Workspace::example();
    let outside = Workspace::empty();
    outside.write("p.toml", "name = \"Outside\"\ntier = \"connect\"\nbuiltin = true\n");
    std::os::unix::fs::symlink(outside.path().join("p.toml"), ws.path().join("profiles/outside.toml"))
        .expect("symlink");
    ws.run(&["member", "edit", "bob", "--name", "B"]).code(1).stderr_has("outside the workspace");
    assert_eq!(outside.read("p.toml"), "name = \"Outside\"\ntier = \"connect\"\nbuiltin = true\n");
}

#[test]
fn an_unreadable_file_is_an_io_error() {
    let ws = Workspace::example();
    let path = ws.path().join("clients.toml");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_err() {
        ws.run(&["check"]).code(1).stderr_has("error[io]: cannot read `clients.toml`");
        return;
    }
    // Root reads any file whatever its mode: run roster as `nobody` instead
    // (setpriv, from util-linux), so that the case is tested here too.
    std::fs::set_permissions(ws.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod folder");
    let binary = assert_cmd::cargo::cargo_bin("roster");
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&binary)
        .args(["-w", ".", "check"])
        .current_dir(ws.path())
        .env_remove("ROSTER_WORKSPACE")
        .output()
        .unwrap_or_else(|e| panic!("running as root, this test needs `setpriv` (util-linux) to drop privileges: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("Permission denied") && !stderr.contains("error[io]") {
        panic!("`nobody` cannot run {} (its folders are not readable to others): {stderr}", binary.display());
    }
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[io]: cannot read `clients.toml`"), "{stderr}");
}

/// A read-only folder and a full disk, on a small tmpfs when this machine lets
/// the test mount one (root in CI); the change fails with exit 6 and every
/// file is as it was.
#[test]
fn read_only_folder_and_full_disk() {
    let ws = Workspace::example();
    let holder = Workspace::empty();
    let mnt = holder.path().join("mnt");
    std::fs::create_dir(&mnt).expect("mkdir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=48k", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        // Never a silent pass: a machine that cannot mount says so by setting
        // the variable, and the skip is printed.
        assert!(
            std::env::var_os("ROSTER_SKIP_MOUNT_TESTS").is_some(),
            "cannot mount a tmpfs here (needs root): set ROSTER_SKIP_MOUNT_TESTS=1 to skip the full-disk and read-only cases"
        );
        eprintln!("SKIPPED: read_only_folder_and_full_disk (ROSTER_SKIP_MOUNT_TESTS is set)");
        return;
    }
    let umount = |m: &Path| {
        let _ = Command::new("umount").arg(m).status();
    };
    let work = mnt.join("ws");
    crate::support::copy_dir(ws.path(), &work);
    // Full disk: fill the tmpfs, then change.
    let before = files(&work);
    let filler = mnt.join("filler");
    let _ = std::fs::write(&filler, vec![b'x'; 64 * 1024]);
    let run = run_in(&work, &["member", "add", "dan", "--name", "Dan", "--email", "dan@example.com"]);
    let full = run.code;
    let after_full = files(&work);
    let stray: Vec<_> = std::fs::read_dir(&work)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".roster-"))
        .collect();
    let _ = std::fs::remove_file(&filler);
    // Read-only: remount.
    let ro = Command::new("mount").args(["-o", "remount,ro"]).arg(&mnt).status().is_ok_and(|s| s.success());
    let ro_run = run_in(&work, &["member", "add", "dan", "--name", "Dan", "--email", "dan@example.com"]);
    let after_ro = files(&work);
    umount(&mnt);
    assert_eq!(full, 6, "full disk: {}", run.stderr);
    assert!(run.stderr.contains("error[io]"), "{}", run.stderr);
    assert_eq!(after_full, before, "a failed write changed a file");
    assert!(stray.is_empty(), "stray temporary files after a full disk: {stray:?}");
    assert!(ro, "the tmpfs could not be remounted read-only");
    {
        assert_eq!(ro_run.code, 6, "read-only: {}", ro_run.stderr);
        assert!(ro_run.stderr.contains("error[io]"), "{}", ro_run.stderr);
        assert_eq!(after_ro, before);
    }
}

#[test]
fn a_million_line_members_file() {
    let ws = Workspace::example();
    let mut text = ws.read("members.toml");
    // 200,000 members of 5 lines each, and the example's.
    for i in 0..200_000 {
        text.push_str(&format!(
            "\n[members.x{i:06}]\nname = \"X {i}\"\nemail = \"x{i}@example.com\"\nprofile = \"connect-pay\"\n"
        ));
    }
    assert!(text.lines().count() > 1_000_000);
    ws.write("members.toml", &text);
    let run = ws.run(&["check"]);
    run.code(0);
    ws.write("members.toml", text.replacen("profile = \"connect-pay\"\n", "profile = \"connect-pay\nx = 1\n", 1));
    ws.run(&["check"]).code(1).stderr_has("error[toml-syntax]");
}

#[test]
fn deeply_nested_toml() {
    let ws = Workspace::example();
    let mut text = ws.read("clients.toml");
    text.push_str(&format!(
        "\n[clients.deep]\nname = \"D\"\nkind = \"company\"\nx = {}1{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    ));
    ws.write("clients.toml", &text);
    ws.run(&["check"]).code(1).stderr_has("error[toml-syntax]");
    let mut text = ws.read("clients.toml");
    text = text.replace(
        &format!("x = {}1{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        &format!("x = {}1{}\n", "{a=".repeat(50_000), "}".repeat(50_000)),
    );
    ws.write("clients.toml", &text);
    ws.run(&["check"]).code(1).stderr_has("error[toml-syntax]");
}

#[test]
fn unicode_look_alike_ids_are_not_ids() {
    let ws = Workspace::example();
    // A Cyrillic "о" in bob: not even a bare TOML key; quoted, not a valid id.
    ws.edit("members.toml", "[members.bob]", "[members.bоb]");
    ws.run(&["check"]).code(1).stderr_has("error[toml-syntax]");
    let ws = Workspace::example();
    ws.edit("members.toml", "[members.bob]", "[members.\"bоb\"]");
    ws.run(&["check"]).code(1).stderr_has("error[bad-value]: member id `bоb` is not valid");
    let ws = Workspace::example();
    ws.run(&["member", "show", "bоb"]).code(4).stderr_has("no member named `bоb`");
    ws.run(&["member", "add", "dаn", "--name", "D", "--email", "d@example.com"])
        .code(3)
        .stderr_has("is not a valid member id");
}
