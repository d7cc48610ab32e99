//! Reads a workspace directory into the model, collecting every problem of
//! syntax and shape (SPEC §2) as diagnostics instead of stopping at the first.
//!
//! Each file is parsed once into the toml crate's borrowed, spanned tree and
//! walked in one pass: each entry's keys are matched as they come, so an unknown
//! key is found without a second lookup, and every value keeps its byte span.
//! Cross-file rules (references, ceilings, the owner) live in `rules`.

use crate::diag::Diagnostic;
use crate::model::{
    AccessTest, Area, At, Client, ClientKind, Grants, Id, Level, Member, Names, Profile, Ref, Settings, Status,
    TestKind, Tier, Workspace,
};
use crate::schema;
use crate::source::{FileId, Sources, Span, relative_name};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A workspace as read, with the problems found while reading it.
#[derive(Debug)]
pub struct Loaded {
    pub workspace: Workspace,
    pub diagnostics: Vec<Diagnostic>,
    /// A file could not be read or parsed: cross-file rules would only echo it.
    pub unreadable: bool,
}

pub const WORKSPACE_FILE: &str = "workspace.toml";
pub const MEMBERS_FILE: &str = "members.toml";
pub const CLIENTS_FILE: &str = "clients.toml";
pub const PROFILES_DIR: &str = "profiles";
pub const TESTS_FILE: &str = "tests.toml";

/// Where the files come from: the disk, or memory (the state a change would
/// write, validated before anything is written).
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Disk,
    /// Every file of the workspace, by workspace-relative name.
    Memory(&'a BTreeMap<String, String>),
}

/// Reads every file of the workspace at `root` (an existing directory).
pub fn load(root: &Path) -> Loaded {
    load_from(root, Input::Disk)
}

pub fn load_from(root: &Path, input: Input) -> Loaded {
    load_with(root, input, true)
}

fn load_with(root: &Path, input: Input, chunked: bool) -> Loaded {
    let mut cx = Loader {
        input,
        chunked,
        root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
        sources: Sources::default(),
        diags: Vec::new(),
        unreadable: false,
        failed: Vec::new(),
        names: Names::default(),
        real_paths: BTreeMap::new(),
    };
    let ws_file = cx.read(WORKSPACE_FILE);
    let (settings, areas, tiers) = cx.parse(ws_file, read_workspace).unwrap_or((None, Vec::new(), Vec::new()));
    let settings = settings.unwrap_or_else(|| empty_settings(ws_file));

    let mut profiles = Vec::new();
    for (stem, name) in cx.profile_files() {
        let file = cx.read(&name);
        let at = Span::new(file, 0..0);
        let id = match check_id(&stem) {
            Ok(()) => stem,
            Err(why) => {
                cx.diags.push(
                    Diagnostic::file_error(
                        "bad-value",
                        &name,
                        format!("profile file name `{stem}` is not a valid id: {why}"),
                    )
                    .hint("rename the file to a lowercase id such as `profiles/contributor.toml`"),
                );
                continue;
            }
        };
        if let Some(Some(p)) = cx.parse(file, |r, t| read_profile(r, t, &id, at)) {
            profiles.push(p);
        }
    }

    // Clients are read before members, so that a member's references share
    // the ids they name (see `model::Names`); the files keep their order.
    let members_file = cx.read(MEMBERS_FILE);
    let clients_file = cx.read(CLIENTS_FILE);
    let mut clients = cx.parse_chunked(clients_file, "clients", read_clients).unwrap_or_default();
    profiles.iter().for_each(|p| cx.names.add_profile(&p.id));
    clients.iter().for_each(|c| cx.names.add_client(&c.id));
    let mut members = cx.parse_chunked(members_file, "members", read_members).unwrap_or_default();
    exclusive_ranges(&mut members, |m| (m.span.start, &mut m.entry));
    exclusive_ranges(&mut clients, |c| (c.span.start, &mut c.entry));

    let tests = if cx.exists(TESTS_FILE) {
        let file = cx.read(TESTS_FILE);
        cx.parse(file, read_tests).unwrap_or_default()
    } else {
        Vec::new()
    };

    let mut workspace = Workspace::new(cx.root, cx.sources, settings, areas, tiers, profiles, members, clients);
    workspace.tests = tests;
    Loaded { workspace, diagnostics: cx.diags, unreadable: cx.unreadable }
}

/// The workspace-relative names of the files a load of `root` from disk reads
/// now: the same selection as [`load`] (the required files, the profiles
/// folder's `*.toml`, `tests.toml` when it is there). A change compares it
/// with the files it read, so that a profile or a `tests.toml` that appeared
/// or vanished meanwhile is seen (`store::save::write_all`).
pub fn file_names(root: &Path) -> Vec<String> {
    let mut cx = Loader {
        input: Input::Disk,
        chunked: true,
        root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
        sources: Sources::default(),
        diags: Vec::new(),
        unreadable: false,
        failed: Vec::new(),
        names: Names::default(),
        real_paths: BTreeMap::new(),
    };
    let mut names = vec![WORKSPACE_FILE.to_string()];
    names.extend(cx.profile_files().into_iter().map(|(_, name)| name));
    names.extend([MEMBERS_FILE.to_string(), CLIENTS_FILE.to_string()]);
    if cx.exists(TESTS_FILE) {
        names.push(TESTS_FILE.to_string());
    }
    names
}

fn empty_settings(file: FileId) -> Settings {
    Settings {
        name: String::new(),
        owner: None,
        default_profile: None,
        currency: "EUR".into(),
        custom_profiles: true,
        require_actor: false,
        span: Span::new(file, 0..0),
    }
}

