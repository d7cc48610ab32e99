//! Format-preserving edits of one TOML file (SPEC §6): only the TOML that must
//! change changes. Comments, blank lines, key order and quoting elsewhere stay
//! byte for byte.
//!
//! This is the write model, kept apart from the typed read model of `load` (as
//! uv keeps `PyProjectTomlMut` apart from `PyProjectToml`): it exists to keep
//! what people wrote. Values are replaced with their old decor (so a trailing
//! `# comment` survives), and a new entry is inserted as text in id order when
//! the entries of its table are sorted, else at its end.

use crate::error::{Error, Kind, Result};
use toml_edit::{DocumentMut, InlineTable, Item, TableLike, Value};

/// A parsed document of one file, with the text it came from.
#[derive(Debug)]
pub struct Editor {
    name: String,
    doc: DocumentMut,
}

impl Editor {
    pub fn parse(name: &str, text: &str) -> Result<Editor> {
        let doc = text.parse::<DocumentMut>().map_err(|e| {
            Error::new(Kind::Environment, "toml-syntax", format!("cannot edit `{name}`: {e}"))
                .hint("the file changed since it was checked; run `roster check`")
        })?;
        Ok(Editor { name: name.to_string(), doc })
    }

    pub fn finish(self) -> String {
        self.doc.to_string()
    }

    /// The top-level table, for keys that live there (a profile's `name`).
    pub fn root(&mut self) -> &mut dyn TableLike {
        self.doc.as_table_mut()
    }

    /// `[table.id]`, however it is written (standard, inline or dotted).
    pub fn entry(&mut self, table: &str, id: &str) -> Result<&mut dyn TableLike> {
        let name = self.name.clone();
        self.doc
            .get_mut(table)
            .and_then(|t| t.as_table_like_mut())
            .and_then(|t| t.get_mut(id))
            .and_then(|e| e.as_table_like_mut())
            .ok_or_else(|| {
                Error::new(
                    Kind::Environment,
                    "changed-on-disk",
                    format!("`{name}` has no entry `{table}.{id}` to edit"),
                )
            })
    }

    /// Removes `[table.id]` with the comments directly above its header. Comment
    /// paragraphs further up (a file's header comment, separated by a blank
    /// line) are not about this entry: they stay, above the next table.
    pub fn remove_entry(&mut self, table: &str, id: &str) -> bool {
        let removed = self.doc.get_mut(table).and_then(|t| t.as_table_like_mut()).and_then(|t| t.remove(id));
        let Some(Item::Table(gone)) = removed else { return removed.is_some() };
        let prefix = gone.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
        let keep = kept_paragraphs(&prefix);
        let position = gone.position().unwrap_or(isize::MAX);
        let first = self.doc.as_table().iter().all(|(_, item)| item.is_table() || item.is_array_of_tables())
            && min_position(self.doc.as_table(), isize::MIN).is_none_or(|p| p > position);
        match min_position(self.doc.as_table(), position) {
            Some(next) => {
                if let Some(t) = table_at(self.doc.as_table_mut(), next) {
                    let old = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
                    let old =
                        if first && keep.is_empty() { old.trim_start_matches(['\n', '\r']).to_string() } else { old };
                    t.decor_mut().set_prefix(format!("{keep}{old}"));
                }
            }
            None if !keep.is_empty() => {
                let trailing = self.doc.trailing().as_str().unwrap_or("").to_string();
                self.doc.set_trailing(format!("{}{trailing}", keep.trim_end_matches('\n')));
            }
            None => {}
        }
        true
    }

    /// Renames `[table.old]` to `[table.new]`, keeping its place, its
    /// comments and its layout (the key's spacing and the entry's bytes).
    /// Whether there was such an entry.
    pub fn rename_entry(&mut self, table: &str, old: &str, new: &str) -> bool {
        self.doc.get_mut(table).and_then(|t| t.as_table_like_mut()).is_some_and(|t| rename_key(t, old, new))
    }
}

