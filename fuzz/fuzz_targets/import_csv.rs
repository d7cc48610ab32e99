//! Fuzzes `import members`' CSV reading against the example workspace: any
//! bytes give rows or a list of problems, never a panic. And for the same
//! text: the scanner for a quote never closed (`csv_guard::open_quote`)
//! agrees with the csv crate, and the formula guard of a cell is undone by
//! `unguard` and never leaves a formula character in front.
#![no_main]

mod example;

use libfuzzer_sys::fuzz_target;
use roster::render::csv_guard;
use roster::store::{self, load::Input};
use std::path::Path;
use std::sync::OnceLock;

fn workspace() -> &'static roster::model::Workspace {
    static WS: OnceLock<roster::model::Workspace> = OnceLock::new();
    WS.get_or_init(|| {
        let files = example::files();
        let checked = store::check_from(Path::new("/nonexistent-fuzz-root"), Input::Memory(&files));
        assert!(checked.errors().next().is_none());
        checked.workspace
    })
}

fuzz_target!(|data: &[u8]| {
    match roster::commands::import::check_rows(workspace(), data) {
        Ok(rows) => assert!(rows <= data.len()),
        Err(problems) => assert!(!problems.is_empty()),
    }
    // `import` strips a BOM before it looks for an open quote.
    let Ok(text) = std::str::from_utf8(data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data)) else { return };
    assert_eq!(csv_guard::open_quote(text).is_some(), csv_says_open(text), "{text:?}");
    let guarded = csv_guard::guard(text);
    assert!(!guarded.starts_with(['=', '+', '-', '@', '\t', '\r']), "{text:?}");
    assert_eq!(csv_guard::unguard(&guarded), text);
});

/// The csv crate's own answer (as in `csv_guard`'s unit test): a record added
/// after the text stays a record of its own unless a quote is left open.
fn csv_says_open(text: &str) -> bool {
    let probe = format!("{text}\nPROBE");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(probe.as_bytes());
    let last = reader.records().filter_map(Result::ok).last();
    last.is_none_or(|r| r.len() != 1 || &r[0] != "PROBE")
}
