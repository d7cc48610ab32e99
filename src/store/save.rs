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
//! **Hand edits.** Before the first rename, every file the change read (not
//! only those it writes: `clients.toml`, `tests.toml`, a profile it only
//! validated against) is compared with the text the change read, byte for
//! byte, reading the disk in pieces; for a spliced file that text is rebuilt
//! from the new one and what undoes the splices ([`Old::Spliced`]), so no copy
//! of a large file is held for it. The set of files is compared too: a profile
//! or a `tests.toml` that appeared, or a file that vanished, refuses the
//! change. The temporary file of a large file may be written while the
//! change's last checks run ([`unsynced_in`]); a refused change drops it, and the
//! comparison still comes after it, just before the renames.
//!
//! A change that touches several files (a client removed from `clients.toml`
//! and from every member in `members.toml`) is atomic per file, and the files
//! are written in an order whose every prefix is a valid workspace: new files
//! first, then `members.toml`, then the other changed files, then removals. A
//! crash between two renames leaves a workspace that still passes `check`; a
//! write that fails between two renames says which files were written and
//! which were not.
//!
//! **Locking.** Concurrent changes take an exclusive advisory lock (`flock`) on
//! the workspace folder itself: a folder is never replaced by a rename (a lock
//! on a file that a rename replaces is silently lost), and no lock file is left
//! for git to see. The lock is held from before the workspace is read until the
//! last file is written, so changes serialise; a second one waits up to
//! `--lock-timeout` seconds, then exits 6.
//!
//! **Where files go.** Before the first rename, every file's target is
//! resolved by [`super::files`]: a link inside the workspace is written
//! through (the temporary file beside its target), while a link or folder
//! leading outside, a FIFO, a device or a file with other hard links is
//! refused with nothing written. The leftover sweep keeps inside the
//! workspace too, and `--dry-run` never runs it.

use super::files::Refusal;
use crate::error::{Error, Kind, Result};
use crate::source::{Undo, undone};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Write as _};
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
/// its rename left behind. Called under the lock, and never for `--dry-run`:
/// no other change is writing, so every such file is a leftover. Only regular
/// files are removed, and only in the workspace folder and a `profiles/`
/// folder whose real path lies inside the workspace: a `profiles/` link that
/// leads elsewhere is not cleaned (SPEC §6, nothing deleted outside).
pub fn sweep_leftovers(root: &Path) {
    for dir in [root.to_path_buf(), root.join(super::load::PROFILES_DIR), root.join(crate::review::DIR)] {
        if !super::files::folder_inside(root, &dir) {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".roster-") && name.ends_with(".tmp") && e.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// A file's text as the change read it, which the disk must still hold when
/// the change is written.
#[derive(Debug)]
pub enum Old<'a> {
    /// The file did not exist.
    Missing,
    Text(Cow<'a, str>),
    /// The new text with the change's splices undone: the old text of a large
    /// file, without a second copy of it.
    Spliced {
        new: &'a str,
        undo: &'a [Undo],
    },
}

impl Old<'_> {
    /// The old text, whole (for a diff).
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Old::Missing => None,
            Old::Text(t) => Some(Cow::Borrowed(t)),
            Old::Spliced { new, undo } => Some(Cow::Owned(undone(new, undo).collect())),
        }
    }

    /// Whether `path` holds this text, read in pieces.
    fn on_disk(&self, path: &Path) -> std::io::Result<bool> {
        // Opened as the loader opens it: a FIFO put in its place meanwhile
        // is an error, never a wait under the lock.
        let file = match super::files::open_regular(path) {
            Ok((f, _)) => f,
            Err(Refusal::Missing { .. }) => return Ok(matches!(self, Old::Missing)),
            Err(Refusal::Io(e)) => return Err(e),
            Err(Refusal::NotRegular(what)) => {
                return Err(std::io::Error::other(format!("it is {what}, not a regular file")));
            }
            Err(r) => return Err(std::io::Error::other(r.message(&path.display().to_string(), "read"))),
        };
        let pieces: Box<dyn Iterator<Item = &str>> = match self {
            Old::Missing => return Ok(false),
            Old::Text(t) => Box::new(std::iter::once(t.as_ref())),
            Old::Spliced { new, undo } => Box::new(undone(new, undo)),
        };
        let mut disk = BufReader::with_capacity(1 << 18, file);
        for piece in pieces {
            let mut rest = piece.as_bytes();
            while !rest.is_empty() {
                let buf = disk.fill_buf()?;
                let n = buf.len().min(rest.len());
                if n == 0 || buf[..n] != rest[..n] {
                    return Ok(false);
                }
                rest = &rest[n..];
                disk.consume(n);
            }
        }
        Ok(disk.fill_buf()?.is_empty())
    }
}

