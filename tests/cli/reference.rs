//! The reference (`docs/reference.md`) stays whole: every rule code, every
//! command error code and every command roster has appears in it.

use clap::CommandFactory;

fn reference() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference.md")).expect("docs/reference.md")
}

#[test]
fn every_rule_and_error_code_is_documented() {
    let doc = reference();
    let codes = roster::codes::RULES.iter().map(|r| r.code).chain(roster::codes::COMMAND_ERRORS.iter().map(|e| e.code));
    let missing: Vec<&str> = codes.filter(|c| !doc.contains(&format!("| `{c}` |"))).collect();
    assert!(missing.is_empty(), "codes missing from the tables of docs/reference.md: {missing:?}");
}

/// `roster member add`, `roster access who-can`...: every leaf command, as typed.
fn commands(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
    let subs: Vec<_> = cmd.get_subcommands().filter(|s| s.get_name() != "help").collect();
    if subs.is_empty() {
        out.push(prefix.to_string());
    }
    for s in subs {
        commands(s, &format!("{prefix} {}", s.get_name()), out);
    }
}

#[test]
fn every_command_is_documented() {
    let doc = reference();
    let mut all = Vec::new();
    commands(&roster::cli::Cli::command(), "roster", &mut all);
    assert!(all.len() > 20, "{all:?}");
    let missing: Vec<&String> = all.iter().filter(|c| !doc.contains(&format!("`{c}"))).collect();
    assert!(missing.is_empty(), "commands missing from docs/reference.md: {missing:?}");
}
