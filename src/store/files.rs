//! Which files roster opens, reads and replaces: regular files only, opened
//! without ever waiting, and in a workspace nothing reached through a link that
//! leads outside it, nor a file with other hard links.
//!
//! **Regular files only.** Opening a FIFO for reading waits for a writer, and a
//! device such as `/dev/zero` never ends: either would hang a command, and a
//! change would hang holding the workspace lock. So the type is checked before
//! the file is opened, the open itself does not wait (`O_NONBLOCK`, in case a
//! FIFO was put in its place meanwhile), and the type is checked again on what
//! was opened: whatever is read is a regular file, so it ends.
//!
//! **Links.** A symbolic link inside the workspace that leads to another file
//! of the workspace is followed: read through, and written through (the
//! temporary file goes beside the target, which the rename replaces; the link
//! stays a link). A link whose target lies outside the workspace (the file
//! itself, or a folder on its path such as `profiles/`) is refused for reading,
//! writing, creating and removing. A file with more than one hard link is
//! refused: where its other names are cannot be known (maybe outside the
//! workspace), and replacing it by a rename would cut them off unseen.

use std::fs::{File, FileType, Metadata, OpenOptions};
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

// `O_NONBLOCK` for open(2), per platform (the values of the libc crate, which
// roster does not depend on). Elsewhere 0: the checks before and after the
// open still refuse a FIFO, but a FIFO swapped in between could make it wait.
#[cfg(all(any(target_os = "linux", target_os = "android"), any(target_arch = "mips", target_arch = "mips64")))]
const O_NONBLOCK: i32 = 0x80;
#[cfg(all(any(target_os = "linux", target_os = "android"), any(target_arch = "sparc", target_arch = "sparc64")))]
const O_NONBLOCK: i32 = 0x4000;
#[cfg(all(
    any(target_os = "linux", target_os = "android"),
    not(any(target_arch = "mips", target_arch = "mips64", target_arch = "sparc", target_arch = "sparc64"))
))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
))]
const O_NONBLOCK: i32 = 0x0004;
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
)))]
const O_NONBLOCK: i32 = 0;

/// Why a file is not opened, read or replaced.
#[derive(Debug)]
pub enum Refusal {
    /// Nothing there; `link` is where a dangling link leads.
    Missing {
        link: Option<PathBuf>,
    },
    /// A FIFO, a device, a socket or a folder, in words.
    NotRegular(&'static str),
    /// The real path lies outside the workspace; `link`: the file itself is the
    /// link (else a folder on its path is).
    Outside {
        real: PathBuf,
        link: bool,
    },
    /// The file has this many hard links.
    HardLinked(u64),
    Io(std::io::Error),
}

impl Refusal {
    /// What is wrong with the file shown as `name`; `doing` is "read",
    /// "replace"... for an I/O error.
    pub fn message(&self, name: &str, doing: &str) -> String {
        match self {
            Refusal::Missing { link: None } => format!("`{name}` is missing"),
            Refusal::Missing { link: Some(to) } => {
                format!("`{name}` is a link to `{}`, which does not exist", to.display())
            }
            Refusal::NotRegular("a folder") => format!("`{name}` is a folder, not a file"),
            Refusal::NotRegular(what) => format!("`{name}` is {what}, not a regular file"),
            Refusal::Outside { real, link: true } => {
                format!("`{name}` is a link to `{}`, outside the workspace", real.display())
            }
            Refusal::Outside { real, link: false } => {
                format!("`{name}` leads outside the workspace, to `{}`: a folder on its path is a link", real.display())
            }
            Refusal::HardLinked(n) => format!(
                "`{name}` has {n} hard links: its other names may lie anywhere, even outside the workspace, and \
                 replacing it would cut them off unseen"
            ),
            Refusal::Io(e) => format!("cannot {doing} `{name}`: {e}"),
        }
    }

