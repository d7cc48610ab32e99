//! Reading a workspace at a git revision, through the `git` program the user
//! already has. Nothing is written to the repository. git's own errors (not a
//! repository, unknown revision) become environment errors (exit 6) carrying
//! git's message.

use crate::error::{Error, Kind, Result};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository that holds a workspace, and the workspace's folder in it.
#[derive(Debug)]
pub struct Repo {
    pub toplevel: PathBuf,
    /// The workspace folder relative to the top level, `/`-separated, ending in
    /// `/` (empty when the workspace is the top level).
    pub prefix: String,
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).stdin(Stdio::null()).output().map_err(|e| {
        Error::new(Kind::Environment, "git", format!("cannot run git: {e}")).hint("install git, or put it on PATH")
    })?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let msg = msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("git failed").trim();
        return Err(Error::new(
            Kind::Environment,
            "git",
            format!("git {}: {msg}", args.first().copied().unwrap_or("")),
        ));
    }
    Ok(out.stdout)
}

pub fn locate(workspace: &Path) -> Result<Repo> {
    let out = git(workspace, &["rev-parse", "--show-toplevel", "--show-prefix"])
        .map_err(|e| e.hint("`roster diff` compares git revisions: run it inside a git repository"))?;
    let text = String::from_utf8_lossy(&out);
    let mut lines = text.lines();
    let toplevel = PathBuf::from(lines.next().unwrap_or_default());
    let prefix = lines.next().unwrap_or_default().to_string();
    Ok(Repo { toplevel, prefix })
}

impl Repo {
    /// The full commit id of `rev`, or git's error (an unknown revision). A
    /// revision that begins with `-` is refused before git sees it: git would
    /// read it as an option.
    pub fn resolve(&self, rev: &str) -> Result<String> {
        if rev.starts_with('-') {
            return Err(Error::usage(format!("`{rev}` is not a revision: a revision never begins with `-`"))
                .hint("name a commit, branch or tag, e.g. HEAD or origin/main"));
        }
        let spec = format!("{rev}^{{commit}}");
        let out = git(&self.toplevel, &["rev-parse", "--verify", "--quiet", &spec]).map_err(|_| {
            Error::new(Kind::Environment, "git", format!("unknown revision `{rev}`"))
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

    /// Every file of the workspace at `commit`, by workspace-relative name.
    ///
    /// The framing cannot be confused by a name: `ls-tree -z` ends each entry
    /// with NUL and never quotes, so a name holding a newline is one name, and
    /// `cat-file --batch` is asked for object ids (hex, never a path), each
    /// answer's header naming the id asked for. Asking for `COMMIT:PATH` per
    /// line let a committed name such as `w\nbase:workspace.toml` add a request
    /// of its own, and every later file was read from the answer meant for
    /// the one before.
    pub fn files_at(&self, commit: &str) -> Result<BTreeMap<String, String>> {
        if !is_object_id(commit) {
            return Err(Error::new(Kind::Environment, "git", format!("`{commit}` is not a commit id")));
        }
        let pathspec = if self.prefix.is_empty() { ".".to_string() } else { self.prefix.clone() };
        let listing = git(&self.toplevel, &["ls-tree", "-r", "-z", commit, "--", &pathspec])?;
        // Each entry: `<mode> SP <type> SP <id> TAB <name> NUL`.
        let mut wanted: Vec<(String, String)> = Vec::new();
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
            let in_workspace = rel.ends_with(".toml")
                && (!rel.contains('/') || (rel.starts_with("profiles/") && rel.matches('/').count() == 1));
            if in_workspace {
                wanted.push((rel.to_string(), id.to_string()));
            }
        }
        if wanted.is_empty() {
            return Ok(BTreeMap::new());
        }
        let mut input = String::with_capacity(wanted.len() * 41);
        for (_, id) in &wanted {
            input.push_str(id);
            input.push('\n');
        }
        let out = batch(&self.toplevel, input)?;
        let mut files = BTreeMap::new();
        let mut rest = out.as_slice();
        for (name, id) in wanted {
            let (body, after) = answer(rest, &id)?;
            files.insert(name, String::from_utf8_lossy(body).into_owned());
            rest = after;
        }
        Ok(files)
    }
}

/// A full object id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
fn is_object_id(id: &str) -> bool {
    matches!(id.len(), 40 | 64) && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Runs `git cat-file --batch` with `input` (one object id a line) and returns all it printed.
fn batch(dir: &Path, input: String) -> Result<Vec<u8>> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::new(Kind::Environment, "git", format!("cannot run git: {e}")))?;
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

fn unexpected(command: &str, what: &[u8]) -> Error {
    let shown: String = String::from_utf8_lossy(what).chars().take(80).flat_map(char::escape_debug).collect();
    Error::new(Kind::Environment, "git", format!("git {command} gave an answer roster does not understand: `{shown}`"))
}

fn truncated() -> Error {
    Error::new(Kind::Environment, "git", "git cat-file gave a truncated answer")
}
