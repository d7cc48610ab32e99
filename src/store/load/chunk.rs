//! Chunked parsing of `members.toml` and `clients.toml`: a large file is
//! parsed in chunks of about 16 KiB cut at entry headers, on every core (one
//! scoped thread per core, each taking the next chunk not yet taken), and the
//! chunks' entries and diagnostics are joined in file order, so that the result
//! is the one a single parse gives. Anything a chunk cannot judge alone (a
//! syntax error, an entry cut across chunks, an id in two chunks) sends the
//! whole file through the ordinary single parse.
//!
//! References are resolved as each chunk is read: the table of known ids
//! (`model::Names`, filled before the file is read: clients before members) is
//! only read while the threads run, so every chunk shares the same allocations
//! without a lock or a second pass.

use super::Loader;
use super::entries::{KeyedEntry, read_entries};
use super::reader::Reader;
use crate::diag::Diagnostic;
use crate::model::Names;
use crate::source::FileId;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use toml::de::DeTable;

/// The size of the pieces a review campaign is read in (`super::review`).
pub(super) const CHUNK: usize = 64 * 1024;

/// Text above which `members.toml` and `clients.toml` are parsed in chunks,
/// and their size: small, so that the syntax trees each core holds at once
/// weigh little at the peak of a load (SPEC §7's memory target).
const ENTRIES_CHUNK: usize = 16 * 1024;

/// One chunk's entries and the problems found in them.
pub(super) type Part<T> = (Vec<T>, Vec<Diagnostic>);

/// Where one chunk's entries go in the file's list, and its problems.
type Place<'a, T> = Mutex<(&'a mut [Option<T>], Vec<Diagnostic>)>;

impl Loader<'_> {
    /// Parses a `[TABLE.ID]` file, a large one in chunks cut at entry headers,
    /// read on every core and joined in file order. An entry cut across chunks
    /// (a sub-table after another entry), or a syntax error anywhere, sends the
    /// whole file through the ordinary single parse, which then says exactly
    /// what is wrong. A small file (every file of a usual workspace) is one
    /// parse on this thread: starting threads would cost more than it saves.
    pub(super) fn parse_chunked<T: KeyedEntry + Send>(&mut self, file: FileId) -> Option<Vec<T>> {
        if self.failed.contains(&file) {
            return None;
        }
        let text = self.sources.get(file).text.as_str();
        if text.len() <= ENTRIES_CHUNK || !self.chunked {
            return self.parse(file, read_entries::<T>);
        }
        crate::progress::phase(format!("reading {}", T::FILE), text.len() as u64, crate::progress::Unit::Bytes);
        let ranges = chunks(text, T::TABLE);
        let threads = crate::parallel::threads().min(ranges.len());
        let read = if threads > 1 {
            read_parallel::<T>(file, text, &ranges, &self.names, threads)
        } else {
            read_in_turn::<T>(file, text, &ranges, &self.names).map(|part| {
                let keys = part.0.iter().enumerate().map(|(i, item)| id_key(item, i)).collect();
                (part, keys)
            })
        };
        let Some(((out, diags), keys)) = read else {
            return self.parse(file, read_entries::<T>);
        };
        // An id in two chunks (an entry defined twice, or a sub-table cut from
        // its entry): only one parse of the whole file can say which.
        if has_duplicate_ids(&out, keys) {
            return self.parse(file, read_entries::<T>);
        }
        self.diags.extend(diags);
        Some(out)
    }
}

/// Reads one chunk (the bytes `range` of the file's `text`); `None` on a
/// syntax error.
fn read_chunk<T: KeyedEntry>(file: FileId, text: &str, range: &Range<usize>, names: &Names) -> Option<Part<T>> {
    crate::progress::advance(range.len() as u64);
    let chunk = &text[range.clone()];
    let (parsed, errors) = DeTable::parse_recoverable(chunk);
    if !errors.is_empty() {
        return None;
    }
    let mut diags = Vec::new();
    let mut reader = Reader::new(file, &mut diags, chunk, range.start, names);
    let items = read_entries::<T>(&mut reader, parsed.get_ref());
    Some((items, diags))
}

