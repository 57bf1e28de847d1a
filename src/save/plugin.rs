//! Saving and loading in the game: the autosave at the start of every
//! scene and at every choice, saves and loads on request, and the record of
//! lines read. Without a [`Saves`] resource (tests that do not ask for one)
//! nothing is saved; without [`SeenLines`], nothing is remembered.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::file::SaveFile;
use super::seen::SeenLines;
use super::shelf::{Saves, Slot};
use super::storage::Storage;
use super::thumbnail::Thumbnail;
use crate::content::{NodeDef, NodeRef};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::{Story, StorySystems};

/// Save the game being played into this slot.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveTo(pub Slot);

/// Load the game in this slot and play it.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadFrom(pub Slot);

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

/// What became of a save or a load, for the player.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum SaveNews {
    /// The game was saved.
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
/// it shows (the game and the session's revision).
#[derive(Resource, Default)]
pub struct ScreenThumbnail(pub Option<((u64, u64), Thumbnail)>);

/// Present when pictures of the screen are taken for each beat (a window
/// is drawn): the autosave then waits a moment for its beat's picture.
#[derive(Resource)]
pub struct ThumbnailsTaken;

/// Seconds the autosave waits for the picture of its beat at most.
const PICTURE_WAIT: f32 = 3.0;

/// An autosave waiting for the picture of its beat: the save, the beat,
/// and since when it waits (real seconds).
#[derive(Resource, Default)]
struct PendingAutosave(Option<(SaveFile, (u64, u64), f32)>);

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
        .init_resource::<ScreenThumbnail>()
        .init_resource::<PendingAutosave>()
        .configure_sets(
            Update,
            (
                SaveSystems::Load
                    .after(StorySystems::Begin)
                    .before(StorySystems::Input),
                SaveSystems::Save.after(StorySystems::Announce),
            ),
        )
        .add_systems(Update, (load, import).chain().in_set(SaveSystems::Load))
        .add_systems(
            Update,
            (autosave, finish_autosave, save, remember_lines_read)
                .chain()
                .in_set(SaveSystems::Save),
        );
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
    let (seen, problem) = SeenLines::open(data);
    if let Some(problem) = problem {
        warn!("{problem}");
    }
    app.insert_resource(Saves::open(saves))
        .insert_resource(seen);
}

/// The local time now: seconds since 1970 (UTC) and the offset of local
/// time from UTC in seconds.
fn now() -> (i64, i32) {
    let now = chrono::Local::now();
    (now.timestamp(), now.offset().local_minus_utc())
}

/// What saving writes to: the slots, the game, the screen's picture, and
/// where to tell how it went.
#[derive(SystemParam)]
struct Shelf<'w> {
    saves: Option<ResMut<'w, Saves>>,
    story: Res<'w, Story>,
    thumbnail: Res<'w, ScreenThumbnail>,
    pictures_taken: Option<Res<'w, ThumbnailsTaken>>,
    pending: ResMut<'w, PendingAutosave>,
    time: Res<'w, Time<Real>>,
    news: MessageWriter<'w, SaveNews>,
}

impl Shelf<'_> {
    /// The game being played as saved now, with the latest picture; none
    /// without a game or a place to keep it, or when the game cannot go on.
    fn file(&self) -> Option<SaveFile> {
        let session = self.story.session()?;
        if self.saves.is_none() || self.story.fault().is_some() {
            return None;
        }
        let picture = self
            .thumbnail
            .0
            .as_ref()
            .map(|(_, picture)| picture.clone());
        Some(SaveFile::of(session, now(), picture))
    }

    /// The beat on screen: the game and the session's revision.
    fn beat(&self) -> Option<(u64, u64)> {
        let session = self.story.session()?;
        Some((self.story.game(), session.revision()))
    }

    /// Saves the game being played into `slot`; whether there was one to
    /// save and somewhere to keep it.
    fn save(&mut self, slot: Slot) -> bool {
        match self.file() {
            Some(file) => self.write(slot, &file),
            None => false,
        }
    }

    /// Writes `file` into `slot`; whether it was written.
    fn write(&mut self, slot: Slot, file: &SaveFile) -> bool {
        let Some(saves) = self.saves.as_mut() else {
            return false;
        };
        match saves.save(slot, file) {
            Ok(set_aside) => {
                if let Some(kept) = set_aside {
                    self.news.write(SaveNews::SetAside(kept));
                }
                true
            }
            Err(err) => {
                warn!("could not save the game into {slot:?}: {err}");
                self.news.write(SaveNews::Failed(err.to_string()));
                false
            }
        }
    }
}

/// Saves the game into the slots asked for.
fn save(mut requests: MessageReader<SaveTo>, mut shelf: Shelf) {
    for SaveTo(slot) in requests.read() {
        if shelf.save(*slot) {
            shelf.news.write(SaveNews::Saved(*slot));
        }
    }
}

