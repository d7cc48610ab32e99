//! Reading a workspace at a git revision, and its history, through the `git`
//! program the user already has. Nothing is written to the repository. git's
//! own errors (not a repository, unknown revision) become environment errors
//! (exit 6) carrying git's message; a revision that begins with `-` is a usage
//! error before git runs, so that git never reads one as an option.

use crate::error::{Error, Kind, Result};
use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;

/// The repository that holds a workspace, and the workspace's folder in it.
#[derive(Debug)]
pub struct Repo {
    pub toplevel: PathBuf,
    /// The workspace folder relative to the top level, `/`-separated, ending in
    /// `/` (empty when the workspace is the top level).
    pub prefix: String,
}

/// `git -C dir` with the settings every call needs: paths are literal (a
/// folder named `a*` is that folder, not a pattern), and neither a signature
/// check nor colour is printed into what roster parses.
fn command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .args(["--literal-pathspecs", "-c", "log.showSignature=false", "-c", "color.ui=never"])
        .stdin(Stdio::null());
    cmd
}

fn cannot_run(e: &std::io::Error) -> Error {
    Error::new(Kind::Environment, "git", format!("cannot run git: {e}")).hint("install git, or put it on PATH")
}

/// git's first line of complaint, without its `fatal: ` or `error: `.
fn reason(stderr: &[u8]) -> String {
    let msg = String::from_utf8_lossy(stderr);
    let line = msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("git failed").trim();
    line.strip_prefix("fatal: ").or_else(|| line.strip_prefix("error: ")).unwrap_or(line).to_string()
}

/// Runs git and returns its stdout, or its complaint as an error.
fn run(dir: &Path, args: &[&str]) -> std::result::Result<Vec<u8>, String> {
    let out = command(dir).args(args).output().map_err(|e| cannot_run(&e).message)?;
    if out.status.success() { Ok(out.stdout) } else { Err(reason(&out.stderr)) }
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    run(dir, args).map_err(|msg| {
        Error::new(Kind::Environment, "git", format!("git {}: {msg}", args.first().copied().unwrap_or("")))
    })
}

pub fn locate(workspace: &Path) -> Result<Repo> {
    let out = git(workspace, &["rev-parse", "--show-toplevel", "--show-prefix"])
        .map_err(|e| e.hint("roster reads revisions through git: run it inside a git repository"))?;
    let text = String::from_utf8_lossy(&out);
    let mut lines = text.lines();
    let toplevel = PathBuf::from(lines.next().unwrap_or_default());
    let prefix = lines.next().unwrap_or_default().to_string();
    Ok(Repo { toplevel, prefix })
}

/// A revision (or range) the user typed must not begin with `-`: git would
/// read it as an option.
pub fn refuse_option(rev: &str, what: &str) -> Result<()> {
    if rev.starts_with('-') {
        return Err(Error::usage(format!("`{rev}` is not a {what}: a {what} never begins with `-`"))
            .hint("name a commit, branch or tag, e.g. HEAD or origin/main"));
    }
    Ok(())
}

/// Whether a workspace-relative name is one of the files a workspace is read
/// from: a `.toml` file at its top, or in `profiles/`. One definition for a
/// revision's files and for the files a commit changed.
pub fn is_workspace_file(rel: &str) -> bool {
    rel.ends_with(".toml") && (!rel.contains('/') || (rel.starts_with("profiles/") && rel.matches('/').count() == 1))
}

