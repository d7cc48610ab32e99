//! Fuzzes `import members`' CSV reading against the example workspace: any
//! bytes give rows or a list of problems, never a panic.
#![no_main]

mod example;

use libfuzzer_sys::fuzz_target;
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
});
