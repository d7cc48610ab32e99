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
    /// The full commit id of `rev`, or git's error (an unknown revision).
    pub fn resolve(&self, rev: &str) -> Result<String> {
        let spec = format!("{rev}^{{commit}}");
        let out = git(&self.toplevel, &["rev-parse", "--verify", "--quiet", &spec]).map_err(|_| {
            Error::new(Kind::Environment, "git", format!("unknown revision `{rev}`"))
                .hint("name a commit, branch or tag, e.g. HEAD or origin/main")
        })?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// Every file of the workspace at `commit`, by workspace-relative name.
    pub fn files_at(&self, commit: &str) -> Result<BTreeMap<String, String>> {
        let pathspec = if self.prefix.is_empty() { ".".to_string() } else { self.prefix.clone() };
        let listing = git(&self.toplevel, &["ls-tree", "-r", "-z", "--name-only", commit, "--", &pathspec])?;
        let paths: Vec<String> = listing
            .split(|&b| b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .filter(|p| {
                let rel = &p[self.prefix.len().min(p.len())..];
                rel.ends_with(".toml")
                    && (!rel.contains('/') || (rel.starts_with("profiles/") && rel.matches('/').count() == 1))
            })
            .collect();
        if paths.is_empty() {
            return Ok(BTreeMap::new());
        }
        // One `git cat-file --batch` for every file.
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.toplevel)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Error::new(Kind::Environment, "git", format!("cannot run git: {e}")))?;
        let mut input = String::new();
        for p in &paths {
            input.push_str(&format!("{commit}:{p}\n"));
        }
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
        let mut files = BTreeMap::new();
        let mut at = 0;
        for p in &paths {
            let end = out[at..].iter().position(|&b| b == b'\n').map(|i| at + i).ok_or_else(truncated)?;
            let header = String::from_utf8_lossy(&out[at..end]).into_owned();
            let size: usize = header.rsplit(' ').next().and_then(|s| s.parse().ok()).ok_or_else(truncated)?;
            let body = out.get(end + 1..end + 1 + size).ok_or_else(truncated)?;
            files.insert(p[self.prefix.len()..].to_string(), String::from_utf8_lossy(body).into_owned());
            at = end + 1 + size + 1;
        }
        Ok(files)
    }
}

fn truncated() -> Error {
    Error::new(Kind::Environment, "git", "git cat-file gave a truncated answer")
}