/// A full object id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
fn is_object_id(id: &str) -> bool {
    matches!(id.len(), 40 | 64) && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The revisions a range names, as `git rev-parse` lists them: those it
/// includes, and those it excludes (`A..B` includes B, excludes A).
#[derive(Debug)]
pub struct Revisions {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Repo {
    /// The full commit id of `rev`, or git's error (an unknown revision). A
    /// revision that begins with `-` is refused before git sees it.
    pub fn resolve(&self, rev: &str) -> Result<String> {
        refuse_option(rev, "revision")?;
        let revs = self.revisions(rev)?;
        let ([id], []) = (revs.include.as_slice(), revs.exclude.as_slice()) else {
            return Err(Error::usage(format!("`{rev}` names a range, not one revision"))
                .hint("name one commit, branch or tag, e.g. HEAD~3 or v1.2"));
        };
        let spec = format!("{id}^{{commit}}");
        let out = run(&self.toplevel, &["rev-parse", "--verify", "--quiet", &spec]).map_err(|_| {
            Error::new(Kind::Environment, "git", format!("`{rev}` is not a commit"))
                .hint("name a commit, branch or tag, e.g. HEAD or origin/main")
        })?;
        let id = String::from_utf8_lossy(&out).trim().to_string();
        if !is_object_id(&id) {
            return Err(Error::new(
                Kind::Environment,
                "git",
                format!("git rev-parse gave `{id}` for `{rev}`, not a commit id"),
            ));
        }
        Ok(id)
    }

    /// What `range` names (`git rev-parse RANGE --`), or git's reason why it
    /// names nothing (exit 6).
    pub fn revisions(&self, range: &str) -> Result<Revisions> {
        refuse_option(range, "revision")?;
        let out = run(&self.toplevel, &["rev-parse", range, "--"]).map_err(|msg| {
            Error::new(Kind::Environment, "git", format!("unknown revision `{range}`: {msg}"))
                .hint("name a commit, branch or tag, e.g. HEAD~3 or origin/main")
        })?;
        let text = String::from_utf8_lossy(&out);
        let mut revs = Revisions { include: Vec::new(), exclude: Vec::new() };
        for line in text.lines().filter(|l| *l != "--") {
            match line.strip_prefix('^') {
                Some(id) => revs.exclude.push(id.to_string()),
                None => revs.include.push(line.to_string()),
            }
        }
        Ok(revs)
    }

    /// How many hex digits git shows of a commit id in this repository
    /// (`core.abbrev`, which grows with the repository).
    pub fn abbrev(&self, commit: &str) -> usize {
        run(&self.toplevel, &["rev-parse", "--short", commit])
            .map(|out| String::from_utf8_lossy(&out).trim().len())
            .ok()
            .filter(|n| (4..=64).contains(n))
            .unwrap_or(7)
    }

    /// The workspace's files at `commit`, by workspace-relative name, each
    /// with its blob id.
    ///
    /// The framing cannot be confused by a name: `ls-tree -z` ends each entry
    /// with NUL and never quotes, so a name holding a newline is one name.
    pub fn tree_at(&self, commit: &str) -> Result<BTreeMap<String, String>> {
        if !is_object_id(commit) {
            return Err(Error::new(Kind::Environment, "git", format!("`{commit}` is not a commit id")));
        }
        let pathspec = if self.prefix.is_empty() { "." } else { self.prefix.as_str() };
        let listing = git(&self.toplevel, &["ls-tree", "-r", "-z", commit, "--", pathspec])?;
        // Each entry: `<mode> SP <type> SP <id> TAB <name> NUL`.
        let mut out = BTreeMap::new();
        for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            let tab = entry.iter().position(|&b| b == b'\t').ok_or_else(|| unexpected("ls-tree", entry))?;
            let (meta, name) = (&entry[..tab], &entry[tab + 1..]);
            let mut fields = meta.split(|&b| b == b' ');
            let (_mode, kind, id) = (fields.next(), fields.next(), fields.next());
            let (Some(kind), Some(id)) = (kind, id) else { return Err(unexpected("ls-tree", entry)) };
            if kind != b"blob" {
                continue;
            }
            let id = std::str::from_utf8(id)
                .ok()
                .filter(|id| is_object_id(id))
                .ok_or_else(|| unexpected("ls-tree", entry))?;
            // As on disk, a name that is not UTF-8 reaches the loader, which says what is wrong with it.
            let name = String::from_utf8_lossy(name);
            let Some(rel) = name.strip_prefix(self.prefix.as_str()) else { continue };
            if is_workspace_file(rel) {
                out.insert(rel.to_string(), id.to_string());
            }
        }
        Ok(out)
    }

    /// Every file of the workspace at `commit`, by workspace-relative name.
    ///
    /// Each file is read by its blob id (`cat-file --batch` is asked for
    /// object ids, hex, never a path), each answer's header naming the id
    /// asked for. Asking for `COMMIT:PATH` per line let a committed name such
    /// as `w\nbase:workspace.toml` add a request of its own, and every later
    /// file was read from the answer meant for the one before.
    pub fn files_at(&self, commit: &str) -> Result<BTreeMap<String, String>> {
        let tree = self.tree_at(commit)?;
        self.read_blobs(&tree)
    }

    /// The text of each blob of `files` (name -> blob id), by name.
    pub fn read_blobs(&self, files: &BTreeMap<String, String>) -> Result<BTreeMap<String, String>> {
        if files.is_empty() {
            return Ok(BTreeMap::new());
        }
        let mut input = String::with_capacity(files.len() * 41);
        for id in files.values() {
            input.push_str(id);
            input.push('\n');
        }
        let out = batch(&self.toplevel, input)?;
        let mut texts = BTreeMap::new();
        let mut rest = out.as_slice();
        for (name, id) in files {
            let (body, after) = answer(rest, id)?;
            texts.insert(name.clone(), text(body.to_vec()));
            rest = after;
        }
        Ok(texts)
    }

    /// The commits of `range` that changed a file of the workspace, newest
    /// first, along the first parent (a merge counts as what it changed
    /// against its first parent), each with the workspace files it changed.
    /// `range` was checked by [`Repo::revisions`].
    pub fn log(&self, range: &str) -> Result<Log> {
        refuse_option(range, "revision")?;
        let pathspec = if self.prefix.is_empty() { "." } else { self.prefix.as_str() };
        let mut child = command(&self.toplevel)
            .args([
                "log",
                "--first-parent",
                "--diff-merges=first-parent",
                "--root",
                "--no-renames",
                "--raw",
                "--no-abbrev",
                "-z",
                "--no-color",
                "--no-show-signature",
                // A marker, then one field per NUL; the raw lines follow.
                "--format=%x01%x00%H%x00%P%x00%an%x00%ae%x00%aI%x00%s",
                range,
                "--",
                pathspec,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| cannot_run(&e))?;
        let stdout = child.stdout.take().ok_or_else(|| Error::new(Kind::Environment, "git", "no pipe from git"))?;
        let mut stderr = child.stderr.take().ok_or_else(|| Error::new(Kind::Environment, "git", "no pipe from git"))?;
        // Read apart, so that git never waits on a full stderr pipe.
        let errors = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.read_to_end(&mut buf);
            buf
        });
        Ok(Log {
            child,
            out: BufReader::with_capacity(1 << 16, stdout),
            errors: Some(errors),
            prefix: self.prefix.clone(),
            peeked: None,
        })
    }

    /// A `git cat-file --batch` that stays open: blobs are asked for ahead
    /// and read in order, so that git reads the next while roster works.
    pub fn blobs(&self) -> Result<Blobs> {
        Blobs::start(&self.toplevel)
    }
}

