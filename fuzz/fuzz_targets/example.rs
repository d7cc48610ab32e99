//! The repository's example workspace (`config/`), built into the fuzz
//! targets: every file by workspace-relative name.

use std::collections::BTreeMap;

pub const FILES: [(&str, &str); 10] = [
    ("workspace.toml", include_str!("../../config/workspace.toml")),
    ("members.toml", include_str!("../../config/members.toml")),
    ("clients.toml", include_str!("../../config/clients.toml")),
    ("tests.toml", include_str!("../../config/tests.toml")),
    ("profiles/admin.toml", include_str!("../../config/profiles/admin.toml")),
    ("profiles/connect-pay.toml", include_str!("../../config/profiles/connect-pay.toml")),
    ("profiles/connect-no-pay.toml", include_str!("../../config/profiles/connect-no-pay.toml")),
    ("profiles/easy-invoicing.toml", include_str!("../../config/profiles/easy-invoicing.toml")),
    ("profiles/full-accounting.toml", include_str!("../../config/profiles/full-accounting.toml")),
    ("profiles/advanced-commercial.toml", include_str!("../../config/profiles/advanced-commercial.toml")),
];

pub fn files() -> BTreeMap<String, String> {
    FILES.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
}
