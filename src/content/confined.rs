//! The game's asset sources on the desktop (`scenes://`, `assets://` and
//! each mods folder's): every file the game reads of a story or a mod (and
//! again on every hot reload) goes through [`read_bytes_inside`], so a name
//! or link that leads out of the folder (for a mods folder: out of the
//! mod's own folder), a device or pipe, or a file over its size limit is
//! refused before more than the limit is read. Changes are watched as
//! Bevy's own file source watches them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::asset::io::{
    AssetReader, AssetReaderError, AssetSource, AssetSourceBuilder, PathStream, Reader, VecReader,
};

use super::limits::{outside_folder, read_bytes_inside};

/// What a source's files are kept inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confine {
    /// The source's folder.
    Folder,
    /// The folder in the source's folder that a path begins with: each mod
    /// of a mods folder reads only its own files.
    EachFolder,
}

/// The source reading the files in `dir`, kept inside as `confine` says.
pub fn source(dir: &Path, confine: Confine) -> AssetSourceBuilder {
    let root = dir.to_path_buf();
    let watched = dir.to_string_lossy().into_owned();
    AssetSourceBuilder::new(move || {
        Box::new(ConfinedReader {
            root: root.clone(),
            confine,
        })
    })
    .with_watcher(AssetSource::get_default_watcher(
        watched,
        Duration::from_millis(300),
    ))
    .with_watch_warning(AssetSource::get_default_watch_warning())
}

/// Reads the files of the folder `root`, and nothing else.
struct ConfinedReader {
    root: PathBuf,
    confine: Confine,
}

impl ConfinedReader {
    /// The file at `path` (relative to the folder), whole, or why not.
    fn bytes(&self, path: &Path) -> Result<Vec<u8>, AssetReaderError> {
        let name: Vec<String> = (path.components())
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        let whole = name.join("/");
        let read = match (self.confine, name.split_first()) {
            _ if outside_folder(&whole).is_some() => read_bytes_inside(&self.root, &whole),
            (Confine::EachFolder, Some((folder, rest))) if !rest.is_empty() => {
                read_bytes_inside(&self.root.join(folder), &rest.join("/"))
            }
            (Confine::EachFolder, _) => Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "a mods folder's files are read only inside a mod's folder",
            )),
            (Confine::Folder, _) => read_bytes_inside(&self.root, &whole),
        };
        read.map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => AssetReaderError::NotFound(path.to_path_buf()),
            _ => AssetReaderError::Io(Arc::new(err)),
        })
    }
}

impl AssetReader for ConfinedReader {
    async fn read<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        self.bytes(path).map(VecReader::new)
    }

    /// Stories have no `.meta` files: their loaders take no settings.
    async fn read_meta<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        Err::<VecReader, _>(AssetReaderError::NotFound(path.to_path_buf()))
    }

    /// A story's files are named, never listed.
    async fn read_directory<'a>(
        &'a self,
        path: &'a Path,
    ) -> Result<Box<PathStream>, AssetReaderError> {
        Err(AssetReaderError::NotFound(path.to_path_buf()))
    }

    async fn is_directory<'a>(&'a self, _path: &'a Path) -> Result<bool, AssetReaderError> {
        Ok(false)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn each_mod_reads_only_its_own_folder() {
        let root = std::env::temp_dir().join(format!("famulant-confined-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for folder in ["a", "b"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
            std::fs::write(root.join(folder).join("x.ron"), folder).unwrap();
        }
        std::fs::write(root.join("top.ron"), "top").unwrap();
        std::os::unix::fs::symlink(root.join("b/x.ron"), root.join("a/link.ron")).unwrap();
        let reader = |confine| ConfinedReader {
            root: root.clone(),
            confine,
        };
        let read = |confine, name: &str| reader(confine).bytes(Path::new(name)).ok();
        assert_eq!(read(Confine::EachFolder, "a/x.ron"), Some(b"a".to_vec()));
        for outside in ["a/link.ron", "top.ron", "a/../b/x.ron", "../a/x.ron"] {
            assert_eq!(read(Confine::EachFolder, outside), None, "{outside}");
        }
        assert_eq!(read(Confine::Folder, "a/link.ron"), Some(b"b".to_vec()));
        assert_eq!(read(Confine::Folder, "top.ron"), Some(b"top".to_vec()));
        std::fs::remove_dir_all(root).unwrap();
    }
}