/// One commit of [`Repo::log`].
#[derive(Debug, Clone)]
pub struct Commit {
    pub id: String,
    /// The first parent (none for a root commit).
    pub parent: Option<String>,
    pub author: String,
    pub email: String,
    /// The author date, ISO 8601 (`2026-03-02T10:15:00+01:00`).
    pub date: String,
    pub subject: String,
    /// The workspace files it changed against its first parent.
    pub files: Vec<FileChange>,
}

/// A workspace file a commit changed: its blob before (in the first parent)
/// and after; `None` where the file does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    pub name: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The commits `git log` prints, parsed as they come.
#[derive(Debug)]
pub struct Log {
    child: Child,
    out: BufReader<ChildStdout>,
    errors: Option<JoinHandle<Vec<u8>>>,
    prefix: String,
    peeked: Option<Vec<u8>>,
}

impl Log {
    fn token(&mut self) -> Result<Option<Vec<u8>>> {
        if let Some(t) = self.peeked.take() {
            return Ok(Some(t));
        }
        let mut buf = Vec::new();
        let n = self.out.read_until(0, &mut buf).map_err(|e| Error::io("cannot read from git log", &e))?;
        if n == 0 {
            return Ok(None);
        }
        if buf.last() == Some(&0) {
            buf.pop();
        }
        Ok(Some(buf))
    }