/// One changed file: its text as read, and its new text (`None`: removed).
#[derive(Debug)]
pub struct Write<'a> {
    pub old: Old<'a>,
    pub new: Option<&'a str>,
}

/// The changed files, by workspace-relative name.
#[derive(Debug, Default)]
pub struct Writes<'a> {
    pub files: BTreeMap<String, Write<'a>>,
}

impl Writes<'_> {
    /// Names in the order they are written (see the module doc).
    pub fn order(&self) -> Vec<&str> {
        let rank = |name: &str, w: &Write| match (&w.old, w.new) {
            (Old::Missing, Some(_)) => 0,
            (_, Some(_)) if name == super::load::MEMBERS_FILE => 1,
            (_, Some(_)) => 2,
            _ => 3,
        };
        let mut names: Vec<&str> = self.files.keys().map(String::as_str).collect();
        names.sort_by_key(|n| rank(n, &self.files[*n]));
        names
    }
}

/// Test hook: what to wait for after the change is prepared and before the
/// files are compared with the disk and written, so that tests can edit a file
/// by hand, or kill the process, in that window. A number waits that many
/// milliseconds; anything else is a path: the change creates that file, then
/// waits (a minute at most) until the test removes it, which orders the test's
/// edit before the comparison without guessing a delay. Unset in normal use.
pub const PAUSE_ENV: &str = "ROSTER_TEST_PAUSE_BEFORE_WRITE";

