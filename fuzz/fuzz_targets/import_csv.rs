//! Fuzzes `import members`' CSV reading against the example workspace: any
//! bytes give rows or a list of problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roster::store::{self, load::Input};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

fn workspace() -> &'static roster::model::Workspace {
    static WS: OnceLock<roster::model::Workspace> = OnceLock::new();
    WS.get_or_init(|| {
        let files: BTreeMap<String, String> = [
            ("workspace.toml", include_str!("../../config/workspace.toml")),
            ("members.toml", include_str!("../../config/members.toml")),
            ("clients.toml", include_str!("../../config/clients.toml")),
            ("profiles/admin.toml", include_str!("../../config/profiles/admin.toml")),
            ("profiles/connect-pay.toml", include_str!("../../config/profiles/connect-pay.toml")),
            ("profiles/connect-no-pay.toml", include_str!("../../config/profiles/connect-no-pay.toml")),
            ("profiles/easy-invoicing.toml", include_str!("../../config/profiles/easy-invoicing.toml")),
            ("profiles/full-accounting.toml", include_str!("../../config/profiles/full-accounting.toml")),
            ("profiles/advanced-commercial.toml", include_str!("../../config/profiles/advanced-commercial.toml")),
        ]
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
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