    /// What to do about it.
    pub fn hint(&self, name: &str) -> String {
        match self {
            Refusal::Missing { link: None } => {
                format!("create `{name}`; `roster init` writes a complete workspace to start from")
            }
            Refusal::Missing { link: Some(_) } => {
                "point the link at an existing file, or replace it with the file".into()
            }
            Refusal::NotRegular("a folder") => "replace the folder with a TOML file".into(),
            Refusal::NotRegular(_) => {
                "replace it with a regular file: roster reads and writes regular files only, never a FIFO, a \
                 device or a socket"
                    .into()
            }
            Refusal::Outside { .. } => "copy the file into the workspace instead of linking to it".into(),
            Refusal::HardLinked(_) => {
                format!("give the file a name of its own: `cp {name} {name}.new && mv {name}.new {name}`")
            }
            Refusal::Io(_) => "check the file's permissions".into(),
        }
    }
}

impl From<std::io::Error> for Refusal {
    fn from(e: std::io::Error) -> Refusal {
        Refusal::Io(e)
    }
}

/// A file type in words, or `None` for a regular file.
fn irregular(t: FileType) -> Option<&'static str> {
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a folder")
    } else if t.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

fn regular(meta: &Metadata) -> Result<(), Refusal> {
    irregular(meta.file_type()).map_or(Ok(()), |what| Err(Refusal::NotRegular(what)))
}

/// `NotFound` becomes [`Refusal::Missing`], naming where a dangling link leads.
fn not_found(path: &Path, e: std::io::Error) -> Refusal {
    if e.kind() != std::io::ErrorKind::NotFound {
        return Refusal::Io(e);
    }
    let link = std::fs::symlink_metadata(path)
        .is_ok_and(|m| m.file_type().is_symlink())
        .then(|| std::fs::read_link(path).ok())
        .flatten();
    Refusal::Missing { link }
}

/// Opens a regular file for reading, without ever waiting (see the module
/// doc). Any path: an import file, or a workspace file through [`open_in`].
pub fn open_regular(path: &Path) -> Result<(File, Metadata), Refusal> {
    regular(&std::fs::metadata(path).map_err(|e| not_found(path, e))?)?;
    let file = OpenOptions::new().read(true).custom_flags(O_NONBLOCK).open(path).map_err(|e| not_found(path, e))?;
    let meta = file.metadata()?;
    regular(&meta)?;
    Ok((file, meta))
}

