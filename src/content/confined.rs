//! The `scenes://` asset source on the desktop: every file the game reads
//! of a story (its manifest, scenes, characters, rooms, review and
//! pictures, and again on every hot reload) goes through
//! [`read_bytes_inside`], so a name or link that leads out of the folder,
//! a device or pipe, or a file over its size limit is refused before more
//! than the limit is read. Changes are watched as Bevy's own file source
//! watches them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::asset::io::{
    AssetReader, AssetReaderError, AssetSource, AssetSourceBuilder, PathStream, Reader, VecReader,
};

use super::limits::read_bytes_inside;

/// The source reading the story in `dir`.
pub fn source(dir: &Path) -> AssetSourceBuilder {
    let root = dir.to_path_buf();
    let watched = dir.to_string_lossy().into_owned();
    AssetSourceBuilder::new(move || Box::new(ConfinedReader { root: root.clone() }))
        .with_watcher(AssetSource::get_default_watcher(
            watched,
            Duration::from_millis(300),
        ))
        .with_watch_warning(AssetSource::get_default_watch_warning())
}

/// Reads the files of the folder `root`, and nothing else.
struct ConfinedReader {
    root: PathBuf,
}

impl ConfinedReader {
    /// The file at `path` (relative to the folder), whole, or why not.
    fn bytes(&self, path: &Path) -> Result<Vec<u8>, AssetReaderError> {
        let name: Vec<String> = (path.components())
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        read_bytes_inside(&self.root, &name.join("/")).map_err(|err| match err.kind() {
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
