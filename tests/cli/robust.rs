//! Inputs that used to panic, take quadratic time or confuse git: closed pipes,
//! out-of-range numbers, long lines of mistakes, wide CSV headers, hostile file
//! names in a repository. Each asserts behaviour (output, exit code), never time.

use crate::support::{Workspace, run_in};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

fn roster(ws: &Workspace, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_roster"));
    cmd.current_dir(ws.path())
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        .arg("-w")
        .arg(ws.path())
        .args(args)
        .stdin(Stdio::null());
    cmd
}

/// The write end of a pipe whose reader is already gone: every write to it fails with EPIPE.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    writer
}

/// The example with 3,000 more members on a profile that does not exist:
/// `check` prints about 3,000 errors, far more than a pipe holds.
fn thousands_of_errors() -> Workspace {
    let ws = Workspace::example();
    let mut members = ws.read("members.toml");
    for i in 0..3000 {
        members.push_str(&format!(
            "\n[members.z{i:04}]\nname = \"Z {i}\"\nemail = \"z{i}@example.com\"\nprofile = \"nope\"\n"
        ));
    }
    ws.write("members.toml", members);
    ws
}

fn exit_code(cmd: &mut Command) -> Option<i32> {
    cmd.status().expect("run roster").code()
}

#[test]
fn check_into_head_ends_quietly_with_its_own_exit_code() {
    let ws = thousands_of_errors();
    // `roster check 2>&1 | head -n1`: one pipe for both streams, closed after one line.
    let (reader, writer) = std::io::pipe().expect("pipe");
    let mut child =
        roster(&ws, &["check"]).stdout(writer.try_clone().expect("clone")).stderr(writer).spawn().expect("spawn");
    let mut first = String::new();
    BufReader::new(reader).read_line(&mut first).expect("read");
    // The reader is gone: roster meets a closed pipe with most of its output unwritten.
    let status = child.wait().expect("wait");
    assert!(first.starts_with("error[unknown-ref]: member `z0000` has the profile `nope`"), "{first}");
    assert_eq!(status.code(), Some(1), "not 101 (a panic), nor 0: check found errors");

    // stderr alone, read for a line then closed.
    let mut child = roster(&ws, &["check"]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stderr.take().expect("stderr")).read_line(&mut first).expect("read");
    assert_eq!(child.wait().expect("wait").code(), Some(1));
}

#[test]
fn a_closed_stderr_is_never_a_panic() {
    let ws = thousands_of_errors();
    assert_eq!(exit_code(roster(&ws, &["check"]).stdout(Stdio::null()).stderr(closed_pipe())), Some(1));
    // An error message, a refused change: their own exit codes, and nothing written.
    let ok = Workspace::example();
    let before = ok.read("members.toml");
    assert_eq!(exit_code(roster(&ok, &["member", "show", "nobody"]).stderr(closed_pipe())), Some(4));
    let refused = roster(&ok, &["member", "edit", "bob", "--email", "claire@cabinet-martin.example"])
        .stdout(closed_pipe())
        .stderr(closed_pipe())
        .status()
        .expect("run");
    assert_eq!(refused.code(), Some(3));
    assert_eq!(ok.read("members.toml"), before);
    // A change that goes through with both streams closed is written.
    assert_eq!(
        exit_code(
            roster(&ok, &["member", "edit", "bob", "--name", "Robert"]).stdout(closed_pipe()).stderr(closed_pipe())
        ),
        Some(0)
    );
    assert!(ok.read("members.toml").contains("name = \"Robert\""));
}

#[test]
fn a_closed_stdout_keeps_the_answer_in_the_exit_code() {
    let ws = Workspace::example();
    let closed = |args: &[&str]| exit_code(roster(&ws, args).stdout(closed_pipe()).stderr(Stdio::null()));
    // Denied stays denied (1) and allowed stays allowed (0) when nobody reads the explanation.
    assert_eq!(closed(&["access", "check", "bob", "settings.edit"]), Some(1));
    assert_eq!(closed(&["access", "check", "claire", "settings.edit"]), Some(0));
    assert_eq!(closed(&["access", "matrix"]), Some(0));
    assert_eq!(closed(&["export", "members"]), Some(0));
    assert_eq!(closed(&["--help"]), Some(0));
}

#[test]
fn lock_timeouts_out_of_range_are_usage_errors() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    for bad in
        ["--lock-timeout=1e20", "--lock-timeout=1e10", "--lock-timeout=-1", "--lock-timeout=NaN", "--lock-timeout=inf"]
    {
        let run = ws.run(&[bad, "member", "edit", "bob", "--name", "Robert"]);
        run.code(2).stderr_has("invalid value").stderr_has("for '--lock-timeout <SECONDS>'");
    }
    ws.run(&["--lock-timeout", "1e20", "check"]).code(2).stderr_has("is too long: give at most 1000000000 seconds");
    ws.run(&["--lock-timeout", "nan", "check"]).code(2).stderr_has("`nan` is not a number of seconds");
    ws.run(&["--lock-timeout=-0.5", "check"]).code(2).stderr_has("`-0.5` is negative");
    assert_eq!(ws.read("members.toml"), before);
    ws.run(&["--lock-timeout", "1e9", "member", "edit", "bob", "--name", "Robert"]).code(0);
}

