//! Format preservation, byte for byte: each folder of `tests/fixtures/edit/`
//! (but `base/`) holds `in/` (files written over `base/`), `cmd` (the roster
//! arguments) and `out/` (every file the command must change, as it must read).
//! Every other file must be left as it was. `UPDATE_FIXTURES=1` writes `out/`
//! from what roster did: review the diff before committing it. Each case is a
//! test of its own (a failure names it), and `fmt-*` cases pin `roster fmt`.

use crate::support::{Workspace, copy_dir};
use std::collections::BTreeMap;
use std::path::Path;

fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(root).expect("prefix").to_string_lossy().into_owned();
                out.insert(name, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/edit")
}

/// Runs one fixture case and compares every file after with `out/` (or, for
/// files the case must not change, with what they were before).
fn case(name: &str) {
    let root = fixtures();
    let case = root.join(name);
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let ws = Workspace::empty();
    copy_dir(&root.join("base"), ws.path());
    copy_dir(&case.join("in"), ws.path());
    let before = files(ws.path());
    let cmd = std::fs::read_to_string(case.join("cmd")).expect("cmd");
    let args: Vec<&str> = cmd.split_whitespace().collect();
    let run = ws.run(&args);
    assert_eq!(run.code, 0, "{name}: {}\n{}", run.stdout, run.stderr);
    ws.run(&["check"]).code(0);
    let after = files(ws.path());
    let out_dir = case.join("out");
    if update {
        let _ = std::fs::remove_dir_all(&out_dir);
        for (file, bytes) in &after {
            if before.get(file) != Some(bytes) {
                let path = out_dir.join(file);
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(path, bytes).expect("write");
            }
        }
    }
    let expected = files(&out_dir);
    assert!(!expected.is_empty(), "{name}: out/ is empty");
    for (file, bytes) in &after {
        let want = expected
            .get(file)
            .or_else(|| before.get(file))
            .unwrap_or_else(|| panic!("{name}: unexpected new file {file}"));
        assert!(
            want == bytes,
            "{name}: {file} differs\n--- expected\n{}\n--- got\n{}",
            String::from_utf8_lossy(want),
            String::from_utf8_lossy(bytes)
        );
    }
    for file in expected.keys() {
        assert!(after.contains_key(file), "{name}: {file} was not written");
    }
}

macro_rules! cases {
    ($($test:ident => $folder:literal,)*) => {
        $(
            #[test]
            fn $test() {
                case($folder);
            }
        )*

        /// Every fixture folder has its test above: a new folder without one fails here.
        #[test]
        fn every_fixture_folder_has_a_test() {
            let listed = [$($folder),*];
            for entry in std::fs::read_dir(fixtures()).expect("fixtures") {
                let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
                assert!(name == "base" || listed.contains(&name.as_str()), "fixture `{name}` has no test in edits.rs");
            }
        }
    };
}

cases! {
    add_sorted => "add-sorted",
    add_unsorted => "add-unsorted",
    client_remove => "client-remove",
    comments_around_entry => "comments-around-entry",
    dotted_keys => "dotted-keys",
    first_entry => "first-entry",
    inline_tables => "inline-tables",
    last_entry_no_newline => "last-entry-no-newline",
    profile_grants_table => "profile-grants-table",
    remove_first_entry => "remove-first-entry",
    remove_last_entry => "remove-last-entry",
    transfer_all => "transfer-all",
    fmt_members_unsorted => "fmt-members-unsorted",
    fmt_dotted_and_inline => "fmt-dotted-and-inline",
    fmt_profile_layout => "fmt-profile-layout",
    fmt_clients_comments => "fmt-clients-comments",
}
