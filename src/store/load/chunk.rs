//! Chunked parsing of `members.toml` and `clients.toml`: a large file is
//! parsed in chunks of about 64 KiB cut at entry headers, so that only one
//! chunk's syntax tree is alive at a time; anything a chunk cannot judge alone
//! (a syntax error, an entry cut across chunks, an id in two chunks) sends the
//! whole file through the ordinary single parse.

use super::Loader;
use super::entries::{KeyedEntry, read_entries};
use super::reader::Reader;
use crate::source::FileId;
use toml::de::DeTable;

/// Text above which `members.toml` and `clients.toml` are parsed in chunks.
const CHUNK: usize = 64 * 1024;

impl Loader<'_> {
    /// Parses a `[TABLE.ID]` file, a large one in chunks cut at entry headers,
    /// so that only one chunk's syntax tree is alive at a time: the model is
    /// built as the file is read. An entry cut across chunks (a sub-table after
    /// another entry), or a syntax error anywhere, sends the whole file through
    /// the ordinary single parse, which then says exactly what is wrong.
    pub(super) fn parse_chunked<T: KeyedEntry>(&mut self, file: FileId) -> Option<Vec<T>> {
        if self.failed.contains(&file) {
            return None;
        }
        let text = self.sources.get(file).text.as_str();
        if text.len() <= CHUNK || !self.chunked {
            return self.parse(file, read_entries::<T>);
        }
        // Reserve once: growing by doubling would hold two copies at the peak.
        let entries = text.split('\n').filter(|l| is_entry_header(l, T::TABLE)).count();
        let mut out: Vec<T> = Vec::with_capacity(entries);
        let mut diags = Vec::new();
        crate::progress::phase(format!("reading {}", T::FILE), text.len() as u64, crate::progress::Unit::Bytes);
        for range in chunks(text, T::TABLE) {
            crate::progress::set(range.start as u64);
            let chunk = &text[range.clone()];
            let (parsed, errors) = DeTable::parse_recoverable(chunk);
            if !errors.is_empty() {
                return self.parse(file, read_entries::<T>);
            }
            let mut reader = Reader::new(file, &mut diags, chunk, range.start, &self.names);
            out.extend(read_entries::<T>(&mut reader, parsed.get_ref()));
        }
        // An id in two chunks (an entry defined twice, or a sub-table cut from
        // its entry): only one parse of the whole file can say which.
        if has_duplicate_ids(&out) {
            return self.parse(file, read_entries::<T>);
        }
        self.diags.extend(diags);
        Some(out)
    }
}

/// Whether two entries have the same id. Sorting hashes, not the ids, keeps
/// this to one pass over the ids: only ids of equal hash are compared.
fn has_duplicate_ids<T: KeyedEntry>(entries: &[T]) -> bool {
    let mut hashes: Vec<(u64, u32)> =
        entries.iter().enumerate().map(|(i, item)| (crate::model::id_hash(item.id()), i as u32)).collect();
    hashes.sort_unstable();
    hashes.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1).any(|same| {
        let mut ids: Vec<&str> = same.iter().map(|&(_, i)| entries[i as usize].id()).collect();
        ids.sort_unstable();
        ids.windows(2).any(|w| w[0] == w[1])
    })
}

/// Byte ranges of about [`CHUNK`] bytes, each starting at a `[table.ID]` header
/// line (an id written bare; a sub-table header never starts a chunk).
fn chunks(text: &str, table: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        if at - start >= CHUNK && is_entry_header(&text[at..line_end], table) {
            out.push(start..at);
            start = at;
        }
        at = line_end;
    }
    out.push(start..text.len());
    out
}

fn is_entry_header(line: &str, table: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix('[') else { return false };
    let Some(rest) = rest.strip_prefix(table).and_then(|r| r.strip_prefix('.')) else { return false };
    let Some(close) = rest.find(']') else { return false };
    let id = &rest[..close];
    let after = rest[close + 1..].trim_start();
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && (after.is_empty() || after.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Params, generate};
    use crate::store::load::{Input, load_from, load_with};
    use std::path::Path;

    #[test]
    fn chunked_loading_reads_the_same_model_as_one_parse() {
        let files = generate(&Params { members: 5000, clients: 6000, profiles: 20, ..Params::default() });
        assert!(files["members.toml"].len() > 2 * CHUNK && files["clients.toml"].len() > CHUNK);
        let root = Path::new("/nonexistent");
        let chunked = load_with(root, Input::Memory(&files), true);
        let whole = load_with(root, Input::Memory(&files), false);
        assert_eq!(format!("{:?}", chunked.workspace.members), format!("{:?}", whole.workspace.members));
        assert_eq!(format!("{:?}", chunked.workspace.clients), format!("{:?}", whole.workspace.clients));
        assert!(chunked.diagnostics.is_empty() && whole.diagnostics.is_empty());
        assert!(chunked.workspace.members.iter().all(|m| m.entry.is_some()));
    }

    #[test]
    fn a_syntax_error_in_a_large_file_is_found_where_it_is() {
        let mut files = generate(&Params { members: 3000, clients: 100, profiles: 5, ..Params::default() });
        let members = files["members.toml"].replacen("[members.m002500]", "[members.m002500", 1);
        files.insert("members.toml".into(), members.clone());
        let loaded = load_from(Path::new("/nonexistent"), Input::Memory(&files));
        let d = &loaded.diagnostics[0];
        assert_eq!(d.code, "toml-syntax");
        let line = loaded.workspace.sources.position(d.span.unwrap().file, d.span.unwrap().start).line;
        assert_eq!(members.lines().nth(line - 1), Some("[members.m002500"));
    }

    #[test]
    fn a_member_defined_twice_across_chunks_is_an_error() {
        let mut files = generate(&Params { members: 3000, clients: 100, profiles: 5, ..Params::default() });
        let dup = files["members.toml"].replacen("[members.m002900]", "[members.m000010]", 1);
        files.insert("members.toml".into(), dup);
        let loaded = load_from(Path::new("/nonexistent"), Input::Memory(&files));
        assert!(loaded.diagnostics.iter().any(|d| d.code == "toml-syntax"), "{:?}", loaded.diagnostics);
    }

    #[test]
    fn entry_headers_are_recognised_strictly() {
        assert!(is_entry_header("[members.bob]\n", "members"));
        assert!(is_entry_header("  [members.bob-2]  # note\n", "members"));
        assert!(!is_entry_header("[members.bob.grants]\n", "members"));
        assert!(!is_entry_header("[members.\"a.b\"]\n", "members"));
        assert!(!is_entry_header("[[members.bob]]\n", "members"));
        assert!(!is_entry_header("[clients.bob]\n", "members"));
    }
}
