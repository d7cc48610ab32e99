//! `roster fmt`: one canonical order and layout for every file, comments kept
//! with what they describe.
//!
//! - `workspace.toml`: `[workspace]` (name, owner, default_profile, currency,
//!   custom_profiles, require_actor), then areas and tiers in their declared
//!   order (it orders every listing), each tier's ceiling as `[tiers.X.ceiling]`.
//! - `profiles/*.toml`: name, description, tier, builtin, admin, then `[grants]`.
//! - `members.toml`, `clients.toml`, `teams.toml`: entries sorted by id, each a `[members.ID]`
//!   table with its keys in the order of `schema`, one blank line between entries.
//! - Grants, ceilings and overrides: one inline table per area, areas and actions
//!   in their declared order; `client_profiles` sorted by client; strings in
//!   TOML's basic form unless another reads better; `key = value`, single spaces.
//!
//! Comments above an entry or a key move with it; a comment at the end of a
//! line stays on that line; a file's header comment (the paragraphs before the
//! first blank line above the first entry) stays at the top. The text is built
//! from the parsed document, then checked: it must hold exactly the comments of
//! the original, or nothing is written. [`unformatted`] gives what `roster fmt`
//! writes: each file not yet canonical, in its own line endings.

use crate::error::{Error, Kind, Result};
use crate::model::Workspace;
use crate::schema;
use crate::store::edit::{is_crlf, keep_line_endings};
use crate::store::load::{CLIENTS_FILE, MEMBERS_FILE, PROFILES_DIR, TEAMS_FILE, WORKSPACE_FILE};
use toml_edit::{DocumentMut, Item, Key, Table, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Workspace,
    Profile,
    Members,
    Clients,
    Teams,
}

impl FileKind {
    /// The kind of a workspace file, by its workspace-relative name (`tests.toml` has none).
    pub fn of(name: &str) -> Option<FileKind> {
        match name {
            WORKSPACE_FILE => Some(FileKind::Workspace),
            MEMBERS_FILE => Some(FileKind::Members),
            CLIENTS_FILE => Some(FileKind::Clients),
            TEAMS_FILE => Some(FileKind::Teams),
            _ if name.strip_prefix(PROFILES_DIR).is_some_and(|rest| rest.starts_with('/')) => Some(FileKind::Profile),
            _ => None,
        }
    }
}

/// (file, canonical text) of every file of the workspace whose text is not
/// canonical, the canonical text in the file's own line endings (a CRLF file
/// stays CRLF).
pub fn unformatted(ws: &Workspace) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (_, source) in ws.sources.iter() {
        let Some(kind) = FileKind::of(&source.name) else { continue };
        let text = format(kind, &source.name, &source.text, ws)?;
        let text = keep_line_endings(&source.text, text, is_crlf(&source.text));
        if text != source.text {
            out.push((source.name.clone(), text));
        }
    }
    Ok(out)
}

/// A key and its value, with the comments that go with them.
#[derive(Debug)]
struct Field {
    key: String,
    /// Comment lines above the key.
    above: Vec<String>,
    value: Value,
    /// A comment at the end of the line, as written (`   # why`).
    trailing: Option<String>,
}

/// A table of the file (`[members.bob]`), with its comments.
#[derive(Debug, Default)]
struct Entry {
    id: String,
    above: Vec<String>,
    trailing: Option<String>,
    fields: Vec<Field>,
}