/// Renames key `old` of `table` to `new` in place: the entries from `old` on
/// are taken out and put back in order (a table's items keep their position
/// in the file either way; an inline or dotted one keeps its order this way).
pub fn rename_key(table: &mut dyn TableLike, old: &str, new: &str) -> bool {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let Some(at) = keys.iter().position(|k| k == old) else { return false };
    let mut moved: Vec<(toml_edit::Key, Item)> = Vec::with_capacity(keys.len() - at);
    for k in &keys[at..] {
        let key = table.key(k).cloned().unwrap_or_else(|| toml_edit::Key::new(k.as_str()));
        if let Some(item) = table.remove(k) {
            moved.push((key, item));
        }
    }
    for (key, item) in moved {
        let key = if key.get() == old {
            toml_edit::Key::new(new)
                .with_leaf_decor(key.leaf_decor().clone())
                .with_dotted_decor(key.dotted_decor().clone())
        } else {
            key
        };
        if let toml_edit::Entry::Vacant(v) = table.entry_format(&key) {
            v.insert(item);
        }
    }
    true
}

/// Replaces the string `old` by `new` where `key` holds it, alone or in an
/// array, keeping each value's decor. How many it replaced.
pub fn replace_string(table: &mut dyn TableLike, key: &str, old: &str, new: &str) -> usize {
    let replace = |v: &mut Value| {
        if v.as_str() == Some(old) {
            let decor = v.decor().clone();
            *v = Value::from(new);
            *v.decor_mut() = decor;
            1
        } else {
            0
        }
    };
    match table.get_mut(key) {
        Some(Item::Value(Value::Array(a))) => a.iter_mut().map(replace).sum(),
        Some(Item::Value(v)) => replace(v),
        _ => 0,
    }
}

/// The comment paragraphs of a header's prefix that end in a blank line: they
/// belong to what is above, not to the entry.
fn kept_paragraphs(prefix: &str) -> String {
    let Some(end) = prefix.rfind("\n\n") else { return String::new() };
    let kept = &prefix[..end + 2];
    if kept.lines().any(|l| l.trim_start().starts_with('#')) { kept.to_string() } else { String::new() }
}

/// The smallest table position in the document above `after`.
fn min_position(table: &toml_edit::Table, after: isize) -> Option<isize> {
    let mut best: Option<isize> = None;
    for (_, item) in table.iter() {
        if let Item::Table(t) = item {
            if let Some(p) = t.position().filter(|p| *p > after && !t.is_implicit()) {
                best = Some(best.map_or(p, |b| b.min(p)));
            }
            if let Some(p) = min_position(t, after) {
                best = Some(best.map_or(p, |b| b.min(p)));
            }
        }
    }
    best
}

fn table_at(table: &mut toml_edit::Table, position: isize) -> Option<&mut toml_edit::Table> {
    for (_, item) in table.iter_mut() {
        if let Item::Table(t) = item {
            if t.position() == Some(position) && !t.is_implicit() {
                return Some(t);
            }
            if let Some(found) = table_at(t, position) {
                return Some(found);
            }
        }
    }
    None
}