/// Reads the chunks one after another on this thread, so that only one
/// chunk's syntax tree is alive at a time.
fn read_in_turn<T: KeyedEntry>(file: FileId, text: &str, ranges: &[Range<usize>], names: &Names) -> Option<Part<T>> {
    // Reserve once: growing by doubling would hold two copies at the peak.
    let mut out = Vec::with_capacity(header_starts(text, 0..text.len(), T::TABLE).count());
    let mut diags = Vec::new();
    for range in ranges {
        let (items, d) = read_chunk::<T>(file, text, range, names)?;
        out.extend(items);
        diags.extend(d);
    }
    Some((out, diags))
}

/// Reads the chunks on `threads` threads (see [`in_place`]), with each
/// entry's [`id_key`], taken by the thread that read the entry, while it is
/// in that core's cache: on one core after the threads end, it took
/// `check` 10 to 20 ms at 100,000 members.
fn read_parallel<T: KeyedEntry + Send>(
    file: FileId,
    text: &str,
    ranges: &[Range<usize>],
    names: &Names,
    threads: usize,
) -> Option<(Part<T>, Vec<u64>)> {
    let counts = header_counts(text, T::TABLE, ranges, threads);
    let firsts: Vec<usize> = counts.iter().scan(0, |sum, n| Some(std::mem::replace(sum, *sum + n))).collect();
    let keys: Vec<AtomicU64> = std::iter::repeat_with(|| AtomicU64::new(0)).take(counts.iter().sum()).collect();
    let part = in_place(&counts, threads, |i| {
        let part = read_chunk::<T>(file, text, &ranges[i], names)?;
        for (k, item) in part.0.iter().enumerate().take(counts[i]) {
            keys[firsts[i] + k].store(id_key(item, firsts[i] + k), Ordering::Relaxed);
        }
        Some(part)
    })?;
    Some((part, keys.into_iter().map(AtomicU64::into_inner).collect()))
}