/// Reads a regular file whole (see [`open_regular`]).
pub fn read_regular(path: &Path) -> Result<Vec<u8>, Refusal> {
    let (mut file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The real path of `path` when it lies inside `root` (a real path).
fn inside(root: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    let real = path.canonicalize().map_err(|e| not_found(path, e))?;
    if real.starts_with(root) {
        Ok(real)
    } else {
        let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        Err(Refusal::Outside { real, link })
    }
}

/// Whether the folder `dir` lies inside `root` (both taken to their real
/// paths): the folders the leftover sweep may clean.
pub fn folder_inside(root: &Path, dir: &Path) -> bool {
    let (Ok(root), Ok(dir)) = (root.canonicalize(), dir.canonicalize()) else { return false };
    dir.starts_with(root) && dir.is_dir()
}

/// Reads the workspace file `path` of the workspace at `root` (a real path):
/// a regular file inside the workspace, with one link. Returns the text's
/// bytes and the file's real path.
pub fn read_in(root: &Path, path: &Path) -> Result<(Vec<u8>, PathBuf), Refusal> {
    let real = inside(root, path)?;
    let (mut file, meta) = open_regular(&real)?;
    if meta.nlink() > 1 {
        return Err(Refusal::HardLinked(meta.nlink()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes)?;
    Ok((bytes, real))
}

/// Where a new text of the workspace file `path` is written: the file itself,
/// or, when `path` is a link inside the workspace, the file it leads to. It
/// must be a regular file with one link, or not exist yet in a folder inside
/// the workspace at `root`.
pub fn write_target(root: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    let root = root.canonicalize()?;
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => new_file(&root, path),
        Err(e) => Err(Refusal::Io(e)),
        Ok(_) => {
            let real = inside(&root, path)?;
            let meta = std::fs::metadata(&real)?;
            regular(&meta)?;
            if meta.nlink() > 1 {
                return Err(Refusal::HardLinked(meta.nlink()));
            }
            Ok(real)
        }
    }
}

/// Where the workspace file `path` is removed: the name itself (a link is
/// removed, never what it leads to), in a folder inside the workspace.
pub fn remove_target(root: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    new_file(&root.canonicalize()?, path)
}

/// `path` in the real path of its folder, which must lie inside `root`.
fn new_file(root: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    let (Some(dir), Some(file_name)) = (path.parent(), path.file_name()) else {
        return Err(Refusal::NotRegular("a folder"));
    };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    match inside(root, dir) {
        Ok(real) => Ok(real.join(file_name)),
        // The file is not a link: the folder it would be in is.
        Err(Refusal::Outside { real, .. }) => Err(Refusal::Outside { real: real.join(file_name), link: false }),
        Err(r) => Err(r),
    }
}

/// Where a new text of `path`, a file named by the user outside any workspace
/// (`export -o`), is written: the file, or what a link leads to; it must be
/// a regular file when it exists.
pub fn write_target_anywhere(path: &Path) -> Result<PathBuf, Refusal> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(path.to_path_buf()),
        Err(e) => Err(Refusal::Io(e)),
        Ok(meta) if meta.file_type().is_symlink() => {
            let real = path.canonicalize().map_err(|e| not_found(path, e))?;
            regular(&std::fs::metadata(&real)?)?;
            Ok(real)
        }
        Ok(meta) => regular(&meta).map(|()| path.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let root = dir.path().canonicalize().unwrap();
        assert!(matches!(read_regular(&fifo), Err(Refusal::NotRegular("a FIFO (named pipe)"))));
        assert!(matches!(read_in(&root, &fifo), Err(Refusal::NotRegular(_))));
        assert!(matches!(write_target(&root, &fifo), Err(Refusal::NotRegular(_))));
        assert!(matches!(write_target_anywhere(&fifo), Err(Refusal::NotRegular(_))));
    }

    #[test]
    fn links_inside_are_followed_and_links_outside_refused() {
        let ws = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let root = ws.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("data")).unwrap();
        std::fs::write(root.join("data/m.toml"), "a").unwrap();
        std::fs::write(out.path().join("x.toml"), "secret").unwrap();
        std::os::unix::fs::symlink("data/m.toml", root.join("m.toml")).unwrap();
        std::os::unix::fs::symlink(out.path().join("x.toml"), root.join("x.toml")).unwrap();
        std::os::unix::fs::symlink(out.path(), root.join("profiles")).unwrap();
        std::os::unix::fs::symlink("nowhere", root.join("dangling.toml")).unwrap();
        assert_eq!(read_in(&root, &root.join("m.toml")).unwrap().0, b"a");
        assert_eq!(write_target(&root, &root.join("m.toml")).unwrap(), root.join("data/m.toml"));
        assert!(matches!(read_in(&root, &root.join("x.toml")), Err(Refusal::Outside { link: true, .. })));
        assert!(matches!(write_target(&root, &root.join("x.toml")), Err(Refusal::Outside { link: true, .. })));
        let new_profile = root.join("profiles/new.toml");
        assert!(matches!(write_target(&root, &new_profile), Err(Refusal::Outside { link: false, .. })));
        assert!(matches!(remove_target(&root, &root.join("profiles/x.toml")), Err(Refusal::Outside { .. })));
        assert_eq!(remove_target(&root, &root.join("m.toml")).unwrap(), root.join("m.toml"));
        assert!(matches!(read_in(&root, &root.join("dangling.toml")), Err(Refusal::Missing { link: Some(_) })));
        assert!(matches!(write_target(&root, &root.join("dangling.toml")), Err(Refusal::Missing { link: Some(_) })));
        assert!(!folder_inside(&root, &root.join("profiles")));
        assert!(folder_inside(&root, &root.join("data")));
    }

    #[test]
    fn a_file_with_two_hard_links_is_refused() {
        let ws = tempfile::tempdir().unwrap();
        let root = ws.path().canonicalize().unwrap();
        std::fs::write(root.join("a.toml"), "a").unwrap();
        std::fs::hard_link(root.join("a.toml"), root.join("b.toml")).unwrap();
        assert!(matches!(read_in(&root, &root.join("a.toml")), Err(Refusal::HardLinked(2))));
        assert!(matches!(write_target(&root, &root.join("b.toml")), Err(Refusal::HardLinked(2))));
        assert_eq!(read_regular(&root.join("a.toml")).unwrap(), b"a");
    }
}