/// Sets `key` to `value`, keeping the old value's decor (its spacing and any
/// trailing comment); a new key is appended to the table.
pub fn set(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        Some(item) => *item = Item::Value(value),
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// [`set`], and a key that is new goes to its place in `order` (the
/// schema's) rather than at the end, when the keys already there follow
/// that order: the keys after it are moved behind it with their comments.
/// A table in an order of its own keeps it (the key is appended).
pub fn set_placed(table: &mut dyn TableLike, key: &str, value: Value, order: &[&str]) {
    if table.contains_key(key) {
        return set(table, key, value);
    }
    let rank = |k: &str| order.iter().position(|o| *o == k);
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let ranks: Vec<Option<usize>> = keys.iter().map(|k| rank(k)).collect();
    let canonical = ranks.iter().all(Option::is_some) && ranks.windows(2).all(|w| w[0] <= w[1]);
    table.insert(key, Item::Value(value));
    let Some(mine) = rank(key).filter(|_| canonical) else { return };
    for k in keys.iter().filter(|k| rank(k).is_some_and(|r| r > mine)) {
        // Only values move: a sub-table (`[members.x.grants]`) is no line of this table.
        if !table.get(k).is_some_and(Item::is_value) {
            continue;
        }
        let Some(formatted) = table.key(k).cloned() else { continue };
        let Some(item) = table.remove(k) else { continue };
        table.entry_format(&formatted).or_insert(item);
    }
}

pub fn remove(table: &mut dyn TableLike, key: &str) -> bool {
    table.remove(key).is_some()
}

/// Sets `area.action = level` in a grants-like table under `key` (a profile's
/// `grants`, a member's overrides), creating the tables it needs as inline tables.
pub fn set_grant(parent: &mut dyn TableLike, key: &str, area: &str, action: &str, level: impl Into<Value>) {
    if parent.get(key).and_then(Item::as_table_like).is_none() {
        parent.insert(key, Item::Value(Value::InlineTable(InlineTable::new())));
    }
    let Some(grants) = parent.get_mut(key).and_then(Item::as_table_like_mut) else { return };
    if grants.get(area).and_then(Item::as_table_like).is_none() {
        grants.insert(area, Item::Value(Value::InlineTable(InlineTable::new())));
    }
    if let Some(area_table) = grants.get_mut(area).and_then(Item::as_table_like_mut) {
        set(area_table, action, level.into());
    }
    fmt_inline(grants.get_mut(area));
    fmt_inline(parent.get_mut(key));
}

/// Removes `area.action` from a grants-like table, and the tables it leaves empty.
pub fn remove_grant(parent: &mut dyn TableLike, key: &str, area: &str, action: &str) -> bool {
    let Some(grants) = parent.get_mut(key).and_then(Item::as_table_like_mut) else { return false };
    let Some(area_table) = grants.get_mut(area).and_then(Item::as_table_like_mut) else { return false };
    let removed = area_table.remove(action).is_some();
    if area_table.is_empty() {
        grants.remove(area);
    }
    if grants.is_empty() {
        parent.remove(key);
    }
    removed
}

/// Sets `key` to an array of strings, keeping the array's layout when it exists:
/// values are removed in place and new ones appended.
pub fn set_string_array(table: &mut dyn TableLike, key: &str, values: &[&str]) {
    match table.get_mut(key).and_then(Item::as_array_mut) {
        Some(array) => {
            let multi_line = array.to_string().contains('\n');
            let first_prefix = array.get(0).and_then(|v| v.decor().prefix().cloned());
            let last_suffix = array.iter().last().and_then(|v| v.decor().suffix().cloned());
            array.retain(|v| item_id(v).is_some_and(|s| values.contains(&s)));
            let present: Vec<String> = array.iter().filter_map(|v| item_id(v).map(str::to_string)).collect();
            for v in values {
                if !present.iter().any(|p| p == v) {
                    array.push(*v);
                }
            }
            if !multi_line {
                array.fmt();
            } else {
                // Each element on its own line, like the first one was.
                if let Some(p) = &first_prefix {
                    for v in array.iter_mut() {
                        v.decor_mut().set_prefix(p.clone());
                    }
                }
                let n = array.len();
                if let (Some(s), Some(last)) = (&last_suffix, array.get_mut(n.wrapping_sub(1))) {
                    last.decor_mut().set_suffix(s.clone());
                }
            }
        }
        None => set(table, key, Value::Array(values.iter().copied().collect())),
    }
}

/// The id of an array item: `"acme"`, or the table form `{ id = "acme", until = ... }`.
pub fn item_id(v: &Value) -> Option<&str> {
    v.as_str().or_else(|| v.as_inline_table().and_then(|t| t.get("id")).and_then(Value::as_str))
}

/// A value in its short form, or its table form (SPEC §9) when it has dates:
/// `{ main = value, from = ..., until = ... }`, keys in that order.
pub fn dated(main: &str, value: &str, from: Option<crate::model::Date>, until: Option<crate::model::Date>) -> Value {
    if from.is_none() && until.is_none() {
        return Value::from(value);
    }
    let mut t = InlineTable::new();
    t.insert(main, Value::from(value));
    for (k, d) in [("from", from), ("until", until)] {
        if let Some(d) = d {
            t.insert(k, Value::from(toml_date(d)));
        }
    }
    t.fmt();
    Value::InlineTable(t)
}

/// A TOML local date.
pub fn toml_date(d: crate::model::Date) -> toml_edit::Datetime {
    toml_edit::Datetime {
        date: Some(toml_edit::Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 }),
        time: None,
        offset: None,
    }
}

