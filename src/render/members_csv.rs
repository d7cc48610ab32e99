//! The members CSV of `export members` and `import members`, in one place so
//! that a round trip changes nothing. Lists in a cell are joined with `;`:
//! `clients` as ids, `client_profiles` as `client=profile`, `grants` (the
//! member's overrides) as `area.action=level`.

use crate::model::Member;
use serde_json::{Value, json};

pub const COLUMNS: [&str; 9] =
    ["id", "name", "email", "profile", "status", "clients", "client_profiles", "grants", "credit_limit"];

/// A number as people write it: `200`, `12.5`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() }
}

pub fn csv_row(m: &Member) -> Vec<Value> {
    let clients: Vec<&str> = m.clients.iter().map(|c| c.value.as_str()).collect();
    let per_client: Vec<String> = m.client_profiles().iter().map(|(c, p)| format!("{}={}", c.value, p.value)).collect();
    let grants: Vec<String> = m
        .grants()
        .iter()
        .flat_map(|(area, actions)| actions.iter().map(move |(action, l)| format!("{area}.{action}={}", l.value)))
        .collect();
    // The fields of `member list`, the client list joined, then the rest.
    let mut row = crate::commands::member::list::member_fields(m);
    row[5] = json!(clients.join(";"));
    row.extend([
        json!(per_client.join(";")),
        json!(grants.join(";")),
        json!(m.credit_limit().map(number).unwrap_or_default()),
    ]);
    row
}

pub fn json_row(m: &Member) -> Value {
    json!({
        "id": m.id,
        "name": m.name,
        "email": m.email.value,
        "profile": m.profile.value,
        "status": m.status.as_str(),
        "clients": m.clients.iter().map(|c| c.value.as_str()).collect::<Vec<_>>(),
        "client_profiles": m.client_profiles().iter().map(|(c, p)| (c.value.to_string(), json!(p.value))).collect::<serde_json::Map<_, _>>(),
        "grants": crate::commands::member::show::grants_json(m.grants()),
        "credit_limit": m.credit_limit(),
    })
}

/// The items of a `;` list cell, trimmed, without empty ones.
pub fn split_list(cell: &str) -> Vec<&str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// `key=value` items of a `;` list cell.
pub fn split_pairs(cell: &str) -> Result<Vec<(&str, &str)>, String> {
    split_list(cell)
        .into_iter()
        .map(|item| {
            item.split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .filter(|(k, v)| !k.is_empty() && !v.is_empty())
                .ok_or_else(|| format!("`{item}` is not KEY=VALUE"))
        })
        .collect()
}