/// The `error[...]` lines of a run's stderr.
fn errors(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("error[")).collect()
}

#[test]
fn one_line_of_40000_copies_of_a_client_is_one_error() {
    let ws = Workspace::example();
    let copies = vec!["\"acme\""; 40_000].join(", ");
    ws.edit("members.toml", "clients = [\"acme\", \"globex\"]", &format!("clients = [{copies}, \"globex\"]"));
    let run = ws.run(&["check"]);
    run.code(1).stderr_has("check failed: 1 error,");
    assert_eq!(
        errors(&run.stderr),
        vec!["error[bad-value]: client `acme` is assigned to member `bob` 40000 times"],
        "{}",
        run.stderr
    );
    // The excerpt stays one short line, the caret under the second copy.
    run.stderr_has(" --> members.toml:7:20\n");
    assert!(run.stderr.lines().all(|l| l.chars().count() < 200), "{}", run.stderr);
    // A change on it is refused at once (the workspace is invalid), with the same one error.
    let change = ws.run(&["member", "edit", "claire", "--name", "Claire M."]);
    change.code(1);
    assert_eq!(errors(&change.stderr).len(), 2, "the error and the refusal:\n{}", change.stderr);
}

#[test]
fn long_lists_of_mistakes_show_five_then_count_the_rest() {
    let ws = Workspace::example();
    let unknown: Vec<String> = (0..30_000).map(|i| format!("\"gone{i}\"")).collect();
    ws.edit("members.toml", "clients = [\"initech\"]", &format!("clients = [\"initech\", {}]", unknown.join(", ")));
    let run = ws.run(&["check"]);
    run.code(1).stderr_has("check failed: 6 errors,");
    let found = errors(&run.stderr);
    assert!(found[0].starts_with("error[unknown-ref]: member `hugo` is assigned the client `gone0`"), "{found:#?}");
    assert!(found[4].starts_with("error[unknown-ref]: member `hugo` is assigned the client `gone4`"), "{found:#?}");
    assert_eq!(found[5], "error[unknown-ref]: and 29995 more clients assigned to member `hugo` that do not exist");
}

