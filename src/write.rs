//! The one place that writes output files: to disk atomically, or into memory.
//!
//! Every page, feed and copied file goes through [`Writer::write`], which refuses any path
//! that would leave the output folder. On disk the site is built in a hidden sibling folder
//! and swapped into place only when complete, so a failed or killed build leaves the
//! previous site exactly as it was.

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The file that marks a folder as Briefing's output, so it may be replaced.
pub const MARKER: &str = ".briefing-output";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output folder is one that must not be replaced.
    #[error("refusing to write the site into {path}: {reason}")]
    Refused {
        /// The output folder asked for.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
    /// A path that would leave the output folder.
    #[error("refusing to write `{0}`: the path leaves the output folder")]
    OutsideOutput(String),
    /// The file system said no.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        source: io::Error,
    },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Where output goes.
#[derive(Debug)]
enum Target {
    Disk {
        /// `<parent>/.<name>.briefing-new`: holds the new site while it is written.
        holder: PathBuf,
        /// The new site, a folder inside `holder`.
        staging: PathBuf,
        output: PathBuf,
        /// Folders already made, so each is made once rather than once per file.
        folders: Mutex<HashSet<PathBuf>>,
    },
    Memory(Mutex<BTreeMap<String, Vec<u8>>>),
}

/// Writes the files of one build. Shared by the parallel renderers (`&Writer` is `Sync`).
#[derive(Debug)]
pub struct Writer {
    target: Target,
}

impl Writer {
    /// Prepares a build into `output`: checks the folder is safe to replace, then starts an
    /// empty staging folder beside it. Nothing in `output` changes until [`Writer::finish`].
    pub fn to_disk(root: &Path, output: &Path, force: bool) -> Result<Writer, WriteError> {
        let output = check_output(root, output, force)?;
        let holder = sibling(&output, "briefing-new");
        remove_if_present(&holder)?;
        remove_if_present(&sibling(&output, "briefing-old"))?;
        std::fs::create_dir_all(&holder).map_err(io_error(&holder))?;
        spread_subfolders(&holder);
        // A name of its own for each build, so that the file system does not place it where
        // the previous site's files were just deleted (see `spread_subfolders`).
        let staging = holder.join(format!("site-{:016x}", nonce()));
        std::fs::create_dir(&staging).map_err(io_error(&staging))?;
        let writer = Writer {
            target: Target::Disk {
                holder,
                staging,
                output,
                folders: Mutex::new(HashSet::new()),
            },
        };
        writer.write(
            MARKER,
            b"This folder is written by `briefing build`; it is replaced on every build.\n",
        )?;
        Ok(writer)
    }

    /// A writer that keeps every file in memory (for the preview server and `check`).
    pub fn in_memory() -> Writer {
        Writer {
            target: Target::Memory(Mutex::new(BTreeMap::new())),
        }
    }

    /// Writes one file at `path`, relative to the output folder, `/`-separated.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        if !is_inside(path) {
            return Err(WriteError::OutsideOutput(path.to_string()));
        }
        match &self.target {
            Target::Disk {
                staging, folders, ..
            } => {
                let full = staging.join(path);
                if let Some(parent) = full.parent() {
                    let mut made = folders.lock().unwrap_or_else(|e| e.into_inner());
                    if !made.contains(parent) {
                        std::fs::create_dir_all(parent).map_err(io_error(parent))?;
                        made.insert(parent.to_path_buf());
                    }
                }
                std::fs::write(&full, bytes).map_err(io_error(&full))
            }
            Target::Memory(files) => {
                let mut files = files.lock().unwrap_or_else(|e| e.into_inner());
                files.insert(path.to_string(), bytes.to_vec());
                Ok(())
            }
        }
    }

    /// Makes the build visible: swaps the staging folder into place and removes the old site.
    pub fn finish(self) -> Result<Option<BTreeMap<String, Vec<u8>>>, WriteError> {
        match self.target {
            Target::Memory(files) => {
                Ok(Some(files.into_inner().unwrap_or_else(|e| e.into_inner())))
            }
            Target::Disk {
                holder,
                staging,
                output,
                ..
            } => {
                swap_into_place(&staging, &output)?;
                // The holder is empty now, or holds the previous site.
                remove_if_present(&holder)?;
                Ok(None)
            }
        }
    }

    /// Throws the unfinished build away; the previous output is untouched.
    pub fn abandon(self) {
        if let Target::Disk { holder, .. } = self.target {
            let _ = std::fs::remove_dir_all(holder);
        }
    }
}

/// A relative path made of ordinary names only.
fn is_inside(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && !path.contains(':')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// `<parent>/.<name>.<suffix>`: a hidden sibling on the same file system, so renames are atomic.
fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    output.with_file_name(format!(".{name}.{suffix}"))
}

fn remove_if_present(path: &Path) -> Result<(), WriteError> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io_error(path)(e)),
        _ => Ok(()),
    }
}