/// Replaces the item of `key`'s array whose id is `id` by `value` (appended when absent).
pub fn set_array_item(table: &mut dyn TableLike, key: &str, id: &str, value: Value) {
    match table.get_mut(key).and_then(Item::as_array_mut) {
        Some(array) => {
            let found = array.iter().position(|v| item_id(v) == Some(id));
            set_item(array, found, value)
        }
        None => {
            let mut a = toml_edit::Array::new();
            a.push(value);
            set(table, key, Value::Array(a));
        }
    }
}

fn set_item(array: &mut toml_edit::Array, found: Option<usize>, value: Value) {
    match found {
        Some(i) => {
            let decor = array.get(i).map(|v| v.decor().clone());
            array.replace(i, value);
            if let (Some(d), Some(v)) = (decor, array.get_mut(i)) {
                *v.decor_mut() = d;
            }
        }
        None => {
            array.push(value);
            if !array.to_string().contains('\n') {
                array.fmt();
            }
        }
    }
}

/// Sets `key.sub = value` in an inline-or-standard table under `key`
/// (a member's `client_profiles`).
pub fn set_in(parent: &mut dyn TableLike, key: &str, sub: &str, value: impl Into<Value>) {
    if parent.get(key).and_then(Item::as_table_like).is_none() {
        parent.insert(key, Item::Value(Value::InlineTable(InlineTable::new())));
    }
    if let Some(t) = parent.get_mut(key).and_then(Item::as_table_like_mut) {
        set(t, sub, value.into());
    }
    fmt_inline(parent.get_mut(key));
}

/// Removes `key.sub`, and `key` when it is left empty.
pub fn remove_in(parent: &mut dyn TableLike, key: &str, sub: &str) -> bool {
    let Some(t) = parent.get_mut(key).and_then(Item::as_table_like_mut) else { return false };
    let removed = t.remove(sub).is_some();
    if t.is_empty() {
        parent.remove(key);
    }
    removed
}

/// Spaces a fresh inline table (`{ view = "all" }`); a standard table keeps its layout.
fn fmt_inline(item: Option<&mut Item>) {
    if let Some(Item::Value(Value::InlineTable(t))) = item {
        t.fmt();
    }
}

/// `text` with new `[table.id]` entries (id, text) inserted: each before the
/// entry with the next id (with the comments above that entry's header) when
/// the entries are sorted standard tables, else at the end. `ids` are the
/// existing ids in file order, with the byte offset of each one's key.
pub fn insert_entries(text: &str, ids: &[(&str, usize)], new: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + new.iter().map(|(_, e)| e.len() + 2).sum::<usize>());
    let mut at = 0;
    for (start, end, insert) in insertion_splices(text, ids, new) {
        out.push_str(&text[at..start]);
        out.push_str(&insert);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Where the new entries go, as insertions `(offset, offset, text)` in order:
/// before the entry with the next id (and the comments above it) when the
/// entries are sorted standard tables, else at the end after one blank line.
pub fn insertion_splices(text: &str, ids: &[(&str, usize)], new: &[(&str, &str)]) -> Vec<(usize, usize, String)> {
    let keyed = in_id_order(text, ids.iter().copied());
    insertion_splices_by(text, new, |id| {
        if keyed { ids.iter().find(|(existing, _)| *existing > id).map(|&(_, at)| at) } else { None }
    })
}

/// Whether new entries go in id order: the ids (in file order, each with
/// the offset of its key) are sorted and each is a standard table's header.
pub fn in_id_order<'a>(text: &str, ids: impl Iterator<Item = (&'a str, usize)>) -> bool {
    in_id_order_with(text, ids.map(|(id, at)| (id.as_bytes(), at)), |_, _| {})
}

