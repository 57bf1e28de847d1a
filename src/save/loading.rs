//! Loading: a slot asked for (one asked for before the scenes are loaded
//! waits for them), Continue, and saves imported into a slot.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::plugin::{ContinueGame, ImportSave, LoadFrom, SaveNews, SaveSystems};
use super::shelf::{Saves, Slot};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::Story;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (go_on, load, import).chain().in_set(SaveSystems::Load),
    );
}

/// What Continue does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GoOn {
    /// Back to the game in progress.
    Playing,
    /// Load the newest save.
    Load(Slot),
    /// Nothing to go on with.
    Nothing,
}

/// What Continue does: back to the game in progress if there is one that
/// can go on, else load the `newest` save.
fn continue_with(in_progress: bool, newest: Option<Slot>) -> GoOn {
    match (in_progress, newest) {
        (true, _) => GoOn::Playing,
        (false, Some(slot)) => GoOn::Load(slot),
        (false, None) => GoOn::Nothing,
    }
}

/// Answers Continue.
fn go_on(
    mut requests: MessageReader<ContinueGame>,
    story: Res<Story>,
    saves: Option<Res<Saves>>,
    mut screen: ResMut<NextState<Screen>>,
    mut load: MessageWriter<LoadFrom>,
) {
    if requests.read().count() == 0 {
        return;
    }
    match continue_with(story.in_progress(), saves.and_then(|saves| saves.newest())) {
        GoOn::Playing => screen.set(Screen::Playing),
        GoOn::Load(slot) => {
            load.write(LoadFrom(slot));
        }
        GoOn::Nothing => {}
    }
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
    let Ok(moved) = loader.story.load(file.game, timers) else {
        return;
    };
    loader.news.write(SaveNews::Loaded(slot));
    if let Some(at) = moved {
        info!("the scenes changed since the save at {at}: going on from its scene's start");
        loader.news.write(SaveNews::Moved(at));
    }
    loader.screen.set(Screen::Playing);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continue_goes_back_to_the_game_in_progress_else_loads_the_newest_save() {
        assert_eq!(continue_with(true, Some(Slot::Quick)), GoOn::Playing);
        assert_eq!(
            continue_with(false, Some(Slot::Quick)),
            GoOn::Load(Slot::Quick)
        );
        assert_eq!(continue_with(false, None), GoOn::Nothing);
    }
}
