//! The CI formats: `check --format github|sarif`, `test --format github|junit`.
//! GitHub workflow commands to the byte, SARIF validated against the SARIF
//! 2.1.0 JSON schema (`tests/data/sarif-2.1.0.json`, see its README), JUnit XML
//! read back by a real XML parser (Python's), paths relative to the
//! repository root, and every other command refusing these formats.

use crate::support::{Run, Workspace, copy_dir, repo_config, run_in};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A git repository whose `perms/` folder holds the example workspace, with
/// an error (the owner misspelt) and a warning (a profile nobody uses).
fn broken_repo() -> (Workspace, PathBuf) {
    let repo = Workspace::empty();
    git(repo.path(), &["init", "-q"]);
    let ws = repo.path().join("perms");
    copy_dir(&repo_config(), &ws);
    let edit = |name: &str, from: &str, to: &str| {
        let path = ws.join(name);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{name} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    edit("workspace.toml", "owner = \"claire\"", "owner = \"clare\"");
    std::fs::write(ws.join("profiles/spare.toml"), "name = \"Spare\"\ntier = \"connect\"\n").expect("write");
    (repo, ws)
}

/// The SARIF 2.1.0 JSON schema (the SARIF SDK's, JSON Schema 2020-12), with
/// formats (`uri`, `uri-reference`) checked too.
fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("JSON");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the SARIF schema compiles")
}

#[track_caller]
fn assert_valid_sarif(run: &Run) -> Value {
    let log = run.json();
    let errors: Vec<String> =
        sarif_validator().iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF does not validate:\n{}\n{}", errors.join("\n"), run.stdout);
    log
}

#[test]
fn github_annotations_name_files_from_the_repository_root() {
    let (repo, ws) = broken_repo();
    let expected = "\
::error file=perms/workspace.toml,line=7,col=9,title=unknown-ref::the owner is `clare`, which does not exist%0Ahelp: did you mean `claire`?
::warning file=perms/profiles/spare.toml,line=1,col=1,title=unused-profile::profile `spare` has no members%0Ahelp: remove profiles/spare.toml if it is no longer needed
";
    // The same paths from the repository root, from the workspace and from
    // a folder inside it.
    std::fs::create_dir_all(ws.join("profiles/deeper")).expect("mkdir");
    for (cwd, w) in [(repo.path(), "perms"), (&ws, "."), (&ws.join("profiles/deeper"), "../..")] {
        let run = run_in(cwd, &["-w", w, "check", "--format", "github"]);
        run.code(1);
        assert_eq!(run.stdout, expected, "from {}", cwd.display());
        assert_eq!(run.stderr, "");
    }
}

#[test]
fn outside_a_repository_files_are_named_from_the_current_folder() {
    let dir = Workspace::empty();
    copy_dir(&repo_config(), &dir.path().join("ws"));
    let path = dir.path().join("ws/workspace.toml");
    let text = std::fs::read_to_string(&path).expect("read").replacen("owner = \"claire\"", "owner = \"clare\"", 1);
    std::fs::write(&path, text).expect("write");
    run_in(dir.path(), &["-w", "ws", "check", "--format", "github"])
        .code(1)
        .stdout_has("::error file=ws/workspace.toml,line=7,col=9,title=unknown-ref::");
    run_in(&dir.path().join("ws"), &["check", "--format", "github"])
        .code(1)
        .stdout_has("::error file=workspace.toml,line=7,col=9,title=unknown-ref::");
}

#[test]
fn github_escapes_percent_line_breaks_commas_and_colons() {
    let repo = Workspace::empty();
    git(repo.path(), &["init", "-q"]);
    let ws = repo.path().join("a,b:c%d");
    copy_dir(&repo_config(), &ws);
    // Two members sharing an email with a `%` in it: the message quotes it.
    let members = std::fs::read_to_string(ws.join("members.toml")).expect("read");
    let members = members.replacen("bob@cabinet-martin.example", "b%0Ab@x.example", 1).replacen(
        "hugo@cabinet-martin.example",
        "B%0AB@x.example",
        1,
    );
    std::fs::write(ws.join("members.toml"), members).expect("write");
    let run = run_in(repo.path(), &["-w", "a,b:c%d", "check", "--format", "github"]);
    run.code(1);
    let line = run.stdout.lines().find(|l| l.contains("duplicate-email")).expect("a duplicate-email annotation");
    assert!(line.starts_with("::error file=a%2Cb%3Ac%25d/members.toml,line="), "{line}");
    assert!(line.contains("`B%250AB@x.example`"), "the message's % is escaped: {line}");
    assert_eq!(run.stdout.lines().count(), 1, "one line per annotation:\n{}", run.stdout);
    // In SARIF, the same path is a URI: percent-encoded.
    let log = assert_valid_sarif(&run_in(repo.path(), &["-w", "a,b:c%d", "check", "--format", "sarif"]));
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "a%2Cb%3Ac%25d/members.toml");
}

