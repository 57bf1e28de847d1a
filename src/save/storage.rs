//! Where the player's files are kept: a folder on the desktop, written
//! atomically with the previous version kept; the page's `localStorage` in
//! the browser.

use std::io;
#[cfg(not(target_arch = "wasm32"))]
use std::io::Write;
#[cfg(all(test, not(target_arch = "wasm32")))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

/// A place for named text files.
#[derive(Clone, Debug)]
pub struct Storage {
    #[cfg(not(target_arch = "wasm32"))]
    dir: PathBuf,
    #[cfg(target_arch = "wasm32")]
    prefix: String,
}

/// The suffix of the previous version of a file.
#[cfg(not(target_arch = "wasm32"))]
const BACKUP: &str = ".bak";
/// The suffix of a file being written, before it replaces the old one.
#[cfg(not(target_arch = "wasm32"))]
const PARTIAL: &str = ".tmp";

#[cfg(not(target_arch = "wasm32"))]
impl Storage {
    /// The files in folder `dir` (made when first written).
    pub fn folder(dir: impl Into<PathBuf>) -> Storage {
        Storage { dir: dir.into() }
    }

    /// The game's data folder on this system: `$XDG_DATA_HOME/famulant`,
    /// else `~/.local/share/famulant` on Linux, and each other system's
    /// own place; none when the system names no home.
    pub fn data_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "famulant").map(|p| p.data_dir().to_owned())
    }

    /// The file `name`; none when there is none.
    pub fn read(&self, name: &str) -> io::Result<Option<String>> {
        match std::fs::read_to_string(self.path(name)) {
            Ok(text) => Ok(Some(text)),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Writes `text` as file `name`, so that it is either wholly the new
    /// text or, if the write is cut short, still the old: into a partial
    /// file, flushed to the disk ([`Storage::stage`]), which then replaces
    /// the old one ([`Storage::replace`]).
    pub fn write(&self, name: &str, text: &str) -> io::Result<()> {
        self.stage(name, text)?;
        self.replace(name)
    }

    /// Writes `text` into the partial file of `name`, flushed to the disk;
    /// file `name` itself is untouched.
    fn stage(&self, name: &str, text: &str) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut file = std::fs::File::create(self.path(&format!("{name}{PARTIAL}")))?;
        file.write_all(text.as_bytes())?;
        file.sync_all()
    }

    /// Puts the partial file of `name` in its place in one step, the old
    /// file kept beside it as `NAME.bak`.
    fn replace(&self, name: &str) -> io::Result<()> {
        let path = self.path(name);
        if path.is_file() {
            std::fs::copy(&path, self.path(&format!("{name}{BACKUP}")))?;
        }
        std::fs::rename(self.path(&format!("{name}{PARTIAL}")), &path)
    }

    /// Moves file `name` aside to a new name that says why, so that it is
    /// neither read again nor overwritten; returns where it went.
    pub fn set_aside(&self, name: &str, why: &str) -> io::Result<String> {
        let kept = (1..)
            .map(|n| format!("{name}.{why}-{n}"))
            .find(|kept| !self.path(kept).exists())
            .expect("some number is free");
        std::fs::rename(self.path(name), self.path(&kept))?;
        Ok(self.describe(&kept))
    }

    /// Where file `name` is, in words for the player.
    pub fn describe(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The folder.
    #[cfg(test)]
    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }
}

#[cfg(target_arch = "wasm32")]
impl Storage {
    /// The page's `localStorage`, each name under `prefix`.
    pub fn local_storage(prefix: &str) -> Storage {
        Storage {
            prefix: prefix.to_owned(),
        }
    }

    fn browser() -> io::Result<web_sys::Storage> {
        crate::web::local_storage()
            .ok_or_else(|| io::Error::other("the browser keeps no localStorage for this page"))
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The item `name`; none when there is none.
    pub fn read(&self, name: &str) -> io::Result<Option<String>> {
        Self::browser()?
            .get_item(&self.key(name))
            .map_err(|err| io::Error::other(format!("{err:?}")))
    }

    /// Stores `text` as item `name`: one item is written whole or not at
    /// all. No copy of the old one is kept: the browser gives a page about
    /// five million characters, too few for every slot twice.
    pub fn write(&self, name: &str, text: &str) -> io::Result<()> {
        Self::browser()?.set_item(&self.key(name), text).map_err(|err| {
            io::Error::other(format!(
                "the browser refused to store it (its storage for this page may be full): {err:?}"
            ))
        })
    }

    /// Moves item `name` aside to a new name that says why; returns where
    /// it went.
    pub fn set_aside(&self, name: &str, why: &str) -> io::Result<String> {
        let storage = Self::browser()?;
        let failed = |err| io::Error::other(format!("{err:?}"));
        let text = storage.get_item(&self.key(name)).map_err(failed)?;
        let kept = (1..)
            .map(|n| format!("{name}.{why}-{n}"))
            .find(|kept| storage.get_item(&self.key(kept)).ok().flatten().is_none())
            .expect("some number is free");
        storage
            .set_item(&self.key(&kept), &text.unwrap_or_default())
            .map_err(failed)?;
        storage.remove_item(&self.key(name)).map_err(failed)?;
        Ok(self.describe(&kept))
    }

    /// Where item `name` is, in words for the player.
    pub fn describe(&self, name: &str) -> String {
        format!("localStorage[{:?}]", self.key(name))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn scratch(name: &str) -> Storage {
        let dir = std::env::temp_dir().join(format!("famulant-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Storage::folder(dir)
    }

    #[test]
    fn a_file_is_replaced_whole_and_its_old_version_kept() {
        let storage = scratch("storage-write");
        assert_eq!(storage.read("a.ron").unwrap(), None);
        storage.write("a.ron", "first").unwrap();
        storage.write("a.ron", "second").unwrap();
        assert_eq!(storage.read("a.ron").unwrap().as_deref(), Some("second"));
        let backup = std::fs::read_to_string(storage.dir().join("a.ron.bak")).unwrap();
        assert_eq!(backup, "first");
        std::fs::remove_dir_all(storage.dir()).unwrap();
    }

    #[test]
    fn a_write_cut_short_before_the_rename_leaves_the_old_file() {
        let storage = scratch("storage-cut");
        storage.write("a.ron", "whole").unwrap();
        // A write that stops (the game killed, the power gone) after the
        // new text is on the disk but before it replaced the old.
        storage.stage("a.ron", "the new text").unwrap();
        assert_eq!(storage.read("a.ron").unwrap().as_deref(), Some("whole"));
        // The next write goes through.
        storage.write("a.ron", "new").unwrap();
        assert_eq!(storage.read("a.ron").unwrap().as_deref(), Some("new"));
        std::fs::remove_dir_all(storage.dir()).unwrap();
    }

    #[test]
    fn a_file_set_aside_is_kept_under_a_new_name() {
        let storage = scratch("storage-aside");
        storage.write("a.ron", "garbled").unwrap();
        let first = storage.set_aside("a.ron", "broken").unwrap();
        storage.write("a.ron", "garbled again").unwrap();
        let second = storage.set_aside("a.ron", "broken").unwrap();
        assert!(first.ends_with("a.ron.broken-1"), "{first}");
        assert!(second.ends_with("a.ron.broken-2"), "{second}");
        assert_eq!(storage.read("a.ron").unwrap(), None);
        assert_eq!(
            std::fs::read_to_string(storage.dir().join("a.ron.broken-1")).unwrap(),
            "garbled"
        );
        std::fs::remove_dir_all(storage.dir()).unwrap();
    }
}
