//! Fuzzes the loader and every rule: the input replaces files of the example
//! workspace (parts separated by NUL: members.toml, clients.toml,
//! workspace.toml, a profile, tests.toml). Whatever it holds, roster must answer
//! with diagnostics, never panic; and when the workspace is valid, access,
//! `fmt` and the access tests must run on it without panicking, and `fmt`'s
//! output must read back to the same access. Every diagnostic rendered for
//! people holds no control character but its own line breaks, and has its
//! fixed number of lines: nothing from the files can fake or hide a line.
#![no_main]

mod example;

use libfuzzer_sys::fuzz_target;
use roster::store::{self, format, load::Input};
use std::path::Path;

const REPLACED: [&str; 5] =
    ["members.toml", "clients.toml", "workspace.toml", "profiles/connect-no-pay.toml", "tests.toml"];

fuzz_target!(|data: &[u8]| {
    let mut files = example::files();
    for (name, part) in REPLACED.iter().zip(data.split(|&b| b == 0)) {
        files.insert(name.to_string(), String::from_utf8_lossy(part).into_owned());
    }
    let root = Path::new("/nonexistent-fuzz-root");
    let checked = store::check_from(root, Input::Memory(&files));
    for d in &checked.diagnostics {
        let text = d.render(&checked.workspace.sources, roster::style::Paint::plain());
        assert!(!text.chars().any(|c| c != '\n' && roster::render::escape::hidden(c)), "{text:?}");
        // Message, then (with a place) the file, a bar, the line, the caret,
        // or (without) the file; then the hint if any.
        let lines = if d.span.is_some() { 5 } else { 2 } + usize::from(d.hint.is_some());
        assert_eq!(text.lines().count(), lines, "{text:?}");
        let _ = d.to_json(&checked.workspace.sources);
    }
    if checked.errors().next().is_some() {
        return;
    }
    let ws = &checked.workspace;
    let matrix: Vec<Vec<roster::model::Level>> = ws.members.iter().map(|m| roster::access::matrix_row(ws, m)).collect();
    for area in &ws.areas {
        for action in &area.actions {
            for client in ws.clients.iter().take(5) {
                let _ = roster::access::who_can(ws, area, &action.value, Some(client));
            }
        }
    }
    let _ = roster::expect::run(ws, None);
    // fmt: the canonical text reads back to the same access.
    let mut formatted = files.clone();
    for (name, kind) in [
        ("members.toml", format::FileKind::Members),
        ("clients.toml", format::FileKind::Clients),
        ("workspace.toml", format::FileKind::Workspace),
        ("profiles/connect-no-pay.toml", format::FileKind::Profile),
    ] {
        if let Ok(text) = format::format(kind, name, &files[name], ws) {
            formatted.insert(name.to_string(), text);
        }
    }
    let again = store::check_from(root, Input::Memory(&formatted));
    assert!(again.errors().next().is_none(), "fmt made a valid workspace invalid: {:?}", again.diagnostics);
    let matrix_again: Vec<Vec<roster::model::Level>> =
        again.workspace.members.iter().map(|m| roster::access::matrix_row(&again.workspace, m)).collect();
    let ids = |w: &roster::model::Workspace| {
        let mut v: Vec<String> = w.members.iter().map(|m| m.id.to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(ws), ids(&again.workspace));
    let by_id = |w: &roster::model::Workspace, rows: &[Vec<roster::model::Level>]| {
        let mut v: Vec<(String, Vec<roster::model::Level>)> =
            w.members.iter().map(|m| m.id.to_string()).zip(rows.iter().cloned()).collect();
        v.sort();
        v
    };
    assert_eq!(by_id(ws, &matrix), by_id(&again.workspace, &matrix_again), "fmt changed access");
});