fn pause_for_tests() {
    let Some(value) = std::env::var_os(PAUSE_ENV) else { return };
    if let Some(ms) = value.to_str().and_then(|v| v.parse::<u64>().ok()) {
        std::thread::sleep(Duration::from_millis(ms));
        return;
    }
    let gate = Path::new(&value);
    if std::fs::write(gate, b"").is_ok() {
        let start = Instant::now();
        while gate.exists() && start.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Writes every file of `writes` under `root`, refusing (exit 6, nothing
/// written) when the workspace is not as the change read it: `read` holds
/// every file the change read, by workspace-relative name, with its text as
/// read (for a file it writes, `writes` holds that text instead). Each of them
/// must still hold that text, and the workspace no other file that a load
/// reads (a new profile, a new `tests.toml`): the change was validated, and
/// held to the tests, against exactly those files. `prepared` holds the files
/// whose new text is already in a temporary file (see [`unsynced_in`]).
///
/// When a write fails half-way, the error names the files already written and
/// those not written; written in [`Writes::order`], those written leave a
/// valid workspace.
pub fn write_all(
    root: &Path,
    writes: &Writes,
    read: &[(&str, &str)],
    mut prepared: BTreeMap<String, Prepared>,
) -> Result<()> {
    pause_for_tests();
    let changed = |name: &str, how: &str| {
        Error::new(
            Kind::Environment,
            "changed-on-disk",
            format!("`{name}` {how} on disk while the change was prepared; nothing was written"),
        )
        .hint("check the file (was it being edited by hand?), then run the command again")
    };
    // The set of files first: a file that appeared was never read, and one
    // that vanished is better named as such than as "changed".
    let now: BTreeSet<String> = super::load::file_names(root).into_iter().collect();
    let then: BTreeSet<&str> = read.iter().map(|(name, _)| *name).collect();
    if let Some(name) = now.iter().find(|n| !then.contains(n.as_str())) {
        return Err(changed(name, "appeared"));
    }
    if let Some(name) = then.iter().find(|n| !now.contains(**n)) {
        return Err(changed(name, "vanished"));
    }
    let compare = |name: &str, old: &Old| {
        let same = old.on_disk(&root.join(name)).map_err(|e| Error::io(format!("cannot read `{name}`"), &e))?;
        if same { Ok(()) } else { Err(changed(name, "changed")) }
    };
    // Every file read, compared with the disk: on every core when they are
    // large (`members.toml` of 100,000 members is 16 MB); the first that
    // changed, in this order, is the one named.
    let only_read: Vec<(&str, Old)> = read
        .iter()
        .filter(|(name, _)| !writes.files.contains_key(*name))
        .map(|&(name, text)| (name, Old::Text(Cow::Borrowed(text))))
        .collect();
    let all: Vec<(&str, &Old)> = writes
        .files
        .iter()
        .map(|(name, w)| (name.as_str(), &w.old))
        .chain(only_read.iter().map(|(name, old)| (*name, old)))
        .collect();
    let size: usize = read.iter().map(|(_, text)| text.len()).sum();
    let threads = if size > 1 << 20 { crate::parallel::threads() } else { 1 };
    for result in crate::parallel::map(&all, threads, |&(name, old)| compare(name, old)) {
        result?;
    }
    // A new file in a folder the workspace does not have yet (the first
    // review campaign, `reviews/`): the folder, one level, inside the
    // workspace (its real path is checked with the file's below).
    for (name, w) in &writes.files {
        if let (Old::Missing, Some(_), Some(dir)) = (&w.old, w.new, Path::new(name).parent())
            && !dir.as_os_str().is_empty()
            && std::fs::symlink_metadata(root.join(dir)).is_err()
        {
            std::fs::create_dir(root.join(dir))
                .map_err(|e| Error::io(format!("cannot create `{}`", dir.display()), &e))?;
        }
    }
    // Where each file goes, all checked before the first rename: a link
    // inside the workspace is written through, anything else refused.
    let mut targets = BTreeMap::new();
    for (name, w) in &writes.files {
        let path = root.join(name);
        let target = match w.new {
            Some(_) => super::files::write_target(root, &path),
            None => super::files::remove_target(root, &path),
        };
        let target = target.map_err(|r| refused(name, &r, if w.new.is_some() { "replace" } else { "remove" }))?;
        targets.insert(name.as_str(), target);
    }
    let order = writes.order();
    for (i, &name) in order.iter().enumerate() {
        let path = &targets[name];
        let put = match writes.files[name].new {
            Some(text) => match prepared.remove(name) {
                Some(p) if p.path == *path => Ok(p),
                _ => prepare_at(path, text.as_bytes()),
            }
            .and_then(Prepared::rename),
            None => std::fs::remove_file(path).map_err(|e| Error::io(format!("cannot remove `{name}`"), &e)),
        };
        put.map_err(|e| half_written(e, &order[..i], &order[i..]))?;
        sync_dir(path).map_err(|e| half_written(e, &order[..=i], &order[i + 1..]))?;
    }
    Ok(())
}

/// A write that failed, with the files written before it and those not written.
pub fn half_written(e: Error, written: &[&str], not_written: &[&str]) -> Error {
    let list = |names: &[&str]| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    if written.is_empty() {
        return Error { message: format!("{}; nothing was written", e.message), ..e };
    }
    let message = if not_written.is_empty() {
        format!(
            "{}; every file was written ({}), but the last one's new name may not survive a crash",
            e.message,
            list(written)
        )
    } else {
        format!(
            "{}; the change is half written: written {}, not written {}",
            e.message,
            list(written),
            list(not_written)
        )
    };
    Error { message, ..e }.hint(
        "the files written leave a valid workspace (they are written in an order where every prefix is one); \
         fix the cause, then run the command again: it starts from the files as they now are",
    )
}

/// A file the change may not write, as an error (exit 6, nothing written).
fn refused(name: &str, r: &Refusal, doing: &str) -> Error {
    let message = format!("{}; nothing was written", r.message(name, doing));
    Error::new(Kind::Environment, "io", message).hint(r.hint(name))
}

/// Replaces `path`, a file named by the user (`export -o`), with `bytes`:
/// temporary file, fsync, rename, fsync of the folder. A link is written
/// through; a FIFO, a device or a folder is refused, never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// A file's new text in a temporary file beside it, flushed to disk, not yet
/// in place: dropped, the temporary file is removed.
#[derive(Debug)]
pub struct Prepared {
    tmp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

impl Prepared {
    /// Puts the file in place: rename, then fsync of the folder.
    pub fn persist(self) -> Result<()> {
        let path = self.path.clone();
        self.rename()?;
        sync_dir(&path)
    }

    /// The rename alone: the file is in place, its name not yet durable.
    fn rename(self) -> Result<()> {
        let shown = self.path.display().to_string();
        self.tmp.persist(&self.path).map_err(|e| Error::io(format!("cannot replace `{shown}`"), &e.error))?;
        Ok(())
    }
}

/// The temporary file for `path`, written and synced, not yet in place.
/// Writes the file at `path` as `write` writes it, atomically as
/// [`write_atomic`] does, without the whole text in memory first (a report
/// over 100,000 members is over 100 MB).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let shown = path.display().to_string();
    let target = super::files::write_target_anywhere(path).map_err(|r| refused(&shown, &r, "replace"))?;
    prepare_with(&target, write)?.persist()
}

fn prepare_at(path: &Path, bytes: &[u8]) -> Result<Prepared> {
    prepare_with(path, |w| w.write_all(bytes))
}

fn prepare_with(path: &Path, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<Prepared> {
    unsynced_with(path, write)?.sync()
}

/// A temporary file written and not yet synced: what it was written from is
/// no longer needed ([`Unsynced::sync`] makes it [`Prepared`]).
#[derive(Debug)]
pub struct Unsynced(Prepared);

impl Unsynced {
    pub fn sync(self) -> Result<Prepared> {
        let shown = self.0.path.display();
        self.0.tmp.as_file().sync_all().map_err(|e| Error::io(format!("cannot flush `{shown}` to disk"), &e))?;
        Ok(self.0)
    }
}

/// The first half of writing the workspace file `name`: its temporary file,
/// written as `write` writes it, beside the file it will replace (the target
/// of a link inside the workspace), not yet synced ([`Unsynced::sync`]). A
/// change writes a spliced file's while it sums up the state before, and
/// syncs it while its last checks run.
pub fn unsynced_in(
    root: &Path,
    name: &str,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<Unsynced> {
    let target = super::files::write_target(root, &root.join(name)).map_err(|r| refused(name, &r, "replace"))?;
    unsynced_with(&target, write)
}

fn unsynced_with(path: &Path, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<Unsynced> {
    let dir = parent_dir(path);
    let shown = path.display();
    let mut tmp = tempfile::Builder::new()
        .prefix(".roster-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(format!("cannot create a temporary file beside `{shown}`"), &e))?;
    let syncer = tmp.as_file().try_clone().ok();
    std::thread::scope(|scope| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, SyncAhead::new(tmp.as_file_mut(), syncer, scope));
        write(&mut out).and_then(|()| out.flush()).map_err(|e| Error::io(format!("cannot write `{shown}`"), &e))
    })?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the old file's mode: the temporary file is created 0600.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    } else {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    Ok(Unsynced(Prepared { tmp, path: path.to_path_buf() }))
}

/// Writes a file and, every [`SYNC_AHEAD`] bytes, has another thread flush
/// what is written so far to the disk, so that the sync that ends the write
/// finds little left to do: a 123 MB review report took 70 ms to sync at
/// the end, with the disk idle while it was being written.
struct SyncAhead<'f, 'scope> {
    file: &'f mut std::fs::File,
    /// A second handle on the file, until the thread that syncs takes it.
    handle: Option<std::fs::File>,
    scope: &'scope std::thread::Scope<'scope, 'f>,
    /// Tells that thread to sync again.
    again: Option<std::sync::mpsc::Sender<()>>,
    since: usize,
}

/// How many bytes [`SyncAhead`] writes between two syncs.
const SYNC_AHEAD: usize = 16 << 20;

impl<'f, 'scope> SyncAhead<'f, 'scope> {
    fn new(
        file: &'f mut std::fs::File,
        handle: Option<std::fs::File>,
        scope: &'scope std::thread::Scope<'scope, 'f>,
    ) -> SyncAhead<'f, 'scope> {
        SyncAhead { file, handle, scope, again: None, since: 0 }
    }
}

impl std::io::Write for SyncAhead<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.since += n;
        if self.since >= SYNC_AHEAD {
            self.since = 0;
            if let Some(handle) = self.handle.take() {
                let (tx, rx) = std::sync::mpsc::channel::<()>();
                // Errors are the final sync's to report.
                self.scope.spawn(move || {
                    while rx.recv().is_ok() {
                        let _ = handle.sync_data();
                    }
                });
                self.again = Some(tx);
            }
            if let Some(again) = &self.again {
                let _ = again.send(());
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// The folder that holds `path`: `.` for a bare file name, whose parent is
/// the empty path (which names no folder to open).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn sync_dir(path: &Path) -> Result<()> {
    let dir = parent_dir(path);
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io(format!("cannot sync `{}`", dir.display()), &e))
}

#[cfg(test)]
mod tests {
    use super::Old;
    use crate::source::Sources;

    /// The disk is compared with the old text of a spliced file, rebuilt in
    /// pieces: any byte changed, added or cut is a hand edit.
    #[test]
    fn the_disk_is_compared_with_the_text_as_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("members.toml");
        let old = "[members.a]\nname = \"A\"\n\n[members.b]\nname = \"B\"\n".repeat(3000);
        let mut sources = Sources::default();
        let id = sources.add("members.toml".into(), path.clone(), old.clone());
        let undo = sources.splice(id, &[(10, 11, "aaaa"), (old.len() - 3, old.len() - 2, "")]);
        let spliced = Old::Spliced { new: &sources.get(id).text, undo: &undo };
        let on_disk = |text: Option<&str>| {
            match text {
                Some(t) => std::fs::write(&path, t).unwrap(),
                None => std::fs::remove_file(&path).unwrap(),
            }
            (spliced.on_disk(&path).unwrap(), Old::Missing.on_disk(&path).unwrap())
        };
        assert_eq!(on_disk(Some(&old)), (true, false));
        let mut edited = old.clone().into_bytes();
        edited[70_000] = b'X';
        assert_eq!(on_disk(Some(std::str::from_utf8(&edited).unwrap())), (false, false));
        assert_eq!(on_disk(Some(&format!("{old}#"))), (false, false));
        assert_eq!(on_disk(Some(&old[..old.len() - 1])), (false, false));
        assert_eq!(on_disk(None), (false, true));
    }
}