/// [`in_id_order`] in one pass over the entries (each read once, in file
/// order: 100,000 of them are spread over 16 MB), `each` seeing every entry
/// until the answer is no. Ids compare as bytes, as `str` orders them.
pub fn in_id_order_with<'a>(
    text: &str,
    ids: impl Iterator<Item = (&'a [u8], usize)>,
    mut each: impl FnMut(&'a [u8], usize),
) -> bool {
    let mut last: Option<&[u8]> = None;
    for (id, at) in ids {
        if last.is_some_and(|l| l > id) || !line_start_is_header(text, at) {
            return false;
        }
        last = Some(id);
        each(id, at);
    }
    true
}

/// As [`insertion_splices`], with the entry each new one goes before given by
/// `next` (the offset of its key; `None`: at the end), so that a caller who
/// adds entries again and again looks them up in its own index.
pub fn insertion_splices_by(
    text: &str,
    new: &[(&str, &str)],
    next: impl Fn(&str) -> Option<usize>,
) -> Vec<(usize, usize, String)> {
    let mut new: Vec<(&str, &str)> = new.to_vec();
    new.sort_by(|a, b| a.0.cmp(b.0));
    let mut at_offsets: Vec<(usize, String)> = Vec::new();
    let mut at_end: Vec<&str> = Vec::new();
    for (id, entry) in &new {
        match next(id) {
            Some(at) => {
                let offset = block_start(text, line_start(text, at));
                match at_offsets.last_mut() {
                    Some((o, t)) if *o == offset => t.push_str(&format!("{entry}\n")),
                    _ => at_offsets.push((offset, format!("{entry}\n"))),
                }
            }
            None => at_end.push(entry),
        }
    }
    let mut out: Vec<(usize, usize, String)> = at_offsets.into_iter().map(|(o, t)| (o, o, t)).collect();
    if !at_end.is_empty() {
        let body = text.trim_end_matches(['\n', '\r', ' ', '\t']);
        let newlines = text[body.len()..].matches('\n').count();
        let prefix = match (body.is_empty(), newlines) {
            (true, _) => "",
            (false, 0) => "\n\n",
            (false, 1) => "\n",
            _ => "",
        };
        let entries: Vec<String> = at_end.iter().map(|e| format!("{}\n", e.trim_end_matches('\n'))).collect();
        out.push((text.len(), text.len(), format!("{prefix}{}", entries.join("\n"))));
    }
    out
}

/// The `[table.ID]` header lines of a text, in order: each id with the
/// offset of its key (for [`insert_entries`] on a text that is no longer
/// the one read).
pub fn entry_headers<'t>(text: &'t str, table: &str) -> Vec<(&'t str, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        if let Some(after) =
            rest.strip_prefix('[').and_then(|r| r.strip_prefix(table)).and_then(|r| r.strip_prefix('.'))
            && let Some(close) = after.find(']')
            && !rest.starts_with("[[")
        {
            let id = &after[..close];
            if !id.is_empty() && !id.contains(['.', '"', '\'', ' ']) {
                out.push((id, at + indent + 1 + table.len() + 1));
            }
        }
        at += line.len();
    }
    out
}