struct Loader<'a> {
    input: Input<'a>,
    /// Parse large files in chunks (off only to test that it changes nothing).
    chunked: bool,
    root: PathBuf,
    sources: Sources,
    diags: Vec<Diagnostic>,
    unreadable: bool,
    /// Files that could not be read as text: not parsed.
    failed: Vec<FileId>,
    /// The ids read so far that references share.
    names: Names,
    /// The real path of each file read, with the name it was read as.
    real_paths: BTreeMap<PathBuf, String>,
}

impl Loader<'_> {
    /// Whether an optional file is there (a broken link counts: reading it reports why).
    fn exists(&self, name: &str) -> bool {
        match self.input {
            Input::Disk => self.root.join(name).symlink_metadata().is_ok(),
            Input::Memory(files) => files.contains_key(name),
        }
    }

    /// Reads one file into the sources; on failure the file is added empty and a
    /// diagnostic says why.
    fn read(&mut self, name: &str) -> FileId {
        let path = self.root.join(name);
        let text = match self.input {
            Input::Disk => read_text(&self.root, &path, name).and_then(|(text, real)| self.one_name(name, real, text)),
            Input::Memory(files) => files.get(name).cloned().ok_or_else(|| ReadError::Diag(missing_file(name))),
        };
        match text {
            Ok(text) => self.sources.add(name.to_string(), path, text),
            Err(ReadError::Diag(d)) => {
                self.unreadable = true;
                self.diags.push(d);
                let id = self.sources.add(name.to_string(), path, String::new());
                self.failed.push(id);
                id
            }
            Err(ReadError::NotUtf8 { text, at }) => {
                self.unreadable = true;
                let id = self.sources.add(name.to_string(), path, text);
                self.diags.push(
                    Diagnostic::error("toml-syntax", Span::new(id, at..at + 1), "the file is not UTF-8 text")
                        .hint("save the file as UTF-8; TOML files must be UTF-8"),
                );
                self.failed.push(id);
                id
            }
        }
    }

    /// Refuses a file that another name of the workspace already led to (a
    /// link inside the workspace to another of its files): a change to one
    /// would change the other unseen, without its rules being checked.
    fn one_name(&mut self, name: &str, real: PathBuf, text: String) -> Result<String, ReadError> {
        match self.real_paths.get(&real) {
            Some(first) => Err(ReadError::Diag(
                Diagnostic::file_error(
                    "io",
                    name,
                    format!("`{name}` is the same file as `{first}`: one of them is a link to the other"),
                )
                .hint("give each its own file: a change to one would change the other unseen"),
            )),
            None => {
                self.real_paths.insert(real, name.to_string());
                Ok(text)
            }
        }
    }

    /// The `profiles/*.toml` files, sorted by name, as (stem, workspace-relative name).
    fn profile_files(&mut self) -> Vec<(String, String)> {
        if let Input::Memory(files) = self.input {
            let prefix = format!("{PROFILES_DIR}/");
            return files
                .keys()
                .filter_map(|name| {
                    let stem = name.strip_prefix(&prefix)?.strip_suffix(".toml")?;
                    (!stem.contains('/')).then(|| (stem.to_string(), name.clone()))
                })
                .collect();
        }
        let dir = self.root.join(PROFILES_DIR);
        // A profiles folder that leads outside is one error, not one per file.
        if let Ok(real) = dir.canonicalize()
            && !real.starts_with(&self.root)
        {
            self.unreadable = true;
            let r = super::files::Refusal::Outside { real, link: true };
            self.diags.push(
                Diagnostic::file_error("io", PROFILES_DIR, r.message(PROFILES_DIR, "read"))
                    .hint("make `profiles` a folder of the workspace and copy the profiles into it"),
            );
            return Vec::new();
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                self.unreadable = true;
                let (code, msg, hint) = if e.kind() == std::io::ErrorKind::NotFound {
                    (
                        "missing-file",
                        "the profiles folder is missing".to_string(),
                        "create `profiles/` with one `<id>.toml` file per profile",
                    )
                } else {
                    (
                        "io",
                        format!("cannot read the profiles folder: {e}"),
                        "check that the folder exists and is readable",
                    )
                };
                self.diags.push(Diagnostic::file_error(code, PROFILES_DIR, msg).hint(hint));
                return Vec::new();
            }
        };
        let mut files: Vec<(String, String)> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let path = e.path();
                let stem = path.file_stem()?.to_string_lossy().into_owned();
                let is_toml = path.extension().is_some_and(|x| x == "toml");
                (is_toml && !stem.starts_with('.')).then(|| (stem, relative_name(&self.root, &path)))
            })
            .collect();
        files.sort();
        files
    }

    /// Parses a file and hands its top-level table to `read`; syntax errors become diagnostics.
    fn parse<T>(&mut self, file: FileId, read: impl FnOnce(&mut Reader, &DeTable) -> T) -> Option<T> {
        if self.failed.contains(&file) {
            return None;
        }
        let text = &self.sources.get(file).text;
        let (table, errors) = DeTable::parse_recoverable(text);
        for e in &errors {
            let span = e.span().unwrap_or(0..0);
            self.diags.push(
                Diagnostic::error("toml-syntax", Span::new(file, span), syntax_message(e.message()))
                    .hint("fix the TOML syntax; see https://toml.io for the format"),
            );
        }
        if !errors.is_empty() {
            // What the parser recovers after an error is a guess: walking it would
            // report keys the user never wrote.
            self.unreadable = true;
            return None;
        }
        let mut reader = Reader { file, diags: &mut self.diags, text, offset: 0, names: &self.names };
        Some(read(&mut reader, table.get_ref()))
    }
}