/// The canonical text of one file of the workspace.
pub fn format(kind: FileKind, name: &str, text: &str, ws: &Workspace) -> Result<String> {
    let doc: DocumentMut =
        text.parse().map_err(|e| Error::new(Kind::Invalid, "toml-syntax", format!("cannot format `{name}`: {e}")))?;
    let mut header = Vec::new();
    let order = Order { ws };
    let out = match kind {
        FileKind::Members | FileKind::Clients | FileKind::Teams => {
            let (table, keys) = match kind {
                FileKind::Members => ("members", schema::MEMBER),
                FileKind::Clients => ("clients", schema::CLIENT),
                _ => ("teams", schema::TEAM),
            };
            let mut entries = entries_of(&doc, table, &mut header);
            entries.sort_by(|a, b| a.id.cmp(&b.id));
            let mut out = String::new();
            for e in &mut entries {
                sort_fields(&mut e.fields, keys);
                out.push_str(&print_entry(&format!("{table}.{}", key(&e.id)), e, &order, &[]));
            }
            if entries.is_empty() {
                // An empty file still says what it is for.
                out.push_str(&format!("\n[{table}]\n"));
            }
            out
        }
        FileKind::Workspace => {
            let mut out = String::new();
            let mut settings = Entry::default();
            if let Some(item) = doc.as_table().get("workspace") {
                settings = entry("workspace", doc.as_table().key("workspace"), item);
            }
            take_header(&mut settings.above, &mut header);
            // Only the file's first entry can carry its header comment.
            let mut no_header = vec![String::new()];
            let mut areas = entries_of(&doc, "areas", &mut no_header);
            let mut tiers = entries_of(&doc, "tiers", &mut no_header);
            sort_fields(&mut settings.fields, schema::SETTINGS);
            out.push_str(&print_entry("workspace", &settings, &order, &[]));
            for a in &mut areas {
                sort_fields(&mut a.fields, schema::AREA);
                out.push_str(&print_entry(&format!("areas.{}", key(&a.id)), a, &order, &[]));
            }
            for t in &mut tiers {
                sort_fields(&mut t.fields, schema::TIER);
                out.push_str(&print_entry(&format!("tiers.{}", key(&t.id)), t, &order, &["ceiling"]));
            }
            // `[[separation]]` rules, in file order, however they are written.
            let rules: Vec<Entry> = match doc.as_table().get("separation") {
                Some(Item::ArrayOfTables(a)) => a.iter().map(|t| entry("", None, &Item::Table(t.clone()))).collect(),
                Some(Item::Value(Value::Array(a))) => a
                    .iter()
                    .filter_map(|v| v.as_inline_table())
                    .map(|t| entry("", None, &Item::Value(Value::InlineTable(t.clone()))))
                    .collect(),
                _ => Vec::new(),
            };
            for mut r in rules {
                sort_fields(&mut r.fields, schema::SEPARATION);
                out.push_str(&print_entry("[separation]", &r, &order, &[]));
            }
            out
        }
        FileKind::Profile => {
            let mut root = entry("", None, &Item::Table(doc.as_table().clone()));
            take_header(&mut root.above, &mut header);
            sort_fields(&mut root.fields, schema::PROFILE);
            print_entry("", &root, &order, &["grants"])
        }
    };
    let mut text_out = String::new();
    for line in &header {
        text_out.push_str(line);
        text_out.push('\n');
    }
    if !header.is_empty() && !out.is_empty() {
        text_out.push('\n');
    }
    text_out.push_str(out.trim_start_matches('\n'));
    let trailing = comment_lines(doc.trailing().as_str().unwrap_or(""));
    if !trailing.is_empty() {
        text_out.push('\n');
        for line in trailing {
            text_out.push_str(&line);
            text_out.push('\n');
        }
    }
    let mut before = comments(text);
    let mut after = comments(&text_out);
    before.sort();
    after.sort();
    if before != after {
        return Err(Error::new(
            Kind::Refused,
            "fmt-comments",
            format!("formatting `{name}` would move a comment it cannot place; nothing was written"),
        )
        .hint("move the comment onto its own line above the key it describes, then run `roster fmt` again"));
    }
    Ok(text_out)
}

/// The file's header: paragraphs of comments that end in a blank line above the first entry.
fn take_header(above: &mut Vec<String>, header: &mut Vec<String>) {
    if let Some(blank) = above.iter().rposition(|l| l.is_empty()) {
        let rest = above.split_off(blank + 1);
        for line in above.drain(..) {
            if !line.is_empty() || !header.is_empty() {
                header.push(line);
            }
        }
        while header.last().is_some_and(|l| l.is_empty()) {
            header.pop();
        }
        *above = rest;
    }
}

/// The entries of `[table.*]`, however they are written; the comments of the
/// first one that are set apart by a blank line go to `header`.
fn entries_of(doc: &DocumentMut, table: &str, header: &mut Vec<String>) -> Vec<Entry> {
    let Some(item) = doc.as_table().get(table) else { return Vec::new() };
    let Some(t) = item.as_table_like() else { return Vec::new() };
    let mut own_above = Vec::new();
    if let Item::Table(t) = item {
        own_above = raw_comments(t.decor().prefix().and_then(|p| p.as_str()).unwrap_or(""));
    }
    if let Some(k) = doc.as_table().key(table) {
        own_above.extend(key_comments(k));
    }
    let mut entries: Vec<(Option<isize>, usize, Entry)> = t
        .iter()
        .enumerate()
        .map(|(i, (id, item))| {
            let position = match item {
                Item::Table(t) if !t.is_dotted() => t.position(),
                _ => None,
            };
            (position, i, entry(id, t.get_key_value(id).map(|(k, _)| k), item))
        })
        .collect();
    // The document order: values first (inline and dotted entries sit under the
    // parent header), then standard tables by position.
    entries.sort_by_key(|(p, i, _)| (p.unwrap_or(isize::MIN), *i));
    let mut entries: Vec<Entry> = entries.into_iter().map(|(_, _, e)| e).collect();
    if header.is_empty() {
        own_above.push(String::new());
        take_header(&mut own_above, header);
        if let Some(first) = entries.first_mut() {
            if !own_above.is_empty() {
                own_above.extend(std::mem::take(&mut first.above));
                first.above = own_above;
            }
            take_header(&mut first.above, header);
        }
    }
    entries
}

