//! What a player keeps between games: saved games in slots, and the record
//! of lines read for skipping. All of it is plain data over a [`Storage`]
//! (a folder on the desktop, `localStorage` in the browser); with the
//! `game` feature, the plugin autosaves, saves and loads on request, and
//! keeps the record.

#[cfg(all(feature = "game", target_arch = "wasm32"))]
mod browser;
#[cfg(feature = "game")]
mod capture;
mod file;
mod found;
#[cfg(feature = "game")]
mod found_record;
#[cfg(feature = "game")]
mod loading;
#[cfg(feature = "game")]
mod plugin;
#[cfg(feature = "game")]
mod reading_record;
mod record;
#[cfg(feature = "game")]
mod saving;
mod seen;
mod shelf;
mod storage;
mod thumbnail;

#[cfg(feature = "game")]
pub(crate) use capture::plugin as capture_plugin;
pub use file::{SAVE_VERSION, SaveFile, SaveInfo, Unreadable};
pub use found::Found;
#[cfg(feature = "game")]
pub(crate) use plugin::plugin;
#[cfg(feature = "game")]
pub use plugin::{
    ContinueGame, ExportSave, ImportSave, LoadFrom, PickSaveFile, PlayChapter, SaveNews,
    SaveSystems, SaveTo, ScreenThumbnail, ThumbnailsTaken, default_storage, open_default_storage,
};
pub use seen::SeenLines;
pub use shelf::{LoadError, NUMBERED_SLOTS, Saves, Slot, SlotState};
pub use storage::Storage;
pub use thumbnail::{THUMBNAIL_SIZE, Thumbnail};
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
