//! The reader of `members.toml`'s entries (`[members.ID]`), one member each:
//! one small function per key that needs more than a line.

use super::MEMBERS_FILE;
use super::entries::KeyedEntry;
use super::reader::{Key, Reader, Val};
use crate::diag::Diagnostic;
use crate::model::{At, Id, Member, Ref, Status, email};
use crate::schema;

impl KeyedEntry for Member {
    const TABLE: &'static str = "members";
    const FILE: &'static str = MEMBERS_FILE;
    fn read(r: &mut Reader, key: &Key, value: &Val) -> Option<Member> {
        read_member(r, key, value)
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
        Member::shift(self, self.span.file, at, delta);
    }
}

fn read_member(r: &mut Reader, key: &Key, value: &Val) -> Option<Member> {
    let id = r.key_id(key, "member")?;
    let table = r.table(value, &format!("member `{id}`"))?;
    let span = r.span(key.span());
    let mut m = Member {
        id: Id::from(id.as_str()),
        span,
        name: Box::default(),
        email: At::new(Box::default(), span),
        status: Status::Active,
        status_span: span,
        profile: At::new(Id::default(), span),
        clients: Box::default(),
        clients_known: true,
        extra: None,
        entry: None,
    };
    let (mut has_name, mut has_email, mut has_profile) = (false, false, false);
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "name" => {
                has_name = true;
                m.name = r.string(v, "`name`").unwrap_or_default().into();
            }
            "email" => {
                has_email = true;
                if let Some(e) = read_email(r, v) {
                    m.email = e;
                }
            }
            "profile" => {
                has_profile = true;
                if let Some(p) = r.id_ref(v, "`profile`") {
                    m.profile = p;
                }
            }
            "status" => read_status(r, v, &mut m),
            "clients" => read_client_list(r, v, &mut m),
            "client_profiles" => {
                let pairs = read_client_profiles(r, v);
                if !pairs.is_empty() {
                    m.extra_mut().client_profiles = pairs;
                }
            }
            "grants" => {
                let grants = r.grants(v, "grants");
                if !grants.is_empty() {
                    m.extra_mut().grants = grants;
                }
            }
            "credit_limit" => {
                if let Some(limit) = r.amount(v, "`credit_limit`") {
                    m.extra_mut().credit_limit = Some(limit);
                }
            }
            _ => r.unknown_key(k, &schema::MEMBER.names(), &format!("member `{id}`")),
        }
    }
    for (field, example, present) in [
        ("name", "\"Bob Durand\"", has_name),
        ("email", "\"bob@example.com\"", has_email),
        ("profile", "\"user\"", has_profile),
    ] {
        if !present {
            r.missing(span, field, &format!("member `{id}`"), example);
        }
    }
    Some(m)
}

/// `email = "..."`: kept even when it is no address (reported), so that the
/// rules still compare it with the others.
fn read_email(r: &mut Reader, v: &Val) -> Option<At<Box<str>>> {
    let e = r.string(v, "`email`")?;
    if let Err(why) = email::check(&e) {
        r.bad_value(v.span(), format!("`{e}` is not an email address: {why}"), "write it as name@example.com");
    }
    Some(At::new(e.into(), r.span(v.span())))
}

/// `status = "..."`: where it is written even when it is no status.
fn read_status(r: &mut Reader, v: &Val, m: &mut Member) {
    let Some(s) = r.string(v, "`status`") else { return };
    m.status_span = r.span(v.span());
    match Status::parse(&s) {
        Some(status) => m.status = status,
        None => {
            let d = Diagnostic::error("bad-value", m.status_span, format!("`{s}` is not a member status"));
            r.diags.push(d.suggest(&s, Status::NAMES, "a status is active, invited or suspended"));
        }
    }
}

/// `clients = [...]`: each id shares the allocation of the client it names
/// (see `model::Names`); `clients_known` stays true only when every one names
/// a client read before.
fn read_client_list(r: &mut Reader, v: &Val, m: &mut Member) {
    let items = r.array(v, "`clients`").unwrap_or_default();
    // Exact capacity, so that the slice is not moved: 500,000 references on
    // the reference workload.
    let mut clients: Vec<Ref> = Vec::with_capacity(items.len());
    for c in items {
        let Some(s) = r.id_text(c, "a client") else {
            m.clients_known = false;
            continue;
        };
        let id = r.names.client(&s).unwrap_or_else(|| {
            m.clients_known = false;
            Id::from(s)
        });
        clients.push(At::new(id, r.span(c.span())));
    }
    m.clients = clients.into_boxed_slice();
}

/// `[members.ID.client_profiles]`: client -> profile, in file order; a pair
/// with a bad side is left out (reported).
fn read_client_profiles(r: &mut Reader, v: &Val) -> Vec<(Ref, Ref)> {
    let Some(t) = r.table(v, "`client_profiles`") else { return Vec::new() };
    let mut pairs = Vec::with_capacity(t.len());
    for (client, profile) in t {
        let client_ref = r.key_id(client, "client").map(|c| At::new(r.names.get(&c), r.span(client.span())));
        if let (Some(c), Some(p)) = (client_ref, r.id_ref(profile, "a per-client profile")) {
            pairs.push((c, p));
        }
    }
    pairs
}