/// The splice `(start, end, text)` that removes the entry at `start..end` (a
/// standard table that no other entry interleaves) as [`Editor::remove_entry`]
/// removes it from the whole file: with the comments directly above its
/// header, the comment paragraphs further up kept; when it is the file's
/// first table, the blank lines that followed it go too. The splice lies
/// between the end of the entry before and this one's end, so that
/// neighbours removed or edited in the same change do not overlap it.
/// `None` when the lines around it are not blank lines and comments up to
/// the next header: the whole-file editor does it then.
pub fn removal_splice(text: &str, start: usize, end: usize) -> Option<(usize, usize, String)> {
    let plain = |line: &str| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    };
    // The header's prefix: the blank and comment lines directly above it.
    let mut above = start;
    while above > 0 {
        let prev = line_start(text, above - 1);
        if !plain(&text[prev..above]) {
            break;
        }
        above = prev;
    }
    let keep = kept_paragraphs(&text[above..start]);
    // The lines after it, up to the next header.
    let mut at = end;
    let mut next = None;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        if !plain(line) {
            if !line.trim_start().starts_with('[') {
                return None;
            }
            next = Some(at);
            break;
        }
        at = line_end;
    }
    match next {
        // The first table: what follows loses its leading blank lines.
        Some(_) if above == 0 && keep.is_empty() => {
            let after = &text[end..];
            let blank = after.len() - after.trim_start_matches(['\n', '\r']).len();
            Some((0, end + blank, String::new()))
        }
        Some(_) => Some((above + keep.len(), end, String::new())),
        None => Some((above, end, keep.trim_end_matches('\n').to_string())),
    }
}

/// Whether a file's lines end in CRLF: its first line does, as editors decide.
pub fn is_crlf(text: &str) -> bool {
    text.find('\n').is_some_and(|i| text[..i].ends_with('\r'))
}