/// One entry: a standard, dotted or inline table, flattened to fields.
fn entry(id: &str, key_of: Option<&Key>, item: &Item) -> Entry {
    let mut e = Entry { id: id.to_string(), ..Entry::default() };
    if let Some(k) = key_of {
        e.above.extend(key_comments(k));
    }
    match item {
        Item::Table(t) => {
            e.above.extend(raw_comments(t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("")));
            e.trailing = trailing_comment(t.decor().suffix().and_then(|s| s.as_str()));
            collect_fields(t, &mut e.fields);
        }
        Item::Value(Value::InlineTable(t)) => {
            e.above.extend(raw_comments(t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("")));
            e.trailing = trailing_comment(t.decor().suffix().and_then(|s| s.as_str()));
            for (k, v) in t.iter() {
                let mut above = t.key(k).map(key_comments).unwrap_or_default();
                for raw in [v.decor().prefix(), v.decor().suffix()].into_iter().flatten() {
                    above.extend(comment_lines(raw.as_str().unwrap_or("")));
                }
                nested_comments(v, &mut above);
                let mut value = v.clone();
                value.decor_mut().clear();
                e.fields.push(Field { key: k.to_string(), above, value, trailing: None });
            }
            e.above.extend(comment_lines(t.trailing().as_str().unwrap_or("")));
        }
        _ => {}
    }
    e
}

fn collect_fields(t: &Table, fields: &mut Vec<Field>) {
    for (k, item) in t.iter() {
        let mut above = t.key(k).map(key_comments).unwrap_or_default();
        let (value, trailing) = match item {
            Item::Value(v) => {
                let trailing = trailing_comment(v.decor().suffix().and_then(|s| s.as_str()));
                // Comments inside an array or an inline table go above the key.
                nested_comments(v, &mut above);
                let mut v = v.clone();
                v.decor_mut().clear();
                (v, trailing)
            }
            Item::Table(sub) => {
                // A sub-table (`[members.bob.grants]`, or dotted keys) becomes one
                // inline value; its comments go above the key.
                above.extend(raw_comments(sub.decor().prefix().and_then(|p| p.as_str()).unwrap_or("")));
                let mut trailing = trailing_comment(sub.decor().suffix().and_then(|s| s.as_str()));
                let mut inner = Vec::new();
                collect_fields(sub, &mut inner);
                let mut inline = toml_edit::InlineTable::new();
                for f in inner {
                    above.extend(f.above);
                    if let Some(c) = f.trailing {
                        match &trailing {
                            None => trailing = Some(c),
                            Some(_) => above.push(c.trim().to_string()),
                        }
                    }
                    inline.insert(&f.key, f.value);
                }
                (Value::InlineTable(inline), trailing)
            }
            _ => continue,
        };
        fields.push(Field { key: k.to_string(), above, value, trailing });
    }
}

fn nested_comments(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => {
            for item in a.iter() {
                for raw in [item.decor().prefix(), item.decor().suffix()].into_iter().flatten() {
                    out.extend(comment_lines(raw.as_str().unwrap_or("")));
                }
                nested_comments(item, out);
            }
            out.extend(comment_lines(a.trailing().as_str().unwrap_or("")));
        }
        Value::InlineTable(t) => {
            for (k, item) in t.iter() {
                if let Some(key) = t.key(k) {
                    out.extend(key_comments(key).into_iter().filter(|l| !l.is_empty()));
                }
                for raw in [item.decor().prefix(), item.decor().suffix()].into_iter().flatten() {
                    out.extend(comment_lines(raw.as_str().unwrap_or("")));
                }
                nested_comments(item, out);
            }
            out.extend(comment_lines(t.trailing().as_str().unwrap_or("")));
        }
        _ => {}
    }
}