/// Text above which `members.toml` and `clients.toml` are parsed in chunks.
const CHUNK: usize = 64 * 1024;

impl Loader<'_> {
    /// Parses a large `[table.ID]` file in chunks cut at entry headers, so that
    /// only one chunk's syntax tree is alive at a time: the model is built as the
    /// file is read. An entry cut across chunks (a sub-table after another
    /// entry), or a syntax error anywhere, sends the whole file through the
    /// ordinary single parse, which then says exactly what is wrong.
    fn parse_chunked<T: HasId>(
        &mut self,
        file: FileId,
        table: &str,
        read: fn(&mut Reader, &DeTable) -> Vec<T>,
    ) -> Option<Vec<T>> {
        if self.failed.contains(&file) {
            return None;
        }
        let text = self.sources.get(file).text.as_str();
        if text.len() <= CHUNK || !self.chunked {
            return self.parse(file, read);
        }
        // Reserve once: growing by doubling would hold two copies at the peak.
        let entries = text.split('\n').filter(|l| is_entry_header(l, table)).count();
        let mut out: Vec<T> = Vec::with_capacity(entries);
        let mut diags = Vec::new();
        for range in chunks(text, table) {
            let chunk = &text[range.clone()];
            let (parsed, errors) = DeTable::parse_recoverable(chunk);
            if !errors.is_empty() {
                return self.parse(file, read);
            }
            let mut reader = Reader { file, diags: &mut diags, text: chunk, offset: range.start, names: &self.names };
            out.extend(read(&mut reader, parsed.get_ref()));
        }
        // An id in two chunks (an entry defined twice, or a sub-table cut from
        // its entry): only one parse of the whole file can say which.
        // Sorting hashes, not the ids, keeps this to one pass over the ids:
        // only ids of equal hash are compared.
        let mut hashes: Vec<(u64, u32)> =
            out.iter().enumerate().map(|(i, item)| (crate::model::id_hash(item.id()), i as u32)).collect();
        hashes.sort_unstable();
        for same in hashes.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
            let mut ids: Vec<&str> = same.iter().map(|&(_, i)| out[i as usize].id()).collect();
            ids.sort_unstable();
            if ids.windows(2).any(|w| w[0] == w[1]) {
                return self.parse(file, read);
            }
        }
        self.diags.extend(diags);
        Some(out)
    }
}

/// The entries of `members.toml` and `clients.toml`, as the chunked loader and
/// a change's in-place state see them.
pub(crate) trait HasId {
    fn id(&self) -> &str;
    /// Where its key starts in its file.
    fn key_start(&self) -> u32;
    /// Moves its spans by `delta` bytes where they start at or after `at`.
    fn shift(&mut self, at: u32, delta: i64);
}

impl HasId for Member {
    fn id(&self) -> &str {
        &self.id
    }
    fn key_start(&self) -> u32 {
        self.span.start
    }
    fn shift(&mut self, at: u32, delta: i64) {
        Member::shift(self, self.span.file, at, delta);
    }
}

impl HasId for Client {
    fn id(&self) -> &str {
        &self.id
    }
    fn key_start(&self) -> u32 {
        self.span.start
    }
    fn shift(&mut self, at: u32, delta: i64) {
        Client::shift(self, self.span.file, at, delta);
    }
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

/// Keeps an entry's byte range only when no other entry starts inside it.
fn exclusive_ranges<T>(items: &mut [T], get: impl Fn(&mut T) -> (u32, &mut Option<(u32, u32)>)) {
    let mut starts: Vec<u32> = items.iter_mut().map(|i| get(i).0).collect();
    starts.sort_unstable();
    for item in items.iter_mut() {
        let (key, range) = get(item);
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
pub(crate) fn read_fragment<T: HasId>(
    text: &str,
    file: FileId,
    offset: usize,
    names: &Names,
    read: fn(&mut Reader, &DeTable) -> Vec<T>,
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
    let mut reader = Reader { file, diags: &mut diags, text, offset, names };
    let items = read(&mut reader, table.get_ref());
    (items, diags)
}

fn syntax_message(raw: &str) -> String {
    let first = raw.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid TOML");
    format!("invalid TOML: {}", first.trim())
}

enum ReadError {
    Diag(Diagnostic),
    NotUtf8 { text: String, at: usize },
}

/// Reads a workspace file through [`super::files::read_in`]: a regular file
/// inside the workspace, with one link. Returns its text and its real path.
fn read_text(root: &Path, path: &Path, name: &str) -> Result<(String, PathBuf), ReadError> {
    use super::files::Refusal;
    let (bytes, real) = super::files::read_in(root, path).map_err(|refusal| {
        ReadError::Diag(match refusal {
            Refusal::Missing { link: None } => missing_file(name),
            r => Diagnostic::file_error("io", name, r.message(name, "read")).hint(r.hint(name)),
        })
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, real)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(ReadError::NotUtf8 { text: String::from_utf8_lossy(e.as_bytes()).into_owned(), at })
        }
    }
}

fn missing_file(name: &str) -> Diagnostic {
    Diagnostic::file_error("missing-file", name, format!("`{name}` is missing"))
        .hint(format!("create `{name}`; `roster init` writes a complete workspace to start from"))
}

/// Checks SPEC §2's id pattern `^[a-z0-9][a-z0-9._-]{0,63}$`.
pub fn check_id(id: &str) -> Result<(), String> {
    let mut chars = id.chars();
    match chars.next() {
        None => return Err("it is empty".into()),
        Some(c) if !(c.is_ascii_lowercase() || c.is_ascii_digit()) => {
            return Err(format!("it must start with a lowercase letter or a digit, not `{c}`"));
        }
        _ => {}
    }
    if let Some(c) = chars.find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))) {
        return Err(format!("`{c}` is not allowed (use a-z, 0-9, `.`, `_`, `-`)"));
    }
    if id.len() > 64 {
        return Err(format!("it is {} characters long; the limit is 64", id.len()));
    }
    Ok(())
}