    fn field(&mut self) -> Result<String> {
        let t = self.token()?.ok_or_else(|| Error::new(Kind::Environment, "git", "git log ended in a commit"))?;
        Ok(String::from_utf8_lossy(&t).into_owned())
    }

    /// The next commit that changed a workspace file, or `None` at the end
    /// (then git's exit status is checked).
    pub fn next_commit(&mut self) -> Result<Option<Commit>> {
        loop {
            let Some(marker) = self.token()? else {
                self.finish()?;
                return Ok(None);
            };
            if trim_newlines(&marker) != b"\x01" {
                return Err(unexpected("log", &marker));
            }
            let id = self.field()?;
            let parents = self.field()?;
            let (author, email, date, subject) = (self.field()?, self.field()?, self.field()?, self.field()?);
            if !is_object_id(&id) {
                return Err(unexpected("log", id.as_bytes()));
            }
            let mut files = Vec::new();
            while let Some(t) = self.token()? {
                let meta = trim_newlines(&t);
                if meta.first() != Some(&b':') {
                    self.peeked = Some(t);
                    break;
                }
                let change = parse_raw(meta).ok_or_else(|| unexpected("log", meta))?;
                // A rename or copy names two paths (never asked for: --no-renames).
                let paths = if matches!(change.2.first(), Some(b'R' | b'C')) { 2 } else { 1 };
                let mut path = String::new();
                for _ in 0..paths {
                    path = self.field()?;
                }
                let Some(rel) = path.strip_prefix(self.prefix.as_str()) else { continue };
                if is_workspace_file(rel) {
                    files.push(FileChange { name: rel.to_string(), before: change.0, after: change.1 });
                }
            }
            if files.is_empty() {
                continue;
            }
            let parent = parents.split(' ').next().filter(|p| is_object_id(p)).map(str::to_string);
            return Ok(Some(Commit { id, parent, author, email, date, subject, files }));
        }
    }

    /// Waits for git and turns a failure into git's reason.
    fn finish(&mut self) -> Result<()> {
        let status = self.child.wait().map_err(|e| Error::io("git log", &e))?;
        let errors = self.errors.take().and_then(|h| h.join().ok()).unwrap_or_default();
        if !status.success() {
            return Err(Error::new(Kind::Environment, "git", format!("git log: {}", reason(&errors))));
        }
        Ok(())
    }
}