/// An absolute, clean form of `path` that exists or whose parent exists.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve symbolic links in the part that exists, so two spellings of one folder compare equal.
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// Refuses output folders whose replacement would lose the archive or other files.
fn check_output(root: &Path, output: &Path, force: bool) -> Result<PathBuf, WriteError> {
    let refuse = |reason: String| WriteError::Refused {
        path: output.to_path_buf(),
        reason,
    };
    let out = absolute(output).map_err(io_error(output))?;
    let root = absolute(root).map_err(io_error(root))?;
    if out.parent().is_none() || out.file_name().is_none() {
        return Err(refuse("it is the top of the file system".into()));
    }
    if root.starts_with(&out) {
        return Err(refuse(
            "it holds the archive itself; choose a folder of its own, such as site/".into(),
        ));
    }
    for name in ["content", "templates", "static", "data"] {
        if out.starts_with(root.join(name)) {
            return Err(refuse(format!(
                "it is inside the archive's {name}/ folder, which the build reads; choose a folder of its own, such as site/"
            )));
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(refuse("it is a file, not a folder".into()));
        }
        let mut entries = std::fs::read_dir(&out).map_err(io_error(&out))?;
        let empty = entries.next().is_none();
        if !empty && !out.join(MARKER).exists() && !force {
            return Err(refuse(format!(
                "it is not empty and is not a previous build's output (no {MARKER} file): its files would be deleted. Choose another folder, or pass --force to replace it"
            )));
        }
    }
    Ok(out)
}

/// Puts the finished staging folder at `output`. On Linux the two folders are exchanged in one
/// atomic step, so `output` is never missing, even for an instant; the previous site is then
/// at `staging`, for the caller to remove.
fn swap_into_place(staging: &Path, output: &Path) -> Result<(), WriteError> {
    if !output.exists() {
        return std::fs::rename(staging, output).map_err(io_error(output));
    }
    #[cfg(target_os = "linux")]
    {
        if exchange(staging, output).is_ok() {
            return Ok(());
        }
    }
    let old = sibling(output, "briefing-old");
    remove_if_present(&old)?;
    std::fs::rename(output, &old).map_err(io_error(output))?;
    if let Err(e) = std::fs::rename(staging, output) {
        let _ = std::fs::rename(&old, output);
        return Err(io_error(output)(e));
    }
    remove_if_present(&old)
}

/// A number that differs from build to build.
fn nonce() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(since) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(since.as_nanos());
    }
    hasher.finish()
}

/// Asks the file system to spread the folders made inside `folder` over its free space.
///
/// ext4 and ext2 place a new folder near its parent, and files in their folder's group of
/// blocks. On ext4 without a journal, creating a file then skips every inode freed in the
/// last minutes, scanning them one by one: right after a large site was deleted (a clean
/// build, or the previous build's output removed), creating the next 20,000 files costs
/// seconds of kernel time instead of a fraction of one. A folder marked as the top of a
/// hierarchy (`chattr +T`) has its subfolders placed in fresh block groups instead, away
/// from the freed inodes. Other file systems ignore the flag or refuse it; either is fine.
#[cfg(target_os = "linux")]
fn spread_subfolders(folder: &Path) {
    use std::os::fd::AsRawFd;
    const FS_TOPDIR_FL: libc::c_int = 0x0002_0000;
    let Ok(dir) = std::fs::File::open(folder) else {
        return;
    };
    let mut flags: libc::c_int = 0;
    // SAFETY: `dir` is an open descriptor for the call's duration, and the kernel reads and
    // writes one int through the pointer, which points at a live `c_int`.
    unsafe {
        if libc::ioctl(dir.as_raw_fd(), libc::FS_IOC_GETFLAGS, &mut flags) == 0 {
            flags |= FS_TOPDIR_FL;
            libc::ioctl(dir.as_raw_fd(), libc::FS_IOC_SETFLAGS, &flags);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn spread_subfolders(_folder: &Path) {}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_must_stay_inside() {
        assert!(is_inside("articles/a.html"));
        assert!(is_inside("index.html"));
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../x",
            "",
            "a\\..\\x",
            "C:/x",
            "./x/../../y",
        ] {
            assert!(!is_inside(bad), "{bad}");
        }
    }

    #[test]
    fn dangerous_outputs_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archive");
        std::fs::create_dir_all(root.join("content")).unwrap();
        for bad in [
            root.clone(),
            root.join("content"),
            root.join("content/x"),
            dir.path().to_path_buf(),
        ] {
            assert!(
                check_output(&root, &bad, true).is_err(),
                "{}",
                bad.display()
            );
        }
        let other = dir.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("keep.txt"), "x").unwrap();
        assert!(check_output(&root, &other, false).is_err());
        assert!(check_output(&root, &other, true).is_ok());
        assert!(check_output(&root, &root.join("site"), false).is_ok());
    }

    #[test]
    fn builds_are_swapped_in_whole() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archive");
        std::fs::create_dir_all(&root).unwrap();
        let out = root.join("site");
        let w = Writer::to_disk(&root, &out, false).unwrap();
        w.write("a/b.html", b"one").unwrap();
        assert!(w.write("../escape.html", b"x").is_err());
        w.finish().unwrap();
        assert_eq!(std::fs::read(out.join("a/b.html")).unwrap(), b"one");

        let w = Writer::to_disk(&root, &out, false).unwrap();
        w.write("c.html", b"two").unwrap();
        w.abandon();
        assert!(
            out.join("a/b.html").exists(),
            "an abandoned build leaves the old site"
        );

        let w = Writer::to_disk(&root, &out, false).unwrap();
        w.write("c.html", b"two").unwrap();
        w.finish().unwrap();
        assert!(
            !out.join("a/b.html").exists(),
            "files whose source is gone disappear"
        );
        assert!(out.join("c.html").exists());
        assert!(!dir.path().join("archive/.site.briefing-new").exists());
        assert_eq!(
            std::fs::read_dir(&root).unwrap().count(),
            1,
            "only site/ is left beside the archive"
        );
    }
}