type Key<'i> = Spanned<Cow<'i, str>>;
type Val<'i> = Spanned<DeValue<'i>>;

/// Reads values of one file, reporting each problem and carrying on.
pub(crate) struct Reader<'d> {
    file: FileId,
    diags: &'d mut Vec<Diagnostic>,
    /// The text parsed (a whole file, a chunk of one, or one entry).
    text: &'d str,
    /// Where `text` starts in the file: every span is moved by it.
    offset: usize,
    /// The ids that references share.
    names: &'d Names,
}

impl Reader<'_> {
    fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.file, range.start + self.offset..range.end + self.offset)
    }

    /// The bytes of an entry written as a standard table (`[members.bob]` and
    /// its lines), in the file: a change can edit them alone.
    fn entry_range(&self, key: &Key, value: &Val) -> Option<(u32, u32)> {
        let start = self.text[..key.span().start].rfind('\n').map_or(0, |i| i + 1);
        let line = self.text[start..].trim_start();
        if !line.starts_with('[') || line.starts_with("[[") {
            return None;
        }
        let end = max_end(value).max(key.span().end);
        let end = self.text[end..].find('\n').map_or(self.text.len(), |i| end + i + 1);
        Some(((start + self.offset) as u32, (end + self.offset) as u32))
    }

    fn unknown_key(&mut self, key: &Key, known: &[&str], context: &str) {
        let d = Diagnostic::error(
            "unknown-key",
            self.span(key.span()),
            format!("unknown key `{}` in {context}", key.get_ref()),
        );
        self.diags.push(d.suggest(
            key.get_ref(),
            known.iter().copied(),
            format!("known keys here: {}", known.join(", ")),
        ));
    }

    fn missing(&mut self, at: Span, field: &str, context: &str, example: &str) {
        self.diags.push(
            Diagnostic::error("missing-field", at, format!("{context} has no `{field}`"))
                .hint(format!("add `{field} = {example}`")),
        );
    }

    fn bad_type(&mut self, v: &Val, expected: &str, what: &str) {
        self.diags.push(
            Diagnostic::error(
                "bad-value",
                self.span(v.span()),
                format!("{what} must be {expected}, not {}", type_name(v.get_ref())),
            )
            .hint(format!("write {what} as {expected}")),
        );
    }

    fn bad_value(&mut self, span: std::ops::Range<usize>, message: String, hint: impl Into<String>) {
        self.diags.push(Diagnostic::error("bad-value", self.span(span), message).hint(hint));
    }

    fn table<'v, 'i>(&mut self, v: &'v Val<'i>, what: &str) -> Option<&'v DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.bad_type(v, "a table", what);
                None
            }
        }
    }

    fn array<'v, 'i>(&mut self, v: &'v Val<'i>, what: &str) -> Option<&'v [Val<'i>]> {
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.bad_type(v, "an array", what);
                None
            }
        }
    }

    fn string(&mut self, v: &Val, what: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.bad_type(v, "a string", what);
                None
            }
        }
    }

    fn bool(&mut self, v: &Val, what: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.bad_type(v, "true or false", what);
                None
            }
        }
    }

    /// A finite number at or above zero (an integer or a float).
    fn amount(&mut self, v: &Val, what: &str) -> Option<f64> {
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok().map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.bad_type(v, "a number", what);
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() && n >= 0.0 => Some(n),
            _ => {
                self.bad_value(
                    v.span(),
                    format!("{what} must be a number at or above 0"),
                    "write a plain number such as `25.0`",
                );
                None
            }
        }
    }

    /// A key that is an id (a member, client, tier or area id).
    fn key_id(&mut self, key: &Key, what: &str) -> Option<String> {
        match check_id(key.get_ref()) {
            Ok(()) => Some(key.get_ref().to_string()),
            Err(why) => {
                self.bad_value(
                    key.span(),
                    format!("{what} id `{}` is not valid: {why}", key.get_ref()),
                    "ids match ^[a-z0-9][a-z0-9._-]{0,63}$",
                );
                None
            }
        }
    }

    /// A string value that names something by id.
    fn id_ref(&mut self, v: &Val, what: &str) -> Option<Ref> {
        let s = self.id_text(v, what)?;
        Some(At::new(self.names.get(&s), self.span(v.span())))
    }

    /// The text of a string value that must be an id.
    fn id_text(&mut self, v: &Val, what: &str) -> Option<String> {
        let s = self.string(v, what)?;
        match check_id(&s) {
            Ok(()) => Some(s),
            Err(why) => {
                self.bad_value(
                    v.span(),
                    format!("{what} `{s}` is not a valid id: {why}"),
                    "ids match ^[a-z0-9][a-z0-9._-]{0,63}$",
                );
                None
            }
        }
    }

    /// An `area.action` string; whether the area and action exist is a rule.
    fn action_key(&mut self, v: &Val) -> Option<At<String>> {
        let s = self.string(v, "an area.action")?;
        match s.split_once('.') {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => Some(At::new(s, self.span(v.span()))),
            _ => {
                self.bad_value(
                    v.span(),
                    format!("`{s}` is not AREA.ACTION"),
                    "write it as area.action, e.g. \"invoices.view\"",
                );
                None
            }
        }
    }

    fn level(&mut self, v: &Val, what: &str) -> Option<At<Level>> {
        let s = self.string(v, what)?;
        match Level::parse(&s) {
            Some(l) => Some(At::new(l, self.span(v.span()))),
            None => {
                let d = Diagnostic::error("bad-value", self.span(v.span()), format!("`{s}` is not a level ({what})"));
                self.diags.push(d.suggest(&s, Level::NAMES, "levels are none, own, assigned, all"));
                None
            }
        }
    }

    /// `area = { action = "level" }` tables: a profile's grants, a tier's ceiling, a member's overrides.
    fn grants(&mut self, v: &Val, what: &str) -> Grants {
        let mut grants = Grants::new();
        let Some(table) = self.table(v, what) else { return grants };
        for (area, actions) in table {
            let Some(area_id) = self.key_id(area, "area") else { continue };
            let Some(actions) = self.table(actions, &format!("{what}.{area_id}")) else { continue };
            let entry = grants.entry(area_id.clone()).or_default();
            for (action, level) in actions {
                let what = format!("{what}.{area_id}.{}", action.get_ref());
                if let Some(level) = self.level(level, &what) {
                    entry.insert(action.get_ref().to_string(), level);
                }
            }
        }
        grants
    }
}