#[test]
fn sarif_validates_and_puts_each_diagnostic_on_its_line() {
    let (repo, _ws) = broken_repo();
    let run = run_in(repo.path(), &["-w", "perms", "check", "--format", "sarif"]);
    run.code(1);
    let log = assert_valid_sarif(&run);
    assert_eq!(log["version"], "2.1.0");
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "roster");
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), roster::codes::RULES.len(), "every rule is described");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let owner = &results[0];
    assert_eq!(owner["ruleId"], "unknown-ref");
    assert_eq!(owner["level"], "error");
    assert_eq!(rules[owner["ruleIndex"].as_u64().expect("index") as usize]["id"], "unknown-ref");
    assert_eq!(owner["message"]["text"], "the owner is `clare`, which does not exist\nhelp: did you mean `claire`?");
    assert_eq!(
        owner["locations"][0]["physicalLocation"],
        json!({
            "artifactLocation": {"uri": "perms/workspace.toml", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 7, "startColumn": 9}
        })
    );
    assert_eq!(results[1]["ruleId"], "unused-profile");
    assert_eq!(results[1]["level"], "warning");
}

#[test]
fn sarif_of_a_clean_workspace_and_of_a_missing_file_validates() {
    let ws = Workspace::example_with_tests();
    let log = assert_valid_sarif(ws.run(&["check", "--format", "sarif"]).code(0));
    assert_eq!(log["runs"][0]["results"], json!([]));
    // A file that is not there: no line to point at, so its first line.
    std::fs::remove_file(ws.path().join("clients.toml")).expect("rm");
    let run = ws.run(&["check", "--format", "sarif"]);
    run.code(1);
    let log = assert_valid_sarif(&run);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "missing-file");
    assert_eq!(result["locations"][0]["physicalLocation"]["region"], json!({"startLine": 1, "startColumn": 1}));
}

#[test]
fn the_sarif_schema_rejects_what_is_not_sarif() {
    // The validator is no rubber stamp.
    let v = sarif_validator();
    let driver = |d: Value| json!({"version": "2.1.0", "runs": [{"tool": {"driver": d}}]});
    assert!(v.is_valid(&driver(json!({"name": "x"}))));
    assert!(!v.is_valid(&json!({"version": "2.1.0"})), "no runs");
    assert!(!v.is_valid(&json!({"version": "2.1.0", "runs": [{"results": []}]})), "no tool");
    assert!(!v.is_valid(&driver(json!({}))), "no name");
    assert!(!v.is_valid(&driver(json!({"name": "x", "nam": 1}))), "an unknown property");
    let location = |uri: &str| {
        json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]}]}]})
    };
    assert!(v.is_valid(&location("config/members.toml")));
    assert!(!v.is_valid(&location("my config/members.toml")), "a space is not in a URI");
}