/// Reads pieces of a file on `threads` threads (this one and `threads - 1`
/// scoped ones), each taking the next piece not yet taken, so that a thread
/// slowed by other work takes fewer; `read(i)` reads piece `i`, which holds
/// `counts[i]` items. Each piece's items are moved straight into their place
/// in one list made before the threads start, so the items are never held
/// twice: joining per-thread lists at the end would hold every item twice at
/// the peak. A piece that cannot be read alone (`None`: a syntax error), or
/// whose items are not as many as counted (an entry written with a quoted
/// id), stops every thread at its next piece, and the result is `None`: the
/// caller then parses the whole file at once. The diagnostics are in piece
/// order.
pub(super) fn in_place<T: Send>(
    counts: &[usize],
    threads: usize,
    read: impl Fn(usize) -> Option<Part<T>> + Sync,
) -> Option<Part<T>> {
    // `Option<T>` is the size of `T` (a niche in its strings), so the list is
    // turned into a `Vec<T>` in place at the end, without a second allocation.
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(counts.iter().sum()).collect();
    let mut places: Vec<Place<'_, T>> = Vec::with_capacity(counts.len());
    let mut rest = slots.as_mut_slice();
    for &n in counts {
        let (place, after) = rest.split_at_mut(n);
        places.push(Mutex::new((place, Vec::new())));
        rest = after;
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let work = || {
        while !failed.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= counts.len() {
                break;
            }
            let Some((items, diags)) = read(i) else {
                failed.store(true, Ordering::Relaxed);
                break;
            };
            // Each piece is taken by one thread only: the lock is never contended.
            let mut place = places[i].lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if items.len() != place.0.len() {
                failed.store(true, Ordering::Relaxed);
                break;
            }
            for (slot, item) in place.0.iter_mut().zip(items) {
                *slot = Some(item);
            }
            place.1 = diags;
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    if failed.into_inner() {
        return None;
    }
    let diags =
        places.into_iter().flat_map(|p| p.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner).1).collect();
    // `filter_map` (unlike `flatten`) collects in place: the same allocation.
    #[allow(clippy::filter_map_identity)]
    Some((slots.into_iter().filter_map(std::convert::identity).collect(), diags))
}

/// An entry's key for [`has_duplicate_ids`] (`model::id_key`).
fn id_key<T: KeyedEntry>(item: &T, at: usize) -> u64 {
    crate::model::id_key(item.id(), at)
}

/// Whether two entries have the same id, from their [`id_key`]s.
fn has_duplicate_ids<T: KeyedEntry>(entries: &[T], keys: Vec<u64>) -> bool {
    !crate::model::id_repeats(keys, |i| entries[i].id()).is_empty()
}

/// Byte ranges of about [`ENTRIES_CHUNK`] bytes, each starting at a
/// `[table.ID]` header line (an id written bare; a sub-table header never
/// starts a chunk): each cut is the first header [`ENTRIES_CHUNK`] bytes or
/// more after the one before, found by looking from there, so that only a
/// few lines of each chunk are read on this one core.
fn chunks(text: &str, table: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let mut from = start + ENTRIES_CHUNK;
        while from < text.len() && !text.is_char_boundary(from) {
            from += 1;
        }
        // The first line that starts at `from` or after it.
        let line = match from {
            _ if from >= text.len() => None,
            _ if text.as_bytes()[from - 1] == b'\n' => Some(from),
            _ => text[from..].find('\n').map(|n| from + n + 1),
        };
        match line.and_then(|line| header_starts(text, line..text.len(), table).next()) {
            Some(cut) => {
                out.push(start..cut);
                start = cut;
            }
            None => {
                out.push(start..text.len());
                return out;
            }
        }
    }
}

/// How many `[table.ID]` headers each of `ranges` holds, counted on
/// `threads` threads: the list of entries is made to measure before it is
/// read ([`in_place`]).
fn header_counts(text: &str, table: &str, ranges: &[Range<usize>], threads: usize) -> Vec<usize> {
    let parts: Vec<&[Range<usize>]> = ranges.chunks(ranges.len().div_ceil(threads.max(1)).max(1)).collect();
    let counts = crate::parallel::map(&parts, threads, |rs| {
        rs.iter().map(|r| header_starts(text, r.clone(), table).count()).collect::<Vec<usize>>()
    });
    counts.concat()
}