fn key_comments(k: &Key) -> Vec<String> {
    let mut out = raw_comments(k.dotted_decor().prefix().and_then(|p| p.as_str()).unwrap_or(""));
    out.extend(raw_comments(k.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or("")));
    out
}

/// Comment lines of a decor, with a blank line (an empty string) where one or
/// more set comment paragraphs apart, including after the last one: that is
/// how a file's header comment is told from an entry's own.
fn raw_comments(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in raw.split('\n') {
        let t = line.trim();
        if t.starts_with('#') {
            out.push(t.to_string());
        } else if t.is_empty() && out.last().is_some_and(|l| !l.is_empty()) {
            out.push(String::new());
        }
    }
    // The last "line" of a prefix is the indentation before the key or header.
    if raw.ends_with('\n') || raw.trim_end_matches([' ', '\t']).ends_with('\n') {
        // a blank line after the last comment shows as "\n\n" at the end
        let tail = raw.trim_end_matches([' ', '\t']);
        let ends_blank = tail.ends_with("\n\n") || tail.ends_with("\n\r\n");
        if !ends_blank {
            while out.last().is_some_and(|l| l.is_empty()) {
                out.pop();
            }
        }
    } else {
        while out.last().is_some_and(|l| l.is_empty()) {
            out.pop();
        }
    }
    out
}

fn comment_lines(raw: &str) -> Vec<String> {
    raw_comments(raw).into_iter().filter(|l| !l.is_empty()).collect()
}

fn trailing_comment(raw: Option<&str>) -> Option<String> {
    let raw = raw?.trim_end();
    raw.contains('#').then(|| raw.to_string())
}

fn sort_fields(fields: &mut [Field], table: schema::Table) {
    fields.sort_by_key(|f| table.position(&f.key));
}

fn key(id: &str) -> String {
    Key::new(id).display_repr().into_owned()
}

/// Orders the keys of grants-like tables as the workspace declares them.
struct Order<'w> {
    ws: &'w Workspace,
}

impl Order<'_> {
    fn area(&self, id: &str) -> usize {
        self.ws.areas.iter().position(|a| a.id == id).unwrap_or(usize::MAX)
    }
    fn action(&self, area: &str, action: &str) -> usize {
        self.ws.area(area).and_then(|a| a.actions.iter().position(|x| x.value == action)).unwrap_or(usize::MAX)
    }
}

/// A grants-like table (area -> { action -> level }) in declared order.
fn grants_text(v: &Value, order: &Order) -> String {
    let Value::InlineTable(t) = v else { return value_text(v) };
    let mut areas: Vec<(&str, &Value)> = t.iter().collect();
    areas.sort_by_key(|(a, _)| (order.area(a), a.to_string()));
    let parts: Vec<String> = areas.iter().map(|(a, v)| format!("{} = {}", key(a), actions_text(a, v, order))).collect();
    inline(&parts)
}

fn actions_text(area: &str, v: &Value, order: &Order) -> String {
    let Value::InlineTable(t) = v else { return value_text(v) };
    let mut actions: Vec<(&str, &Value)> = t.iter().collect();
    actions.sort_by_key(|(a, _)| (order.action(area, a), a.to_string()));
    let parts: Vec<String> = actions.iter().map(|(a, v)| format!("{} = {}", key(a), value_text(v))).collect();
    inline(&parts)
}

fn inline(parts: &[String]) -> String {
    if parts.is_empty() { "{}".to_string() } else { format!("{{ {} }}", parts.join(", ")) }
}

/// A value in canonical form.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => Value::from(s.value().as_str()).to_string().trim().to_string(),
        Value::Array(a) => format!("[{}]", a.iter().map(value_text).collect::<Vec<_>>().join(", ")),
        Value::InlineTable(t) => {
            let mut parts: Vec<(&str, &Value)> = t.iter().collect();
            // The table form of a dated entry (`{ id = "acme", from = ..., until = ... }`,
            // `profile`, `level`): its value first, then `from`, then `until`.
            // Elsewhere (client -> profile) keys sort by name.
            let dated = parts.iter().any(|(k, v)| matches!(*k, "from" | "until") && v.as_datetime().is_some());
            let rank = |k: &str| match k {
                "id" | "profile" | "level" if dated => 0,
                "from" if dated => 1,
                "until" if dated => 2,
                _ => 3,
            };
            parts.sort_by(|a, b| (rank(a.0), a.0).cmp(&(rank(b.0), b.0)));
            inline(&parts.iter().map(|(k, v)| format!("{} = {}", key(k), value_text(v))).collect::<Vec<_>>())
        }
        other => {
            let mut v = other.clone();
            v.decor_mut().clear();
            v.to_string().trim().to_string()
        }
    }
}