impl Drop for Log {
    /// A log read only in part (`--limit`): git is stopped, not waited for.
    fn drop(&mut self) {
        if self.errors.is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn trim_newlines(t: &[u8]) -> &[u8] {
    let start = t.iter().position(|&b| b != b'\n').unwrap_or(t.len());
    &t[start..]
}

/// `:<mode> <mode> <id> <id> <status>`: the blob before and after (`None`
/// for an absent file or anything that is not a file), and the status.
fn parse_raw(meta: &[u8]) -> Option<(Option<String>, Option<String>, Vec<u8>)> {
    let text = std::str::from_utf8(meta.strip_prefix(b":")?).ok()?;
    let mut f = text.split(' ');
    let (mode_a, mode_b, id_a, id_b, status) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
    let blob = |mode: &str, id: &str| -> Option<Option<String>> {
        if !is_object_id(id) {
            return None;
        }
        // Regular files, executables and links are blobs, as `ls-tree` lists them.
        let file = matches!(mode, "100644" | "100755" | "120000") && id.bytes().any(|b| b != b'0');
        Some(file.then(|| id.to_string()))
    };
    Some((blob(mode_a, id_a)?, blob(mode_b, id_b)?, status.as_bytes().to_vec()))
}

/// A running `git cat-file --batch`: ids go in through one thread, answers
/// come out through another, in order.
#[derive(Debug)]
pub struct Blobs {
    child: Child,
    requests: Option<mpsc::Sender<String>>,
    answers: Option<mpsc::Receiver<Answer>>,
    /// Buffers given back ([`Blobs::recycle`]): a large file read again and
    /// again is read into memory already mapped, not into fresh pages.
    spare: Option<mpsc::Sender<Vec<u8>>>,
    pending: VecDeque<String>,
    threads: Vec<JoinHandle<()>>,
}

impl Blobs {
    fn start(dir: &Path) -> Result<Blobs> {
        let mut child = command(dir)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| cannot_run(&e))?;
        let no_pipe = || Error::new(Kind::Environment, "git", "no pipe to git cat-file");
        let mut stdin = child.stdin.take().ok_or_else(no_pipe)?;
        let stdout = child.stdout.take().ok_or_else(no_pipe)?;
        let (request_tx, request_rx) = mpsc::channel::<String>();
        let writer = std::thread::spawn(move || {
            for id in request_rx {
                if stdin.write_all(id.as_bytes()).and_then(|()| stdin.write_all(b"\n")).is_err() {
                    return;
                }
                let _ = stdin.flush();
            }
        });
        // A few answers ahead at most: each may be a large file.
        let (answer_tx, answer_rx) = mpsc::sync_channel(2);
        let (spare_tx, spare_rx) = mpsc::channel::<Vec<u8>>();
        let reader = std::thread::spawn(move || {
            let mut out = BufReader::with_capacity(1 << 16, stdout);
            loop {
                let answer = read_answer(&mut out, spare_rx.try_recv().unwrap_or_default());
                let end = answer.is_err();
                if answer_tx.send(answer).is_err() || end {
                    return;
                }
            }
        });
        Ok(Blobs {
            child,
            requests: Some(request_tx),
            answers: Some(answer_rx),
            spare: Some(spare_tx),
            pending: VecDeque::new(),
            threads: vec![writer, reader],
        })
    }

    /// Asks for blob `id`; [`Blobs::read`] returns the answers in the order asked.
    pub fn request(&mut self, id: &str) -> Result<()> {
        let sent = self.requests.as_ref().is_some_and(|tx| tx.send(id.to_string()).is_ok());
        if !sent {
            return Err(Error::new(Kind::Environment, "git", "git cat-file stopped"));
        }
        self.pending.push_back(id.to_string());
        Ok(())
    }

    /// Gives a text read by [`Blobs::read`] back, to read another into.
    pub fn recycle(&self, text: String) {
        if let Some(tx) = &self.spare {
            let _ = tx.send(text.into_bytes());
        }
    }

    /// The text of the oldest blob asked for.
    pub fn read(&mut self) -> Result<String> {
        let id =
            self.pending.pop_front().ok_or_else(|| Error::new(Kind::Environment, "git", "no blob was asked for"))?;
        let answer = self
            .answers
            .as_ref()
            .and_then(|rx| rx.recv().ok())
            .unwrap_or_else(|| Err("git cat-file stopped".to_string()));
        match answer {
            Ok((got, body)) if got == id => Ok(text(body)),
            Ok((got, _)) => Err(unexpected("cat-file", got.as_bytes())),
            Err(msg) => Err(Error::new(Kind::Environment, "git", msg)),
        }
    }
}

impl Drop for Blobs {
    fn drop(&mut self) {
        // Closing stdin ends git; dropping the receiver ends the reader.
        self.requests = None;
        self.answers = None;
        self.spare = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// A blob's id and content, or why git gave neither.
type Answer = Result<(String, Vec<u8>), String>;

/// One answer of `cat-file --batch`: `<id> blob <size> LF <content> LF`,
/// read into `body`.
fn read_answer(out: &mut impl BufRead, mut body: Vec<u8>) -> Answer {
    let mut header = Vec::new();
    match out.read_until(b'\n', &mut header) {
        Ok(0) => return Err("git cat-file ended early".into()),
        Ok(_) => {}
        Err(e) => return Err(format!("cannot read from git cat-file: {e}")),
    }
    let header = String::from_utf8_lossy(header.strip_suffix(b"\n").unwrap_or(&header)).into_owned();
    let mut fields = header.split(' ');
    let (id, kind, size) = (fields.next(), fields.next(), fields.next());
    let (Some(id), Some("blob"), Some(size), None) = (id, kind, size, fields.next()) else {
        return Err(format!("git cat-file gave an answer roster does not understand: `{}`", header.escape_debug()));
    };
    let size: usize = size.parse().map_err(|_| format!("git cat-file gave a bad size: `{}`", header.escape_debug()))?;
    body.clear();
    body.reserve(size + 1);
    let read = out.take(size as u64 + 1).read_to_end(&mut body);
    if read.map_err(|e| format!("cannot read from git cat-file: {e}"))? != size + 1 || body.pop() != Some(b'\n') {
        return Err("git cat-file gave a truncated answer".into());
    }
    Ok((id.to_string(), body))
}

/// Runs `git cat-file --batch` with `input` (one object id a line) and returns all it printed.
fn batch(dir: &Path, input: String) -> Result<Vec<u8>> {
    let mut child = command(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| cannot_run(&e))?;
    let mut stdin = child.stdin.take().ok_or_else(|| Error::new(Kind::Environment, "git", "no pipe to git"))?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .ok_or_else(|| Error::new(Kind::Environment, "git", "no pipe from git"))?
        .read_to_end(&mut out)
        .map_err(|e| Error::io("cannot read from git", &e))?;
    let _ = writer.join();
    let status = child.wait().map_err(|e| Error::io("git cat-file", &e))?;
    if !status.success() {
        return Err(Error::new(Kind::Environment, "git", "git cat-file failed"));
    }
    Ok(out)
}

/// The content of blob `id` at the head of `out` (`<id> blob <size> LF
/// <content> LF`), and what follows it. Any other header (another id, a
/// missing object) is an error, never another file's content.
fn answer<'a>(out: &'a [u8], id: &str) -> Result<(&'a [u8], &'a [u8])> {
    let end = out.iter().position(|&b| b == b'\n').ok_or_else(truncated)?;
    let header = &out[..end];
    let mut fields = header.split(|&b| b == b' ');
    let (got, kind, size) = (fields.next(), fields.next(), fields.next());
    if got != Some(id.as_bytes()) || kind != Some(b"blob".as_slice()) || fields.next().is_some() {
        return Err(unexpected("cat-file", header));
    }
    let size: usize = size
        .and_then(|s| std::str::from_utf8(s).ok())
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| unexpected("cat-file", header))?;
    let body = out.get(end + 1..end + 1 + size).ok_or_else(truncated)?;
    match out.get(end + 1 + size) {
        Some(b'\n') => Ok((body, &out[end + 2 + size..])),
        _ => Err(truncated()),
    }
}

/// A file's text (bytes that are not UTF-8 become U+FFFD), checked at the
/// speed of `from_utf8` when it is UTF-8.
fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn unexpected(command: &str, what: &[u8]) -> Error {
    let shown: String = String::from_utf8_lossy(what).chars().take(80).flat_map(char::escape_debug).collect();
    Error::new(Kind::Environment, "git", format!("git {command} gave an answer roster does not understand: `{shown}`"))
}

fn truncated() -> Error {
    Error::new(Kind::Environment, "git", "git cat-file gave a truncated answer")
}