/// Parses JUnit XML with Python's `xml.etree` (a real XML parser) and prints
/// it back as JSON: every testcase with its attributes and failure.
fn parse_junit(xml: &str) -> Value {
    let script = r#"
import json, sys
import xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
suites = []
for suite in root.iter("testsuite"):
    cases = []
    for case in suite.iter("testcase"):
        failure = case.find("failure")
        cases.append({"attrs": case.attrib, "failure": None if failure is None else {"attrs": failure.attrib, "text": failure.text}})
    suites.append({"attrs": suite.attrib, "cases": cases})
print(json.dumps({"root": root.tag, "attrs": root.attrib, "suites": suites}))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (it parses the JUnit XML with xml.etree)");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(xml.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("python3");
    assert!(out.status.success(), "the XML does not parse: {}\n{xml}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The example's tests, with the first and fourth made to fail, and a name
/// full of what XML must escape.
fn failing_tests() -> Workspace {
    let ws = Workspace::example_with_tests();
    ws.edit("tests.toml", "exactly = [\"claire\", \"marc\"]", "exactly = [\"claire\"]");
    ws.edit("tests.toml", "deny = [\"invoices.edit\"]", "deny = [\"invoices.view\"]");
    ws.edit("tests.toml", "name = \"Bob keeps ACME's books\"", "name = \"Bob <keeps> \\\"A&B\\\" \\u001b[2J books\"");
    ws
}

#[test]
fn junit_has_a_testcase_per_test_and_a_failure_with_expected_and_actual() {
    let ws = failing_tests();
    let run = ws.run(&["test", "--format", "junit"]);
    run.code(1);
    assert!(!run.stdout.contains('\u{1b}'), "no raw control character in the XML");
    let report = parse_junit(&run.stdout);
    assert_eq!(report["root"], "testsuites");
    assert_eq!(report["attrs"]["tests"], "7");
    assert_eq!(report["attrs"]["failures"], "2");
    let cases = report["suites"][0]["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 7, "one testcase per test");
    let first = &cases[0];
    assert_eq!(first["attrs"]["name"], "Only the administrators edit settings");
    assert_eq!(first["attrs"]["file"], "tests.toml");
    assert_eq!(first["attrs"]["line"], "4");
    assert_eq!(first["failure"]["attrs"]["message"], "expected exactly claire; actual claire, marc");
    let text = first["failure"]["text"].as_str().expect("failure text");
    assert!(text.starts_with("expected: exactly claire\nactual:   claire, marc\nwhy:      marc: allowed"), "{text}");
    assert_eq!(cases[2]["attrs"]["name"], "Bob <keeps> \"A&B\" \\u{1b}[2J books");
    assert_eq!(cases[2]["failure"], Value::Null, "a passing test has no failure");
    assert!(cases[3]["failure"]["text"].as_str().expect("text").contains("denied invoices.view"));
}

#[test]
fn junit_of_no_test_and_of_a_filter_is_well_formed() {
    let ws = Workspace::example();
    let report = parse_junit(&ws.run(&["test", "--format", "junit"]).code(0).stdout);
    assert_eq!(report["attrs"]["tests"], "0");
    let ws = Workspace::example_with_tests();
    let report = parse_junit(&ws.run(&["test", "--format", "junit", "--filter", "Bob"]).code(0).stdout);
    assert_eq!(report["suites"][0]["cases"].as_array().map(Vec::len), Some(1));
}

#[test]
fn github_annotates_each_failing_test_on_its_line() {
    let ws = failing_tests();
    let run = ws.run(&["test", "--format", "github"]);
    run.code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "only the failures:\n{}", run.stdout);
    assert_eq!(
        lines[0],
        "::error file=tests.toml,line=4,title=Only the administrators edit settings::access test failed: expected exactly claire%0Aactual: claire, marc%0Awhy: marc: allowed (status: active -> profile: admin (own profile) -> grant: settings.edit = all (admin profile: the highest level) -> ceiling: all (tier admin))"
    );
    assert!(lines[1].starts_with("::error file=tests.toml,line=20,title=Julie sees her clients' invoices but cannot change them::access test failed: expected allowed invoices.view; denied invoices.view%0Aactual: "), "{}", lines[1]);
    ws.run(&["test", "--format", "github", "--filter", "Seats"]).code(0);
    assert_eq!(ws.run(&["test", "--format", "github", "--filter", "Seats"]).stdout, "");
}

#[test]
fn other_commands_refuse_the_ci_formats_and_write_nothing() {
    let ws = Workspace::example_with_tests();
    let before = ws.read("members.toml");
    for (args, format) in [
        (&["member", "list"][..], "github"),
        (&["check"][..], "junit"),
        (&["test"][..], "sarif"),
        (&["member", "edit", "bob", "--name", "Robert"][..], "sarif"),
        (&["export", "members"][..], "junit"),
    ] {
        let mut all = args.to_vec();
        all.extend(["--format", format]);
        ws.run(&all)
            .code(2)
            .stderr_has(&format!("error[usage]: this command does not print `--format {format}`"))
            .stderr_has("`--format github` is for `roster check` and `roster test`");
    }
    assert_eq!(ws.read("members.toml"), before);
}

/// The hooks of `.pre-commit-hooks.yaml` are the three the reference names,
/// and each one's command passes on the example workspace.
#[test]
fn the_pre_commit_hooks_run_roster() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml");
    fn field<'t>(line: &'t str, key: &str) -> Option<&'t str> {
        line.trim().trim_start_matches("- ").strip_prefix(key).map(str::trim)
    }
    let ids: Vec<&str> = text.lines().filter_map(|l| field(l, "id:")).collect();
    assert_eq!(ids, ["roster-check", "roster-fmt", "roster-test"]);
    let entries: Vec<&str> = text.lines().filter_map(|l| field(l, "entry:")).collect();
    assert_eq!(entries.len(), 3);
    let ws = Workspace::example_with_tests();
    for entry in entries {
        let words: Vec<&str> = entry.split_whitespace().collect();
        assert_eq!(words[0], "roster", "{entry}");
        ws.run(&words[1..]).code(0);
    }
}
