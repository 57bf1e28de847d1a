//! Saving and loading in the game: its messages, its system sets, and
//! where the player's files are kept. The autosave and saves on request are
//! in `saving`, loads and imports in `loading`, the record of lines read in
//! `reading_record`. Without a [`Saves`] resource (tests that do not ask
//! for one) nothing is saved; without [`SeenLines`], nothing is remembered.

use bevy::prelude::*;

use super::found::Found;
use super::seen::SeenLines;
use super::shelf::{Saves, Slot};
use super::storage::Storage;
use super::thumbnail::Thumbnail;
use super::{found_record, loading, reading_record, saving};
use crate::content::NodeRef;
use crate::story::{BeatId, StorySystems};

/// Play the chapter of this scene from where a game first entered it
/// (chapter select).
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct PlayChapter(pub String);

/// Save the game being played into this slot.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveTo(pub Slot);

/// Load the game in this slot and play it.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadFrom(pub Slot);

/// Go on: with the game in progress, else with the newest save (the title
/// screen's Continue).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContinueGame;

/// Store an exported save (its text) in this slot.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct ImportSave {
    /// Where to.
    pub slot: Slot,
    /// The file's text.
    pub text: String,
}

/// Offer the save in this slot as a file to download (in the browser,
/// where saves otherwise live inside the page's storage).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportSave(pub Slot);

/// Let the player pick a save file to import into the first empty
/// numbered slot (in the browser).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PickSaveFile;

/// What became of a save or a load, for the player. The autosave, which
/// nobody asked for, is not told.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum SaveNews {
    /// The game was saved (not into the autosave).
    Saved(Slot),
    /// A game was loaded.
    Loaded(Slot),
    /// The loaded game was saved where the scenes have changed since: it
    /// goes on from the start of its scene.
    Moved(NodeRef),
    /// A save that could not be read was moved aside, kept, here.
    SetAside(String),
    /// Saving or loading failed, and why.
    Failed(String),
}

/// The latest small picture of the screen, for the next save, and the beat
/// it shows.
#[derive(Resource, Default)]
pub struct ScreenThumbnail(pub Option<(BeatId, Thumbnail)>);

/// Present when pictures of the screen are taken for each beat (a window
/// is drawn): a save then waits a moment for its beat's picture.
#[derive(Resource)]
pub struct ThumbnailsTaken;

/// Saving and loading, each frame after the story announced its beat.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SaveSystems {
    /// Loads asked for take effect before the story takes input.
    Load,
    /// The game is saved as it is shown.
    Save,
}

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<SaveTo>()
        .add_message::<LoadFrom>()
        .add_message::<ImportSave>()
        .add_message::<SaveNews>()
        .add_message::<ExportSave>()
        .add_message::<PickSaveFile>()
        .add_message::<ContinueGame>()
        .add_message::<PlayChapter>()
        .init_resource::<ScreenThumbnail>()
        .configure_sets(
            Update,
            (
                SaveSystems::Load
                    .after(StorySystems::Begin)
                    .before(StorySystems::Input),
                SaveSystems::Save.after(StorySystems::Announce),
            ),
        )
        .add_plugins((
            loading::plugin,
            saving::plugin,
            reading_record::plugin,
            found_record::plugin,
        ));
    // Saves exported as downloads and imported from files.
    #[cfg(target_arch = "wasm32")]
    app.add_plugins(super::browser::plugin);
}

/// Where the player's saves and record of lines read are kept: the data
/// folder on the desktop, `localStorage` in the browser. None when the
/// system has no place for them.
pub fn default_storage() -> Option<(Storage, Storage)> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let data = Storage::data_dir()?;
        Some((Storage::folder(data.join("saves")), Storage::folder(data)))
    }
    #[cfg(target_arch = "wasm32")]
    {
        crate::web::local_storage()?;
        Some((
            Storage::local_storage("famulant.save."),
            Storage::local_storage("famulant."),
        ))
    }
}

/// Opens the saves and the record of lines read in the default storage
/// (see [`default_storage`]) as resources of `app`.
pub fn open_default_storage(app: &mut App) {
    let Some((saves, data)) = default_storage() else {
        warn!("this system has no folder for saves: nothing will be saved");
        return;
    };
    let (seen, problem) = SeenLines::open(data.clone());
    let (found, found_problem) = Found::open(data);
    for problem in [problem, found_problem].into_iter().flatten() {
        warn!("{problem}");
    }
    app.insert_resource(Saves::open(saves))
        .insert_resource(seen)
        .insert_resource(found);
}