#[test]
fn a_profile_line_of_30000_unknown_actions_is_six_errors() {
    let ws = Workspace::example();
    let actions: Vec<String> = (0..30_000).map(|i| format!("x{i} = \"all\"")).collect();
    ws.edit(
        "profiles/easy-invoicing.toml",
        "calendars = { view = \"all\", edit = \"own\" }",
        &format!("calendars = {{ view = \"all\", edit = \"own\", {} }}", actions.join(", ")),
    );
    let run = ws.run(&["check"]);
    run.code(1).stderr_has("check failed: 6 errors,");
    let found = errors(&run.stderr);
    let first: Vec<String> = (0..5)
        .map(|i| format!("error[bad-value]: area `calendars` has no action `x{i}` (in profile `easy-invoicing`)"))
        .collect();
    assert_eq!(found[..5], first.iter().map(String::as_str).collect::<Vec<_>>()[..], "{}", run.stderr);
    assert_eq!(
        found[5],
        "error[bad-value]: and 29995 more actions that area `calendars` does not have (in profile `easy-invoicing`)"
    );
    // JSON lists the same six, with line and column.
    let json = ws.run(&["check", "--format", "json"]).json();
    let errors = json["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 6);
    assert_eq!(errors[5]["line"], json!(9));
    assert_eq!(errors[5]["column"], json!(108));
}

#[test]
fn an_area_of_20000_actions_and_a_profile_granting_each() {
    let ws = Workspace::example();
    let names: Vec<String> = (0..20_000).map(|i| format!("\"x{i}\"")).collect();
    ws.edit(
        "workspace.toml",
        "[tiers.connect]",
        &format!(
            "[areas.extra]\nlabel = \"Extra\"\nactions = [\"view\", {}]\nlevels = [\"none\"]\n\n[tiers.connect]",
            names.join(", ")
        ),
    );
    let profile = ws.read("profiles/easy-invoicing.toml");
    let grants = |prefix: &str| (0..20_000).map(|i| format!("{prefix}{i} = \"none\"")).collect::<Vec<_>>().join(", ");
    ws.write("profiles/easy-invoicing.toml", format!("{profile}extra = {{ view = \"none\", {} }}\n", grants("x")));
    ws.run(&["check"]).code(0).stdout_has("ok: 0 errors, 0 warnings");
    ws.write("profiles/easy-invoicing.toml", format!("{profile}extra = {{ view = \"none\", {} }}\n", grants("y")));
    let run = ws.run(&["check"]);
    run.code(1).stderr_has("check failed: 6 errors,");
    assert_eq!(
        errors(&run.stderr)[5],
        "error[bad-value]: and 19995 more actions that area `extra` does not have (in profile `easy-invoicing`)"
    );
    // An action listed twice in the area is found in a list that long too.
    ws.edit("workspace.toml", "\"x19999\"]", "\"x19999\", \"x7\"]");
    ws.run(&["check"]).code(1).stderr_has("error[bad-value]: action `x7` is listed twice");
}

#[test]
fn a_csv_header_of_100000_columns_is_one_problem() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    let mut header: Vec<String> = vec!["id".into(), "name".into()];
    header.extend((0..100_000).map(|i| format!("c{i}")));
    ws.write("wide.csv", format!("{}\nbob,Robert{}\n", header.join(","), ",".repeat(100_000)));
    let run = ws.run(&["import", "members", "wide.csv"]);
    run.code(3).stderr_has("error[bad-row]: 1 problem in `wide.csv`; nothing was imported");
    run.stderr_has(
        "wide.csv: unknown columns `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9` and 99990 more; the known columns are: id, name,",
    );
    // One column repeated 50,000 times is one problem too.
    let repeated = vec!["name"; 50_000].join(",");
    ws.write("repeated.csv", format!("id,{repeated}\nbob{}\n", ",Robert".repeat(50_000)));
    ws.run(&["import", "members", "repeated.csv"])
        .code(3)
        .stderr_has("repeated.csv: the column `name` appears 50000 times\n")
        .stderr_has("1 problem in `repeated.csv`");
    assert_eq!(ws.read("members.toml"), before);
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A repository whose top level is the example workspace, committed and tagged `base`.
fn repo() -> Workspace {
    let ws = Workspace::example();
    git(ws.path(), &["init", "-q"]);
    git(ws.path(), &["add", "-A"]);
    git(ws.path(), &["commit", "-qm", "base"]);
    git(ws.path(), &["tag", "base"]);
    ws
}

#[test]
fn a_file_name_holding_a_newline_cannot_feed_git_another_request() {
    let ws = repo();
    // The invoicing tier costs 10 more: hugo pays it (305 -> 315); bob's licence is Accounting, for ACME.
    ws.edit("workspace.toml", "price = 15.0", "price = 25.0");
    // Asked for by path, this name was two requests, `HEAD:w` and
    // `base:workspace.toml`, and the second answer was read as the new workspace.toml.
    ws.write("w", "w\n");
    ws.write("w\nbase:workspace.toml", "# not a workspace file\n");
    git(ws.path(), &["add", "-A"]);
    git(ws.path(), &["commit", "-qm", "hostile name"]);
    let run = ws.run(&["diff", "base", "--to", "HEAD", "--format", "json"]);
    run.code(0);
    assert_eq!(run.json()["monthly_cost"], json!({"before": 305.0, "after": 315.0}), "{}", run.stdout);
    ws.run(&["diff", "base"]).code(0).stdout_has("monthly cost: 305.00 -> 315.00 EUR (+10.00)");

    // The name from the issue: a profile file whose name is not an id is reported
    // as it is on disk, not read as members.toml.
    ws.write("profiles/x\nHEAD:members.toml", ws.read("profiles/connect-no-pay.toml"));
    git(ws.path(), &["add", "-A"]);
    git(ws.path(), &["commit", "-qm", "hostile profile name"]);
    let on_disk = ws.run(&["check"]);
    on_disk.code(1).stderr_has("check failed: 1 error,").stderr_has("error[bad-value]: profile file name `x");
    ws.run(&["diff", "HEAD~1", "--to", "HEAD"])
        .code(1)
        .stderr_has("error[bad-value]: profile file name `x")
        .stderr_has("error[invalid-workspace]: the workspace at HEAD has 1 error");
}

#[test]
fn a_revision_beginning_with_a_dash_never_reaches_git() {
    let ws = repo();
    let out = ws.path().join("written-by-git");
    let option = format!("--output={}", out.display());
    for args in [vec!["diff", "--", option.as_str()], vec!["diff", "HEAD", "--to=-x"], vec!["diff", "--to=--all"]] {
        let mut all = vec!["-w", ws.path().to_str().expect("utf-8")];
        all.extend(args.iter().copied());
        run_in(ws.path(), &all).code(2).stderr_has("error[usage]: `-").stderr_has("is not a revision");
    }
    assert!(!out.exists());
}
