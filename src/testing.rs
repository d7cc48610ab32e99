//! Test fixtures for unit tests: a small valid workspace written to a temporary
//! folder, which each test changes in one place.

use crate::store::{self, Checked};
use std::path::Path;

pub const WORKSPACE: &str = r#"
[workspace]
name = "Test"
owner = "claire"
default_profile = "user"

[areas.clients]
actions = ["view", "edit"]
levels = ["none", "assigned", "all"]
per_client = true

[areas.calendars]
actions = ["view", "edit"]
levels = ["own", "all"]

[areas.settings]
actions = ["view", "edit"]
levels = ["none", "all"]

[tiers.essential]
price = 12.0
ceiling = { clients = { view = "assigned", edit = "assigned" }, calendars = { view = "all", edit = "own" } }

[tiers.standard]
price = 25.0
ceiling = { clients = { view = "all", edit = "all" }, calendars = { view = "all", edit = "all" } }

[tiers.admin]
price = 40.0
ceiling = { clients = { view = "all", edit = "all" }, calendars = { view = "all", edit = "all" }, settings = { view = "all", edit = "all" } }
"#;

pub const ADMIN: &str = "name = \"Admin\"\ntier = \"admin\"\nbuiltin = true\nadmin = true\n";
pub const USER: &str = "name = \"User\"\ntier = \"essential\"\nbuiltin = true\n[grants]\nclients = { view = \"assigned\", edit = \"assigned\" }\n";
pub const CONTRIBUTOR: &str = "name = \"Contributor\"\ntier = \"standard\"\n[grants]\nclients = { view = \"all\", edit = \"all\" }\ncalendars = { view = \"all\" }\n";

pub const MEMBERS: &str = r#"
[members.claire]
name = "Claire"
email = "claire@example.com"
profile = "admin"

[members.bob]
name = "Bob"
email = "bob@example.com"
profile = "user"
clients = ["acme", "globex"]
client_profiles = { acme = "contributor" }

[members.eve]
name = "Eve"
email = "eve@example.com"
profile = "contributor"
"#;

pub const CLIENTS: &str = r#"
[clients.acme]
name = "ACME"
kind = "company"

[clients.globex]
name = "Globex"
kind = "company"

[clients.jean]
name = "Jean"
kind = "contact"
company = "acme"
created_by = "eve"
"#;

/// The base workspace with `changes` (path, text) written over it.
pub fn write(dir: &Path, changes: &[(&str, &str)]) {
    let base = [
        ("workspace.toml", WORKSPACE),
        ("members.toml", MEMBERS),
        ("clients.toml", CLIENTS),
        ("profiles/admin.toml", ADMIN),
        ("profiles/user.toml", USER),
        ("profiles/contributor.toml", CONTRIBUTOR),
    ];
    std::fs::create_dir_all(dir.join("profiles")).expect("create profiles");
    for (name, text) in base.iter().chain(changes) {
        std::fs::write(dir.join(name), text).expect("write fixture");
    }
}

/// Checks the base workspace with `changes`.
pub fn check_with(changes: &[(&str, &str)]) -> Checked {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), changes);
    store::check(dir.path())
}

/// The codes of every diagnostic, in order.
pub fn codes(checked: &Checked) -> Vec<&'static str> {
    checked.diagnostics.iter().map(|d| d.code).collect()
}

/// `text` with `from` replaced by `to`; panics when `from` is absent, so that a
/// test cannot silently test nothing.
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture has no {from:?}");
    text.replacen(from, to, 1)
}