/// The end of the last byte of a value, tables and arrays included.
fn max_end(v: &Val) -> usize {
    match v.get_ref() {
        DeValue::Table(t) => t.iter().map(|(k, v)| k.span().end.max(max_end(v))).max().unwrap_or(0).max(v.span().end),
        _ => v.span().end,
    }
}

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

type WorkspaceParts = (Option<Settings>, Vec<Area>, Vec<Tier>);

fn read_workspace(r: &mut Reader, top: &DeTable) -> WorkspaceParts {
    let mut settings = None;
    let mut areas = Vec::new();
    let mut tiers = Vec::new();
    for (key, value) in top {
        match key.get_ref().as_ref() {
            "workspace" => settings = read_settings(r, value),
            "areas" => {
                let Some(t) = r.table(value, "`areas`") else { continue };
                for (id, area) in t {
                    if let Some(a) = read_area(r, id, area) {
                        areas.push(a);
                    }
                }
            }
            "tiers" => {
                let Some(t) = r.table(value, "`tiers`") else { continue };
                for (id, tier) in t {
                    if let Some(t) = read_tier(r, id, tier) {
                        tiers.push(t);
                    }
                }
            }
            _ => r.unknown_key(key, &schema::WORKSPACE_FILE.names(), "workspace.toml"),
        }
    }
    let file_start = r.span(0..0);
    if settings.is_none() {
        r.missing(file_start, "[workspace]", "workspace.toml", "a table with name, owner and default_profile");
    }
    (settings, areas, tiers)
}

fn read_settings(r: &mut Reader, value: &Val) -> Option<Settings> {
    let table = r.table(value, "`workspace`")?;
    let mut s = Settings {
        name: String::new(),
        owner: None,
        default_profile: None,
        currency: "EUR".into(),
        custom_profiles: true,
        require_actor: false,
        span: r.span(value.span()),
    };
    let mut has_name = false;
    for (key, v) in table {
        match key.get_ref().as_ref() {
            "name" => {
                has_name = true;
                s.name = r.string(v, "`workspace.name`").unwrap_or_default();
            }
            "owner" => s.owner = r.id_ref(v, "`workspace.owner`"),
            "default_profile" => s.default_profile = r.id_ref(v, "`workspace.default_profile`"),
            "currency" => {
                if let Some(c) = r.string(v, "`workspace.currency`") {
                    if c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()) {
                        s.currency = c;
                    } else {
                        r.bad_value(
                            v.span(),
                            format!("currency `{c}` is not a three-letter code"),
                            "use an ISO 4217 code such as \"EUR\" or \"USD\"",
                        );
                    }
                }
            }
            "custom_profiles" => s.custom_profiles = r.bool(v, "`workspace.custom_profiles`").unwrap_or(true),
            "require_actor" => s.require_actor = r.bool(v, "`workspace.require_actor`").unwrap_or(false),
            _ => r.unknown_key(key, &schema::SETTINGS.names(), "[workspace]"),
        }
    }
    if !has_name {
        r.missing(s.span, "name", "[workspace]", "\"Cabinet Martin\"");
    }
    Some(s)
}

