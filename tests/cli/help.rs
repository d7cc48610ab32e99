//! Help for people: every command's `--help` pinned whole, showing only the
//! global options that apply to it, with examples that run on the example
//! workspace; and roster's own hint for an option a command does not have.

use crate::support::{Run, Workspace, copy_dir, git, repo_config, run_in, run_in_with};

/// Every command as typed after `roster` (empty for roster itself), groups included.
fn commands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        out.push(path.to_vec());
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut path = path.to_vec();
            path.push(sub.get_name().to_string());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&roster::cli::command(), &[], &mut out);
    out
}

fn help(path: &[String]) -> Run {
    let dir = Workspace::empty();
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    run_in(dir.path(), &args)
}

#[test]
fn every_command_has_its_help_pinned() {
    let all = commands();
    assert!(all.len() > 30, "{all:?}");
    for path in all {
        let run = help(&path);
        run.code(0);
        let name = if path.is_empty() { "roster".to_string() } else { path.join("_").replace('-', "_") };
        insta::with_settings!({ description => format!("roster {}--help", path.iter().map(|p| format!("{p} ")).collect::<String>()), omit_expression => true }, {
            insta::assert_snapshot!(format!("help_{name}"), run.stdout);
        });
    }
}

#[test]
fn help_shows_the_change_options_on_changes_only() {
    let leaves: Vec<Vec<String>> = commands()
        .into_iter()
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let mut cmd = roster::cli::command();
            cmd.build();
            let mut c = &cmd;
            for name in p {
                c = c.find_subcommand(name).expect("a command");
            }
            !c.has_subcommands()
        })
        .collect();
    for name in roster::cli::CHANGES.iter().chain(roster::cli::STANDALONE) {
        assert!(leaves.iter().any(|p| p.join(" ") == *name), "`{name}` names no command");
    }
    for path in &leaves {
        let text = help(path).stdout;
        let change = roster::cli::CHANGES.contains(&path.join(" ").as_str());
        for option in ["--dry-run", "--as <MEMBER>", "--allow-failing-tests", "--lock-timeout"] {
            assert_eq!(text.contains(option), change, "roster {} --help and {option}:\n{text}", path.join(" "));
        }
        let standalone = roster::cli::STANDALONE.contains(&path.join(" ").as_str());
        assert_eq!(text.contains("--workspace"), !standalone, "{text}");
        // `--rev` on read commands only: `diff` and `log` take revisions as
        // arguments; the review commands read the working tree's campaigns.
        let reads =
            !change && !standalone && !["diff", "log"].contains(&path.join(" ").as_str()) && path[0] != "review";
        assert_eq!(text.contains("--rev <REV>"), reads, "roster {} --help and --rev:\n{text}", path.join(" "));
        assert!(text.contains("\nExamples:\n  "), "roster {} --help has no example:\n{text}", path.join(" "));
    }
    // Everything is still accepted before or after the command, as before.
    let ws = Workspace::example();
    ws.run(&["member", "list", "--dry-run", "--as", "claire", "--lock-timeout", "1"]).code(0);
    ws.run(&["--dry-run", "client", "assign", "umbrella", "--to", "bob"]).code(0).stdout_has("dry run");
    ws.run(&["client", "assign", "umbrella", "--to", "bob", "--dry-run"]).code(0).stdout_has("dry run");
    assert!(!ws.read("members.toml").contains("\"umbrella\"]\nclient_profiles = { acme"));
}

/// The words of a command line (see [`crate::support::words`]), without a
/// `> FILE` or `< FILE` redirection.
fn words(line: &str) -> Vec<String> {
    let line = line.split(" > ").next().unwrap_or(line);
    crate::support::words(line.split(" < ").next().unwrap_or(line))
}

/// The examples of a command's help: each line after `Examples:` that
/// starts with `roster`, without its description (after two spaces).
fn examples(after_help: &str) -> Vec<String> {
    after_help
        .split_once("Examples:\n")
        .map(|(_, ex)| ex)
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("roster "))
        .map(|l| l.split("  ").next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn every_example_in_the_help_runs() {
    let mut root = roster::cli::command();
    root.build();
    let mut ran = 0;
    for path in commands() {
        let mut cmd = &root;
        for name in &path {
            cmd = cmd.find_subcommand(name).expect("a command");
        }
        let after = cmd.get_after_help().map(|h| h.to_string()).unwrap_or_default();
        let lines = examples(&after);
        assert!(!lines.is_empty(), "roster {} has no example", path.join(" "));
        // Each command's examples in order, in a repository holding a fresh
        // copy of config/ (with a few commits, for `diff`).
        let repo = Workspace::empty();
        copy_dir(&repo_config(), &repo.path().join("config"));
        if path.first().is_some_and(|p| p == "diff" || p == "log") {
            git(repo.path(), &["init", "-q"]);
            git(repo.path(), &["add", "-A"]);
            for n in 0..4 {
                git(repo.path(), &["commit", "-q", "--allow-empty", "-m", &format!("commit {n}")]);
            }
        }
        // A file the help shows (`changes.txt:` and its indented lines), for
        // the examples that read it.
        if let Some((_, shown)) = after.split_once(" changes.txt:\n") {
            let text: String = shown.lines().map_while(|l| l.strip_prefix("  ")).map(|l| format!("{l}\n")).collect();
            std::fs::write(repo.path().join("changes.txt"), text).expect("write changes.txt");
        }
        for line in lines {
            let words = words(&line);
            let args: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
            let stdin = match line.split_once(" < ") {
                Some((_, file)) => std::fs::read(repo.path().join(file.trim())).expect("the file of `< FILE`"),
                None => Vec::new(),
            };
            let run = run_in_with(repo.path(), 200, &args, &stdin);
            assert!(
                run.code == 0 || run.code == 1,
                "`{line}` (in roster {} --help) exited {}:\n{}{}",
                path.join(" "),
                run.code,
                run.stdout,
                run.stderr
            );
            ran += 1;
        }
    }
    assert!(ran > 60, "{ran} examples");
}

#[test]
fn an_unknown_option_gets_roster_s_hint_not_clap_s() {
    let ws = Workspace::example();
    let run = ws.run(&["member", "show", "lea", "--client", "acme"]);
    run.code(2);
    assert_eq!(
        run.stderr,
        "error[usage]: `roster member show` has no option `--client`\n  \
         = help: `member show` shows access without a client; for one client, ask `roster access check lea AREA.ACTION --client acme`\n  \
         = help: `--client` is an option of `roster member list`, `roster member add`, `roster transfer-one`, `roster access check`, `roster access who-can`, `roster access list`, `roster log`\n  \
         = help: usage: roster member show [OPTIONS] <MEMBER> (more with `roster member show --help`)\n"
    );
    let run = ws.run(&["diff", "--member", "bob"]);
    run.code(2).stderr_has("error[usage]: `roster diff` has no option `--member`").stderr_has(
        "for one member, filter its JSON: `roster diff --format json | jq '.changes[] | select(.member == \"bob\")'`",
    );
    assert!(!run.stderr.contains("-- --member") && !run.stderr.contains("--quiet"), "{}", run.stderr);
    // A near spelling of the command's own option is still suggested.
    ws.run(&["member", "list", "--profle", "admin"]).code(2).stderr_has("did you mean `--profile`?");
    ws.run(&["--bogus", "check"]).code(2).stderr_has("error[usage]: `roster` has no option `--bogus`");
}
