//! Writing a change to disk (SPEC §6): locked, checked against hand edits, and
//! atomic file by file.
//!
//! **Why a crash at any moment leaves the old file or the new one.** A file is
//! never written in place. Its new text goes to a temporary file in the same
//! folder (so the rename below stays on one file system), which is flushed to
//! disk with `fsync` and given the old file's permissions; then `rename(2)`
//! puts it over the old name. POSIX makes that rename atomic: every reader, and
//! the disk after a crash, sees either the old inode or the new one, never a
//! mix. The folder is synced after the rename so that the new name itself is
//! durable. A crash before the rename leaves the old file and, at worst, a
//! `.roster-*.tmp` file beside it, which the next change removes under the
//! lock ([`sweep_leftovers`]); a crash after it leaves the new file.
//!
//! A change that touches several files (a client removed from `clients.toml`
//! and from every member in `members.toml`) is atomic per file, and the files
//! are written in an order whose every prefix is a valid workspace: new files
//! first, then `members.toml`, then the other changed files, then removals. A
//! crash between two renames leaves a workspace that still passes `check`.
//!
//! **Locking.** Concurrent changes take an exclusive advisory lock (`flock`) on
//! the workspace folder itself: a folder is never replaced by a rename (a lock
//! on a file that a rename replaces is silently lost), and no lock file is left
//! for git to see. The lock is held from before the workspace is read until the
//! last file is written, so changes serialise; a second one waits up to
//! `--lock-timeout` seconds, then exits 6.

use crate::error::{Error, Kind, Result};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The exclusive lock on a workspace folder; released when dropped.
#[derive(Debug)]
pub struct Lock {
    _dir: File,
}

impl Lock {
    pub fn acquire(root: &Path, timeout: Duration) -> Result<Lock> {
        let dir =
            File::open(root).map_err(|e| Error::io(format!("cannot open `{}` to lock it", root.display()), &e))?;
        let start = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            match dir.try_lock() {
                Ok(()) => return Ok(Lock { _dir: dir }),
                Err(std::fs::TryLockError::WouldBlock) => {
                    if start.elapsed() >= timeout {
                        return Err(Error::new(
                            Kind::Environment,
                            "lock-timeout",
                            format!(
                                "another change held the workspace for more than {:.1} s; nothing was written",
                                timeout.as_secs_f64()
                            ),
                        )
                        .hint("run the command again, or give it longer with --lock-timeout SECONDS"));
                    }
                    std::thread::sleep(pause.min(timeout.saturating_sub(start.elapsed())));
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(Error::io(format!("cannot lock `{}`", root.display()), &e));
                }
            }
        }
    }
}

/// Removes the temporary files (`.roster-*.tmp`) that a change killed before
/// its rename left behind. Called under the lock: no other change is writing,
/// so every such file is a leftover.
pub fn sweep_leftovers(root: &Path) {
    for dir in [root.to_path_buf(), root.join(super::load::PROFILES_DIR)] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".roster-") && name.ends_with(".tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The new text of each changed file (`None`: the file is removed), by
/// workspace-relative name, with the text each had when it was read.
#[derive(Debug, Default)]
pub struct Writes {
    pub files: BTreeMap<String, (Option<String>, Option<String>)>,
}

impl Writes {
    /// Names in the order they are written (see the module doc).
    pub fn order(&self) -> Vec<&str> {
        let rank = |name: &str, (before, after): &(Option<String>, Option<String>)| match (before, after) {
            (None, Some(_)) => 0,
            (Some(_), Some(_)) if name == super::load::MEMBERS_FILE => 1,
            (Some(_), Some(_)) => 2,
            _ => 3,
        };
        let mut names: Vec<&str> = self.files.keys().map(String::as_str).collect();
        names.sort_by_key(|n| rank(n, &self.files[*n]));
        names
    }
}

/// Test hook: milliseconds to wait after the change is prepared and before the
/// files are compared with the disk and written, so that tests can edit a file
/// by hand, or kill the process, in that window. Unset in normal use.
pub const PAUSE_ENV: &str = "ROSTER_TEST_PAUSE_BEFORE_WRITE";

/// Writes every file of `writes` under `root`, refusing (exit 6) when one
/// changed on disk since it was read.
pub fn write_all(root: &Path, writes: &Writes) -> Result<()> {
    if let Some(ms) = std::env::var(PAUSE_ENV).ok().and_then(|v| v.parse::<u64>().ok()) {
        std::thread::sleep(Duration::from_millis(ms));
    }
    for (name, (before, _)) in &writes.files {
        let path = root.join(name);
        let now = match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(format!("cannot read `{name}`"), &e)),
        };
        if now != *before {
            return Err(Error::new(
                Kind::Environment,
                "changed-on-disk",
                format!("`{name}` changed on disk while the change was prepared; nothing was written"),
            )
            .hint("check the file (was it being edited by hand?), then run the command again"));
        }
    }
    for name in writes.order() {
        let path = root.join(name);
        match &writes.files[name].1 {
            Some(text) => write_atomic(&path, text.as_bytes())?,
            None => {
                std::fs::remove_file(&path).map_err(|e| Error::io(format!("cannot remove `{name}`"), &e))?;
                sync_dir(&path)?;
            }
        }
    }
    Ok(())
}

/// Replaces `path` with `bytes`: temporary file, fsync, rename, fsync of the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let shown = path.display();
    let mut tmp = tempfile::Builder::new()
        .prefix(".roster-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(format!("cannot create a temporary file beside `{shown}`"), &e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(format!("cannot write `{shown}`"), &e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the old file's mode: the temporary file is created 0600.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    } else {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(format!("cannot flush `{shown}` to disk"), &e))?;
    tmp.persist(path).map_err(|e| Error::io(format!("cannot replace `{shown}`"), &e.error))?;
    sync_dir(path)
}

fn sync_dir(path: &Path) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io(format!("cannot sync `{}`", dir.display()), &e))
}