fn read_area(r: &mut Reader, key: &Key, value: &Val) -> Option<Area> {
    let id = r.key_id(key, "area")?;
    let table = r.table(value, &format!("area `{id}`"))?;
    let span = r.span(key.span());
    let mut area = Area {
        id: id.clone(),
        span,
        label: id.clone(),
        actions: Vec::new(),
        levels: Vec::new(),
        per_client: false,
        incomplete: false,
        action_index: Default::default(),
    };
    let (mut has_actions, mut has_levels) = (false, false);
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "label" => area.label = r.string(v, "`label`").unwrap_or_else(|| id.clone()),
            "per_client" => area.per_client = r.bool(v, "`per_client`").unwrap_or(false),
            "actions" => {
                has_actions = true;
                // Names seen, in a table: a scan of the ones before was quadratic in a long list.
                let mut seen: crate::fxhash::FxHashSet<String> = Default::default();
                for a in r.array(v, "`actions`").unwrap_or_default() {
                    if let Some(name) = r.id_ref(a, "an action") {
                        if !seen.insert(name.value.to_string()) {
                            r.bad_value(
                                a.span(),
                                format!("action `{}` is listed twice", name.value),
                                "list each action once",
                            );
                        } else {
                            area.actions.push(At::new(name.value.to_string(), name.span));
                        }
                    }
                }
                if area.actions.is_empty() {
                    r.bad_value(
                        v.span(),
                        format!("area `{id}` has no actions"),
                        "list at least `view`, e.g. actions = [\"view\", \"edit\"]",
                    );
                }
            }
            "levels" => {
                has_levels = true;
                for l in r.array(v, "`levels`").unwrap_or_default() {
                    let level = r.level(l, &format!("areas.{id}.levels"));
                    area.incomplete |= level.is_none();
                    if let Some(level) = level {
                        if area.accepts(level.value) {
                            r.bad_value(
                                l.span(),
                                format!("level `{}` is listed twice", level.value),
                                "list each level once",
                            );
                        } else {
                            area.levels.push(level);
                        }
                    }
                }
                if area.levels.is_empty() {
                    r.bad_value(
                        v.span(),
                        format!("area `{id}` accepts no levels"),
                        "list the levels it accepts, e.g. levels = [\"none\", \"all\"]",
                    );
                }
            }
            _ => r.unknown_key(k, &schema::AREA.names(), &format!("area `{id}`")),
        }
    }
    if !has_actions {
        r.missing(span, "actions", &format!("area `{id}`"), "[\"view\", \"edit\"]");
    }
    if !has_levels {
        r.missing(span, "levels", &format!("area `{id}`"), "[\"none\", \"all\"]");
    }
    // An area without levels cannot be judged; keep it out of the model.
    (!area.levels.is_empty()).then_some(area)
}

fn read_tier(r: &mut Reader, key: &Key, value: &Val) -> Option<Tier> {
    let id = r.key_id(key, "tier")?;
    let table = r.table(value, &format!("tier `{id}`"))?;
    let span = r.span(key.span());
    let mut tier = Tier { id: id.clone(), span, label: id.clone(), price: 0.0, ceiling: Grants::new() };
    let mut has_price = false;
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "label" => tier.label = r.string(v, "`label`").unwrap_or_else(|| id.clone()),
            "price" => {
                has_price = true;
                tier.price = r.amount(v, "`price`").unwrap_or(0.0);
            }
            "ceiling" => tier.ceiling = r.grants(v, &format!("tiers.{id}.ceiling")),
            _ => r.unknown_key(k, &schema::TIER.names(), &format!("tier `{id}`")),
        }
    }
    if !has_price {
        r.missing(span, "price", &format!("tier `{id}`"), "12.0");
    }
    Some(tier)
}

fn read_profile(r: &mut Reader, top: &DeTable, id: &str, span: Span) -> Option<Profile> {
    let mut p = Profile {
        id: Id::from(id),
        span,
        name: String::new(),
        description: String::new(),
        tier: At::new(Id::default(), span),
        builtin: false,
        admin: false,
        grants: Grants::new(),
    };
    let (mut has_name, mut has_tier) = (false, false);
    for (k, v) in top {
        match k.get_ref().as_ref() {
            "name" => {
                has_name = true;
                p.name = r.string(v, "`name`").unwrap_or_default();
            }
            "description" => p.description = r.string(v, "`description`").unwrap_or_default(),
            "tier" => {
                has_tier = true;
                if let Some(t) = r.id_ref(v, "`tier`") {
                    p.tier = t;
                }
            }
            "builtin" => p.builtin = r.bool(v, "`builtin`").unwrap_or(false),
            "admin" => p.admin = r.bool(v, "`admin`").unwrap_or(false),
            "grants" => p.grants = r.grants(v, "grants"),
            _ => r.unknown_key(k, &schema::PROFILE.names(), &format!("profile `{id}`")),
        }
    }
    if !has_name {
        r.missing(span, "name", &format!("profile `{id}`"), "\"Contributor\"");
    }
    if !has_tier {
        r.missing(span, "tier", &format!("profile `{id}`"), "\"standard\"");
    }
    Some(p)
}

