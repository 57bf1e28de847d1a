//! Mods: folders laid over the story. A mod has a `mod.ron` (its id,
//! names, version, the game version it was made for, the files it brings
//! and what it declares) and beside it scene files, a characters file, a
//! rooms file and pictures. A scene, character or room with the id of one
//! it is laid over replaces it; other ids add. Mods are data only, and
//! read nothing outside their folder.
//!
//! Mods are laid over the story one after another, in load order: a mod
//! whose files have errors, or that breaks the story, is left out with its
//! errors and the others are still laid on ([`compile_modded`]).

mod choices;
mod format;
mod layer;
mod read;
#[cfg(test)]
mod tests;

pub use choices::{CHOICES_FILE, ModChoices};
pub use format::{MOD_FILE, ModDef};
pub use layer::{ModReport, ModState, Modded, compile_modded};
#[cfg(feature = "game")]
pub(crate) use read::mod_folders;
pub use read::{ModFiles, find_mods, read_mod};