/// What the autosave last saw: the game, its scene, and the choice shown.
#[derive(Default)]
struct Autosaved {
    game: u64,
    scene: String,
    choice: Option<(NodeRef, u32)>,
}

/// Saves into the autosave when the story enters a scene or shows a choice
/// (not when a game was just loaded: that would overwrite the autosave
/// with an older game).
fn autosave(mut last: Local<Autosaved>, mut shelf: Shelf) {
    let Some(session) = shelf.story.session() else {
        return;
    };
    let story = session.story();
    let at = &story.cursor;
    let choice = matches!(session.library().node(at), Some(NodeDef::Choice { .. }))
        .then(|| (at.clone(), story.visits_of(at)));
    let (game, new_scene) = (shelf.story.game(), at.scene != last.scene);
    let new_choice = choice.is_some() && choice != last.choice;
    let loaded = game != last.game && session.history().entries().len() > 1;
    if !(new_scene || new_choice || game != last.game) {
        return;
    }
    *last = Autosaved {
        game,
        scene: at.scene.clone(),
        choice,
    };
    if loaded {
        return;
    }
    let (Some(file), Some(beat)) = (shelf.file(), shelf.beat()) else {
        return;
    };
    if shelf.pictures_taken.is_some() {
        let since = shelf.time.elapsed_secs();
        shelf.pending.0 = Some((file, beat, since));
    } else {
        shelf.write(Slot::Auto, &file);
    }
}

/// Writes the waiting autosave once the picture of its beat is taken, or
/// without one when it does not come.
fn finish_autosave(mut shelf: Shelf) {
    let Some((_, beat, since)) = &shelf.pending.0 else {
        return;
    };
    let picture = match &shelf.thumbnail.0 {
        Some((taken, picture)) if taken == beat => Some(picture.clone()),
        _ if shelf.time.elapsed_secs() - since > PICTURE_WAIT => None,
        _ => return,
    };
    let Some((mut file, _, _)) = shelf.pending.0.take() else {
        return;
    };
    file.about.thumbnail = picture;
    shelf.write(Slot::Auto, &file);
}

/// What loading needs: the slots, the game, the timer setting and the
/// screen to open.
#[derive(SystemParam)]
struct Loader<'w> {
    saves: Option<Res<'w, Saves>>,
    story: ResMut<'w, Story>,
    settings: Res<'w, Settings>,
    screen: ResMut<'w, NextState<Screen>>,
    news: MessageWriter<'w, SaveNews>,
}

/// Loads the game asked for and plays it; one asked for before the scenes
/// are loaded waits for them.
fn load(
    mut requests: MessageReader<LoadFrom>,
    mut waiting: Local<Option<Slot>>,
    mut loader: Loader,
) {
    if let Some(LoadFrom(slot)) = requests.read().last() {
        *waiting = Some(*slot);
    }
    let (Some(slot), Some(saves)) = (*waiting, loader.saves.as_ref()) else {
        return;
    };
    if loader.story.library().is_none() {
        return;
    }
    *waiting = None;
    let file = match saves.load(slot) {
        Ok(file) => file,
        Err(err) => {
            warn!("{err}");
            loader.news.write(SaveNews::Failed(err.0));
            return;
        }
    };
    let timers = loader.settings.timers;
    match loader.story.load(file.game, timers) {
        Ok(moved) => {
            loader.news.write(SaveNews::Loaded(slot));
            if let Some(at) = moved {
                info!("the scenes changed since the save at {at}: going on from its scene's start");
                loader.news.write(SaveNews::Moved(at));
            }
            loader.screen.set(Screen::Playing);
        }
        Err(_) => *waiting = Some(slot),
    }
}

/// Stores imported saves in their slots.
fn import(
    mut requests: MessageReader<ImportSave>,
    saves: Option<ResMut<Saves>>,
    mut news: MessageWriter<SaveNews>,
) {
    let Some(mut saves) = saves else {
        requests.clear();
        return;
    };
    for ImportSave { slot, text } in requests.read() {
        match saves.import(*slot, text) {
            Ok(set_aside) => {
                if let Some(kept) = set_aside {
                    news.write(SaveNews::SetAside(kept));
                }
                news.write(SaveNews::Saved(*slot));
            }
            Err(err) => {
                news.write(SaveNews::Failed(err.0));
            }
        }
    }
}

/// Notes every line shown in the record of lines read, and keeps it.
fn remember_lines_read(
    story: Res<Story>,
    seen: Option<ResMut<SeenLines>>,
    mut looked_at: Local<(u64, u64)>,
) {
    let (Some(mut seen), Some(session)) = (seen, story.session()) else {
        return;
    };
    let shown = (story.game(), session.revision());
    if std::mem::replace(&mut *looked_at, shown) == shown {
        return;
    }
    let at = &session.story().cursor;
    if !matches!(session.library().node(at), Some(NodeDef::Line { .. })) || seen.contains(at) {
        return;
    }
    seen.insert(at);
    if let Err(err) = seen.store() {
        warn!("could not keep the record of lines read: {err}");
    }
}