/// Where the lines of `text` within `range` that are `[table.ID]` headers
/// start (`range` starts at a line's start). Found from the `[` (a header's,
/// an array's: a few an entry), not line by line. Linear on any input: the
/// look back from a `[` stops at the first character that is not a space,
/// and only the first `[` of a line looks for the line's end.
fn header_starts<'a>(text: &'a str, range: Range<usize>, table: &'a str) -> impl Iterator<Item = usize> + 'a {
    let from = range.start;
    text[range].match_indices('[').filter_map(move |(i, _)| {
        let at = from + i;
        let before = text[..at].trim_end_matches([' ', '\t']);
        if !(before.is_empty() || before.ends_with('\n')) {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
        is_entry_header(&text[before.len()..end], table).then_some(before.len())
    })
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
        assert!(files["members.toml"].len() > 2 * ENTRIES_CHUNK && files["clients.toml"].len() > ENTRIES_CHUNK);
        let root = Path::new("/nonexistent");
        let chunked = load_with(root, Input::Memory(&files), true);
        let whole = load_with(root, Input::Memory(&files), false);
        assert_eq!(format!("{:?}", chunked.workspace.members), format!("{:?}", whole.workspace.members));
        assert_eq!(format!("{:?}", chunked.workspace.clients), format!("{:?}", whole.workspace.clients));
        assert!(chunked.diagnostics.is_empty() && whole.diagnostics.is_empty());
        assert!(chunked.workspace.members.iter().all(|m| m.entry.is_some()));
    }

    #[test]
    fn problems_in_many_chunks_are_reported_as_one_parse_reports_them() {
        let mut files = generate(&Params { members: 5000, clients: 3000, profiles: 20, ..Params::default() });
        let mut members = files["members.toml"].clone();
        for id in ["m000007", "m001500", "m002600", "m004990"] {
            members = members.replacen(&format!("[members.{id}]\n"), &format!("[members.{id}]\nnot_a_key = 1\n"), 1);
        }
        members = members.replacen("[members.m003333]\n", "[members.m003333]\nprofile_x = \"a\"\n", 1);
        files.insert("members.toml".into(), members);
        let mut clients = files["clients.toml"].clone();
        for id in ["c000003", "c002900"] {
            clients = clients.replacen(&format!("[clients.{id}]\n"), &format!("[clients.{id}]\nnot_a_key = 2\n"), 1);
        }
        files.insert("clients.toml".into(), clients);
        let root = Path::new("/nonexistent");
        let chunked = load_with(root, Input::Memory(&files), true);
        let whole = load_with(root, Input::Memory(&files), false);
        assert!(chunked.diagnostics.len() >= 5, "{:#?}", chunked.diagnostics);
        assert_eq!(format!("{:?}", chunked.diagnostics), format!("{:?}", whole.diagnostics));
        assert_eq!(format!("{:?}", chunked.workspace.members), format!("{:?}", whole.workspace.members));
        assert_eq!(format!("{:?}", chunked.workspace.clients), format!("{:?}", whole.workspace.clients));
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
    fn chunks_start_at_entry_headers_and_count_them() {
        let files = generate(&Params { members: 3000, clients: 100, profiles: 5, ..Params::default() });
        let text = &files["members.toml"];
        let cuts = chunks(text, "members");
        assert!(cuts.len() > 2);
        assert_eq!(cuts.first().map(|c| c.start), Some(0));
        assert_eq!(cuts.last().map(|c| c.end), Some(text.len()));
        for pair in cuts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(pair[0].len() >= ENTRIES_CHUNK);
            // The first header that far: none between the chunk's 16 KiB and its end.
            let tail = &text[pair[0].start + ENTRIES_CHUNK..pair[0].end];
            assert!(tail.split_inclusive('\n').skip(1).all(|l| !is_entry_header(l, "members")), "{tail}");
            assert!(text[pair[1].clone()].starts_with("[members."));
        }
        for threads in [1, 2, 3, 64] {
            let counts = header_counts(text, "members", &cuts, threads);
            for (range, count) in cuts.iter().zip(&counts) {
                let lines = text[range.clone()].split_inclusive('\n').filter(|l| is_entry_header(l, "members")).count();
                assert_eq!(*count, lines);
            }
            assert_eq!(counts.iter().sum::<usize>(), 3000);
        }
    }

    #[test]
    fn headers_are_found_after_spaces_and_not_inside_lines() {
        let text =
            "[members.a]\nx = [1, [2]]\n  \t[members.b] # b\ny = \"[members.c]\"\n[members.d.grants]\n[members.e]";
        let all = header_starts(text, 0..text.len(), "members").collect::<Vec<_>>();
        assert_eq!(all, [0, 25, text.len() - "[members.e]".len()]);
        assert_eq!(header_starts(text, 12..text.len(), "members").collect::<Vec<_>>(), all[1..]);
        let hostile = format!("x = {}\n", " [".repeat(100_000));
        assert_eq!(header_starts(&hostile, 0..hostile.len(), "members").count(), 0);
        let hostile = format!("x = 1\n{}é\n[members.a]\n", "\u{e9}".repeat(20_000));
        assert_eq!(chunks(&hostile, "members"), [0..hostile.len() - 12, hostile.len() - 12..hostile.len()]);
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