/// `new`, a rewrite of `old` by the editor (which writes LF), with the file's
/// line endings kept (SPEC §6): the lines it shares with `old` at the start
/// and at the end keep their bytes, ending included, and the lines between
/// (what the edit wrote) end as the file's lines do (`crlf`). Linear in the
/// texts; a file without a CR is returned as it is. In a file of CRLF lines
/// the result has CRLF lines only, and differs from `old` only where the
/// edit changed something.
pub fn keep_line_endings(old: &str, new: String, crlf: bool) -> String {
    if !crlf && !old.contains('\r') {
        return new;
    }
    let content = |line: &str| -> usize {
        match line.strip_suffix('\n') {
            Some(l) => l.strip_suffix('\r').unwrap_or(l).len(),
            None => line.len(),
        }
    };
    let same = |o: &str, n: &str| o[..content(o)] == n[..content(n)] && o.ends_with('\n') == n.ends_with('\n');
    let (mut old_head, mut new_head) = (0, 0);
    for (o, n) in old.split_inclusive('\n').zip(new.split_inclusive('\n')) {
        if !same(o, n) {
            break;
        }
        (old_head, new_head) = (old_head + o.len(), new_head + n.len());
    }
    let (mut old_tail, mut new_tail) = (0, 0);
    for (o, n) in old[old_head..].split_inclusive('\n').rev().zip(new[new_head..].split_inclusive('\n').rev()) {
        if !same(o, n) {
            break;
        }
        (old_tail, new_tail) = (old_tail + o.len(), new_tail + n.len());
    }
    let middle = &new[new_head..new.len() - new_tail];
    let mut out = String::with_capacity(old_head + middle.len() + middle.len() / 16 + old_tail);
    out.push_str(&old[..old_head]);
    for line in middle.split_inclusive('\n') {
        out.push_str(&line[..content(line)]);
        if line.ends_with('\n') {
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
    }
    out.push_str(&old[old.len() - old_tail..]);
    out
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

fn line_start_is_header(text: &str, at: usize) -> bool {
    let line = &text[line_start(text, at)..];
    line.trim_start().starts_with('[') && !line.trim_start().starts_with("[[")
}

/// The start of the comment lines directly above the line at `at`.
fn block_start(text: &str, mut at: usize) -> usize {
    while at > 0 {
        let prev = line_start(text, at - 1);
        if text[prev..at].trim_start().starts_with('#') {
            at = prev;
        } else {
            break;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An edit of a CRLF file is written in CRLF, and only the edited lines
    /// differ; in a file of mixed endings the lines the edit did not reach
    /// keep theirs; an LF file is left alone; applying it twice changes nothing.
    #[test]
    fn line_endings_are_kept() {
        let old = "# head\r\n[members.bob]\r\nname = \"Bob\"\r\nprofile = \"user\"\r\n\r\n[members.eve]\r\nname = \"Eve\"\r\n";
        let mut e = Editor::parse("m.toml", old).unwrap();
        set(e.entry("members", "bob").unwrap(), "name", Value::from("Robert"));
        set(e.entry("members", "bob").unwrap(), "credit_limit", Value::from(5));
        let lf = e.finish();
        assert!(!lf.contains('\r'), "the editor writes LF: {lf:?}");
        let kept = keep_line_endings(old, lf.clone(), is_crlf(old));
        assert_eq!(
            kept,
            "# head\r\n[members.bob]\r\nname = \"Robert\"\r\nprofile = \"user\"\r\ncredit_limit = 5\r\n\r\n[members.eve]\r\nname = \"Eve\"\r\n"
        );
        assert_eq!(keep_line_endings(old, kept.clone(), true), kept);
        // Mixed: the first line decides for new lines, the others keep theirs.
        let mixed = "a = 1\r\nb = 2\nc = 3\r\nd = 4\n";
        assert_eq!(
            keep_line_endings(mixed, "a = 1\nb = 2\nc = 9\nd = 4\n".into(), true),
            "a = 1\r\nb = 2\nc = 9\r\nd = 4\n"
        );
        assert_eq!(keep_line_endings(mixed, "a = 1\nx = 0\n".into(), false), "a = 1\r\nx = 0\n");
        // Inserted text (nothing replaced) takes the file's endings.
        assert_eq!(
            keep_line_endings("", "\n[members.zed]\nname = \"Z\"\n".into(), true),
            "\r\n[members.zed]\r\nname = \"Z\"\r\n"
        );
        assert_eq!(keep_line_endings("a\nb\n", "a\nc\n".into(), false), "a\nc\n");
        // A last line without a line end stays without one.
        assert_eq!(keep_line_endings("a\r\nb", "a\nb\nc".into(), true), "a\r\nb\r\nc");
        assert!(is_crlf("x\r\ny\n") && !is_crlf("x\ny\r\n") && !is_crlf("x"));
    }

    #[test]
    fn set_keeps_a_trailing_comment() {
        let mut e = Editor::parse("m.toml", "[members.bob]\nprofile = \"user\"   # why\nname = 'Bob'\n").unwrap();
        set(e.entry("members", "bob").unwrap(), "profile", Value::from("contributor"));
        assert_eq!(e.finish(), "[members.bob]\nprofile = \"contributor\"   # why\nname = 'Bob'\n");
    }

    #[test]
    fn grants_are_added_inline_and_removed_with_empty_tables() {
        let mut e = Editor::parse("m.toml", "[members.bob]\nname = \"Bob\"\n").unwrap();
        set_grant(e.entry("members", "bob").unwrap(), "grants", "invoices", "view", "assigned");
        let text = e.finish();
        assert_eq!(text, "[members.bob]\nname = \"Bob\"\ngrants = { invoices = { view = \"assigned\" } }\n");
        let mut e = Editor::parse("m.toml", &text).unwrap();
        assert!(remove_grant(e.entry("members", "bob").unwrap(), "grants", "invoices", "view"));
        assert_eq!(e.finish(), "[members.bob]\nname = \"Bob\"\n");
    }

    #[test]
    fn an_inline_table_gains_a_key_readably() {
        let mut e = Editor::parse("m.toml", "[members.bob]\ngrants = { invoices = { view = \"assigned\" } }  # note\n")
            .unwrap();
        set_grant(e.entry("members", "bob").unwrap(), "grants", "invoices", "edit", "assigned");
        set_grant(e.entry("members", "bob").unwrap(), "grants", "clients", "view", "all");
        assert_eq!(
            e.finish(),
            "[members.bob]\ngrants = { invoices = { view = \"assigned\", edit = \"assigned\" }, clients = { view = \"all\" } }  # note\n"
        );
    }

    #[test]
    fn a_standard_grants_table_keeps_its_layout() {
        let text =
            "name = \"P\"\n\n[grants]\nclients = { view = \"all\" }\n# calendars\ncalendars = { view = \"all\" }\n";
        let mut e = Editor::parse("p.toml", text).unwrap();
        set_grant(e.root(), "grants", "calendars", "view", "own");
        set_grant(e.root(), "grants", "invoices", "view", "all");
        assert_eq!(
            e.finish(),
            "name = \"P\"\n\n[grants]\nclients = { view = \"all\" }\n# calendars\ncalendars = { view = \"own\" }\ninvoices = { view = \"all\" }\n"
        );
    }

    #[test]
    fn arrays_keep_their_layout() {
        let mut e = Editor::parse("m.toml", "[members.bob]\nclients = [\"acme\", \"globex\"]  # two\n").unwrap();
        set_string_array(e.entry("members", "bob").unwrap(), "clients", &["globex", "initech"]);
        assert_eq!(e.finish(), "[members.bob]\nclients = [\"globex\", \"initech\"]  # two\n");
        let mut e = Editor::parse("m.toml", "[members.bob]\nclients = [\n    \"acme\",\n    \"globex\",\n]\n").unwrap();
        set_string_array(e.entry("members", "bob").unwrap(), "clients", &["globex", "initech"]);
        assert_eq!(e.finish(), "[members.bob]\nclients = [\n    \"globex\",\n    \"initech\",\n]\n");
    }

    #[test]
    fn a_new_entry_goes_in_id_order_with_the_comments_of_the_next() {
        let text = "# head\n\n[m.a]\nx = 1\n\n# about c\n[m.c]\nx = 3\n";
        let ids = [("a", text.find("[m.a]").unwrap() + 3), ("c", text.find("[m.c]").unwrap() + 3)];
        assert_eq!(
            insert_entries(text, &ids, &[("b", "[m.b]\nx = 2\n")]),
            "# head\n\n[m.a]\nx = 1\n\n[m.b]\nx = 2\n\n# about c\n[m.c]\nx = 3\n"
        );
        assert_eq!(
            insert_entries(text, &ids, &[("d", "[m.d]\nx = 4\n")]),
            "# head\n\n[m.a]\nx = 1\n\n# about c\n[m.c]\nx = 3\n\n[m.d]\nx = 4\n"
        );
    }

    #[test]
    fn several_new_entries_land_each_in_its_place() {
        let text = "[m.b]\nx = 1\n\n[m.d]\nx = 3\n";
        let ids = [("b", 3), ("d", text.find("[m.d]").unwrap() + 3)];
        let out = insert_entries(
            text,
            &ids,
            &[("e", "[m.e]\nx = 5\n"), ("a", "[m.a]\nx = 0\n"), ("c", "[m.c]\nx = 2\n"), ("f", "[m.f]\nx = 6\n")],
        );
        assert_eq!(
            out,
            "[m.a]\nx = 0\n\n[m.b]\nx = 1\n\n[m.c]\nx = 2\n\n[m.d]\nx = 3\n\n[m.e]\nx = 5\n\n[m.f]\nx = 6\n"
        );
    }

    #[test]
    fn unsorted_entries_get_the_new_one_at_the_end() {
        let text = "[m.c]\nx = 3\n[m.a]\nx = 1\n";
        let ids = [("c", 3), ("a", 15)];
        assert_eq!(
            insert_entries(text, &ids, &[("b", "[m.b]\nx = 2\n")]),
            "[m.c]\nx = 3\n[m.a]\nx = 1\n\n[m.b]\nx = 2\n"
        );
    }
}
