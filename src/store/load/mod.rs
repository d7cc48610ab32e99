//! Reads a workspace directory into the model, collecting every problem of
//! syntax and shape (SPEC §2) as diagnostics instead of stopping at the first.
//!
//! Each file is parsed once into the toml crate's borrowed, spanned tree and
//! walked in one pass: each entry's keys are matched as they come, so an unknown
//! key is found without a second lookup, and every value keeps its byte span.
//! Cross-file rules (references, ceilings, the owner) live in `rules`.
//!
//! This module is the driver (which files are read, in which order, from disk
//! or memory); the rest is by job: `reader` reads values, `entries` walks the
//! `[members.ID]` / `[clients.ID]` tables and `chunk` parses those files in
//! chunks, and one module per kind of file reads its tables (`workspace`,
//! `profile`, `members`, `clients`, `access_tests`, `teams`). What a valid id or email
//! is, is the model's (`model::check_id`, `model::email`).

mod access_tests;
mod chunk;
mod clients;
mod entries;
mod members;
mod profile;
mod reader;
pub mod review;
mod separation;
mod teams;
mod workspace;

pub(crate) use entries::{KeyedEntry, read_fragment};
pub(crate) use members::client_spans;

use crate::diag::Diagnostic;
use crate::model::{Client, Member, Names, Workspace, check_id};
use crate::source::{FileId, Sources, Span, relative_name};
use reader::Reader;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::de::DeTable;

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
pub const TEAMS_FILE: &str = "teams.toml";

/// Whether a load reads the workspace-relative file `name`: the top-level
/// files above and `profiles/*.toml` (not `.taplo.toml`, nor a campaign under
/// `reviews/`). One list, for whoever compares a workspace's files with git's.
pub fn is_loaded_file(name: &str) -> bool {
    [WORKSPACE_FILE, MEMBERS_FILE, CLIENTS_FILE, TESTS_FILE, TEAMS_FILE].contains(&name)
        || name.strip_prefix("profiles/").is_some_and(|n| !n.starts_with('.') && n.ends_with(".toml"))
}

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
    if matches!(input, Input::Disk) {
        crate::progress::phase("reading the workspace", 0, crate::progress::Unit::None);
    }
    let mut cx = Loader::new(root, input, chunked);
    cx.read_ahead(MEMBERS_FILE);
    let ws_file = cx.read(WORKSPACE_FILE);
    let (settings, areas, tiers, separation) =
        cx.parse(ws_file, workspace::read_workspace).unwrap_or((None, Vec::new(), Vec::new(), Vec::new()));
    let settings = settings.unwrap_or_else(|| workspace::empty_settings(Span::new(ws_file, 0..0)));

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
        if let Some(Some(p)) = cx.parse(file, |r, t| profile::read_profile(r, t, &id, at)) {
            profiles.push(p);
        }
    }

    // Clients are read before members, so that a member's references share
    // the ids they name (see `model::Names`); the files keep their order.
    let members_file = cx.read(MEMBERS_FILE);
    let clients_file = cx.read(CLIENTS_FILE);
    let mut clients: Vec<Client> = cx.parse_chunked(clients_file).unwrap_or_default();
    cx.names.reserve(profiles.len(), clients.len());
    profiles.iter().for_each(|p| cx.names.add_profile(&p.id));
    clients.iter().for_each(|c| cx.names.add_client(&c.id));
    let mut members: Vec<Member> = cx.parse_chunked(members_file).unwrap_or_default();
    entries::exclusive_ranges(&mut members);
    entries::exclusive_ranges(&mut clients);

    let tests = if cx.exists(TESTS_FILE) {
        let file = cx.read(TESTS_FILE);
        cx.parse(file, access_tests::read_tests).unwrap_or_default()
    } else {
        Vec::new()
    };

    let teams = if cx.exists(TEAMS_FILE) {
        let file = cx.read(TEAMS_FILE);
        cx.parse(file, teams::read_teams).unwrap_or_default()
    } else {
        Vec::new()
    };

    let mut workspace = Workspace::new(cx.root, cx.sources, settings, areas, tiers, profiles, members, clients);
    workspace.tests = tests;
    workspace.separation = separation;
    workspace.set_teams(teams);
    Loaded { workspace, diagnostics: cx.diags, unreadable: cx.unreadable }
}

