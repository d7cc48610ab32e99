//! Entries keyed by id (`[members.ID]` in `members.toml`, `[clients.ID]` in
//! `clients.toml`): the one walk of their file's table, each entry read by its
//! kind's reader, with the bytes of each entry for a change to edit alone;
//! and the reading of a fragment of such a file (what a change wrote).

use super::reader::{Key, Reader, Val};
use super::syntax_message;
use crate::diag::Diagnostic;
use crate::model::Names;
use crate::source::{FileId, Span};
use toml::de::DeTable;

/// A kind of entry that a file holds as `[TABLE.ID]` tables: read by
/// [`read_entries`], parsed in chunks (`super::chunk`), and edited in place by
/// a change (`store::incremental`).
pub(crate) trait KeyedEntry: Sized {
    /// The file's only top-level table (`members`).
    const TABLE: &'static str;
    /// The file (`members.toml`).
    const FILE: &'static str;
    /// Reads the entry `key = value` of the table; `None` when there is no
    /// entry to keep (what is wrong is reported).
    fn read(r: &mut Reader, key: &Key, value: &Val) -> Option<Self>;
    fn id(&self) -> &str;
    /// Where its key starts in its file.
    fn key_start(&self) -> u32;
    /// The bytes of its entry in its file, when it can be edited alone.
    fn entry_mut(&mut self) -> &mut Option<(u32, u32)>;
    /// Moves its spans by `delta` bytes where they start at or after `at`.
    fn shift(&mut self, at: u32, delta: i64);
}

/// Reads the entries of a file's top table (or of a chunk of it), in file order.
pub(crate) fn read_entries<T: KeyedEntry>(r: &mut Reader, top: &DeTable) -> Vec<T> {
    let mut entries = Vec::new();
    for (key, value) in top {
        if key.get_ref() != T::TABLE {
            r.unknown_key(key, &[T::TABLE], T::FILE);
            continue;
        }
        let Some(table) = r.table(value, &format!("`{}`", T::TABLE)) else { continue };
        entries.reserve(table.len());
        for (id, value) in table {
            if let Some(mut entry) = T::read(r, id, value) {
                *entry.entry_mut() = r.entry_range(id, value);
                entries.push(entry);
            }
        }
    }
    entries
}

/// Keeps an entry's byte range only when no other entry starts inside it.
pub(super) fn exclusive_ranges<T: KeyedEntry>(items: &mut [T]) {
    let mut starts: Vec<u32> = items.iter().map(T::key_start).collect();
    starts.sort_unstable();
    for item in items.iter_mut() {
        let key = item.key_start();
        let range = item.entry_mut();
        if let Some((a, b)) = *range {
            // The first key start after this one's must not be inside its range.
            let next = starts.partition_point(|&s| s <= key);
            if key < a || starts.get(next).is_some_and(|&s| s < b) {
                *range = None;
            }
        }
    }
}

/// Reads the entries of a fragment of `members.toml` or `clients.toml` (what a
/// change wrote) at `offset` in file `file`: the new state of a change is built
/// from the old one and these, without parsing the whole file again.
pub(crate) fn read_fragment<T: KeyedEntry>(
    text: &str,
    file: FileId,
    offset: usize,
    names: &Names,
) -> (Vec<T>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (table, errors) = DeTable::parse_recoverable(text);
    for e in &errors {
        let span = e.span().unwrap_or(0..0);
        diags.push(Diagnostic::error(
            "toml-syntax",
            Span::new(file, span.start + offset..span.end + offset),
            syntax_message(e.message()),
        ));
    }
    if !errors.is_empty() {
        return (Vec::new(), diags);
    }
    let mut reader = Reader::new(file, &mut diags, text, offset, names);
    let items = read_entries(&mut reader, table.get_ref());
    (items, diags)
}
