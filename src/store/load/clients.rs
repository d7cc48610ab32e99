//! The reader of `clients.toml`'s entries (`[clients.ID]`), one client each.

use super::CLIENTS_FILE;
use super::entries::KeyedEntry;
use super::reader::{Key, Reader, Val};
use crate::diag::Diagnostic;
use crate::model::{Client, ClientKind, Id};
use crate::schema;

impl KeyedEntry for Client {
    const TABLE: &'static str = "clients";
    const FILE: &'static str = CLIENTS_FILE;
    fn read(r: &mut Reader, key: &Key, value: &Val) -> Option<Client> {
        read_client(r, key, value)
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn key_start(&self) -> u32 {
        self.span.start
    }
    fn entry_mut(&mut self) -> &mut Option<(u32, u32)> {
        &mut self.entry
    }
    fn shift(&mut self, at: u32, delta: i64) {
        Client::shift(self, self.span.file, at, delta);
    }
}

fn read_client(r: &mut Reader, key: &Key, value: &Val) -> Option<Client> {
    let id = r.key_id(key, "client")?;
    let table = r.table(value, &format!("client `{id}`"))?;
    let span = r.span(key.span());
    let mut c = Client {
        id: Id::from(id.as_str()),
        span,
        name: String::new(),
        kind: ClientKind::Company,
        kind_span: span,
        company: None,
        created_by: None,
        entry: None,
    };
    let (mut has_name, mut has_kind) = (false, false);
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "name" => {
                has_name = true;
                c.name = r.string(v, "`name`").unwrap_or_default();
            }
            "kind" => {
                has_kind = true;
                read_kind(r, v, &mut c);
            }
            "company" => c.company = r.id_ref(v, "`company`"),
            "created_by" => c.created_by = r.id_ref(v, "`created_by`"),
            _ => r.unknown_key(k, &schema::CLIENT.names(), &format!("client `{id}`")),
        }
    }
    if !has_name {
        r.missing(span, "name", &format!("client `{id}`"), "\"ACME SA\"");
    }
    if !has_kind {
        r.missing(span, "kind", &format!("client `{id}`"), "\"company\"");
    }
    Some(c)
}

/// `kind = "company"`: where it is written even when it is no kind.
fn read_kind(r: &mut Reader, v: &Val, c: &mut Client) {
    let Some(s) = r.string(v, "`kind`") else { return };
    c.kind_span = r.span(v.span());
    match ClientKind::parse(&s) {
        Some(kind) => c.kind = kind,
        None => {
            let d = Diagnostic::error("bad-value", c.kind_span, format!("`{s}` is not a client kind"));
            r.diags.push(d.suggest(&s, ClientKind::NAMES, "a client is a company or a contact"));
        }
    }
}