/// The workspace-relative names of the files a load of `root` from disk reads
/// now: the same selection as [`load`] (the required files, the profiles
/// folder's `*.toml`, `tests.toml` and `teams.toml` when they are there). A change compares it
/// with the files it read, so that a profile or a `tests.toml` that appeared
/// or vanished meanwhile is seen (`store::save::write_all`).
pub fn file_names(root: &Path) -> Vec<String> {
    let mut cx = Loader::new(root, Input::Disk, true);
    let mut names = vec![WORKSPACE_FILE.to_string()];
    names.extend(cx.profile_files().into_iter().map(|(_, name)| name));
    names.extend([MEMBERS_FILE.to_string(), CLIENTS_FILE.to_string()]);
    for optional in [TESTS_FILE, TEAMS_FILE] {
        if cx.exists(optional) {
            names.push(optional.to_string());
        }
    }
    names
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
    /// A large file being read on another thread ([`Loader::read_ahead`]).
    ahead: Option<(&'static str, std::thread::JoinHandle<Read>)>,
}

/// A file's text and real path, or why it could not be read ([`read_text`]).
type Read = Result<(String, PathBuf), ReadError>;

/// The size above which [`Loader::read_ahead`] reads a file on another thread.
const AHEAD: u64 = 1 << 20;

impl<'a> Loader<'a> {
    fn new(root: &Path, input: Input<'a>, chunked: bool) -> Loader<'a> {
        Loader {
            input,
            chunked,
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            sources: Sources::default(),
            diags: Vec::new(),
            unreadable: false,
            failed: Vec::new(),
            names: Names::default(),
            real_paths: BTreeMap::new(),
            ahead: None,
        }
    }

    /// Starts reading `name` from disk on another thread when it is large
    /// (`members.toml` of a large workspace: 16 MB at 100,000 members), so
    /// that it is read while the files before it are parsed; [`Loader::read`]
    /// takes it when its turn comes, with the same checks and errors.
    fn read_ahead(&mut self, name: &'static str) {
        let path = self.root.join(name);
        if matches!(self.input, Input::Disk) && std::fs::metadata(&path).is_ok_and(|m| m.len() > AHEAD) {
            let root = self.root.clone();
            self.ahead = Some((name, std::thread::spawn(move || read_text(&root, &path, name))));
        }
    }

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
            Input::Disk => match self.ahead.take_if(|(ahead, _)| *ahead == name) {
                Some((_, reading)) => reading.join().unwrap_or_else(|_| read_text(&self.root, &path, name)),
                None => read_text(&self.root, &path, name),
            }
            .and_then(|(text, real)| self.one_name(name, real, text)),
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
        let mut reader = Reader::new(file, &mut self.diags, text, 0, &self.names);
        Some(read(&mut reader, table.get_ref()))
    }
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
fn read_text(root: &Path, path: &Path, name: &str) -> Read {
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

    /// A member's clients do not keep where they are written
    /// (`model::ClientRef`): a diagnostic about them reads it again, from
    /// the member's entry or, for dotted keys and an inline table, the whole
    /// file, and points where a full read points.
    #[test]
    fn a_diagnostic_about_a_members_clients_points_at_them_in_any_layout() {
        let layouts = [
            "[members.bob]\nname = \"Bob\"\nemail = \"bob@example.com\"\nprofile = \"user\"\n\
             clients = [\"acme\", { id = \"nope\" }, 'acme', \"acme\"]\n",
            "members.bob.name = \"Bob\"\nmembers.bob.email = \"bob@example.com\"\nmembers.bob.profile = \"user\"\n\
             members.bob.clients = [\"acme\", { id = \"nope\" }, 'acme', \"acme\"]\n",
            "members.bob = { name = \"Bob\", email = \"bob@example.com\", profile = \"user\", \
             clients = [\"acme\", { id = \"nope\" }, 'acme', \"acme\"] }\n",
        ];
        for text in layouts {
            let checked = check_with(&[("members.toml", text)]);
            let found: Vec<(&str, &str)> = checked
                .diagnostics
                .iter()
                .filter(|d| d.message.contains("assigned"))
                .map(|d| {
                    let span = d.span.unwrap();
                    (d.code, &text[span.start as usize..span.end as usize])
                })
                .collect();
            assert_eq!(found, vec![("unknown-ref", "\"nope\""), ("bad-value", "'acme'")], "{text}");
        }
    }

    #[test]
    fn the_loader_knows_every_key_of_the_schema_and_no_other() {
        use crate::schema;
        use crate::store::load::{Input, load_from};
        // Each table (and workspace.toml's top) with every key of its schema
        // (the values' types do not matter here) and one more key.
        let keys = |t: &schema::Table| -> String { t.names().iter().map(|k| format!("{k} = 1\n")).collect() };
        let with_extra = |t: &schema::Table| format!("{}not_a_key = 1\n", keys(t));
        let files: std::collections::BTreeMap<String, String> = [
            (
                "workspace.toml",
                format!(
                    "not_a_key = 1\n[workspace]\n{}[areas.a]\n{}[tiers.t]\n{}",
                    with_extra(&schema::SETTINGS),
                    with_extra(&schema::AREA),
                    with_extra(&schema::TIER)
                ),
            ),
            ("profiles/p.toml", with_extra(&schema::PROFILE)),
            ("members.toml", format!("[members.m]\n{}", with_extra(&schema::MEMBER))),
            ("clients.toml", format!("[clients.c]\n{}", with_extra(&schema::CLIENT))),
            ("tests.toml", format!("[[test]]\n{}", with_extra(&schema::TEST))),
            ("teams.toml", format!("[teams.t]\n{}", with_extra(&schema::TEAM))),
        ]
        .into_iter()
        .map(|(name, text)| (name.to_string(), text))
        .collect();
        let loaded = load_from(std::path::Path::new("/nonexistent"), Input::Memory(&files));
        let unknown: Vec<&str> =
            loaded.diagnostics.iter().filter(|d| d.code == "unknown-key").map(|d| d.message.as_str()).collect();
        assert_eq!(unknown.len(), 9, "{unknown:#?}");
        assert!(unknown.iter().all(|m| m.starts_with("unknown key `not_a_key`")), "{unknown:#?}");
    }

    #[test]
    fn missing_fields() {
        let checked = check_with(&[("members.toml", &edit(MEMBERS, "email = \"eve@example.com\"\n", ""))]);
        assert_eq!(codes(&checked), vec!["missing-field"]);
    }
}
