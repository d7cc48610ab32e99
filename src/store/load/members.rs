//! The reader of `members.toml`'s entries (`[members.ID]`), one member each:
//! one small function per key that needs more than a line.

use super::MEMBERS_FILE;
use super::entries::KeyedEntry;
use super::reader::{Key, Reader, Val};
use crate::diag::Diagnostic;
use crate::model::{At, ClientRef, Grants, Id, Member, Names, Ref, SmallStr, Status, Window, email};
use crate::schema;
use crate::source::{FileId, Span};
use toml::de::DeTable;
use toml::de::DeValue;

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
        name: SmallStr::default(),
        email: At::new(SmallStr::default(), span),
        status: Status::Active,
        status_span: span,
        profile: At::new(Id::default(), span),
        clients: Box::default(),
        clients_known: true,
        extra: None,
        entry: None,
    };
    let (mut has_name, mut has_email, mut has_profile) = (false, false, false);
    let (mut from, mut until) = (None, None);
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
            "from" => from = Some(v),
            "until" => until = Some(v),
            "clients" => read_client_list(r, v, &mut m),
            "client_profiles" => {
                let (pairs, windows) = read_client_profiles(r, v);
                if !pairs.is_empty() {
                    m.extra_mut().client_profiles = pairs.into();
                }
                if !windows.is_empty() {
                    m.extra_mut().profile_windows = windows.into();
                }
            }
            "grants" => {
                let (grants, windows) = read_overrides(r, v);
                if !grants.is_empty() {
                    m.extra_mut().grants = grants;
                }
                if !windows.is_empty() {
                    m.extra_mut().grant_windows = windows.into();
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
    if let Some(w) = r.window(from, until, span) {
        m.extra_mut().window = Some(w);
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
fn read_email(r: &mut Reader, v: &Val) -> Option<At<SmallStr>> {
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
    let mut clients: Vec<ClientRef> = Vec::with_capacity(items.len());
    let mut windows = Vec::new();
    for item in items {
        let Some((c, window)) =
            table_form(r, item, "id", "an assignment", "\"acme\" or { id = \"acme\", until = 2026-12-31 }")
        else {
            m.clients_known = false;
            continue;
        };
        let Some(s) = r.id_text(c, "a client") else {
            m.clients_known = false;
            continue;
        };
        let id = r.names.client(&s).unwrap_or_else(|| {
            m.clients_known = false;
            Id::from(s)
        });
        if let Some(w) = window {
            windows.push((id.clone(), w));
        }
        clients.push(ClientRef::new(id));
    }
    m.clients = clients.into_boxed_slice();
    m.index_clients();
    if !windows.is_empty() {
        m.extra_mut().client_windows = windows.into();
    }
}

/// Where each of member `m`'s clients is written in its file's `text`, in
/// the order of `m.clients` (which does not keep them, see
/// `model::ClientRef`): the member's entry read again, as it was read the
/// first time, or, when its entry is not a table of its own (dotted keys,
/// sub-tables apart), the whole file. Only a diagnostic about a member's
/// clients asks, once for the member.
pub(crate) fn client_spans(text: &str, file: FileId, m: &Member) -> Vec<Span> {
    let (start, end) = m.entry.map_or((0, text.len()), |(a, b)| (a as usize, b as usize));
    let Some(piece) = text.get(start..end) else { return Vec::new() };
    let (top, _) = DeTable::parse_recoverable(piece);
    let mut scratch = Vec::new();
    let names = Names::default();
    let mut r = Reader::new(file, &mut scratch, piece, start, &names);
    let Some(list) = top
        .get_ref()
        .iter()
        .filter(|(k, _)| k.get_ref() == MEMBERS_TABLE)
        .filter_map(|(_, v)| table_of(v)?.iter().find(|(k, _)| k.get_ref() == m.id.as_str()))
        .filter_map(|(_, v)| table_of(v)?.iter().find(|(k, _)| k.get_ref() == "clients"))
        .map(|(_, v)| v)
        .next_back()
    else {
        return Vec::new();
    };
    let mut spans = Vec::new();
    // As `read_client_list` keeps them: the same items left out.
    for item in r.array(list, "`clients`").unwrap_or_default() {
        let Some((c, _)) = table_form(&mut r, item, "id", "an assignment", "") else { continue };
        if r.id_text(c, "a client").is_some() {
            spans.push(r.span(c.span()));
        }
    }
    spans
}

fn table_of<'v, 'i>(v: &'v Val<'i>) -> Option<&'v toml::de::DeTable<'i>> {
    match v.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

const MEMBERS_TABLE: &str = "members";

/// A value in its short form (`"acme"`) or its table form (`{ id = "acme",
/// from = ..., until = ... }`, SPEC §9): the value of `main`, and the window.
/// `None` when the table form lacks `main` (reported).
pub(super) fn table_form<'v, 'i>(
    r: &mut Reader,
    v: &'v Val<'i>,
    main: &str,
    what: &str,
    example: &str,
) -> Option<(&'v Val<'i>, Option<Window>)> {
    let DeValue::Table(t) = v.get_ref() else { return Some((v, None)) };
    let (mut value, mut from, mut until) = (None, None, None);
    for (k, x) in t {
        match k.get_ref().as_ref() {
            key if key == main => value = Some(x),
            "from" => from = Some(x),
            "until" => until = Some(x),
            _ => r.unknown_key(k, &[main, "from", "until"], what),
        }
    }
    let span = r.span(v.span());
    let window = r.window(from, until, span);
    match value {
        Some(x) => Some((x, window)),
        None => {
            r.missing(span, main, what, example);
            None
        }
    }
}

/// `[members.ID.client_profiles]`: client -> profile (or `{ profile = "...",
/// until = ... }`), in file order; a pair with a bad side is left out (reported).
/// Per-client profiles (client -> profile) and the windows of the dated ones.
type ClientProfiles = (Vec<(Ref, Ref)>, Vec<(Id, Window)>);

fn read_client_profiles(r: &mut Reader, v: &Val) -> ClientProfiles {
    let Some(t) = r.table(v, "`client_profiles`") else { return Default::default() };
    let mut pairs = Vec::with_capacity(t.len());
    let mut windows = Vec::new();
    for (client, profile) in t {
        let client_ref = r.key_id(client, "client").map(|c| At::new(r.names.get(&c), r.span(client.span())));
        let example = "\"full-accounting\" or { profile = \"full-accounting\", until = 2026-12-31 }";
        let Some((profile, window)) = table_form(r, profile, "profile", "a per-client profile", example) else {
            continue;
        };
        if let (Some(c), Some(p)) = (client_ref, r.id_ref(profile, "a per-client profile")) {
            if let Some(w) = window {
                windows.push((c.value.clone(), w));
            }
            pairs.push((c, p));
        }
    }
    (pairs, windows)
}

/// A member's `grants` (overrides): `area = { action = "level" }`, a level
/// also as `{ level = "assigned", until = ... }`.
fn read_overrides(r: &mut Reader, v: &Val) -> (Grants, Vec<(String, String, Window)>) {
    let mut grants = Grants::new();
    let mut windows = Vec::new();
    let Some(table) = r.table(v, "grants") else { return (grants, windows) };
    for (area, actions) in table {
        let Some(area_id) = r.key_id(area, "area") else { continue };
        let Some(actions) = r.table(actions, &format!("grants.{area_id}")) else { continue };
        let entry = grants.entry(area_id.clone()).or_default();
        for (action, level) in actions {
            let what = format!("grants.{area_id}.{}", action.get_ref());
            let example = "\"assigned\" or { level = \"assigned\", until = 2026-12-31 }";
            let Some((level, window)) = table_form(r, level, "level", "an override", example) else { continue };
            if let Some(level) = r.level(level, &what) {
                if let Some(w) = window {
                    windows.push((area_id.clone(), action.get_ref().to_string(), w));
                }
                entry.insert(action.get_ref().to_string(), level);
            }
        }
    }
    (grants, windows)
}
