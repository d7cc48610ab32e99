//! The floor of SPEC §7: reads and parses a workspace's files into plain serde
//! structs with the toml crate, with no validation. `roster check` is measured
//! against it by `bench/bench.py`.
//!
//! ```sh
//! cargo run --release --example floor -- DIR
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;

#[allow(dead_code)]
#[derive(Deserialize)]
struct WorkspaceFile {
    workspace: Settings,
    areas: BTreeMap<String, Area>,
    tiers: BTreeMap<String, Tier>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Settings {
    name: String,
    owner: String,
    default_profile: String,
    currency: Option<String>,
    custom_profiles: Option<bool>,
    require_actor: Option<bool>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Area {
    label: Option<String>,
    actions: Vec<String>,
    levels: Vec<String>,
    per_client: Option<bool>,
}

type Grants = BTreeMap<String, BTreeMap<String, String>>;

#[allow(dead_code)]
#[derive(Deserialize)]
struct Tier {
    label: Option<String>,
    price: f64,
    ceiling: Option<Grants>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Profile {
    name: String,
    description: Option<String>,
    tier: String,
    builtin: Option<bool>,
    admin: Option<bool>,
    grants: Option<Grants>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct MembersFile {
    members: BTreeMap<String, Member>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Member {
    name: String,
    email: String,
    profile: String,
    status: Option<String>,
    clients: Option<Vec<String>>,
    client_profiles: Option<BTreeMap<String, String>>,
    grants: Option<Grants>,
    credit_limit: Option<f64>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct ClientsFile {
    clients: BTreeMap<String, Client>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Client {
    name: String,
    kind: String,
    company: Option<String>,
    created_by: Option<String>,
}

fn read<T: for<'de> Deserialize<'de>>(path: &std::path::Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: floor DIR"));
    let ws: WorkspaceFile = read(&dir.join("workspace.toml"));
    let mut profiles = Vec::new();
    for entry in std::fs::read_dir(dir.join("profiles")).expect("profiles/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            profiles.push(read::<Profile>(&path));
        }
    }
    let members: MembersFile = read(&dir.join("members.toml"));
    let clients: ClientsFile = read(&dir.join("clients.toml"));
    println!(
        "{} areas, {} profiles, {} members, {} clients",
        ws.areas.len(),
        profiles.len(),
        members.members.len(),
        clients.clients.len()
    );
}