pub(crate) fn read_members(r: &mut Reader, top: &DeTable) -> Vec<Member> {
    let mut members = Vec::new();
    for (key, value) in top {
        if key.get_ref() != "members" {
            r.unknown_key(key, &["members"], "members.toml");
            continue;
        }
        let Some(table) = r.table(value, "`members`") else { continue };
        members.reserve(table.len());
        for (id, value) in table {
            if let Some(mut m) = read_member(r, id, value) {
                m.entry = r.entry_range(id, value);
                members.push(m);
            }
        }
    }
    members
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
    let mut seen = [false; 3];
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "name" => {
                seen[0] = true;
                m.name = r.string(v, "`name`").unwrap_or_default().into();
            }
            "email" => {
                seen[1] = true;
                if let Some(e) = r.string(v, "`email`") {
                    if let Err(why) = check_email(&e) {
                        r.bad_value(
                            v.span(),
                            format!("`{e}` is not an email address: {why}"),
                            "write it as name@example.com",
                        );
                    }
                    m.email = At::new(e.into(), r.span(v.span()));
                }
            }
            "profile" => {
                seen[2] = true;
                if let Some(p) = r.id_ref(v, "`profile`") {
                    m.profile = p;
                }
            }
            "status" => {
                if let Some(s) = r.string(v, "`status`") {
                    m.status_span = r.span(v.span());
                    match Status::parse(&s) {
                        Some(st) => m.status = st,
                        None => {
                            let d =
                                Diagnostic::error("bad-value", m.status_span, format!("`{s}` is not a member status"));
                            r.diags.push(d.suggest(&s, Status::NAMES, "a status is active, invited or suspended"));
                        }
                    }
                }
            }
            "clients" => {
                let items = r.array(v, "`clients`").unwrap_or_default();
                // Exact capacity, so that the slice is not moved: 500,000
                // references on the reference workload.
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
            "client_profiles" => {
                let Some(t) = r.table(v, "`client_profiles`") else { continue };
                let mut pairs = Vec::with_capacity(t.len());
                for (client, profile) in t {
                    let client_ref =
                        r.key_id(client, "client").map(|c| At::new(r.names.get(&c), r.span(client.span())));
                    if let (Some(c), Some(p)) = (client_ref, r.id_ref(profile, "a per-client profile")) {
                        pairs.push((c, p));
                    }
                }
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
    let context = format!("member `{id}`");
    for (field, example, present) in [
        ("name", "\"Bob Durand\"", seen[0]),
        ("email", "\"bob@example.com\"", seen[1]),
        ("profile", "\"user\"", seen[2]),
    ] {
        if !present {
            r.missing(span, field, &context, example);
        }
    }
    Some(m)
}

/// A plain check that catches typos, not RFC 5322: one `@`, something before it,
/// a dotted domain after it, no spaces.
pub fn check_email(email: &str) -> Result<(), &'static str> {
    let Some((local, domain)) = email.split_once('@') else { return Err("it has no `@`") };
    if local.is_empty() {
        return Err("nothing before the `@`");
    }
    if domain.contains('@') {
        return Err("it has more than one `@`");
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err("the domain after the `@` needs a dot, like example.com");
    }
    if email.chars().any(char::is_whitespace) {
        return Err("it contains a space");
    }
    Ok(())
}

pub(crate) fn read_clients(r: &mut Reader, top: &DeTable) -> Vec<Client> {
    let mut clients = Vec::new();
    for (key, value) in top {
        if key.get_ref() != "clients" {
            r.unknown_key(key, &["clients"], "clients.toml");
            continue;
        }
        let Some(table) = r.table(value, "`clients`") else { continue };
        clients.reserve(table.len());
        for (id, value) in table {
            if let Some(mut c) = read_client(r, id, value) {
                c.entry = r.entry_range(id, value);
                clients.push(c);
            }
        }
    }
    clients
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
                if let Some(s) = r.string(v, "`kind`") {
                    c.kind_span = r.span(v.span());
                    match ClientKind::parse(&s) {
                        Some(kind) => c.kind = kind,
                        None => {
                            let d = Diagnostic::error("bad-value", c.kind_span, format!("`{s}` is not a client kind"));
                            r.diags.push(d.suggest(&s, ClientKind::NAMES, "a client is a company or a contact"));
                        }
                    }
                }
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

fn read_tests(r: &mut Reader, top: &DeTable) -> Vec<AccessTest> {
    let mut tests = Vec::new();
    for (key, value) in top {
        if key.get_ref() != "test" {
            r.unknown_key(key, &["test"], "tests.toml");
            continue;
        }
        let Some(items) = r.array(value, "`test` (write each test as [[test]])") else { continue };
        for item in items {
            if let Some(t) = read_test(r, item) {
                tests.push(t);
            }
        }
    }
    tests
}

fn read_test(r: &mut Reader, value: &Val) -> Option<AccessTest> {
    let table = r.table(value, "a test")?;
    let span = r.span(value.span());
    let (mut name, mut who_can, mut member, mut client, mut max) = (None, None, None, None, None);
    let (mut exactly, mut includes, mut excludes, mut allow, mut deny) =
        (None, Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let ids = |r: &mut Reader, v: &Val, what: &str| -> Vec<Ref> {
        r.array(v, what).unwrap_or_default().iter().filter_map(|m| r.id_ref(m, "a member")).collect()
    };
    let keys = |r: &mut Reader, v: &Val, what: &str| -> Vec<At<String>> {
        r.array(v, what).unwrap_or_default().iter().filter_map(|k| r.action_key(k)).collect()
    };
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "name" => name = r.string(v, "`name`"),
            "who_can" => who_can = r.action_key(v),
            "exactly" => exactly = Some(ids(r, v, "`exactly`")),
            "includes" => includes = ids(r, v, "`includes`"),
            "excludes" => excludes = ids(r, v, "`excludes`"),
            "member" => member = r.id_ref(v, "`member`"),
            "allow" => allow = keys(r, v, "`allow`"),
            "deny" => deny = keys(r, v, "`deny`"),
            "client" => client = r.id_ref(v, "`client`"),
            "max_monthly_cost" => max = r.amount(v, "`max_monthly_cost`"),
            _ => r.unknown_key(k, &schema::TEST.names(), "a test"),
        }
    }
    let kinds = usize::from(who_can.is_some()) + usize::from(member.is_some()) + usize::from(max.is_some());
    let misplaced = |r: &mut Reader, present: bool, key: &str, belongs: &str| {
        if present {
            r.diags.push(
                Diagnostic::error("bad-value", span, format!("`{key}` goes with `{belongs}` in a test"))
                    .hint(format!("add `{belongs}`, or remove `{key}`")),
            );
        }
    };
    if kinds != 1 {
        r.diags.push(
            Diagnostic::error(
                "bad-value",
                span,
                "a test needs exactly one of `who_can`, `member` or `max_monthly_cost`",
            )
            .hint("split it into one [[test]] per expectation"),
        );
        return None;
    }
    let kind = if let Some(key) = who_can {
        misplaced(r, !allow.is_empty(), "allow", "member");
        misplaced(r, !deny.is_empty(), "deny", "member");
        if exactly.is_none() && includes.is_empty() && excludes.is_empty() {
            r.missing(span, "exactly", "a `who_can` test", "[\"claire\"] (or includes = [...], excludes = [...])");
        }
        TestKind::WhoCan { key, client, exactly, includes, excludes }
    } else if let Some(member) = member {
        misplaced(r, exactly.is_some(), "exactly", "who_can");
        misplaced(r, !includes.is_empty(), "includes", "who_can");
        misplaced(r, !excludes.is_empty(), "excludes", "who_can");
        if allow.is_empty() && deny.is_empty() {
            r.missing(span, "allow", "a `member` test", "[\"invoices.view\"] (or deny = [...])");
        }
        TestKind::Member { member, client, allow, deny }
    } else {
        for (present, key) in [
            (client.is_some(), "client"),
            (exactly.is_some(), "exactly"),
            (!allow.is_empty(), "allow"),
            (!deny.is_empty(), "deny"),
        ] {
            misplaced(r, present, key, "who_can` or `member");
        }
        TestKind::MaxMonthlyCost { max: max.unwrap_or(0.0) }
    };
    Some(AccessTest { name, span, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_spec_pattern() {
        assert!(check_id("bob").is_ok());
        assert!(check_id("0-a.b_c").is_ok());
        assert!(check_id("../x").is_err());
        assert!(check_id("Bob").is_err());
        assert!(check_id("").is_err());
        assert!(check_id(&"a".repeat(64)).is_ok());
        assert!(check_id(&"a".repeat(65)).is_err());
        assert!(check_id("bоb").is_err(), "a Cyrillic o is not an id character");
    }

    #[test]
    fn emails_need_an_at_and_a_dotted_domain() {
        assert!(check_email("bob@example.com").is_ok());
        assert!(check_email("bob.example.com").is_err());
        assert!(check_email("@example.com").is_err());
        assert!(check_email("bob@example").is_err());
        assert!(check_email("bob @example.com").is_err());
    }
}

#[cfg(test)]
mod chunk_tests {
    use super::*;
    use crate::generate::{Params, generate};

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

#[cfg(test)]
mod shape_tests {
    use crate::testing::{CLIENTS, MEMBERS, WORKSPACE, check_with, codes, edit};

    #[test]
    fn syntax_errors_are_toml_syntax() {
        let checked = check_with(&[("members.toml", "[members.bob\nname = 1")]);
        assert_eq!(codes(&checked), vec!["toml-syntax"]);
        let d = &checked.diagnostics[0];
        let at = checked.workspace.sources.position(d.span.expect("span").file, d.span.expect("span").start);
        assert_eq!(at.line, 1);
    }

    #[test]
    fn duplicated_keys_are_syntax_errors() {
        let checked =
            check_with(&[("members.toml", &edit(MEMBERS, "name = \"Bob\"", "name = \"Bob\"\nname = \"Robert\""))]);
        assert_eq!(codes(&checked), vec!["toml-syntax"]);
    }

    #[test]
    fn unknown_keys_anywhere() {
        let checked =
            check_with(&[("clients.toml", &edit(CLIENTS, "kind = \"contact\"", "kind = \"contact\"\nphone = \"x\""))]);
        assert_eq!(codes(&checked), vec!["unknown-key"]);
        let checked =
            check_with(&[("workspace.toml", &edit(WORKSPACE, "[workspace]", "[workspace]\ncurency = \"EUR\""))]);
        assert_eq!(codes(&checked), vec!["unknown-key"]);
        assert_eq!(checked.diagnostics[0].hint.as_deref(), Some("did you mean `currency`?"));
    }

    #[test]
    fn wrong_types_and_values_are_bad_values() {
        for (from, to) in [
            ("email = \"bob@example.com\"", "email = \"bob\""),
            ("email = \"bob@example.com\"", "email = 42"),
            ("profile = \"user\"", "profile = \"../user\""),
            ("[members.bob]", "[members.Bob]"),
            ("profile = \"user\"", "profile = \"user\"\nstatus = \"away\""),
            ("profile = \"user\"", "profile = \"user\"\ncredit_limit = -5"),
        ] {
            let checked = check_with(&[("members.toml", &edit(MEMBERS, from, to))]);
            assert!(codes(&checked).contains(&"bad-value"), "{to}: {:?}", codes(&checked));
        }
    }

    #[test]
    fn any_toml_that_means_the_same_is_accepted() {
        let dotted = "members.claire.name = \"Claire\"\nmembers.claire.email = \"claire@example.com\"\nmembers.claire.profile = \"admin\"\n\
                      members.eve = { name = \"Eve\", email = \"eve@example.com\", profile = \"contributor\" }\n\
                      [members.bob]\nname = \"Bob\"\nemail = \"bob@example.com\"\nprofile = \"user\"\nclients = [\"acme\", \"globex\"]\n\
                      [members.bob.client_profiles]\nacme = \"contributor\"\n";
        let checked = check_with(&[("members.toml", dotted)]);
        assert_eq!(codes(&checked), Vec::<&str>::new(), "{:#?}", checked.diagnostics);
        assert_eq!(checked.workspace.members.len(), 3);
    }

    #[test]
    fn missing_fields() {
        let checked = check_with(&[("members.toml", &edit(MEMBERS, "email = \"eve@example.com\"\n", ""))]);
        assert_eq!(codes(&checked), vec!["missing-field"]);
    }
}