fn field_text(f: &Field, order: &Order) -> String {
    match f.key.as_str() {
        "grants" | "ceiling" => grants_text(&f.value, order),
        "exceptions" => exceptions_text(&f.value),
        _ => value_text(&f.value),
    }
}

/// A separation rule's exceptions: one a line, each key in the schema's order.
fn exceptions_text(v: &Value) -> String {
    let Value::Array(a) = v else { return value_text(v) };
    if a.is_empty() {
        return "[]".into();
    }
    let mut out = String::from("[\n");
    for item in a.iter() {
        let text = match item.as_inline_table() {
            Some(t) => {
                let mut parts: Vec<(&str, &Value)> = t.iter().collect();
                parts.sort_by_key(|(k, _)| (schema::EXCEPTION.position(k), k.to_string()));
                inline(&parts.iter().map(|(k, v)| format!("{} = {}", key(k), value_text(v))).collect::<Vec<_>>())
            }
            None => value_text(item),
        };
        out.push_str(&format!("  {text},\n"));
    }
    out.push(']');
    out
}

/// `[header]`, its fields, and the fields in `sections` as sub-tables of their own.
fn print_entry(header: &str, e: &Entry, order: &Order, sections: &[&str]) -> String {
    let mut out = String::from("\n");
    let above: &[String] = {
        // Blank lines inside and after the comments stay (at most one each); leading ones go.
        let start = e.above.iter().position(|l| !l.is_empty()).unwrap_or(e.above.len());
        &e.above[start..]
    };
    for line in above {
        out.push_str(line);
        out.push('\n');
    }
    if !header.is_empty() {
        out.push_str(&format!("[{header}]{}\n", e.trailing.as_deref().unwrap_or("")));
    }
    let line = |out: &mut String, f: &Field, text: String| {
        for c in &f.above {
            if !c.is_empty() {
                out.push_str(c);
                out.push('\n');
            }
        }
        out.push_str(&format!("{} = {text}{}\n", key(&f.key), f.trailing.as_deref().unwrap_or("")));
    };
    for f in e.fields.iter().filter(|f| !sections.contains(&f.key.as_str())) {
        line(&mut out, f, field_text(f, order));
    }
    for f in e.fields.iter().filter(|f| sections.contains(&f.key.as_str())) {
        out.push('\n');
        for c in f.above.iter().filter(|c| !c.is_empty()) {
            out.push_str(c);
            out.push('\n');
        }
        let name = if header.is_empty() { f.key.clone() } else { format!("{header}.{}", key(&f.key)) };
        out.push_str(&format!("[{name}]{}\n", f.trailing.as_deref().unwrap_or("")));
        if let Value::InlineTable(t) = &f.value {
            let mut areas: Vec<(&str, &Value)> = t.iter().collect();
            areas.sort_by_key(|(a, _)| (order.area(a), a.to_string()));
            for (a, v) in areas {
                out.push_str(&format!("{} = {}\n", key(a), actions_text(a, v, order)));
            }
        }
    }
    out
}

/// Every comment of a TOML text, found by a small lexer that skips strings.
pub fn comments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            let quote = &rest[..3];
            let mut j = i + 3;
            loop {
                match text[j..].find(quote) {
                    Some(k) if quote == "\"\"\"" && is_escaped(b, j + k) => j += k + 1,
                    Some(k) => {
                        j += k + 3;
                        while j < b.len() && b[j] == quote.as_bytes()[0] {
                            j += 1;
                        }
                        break;
                    }
                    None => {
                        j = b.len();
                        break;
                    }
                }
            }
            i = j;
        } else if b[i] == b'"' || b[i] == b'\'' {
            let q = b[i];
            let mut j = i + 1;
            while j < b.len() && b[j] != q && b[j] != b'\n' {
                if q == b'"' && b[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            i = j + 1;
        } else if b[i] == b'#' {
            let end = text[i..].find('\n').map_or(b.len(), |k| i + k);
            out.push(text[i..end].trim_end().to_string());
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn is_escaped(b: &[u8], at: usize) -> bool {
    let mut n = 0;
    while at > n && b[at - n - 1] == b'\\' {
        n += 1;
    }
    n % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comment_lexer_skips_strings() {
        let text = "a = \"# not\" # yes\nb = '''\n# not\n''' # also\nc = \"\"\"x\\\"\"\"#\"\"\"\n# last";
        assert_eq!(comments(text), ["# yes", "# also", "# last"]);
    }
}
