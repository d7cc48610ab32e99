//! The README's examples are what roster prints: each ```console block is
//! run, command by command, and its output compared line by line (`...`
//! stands for any lines). The blocks run in order in one git repository
//! holding a copy of `config/`, as a reader who follows the README from a
//! fresh clone would, except the one that shows a broken workspace, which
//! runs on the copy the README describes.

use crate::support::{copy_dir, git, repo_config};
use std::path::Path;

/// A command of a block and the output shown under it.
struct Example {
    line: String,
    expected: String,
}

/// Each ```console block of the README, as its commands and outputs.
fn console_blocks(readme: &str) -> Vec<Vec<Example>> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let mut block: Vec<Example> = Vec::new();
        for line in lines.by_ref() {
            if line.trim() == "```" {
                break;
            }
            match (line.strip_prefix("$ "), block.last_mut()) {
                (Some(command), _) => block.push(Example { line: command.to_string(), expected: String::new() }),
                (None, Some(last)) => {
                    last.expected.push_str(line);
                    last.expected.push('\n');
                }
                (None, None) => panic!("a console block starts with {line:?}, not a `$ ` command"),
            }
        }
        blocks.push(block);
    }
    blocks
}

/// Runs a `roster` or `git` command line in `dir`: stdout and stderr in the
/// order they were written, as a terminal shows them.
fn run(dir: &Path, line: &str) -> String {
    let words = crate::support::words(line);
    let program = match words[0].as_str() {
        "roster" => assert_cmd::cargo::cargo_bin("roster"),
        "git" => "git".into(),
        other => panic!("the README runs `{other}`; only roster and git commands are run"),
    };
    let out = tempfile::tempfile().expect("tempfile");
    let status = std::process::Command::new(program)
        .args(&words[1..])
        .current_dir(dir)
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("GIT_AUTHOR_NAME", "Claire Martin")
        .env("GIT_AUTHOR_EMAIL", "claire@cabinet-martin.example")
        .env("GIT_COMMITTER_NAME", "Claire Martin")
        .env("GIT_COMMITTER_EMAIL", "claire@cabinet-martin.example")
        .stdout(out.try_clone().expect("clone"))
        .stderr(out.try_clone().expect("clone"))
        .status()
        .expect("run");
    assert!(status.code().is_some(), "`{line}` was killed");
    use std::io::{Read, Seek};
    let mut out = out;
    out.rewind().expect("rewind");
    let mut text = String::new();
    out.read_to_string(&mut text).expect("read");
    text
}

/// Whether `actual` reads as `expected`, where an `...` line stands for any
/// number of lines; trailing blank lines do not count, nor spaces at the end
/// of a line (a diff's blank context line is one space, which editors and
/// Markdown drop). A commit's short hash and a date (`roster log`) are
/// not compared: no test asserts a time, and a hash holds one.
fn matches(expected: &str, actual: &str) -> bool {
    fn go(e: &[String], a: &[String]) -> bool {
        match e.split_first() {
            None => a.is_empty(),
            Some((first, rest)) if first.trim() == "..." => (0..=a.len()).any(|skip| go(rest, &a[skip..])),
            Some((first, rest)) => {
                a.split_first().is_some_and(|(x, more)| x.trim_end() == first.trim_end() && go(rest, more))
            }
        }
    }
    let e: Vec<String> = expected.trim_end_matches('\n').lines().map(masked).collect();
    let a: Vec<String> = actual.trim_end_matches('\n').lines().map(masked).collect();
    go(&e, &a)
}

/// The line with a date (`2026-03-03`) and the hash after `commit ` masked.
fn masked(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while !rest.is_empty() {
        let b = rest.as_bytes();
        let is_date = b.len() >= 10
            && b[..10].iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
        if is_date {
            out.push_str("DATE");
            rest = &rest[10..];
        } else if let Some(after) = rest.strip_prefix("commit ") {
            let hex = after.bytes().take_while(u8::is_ascii_hexdigit).count();
            if hex >= 7 {
                out.push_str("commit HASH");
                rest = &after[hex..];
            } else {
                out.push_str("commit ");
                rest = after;
            }
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A repository holding a copy of `config/`, committed, as a fresh clone.
fn clone() -> tempfile::TempDir {
    let repo = tempfile::tempdir().expect("tempdir");
    copy_dir(&repo_config(), &repo.path().join("config"));
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    // Committed by Claire, as the README's history shows it (`roster log`).
    git(
        repo.path(),
        &["commit", "-qm", "the example workspace", "--author=Claire Martin <claire@cabinet-martin.example>"],
    );
    repo
}

/// The broken workspace the README describes above its `check` example.
fn broken() -> tempfile::TempDir {
    let repo = clone();
    let edit = |name: &str, from: &str, to: &str| {
        let path = repo.path().join("config").join(name);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{name} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    edit("workspace.toml", "owner = \"claire\"", "owner = \"clare\"");
    edit(
        "profiles/connect-no-pay.toml",
        "clients = { view = \"assigned\" }",
        "clients = { view = \"all\", edit = \"assigned\" }",
    );
    repo
}

#[test]
fn the_readme_examples_are_what_roster_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let blocks = console_blocks(&readme);
    // The tour, the broken `check`, `diff` after the tour's change, its
    // undo, the history (`log`, `--rev`) from the clone's commit on, a
    // change refused for separation of duties, `analyze`, and the example's
    // review campaign. A new block needs its place here (which workspace it
    // runs on).
    assert_eq!(blocks.len(), 8, "console blocks of the README");
    let repo = clone();
    let broken = broken();
    let mut failures = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let dir = if i == 1 { broken.path() } else { repo.path() };
        for example in block {
            let actual = run(dir, &example.line);
            if !matches(&example.expected, &actual) {
                failures.push(format!(
                    "$ {}\n--- the README shows\n{}--- roster prints\n{actual}",
                    example.line, example.expected
                ));
            }
        }
    }
    assert!(failures.is_empty(), "README examples that drifted:\n\n{}", failures.join("\n"));
}

#[test]
fn an_ellipsis_stands_for_any_lines() {
    assert!(matches("a\n...\nd\n", "a\nb\nc\nd\n"));
    assert!(matches("a\n  ...\nd\n", "a\nd\n"));
    assert!(!matches("a\nd\n", "a\nb\nd\n"));
    assert!(matches("a\n\n", "a\n"));
    assert!(matches("commit 3f2a1c9  2026-03-03  Claire\n", "commit 888ed28e  2026-11-30  Claire\n"));
    assert!(!matches("commit 3f2a1c9  2026-03-03  Claire\n", "commit 888ed28  2026-11-30  Marc\n"));
}
